"""The dashboard's figures, aggregated in the database (one grouped query per figure),
filtered by period, province and theme.

Not every figure knows every filter: page visits have no province or theme (they are
counted without knowing anything about the visitor), survey answers neither, and Pay it
Forward matches have no single theme. `Filters.applies` says which filters a figure used.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from importlib import import_module

from django.apps import apps
from django.core.cache import cache
from django.db.models import Count, Max, Q, Sum
from django.db.models.functions import TruncDate, TruncMonth
from django.utils import timezone

from olievlek.engines import spread, stats
from olievlek.events.choices import Attendance, RegistrationState
from olievlek.events.models import Event, FollowUp, Registration
from olievlek.knowledge.models import CampaignDownload
from olievlek.network.choices import Source, Status
from olievlek.network.models import Organisation
from olievlek.payitforward.choices import MADE_STATES, MatchState
from olievlek.payitforward.models import Match

from .choices import QUESTIONS
from .models import CampaignActivity, DailyVisits, SurveyResponse
from .services.visits import ALL


@dataclass(frozen=True)
class Filters:
    start: dt.date | None = None
    end: dt.date | None = None
    province: str = ""
    theme: str = ""

    def days(self, name: str) -> Q:
        q = Q()
        if self.start:
            q &= Q(**{f"{name}__gte": self.start})
        if self.end:
            q &= Q(**{f"{name}__lte": self.end})
        return q

    def moments(self, name: str) -> Q:
        """The period on a date-time field, in whole local days."""
        q = Q()
        zone = timezone.get_current_timezone()
        if self.start:
            q &= Q(**{f"{name}__gte": dt.datetime.combine(self.start, dt.time(), zone)})
        if self.end:
            following = self.end + dt.timedelta(days=1)
            q &= Q(**{f"{name}__lt": dt.datetime.combine(following, dt.time(), zone)})
        return q


def _month(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


# --------------------------------------------------------------------------- network


def _members(f: Filters):
    qs = Organisation.objects.filter(status=Status.APPROVED)
    if f.province:
        qs = qs.filter(province=f.province)
    if f.theme:
        qs = qs.filter(theme_profiles__theme=f.theme)
    return qs


def network_growth(f: Filters) -> list[dict]:
    """Per month: organisations that joined, of which front-runners and of which joined on
    their own, and the running total of members."""
    members = _members(f)
    before = members.filter(created_at__lt=_start_moment(f)).count() if f.start else 0
    rows = (
        members.filter(f.moments("created_at"))
        .annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(
            joined=Count("id", distinct=True),
            koplopers=Count("id", filter=Q(is_koploper=True), distinct=True),
            own=Count("id", filter=Q(source=Source.REGISTRATION, is_koploper=False), distinct=True),
        )
        .order_by("month")
    )
    total, out = before, []
    for row in rows:
        total += row["joined"]
        out.append({**row, "month": _month(row["month"]), "total": total})
    return out


def _start_moment(f: Filters) -> dt.datetime:
    return dt.datetime.combine(f.start, dt.time(), timezone.get_current_timezone())


def network_totals(f: Filters) -> dict:
    return _members(f).aggregate(
        members=Count("id", distinct=True),
        koplopers=Count("id", filter=Q(is_koploper=True), distinct=True),
        own=Count("id", filter=Q(source=Source.REGISTRATION, is_koploper=False), distinct=True),
    )


# ------------------------------------------------------------------- Pay it Forward


def _matches(f: Filters):
    qs = Match.objects.exclude(state=MatchState.DRAFT).filter(f.moments("created_at"))
    if f.province:
        qs = qs.filter(Q(learner__province=f.province) | Q(mentor__province=f.province))
    return qs


def matches_by_state(f: Filters) -> dict[str, int]:
    rows = _matches(f).values("state").annotate(n=Count("id")).order_by()
    return {row["state"]: row["n"] for row in rows}


def _timed_links(f: Filters) -> list[spread.TimedLink]:
    # Whole days are enough for generation times, and dates load far faster than
    # time-zone-aware date-times (which dominated this query on 5,000 matches).
    rows = (
        _matches(f)
        .filter(state__in=MADE_STATES)
        .annotate(
            started=TruncDate("created_at"),
            done=TruncDate("completed_at"),
        )
        .values_list("mentor_id", "learner_id", "started", "done", "state")
    )
    return [
        spread.TimedLink(
            str(mentor),
            str(learner),
            started=float(started.toordinal()),
            completed=(
                float(done.toordinal())
                if done is not None and state == MatchState.COMPLETED
                else None
            ),
        )
        for mentor, learner, started, done, state in rows
    ]


@dataclass
class ChainFigures:
    per_generation: tuple[int, ...]
    observed: spread.Observed
    passed_on: stats.Proportion
    horizons: tuple[spread.Horizon, ...] = ()
    promise: tuple[spread.Horizon, ...] = ()
    timeline: list[tuple[int, spread.Horizon, spread.Horizon]] = field(default_factory=list)


PROJECTION_MONTHS = (0, 3, 6, 9, 12, 15, 18, 21, 24)
PROJECTION_CHAINS = 5_000  # the 80% bounds then move by well under 1% between seeds


def _projections(observed: spread.Observed, chains: int):
    """The observed pace and the promise of two (seeded, so they depend only on the
    observed parameters)."""
    seen = spread.project_reach(observed, horizons=PROJECTION_MONTHS, chains=chains)
    promise = spread.project_reach(
        observed,
        horizons=PROJECTION_MONTHS,
        chains=chains,
        pass_on_rate=1.0,
        learners_per_mentor=2.0,
    )
    return seen, promise


def _chain_figures(f: Filters, chains: int) -> ChainFigures:
    links = _timed_links(f)
    chain = spread.build_chain(spread.Link(x.mentor, x.learner) for x in links)
    observed = spread.observe(links)
    seen, promise = _projections(observed, chains)
    wanted = {6, 12, 24}
    return ChainFigures(
        per_generation=chain.per_generation(),
        observed=observed,
        passed_on=stats.proportion(observed.became_mentors, observed.learners),
        horizons=tuple(h for h in seen if h.months in wanted),
        promise=tuple(h for h in promise if h.months in wanted),
        timeline=list(zip(PROJECTION_MONTHS, seen, promise, strict=True)),
    )


def chain_figures(f: Filters, *, chains: int = PROJECTION_CHAINS) -> ChainFigures:
    """The chain's figures and projection, cached under a fingerprint of the matches they
    come from: one small aggregate decides whether the chain has changed (a match made,
    completed or undone changes a count or a latest moment), so the reading of every link,
    the tree and the simulation run only after a change."""
    fingerprint = (
        _matches(f)
        .filter(state__in=MADE_STATES)
        .aggregate(
            n=Count("id"),
            completed=Count("id", filter=Q(state=MatchState.COMPLETED)),
            last=Max("created_at"),
            last_done=Max("completed_at"),
            ids=Sum("id"),
        )
    )
    key = "impact:chain:" + hashlib.sha256(repr((f, fingerprint, chains)).encode()).hexdigest()
    return cache.get_or_set(key, lambda: _chain_figures(f, chains), timeout=24 * 3600)


# ------------------------------------------------------------------------- meetings


def _events(f: Filters):
    qs = Event.objects.filter(f.moments("starts_at"))
    if f.province:
        qs = qs.filter(province=f.province)
    if f.theme:
        qs = qs.filter(themes__theme=f.theme)
    return qs


def meeting_figures(f: Filters) -> dict:
    events = _events(f)
    registrations = Registration.objects.filter(event__in=events.values("pk")).aggregate(
        registered=Count("id", filter=Q(state=RegistrationState.CONFIRMED)),
        waiting=Count("id", filter=Q(state=RegistrationState.WAITING)),
        cancelled=Count("id", filter=Q(state=RegistrationState.CANCELLED)),
        present=Count("id", filter=Q(attendance=Attendance.PRESENT)),
        no_show=Count("id", filter=Q(attendance=Attendance.NO_SHOW)),
    )
    follow_ups = FollowUp.objects.filter(event__in=events.values("pk"))
    if f.theme:
        follow_ups = follow_ups.filter(theme=f.theme)
    actions = follow_ups.aggregate(
        total=Count("id"), done=Count("id", filter=Q(done_at__isnull=False))
    )
    return {
        "meetings": events.distinct().count(),
        **registrations,
        "actions": actions["total"],
        "actions_done": actions["done"],
        "actions_share": stats.proportion(actions["done"], actions["total"]),
    }


# --------------------------------------------------------------------------- survey


def survey_results(f: Filters) -> list[dict]:
    """Per question: the count of each answer 1..5 and the share that agrees (4-5) with
    its 95% Wilson interval; one query for all questions."""
    counts = {
        f"{name}_{value}": Count("id", filter=Q(**{name: value}))
        for name, _label in QUESTIONS
        for value in range(1, 6)
    }
    row = SurveyResponse.objects.filter(f.days("answered_on")).aggregate(**counts)
    return [
        {
            "name": name,
            "question": label,
            "summary": stats.scale_summary([row[f"{name}_{v}"] for v in range(1, 6)]),
        }
        for name, label in QUESTIONS
    ]


def survey_audience(f: Filters) -> dict:
    answers = SurveyResponse.objects.filter(f.days("answered_on"))
    totals = answers.aggregate(
        n=Count("id"),
        employers=Count("id", filter=Q(is_employer="yes")),
        others=Count("id", filter=Q(is_employer="no")),
    )
    sizes = dict(
        answers.filter(is_employer="yes")
        .exclude(size_class="")
        .values_list("size_class")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {**totals, "sizes": sizes}


# ---------------------------------------------------------------------------- reach


def _reach_plugins(f: Filters) -> list[tuple[str, int]]:
    """Direct contacts that other apps add (see `ImpactConfig`), and those this app knows
    how to read from an installed app (`reach_sources.BUILT_IN`)."""
    from .reach_sources import BUILT_IN

    found = []
    for app, source in BUILT_IN.items():
        if apps.is_installed(app):
            found.extend(source(f))
    for config in apps.get_app_configs():
        dotted = getattr(config, "impact_reach", None)
        if dotted:
            module, name = dotted.rsplit(".", 1)
            found.extend(getattr(import_module(module), name)(f))
    return found


def reach_figures(f: Filters) -> dict:
    visits = DailyVisits.objects.filter(f.days("day"), group=ALL).aggregate(
        visitors=Sum("visitors"), page_views=Sum("page_views")
    )
    activities = CampaignActivity.objects.filter(f.days("started_on"))
    if f.province:
        activities = activities.filter(Q(province=f.province) | Q(province=""))
    if f.theme:
        activities = activities.filter(Q(theme=f.theme) | Q(theme=""))
    downloads = CampaignDownload.objects.filter(f.moments("downloaded_at"))
    if f.province:
        downloads = downloads.filter(organisation__province=f.province)
    held = _matches(f).filter(held_on__isnull=False).count()
    present = Registration.objects.filter(
        event__in=_events(f).values("pk"), attendance=Attendance.PRESENT
    ).count()
    return {
        "present": present,
        "pif_meetings": held,
        "plugins": _reach_plugins(f),
        "visitors": visits["visitors"] or 0,
        "page_views": visits["page_views"] or 0,
        "downloads": downloads.count(),
        "activities": list(
            activities.values("kind")
            .annotate(n=Count("id"), reach=Sum("estimated_reach"))
            .order_by("kind")
        ),
    }


def visits_per_month(f: Filters) -> list[dict]:
    rows = (
        DailyVisits.objects.filter(f.days("day"), group=ALL)
        .annotate(month=TruncMonth("day"))
        .values("month")
        .annotate(visitors=Sum("visitors"), page_views=Sum("page_views"))
        .order_by("month")
    )
    return [{**row, "month": _month(row["month"])} for row in rows]


def visits_per_group(f: Filters, *, limit: int = 12) -> list[dict]:
    return list(
        DailyVisits.objects.filter(f.days("day"))
        .exclude(group=ALL)
        .values("group")
        .annotate(visitors=Sum("visitors"), page_views=Sum("page_views"))
        .order_by("-page_views", "group")[:limit]
    )


# ------------------------------------------------------------------------ provinces


def per_province(f: Filters) -> dict[str, dict[str, int]]:
    """Members, made matches (by the learner's province) and meetings per province; the
    province filter does not apply (the map shows them all)."""
    everywhere = Filters(start=f.start, end=f.end, theme=f.theme)
    out: dict[str, dict[str, int]] = {}
    for key, rows in (
        ("members", _members(everywhere).values("province").annotate(n=Count("id", distinct=True))),
        (
            "matches",
            _matches(everywhere)
            .filter(state__in=MADE_STATES)
            .values("learner__province")
            .annotate(n=Count("id")),
        ),
        ("meetings", _events(everywhere).values("province").annotate(n=Count("id", distinct=True))),
    ):
        for row in rows.order_by():
            code = row.get("province") or row.get("learner__province") or ""
            if code:
                out.setdefault(code, {"members": 0, "matches": 0, "meetings": 0})[key] = row["n"]
    return out
