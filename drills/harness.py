"""What every drill needs: throwaway servers on 127.0.0.1 that it starts, breaks and always
stops (PostgreSQL, Redis, gunicorn, the task worker, an SMTP server), the `olievlek`
command against them, and a row for the summary table.

Every wait is bounded (`wait_for`), every process is started by us and stopped by its pid
in `Env.close` (also when a drill fails), and traffic goes only to our own servers.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PG_BIN = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))[-1]
DEMO_PASSWORD = "olievlek-demo-2026"
EMPLOYER_EMAIL = "werkgever@olievlek.test"


@dataclass
class Row:
    drill: str
    happened: str
    lost: str
    ok: bool


def say(message: str) -> None:
    print(f"  · {message}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(check, *, timeout: float, interval: float = 0.2, what: str = "condition"):
    """Polls `check` until it returns something truthy; raises after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            value = check()
            if value:
                return value
        except Exception as error:  # noqa: BLE001 (the server may still be starting)
            last_error = error
        time.sleep(interval)
    raise TimeoutError(f"{what} not reached within {timeout:.0f} s ({last_error})")


@dataclass
class Env:
    """One drill's world: a temporary directory, its servers and their environment."""

    name: str
    use_redis: bool = False
    dir: Path = field(init=False)
    env: dict = field(init=False)
    processes: dict = field(default_factory=dict)
    pg_port: int = 0
    redis_port: int = 0
    mounts: list = field(default_factory=list)

    def __post_init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix=f"olievlek-drill-{self.name}-"))
        self.dir.chmod(0o755)
        self.env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(
                p for p in (str(ROOT / "src"), os.environ.get("PYTHONPATH", "")) if p
            ),
            "DJANGO_SETTINGS_MODULE": "olievlek.site.settings",
            "OLIEVLEK_VAR_DIR": str(self.dir / "var"),
            "OLIEVLEK_DEBUG": "0",
            "OLIEVLEK_SECRET_KEY": f"drill-{self.name}-not-secret",
            "OLIEVLEK_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "OLIEVLEK_LOG_LEVEL": "WARNING",
            "OLIEVLEK_CONN_MAX_AGE": "60",
            "REDIS_URL": "",
        }
        (self.dir / "var").mkdir()

    # --- PostgreSQL ---------------------------------------------------------------------
    def _as_postgres(self) -> list[str]:
        return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def pg_ctl(self, *args: str) -> None:
        subprocess.run(
            [*self._as_postgres(), str(PG_BIN / "pg_ctl"), "-D", str(self.dir / "pg"), *args],
            check=True,
            capture_output=True,
            timeout=60,
        )

    def start_postgres(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        self.pg_port = free_port()
        subprocess.run(
            [*self._as_postgres(), str(PG_BIN / "initdb"), "-D", str(self.dir / "pg"), "-A",
             "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        self.pg_ctl("-l", str(self.dir / "pg.log"), "-w", "-o", self._pg_options(), "start")
        with psycopg.connect(self.pg_url("postgres"), autocommit=True) as conn:
            conn.execute("CREATE DATABASE olievlek")
        self.env["DATABASE_URL"] = self.pg_url("olievlek")

    def _pg_options(self) -> str:
        return (
            f"-p {self.pg_port} -k {self.dir} -c listen_addresses=127.0.0.1 "
            "-c max_connections=200 -c fsync=off"
        )

    def restart_postgres(self) -> float:
        started = time.monotonic()
        self.pg_ctl(
            "-m", "fast", "-w", "-l", str(self.dir / "pg.log"), "-o", self._pg_options(), "restart"
        )  # fmt: skip
        return time.monotonic() - started

    def pg_url(self, database: str = "olievlek") -> str:
        return f"postgres://postgres@127.0.0.1:{self.pg_port}/{database}"

    def sql(self, query: str, params=()) -> list[tuple]:
        with psycopg.connect(self.pg_url(), autocommit=True, connect_timeout=5) as conn:
            cursor = conn.execute(query, params)
            return cursor.fetchall() if cursor.description else []

    # --- Redis --------------------------------------------------------------------------
    def start_redis(self) -> None:
        if not self.redis_port:
            self.redis_port = free_port()
            self.env["REDIS_URL"] = f"redis://127.0.0.1:{self.redis_port}/0"
        self.spawn(
            "redis",
            ["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1", "--save",
             "", "--appendonly", "no", "--dir", str(self.dir)],
        )  # fmt: skip
        wait_for(self.redis_ping, timeout=10, what="redis answering")

    def redis_ping(self) -> bool:
        with socket.create_connection(("127.0.0.1", self.redis_port), timeout=1) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")

    # --- Processes ----------------------------------------------------------------------
    def spawn(self, key: str, argv: list[str], **env) -> subprocess.Popen:
        log = (self.dir / f"{key}.log").open("ab")
        process = subprocess.Popen(
            argv, env={**self.env, **env}, stdout=log, stderr=subprocess.STDOUT, cwd=self.dir,
            start_new_session=True,
        )  # fmt: skip
        self.processes[key] = process
        return process

    def stop(self, key: str, sig: int = signal.SIGTERM, timeout: float = 15) -> None:
        process = self.processes.pop(key, None)
        if process is None or process.poll() is not None:
            return
        process.send_signal(sig)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)

    def olievlek(self, *args: str, timeout: float = 300, **env) -> str:
        result = subprocess.run(
            [PYTHON, "-m", "olievlek.cli", *args],
            env={**self.env, **env}, capture_output=True, text=True, timeout=timeout, cwd=self.dir,
        )  # fmt: skip
        if result.returncode != 0:
            raise RuntimeError(f"olievlek {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def python(self, code: str, timeout: float = 300, **env) -> str:
        """Runs Django code (`olievlek shell -c`) and returns what it printed."""
        return self.olievlek("shell", "-c", code, timeout=timeout, **env)

    def setup_site(self, *, demo: bool = True) -> None:
        self.olievlek("migrate", "--no-input", "-v", "0")
        if demo:
            self.olievlek("demo_load")

    def start_web(self, key: str = "web", *, workers: int = 2, threads: int = 4) -> str:
        port = free_port()
        self.spawn(
            key,
            [PYTHON, "-m", "gunicorn", "olievlek.site.wsgi", "--bind", f"127.0.0.1:{port}",
             "--workers", str(workers), "--threads", str(threads), "--timeout", "30",
             "--graceful-timeout", "5"],
        )  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        import requests

        wait_for(
            lambda: requests.get(f"{url}/toegankelijkheid", timeout=5).status_code == 200,
            timeout=60,
            what="gunicorn answering",
        )
        return url

    def start_worker(self, worker_id: str, key: str = "worker") -> subprocess.Popen:
        return self.spawn(
            key,
            [PYTHON, "-m", "olievlek.cli", "task_worker", "--worker-id", worker_id,
             "--queue-name", "*", "--no-reload", "--interval", "0.2", "--no-startup-delay"],
        )  # fmt: skip

    def mount_tmpfs(self, path: Path, size: str) -> None:
        path.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
            check=True, capture_output=True, timeout=30,
        )  # fmt: skip
        self.mounts.append(path)

    def close(self) -> None:
        for key in list(self.processes):
            with contextlib.suppress(Exception):
                self.stop(key)
        for path in reversed(self.mounts):
            subprocess.run(["umount", "-l", str(path)], capture_output=True, timeout=30)
        if self.pg_port:
            with contextlib.suppress(Exception):
                self.pg_ctl("-m", "immediate", "stop")
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> Env:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def login(url: str, email: str = EMPLOYER_EMAIL, password: str = DEMO_PASSWORD):
    """A requests session logged in through the allauth form, as a browser would."""
    import requests

    session = requests.Session()
    session.get(f"{url}/accounts/login/", timeout=10)
    response = session.post(
        f"{url}/accounts/login/",
        data={
            "login": email,
            "password": password,
            "csrfmiddlewaretoken": session.cookies.get("csrftoken", ""),
        },
        headers={"Referer": f"{url}/accounts/login/"},
        timeout=10,
    )
    if "sessionid" not in session.cookies:
        raise RuntimeError(f"login as {email} failed ({response.status_code})")
    return session


def as_json(text: str):
    """The last line of a shell run that printed JSON."""
    return json.loads(text.strip().splitlines()[-1])
