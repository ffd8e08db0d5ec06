"""Two app servers and two task workers as real processes, sharing one PostgreSQL and one
Redis, started with the settings a container runs with (`olievlek.site.settings`,
OLIEVLEK_ENVIRONMENT=production, DEBUG off, JSON logs).

This folder runs only in the PostgreSQL + Redis pass of `make test`; a test here fails
on another configuration. The processes use the test database of pytest-django (tests
here use `transactional_db`, so what a test writes is committed and visible to them) and
the test run's Redis database. Both servers are told the same public host, over HTTPS
as seen by the load balancer (`X-Forwarded-Proto`), as behind one load balancer.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from django.conf import settings
from django.db import connection

from .visitor import HOST

METRICS_TOKEN = "two-servers-metrics-token"

SRC = Path(__file__).resolve().parents[2] / "src"
START_TIMEOUT = 60

# Seconds the workers get to finish what a test queued before the database is emptied.
DRAIN_TIMEOUT = 30


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _database_url() -> str:
    db = connection.settings_dict
    credentials = quote(db["USER"] or "")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"])
    return f"postgres://{credentials}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def _environment(var_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
        "DJANGO_SETTINGS_MODULE": "olievlek.site.settings",
        "OLIEVLEK_ENVIRONMENT": "production",
        "OLIEVLEK_DEBUG": "0",
        "OLIEVLEK_SECRET_KEY": settings.SECRET_KEY,
        "OLIEVLEK_ALLOWED_HOSTS": HOST,
        "OLIEVLEK_CSRF_TRUSTED_ORIGINS": f"https://{HOST}",
        "OLIEVLEK_SITE_URL": f"https://{HOST}",
        "DATABASE_URL": _database_url(),
        "REDIS_URL": settings.CACHES["default"]["LOCATION"],
        # Shared storage for uploads (an import's file is read by whichever worker runs it).
        "OLIEVLEK_VAR_DIR": str(var_dir),
        "OLIEVLEK_EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
        "LOG_FORMAT": "json",
        "OLIEVLEK_API_RATE_ANON": "5/m",
        "METRICS_TOKEN": METRICS_TOKEN,
    }


class Cluster:
    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.env = _environment(tmp / "var")
        self.processes: dict[str, subprocess.Popen] = {}
        self.urls: dict[str, str] = {}

    def _start(self, name: str, command: list[str]) -> None:
        log = open(self.tmp / f"{name}.log", "wb")  # noqa: SIM115 (closed with the process)
        self.processes[name] = subprocess.Popen(
            command, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def start(self) -> None:
        for name in ("a", "b"):
            port = _free_port()
            self.urls[name] = f"http://127.0.0.1:{port}"
            self._start(
                f"server-{name}",
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "olievlek.site.wsgi",
                    "--config",
                    "python:olievlek.site.gunicorn_conf",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "1",
                    "--threads",
                    "4",
                    "--timeout",
                    "60",
                    "--graceful-timeout",
                    "3",
                ],
            )
        for name in ("1", "2"):
            self._start(
                f"worker-{name}",
                [
                    sys.executable,
                    "-m",
                    "django",
                    "db_worker",
                    "--queue-name",
                    "*",
                    "--interval",
                    "0.2",
                    "--no-startup-delay",
                    "--worker-id",
                    f"worker-{name}",
                ],
            )
        deadline = time.monotonic() + START_TIMEOUT
        for name, url in self.urls.items():
            while True:
                self.check_running()
                try:
                    if requests.get(f"{url}/health/ready", timeout=10).status_code == 200:
                        break
                except (requests.ConnectionError, requests.Timeout):
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"server {name} not ready:\n{self.logs()}")
                time.sleep(0.2)

    def check_running(self) -> None:
        stopped = {n: p.returncode for n, p in self.processes.items() if p.poll() is not None}
        if stopped:
            raise RuntimeError(f"processes stopped: {stopped}\n{self.logs()}")

    def logs(self, tail: int = 3000) -> str:
        return "\n".join(
            f"--- {path.name}\n{path.read_text(errors='replace')[-tail:]}"
            for path in sorted(self.tmp.glob("*.log"))
        )

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + 15
        for process in self.processes.values():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)


@pytest.fixture(scope="module")
def cluster(django_db_setup, django_db_blocker, tmp_path_factory):
    assert connection.vendor == "postgresql", "two-server tests need PostgreSQL (DATABASE_URL)"
    assert os.environ.get("REDIS_URL"), "two-server tests need Redis (scripts/with-redis.sh)"
    cluster = Cluster(tmp_path_factory.mktemp("cluster"))
    try:
        with django_db_blocker.unblock():
            cluster.start()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def servers(cluster, transactional_db):
    """The two servers' base URLs, with the database committed and empty for each test."""
    yield cluster
    cluster.check_running()
    # The database is emptied after each test; a task the workers still run (a mail the
    # test caused) would lose its row under them, so the queue is drained first.
    from django_tasks_db.models import DBTaskResult

    deadline = time.monotonic() + DRAIN_TIMEOUT
    while time.monotonic() < deadline and (
        DBTaskResult.objects.ready().exists() or DBTaskResult.objects.running().exists()
    ):
        time.sleep(0.2)
    cluster.check_running()
