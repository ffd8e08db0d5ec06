from __future__ import annotations

from django.db.models import Count, QuerySet

from .models import OutboundMail


def mail_list(*, state: str = "") -> QuerySet[OutboundMail]:
    """Outgoing mails, newest first, optionally in one state."""
    mails = OutboundMail.objects.defer("body_text", "body_html")
    if state:
        mails = mails.filter(state=state)
    return mails.order_by("-created_at", "-pk")


def mail_state_counts() -> dict[str, int]:
    """How many mails are in each state (for the filter of the back office)."""
    counts = dict.fromkeys(OutboundMail.State.values, 0)
    rows = OutboundMail.objects.order_by().values("state").annotate(n=Count("pk"))
    counts.update({row["state"]: row["n"] for row in rows})
    return counts
