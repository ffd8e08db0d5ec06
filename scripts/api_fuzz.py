"""Schemathesis against the committed OpenAPI document, on a live server with the demo data.

    python scripts/api_fuzz.py [--max-examples N] [--role anonymous|member|staff ...]

Loads the demo data into a throwaway database (a temporary SQLite file; with DATABASE_URL
set to PostgreSQL, e.g. through scripts/with-postgres.sh, a fresh database there), starts
the site on a free port, and runs schemathesis against `docs/openapi.yaml` three times:
as an anonymous visitor, as the demo employer and as the project team (logged in with the
second factor). It fails on any 5xx answer and on any answer that does not match the
document (status code, content type, body).

Logins go through the site's own forms (`/accounts/login/`, then the TOTP step for the
team), and the API is called with that session, so the run does not depend on how API
tokens work. Generation is deterministic (same cases every run), single-worker and
bounded by `--max-examples`, so the whole run takes a few minutes on two cores.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import requests

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SCHEMA = REPO / "docs" / "openapi.yaml"
SETTINGS = "olievlek.site.settings_apifuzz"
PASSWORD = "olievlek-demo-2026"
LOGINS = {"member": "werkgever@olievlek.test", "staff": "projectteam@olievlek.test"}
CHECKS = [
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
]


def _environment(tmp: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("OLIEVLEK_") and key != "DJANGO_SETTINGS_MODULE"
    }
    database = os.environ.get("DATABASE_URL") or f"sqlite:///{tmp / 'apifuzz.sqlite3'}"
    pythonpath = [str(REPO / "src"), *filter(None, env.get("PYTHONPATH", "").split(os.pathsep))]
    env.update(
        DATABASE_URL=database,
        DJANGO_SETTINGS_MODULE=SETTINGS,
        OLIEVLEK_VAR_DIR=str(tmp),
        OLIEVLEK_DEBUG="0",
        PYTHONPATH=os.pathsep.join(pythonpath),
    )
    return env


def _create_postgres_database(url: str) -> None:
    """with-postgres.sh names a database it does not create; start from an empty one."""
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def _olievlek(env: dict[str, str], *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "olievlek"), *args], env=env, check=True, text=True, **kwargs)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _gunicorn(base: str, tmp: Path) -> list[str]:
    """The production server: Django's runserver is no HTTP server to fuzz (malformed
    requests make it drop connections, which schemathesis rightly reports). Its limit on
    the request line is lifted: the fuzzer's longest query strings would get gunicorn's
    own 414 page, which says nothing about the API (production sits behind a proxy with
    limits of its own)."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "olievlek.site.wsgi:application",
        f"--bind={base.removeprefix('http://')}",
        "--workers=2",
        f"--worker-tmp-dir={tmp}",
        "--no-control-socket",
        "--timeout=120",
        "--limit-request-line=0",
        "--log-level=warning",
    ]


def _wait_until_up(base: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"The server stopped:\n{log.read_text()[-3000:]}")
        try:
            requests.get(base + "/api/v1/bijeenkomsten", timeout=30)
            return
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.3)
    sys.exit("The server did not start within 120 s.")


def _csrf_token(session: requests.Session, page: requests.Response) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    return match.group(1) if match else session.cookies["csrftoken"]


def _post_form(session: requests.Session, url: str, data: dict[str, str]) -> requests.Response:
    page = session.get(url, timeout=30)
    data = {**data, "csrfmiddlewaretoken": _csrf_token(session, page)}
    return session.post(url, data=data, headers={"Referer": page.url}, timeout=30)


def _login(base: str, role: str, env: dict[str, str]) -> requests.Session:
    """A session logged in through the site's forms; the team completes the TOTP step."""
    session = requests.Session()
    response = _post_form(
        session, base + "/accounts/login/", {"login": LOGINS[role], "password": PASSWORD}
    )
    # A code read just before its 30-second step ends may arrive after it (allauth allows no
    # step of delay), so a refused code is tried once more with the next one.
    for _attempt in range(2):
        if "/2fa/" not in response.url:
            break
        code = _olievlek(env, "demo_totp", capture_output=True).stdout.strip()
        response = _post_form(session, response.url, {"code": code})
    area = "/beheer/" if role == "staff" else "/mijn/"
    check = session.get(base + area, timeout=30, allow_redirects=False)
    if check.status_code != 200:
        sys.exit(f"Logging in as {role} failed: {area} answered {check.status_code}.")
    return session


def _schemathesis(base: str, session: requests.Session | None, args, report: Path) -> int:
    headers: list[str] = []
    if session is not None:
        cookies = "; ".join(f"{name}={value}" for name, value in session.cookies.items())
        headers = ["-H", f"Cookie: {cookies}", "-H", f"X-CSRFToken: {session.cookies['csrftoken']}"]
    command = [
        str(BIN / "schemathesis"),
        "run",
        str(SCHEMA),
        "--url",
        base,
        "--checks",
        ",".join(CHECKS),
        "--max-examples",
        str(args.max_examples),
        "--phases",
        "examples,coverage,fuzzing",
        "--generation-deterministic",
        # The session cookie and CSRF header are ours; never replaced by generated ones.
        "--generation-with-security-parameters",
        "false",
        "--workers",
        "1",
        "--request-timeout",
        "60",
        "--suppress-health-check",
        "too_slow,filter_too_much",
        "--no-color",
        "--report",
        "junit",
        "--report-junit-path",
        str(report),
        *headers,
    ]
    # Run in the temporary directory: schemathesis keeps a cache (.schemathesis/) in its cwd.
    return subprocess.run(command, cwd=report.parent).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-examples", type=int, default=20)
    parser.add_argument(
        "--role", action="append", choices=["anonymous", "member", "staff"], default=None
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args(argv)
    # Stopped from outside (Ctrl-C, a CI timeout): still stop the server and clean up.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    roles = args.role or ["anonymous", "member", "staff"]

    tmp = Path(tempfile.mkdtemp(prefix="olievlek-apifuzz-"))
    env = _environment(tmp)
    server = None
    started = time.monotonic()
    try:
        if env["DATABASE_URL"].startswith("postgres"):
            _create_postgres_database(env["DATABASE_URL"])
        _olievlek(env, "migrate", "--no-input", "-v", "0")
        _olievlek(env, "demo_load", stdout=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{_free_port()}"
        log = tmp / "server.log"
        with log.open("w") as out:
            server = subprocess.Popen(
                _gunicorn(base, tmp), env=env, stdout=out, stderr=subprocess.STDOUT
            )
        _wait_until_up(base, server, log)
        print(f"Demo data loaded and server up in {time.monotonic() - started:.0f} s.", flush=True)
        failed = []
        for role in roles:
            print(f"\n=== schemathesis as {role} ===", flush=True)
            session = None if role == "anonymous" else _login(base, role, env)
            if _schemathesis(base, session, args, tmp / f"junit-{role}.xml"):
                failed.append(role)
        if failed:
            errors = re.findall(r"^.*(?:Traceback|Error).*$", log.read_text(), re.MULTILINE)
            print("\nServer log, errors:\n" + "\n".join(errors[-40:]))
            print(f"\nschemathesis failed as: {', '.join(failed)}")
            return 1
        print(f"\nschemathesis passed as {', '.join(roles)} in {time.monotonic() - started:.0f} s.")
        return 0
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if args.keep:
            print(f"Kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
