"""Benchmark of the self-scan (werkvloer) on PostgreSQL, against naive Python aggregation.

    PYTHONPATH=src .venv/bin/python benchmarks/scan.py [--responses 1000000] [--teams 10000]
        [--repeat 30]

Without ``DATABASE_URL`` it runs itself again under ``scripts/with-postgres.sh`` (a
throwaway PostgreSQL cluster). What it does:

1. ``migrate``; 1,000 organisations, each with one round of 10 teams (10,000 teams), and
   1,000,000 completed responses spread evenly over the teams, bulk-loaded in SQL with
   ``generate_series`` (random answers per statement, theme scores, work ability);
2. closes every round through the service (``round_close``: one GROUP BY per round that
   writes the team results);
3. times, each ``--repeat`` times after a warm-up, median and p95:
   - the organisation's view (``selectors.round_view``: team results + suppression +
     the cached network benchmark), and the same figures aggregated in SQL straight from the raw
     responses (``team_aggregates`` for one round), against the naive way: fetch the
     round's responses and sum them in a Python loop;
   - the network benchmark (``selectors.network_benchmark`` over team results, without and
     with the cache that is valid until the next round closes), and in
     SQL straight over all 1,000,000 responses, against a Python loop over all of them
     (run 3 times: it is slow);
   - submitting one answer page (``services.response_save_page``) and the same through
     the web page (a POST to ``/scan/vragen/<theme>`` with the employee's session).
4. prints a Markdown table. Goals: organisation view < 200 ms, network benchmark < 2 s,
   an answer page < 50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def _timed(fn, repeat: int) -> tuple[float, float]:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return statistics.median(times), p95


def _load(responses: int, teams: int) -> None:
    from django.db import connection
    from django.utils import timezone

    from olievlek.engines.scan import ITEMS, THEMES
    from olievlek.network.models import Organisation

    organisations = teams // 10
    Organisation.objects.bulk_create(
        [
            Organisation(
                name=f"Benchmark {n}",
                slug=f"benchmark-{n}",
                kvk_number=f"{90000000 + n}",
                city="Utrecht",
                province="NL-UT",
                sector="C",
                size_class="midden",
                status="approved",
            )
            for n in range(organisations)
        ],
        batch_size=1000,
    )
    today = timezone.localdate()
    item_sql = ", ".join(f"'{item}', a.{item}" for theme in THEMES for item in ITEMS[theme])
    item_cols = ", ".join(
        f"1 + floor(random() * 5)::int AS {item}" for theme in THEMES for item in ITEMS[theme]
    )
    score_cols = ", ".join(f"score_{t}" for t in THEMES)
    score_values = ", ".join(
        "(" + " + ".join(f"a.{i}" for i in ITEMS[t]) + f")::float / {len(ITEMS[t])}" for t in THEMES
    )
    with connection.cursor() as cur:
        cur.execute(
            """INSERT INTO werkvloer_scanround
                 (organisation_id, name, closes_on, state, respondents, created_at)
               SELECT id, 'Benchmark', %s, 'open', 0, now() FROM network_organisation
               WHERE slug LIKE 'benchmark-%%'""",
            [today],
        )
        cur.execute(
            """INSERT INTO werkvloer_scanteam (round_id, name, expected_size, codes_issued)
               SELECT r.id, 'Team ' || t, 100, 100
               FROM werkvloer_scanround r CROSS JOIN generate_series(1, 10) t"""
        )
        cur.execute("SELECT min(id) FROM werkvloer_scanteam")
        first_team = cur.fetchone()[0]
        # Only the engine's item names and integers are interpolated.
        cur.execute(
            f"""INSERT INTO werkvloer_response
                 (round_id, team_id, return_code_hash, page, completed, was, answers,
                  open_answer, {score_cols})
               SELECT tm.round_id, tm.id, md5(g::text) || md5((g + 7)::text), 7, true,
                      floor(random() * 11)::int, jsonb_build_object({item_sql}), '',
                      {score_values}
               FROM (SELECT g, {item_cols} FROM generate_series(1, %s) g) a
               JOIN werkvloer_scanteam tm ON tm.id = {first_team} + (a.g %% {teams})""",  # noqa: S608
            [responses],
        )
        cur.execute("ANALYZE")


def _naive_round(round_id: int) -> dict:
    from olievlek.engines.scan import THEMES
    from olievlek.werkvloer.models import Response

    sums: dict = {}
    for row in Response.objects.filter(round_id=round_id, completed=True).values():
        team = sums.setdefault(row["team_id"], {"n": 0, "was": 0, **dict.fromkeys(THEMES, 0.0)})
        team["n"] += 1
        team["was"] += row["was"]
        for t in THEMES:
            team[t] += row[f"score_{t}"] or 0
    return sums


def _naive_network() -> dict:
    from olievlek.engines.scan import THEMES
    from olievlek.werkvloer.models import Response

    fields = ["was", *(f"score_{t}" for t in THEMES)]
    totals = dict.fromkeys(fields, 0.0)
    n = 0
    for row in Response.objects.filter(completed=True).values_list(*fields).iterator(5000):
        n += 1
        for name, value in zip(fields, row, strict=True):
            totals[name] += value or 0
    return {k: v / n for k, v in totals.items()}


def _create_database(url: str) -> None:
    """with-postgres.sh starts an empty server: create the database of DATABASE_URL."""
    import psycopg

    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if exists.fetchone() is None:
            connection.execute(f'CREATE DATABASE "{name}"')


def run(args) -> None:
    _create_database(os.environ["DATABASE_URL"])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "olievlek.site.settings")
    os.environ.setdefault("OLIEVLEK_ALLOWED_HOSTS", "testserver,127.0.0.1")
    os.environ["OLIEVLEK_CACHE_BACKEND"] = "django.core.cache.backends.locmem.LocMemCache"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from olievlek.engines.scan import ITEMS
    from olievlek.werkvloer import selectors, services
    from olievlek.werkvloer.aggregates import response_annotations, team_aggregates
    from olievlek.werkvloer.models import Response, ScanRound, ScanTeam

    assert connection.vendor == "postgresql", "run on PostgreSQL (see the docstring)"
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    _load(args.responses, args.teams)
    load_s = time.perf_counter() - start
    # A spare open round for the answer-page timing, before the others close.
    org = ScanRound.objects.order_by("pk").first().organisation
    spare = services.round_create(
        organisation=org,
        name="Open",
        closes_on=ScanRound.objects.first().closes_on,
        teams=[services.TeamSpec(name="Open team", expected_size=50)],
    )
    start = time.perf_counter()
    for scan_round in ScanRound.objects.exclude(pk=spare.pk):
        services.round_close(scan_round=scan_round)
    close_s = time.perf_counter() - start
    connection.cursor().execute("ANALYZE")

    target = ScanRound.objects.exclude(pk=spare.pk).order_by("pk")[args.teams // 20]
    rows = []

    def add(what, method, fn, repeat, goal):
        median, p95 = _timed(fn, repeat)
        rows.append((what, method, median, p95, goal))

    add(
        "organisation view",
        "page selector (team results + suppression)",
        lambda: selectors.round_view(scan_round=target),
        args.repeat,
        "< 200 ms",
    )
    add(
        "organisation view",
        "SQL GROUP BY over the raw responses",
        lambda: team_aggregates(Response.objects.filter(round=target)),
        args.repeat,
        "< 200 ms",
    )
    add(
        "organisation view",
        "naive: Python loop over the responses",
        lambda: _naive_round(target.pk),
        args.repeat,
        "",
    )
    add(
        "network benchmark",
        "selector, uncached: two SQL aggregates over the team results",
        lambda: selectors._network_benchmark(selectors.min_group()),
        args.repeat,
        "< 2 s",
    )
    add(
        "network benchmark",
        "selector as the page calls it (cached until a round closes)",
        lambda: selectors.network_benchmark(),
        args.repeat,
        "< 2 s",
    )
    add(
        "network benchmark",
        "SQL aggregate over all raw responses",
        lambda: Response.objects.filter(completed=True).aggregate(**response_annotations()),
        5,
        "< 2 s",
    )
    add("network benchmark", "naive: Python loop over all responses", _naive_network, 3, "")

    team = ScanTeam.objects.get(round=spare)
    batch = services.invitations_create(team=team, count=2)
    response, _ = services.response_start(code=batch[0])
    answers = dict.fromkeys(ITEMS["gezondheid"], 4)
    add(
        "answer page",
        "service response_save_page",
        lambda: services.response_save_page(response=response, page="gezondheid", data=answers),
        args.repeat * 5,
        "< 50 ms",
    )
    client = Client()
    client.post(f"/scan/c/{batch[1]}")
    form = dict.fromkeys(ITEMS["gezondheid"], "4")
    add(
        "answer page",
        "web: POST /scan/vragen/gezondheid",
        lambda: client.post("/scan/vragen/gezondheid", form),
        args.repeat * 5,
        "< 50 ms",
    )

    print(
        f"\n{Response.objects.count():,} responses, {ScanTeam.objects.count():,} teams, "
        f"{ScanRound.objects.count():,} rounds; load {load_s:.1f} s, "
        f"closing every round {close_s:.1f} s (PostgreSQL {connection.pg_version // 10000})\n"
    )
    print("| what | method | median ms | p95 ms | goal |")
    print("|---|---|---:|---:|---|")
    for what, method, median, p95, goal in rows:
        print(f"| {what} | {method} | {median:.1f} | {p95:.1f} | {goal} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=1_000_000)
    parser.add_argument("--teams", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        script = REPO_ROOT / "scripts" / "with-postgres.sh"
        sys.exit(subprocess.call(["bash", str(script), sys.executable, *sys.argv]))
    run(args)


if __name__ == "__main__":
    main()
