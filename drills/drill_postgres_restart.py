"""Drill: PostgreSQL restarts (`pg_ctl restart -m fast`) while visitors, a logged-in member
and API clients keep sending requests to gunicorn, with the task worker running.

Expected: while the database is away, answers are 503 (a Dutch page; problem+json under
/api/), never a 500 or a stack trace; afterwards every kind of page answers 200 again and
the worker runs tasks again, without anyone restarting anything.
"""

from __future__ import annotations

import time
from collections import Counter

from harness import Env, Row, login, say, wait_for
from visitors import Visitors

PAGES = {
    "home": "/",
    "directory": "/netwerk/?thema=gezondheid",
    "meetings": "/bijeenkomsten/",
    "stories": "/verhalen/",
    "api": "/api/v1/organisaties",
    "member": "/mijn/",
}


def _judge(kind: str, response) -> str:
    """What is wrong with an answer while the database is away."""
    if response.status_code < 500:
        return ""
    body = response.text
    if "Traceback" in body or "psycopg" in body or "OperationalError" in body:
        return "stack trace"
    if kind == "api" and not response.headers.get("Content-Type", "").startswith(
        "application/problem+json"
    ):
        return "not problem+json"
    if kind != "api" and "Tijdelijk niet beschikbaar" not in body:
        return "no Dutch page"
    return ""


def run() -> list[Row]:
    with Env("postgres") as env:
        env.start_postgres()
        env.setup_site()
        url = env.start_web(workers=2, threads=4)
        env.start_worker("drill-pg-worker")
        member = login(url)
        with Visitors(url, PAGES, member, threads=4, judge=_judge) as visitors:
            time.sleep(3)
            restart_at = time.monotonic()
            took = env.restart_postgres()
            say(f"PostgreSQL restarted in {took:.1f} s")
            back_at = time.monotonic()

            def all_ok_again():
                recent = visitors.since(back_at + 0.5)
                kinds = {r[1] for r in recent if r[2] == 200}
                return kinds == set(PAGES) and all(r[2] == 200 for r in recent[-30:])

            wait_for(all_ok_again, timeout=60, interval=0.5, what="every page answering 200")
            recovered = time.monotonic() - back_at
            time.sleep(2)

        during = visitors.since(restart_at)
        codes = Counter(r[2] for r in during)
        bad = Counter(r[3] for r in during if r[3])
        server_errors = Counter(r[2] for r in during if r[2] not in (200, 503))
        say(f"answers from the restart on: {dict(codes)}; problems: {dict(bad) or 'none'}")

        # The worker kept running and takes new work once the database is back.
        worker_alive = env.processes["worker"].poll() is None
        env.python(
            "from olievlek.payitforward.tasks import expire_matches; expire_matches.enqueue()"
        )
        try:
            wait_for(
                lambda: env.sql(
                    "SELECT count(*) FROM django_tasks_database_dbtaskresult "
                    "WHERE task_path LIKE %s AND status = 'SUCCESSFUL'",
                    ("%expire_matches",),
                )[0][0],
                timeout=30,
                what="a task run after the restart",
            )
            worker_ok = True
        except TimeoutError:
            worker_ok = False
        say(f"task worker survived: {worker_alive}; ran a task after the restart: {worker_ok}")
        # Member sessions live in the database (and Redis): still logged in afterwards.
        still_member = member.get(f"{url}/mijn/", allow_redirects=False, timeout=10)
        ok = (
            not bad
            and not server_errors
            and worker_alive
            and worker_ok
            and still_member.status_code == 200
            and codes.get(503, 0) > 0
        )
        return [
            Row(
                "PostgreSQL restarted under load",
                f"{codes.get(503, 0)} answers 503 (Dutch page / problem+json, no trace), "
                f"{sum(server_errors.values())} other 5xx; all pages 200 again "
                f"{recovered:.1f} s after the restart; the task worker waited and ran on",
                "nothing (requests during the outage were refused, not half-done)"
                if ok
                else "SEE LOG",
                ok,
            )
        ]


if __name__ == "__main__":
    for row in run():
        print(row)
