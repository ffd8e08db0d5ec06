"""Drill: Redis (cache, rate-limit counters, cached sessions) stops while visitors and a
logged-in member use the site, and comes back later on the same port.

Expected: every page keeps answering 200 (cache misses, sessions read from the database),
the member stays logged in, and once Redis is back the page cache fills and serves again.
"""

from __future__ import annotations

import signal
import time
from collections import Counter

import requests
from harness import Env, Row, login, say, wait_for
from visitors import Visitors

PAGES = {
    "home": "/",
    "directory": "/netwerk/?thema=gezondheid",
    "organisation api": "/api/v1/organisaties",
    "stories": "/verhalen/",
    "member": "/mijn/",
}


def _cache_hit(url: str) -> bool:
    requests.get(f"{url}/netwerk/?thema=ontwikkeling", timeout=10)
    return (
        requests.get(f"{url}/netwerk/?thema=ontwikkeling", timeout=10).headers.get("X-Cache")
        == "hit"
    )


def run() -> list[Row]:
    with Env("redis") as env:
        env.start_postgres()
        env.start_redis()
        env.setup_site()
        url = env.start_web(workers=2, threads=4)
        member = login(url)
        hit_before = wait_for(lambda: _cache_hit(url), timeout=20, what="a cached page")
        say(f"page cache in Redis before the stop: {'hit' if hit_before else 'miss'}")
        with Visitors(url, PAGES, member, threads=3) as visitors:
            time.sleep(2)
            env.stop("redis", signal.SIGKILL)
            down_at = time.monotonic()
            say("Redis killed")
            time.sleep(8)
            up_at = time.monotonic()
            env.start_redis()
            say("Redis started again (empty: no persistence)")
            time.sleep(4)
        during = visitors.since(down_at, up_at)
        after = visitors.since(up_at)
        codes_during = Counter(r[2] for r in during)
        member_during = Counter(r[2] for r in during if r[1] == "member")
        say(
            f"answers while Redis was down: {dict(codes_during)}; "
            f"member pages: {dict(member_during)}"
        )
        hit_after = wait_for(lambda: _cache_hit(url), timeout=30, what="the cache serving again")
        say(
            f"after Redis returned: {dict(Counter(r[2] for r in after))}; "
            f"cache hit again: {hit_after}"
        )
        ok = (
            bool(during)
            and set(codes_during) == {200}
            and set(member_during) == {200}
            and hit_after
        )
        return [
            Row(
                "Redis stopped",
                f"{len(during)} requests while Redis was down, all 200 (member stayed logged "
                "in, sessions from the database); cache serving again after it returned",
                "nothing (cached pages rebuilt; rate-limit counters restarted)"
                if ok
                else "SEE LOG",
                ok,
            )
        ]


if __name__ == "__main__":
    for row in run():
        print(row)
