"""The project team's decisions on organisations: approval, rejection and roles."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from olievlek.accounts.languages import send_in_language
from olievlek.audit.services import audit_record
from olievlek.site.cache import bump
from olievlek.site.reasons import MailPreview, mail_preview, reason_clean

from ..choices import Status
from ..models import Organisation
from .search import reindex_organisation


def _contact_emails(organisation: Organisation) -> list[str]:
    return list(organisation.contacts.values_list("user__email", flat=True))


def _address_confirmed(organisation: Organisation) -> bool:
    """Whether a contact proved its address: anyone can type someone else's."""
    return EmailAddress.objects.filter(
        user__contact__organisation=organisation, verified=True
    ).exists()


def _decision_mail(organisation: Organisation, status: str, reason: str):
    template = "network/emails/approved" if status == Status.APPROVED else "network/emails/rejected"
    return template, _contact_emails(organisation), {"organisation": organisation, "reason": reason}


def _review(*, organisation: Organisation, actor, status: str, reason: str) -> Organisation:
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        if organisation.status != Status.PENDING:
            raise ValidationError(_("This registration has already been handled."))
        if status == Status.APPROVED and not _address_confirmed(organisation):
            raise ValidationError(
                _(
                    "The email address of this registration has not been confirmed yet. "
                    "It can be approved once the contact person has clicked the link in "
                    "the confirmation mail."
                )
            )
        organisation.status = status
        organisation.status_reason = reason
        organisation.reviewed_at = timezone.now()
        organisation.reviewed_by = actor
        organisation.save(
            update_fields=["status", "status_reason", "reviewed_at", "reviewed_by", "updated_at"]
        )
        transaction.on_commit(lambda: bump("network"))
        transaction.on_commit(lambda: reindex_organisation(organisation))
        audit_record(
            actor=actor, action=f"organisation.{status}", target=organisation, reason=reason
        )
        template, recipients, context = _decision_mail(organisation, status, reason)
        transaction.on_commit(
            lambda: send_in_language(template=template, recipients=recipients, context=context)
        )
    return organisation


def organisation_approve(*, organisation: Organisation, actor) -> Organisation:
    return _review(organisation=organisation, actor=actor, status=Status.APPROVED, reason="")


def _rejection_reason(reason: str) -> str:
    return reason_clean(reason, empty_message=_("Give the reason; the employer will read it."))


def organisation_reject_preview(*, organisation: Organisation, reason: str) -> MailPreview:
    """The mail a rejection with this reason would send, without deciding anything."""
    reason = _rejection_reason(reason)
    template, recipients, context = _decision_mail(organisation, Status.REJECTED, reason)
    return mail_preview(template=template, recipients=recipients, context=context)


def organisation_reject(*, organisation: Organisation, actor, reason: str) -> Organisation:
    reason = _rejection_reason(reason)
    return _review(organisation=organisation, actor=actor, status=Status.REJECTED, reason=reason)


def organisation_set_roles(
    *, organisation: Organisation, actor, is_koploper: bool, is_ambassador: bool, is_partner: bool
) -> Organisation:
    with transaction.atomic():
        before = {
            "is_koploper": organisation.is_koploper,
            "is_ambassador": organisation.is_ambassador,
            "is_partner": organisation.is_partner,
        }
        organisation.is_koploper = is_koploper
        organisation.is_ambassador = is_ambassador
        organisation.is_partner = is_partner
        organisation.save(
            update_fields=["is_koploper", "is_ambassador", "is_partner", "updated_at"]
        )
        after = {
            "is_koploper": is_koploper,
            "is_ambassador": is_ambassador,
            "is_partner": is_partner,
        }
        transaction.on_commit(lambda: bump("network"))
        if before != after:
            audit_record(
                actor=actor,
                action="organisation.roles",
                target=organisation,
                before=before,
                after=after,
            )
    return organisation
