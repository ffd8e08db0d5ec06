"""Metrics for Prometheus at `/metrics`.

Requests, responses and latencies per view come from django-prometheus's middleware
(`django_http_*`). The task queue is read from django-tasks' database table at scrape
time, so every app server reports the same figures whichever worker ran a task:
`olievlek_tasks{status=...}` (rows per state: READY is the queue depth, FAILED the
failures kept), `olievlek_tasks_oldest_ready_seconds` (the same figure /health/ready
judges) and `olievlek_mails{state=...}` (outgoing mail per state).

Who may read: the project team (logged in, second factor completed), or a scraper that
sends `Authorization: Bearer <METRICS_TOKEN>` (the token from the environment; with no
token configured only the team can read). With several gunicorn workers set
`PROMETHEUS_MULTIPROC_DIR` (an empty directory, emptied at each start) so that the
request figures of every worker are added up.
"""

from __future__ import annotations

import hmac
import os

import prometheus_client
from django.conf import settings
from django.db import DatabaseError
from django.db.models import Count
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector

from olievlek.accounts.access import is_team


class TaskQueueCollector:
    """Gauges read from the database on every scrape."""

    def collect(self):
        from django_tasks_db.models import DBTaskResult

        from olievlek.mail.models import OutboundMail

        from .health import oldest_ready_task

        try:
            tasks = dict(
                DBTaskResult.objects.values_list("status").annotate(n=Count("id")).order_by()
            )
            mails = dict(
                OutboundMail.objects.values_list("state").annotate(n=Count("id")).order_by()
            )
            oldest = oldest_ready_task()
        except DatabaseError:
            return
        by_status = GaugeMetricFamily(
            "olievlek_tasks", "Background tasks per status", labels=["status"]
        )
        for status in ("READY", "RUNNING", "FAILED", "SUCCESSFUL"):
            by_status.add_metric([status], tasks.get(status, 0))
        yield by_status
        waited = 0 if oldest is None else max(0.0, (timezone.now() - oldest).total_seconds())
        yield GaugeMetricFamily(
            "olievlek_tasks_oldest_ready_seconds",
            "How long the longest-waiting runnable task has waited",
            value=waited,
        )
        by_state = GaugeMetricFamily("olievlek_mails", "Outgoing mails per state", labels=["state"])
        for state in OutboundMail.State.values:
            by_state.add_metric([state], mails.get(state, 0))
        yield by_state


_QUEUE = prometheus_client.CollectorRegistry(auto_describe=False)
_QUEUE.register(TaskQueueCollector())


def _token_ok(request) -> bool:
    expected = settings.METRICS_TOKEN
    scheme, _space, token = request.headers.get("Authorization", "").partition(" ")
    return bool(expected) and scheme.lower() == "bearer" and hmac.compare_digest(token, expected)


@require_safe
def metrics(request):
    if not (_token_ok(request) or is_team(request.user)):
        status = 403 if request.user.is_authenticated else 401
        response = HttpResponse(status=status, content_type="text/plain; charset=utf-8")
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = prometheus_client.CollectorRegistry()
        MultiProcessCollector(registry)
    else:
        registry = prometheus_client.REGISTRY
    body = prometheus_client.generate_latest(registry) + prometheus_client.generate_latest(_QUEUE)
    return HttpResponse(
        body,
        content_type=prometheus_client.CONTENT_TYPE_LATEST,
        headers={"Cache-Control": "no-store"},
    )
