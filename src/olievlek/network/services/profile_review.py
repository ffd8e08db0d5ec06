"""The project team's decision on a member's change of name or website."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from olievlek.accounts.languages import send_in_language
from olievlek.audit.services import audit_record
from olievlek.site.cache import bump
from olievlek.site.reasons import MailPreview, mail_preview, reason_clean

from ..models import Organisation, ProfileChange
from .search import reindex_organisation


def _decision_mail(change: ProfileChange, organisation: Organisation, state: str, reason: str):
    recipients = list(organisation.contacts.values_list("user__email", flat=True))
    context = {"organisation": organisation, "rows": change.rows, "reason": reason}
    template = (
        "network/emails/profile_change_approved"
        if state == ProfileChange.State.APPROVED
        else "network/emails/profile_change_rejected"
    )
    return template, recipients, context


def _decide(*, change: ProfileChange, actor, state: str, reason: str) -> ProfileChange:
    with transaction.atomic():
        change = ProfileChange.objects.select_for_update().get(pk=change.pk)
        if change.state != ProfileChange.State.PENDING:
            raise ValidationError(_("This change has already been handled."))
        organisation = Organisation.objects.select_for_update().get(pk=change.organisation_id)
        if state == ProfileChange.State.APPROVED:
            before = {name: getattr(organisation, name) for name in change.changes}
            for name, value in change.changes.items():
                setattr(organisation, name, value)
            organisation.full_clean()
            organisation.save()
            transaction.on_commit(lambda: bump("network"))
            transaction.on_commit(lambda: reindex_organisation(organisation))
            audit_record(
                actor=actor,
                action="organisation.change_approved",
                target=organisation,
                changes={name: [before[name], value] for name, value in change.changes.items()},
            )
        else:
            audit_record(
                actor=actor,
                action="organisation.change_rejected",
                target=organisation,
                reason=reason,
                changes={
                    name: [change.previous.get(name, ""), value]
                    for name, value in change.changes.items()
                },
            )
        change.state = state
        change.reason = reason
        change.decided_by = actor
        change.decided_at = timezone.now()
        change.save(update_fields=["state", "reason", "decided_by", "decided_at"])
        template, recipients, context = _decision_mail(change, organisation, state, reason)
        transaction.on_commit(
            lambda: send_in_language(template=template, recipients=recipients, context=context)
        )
    return change


def profile_change_approve(*, change: ProfileChange, actor) -> ProfileChange:
    return _decide(change=change, actor=actor, state=ProfileChange.State.APPROVED, reason="")


def _rejection_reason(reason: str) -> str:
    return reason_clean(reason, empty_message=_("Give the reason; the employer will read it."))


def profile_change_reject_preview(*, change: ProfileChange, reason: str) -> MailPreview:
    """The mail a rejection with this reason would send, without deciding anything."""
    reason = _rejection_reason(reason)
    template, recipients, context = _decision_mail(
        change, change.organisation, ProfileChange.State.REJECTED, reason
    )
    return mail_preview(template=template, recipients=recipients, context=context)


def profile_change_reject(*, change: ProfileChange, actor, reason: str) -> ProfileChange:
    reason = _rejection_reason(reason)
    return _decide(change=change, actor=actor, state=ProfileChange.State.REJECTED, reason=reason)
