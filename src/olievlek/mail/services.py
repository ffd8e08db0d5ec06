"""Queueing and delivering mail.

A mail is a row first (`mail_queue`, in the transaction of the change that causes it),
and is handed to the task worker once that transaction commits. The worker claims the row
under a lock (so two workers never send the same mail), sends it outside any transaction
(a slow mail server must not hold a database lock), and records the outcome. A failure is
retried after 1, 5 and 30 minutes and 2 hours; after the fifth attempt the mail is failed,
with the reason shown to the project team, who can send it again.

On the database task backend a retry is a deferred task (`run_after`). Backends that cannot
defer (the immediate backend of the tests), and mails whose task was lost (a worker that
died), are picked up by `olievlek mail_send_due`, which sends every mail that is due.
"""

from __future__ import annotations

import logging
import smtplib
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from olievlek.audit.services import audit_record

from .models import OutboundMail
from .rendering import header_safe
from .selectors import RECIPIENT_LIMITS, recipient_limit_reached

logger = logging.getLogger(__name__)

RETRY_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
# A claim older than this belongs to a worker that died while sending.
STALE_CLAIM = timedelta(minutes=15)
# Mails hold names and addresses: the rows of finished mails are kept this long, then
# deleted by `mail_send_due`.
RETENTION = timedelta(days=90)
_SUBJECT_LENGTH = OutboundMail._meta.get_field("subject").max_length


def _enqueue(mail_id: int, run_after: datetime | None = None) -> None:
    from .tasks import deliver_mail

    task = deliver_mail
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return  # `mail_send_due` sends it once it is due
        task = task.using(run_after=run_after)
    task.enqueue(mail_id)


def _store(mail: OutboundMail) -> OutboundMail:
    mail.save()
    # robust: when the queue cannot be reached, the page still answers; the row stays
    # queued and `mail_send_due` sends it.
    transaction.on_commit(partial(_enqueue, mail.pk), robust=True)
    return mail


def mail_queue(
    *, recipient: str, subject: str, text: str, html: str = "", kind: str = ""
) -> OutboundMail:
    """Store one mail to one recipient; it is sent after the current transaction commits.

    The subject loses its line breaks (a header must be one line; a name or title typed
    with a newline would otherwise make sending fail)."""
    mail = OutboundMail(
        recipient=header_safe(recipient),
        subject=header_safe(subject)[:_SUBJECT_LENGTH],
        body_text=text,
        body_html=html,
        kind=kind[:200],
    )
    if recipient_limit_reached(recipient=mail.recipient, kind=kind):
        limit, window = RECIPIENT_LIMITS[kind]
        mail.state = OutboundMail.State.FAILED
        with translation.override(settings.LANGUAGE_CODE):
            mail.last_error = _(
                "Held back: this address has had %(limit)d mails like this in the last "
                "%(minutes)d minutes."
            ) % {"limit": limit, "minutes": window.total_seconds() // 60}
        mail.save()
        logger.warning("Mail %s to %s held back by the recipient limit", kind, mail.recipient)
        return mail
    return _store(mail)


def mail_resend(*, mail: OutboundMail, actor) -> OutboundMail:
    """Send a copy of a sent or failed mail (the original stays as it was)."""
    if not mail.can_resend:
        raise ValidationError(
            _("This mail is still on its way; it can be sent again once it is sent or failed.")
        )
    with transaction.atomic():
        copy = _store(
            OutboundMail(
                recipient=mail.recipient,
                subject=mail.subject,
                body_text=mail.body_text,
                body_html=mail.body_html,
                kind=mail.kind,
                resent_from=mail,
            )
        )
        audit_record(actor=actor, action="mail.resend", target=mail, copy=copy.pk)
    return copy


def _is_due(mail: OutboundMail, now: datetime) -> bool:
    if mail.state == OutboundMail.State.QUEUED:
        return True
    return mail.state == OutboundMail.State.RETRYING and (
        mail.next_attempt_at is None or mail.next_attempt_at <= now
    )


def _claim(mail_id: int, now: datetime) -> OutboundMail | None:
    with transaction.atomic():
        mail = OutboundMail.objects.select_for_update().filter(pk=mail_id).first()
        if mail is None or not _is_due(mail, now):
            return None
        mail.state = OutboundMail.State.SENDING
        mail.attempts += 1
        mail.claimed_at = now
        mail.save(update_fields=["state", "attempts", "claimed_at"])
    return mail


def _message(mail: OutboundMail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.body_text,
        from_email=header_safe(settings.DEFAULT_FROM_EMAIL),
        to=[mail.recipient],
    )
    if mail.body_html:
        message.attach_alternative(mail.body_html, "text/html")
    return message


def _is_permanent(error: Exception) -> bool:
    """Errors that a retry cannot fix: a malformed message, or an address the server
    refuses for good (5xx)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    return isinstance(error, ValueError)


def _record_failure(mail: OutboundMail, error: Exception, now: datetime) -> OutboundMail:
    mail.last_error = f"{type(error).__name__}: {error}"[:2000]
    mail.claimed_at = None
    if _is_permanent(error) or mail.attempts >= MAX_ATTEMPTS:
        mail.state = OutboundMail.State.FAILED
        mail.next_attempt_at = None
        logger.error("Mail %s to %s failed: %s", mail.pk, mail.recipient, mail.last_error)
    else:
        mail.state = OutboundMail.State.RETRYING
        mail.next_attempt_at = now + RETRY_DELAYS[mail.attempts - 1]
        logger.warning(
            "Mail %s to %s not sent (attempt %s), retry at %s: %s",
            mail.pk,
            mail.recipient,
            mail.attempts,
            mail.next_attempt_at,
            mail.last_error,
        )
    with transaction.atomic():
        mail.save(update_fields=["state", "last_error", "claimed_at", "next_attempt_at"])
        if mail.state == OutboundMail.State.RETRYING:
            transaction.on_commit(partial(_enqueue, mail.pk, mail.next_attempt_at), robust=True)
    return mail


def mail_deliver(*, mail_id: int, now: datetime | None = None) -> OutboundMail | None:
    """One attempt to send a mail that is due; None when it is not (sent already, or
    claimed by another worker, or not yet time for its retry)."""
    now = now or timezone.now()
    mail = _claim(mail_id, now)
    if mail is None:
        return None
    try:
        _message(mail).send()
    except Exception as error:  # noqa: BLE001 (whatever the mail server does is recorded)
        return _record_failure(mail, error, now)
    mail.state = OutboundMail.State.SENT
    mail.sent_at = timezone.now()
    mail.last_error = ""
    mail.claimed_at = mail.next_attempt_at = None
    mail.save(update_fields=["state", "sent_at", "last_error", "claimed_at", "next_attempt_at"])
    return mail


def mail_send_due(*, now: datetime | None = None, limit: int = 500) -> int:
    """Send every mail that is due (queued, or retrying and its time has come), after
    returning mails of a worker that died mid-send to the queue. Returns how many were
    sent."""
    now = now or timezone.now()
    OutboundMail.objects.filter(
        state=OutboundMail.State.SENDING, claimed_at__lt=now - STALE_CLAIM
    ).update(
        state=OutboundMail.State.RETRYING,
        next_attempt_at=now,
        claimed_at=None,
        last_error="Interrupted while sending",
    )
    due = OutboundMail.objects.filter(
        Q(state=OutboundMail.State.QUEUED)
        | Q(state=OutboundMail.State.RETRYING, next_attempt_at__lte=now)
    ).order_by("created_at", "pk")
    sent = 0
    for mail_id in list(due.values_list("pk", flat=True)[:limit]):
        mail = mail_deliver(mail_id=mail_id, now=now)
        sent += mail is not None and mail.state == OutboundMail.State.SENT
    return sent


def mail_prune(*, now: datetime | None = None) -> int:
    """Delete sent and failed mails older than `RETENTION` (copies sent again keep their
    own row; their link to the original is cleared). Returns how many were deleted."""
    before = (now or timezone.now()) - RETENTION
    old = OutboundMail.objects.filter(
        state__in=[OutboundMail.State.SENT, OutboundMail.State.FAILED], created_at__lt=before
    )
    deleted, _rows = old.delete()
    return deleted
