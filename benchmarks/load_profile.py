"""Where a member page's time goes, for `benchmarks/load.py --profile`: in a subprocess
with the benchmark's settings (PostgreSQL, Redis), through Django's WSGI handler with a
member's session cookie, without the network or gunicorn.

    python benchmarks/load_profile.py PLAN.json SECONDS TOP

Per page: the CPU time of a request in this process (the best of ten batches: others'
load on the machine only ever makes it slower; PostgreSQL's own CPU is not in it), its
ratio to the bare view's, how it splits over SQL, ORM, templates, URL reversing and
translation (`web_profile.PhaseTimer`), and cProfile's top functions (TOP, 0 for none).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent))

from proc_cpu import cpu_seconds, postgres_pids  # noqa: E402
from web_profile import PhaseTimer, cpu_per_request, print_cprofile, wsgi_get  # noqa: E402

BARE = "/bench/bare"


def profile(pages: list[dict], seconds: float, top: int) -> None:
    from olievlek.site.resolving import Handler

    handler = Handler()  # the servers' handler (olievlek.site.wsgi)
    cookies = {p["path"]: f"sessionid={p['session']}" if p.get("session") else "" for p in pages}
    for page in pages:  # warm: templates compiled, connections open, cache filled
        for _ in range(10):
            status = wsgi_get(handler, page["path"], cookies[page["path"]])
            assert status.startswith("200"), (page["path"], status)
    cost = {
        p["path"]: cpu_per_request(handler, p["path"], seconds, cookie=cookies[p["path"]])
        for p in pages
    }
    database = {
        p["path"]: database_cpu_per_request(handler, p["path"], cookies[p["path"]]) for p in pages
    }
    print("\n### Where the time goes (in-process, Django's WSGI handler, PostgreSQL + Redis)\n")
    print("| page | CPU ms/request (this process) | bare ÷ page | PostgreSQL CPU ms/request |")
    print("|---|---:|---:|---:|")
    for page in pages:
        path = page["path"]
        print(
            f"| {page['name']} `{path}` | {cost[path]:.2f} | {cost[BARE] / cost[path]:.2f} "
            f"| {database[path]:.2f} |"
        )
    for page in pages:
        path = page["path"]
        if path == BARE:
            continue
        n = max(20, int(seconds * 1000 / cost[path] / 2))
        timer = PhaseTimer()
        try:
            start = time.process_time()
            for _ in range(n):
                wsgi_get(handler, path, cookies[path])
            total = time.process_time() - start
        finally:
            timer.restore()
        print(f"\n#### {page['name']} `{path}`: {cost[path]:.2f} ms\n")
        print("| part (exclusive) | ms per request | share |")
        print("|---|---:|---:|")
        parts = timer.exclusive.most_common()
        other = total - sum(spent for _, spent in parts)
        for label, spent in [*parts, ("other: handler, middleware, view code", other)]:
            if spent / total >= 0.02:
                print(f"| {label} | {cost[path] * spent / total:.2f} | {spent / total:.0%} |")
        if top:
            handler_for = _with_cookie(handler, cookies[path])
            print_cprofile(handler_for, path, n, top)


def database_cpu_per_request(handler, path: str, cookie: str, requests: int = 300) -> float:
    """PostgreSQL's CPU (its backends, children of the postmaster) per request of `path`:
    what the in-process figure leaves out. Clock ticks are 10 ms, hence many requests."""
    pids = postgres_pids()
    before = cpu_seconds(pids)
    for _ in range(requests):
        wsgi_get(handler, path, cookie)
    return 1000 * (cpu_seconds(pids) - before) / requests


def _with_cookie(handler, cookie: str):
    """`print_cprofile` calls handler(environ, start_response) through `wsgi_get`; this
    adds the member's cookie to each request."""

    def call(environ, start_response):
        if cookie:
            environ["HTTP_COOKIE"] = cookie
        return handler(environ, start_response)

    return call


def main() -> int:
    plan_file, seconds, top = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
    django.setup()
    plan = json.loads(Path(plan_file).read_text())
    profile(plan["profile_pages"], seconds, top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
