"""The project team publishes its own draft meetings, and publishes or rejects a meeting
that a partner organised or a member proposed; the person who entered that one hears the
outcome."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from olievlek.accounts.access import is_team
from olievlek.accounts.languages import send_in_language
from olievlek.audit.services import audit_record
from olievlek.site.reasons import MailPreview, mail_preview, reason_clean

from ..choices import ReviewState
from ..models import Event


def _author_mail(event: Event, template: str, reason: str):
    author = event.created_by
    recipients = [author.email] if author is not None and author.email else []
    context = {"event": event, "reason": reason, "path": event.get_absolute_url()}
    return f"events/emails/{template}", recipients, context


def _mail_author(event: Event, template: str) -> None:
    template, recipients, context = _author_mail(event, template, event.review_note)
    if not recipients:
        return
    transaction.on_commit(
        lambda: send_in_language(template=template, recipients=recipients, context=context)
    )


def _rejection_reason(reason: str) -> str:
    return reason_clean(reason, empty_message=_("Say why the meeting is rejected."))


def event_reject_preview(*, event: Event, reason: str) -> MailPreview:
    """The mail a rejection with this reason would send, without deciding anything."""
    template, recipients, context = _author_mail(
        event, "review_rejected", _rejection_reason(reason)
    )
    return mail_preview(template=template, recipients=recipients, context=context)


def _locked_in(event: Event, actor, states) -> Event:
    if not is_team(actor):
        raise PermissionError("Only the project team publishes or reviews meetings.")
    locked = Event.objects.select_for_update().get(pk=event.pk)
    if locked.review_state not in states:
        if ReviewState.DRAFT in states:
            raise ValidationError(_("This meeting is already published or was rejected."))
        raise ValidationError(_("This meeting is not waiting for review."))
    return locked


def event_publish(*, event: Event, actor) -> Event:
    """Publish a draft or a meeting waiting for review: from now on it shows in the
    calendar, the feed, the search and the API, and registration opens like any other."""
    from .events import _reindex

    with transaction.atomic():
        locked = _locked_in(event, actor, {ReviewState.DRAFT, ReviewState.PENDING})
        was_pending = locked.review_state == ReviewState.PENDING
        locked.review_state = ReviewState.PUBLISHED
        locked.review_note = ""
        locked.save(update_fields=["review_state", "review_note", "updated_at"])
        audit_record(actor=actor, action="event.publish", target=locked)
        if was_pending:
            _mail_author(locked, "review_published")
        transaction.on_commit(lambda: _reindex(locked))
    return locked


def event_reject(*, event: Event, actor, reason: str) -> Event:
    reason = _rejection_reason(reason)
    with transaction.atomic():
        locked = _locked_in(event, actor, {ReviewState.PENDING})
        locked.review_state = ReviewState.REJECTED
        locked.review_note = reason
        locked.save(update_fields=["review_state", "review_note", "updated_at"])
        audit_record(actor=actor, action="event.reject", target=locked, reason=reason)
        _mail_author(locked, "review_rejected")
    return locked
