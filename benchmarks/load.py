"""Load benchmark: gunicorn on PostgreSQL (and Redis) under mixed traffic from Locust.

    .venv/bin/python benchmarks/load.py [--stages 50:40,200:40] [--workers 4]
                                        [--capacity-seconds 6] [--members 40]

What it does, from an empty temporary directory (removed at the end):

1. a throwaway PostgreSQL and Redis (the script runs itself under
   `scripts/with-postgres.sh` and `scripts/with-redis.sh` unless DATABASE_URL points at
   PostgreSQL and REDIS_URL is set; --no-redis: without Redis, the embedded defaults);
   settings `benchmarks.load_settings` (the project's, DEBUG off, `/bench/bare` mounted);
   `migrate`, `demo_load` (500 approved organisations) and `load_setup.py` (member
   accounts with a session and an API key each);
2. gunicorn with --workers sync workers on a free 127.0.0.1 port;
3. Locust (`load_locust.py`), headless: mixed traffic of anonymous visitors, logged-in
   members (their pages, public pages, registering a colleague for a meeting and
   cancelling) and API clients (a personal key), ramped to each stage's users (default
   50, then 200), measured for the stage's seconds once all users are there; then the
   capacity turns: each kind of page alone, back to back by a few users, the pages
   taking turns;
4. tables: per stage and kind of page requests/s, p50/p95/p99 and errors; per kind of
   page in the capacity turns, requests/s against the bare view's (the throughput
   ratio) and the CPU gunicorn and PostgreSQL spent per request.

The goals (issue 14): no errors, p95 under 200 ms at 50 users, and the member pages (not
cached) at least 0.3 times the bare view's throughput. `--strict` fails the run when a
goal is missed. The client runs on the same machine and takes CPU from the server; with
other processes busy, compare the ratios of one run rather than absolute figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_report import print_capacity, print_header, print_stage, verdict  # noqa: E402
from proc_cpu import postgres_pids  # noqa: E402
from web_common import REPO_ROOT  # noqa: E402
from web_server import RESET, Server  # noqa: E402

SETTINGS_MODULE = "benchmarks.load_settings"
MEMBER_PAGES = [
    ("member: start page", "/mijn/"),
    ("member: Pay it Forward", "/mijn/payitforward/"),
    ("member: meetings", "/mijn/bijeenkomsten/"),
    ("member: notifications", "/mijn/meldingen/"),
    ("member: stories", "/mijn/verhalen/"),
]
# What every member page costs before its own content (benchmarks/web_urls.py): shown
# beside the member pages, not goals of their own.
FLOORS = [
    ("floor: logged in, plain text", "/mijn/bench-text"),
    ("floor: layout around an empty page", "/mijn/bench-layout"),
]
# Every client comes from 127.0.0.1: per-address limits high enough for a crowd.
GENEROUS_LIMITS = {
    "OLIEVLEK_API_RATE_ANON": "1000000/m",
    "OLIEVLEK_API_RATE_MEMBER": "1000000/m",
    "OLIEVLEK_FORM_RATE_EVENT_REGISTRATION": "1000000/h",
    "OLIEVLEK_FORM_RATE_EVENT_RECIPIENT": "1000000/h",
    "OLIEVLEK_LOGIN_RATE": "1000000/m/ip",
}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--stages",
        default="50:40,200:40",
        help="users:seconds of measurement, per stage (default 50:40,200:40)",
    )
    parser.add_argument("--spawn-rate", type=float, default=20.0, help="users started per s")
    parser.add_argument("--wait", default="0.5:2.5", help="think time min:max s (default 0.5:2.5)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (default 4)")
    parser.add_argument("--worker-class", default="sync", help="gunicorn worker class")
    parser.add_argument("--threads", type=int, default=1, help="threads per gunicorn worker")
    parser.add_argument("--members", type=int, default=40, help="member accounts (default 40)")
    parser.add_argument(
        "--capacity-seconds", type=float, default=6.0, help="per page, 0 to skip (default 6)"
    )
    parser.add_argument("--capacity-users", type=int, default=6, help="back to back users")
    parser.add_argument("--rounds", type=int, default=2, help="capacity turns per page")
    parser.add_argument("--no-redis", action="store_true", help="do not start a Redis")
    parser.add_argument(
        "--profile",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="afterwards, profile the member pages in-process for SECONDS each (load_profile)",
    )
    parser.add_argument("--top", type=int, default=0, help="cProfile functions per page")
    parser.add_argument("--no-load", action="store_true", help="no Locust (with --profile)")
    parser.add_argument("--strict", action="store_true", help="fail when a goal is missed")
    return parser.parse_args(argv)


def under_services(args, argv: list[str]) -> int | None:
    """Run this script again under `scripts/with-postgres.sh` (unless DATABASE_URL already
    points at PostgreSQL) and `scripts/with-redis.sh` (unless REDIS_URL is set or
    --no-redis): the exit code of that run, or None to go on here."""
    wrappers = []
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        wrappers += ["bash", str(REPO_ROOT / "scripts" / "with-postgres.sh")]
    if not args.no_redis and not os.environ.get("REDIS_URL"):
        wrappers += ["bash", str(REPO_ROOT / "scripts" / "with-redis.sh")]
    if not wrappers:
        return None
    command = [*wrappers, sys.executable, str(Path(__file__).resolve()), *argv]
    return subprocess.call(command, cwd=REPO_ROOT)


def environment(tmp: Path, redis_url: str) -> dict[str, str]:
    env = dict(os.environ)
    for name in RESET:
        env.pop(name, None)
    env.pop("REDIS_URL", None)  # set again below unless --no-redis
    pythonpath = [str(REPO_ROOT), *filter(None, env.get("PYTHONPATH", "").split(os.pathsep))]
    env.update(
        GENEROUS_LIMITS,
        OLIEVLEK_VAR_DIR=str(tmp),
        OLIEVLEK_ENVIRONMENT="development",
        OLIEVLEK_EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        OLIEVLEK_LOG_LEVEL="WARNING",
        DJANGO_SETTINGS_MODULE=SETTINGS_MODULE,
        PYTHONPATH=os.pathsep.join(pythonpath),
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def create_database(url: str) -> None:
    """with-postgres.sh names a database it does not create; start from an empty one."""
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def prepare(env: dict[str, str], members: int) -> dict:
    """Schema, demo data and the benchmark's accounts, in subprocesses with `env`."""
    create_database(env["DATABASE_URL"])
    django = [sys.executable, "-m", "django"]
    run = {"env": env, "cwd": REPO_ROOT, "check": True}
    print("migrate, demo_load ...", file=sys.stderr)
    subprocess.run([*django, "migrate", "--no-input", "-v", "0"], **run)
    subprocess.run([*django, "demo_load"], stdout=subprocess.DEVNULL, **run)
    setup = Path(__file__).with_name("load_setup.py")
    out = subprocess.run(
        [sys.executable, str(setup), str(members)], capture_output=True, text=True, **run
    )
    return json.loads(out.stdout)


def plan(args, data: dict, server: Server) -> dict:
    stages = []
    for spec in args.stages.split(","):
        users, seconds = spec.split(":")
        stages.append(
            {"users": int(users), "seconds": float(seconds), "spawn_rate": args.spawn_rate}
        )
    session = data["members"][0]["session"]
    pages = [{"name": "bare Django view (peer)", "path": "/bench/bare"}]
    pages += [{"name": n, "path": p, "session": session} for n, p in MEMBER_PAGES + FLOORS]
    pages += [
        {"name": "home (page cache)", "path": "/"},
        {"name": "directory, filters (page cache)", "path": "/netwerk/?theme=gezondheid"},
        {
            "name": "directory, filters (member)",
            "path": "/netwerk/?theme=gezondheid",
            "session": session,
        },
    ]
    profiled = [p for p in pages if p["path"] == "/bench/bare" or p.get("session")]
    return {
        **data,
        "profile_pages": profiled,
        "port": server.port,
        "server_pids": [server.process.pid, *postgres_pids()],
        "stages": stages,
        "wait": [float(x) for x in args.wait.split(":")],
        "capacity": {
            "pages": pages if args.capacity_seconds > 0 else [],
            "users": args.capacity_users,
            "seconds": args.capacity_seconds,
            "rounds": args.rounds,
        },
    }


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    code = under_services(args, argv)
    if code is not None:
        return code
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that `finally` runs
    tmp = Path(tempfile.mkdtemp(prefix="olievlek-load-"))
    redis_url = "" if args.no_redis else os.environ["REDIS_URL"]
    server = None
    try:
        env = environment(tmp, redis_url)
        data = prepare(env, args.members)
        server = Server(args, env, tmp)
        server.start()
        plan_file, result_file = tmp / "plan.json", tmp / "result.json"
        plan_file.write_text(json.dumps(plan(args, data, server)))
        print_header(args, redis_url, data)
        failures = []
        if not args.no_load:
            driver = Path(__file__).with_name("load_locust.py")
            subprocess.run(
                [sys.executable, str(driver), str(plan_file), str(result_file)],
                env={**env, "DJANGO_SETTINGS_MODULE": ""},
                cwd=REPO_ROOT,
                check=True,
            )
            result = json.loads(result_file.read_text())
            for stage in result["stages"]:
                print_stage(stage)
            if result["capacity"]:
                print_capacity(result["capacity"])
            failures = verdict(result)
            if failures and server is not None:
                print(server.log_tail(), file=sys.stderr)
        if args.profile:
            sys.stdout.flush()
            profiler = Path(__file__).with_name("load_profile.py")
            subprocess.run(
                [sys.executable, str(profiler), str(plan_file), str(args.profile), str(args.top)],
                env=env,
                cwd=REPO_ROOT,
                check=True,
            )
        return 1 if failures and args.strict else 0
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
