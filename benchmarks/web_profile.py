"""In-process measurements of `benchmarks/web.py`, in the benchmark process with Django
set up: the SQL queries of every page (Django test client) and, with ``--profile``, where
a request's CPU time goes (Django's WSGI handler, so signals and database connection
handling are those of gunicorn, without the network).

The page cache is switched with ``override_settings`` (``site/cache.py`` reads the setting
on every request), so that both modes can be looked at in one process.
"""

from __future__ import annotations

import io
import math
import sys
import time

from web_common import BARE, HOST, PAGES, REPO_ROOT


def wsgi_get(handler, path: str, cookie: str = "") -> str:
    """One GET through Django's WSGI handler, with the request_started/finished signals
    (and so the database connection handling) of a real server; `cookie` is sent as the
    Cookie header (a member's session)."""
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
    if cookie:
        environ["HTTP_COOKIE"] = cookie
    status = []
    body = handler(environ, lambda s, headers, exc_info=None: status.append(s))
    try:
        b"".join(body)
    finally:
        body.close()
    return status[0]


def page_cache(mode: str):
    """The page cache on or off for the requests made in-process."""
    from django.test import override_settings

    return override_settings(OLIEVLEK_PAGE_CACHE=mode == "on")


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


def count_queries() -> dict[str, tuple[int, int, str, int, int]]:
    """For every page: (first request, repeated request, variant, variant's count) of an
    uncached render (page cache off: what a logged-in visitor, or the first anonymous one
    after a change, costs), and the count of a page cache hit (cache on, second request;
    it must be a hit)."""
    from django.core.cache import cache
    from django.db import connection, connections
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST)

    def count(path: str, hit: bool = False) -> int:
        # A new visitor each time: after a few pages the visitor survey makes a page
        # personal (impact's survey cookie), and personal pages skip the page cache.
        client.cookies.clear()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code} in-process, not 200")
        if hit and path != BARE and response.get("X-Cache") != "hit":
            raise SystemExit(f"{path}: the second request with the page cache on missed it")
        return len(captured.captured_queries)

    counts = {}
    others = variants()
    for _, path in PAGES:
        label, other = others[path]
        with page_cache("off"):
            uncached = (count(path), count(path), label, count(other))
        with page_cache("on"):
            count(path)  # fills the cache
            counts[path] = (*uncached, count(path, hit=True))
    cache.clear()  # each measurement starts with an empty cache
    connections.close_all()
    return counts


# Where the time goes: (label, module, class or None, attribute). Each is timed
# exclusive of the others it calls, so the parts add up to the whole request.
FILE_CACHE = "django.core.cache.backends.filebased"
PHASES = [
    ("database: open connection", "django.db.backends.base.base", "BaseDatabaseWrapper", "connect"),
    ("database: close connection", "django.db.backends.base.base", "BaseDatabaseWrapper", "close"),
    ("SQL: execute (driver, round trip)", "django.db.backends.utils", "CursorWrapper", "_execute"),
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
    ("page cache: read (file, unpickle)", FILE_CACHE, "FileBasedCache", "get"),
    ("page cache: write (file, pickle)", FILE_CACHE, "FileBasedCache", "set"),
    ("page cache: write (file, pickle)", FILE_CACHE, "FileBasedCache", "add"),
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


def cpu_per_request(
    handler, path: str, seconds: float, batches: int = 10, cookie: str = ""
) -> float:
    """Milliseconds of CPU per request in-process, the best of `batches` (others' load on
    the machine only ever makes it slower)."""
    best = math.inf
    for _ in range(batches):
        n, start = 0, time.process_time()
        while (spent := time.process_time() - start) < seconds / batches:
            wsgi_get(handler, path, cookie)
            n += 1
        best = min(best, 1000 * spent / n)
    return best


def profile_pages(seconds: float, top: int, mode: str) -> None:
    """Every page's CPU per request, its parts and cProfile's top functions, with the
    page cache `mode` ("on": the warm-up fills it, so what is timed is a hit)."""

    from django.core.handlers.wsgi import WSGIHandler

    handler = WSGIHandler()
    with page_cache(mode):
        for _, path in PAGES:
            for _ in range(20):
                assert wsgi_get(handler, path).startswith("200"), path
        cost = {path: cpu_per_request(handler, path, seconds) for _, path in PAGES}
        for name, path in PAGES:
            print(f"\n### Page cache {mode}: {name}: `{path}`\n")
            times = "" if path == BARE else f" ({cost[path] / cost[BARE]:.1f}x the bare view)"
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
                print_cprofile(handler, path, n, top)


def print_cprofile(handler, path: str, n: int, top: int) -> None:
    import cProfile
    import pstats

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
