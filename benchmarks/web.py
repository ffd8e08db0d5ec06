"""Benchmark of the public pages and the API against a bare Django view.

    .venv/bin/python benchmarks/web.py [--seconds 10] [--concurrency 4] [--profile]

What it does, from an empty temporary directory (removed at the end):

1. a fresh SQLite database there (OLIEVLEK_VAR_DIR), settings
   ``benchmarks.web_settings`` (the project's settings with DEBUG off and
   ``benchmarks.web_urls``, which adds ``/bench/bare``), ``migrate`` and ``demo_load``
   (500 approved organisations);
2. the SQL queries of one request to every page, counted in-process with the Django test
   client, and again on variants that show ten or a hundred more rows (another page of
   results, another organisation, ``pageSize=100``): the counts must not change;
3. gunicorn on a free 127.0.0.1 port (default: 2 sync workers, gunicorn's default kind;
   ``--worker-class gthread --threads 2`` for threads and keep-alive), loaded by
   ``--concurrency`` client processes (plain ``http.client``, keep-alive where the server
   allows it; processes, so that the GIL does not limit the client). Each page is warmed
   up, then the pages take turns (``--rounds``) until each has had ``--seconds``, so that
   a change in the machine's load hits all of them alike. Every response must be a 200;
4. a Markdown table: requests/s, mean and p95 latency, ratio to ``/bench/bare`` (the peer:
   a Django view returning b"ok" on the same server, same middleware, same run), whether
   the goal, at least half of the bare view's rate, is met, and the CPU time the gunicorn
   processes spent per request (from /proc: unlike requests/s, hardly affected by other
   processes competing for the CPU).

``--profile`` then runs every page in-process through Django's WSGI handler (so signals
and database connection handling are those of gunicorn, without the network) and prints
its CPU time per request, how that splits over database connection, SQL, ORM, templates,
translation, serializers and the rest (each part timed exclusive of the others), and
cProfile's top functions (``--top``).

The client runs on the same machine as the server and takes CPU from it, about the same
per request for every page, which pulls the ratios towards 1; the cores the client kept
busy are printed, so that this can be judged.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import io
import math
import multiprocessing as mp
import os
import platform
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SETTINGS_MODULE = "benchmarks.web_settings"
HOST = "127.0.0.1"
GOAL = 0.50
BARE = "/bench/bare"
PAGES = [
    ("bare Django view (peer)", BARE),
    ("directory, theme + province", "/netwerk/?theme=gezondheid&province=NL-ZH"),
    ("organisation page", "/netwerk/bakkerij-de-korenaar/"),
    ("API list", "/api/v1/organisaties"),
    ("API list, theme", "/api/v1/organisaties?theme=gezondheid"),
]


# --- Load generator (runs in spawned processes: no Django here) -----------------------


@dataclass
class Sample:
    latencies: list[float]
    errors: int
    first_error: str
    elapsed: float
    cpu: float


def _hammer(port: int, path: str, start_at: float, seconds: float) -> Sample:
    """GET `path` back to back until `seconds` have passed, on one connection that is
    reopened whenever the server closes it (gunicorn's sync workers close every one)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    latencies: list[float] = []
    errors = 0
    first_error = ""
    while time.time() < start_at:
        time.sleep(0.001)
    cpu_start = time.process_time()
    start = time.perf_counter()
    end = start + seconds
    now = start
    while now < end:
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                errors += 1
                first_error = first_error or f"HTTP {response.status}"
        except (OSError, http.client.HTTPException) as error:
            conn.close()
            errors += 1
            first_error = first_error or repr(error)
        after = time.perf_counter()
        latencies.append(after - now)
        now = after
    conn.close()
    return Sample(latencies, errors, first_error, now - start, time.process_time() - cpu_start)


def _client_process(port: int, tasks, results) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops us
    while (task := tasks.get()) is not None:
        results.put(_hammer(port, *task))


class LoadGenerator:
    """`concurrency` processes, each with one connection, started once for all pages."""

    def __init__(self, port: int, concurrency: int):
        ctx = mp.get_context("spawn")
        self.results = ctx.Queue()
        self.queues = [ctx.Queue() for _ in range(concurrency)]
        self.processes = [
            ctx.Process(target=_client_process, args=(port, q, self.results), daemon=True)
            for q in self.queues
        ]
        for process in self.processes:
            process.start()

    def run(self, path: str, seconds: float) -> list[Sample]:
        start_at = time.time() + 0.2
        for q in self.queues:
            q.put((path, start_at, seconds))
        return [self.results.get(timeout=seconds + 120) for _ in self.queues]

    def close(self) -> None:
        for q in self.queues:
            with contextlib.suppress(Exception):
                q.put(None)
        for process in self.processes:
            process.join(timeout=5)
            if process.is_alive():
                process.terminate()
                process.join(timeout=5)


@dataclass
class Result:
    name: str
    path: str
    requests: int
    errors: int
    first_error: str
    rps: float
    mean_ms: float
    p95_ms: float
    client_cpu: float  # cores used by the client processes
    server_cpu_ms: float  # CPU of the gunicorn processes per request


def summarise(name: str, path: str, rounds: list[list[Sample]], server_cpu: float) -> Result:
    """One page's rounds, each a list of one Sample per client process."""
    samples = [s for round_ in rounds for s in round_]
    latencies = sorted(x for s in samples for x in s.latencies)
    n = len(latencies)
    elapsed = sum(sum(s.elapsed for s in round_) / len(round_) for round_ in rounds)
    return Result(
        name=name,
        path=path,
        requests=n,
        errors=sum(s.errors for s in samples),
        first_error=next((s.first_error for s in samples if s.first_error), ""),
        rps=n / elapsed if elapsed else math.nan,
        mean_ms=1000 * sum(latencies) / n if n else math.nan,
        p95_ms=1000 * latencies[max(0, math.ceil(0.95 * n) - 1)] if n else math.nan,
        client_cpu=sum(s.cpu for s in samples) / elapsed if elapsed else math.nan,
        server_cpu_ms=1000 * server_cpu / n if n else math.nan,
    )


# --- Environment, database, server -----------------------------------------------------


def benchmark_env(tmp: Path, conn_max_age: int) -> dict[str, str]:
    env = dict(os.environ)
    for name in (
        "OLIEVLEK_STATIC_ROOT",
        "OLIEVLEK_MEDIA_ROOT",
        "OLIEVLEK_BASE_DIR",
        "OLIEVLEK_DEBUG",
        "OLIEVLEK_ALLOWED_HOSTS",
        "OLIEVLEK_LOG_LEVEL",
    ):
        env.pop(name, None)
    pythonpath = [str(REPO_ROOT), *filter(None, env.get("PYTHONPATH", "").split(os.pathsep))]
    env.update(
        OLIEVLEK_VAR_DIR=str(tmp),
        DATABASE_URL=f"sqlite:///{tmp / 'benchmark.sqlite3'}",
        OLIEVLEK_ENVIRONMENT="development",
        OLIEVLEK_CONN_MAX_AGE=str(conn_max_age),
        DJANGO_SETTINGS_MODULE=SETTINGS_MODULE,
        PYTHONPATH=os.pathsep.join(pythonpath),
    )
    return env


def setup_django(env: dict[str, str]) -> None:
    os.environ.update(env)
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    import django

    django.setup()


def load_database() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("demo_load", stdout=io.StringIO())


def variants() -> dict[str, tuple[str, str]]:
    """For each page, a request that shows other or more rows; its query count must be
    the same."""
    from olievlek.network.choices import Status
    from olievlek.network.models import Organisation

    other = (
        Organisation.objects.filter(status=Status.APPROVED, theme_profiles__isnull=False)
        .exclude(slug="bakkerij-de-korenaar")
        .order_by("-id")
        .values_list("slug", flat=True)
        .first()
    )
    return {
        BARE: ("same", BARE),
        PAGES[1][1]: ("page 2", PAGES[1][1] + "&page=2"),
        PAGES[2][1]: ("another organisation", f"/netwerk/{other}/"),
        PAGES[3][1]: ("pageSize=100", PAGES[3][1] + "?pageSize=100"),
        PAGES[4][1]: ("pageSize=100", PAGES[4][1] + "&pageSize=100"),
    }


def count_queries() -> dict[str, tuple[int, int, str, int]]:
    """(first request, repeated request, variant, variant's count) for every page."""
    from django.db import connection, connections
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST)

    def count(path: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code} in-process, not 200")
        return len(captured.captured_queries)

    counts = {}
    others = variants()
    for _, path in PAGES:
        label, other = others[path]
        counts[path] = (count(path), count(path), label, count(other))
    connections.close_all()
    return counts


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


# --- Profiling (in-process) --------------------------------------------------------------


def wsgi_get(handler, path: str) -> str:
    """One GET through Django's WSGI handler, with the request_started/finished signals
    (and so the database connection handling) of a real server."""
    path_info, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path_info,
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": HOST,
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": HOST,
        "REMOTE_ADDR": HOST,
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    status = []
    body = handler(environ, lambda s, headers, exc_info=None: status.append(s))
    try:
        b"".join(body)
    finally:
        body.close()
    return status[0]


# Where the time goes: (label, module, class or None, attribute). Each is timed
# exclusive of the others it calls, so the parts add up to the whole request.
PHASES = [
    ("database: open connection", "django.db.backends.base.base", "BaseDatabaseWrapper", "connect"),
    ("database: close connection", "django.db.backends.base.base", "BaseDatabaseWrapper", "close"),
    ("SQL: execute (SQLite)", "django.db.backends.utils", "CursorWrapper", "_execute"),
    ("ORM: compile SQL", "django.db.models.sql.compiler", "SQLCompiler", "as_sql"),
    ("ORM: count()", "django.db.models.sql.query", "Query", "get_count"),
    ("ORM: fetch rows, build model objects", "django.db.models.query", "QuerySet", "_fetch_all"),
    ("ORM: prefetch_related", "django.db.models.query", None, "prefetch_related_objects"),
    ("templates", "django.template.base", "Template", "render"),
    ("URL reversing", "django.urls.resolvers", "URLResolver", "_reverse_with_prefix"),
    ("translation lookups", "django.utils.translation.trans_real", None, "gettext"),
    ("DRF: build serializer fields", "rest_framework.serializers", "ModelSerializer", "get_fields"),
    ("DRF: to_representation", "rest_framework.serializers", "Serializer", "to_representation"),
    ("DRF: to_representation", "rest_framework.serializers", "ListSerializer", "to_representation"),
    ("DRF: JSON rendering", "rest_framework.renderers", "JSONRenderer", "render"),
]
FORM_TEMPLATES = ("django/forms/", "components/field.html", "components/form.html")


class PhaseTimer:
    """Wraps the functions of PHASES (and every model's get_FOO_display) with a timer that
    books the time spent in each, minus the time of the timed functions it calls; what
    is left is request handling, middleware and view code."""

    def __init__(self):
        import importlib
        from collections import Counter

        self.exclusive: Counter[str] = Counter()
        self.stack: list[float] = []
        self.patches: list[tuple[object, str, object]] = []
        for label, module, owner, attribute in PHASES:
            target = importlib.import_module(module)
            self.wrap(getattr(target, owner) if owner else target, attribute, label)
        from django.utils import translation

        if "gettext" in vars(translation._trans):  # Trans caches what it looked up
            self.wrap(translation._trans, "gettext", "translation lookups")
        from django.apps import apps

        for model in apps.get_models():
            for name in [n for n in vars(model) if n.startswith("get_") and n.endswith("_display")]:
                self.wrap(model, name, "model get_FOO_display (choice labels)")

    def wrap(self, owner, attribute: str, label: str) -> None:
        original = vars(owner)[attribute]
        timer = self
        if isinstance(owner, type):  # a method (or a partialmethod, for get_FOO_display)

            def call(instance, *args, **kwargs):
                return original.__get__(instance, type(instance))(*args, **kwargs)
        else:  # a module's function, or one that translation._trans cached
            call = original

        def timed(*args, **kwargs):
            name = label
            if label == "templates" and args:
                template = getattr(args[0], "name", "") or ""
                form = template.startswith(FORM_TEMPLATES)
                name = "templates: form widgets" if form else "templates: page"
            timer.stack.append(0.0)
            start = time.process_time()  # CPU, not wall: others' load must not count
            try:
                return call(*args, **kwargs)
            finally:
                spent = time.process_time() - start
                timer.exclusive[name] += spent - timer.stack.pop()
                if timer.stack:
                    timer.stack[-1] += spent

        setattr(owner, attribute, timed)
        self.patches.append((owner, attribute, original))

    def restore(self) -> None:
        for owner, attribute, original in reversed(self.patches):
            setattr(owner, attribute, original)


def cpu_per_request(handler, path: str, seconds: float, batches: int = 10) -> float:
    """Milliseconds of CPU per request in-process, the best of `batches` (others' load on
    the machine only ever makes it slower)."""
    best = math.inf
    for _ in range(batches):
        n, start = 0, time.process_time()
        while (spent := time.process_time() - start) < seconds / batches:
            wsgi_get(handler, path)
            n += 1
        best = min(best, 1000 * spent / n)
    return best


def profile_pages(seconds: float, top: int) -> None:
    import cProfile
    import pstats

    from django.core.handlers.wsgi import WSGIHandler

    handler = WSGIHandler()
    for _, path in PAGES:
        for _ in range(20):
            assert wsgi_get(handler, path).startswith("200"), path
    cost = {path: cpu_per_request(handler, path, seconds) for _, path in PAGES}
    for name, path in PAGES:
        print(f"\n### {name}: `{path}`\n")
        times = "" if path == BARE else f" ({cost[path] / cost[BARE]:.0f}x the bare view)"
        print(f"{cost[path]:.2f} ms CPU per request{times}.\n")
        n = max(20, int(seconds * 1000 / cost[path] / 2))
        timer = PhaseTimer()
        try:
            start = time.process_time()
            for _ in range(n):
                wsgi_get(handler, path)
            total = time.process_time() - start
        finally:
            timer.restore()
        parts = timer.exclusive.most_common()
        other = total - sum(spent for _, spent in parts)
        print(f"| part (exclusive; timed over {n} requests) | ms per request | share |")
        print("|---|---:|---:|")
        for label, spent in [*parts, ("other: handler, middleware, view code", other)]:
            if spent / total >= 0.01:
                print(f"| {label} | {cost[path] * spent / total:.2f} | {spent / total:.0%} |")
        print(f"| total | {cost[path]:.2f} | 100% |")
        if top:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(n):
                wsgi_get(handler, path)
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
            lines = out.getvalue().splitlines()
            first = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
            print(f"\ncProfile, top {top} functions by own time ({n} requests):\n\n```")
            for line in lines[first:]:
                line = line.replace(sys.prefix + "/lib/python3.11/site-packages/", "")
                print(line.replace(str(REPO_ROOT) + "/", ""))
            print("```")


# --- Report ------------------------------------------------------------------------------


def print_table(results: list[Result], queries: dict[str, tuple[int, int, str, int]]) -> bool:
    bare = next(r for r in results if r.path == BARE)
    print(
        "| page | requests/s | mean latency ms | p95 latency ms | ratio to bare "
        f"| goal (≥ {GOAL:.2f}) met | server CPU ms/request | SQL queries | errors |"
    )
    print("|---|---:|---:|---:|---:|---|---:|---:|---:|")
    met_all = True
    for r in results:
        ratio = r.rps / bare.rps if bare.rps else math.nan
        met = ratio >= GOAL
        met_all &= met or r.path == BARE
        print(
            f"| {r.name} `{r.path}` | {r.rps:,.0f} | {r.mean_ms:.2f} | {r.p95_ms:.2f} "
            f"| {ratio:.2f} | {'(peer)' if r.path == BARE else ('yes' if met else 'no')} "
            f"| {r.server_cpu_ms:.2f} | {queries[r.path][1]} | {r.errors} |"
        )
    return met_all


def print_queries(queries: dict[str, tuple[int, int, str, int]]) -> bool:
    print("\nSQL queries per request (Django test client, same database):\n")
    print("| path | first request | repeated | variant | variant's queries | constant |")
    print("|---|---:|---:|---|---:|---|")
    constant_all = True
    for _, path in PAGES:
        first, again, label, other = queries[path]
        constant = first == again == other
        constant_all &= constant
        print(
            f"| `{path}` | {first} | {again} | {label} | {other} | {'yes' if constant else 'NO'} |"
        )
    return constant_all


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
        default=0,
        help="OLIEVLEK_CONN_MAX_AGE (default 0, the project's: a connection per request)",
    )
    parser.add_argument("--profile", action="store_true", help="profile every page after")
    parser.add_argument("--profile-seconds", type=float, default=3.0, help="per page")
    parser.add_argument("--top", type=int, default=10, help="cProfile functions per page")
    parser.add_argument("--strict", action="store_true", help="fail if a page misses the goal")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that `finally` runs
    tmp = Path(tempfile.mkdtemp(prefix="olievlek-web-bench-"))
    server = load = None
    try:
        env = benchmark_env(tmp, args.conn_max_age)
        setup_django(env)
        print("Loading the demo data into a fresh SQLite database...", file=sys.stderr)
        load_database()
        queries = count_queries()

        load_before = os.getloadavg()[0]
        server = Server(args, env, tmp)
        server.start()
        load = LoadGenerator(server.port, args.concurrency)
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
        results = [summarise(name, path, rounds[path], cpu[path]) for name, path in PAGES]
        load.close()
        load = None
        server.stop()

        import django

        threads = f", {args.threads} threads" if args.worker_class == "gthread" else ""
        print(
            f"\n## Web benchmark: gunicorn {args.workers} {args.worker_class} workers{threads}, "
            f"{args.concurrency} client processes, {args.seconds:g} s per page "
            f"in {args.rounds} turns, after {args.warmup:g} s warm-up\n"
        )
        print(
            f"Python {platform.python_version()}, Django {django.get_version()}, "
            f"SQLite (CONN_MAX_AGE={args.conn_max_age}), {os.cpu_count()} CPUs, "
            f"{platform.machine()}, demo data (500 approved organisations); "
            f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after.\n"
        )
        if load_before > (os.cpu_count() or 1) / 2:
            print(
                "Other processes were busy: requests/s are low and noisy; the ratios (pages "
                "take turns) and the server CPU per request are the figures to compare.\n"
            )
        goal_met = print_table(results, queries)
        constant = print_queries(queries)
        client = ", ".join(f"{r.client_cpu:.2f}" for r in results)
        print(f"\nCores kept busy by the client processes, per page in table order: {client}.")
        errors = sum(r.errors for r in results)
        for r in results:
            if r.errors:
                print(f"{r.path}: {r.errors} of {r.requests} failed, first: {r.first_error}")
        if args.profile:
            print("\n## Where the time goes (in-process through Django's WSGI handler, no network)")
            profile_pages(args.profile_seconds, args.top)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\n(benchmark process peak memory {peak:.0f} MB)", file=sys.stderr)
        if errors:
            print(f"\nFAILED: {errors} responses were not 200.", file=sys.stderr)
            if server.log.exists():
                print(server.log_tail(), file=sys.stderr)
            return 1
        if not constant:
            print("\nFAILED: query counts depend on the data shown.", file=sys.stderr)
            return 1
        if args.strict and not goal_met:
            print("\nFAILED: a page is slower than half the bare view.", file=sys.stderr)
            return 1
        return 0
    finally:
        if load is not None:
            load.close()
        if server is not None:
            server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
