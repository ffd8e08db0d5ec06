"""The Markdown tables of `benchmarks/load.py`: one per stage of mixed traffic, one for the
capacity turns, and the goals."""

from __future__ import annotations

import math
import os
import platform
import sys

BARE = "bare Django view (peer)"
P95_GOAL_MS = 200
RATIO_GOAL = 0.30
GOAL_USERS = 50


def percentile(times: dict, share: float) -> float:
    """`times` maps a response time in ms (as text: JSON keys) to how many had it."""
    pairs = sorted((float(ms), n) for ms, n in times.items())
    total = sum(n for _, n in pairs)
    if not total:
        return math.nan
    rank = math.ceil(share * total)
    seen = 0
    for ms, n in pairs:
        seen += n
        if seen >= rank:
            return ms
    return pairs[-1][0]


def print_header(args, redis_url: str, data: dict) -> None:
    import django

    print(
        f"\n## Load benchmark: gunicorn {args.workers} {args.worker_class} workers on "
        f"PostgreSQL{' and Redis' if redis_url else ''}, Locust\n"
    )
    print(
        f"Python {platform.python_version()}, Django {django.get_version()}, "
        f"{os.cpu_count()} CPUs, demo data (500 approved organisations), "
        f"{len(data['members'])} member accounts; think time {args.wait} s; "
        f"{'REDIS_URL set' if redis_url else 'no Redis'}. The client (one Locust process) "
        "runs on the same machine."
    )


def _pages_table(pages: dict, elapsed: float) -> None:
    print("| kind of page | requests | requests/s | p50 ms | p95 ms | p99 ms | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    total = {"requests": 0, "failures": 0, "times": {}}
    for name in sorted(pages, key=lambda n: (n != BARE, n)):
        row = pages[name]
        total["requests"] += row["requests"]
        total["failures"] += row["failures"]
        for ms, n in row["times"].items():
            total["times"][ms] = total["times"].get(ms, 0) + n
        _row(name, row, elapsed)
    _row("**all**", total, elapsed)


def _row(name: str, row: dict, elapsed: float) -> None:
    t = row["times"]
    print(
        f"| {name} | {row['requests']} | {row['requests'] / elapsed:.1f} "
        f"| {percentile(t, 0.5):.0f} | {percentile(t, 0.95):.0f} | {percentile(t, 0.99):.0f} "
        f"| {row['failures']} |"
    )


def print_stage(stage: dict) -> None:
    load = stage["load"]
    print(
        f"\n### Mixed traffic, {stage['users']} users ({stage['elapsed']:.0f} s measured, "
        f"load average {load[0]:.1f} → {load[1]:.1f})\n"
    )
    _pages_table(stage["pages"], stage["elapsed"])
    requests = sum(r["requests"] for r in stage["pages"].values())
    if requests:
        cpu = 1000 * stage["server_cpu"] / requests
        print(f"\nServer CPU (gunicorn + PostgreSQL): {cpu:.1f} ms per request on average.")
    for error, count in stage["errors"].items():
        print(f"- {count} × {error}")


def print_capacity(capacity: dict) -> None:
    print(
        "\n### Capacity: each kind of page alone, back to back, pages taking turns\n\n"
        "Throughput ratio: requests/s against the bare view's in the same turns. Server "
        "CPU: gunicorn and PostgreSQL per request, over the same window (hardly affected "
        "by other processes; `bare ÷ page` is the ratio a quiet machine would show). "
        "The floors are what every member page costs before its own content: a logged-in "
        "member answered in plain text, and the layout around an empty page.\n"
    )
    bare = capacity.get(BARE)
    bare_rps = bare["requests"] / bare["elapsed"] if bare and bare["elapsed"] else math.nan
    bare_cpu = 1000 * bare["cpu"] / bare["requests"] if bare and bare["requests"] else math.nan
    print(
        "| page | requests/s | ratio to bare | p50 ms | p95 ms | server CPU ms/request "
        "| bare ÷ page CPU | errors |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, row in capacity.items():
        if not row["requests"]:
            print(f"| {name} | 0 | | | | | | {row['failures']} |")
            continue
        rps = row["requests"] / row["elapsed"]
        cpu = 1000 * row["cpu"] / row["requests"]
        print(
            f"| {name} | {rps:.0f} | {rps / bare_rps:.2f} | {percentile(row['times'], 0.5):.0f} "
            f"| {percentile(row['times'], 0.95):.0f} | {cpu:.2f} | {bare_cpu / cpu:.2f} "
            f"| {row['failures']} |"
        )


def verdict(result: dict) -> list[str]:
    """The goals missed, printed; empty when all are met."""
    failures = []
    for stage in result["stages"]:
        errors = sum(r["failures"] for r in stage["pages"].values())
        if errors:
            failures.append(f"{errors} errors at {stage['users']} users")
        if stage["users"] == GOAL_USERS:
            times: dict = {}
            for row in stage["pages"].values():
                for ms, n in row["times"].items():
                    times[ms] = times.get(ms, 0) + n
            p95 = percentile(times, 0.95)
            if not p95 < P95_GOAL_MS:
                failures.append(f"p95 {p95:.0f} ms at {GOAL_USERS} users (goal < {P95_GOAL_MS})")
    capacity = result["capacity"]
    if capacity and capacity.get(BARE, {}).get("requests"):
        bare = capacity[BARE]
        bare_rps = bare["requests"] / bare["elapsed"]
        for name, row in capacity.items():
            errors = row["failures"]
            if errors:
                failures.append(f"{errors} errors in the capacity turns of {name}")
            if name.startswith("member:") and row["elapsed"]:
                ratio = row["requests"] / row["elapsed"] / bare_rps
                if ratio < RATIO_GOAL:
                    failures.append(f"{name}: {ratio:.2f}× the bare view (goal ≥ {RATIO_GOAL})")
    print("\n### Goals\n")
    print(
        f"No errors; p95 under {P95_GOAL_MS} ms at {GOAL_USERS} users; member pages at least "
        f"{RATIO_GOAL}× the bare view's throughput: " + ("all met." if not failures else "missed:")
    )
    for failure in failures:
        print(f"- {failure}")
    sys.stdout.flush()
    return failures
