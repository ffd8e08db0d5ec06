from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from .models import OutboundMail

# Mails a visitor can make us send to any address: at most this many to one address per
# window, so a public form cannot be used to flood someone's mailbox.
RECIPIENT_LIMITS: dict[str, tuple[int, timedelta]] = {
    "events/emails/confirm_email": (5, timedelta(hours=1)),
}


def mail_list(*, state: str = "", q: str = "") -> QuerySet[OutboundMail]:
    """Outgoing mails, newest first, optionally in one state or to/about ``q``."""
    mails = OutboundMail.objects.defer("body_text", "body_html")
    if state:
        mails = mails.filter(state=state)
    if q:
        mails = mails.filter(Q(recipient__icontains=q) | Q(subject__icontains=q))
    return mails.order_by("-created_at", "-pk")


def mail_state_counts() -> dict[str, int]:
    """How many mails are in each state (for the filter of the back office)."""
    counts = dict.fromkeys(OutboundMail.State.values, 0)
    rows = OutboundMail.objects.order_by().values("state").annotate(n=Count("pk"))
    counts.update({row["state"]: row["n"] for row in rows})
    return counts


def _to(recipient: str, kind: str) -> QuerySet[OutboundMail]:
    return OutboundMail.objects.filter(recipient__iexact=recipient.strip(), kind=kind)


def recipient_limit_reached(*, recipient: str, kind: str, now: datetime | None = None) -> bool:
    """Whether `recipient` has had as many mails of `kind` as `RECIPIENT_LIMITS` allows."""
    if kind not in RECIPIENT_LIMITS:
        return False
    limit, window = RECIPIENT_LIMITS[kind]
    since = (now or timezone.now()) - window
    return _to(recipient, kind).filter(created_at__gte=since).count() >= limit


def recipient_mailed_within(*, recipient: str, kind: str, within: timedelta) -> bool:
    """Whether a mail of `kind` to `recipient` was queued less than `within` ago."""
    return _to(recipient, kind).filter(created_at__gte=timezone.now() - within).exists()
