"""The Markdown tables of `benchmarks/web.py`: one per page cache mode, the SQL queries,
and a summary with the modes side by side."""

from __future__ import annotations

import math
import os

from web_common import BARE, GOAL, PAGES
from web_load import Result

Queries = dict[str, tuple[int, int, str, int, int]]

MODE_NOTES = {
    "on": (
        "Page cache on (the production default): the clients are anonymous visitors (no "
        "cookies), so the directory, organisation pages and API list come from a "
        "version-keyed cache (`src/olievlek/site/cache.py`, FileBasedCache in "
        "OLIEVLEK_VAR_DIR/cache, shared by the workers; every service that changes what "
        "those pages show bumps the version, so a cached page is never stale). The cache "
        "starts empty; the warm-up fills it, so the rounds measure hits (column 'cache "
        "hits'). The SQL queries shown are those of an uncached render (page cache off), "
        "what a logged-in visitor or the first visitor after a change costs; a hit makes "
        "none."
    ),
    "off": (
        "Page cache off (OLIEVLEK_PAGE_CACHE=0): every request renders the page, which is "
        "what logged-in visitors and the first anonymous visitor after a change cost. The "
        "SQL queries shown are those of that render."
    ),
}


def ratio(result: Result, results: list[Result]) -> float:
    bare = next(r for r in results if r.path == BARE)
    return result.rps / bare.rps if bare.rps else math.nan


def goal_met(results: list[Result]) -> bool:
    return all(ratio(r, results) >= GOAL for r in results if r.path != BARE)


def print_run(mode: str, load: tuple[float, float]) -> None:
    print(f"\n### Page cache {mode}\n")
    print(MODE_NOTES[mode])
    print(f"\nLoad average {load[0]:.1f} before this run, {load[1]:.1f} after.")
    if max(load) > (os.cpu_count() or 1) / 2:
        print(
            "Other processes were busy: requests/s are low and noisy; the ratios (pages "
            "take turns) and the server CPU per request are the figures to compare."
        )
    print()


def print_table(results: list[Result], queries: Queries) -> None:
    print(
        "| page | requests/s | mean latency ms | p95 latency ms | ratio to bare "
        f"| goal (≥ {GOAL:.2f}) met | server CPU ms/request | cache hits | SQL queries "
        "| errors |"
    )
    print("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|")
    for r in results:
        met = ratio(r, results) >= GOAL
        print(
            f"| {r.name} `{r.path}` | {r.rps:,.0f} | {r.mean_ms:.2f} | {r.p95_ms:.2f} "
            f"| {ratio(r, results):.2f} "
            f"| {'(peer)' if r.path == BARE else ('yes' if met else 'no')} "
            f"| {r.server_cpu_ms:.2f} | {r.hit_share:.0%} | {queries[r.path][1]} | {r.errors} |"
        )
    client = ", ".join(f"{r.client_cpu:.2f}" for r in results)
    print(f"\nCores kept busy by the client processes, per page in table order: {client}.")
    for r in results:
        if r.errors:
            print(f"{r.path}: {r.errors} of {r.requests} failed, first: {r.first_error}")


def print_queries(queries: Queries) -> bool:
    print(
        "\n### SQL queries per request\n\n"
        "Django test client, same database; page cache off for all but the last column.\n"
    )
    print(
        "| path | first request | repeated | variant | variant's queries | constant "
        "| page cache hit |"
    )
    print("|---|---:|---:|---|---:|---|---:|")
    constant_all = True
    for _, path in PAGES:
        first, again, label, other, hit = queries[path]
        constant = first == again == other
        constant_all &= constant
        print(
            f"| `{path}` | {first} | {again} | {label} | {other} "
            f"| {'yes' if constant else 'NO'} | {hit} |"
        )
    return constant_all


def print_summary(runs: dict[str, list[Result]]) -> None:
    modes = list(runs)
    print("\n### Summary: ratio to the bare view, page cache " + " and ".join(modes) + "\n")
    print(
        "| page | "
        + " | ".join(f"cache {m}: ratio | goal met | server CPU ms/request" for m in modes)
        + " |"
    )
    print("|---|" + "---:|---|---:|" * len(modes))
    for i, (name, path) in enumerate(PAGES):
        cells = []
        for mode in modes:
            r = runs[mode][i]
            x = ratio(r, runs[mode])
            met = "(peer)" if path == BARE else ("yes" if x >= GOAL else "no")
            cells.append(f"{x:.2f} | {met} | {r.server_cpu_ms:.2f}")
        print(f"| {name} `{path}` | " + " | ".join(cells) + " |")
