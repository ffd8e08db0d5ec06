"""Direct contacts that other apps record, added to the dashboard's reach when the app is
installed (see `selectors._reach_plugins`)."""

from __future__ import annotations

from django.db.models import Sum
from django.utils.translation import gettext as _


def werkvloer_reach(filters) -> list[tuple[str, int]]:
    """Self-scan rounds and the employees who completed the scan. Closed rounds count by
    their team results (the answers themselves may be deleted by then); open rounds by
    their completed answers."""
    from olievlek.werkvloer.models import Response, ScanRound, TeamResult

    rounds = ScanRound.objects.filter(filters.moments("created_at"))
    if filters.province:
        rounds = rounds.filter(organisation__province=filters.province)
    closed = TeamResult.objects.filter(round__in=rounds.values("pk")).aggregate(
        n=Sum("respondents")
    )["n"]
    running = Response.objects.filter(
        round__in=rounds.filter(closed_at__isnull=True).values("pk"), completed=True
    ).count()
    return [
        (_("Self-scan rounds"), rounds.count()),
        (_("Employees who completed the self-scan"), (closed or 0) + running),
    ]


# App label -> the function that reports its direct contacts.
BUILT_IN = {"olievlek.werkvloer": werkvloer_reach}
