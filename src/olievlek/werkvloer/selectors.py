"""Reads of the self-scan. The employer's figures come from `TeamResult` through the
engine's suppression rules; an individual's answers are read only for that employee."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import Sum

from olievlek.engines import scan
from olievlek.engines.scan import THEMES
from olievlek.site.cache import version

from .aggregates import WAS_FIELDS, theme_fields
from .choices import RoundState
from .models import Response, ScanRound, ScanTeam, TeamResult

BENCHMARK_TIMEOUT = 3600


def min_group() -> int:
    """The minimum group, enforced again at read time whatever the settings say."""
    return scan.minimum_group(getattr(settings, "OLIEVLEK_SCAN_MIN_GROUP", scan.MIN_GROUP))


def employer_rounds(*, organisation):
    return ScanRound.objects.filter(organisation=organisation).prefetch_related("teams")


def employer_round(*, organisation, pk: int) -> ScanRound | None:
    return ScanRound.objects.filter(organisation=organisation, pk=pk).first()


def employer_team(*, organisation, round_pk: int, team_pk: int) -> ScanTeam | None:
    return (
        ScanTeam.objects.select_related("round")
        .filter(round__organisation=organisation, round_id=round_pk, pk=team_pk)
        .first()
    )


def round_response_count(*, scan_round: ScanRound) -> int:
    """While a round is open the employer sees only the organisation's total."""
    return Response.objects.filter(round=scan_round, completed=True).count()


@dataclass
class Figures:
    """What may be shown of one group. `n` is None when the group is hidden."""

    label: str
    n: int | None
    reason: str | None = None
    team_pk: int | None = None
    means: dict[str, float | None] = field(default_factory=dict)
    bars: dict[str, tuple[int | None, ...] | None] = field(default_factory=dict)
    was_mean: float | None = None
    was_bars: tuple[int | None, ...] | None = None

    @property
    def shown(self) -> bool:
        return self.n is not None


@dataclass
class RoundView:
    scan_round: ScanRound
    k: int
    organisation: Figures
    teams: list[Figures]
    benchmark: Figures | None

    def weak_themes(self, figures: Figures) -> list[str]:
        return scan.weak_themes(figures.means, limit=3)


def _sum_row(rows: list[dict]) -> dict:
    keys = ["respondents", "was_sum", *WAS_FIELDS]
    for t in THEMES:
        keys += [f"sum_{t}", f"n_{t}", *theme_fields(t)]
    return {key: sum(r[key] for r in rows) for key in keys}


def _means(row: dict) -> dict[str, float | None]:
    return {t: round(row[f"sum_{t}"] / row[f"n_{t}"], 2) if row[f"n_{t}"] else None for t in THEMES}


def _figures(label: str, row: dict, *, k: int, team_pk=None) -> Figures:
    def bars_of(counts):
        return scan.distribution(counts, k=k)

    n = row["respondents"]
    return Figures(
        label=label,
        n=n,
        team_pk=team_pk,
        means=_means(row),
        bars={t: bars_of([row[f] for f in theme_fields(t)]) for t in THEMES},
        was_mean=round(row["was_sum"] / n, 1) if n else None,
        was_bars=bars_of([row[f] for f in WAS_FIELDS]),
    )


def _result_rows(scan_round: ScanRound) -> dict[str, dict]:
    rows = {}
    for result in TeamResult.objects.filter(round=scan_round).select_related("team"):
        row = {f.attname: getattr(result, f.attname) for f in TeamResult._meta.concrete_fields}
        row["team_pk"] = result.team_id
        rows[result.team.name] = row
    return rows


def _earlier_published(scan_round: ScanRound, k: int) -> list[scan.Published]:
    """Replay the suppression of the organisation's earlier closed rounds, oldest first,
    so a team is compared with what was really shown before."""
    earlier = (
        ScanRound.objects.filter(
            organisation_id=scan_round.organisation_id,
            state=RoundState.CLOSED,
            closed_at__lt=scan_round.closed_at,
        )
        .order_by("closed_at", "pk")
        .prefetch_related("results__team")
    )
    published: list[scan.Published] = []
    for past in earlier:
        teams = {r.team.name: r.respondents for r in past.results.all()}
        published.append(scan.plan_round(teams=teams, k=k, earlier=published).published())
    return published


def round_view(*, scan_round: ScanRound) -> RoundView:
    """The employer's view of a closed round: per team and for the organisation."""
    k = min_group()
    rows = _result_rows(scan_round)
    plan = scan.plan_round(
        teams={name: row["respondents"] for name, row in rows.items()},
        k=k,
        earlier=_earlier_published(scan_round, k),
    )
    teams = []
    shown_rows = []
    for name, row in rows.items():
        if name in plan.hidden:
            teams.append(
                Figures(label=name, n=None, reason=plan.hidden[name], team_pk=row["team_pk"])
            )
        else:
            shown_rows.append(row)
            teams.append(_figures(name, row, k=k, team_pk=row["team_pk"]))
    total = _sum_row(list(rows.values())) if rows else None
    if total is None or not plan.org_shown:
        organisation = Figures(
            label=str(scan_round.organisation), n=None, reason=plan.org_reason or scan.SMALL
        )
    else:
        organisation = _figures(str(scan_round.organisation), total, k=k)
        for t in THEMES:
            fields = theme_fields(t)
            organisation.bars[t] = scan.org_distribution(
                org_counts=[total[f] for f in fields],
                shown_team_counts=[[r[f] for f in fields] for r in shown_rows],
                k=k,
            )
        organisation.was_bars = scan.org_distribution(
            org_counts=[total[f] for f in WAS_FIELDS],
            shown_team_counts=[[r[f] for f in WAS_FIELDS] for r in shown_rows],
            k=k,
        )
    return RoundView(
        scan_round=scan_round,
        k=k,
        organisation=organisation,
        teams=teams,
        benchmark=network_benchmark(k=k),
    )


BENCHMARK_NAMESPACE = "werkvloer-benchmark"


def network_benchmark(*, k: int | None = None) -> Figures | None:
    """The network's means over every closed round of at least k respondents; None until
    at least five organisations took part. It changes only when a round closes (which
    bumps the cached version), so every employer's page shares one computation."""
    k = k or min_group()
    key = f"werkvloer:benchmark:{k}:{version(BENCHMARK_NAMESPACE)}"
    cached = cache.get(key)
    if cached is None:
        cached = (_network_benchmark(k),)
        cache.set(key, cached, BENCHMARK_TIMEOUT)
    return cached[0]


def _network_benchmark(k: int) -> Figures | None:
    """Two SQL aggregates over the team results."""
    results = TeamResult.objects.filter(round__state=RoundState.CLOSED, round__respondents__gte=k)
    organisations = results.values("organisation").distinct().count()
    if not scan.network_benchmark_shown(organisations=organisations):
        return None
    sums = {"respondents": Sum("respondents"), "was_sum": Sum("was_sum")}
    for f in WAS_FIELDS:
        sums[f] = Sum(f)
    for t in THEMES:
        sums[f"sum_{t}"] = Sum(f"sum_{t}")
        sums[f"n_{t}"] = Sum(f"n_{t}")
        for f in theme_fields(t):
            sums[f] = Sum(f)
    row = {key: value or 0 for key, value in results.aggregate(**sums).items()}
    figures = _figures("network", row, k=k)
    figures.label = str(organisations)
    return figures


def personal_result(*, response: Response) -> dict:
    """The employee's own result: only ever called for the employee's own response."""
    scores = {t: getattr(response, f"score_{t}") for t in THEMES}
    return {
        "scores": scores,
        "was": response.was,
        "was_band": scan.was_band(response.was) if response.was is not None else None,
        "weak": scan.weak_themes(scores, limit=3),
        "open_answer": response.open_answer,
    }
