"""Benchmark of the impact dashboard and the projection.

    scripts/with-postgres.sh .venv/bin/python benchmarks/impact.py [--loads 5]

Generates 5 years of activity on an empty database (PostgreSQL via DATABASE_URL):
500,000 page visits (counted per day and path group, as the product stores them),
20,000 meeting registrations, 5,000 Pay it Forward matches and 50,000 survey answers,
with bulk inserts. Then times the staff dashboard (every table and chart, aggregated in
the database) against a naive peer that loads the rows and aggregates them in Python,
and the projection of 100,000 simulated chains.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "olievlek.site.settings")

import django  # noqa: E402


def _create_postgres_database(url: str) -> None:
    """with-postgres.sh starts an empty server: create the database of DATABASE_URL."""
    import psycopg

    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')


if os.environ.get("DATABASE_URL", "").startswith("postgres"):
    _create_postgres_database(os.environ["DATABASE_URL"])
django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from olievlek.engines import spread, stats  # noqa: E402
from olievlek.engines.reference import provinces  # noqa: E402
from olievlek.events.models import Event, FollowUp, Registration  # noqa: E402
from olievlek.impact import report, selectors  # noqa: E402
from olievlek.impact.choices import QUESTIONS  # noqa: E402
from olievlek.impact.models import DailyVisits, SurveyResponse  # noqa: E402
from olievlek.impact.selectors import Filters  # noqa: E402
from olievlek.network.models import Organisation  # noqa: E402
from olievlek.payitforward.models import HelpRequest, Match, Offer  # noqa: E402

YEARS = 5
STATES = ["confirmed"] * 8 + ["waiting", "cancelled"]
GROUPS = ["home", "verhalen", "bijeenkomsten", "businesscase", "manifest", "campagne",
          "zoeken", "netwerk", "pay-it-forward", "impact"]  # fmt: skip


def generate(seed: int = 11) -> dict:
    rng = random.Random(seed)
    today = timezone.localdate()
    start = today - dt.timedelta(days=365 * YEARS)
    codes = list(provinces())
    orgs = Organisation.objects.bulk_create(
        Organisation(
            name=f"Werkgever {i}", slug=f"werkgever-{i}", city="Utrecht", kvk_number=f"{i:08d}",
            province=rng.choice(codes), sector=rng.choice("CFGHKMPQ"),
            size_class=rng.choice(["micro", "klein", "midden", "groot"]),
            status="approved", is_koploper=i < 100,
        )
        for i in range(2000)
    )  # fmt: skip
    moment = lambda: timezone.make_aware(  # noqa: E731
        dt.datetime.combine(start + dt.timedelta(days=rng.randrange(365 * YEARS)), dt.time(10))
    )
    events = Event.objects.bulk_create(
        Event(
            kind="meeting", title=f"Bijeenkomst {i}", slug=f"bijeenkomst-{i}",
            province=rng.choice(codes), starts_at=(s := moment()),
            ends_at=s + dt.timedelta(hours=2), capacity=150,
        )
        for i in range(400)
    )  # fmt: skip
    registrations = Registration.objects.bulk_create(
        (
            Registration(
                event=events[i % 400], organisation=rng.choice(orgs), name=f"Deelnemer {i}",
                email=f"d{i}@example.nl", state=rng.choice(STATES),
                attendance=rng.choice(["present", "present", "no_show", ""]),
            )
            for i in range(20_000)
        ),
        batch_size=5000,
    )  # fmt: skip
    FollowUp.objects.bulk_create(
        FollowUp(
            event=(r := rng.choice(registrations)).event, registration=r,
            organisation=r.organisation, description="Actie",
            theme="gezondheid", due_date=today, done_at=moment() if rng.random() < 0.6 else None,
        )
        for _ in range(3000)
    )  # fmt: skip
    offers = Offer.objects.bulk_create(Offer(organisation=o, themes=["apk"]) for o in orgs[:500])
    requests = HelpRequest.objects.bulk_create(
        (HelpRequest(organisation=rng.choice(orgs), themes=["apk"], question="Hulp",
                     status="done") for _ in range(5000)),
        batch_size=5000,
    )  # fmt: skip
    matches = []
    for i, request in enumerate(requests):
        offer = offers[i % 500]
        created = moment()
        done = rng.random() < 0.5
        if offer.organisation_id != request.organisation_id:
            matches.append(
                Match(
                    offer=offer,
                    request=request,
                    mentor_id=offer.organisation_id,
                    learner_id=request.organisation_id,
                    origin="round",
                    state="completed" if done else rng.choice(["accepted", "declined", "held"]),
                    held_on=created.date() if done else None,
                    completed_at=created + dt.timedelta(days=60) if done else None,
                )
            )
    made = Match.objects.bulk_create(matches, batch_size=5000)
    Match.objects.filter(pk__in=[m.pk for m in made]).update(created_at=moment())
    survey = [
        SurveyResponse(
            answered_on=start + dt.timedelta(days=rng.randrange(365 * YEARS)),
            **{name: rng.choice([None, 1, 2, 3, 4, 4, 5]) for name, _label in QUESTIONS},
            is_employer=rng.choice(["yes", "no", ""]),
        )
        for _ in range(50_000)
    ]
    SurveyResponse.objects.bulk_create(survey, batch_size=10_000)
    # 500,000 page visits, counted per day and group as the middleware does.
    views: Counter = Counter()
    visitors: Counter = Counter()
    for _ in range(500_000):
        day = start + dt.timedelta(days=rng.randrange(365 * YEARS))
        group = rng.choice(GROUPS)
        views[(day, group)] += 1
        views[(day, "*")] += 1
    for key, n in views.items():
        visitors[key] = max(1, int(n * 0.7))
    DailyVisits.objects.bulk_create(
        (DailyVisits(day=d, group=g, page_views=n, visitors=visitors[(d, g)])
         for (d, g), n in views.items()),
        batch_size=10_000,
    )  # fmt: skip
    return {"matches": len(made), "visit_rows": len(views)}


def naive_dashboard() -> dict:
    """The peer: every row into Python, counted there."""
    out: dict = {}
    approved = Organisation.objects.filter(status="approved")
    members = list(approved.values("created_at", "province", "is_koploper"))
    out["growth"] = Counter(m["created_at"].strftime("%Y-%m") for m in members)
    matches = list(Match.objects.values("state", "mentor_id", "learner_id", "created_at",
                                        "completed_at", "held_on"))  # fmt: skip
    out["states"] = Counter(m["state"] for m in matches)
    regs = list(Registration.objects.values("state", "attendance", "event__province"))
    out["regs"] = Counter((r["state"], r["attendance"]) for r in regs)
    answers = list(SurveyResponse.objects.values(*[n for n, _l in QUESTIONS]))
    out["survey"] = {
        n: stats.scale_summary(stats.scale_counts(a[n] for a in answers)) for n, _l in QUESTIONS
    }
    visits = list(DailyVisits.objects.values("day", "group", "visitors", "page_views"))
    per_month: Counter = Counter()
    for v in visits:
        if v["group"] == "*":
            per_month[v["day"].strftime("%Y-%m")] += v["page_views"]
    out["visits"] = per_month
    out["provinces"] = Counter(m["province"] for m in members)
    links = [spread.TimedLink(str(m["mentor_id"]), str(m["learner_id"]), 0.0, None)
             for m in matches if m["state"] in ("accepted", "held", "completed")]  # fmt: skip
    out["chain"] = spread.build_chain(spread.Link(x.mentor, x.learner) for x in links)
    return out


def timed(fn, loads: int) -> list[float]:
    fn()  # warm up (imports, plans)
    times = []
    for _ in range(loads):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--loads", type=int, default=5)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    if Organisation.objects.exists():
        sys.exit("Run against an empty database (scripts/with-postgres.sh).")
    t = time.perf_counter()
    sizes = generate()
    print(f"generated on {connection.vendor} in {time.perf_counter() - t:.1f} s: "
          f"{sizes['matches']} matches, {sizes['visit_rows']} daily visit rows")  # fmt: skip
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE")

    def cold():
        cache.clear()  # the chain and its projection are computed again
        report.dashboard_tables(Filters(), team=True)

    rows = [
        ("olievlek: staff dashboard (DB aggregates)",
         timed(lambda: report.dashboard_tables(Filters(), team=True), args.loads)),
        ("olievlek: staff dashboard, chain not cached", timed(cold, args.loads)),
        ("olievlek: staff dashboard, one province and year",
         timed(lambda: report.dashboard_tables(
             Filters(province="NL-UT", start=timezone.localdate() - dt.timedelta(days=365)),
             team=True), args.loads)),
        ("naive: rows into Python, aggregated there", timed(naive_dashboard, args.loads)),
    ]  # fmt: skip
    observed = spread.Observed(reached=600, frontier=250, learners=2500, became_mentors=900,
                               learners_per_mentor=1.8, generation_days=91.3125)  # fmt: skip
    rows.append(
        ("projection: 100,000 chains, 6/12/24 months",
         timed(lambda: spread.project_reach(observed, chains=100_000), args.loads))
    )  # fmt: skip
    f = Filters()
    parts = {
        "growth": lambda: report._growth(f),
        "meetings": lambda: report._meetings(f),
        "survey": lambda: report._survey(f),
        "provinces": lambda: report._provinces(f),
        "reach": lambda: report._reach(f),
        "visits": lambda: report._visits(f),
        "chain (fingerprint; figures cached)": lambda: selectors.chain_figures(f),
        "matches by state": lambda: selectors.matches_by_state(f),
        "chain, not cached": lambda: selectors._chain_figures(f, selectors.PROJECTION_CHAINS),
    }
    print("\nparts of one staff dashboard load (median ms):")
    for name, fn in parts.items():
        print(f"  {name:45} {statistics.median(timed(fn, args.loads)):7.1f}")
    print(f"\n| {'what':52} | median ms | max ms |\n|{'-' * 54}|-----------|--------|")
    for name, times in rows:
        print(f"| {name:52} | {statistics.median(times):9.0f} | {max(times):6.0f} |")


if __name__ == "__main__":
    main()
