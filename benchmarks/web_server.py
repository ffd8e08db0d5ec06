"""The environment of `benchmarks/web.py`: the variables that point the project at a
throwaway directory, Django in the benchmark process, the demo database, and gunicorn.
"""

from __future__ import annotations

import contextlib
import http.client
import io
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from web_common import BARE, HOST, REPO_ROOT, SETTINGS_MODULE

# Variables of the caller's environment that would point the benchmark at real files or
# change what is measured; the project's defaults apply instead. The cache ones matter
# most: the benchmark clears the cache, which must be its own (OLIEVLEK_VAR_DIR/cache).
RESET = (
    "OLIEVLEK_STATIC_ROOT",
    "OLIEVLEK_MEDIA_ROOT",
    "OLIEVLEK_BASE_DIR",
    "OLIEVLEK_DEBUG",
    "OLIEVLEK_ALLOWED_HOSTS",
    "OLIEVLEK_LOG_LEVEL",
    "OLIEVLEK_CACHE_BACKEND",
    "OLIEVLEK_CACHE_LOCATION",
    "OLIEVLEK_CONN_MAX_AGE",
    "OLIEVLEK_PAGE_CACHE",
)


def benchmark_env(tmp: Path, conn_max_age: int | None) -> dict[str, str]:
    """The environment of the benchmark process and gunicorn: everything in `tmp`;
    CONN_MAX_AGE the project's default unless `conn_max_age` is given. The page cache is
    switched per run (`page_cache_env`)."""
    env = dict(os.environ)
    for name in RESET:
        env.pop(name, None)
    pythonpath = [str(REPO_ROOT), *filter(None, env.get("PYTHONPATH", "").split(os.pathsep))]
    env.update(
        OLIEVLEK_VAR_DIR=str(tmp),
        DATABASE_URL=f"sqlite:///{tmp / 'benchmark.sqlite3'}",
        OLIEVLEK_ENVIRONMENT="development",
        DJANGO_SETTINGS_MODULE=SETTINGS_MODULE,
        PYTHONPATH=os.pathsep.join(pythonpath),
    )
    if conn_max_age is not None:
        env["OLIEVLEK_CONN_MAX_AGE"] = str(conn_max_age)
    return env


def page_cache_env(env: dict[str, str], mode: str) -> dict[str, str]:
    return {**env, "OLIEVLEK_PAGE_CACHE": "1" if mode == "on" else "0"}


def setup_django(env: dict[str, str]) -> None:
    for name in RESET:
        os.environ.pop(name, None)
    os.environ.update(env)
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    import django

    django.setup()


def load_database() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("demo_load", stdout=io.StringIO())


def clear_cache() -> None:
    """Empty the shared cache (the benchmark's own, in OLIEVLEK_VAR_DIR), so that a run
    with the page cache on starts cold and its warm-up fills it, as after a deploy."""
    from django.core.cache import cache

    cache.clear()


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def get_status(port: int, path: str) -> int | None:
    conn = http.client.HTTPConnection(HOST, port, timeout=5)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status
    except (OSError, http.client.HTTPException):
        return None
    finally:
        conn.close()


class Server:
    def __init__(self, args, env: dict[str, str], tmp: Path):
        self.args, self.env, self.tmp = args, env, tmp
        self.log = tmp / "gunicorn.log"
        self.process: subprocess.Popen | None = None
        self.port = 0

    def command(self, port: int) -> list[str]:
        args = self.args
        return [
            sys.executable,
            "-m",
            "gunicorn",
            "olievlek.site.wsgi:application",
            f"--bind={HOST}:{port}",
            f"--workers={args.workers}",
            f"--worker-class={args.worker_class}",
            f"--threads={args.threads}",
            f"--chdir={REPO_ROOT}",
            f"--pythonpath={REPO_ROOT}",
            f"--worker-tmp-dir={self.tmp}",
            "--no-control-socket",
            "--timeout=120",
            "--log-level=warning",
        ]

    def start(self) -> None:
        for _attempt in range(3):  # a free port can be taken between probe and bind
            self.port = free_port()
            with open(self.log, "ab") as log:
                self.process = subprocess.Popen(
                    self.command(self.port),
                    env=self.env,
                    cwd=REPO_ROOT,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,  # its own process group, stopped as one
                )
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and self.process.poll() is None:
                if get_status(self.port, BARE) == 200:
                    return
                time.sleep(0.1)
            self.stop()
        raise SystemExit(f"gunicorn did not start; its log:\n{self.log_tail()}")

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        if process.poll() is None:
            process.terminate()  # graceful: the master stops its workers
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                pass
        deadline = time.monotonic() + 5
        with contextlib.suppress(ProcessLookupError):
            while time.monotonic() < deadline:  # workers still in the group?
                os.killpg(process.pid, 0)
                time.sleep(0.1)
            os.killpg(process.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=5)

    def cpu_seconds(self) -> float:
        """User + system CPU of the gunicorn master and its workers so far (Linux)."""
        if self.process is None:
            return 0.0
        master = self.process.pid
        ticks = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError, ValueError, IndexError):
                text = stat.read_text()
                fields = text[text.rindex(")") + 2 :].split()  # from field 3, state, on
                if int(stat.parent.name) == master or int(fields[1]) == master:
                    ticks += int(fields[11]) + int(fields[12])  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"
