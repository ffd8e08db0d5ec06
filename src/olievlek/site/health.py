"""Health checks for a load balancer or an orchestrator.

`/health/live`: the process answers (no database, nothing else): restart it when not.
`/health/ready`: the database, the cache and the task queue are reachable and the queue
is not stuck (its oldest task waiting to run waits less than
`OLIEVLEK_READY_QUEUE_MAX_MINUTES`): send it traffic only when this answers 200; 503
otherwise. The JSON names the checks and their outcome, never a host, error text or
other configuration.

Which failed checks make a server "not ready" is `OLIEVLEK_READY_CHECKS` (all three by
default). Redis and the task worker are shared by every app server: when one of them
fails, a load balancer that takes every server out of rotation turns a degraded site
(pages without cache, mail a little later) into no site at all. Deployments whose load
balancer does that set `OLIEVLEK_READY_CHECKS=database`; the answer then says
`degraded` (still 200) and monitoring alerts on the checks or on /metrics.

`HealthCheckMiddleware` answers both paths before any other middleware runs: a probe
needs no session or CSRF cookie, is not redirected to HTTPS (load balancers probe over
plain HTTP on the private network), is not held to ALLOWED_HOSTS (they probe by address),
is not counted as a visit, rate-limited or written to the access log every few seconds.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.db.models import Case, F, Min, When
from django.db.models.functions import Greatest
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

LIVE_PATH = "/health/live"
READY_PATH = "/health/ready"
NO_STORE = {"Cache-Control": "no-store"}


@require_safe
def live(request):
    return JsonResponse({"status": "live"}, headers=NO_STORE)


@require_safe
def ready(request):
    checks = {"database": _database(), "cache": _cache()}
    queue = _task_queue() if checks["database"] == "ok" else {"tasks": "unreachable"}
    checks.update(queue)
    is_ready = all(checks.get(name) == "ok" for name in settings.OLIEVLEK_READY_CHECKS)
    healthy = all(checks[name] == "ok" for name in ("database", "cache", "tasks"))
    status = "not ready" if not is_ready else "ready" if healthy else "degraded"
    return JsonResponse(
        {"status": status, "checks": checks},
        status=200 if is_ready else 503,
        headers=NO_STORE,
    )


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "unreachable"
    return "ok"


def _cache() -> str:
    cache = caches["default"]
    if hasattr(cache, "is_available"):  # Redis (redis_cache.py): a PING, bypassing its backoff
        return "ok" if cache.is_available() else "unreachable"
    try:
        cache.set("olievlek:health", 1, 10)
        return "ok" if cache.get("olievlek:health") == 1 else "unreachable"
    except Exception:  # noqa: BLE001 (any backend's failure means "not reachable")
        return "unreachable"


def oldest_ready_task() -> datetime | None:
    """Since when the longest-waiting runnable task waits: its enqueue time, or its
    `run_after` when it was scheduled for later (a mail retry is not stuck before then)."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    since = Case(
        When(run_after=get_date_max(), then=F("enqueued_at")),
        default=Greatest("enqueued_at", "run_after"),
    )
    return DBTaskResult.objects.ready().aggregate(oldest=Min(since))["oldest"]


def _task_queue() -> dict:
    try:
        oldest = oldest_ready_task()
    except DatabaseError:
        return {"tasks": "unreachable"}
    waited = 0 if oldest is None else max(0, int((timezone.now() - oldest).total_seconds()))
    stuck = waited > settings.OLIEVLEK_READY_QUEUE_MAX_MINUTES * 60
    return {"tasks": "stuck" if stuck else "ok", "tasks_oldest_ready_seconds": waited}


class HealthCheckMiddleware:
    """Answers the two health paths first; see the module docstring."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.views = {LIVE_PATH: live, READY_PATH: ready}

    def __call__(self, request):
        view = self.views.get(request.path_info)
        if view is not None and request.method in ("GET", "HEAD"):
            return view(request)
        return self.get_response(request)
