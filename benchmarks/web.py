"""Benchmark of the public pages and the API against a bare Django view.

    .venv/bin/python benchmarks/web.py [--seconds 10] [--concurrency 4] [--page-cache both]
                                       [--profile]

What it does, from an empty temporary directory (removed at the end):

1. a fresh SQLite database there (OLIEVLEK_VAR_DIR), settings
   ``benchmarks.web_settings`` (the project's settings with DEBUG off and
   ``benchmarks.web_urls``, which adds ``/bench/bare``), ``migrate`` and ``demo_load``
   (500 approved organisations). Everything else is the project's production default,
   CONN_MAX_AGE (persistent connections) and the shared page cache included, so that
   what is measured is what is deployed;
2. the SQL queries of one request to every page, counted in-process with the Django test
   client and the page cache off (an uncached render), and again on variants that show
   ten or a hundred more rows (another page of results, another organisation,
   ``pageSize=100``): the counts must not change. Then once more with the page cache on:
   the second request must be a hit;
3. once per ``--page-cache`` mode (default ``both``: on, the production default, then
   off, to show what a render costs): gunicorn on a free 127.0.0.1 port (default: 2
   sync workers, gunicorn's default kind; ``--worker-class gthread --threads 2`` for
   threads and keep-alive), loaded by ``--concurrency`` client processes (plain
   ``http.client``, no cookies, keep-alive where the server allows it; processes, so
   that the GIL does not limit the client). The cache starts empty; each page is warmed
   up, then the pages take turns (``--rounds``) until each has had ``--seconds``, so that
   a change in the machine's load hits all of them alike. Every response must be a 200;
4. per mode a Markdown table: requests/s, mean and p95 latency, ratio to ``/bench/bare``
   (the peer: a Django view returning b"ok" on the same server, same middleware, same
   run), whether the goal, at least half of the bare view's rate, is met, the CPU time
   the gunicorn processes spent per request (from /proc: unlike requests/s, hardly
   affected by other processes competing for the CPU) and the share of responses served
   from the page cache; then the query counts and, with both modes, a summary with the
   ratios side by side.

``--profile`` then runs every page in-process through Django's WSGI handler (so signals
and database connection handling are those of gunicorn, without the network), per mode,
and prints its CPU time per request, how that splits over database connection, SQL, ORM,
templates, translation, serializers, page cache and the rest (each part timed exclusive
of the others), and cProfile's top functions (``--top``).

The client runs on the same machine as the server and takes CPU from it, about the same
per request for every page, which pulls the ratios towards 1; the cores the client kept
busy are printed, so that this can be judged.

The parts: ``web_common`` (pages, goal), ``web_load`` (load generator), ``web_server``
(environment, database, gunicorn), ``web_profile`` (in-process query counts and
profile), ``web_report`` (tables).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import signal
import sys
import tempfile
from pathlib import Path

from web_common import MODES, PAGES
from web_load import LoadGenerator, Result, Sample, summarise
from web_profile import count_queries, profile_pages
from web_report import goal_met, print_queries, print_run, print_summary, print_table
from web_server import (
    Server,
    benchmark_env,
    clear_cache,
    load_database,
    page_cache_env,
    setup_django,
)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="per page (default 10)")
    parser.add_argument("--warmup", type=float, default=2.0, help="per page (default 2)")
    parser.add_argument(
        "--rounds",
        type=int,
        default=5,
        help="the pages take turns, each --seconds/--rounds at a time (default 5)",
    )
    parser.add_argument("--concurrency", type=int, default=4, help="client connections")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--worker-class", default="sync", help="gunicorn worker class")
    parser.add_argument("--threads", type=int, default=1, help="threads per gunicorn worker")
    parser.add_argument(
        "--conn-max-age",
        type=int,
        default=None,
        help="OLIEVLEK_CONN_MAX_AGE (default: the project's default, 60: persistent "
        "connections; 0 opens a connection per request)",
    )
    parser.add_argument(
        "--page-cache",
        choices=sorted(MODES),
        default="both",
        help="OLIEVLEK_PAGE_CACHE: measure with the page cache on (the project's default), "
        "off (every request renders), or both, each with its own table (default both)",
    )
    parser.add_argument("--profile", action="store_true", help="profile every page after")
    parser.add_argument("--profile-seconds", type=float, default=3.0, help="per page")
    parser.add_argument("--top", type=int, default=10, help="cProfile functions per page")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="fail if a page misses the goal with the page cache on (the production "
        "default), or in the one mode measured",
    )
    return parser.parse_args(argv)


def measure(args, server: Server) -> list[Result]:
    """One run: warm-up, then the pages in turns; the server is already up."""
    load = LoadGenerator(server.port, args.concurrency)
    try:
        for _, path in PAGES:
            print(f"warm-up {args.warmup:g} s: {path}", file=sys.stderr)
            load.run(path, args.warmup)
        rounds: dict[str, list[list[Sample]]] = {path: [] for _, path in PAGES}
        cpu = dict.fromkeys(rounds, 0.0)
        for round_ in range(args.rounds):
            for _, path in PAGES:  # interleaved, so that a change in load hits every page
                print(f"round {round_ + 1}/{args.rounds}: {path}", file=sys.stderr)
                before = server.cpu_seconds()
                rounds[path].append(load.run(path, args.seconds / args.rounds))
                cpu[path] += server.cpu_seconds() - before
    finally:
        load.close()
    return [summarise(name, path, rounds[path], cpu[path]) for name, path in PAGES]


def print_header(args, loads: list[float]) -> None:
    import django
    from django.conf import settings

    threads = f", {args.threads} threads" if args.worker_class == "gthread" else ""
    print(
        f"\n## Web benchmark: gunicorn {args.workers} {args.worker_class} workers{threads}, "
        f"{args.concurrency} client processes, {args.seconds:g} s per page "
        f"in {args.rounds} turns, after {args.warmup:g} s warm-up; "
        f"page cache {' and '.join(MODES[args.page_cache])}\n"
    )
    conn_max_age = settings.DATABASES["default"]["CONN_MAX_AGE"]
    print(
        f"Python {platform.python_version()}, Django {django.get_version()}, "
        f"SQLite (CONN_MAX_AGE={conn_max_age}), {os.cpu_count()} CPUs, "
        f"{platform.machine()}, demo data (500 approved organisations); "
        f"load average {min(loads):.1f} to {max(loads):.1f} during the benchmark."
    )


def main(argv=None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that `finally` runs
    tmp = Path(tempfile.mkdtemp(prefix="olievlek-web-bench-"))
    server = None
    try:
        env = benchmark_env(tmp, args.conn_max_age)
        setup_django(page_cache_env(env, "off"))  # in-process: switched per measurement
        print("Loading the demo data into a fresh SQLite database...", file=sys.stderr)
        load_database()
        queries = count_queries()

        runs: dict[str, list[Result]] = {}
        loads: dict[str, tuple[float, float]] = {}
        for mode in MODES[args.page_cache]:
            print(f"page cache {mode}", file=sys.stderr)
            clear_cache()
            before = os.getloadavg()[0]
            server = Server(args, page_cache_env(env, mode), tmp)
            server.start()
            runs[mode] = measure(args, server)
            server.stop()
            loads[mode] = (before, os.getloadavg()[0])

        print_header(args, [x for pair in loads.values() for x in pair])
        for mode, results in runs.items():
            print_run(mode, loads[mode])
            print_table(results, queries)
        constant = print_queries(queries)
        if len(runs) > 1:
            print_summary(runs)
        if args.profile:
            print("\n## Where the time goes (in-process through Django's WSGI handler, no network)")
            for mode in runs:
                profile_pages(args.profile_seconds, args.top, mode)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\n(benchmark process peak memory {peak:.0f} MB)", file=sys.stderr)
        errors = sum(r.errors for results in runs.values() for r in results)
        if errors:
            print(f"\nFAILED: {errors} responses were not 200.", file=sys.stderr)
            if server is not None:  # every run's server logs to the same file
                print(server.log_tail(), file=sys.stderr)
            return 1
        if not constant:
            print("\nFAILED: query counts depend on the data shown.", file=sys.stderr)
            return 1
        gated = runs.get("on") or next(iter(runs.values()))
        if args.strict and not goal_met(gated):
            print("\nFAILED: a page is slower than half the bare view.", file=sys.stderr)
            return 1
        return 0
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
