"""Team figures computed in the database: one GROUP BY over the responses, sums and
filtered counts per theme, never a Python loop over answers."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet, Sum

from olievlek.engines.scan import LOW_BELOW, THEMES, WEAK_BELOW

from .models import Response

WAS_FIELDS = ("was_poor", "was_moderate", "was_good")


def theme_fields(theme: str) -> tuple[str, str, str]:
    return (f"low_{theme}", f"middle_{theme}", f"high_{theme}")


def response_annotations() -> dict:
    """Counts, sums and band counts over responses, as SQL aggregates."""
    ann = {
        "respondents": Count("id"),
        "was_sum": Sum("was"),
        "was_poor": Count("id", filter=Q(was__lte=5)),
        "was_moderate": Count("id", filter=Q(was__gte=6, was__lte=7)),
        "was_good": Count("id", filter=Q(was__gte=8)),
    }
    for t in THEMES:
        score = f"score_{t}"
        ann[f"sum_{t}"] = Sum(score)
        ann[f"n_{t}"] = Count(score)
        ann[f"low_{t}"] = Count("id", filter=Q(**{f"{score}__lt": LOW_BELOW}))
        ann[f"middle_{t}"] = Count(
            "id", filter=Q(**{f"{score}__gte": LOW_BELOW, f"{score}__lte": WEAK_BELOW})
        )
        ann[f"high_{t}"] = Count("id", filter=Q(**{f"{score}__gt": WEAK_BELOW}))
    return ann


def team_aggregates(responses: QuerySet[Response]) -> list[dict]:
    """One dict per team (key `team`) over the completed responses given."""
    rows = (
        responses.filter(completed=True)
        .values("team")
        .order_by("team")
        .annotate(**response_annotations())
    )
    return [{k: (v or 0) for k, v in row.items()} for row in rows]
