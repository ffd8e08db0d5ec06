"""/health/live and /health/ready: for a load balancer, without login, cookies or limits."""

from __future__ import annotations

import socket
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from olievlek.site.redis_cache import caches_for

pytestmark = pytest.mark.django_db


def _task(*, waited: timedelta, run_after=None, status="READY") -> DBTaskResult:
    task = DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="olievlek.network.tasks.import_run",
        queue_name="default",
        backend_name="default",
        run_after=run_after or get_date_max(),
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - waited)
    return task


def test_live_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/health/live")
    assert response.status_code == 200
    assert response.json() == {"status": "live"}


def test_probes_by_address_over_plain_http_are_answered(client, settings):
    """Load balancers probe by IP address over HTTP: no host check, no HTTPS redirect."""
    settings.SECURE_SSL_REDIRECT = True
    for path in ("/health/live", "/health/ready"):
        response = client.get(path, HTTP_HOST="10.1.2.3:8000")
        assert response.status_code == 200, path


def test_probes_get_no_cookies_and_are_never_cached(client):
    for path in ("/health/live", "/health/ready"):
        response = client.get(path)
        assert not response.cookies
        assert response["Cache-Control"] == "no-store"


def test_ready_reports_each_check_as_json(client):
    response = client.get("/health/ready")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ready",
        "checks": {
            "database": "ok",
            "cache": "ok",
            "tasks": "ok",
            "tasks_oldest_ready_seconds": 0,
        },
    }


def test_ready_reveals_no_configuration(client, settings):
    settings.METRICS_TOKEN = "geheim-token-123"
    body = client.get("/health/ready").content.decode()
    for secret in (settings.SECRET_KEY, "geheim-token-123", "127.0.0.1", "sqlite", "redis://"):
        assert secret not in body


def test_a_task_waiting_longer_than_allowed_makes_the_server_not_ready(client, settings):
    settings.OLIEVLEK_READY_QUEUE_MAX_MINUTES = 15
    _task(waited=timedelta(minutes=20))
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["status"] == "not ready"
    assert response.json()["checks"]["tasks"] == "stuck"
    assert response.json()["checks"]["tasks_oldest_ready_seconds"] >= 20 * 60


def test_a_short_wait_and_finished_tasks_keep_the_server_ready(client, settings):
    settings.OLIEVLEK_READY_QUEUE_MAX_MINUTES = 15
    _task(waited=timedelta(minutes=2))
    _task(waited=timedelta(hours=3), status="FAILED")
    response = client.get("/health/ready")
    assert response.status_code == 200
    assert 110 <= response.json()["checks"]["tasks_oldest_ready_seconds"] <= 130


def test_a_task_scheduled_for_later_counts_from_its_start_time(client, settings):
    """A mail retry due in an hour, enqueued long ago, is not a stuck queue."""
    settings.OLIEVLEK_READY_QUEUE_MAX_MINUTES = 15
    _task(waited=timedelta(hours=2), run_after=timezone.now() + timedelta(hours=1))
    assert client.get("/health/ready").status_code == 200
    _task(waited=timedelta(hours=2), run_after=timezone.now() - timedelta(minutes=30))
    assert client.get("/health/ready").status_code == 503


def test_an_unreachable_cache_makes_the_server_not_ready(client, settings):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings.CACHES = caches_for(f"redis://127.0.0.1:{port}/0")
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "unreachable"


def test_a_deployment_may_keep_serving_without_redis_as_degraded(client, settings):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings.CACHES = caches_for(f"redis://127.0.0.1:{port}/0")
    settings.OLIEVLEK_READY_CHECKS = ["database"]
    response = client.get("/health/ready")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["cache"] == "unreachable"


def test_an_unreachable_database_makes_the_server_not_ready(client, monkeypatch):
    from django.db import OperationalError

    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "unreachable"
    assert response.json()["checks"]["tasks"] == "unreachable"
    assert "connection refused" not in response.content.decode()


def test_health_checks_are_not_rate_limited(client, settings):
    settings.OLIEVLEK_API_THROTTLE_RATES = {"anon": "1/m", "member": None, "staff": None}
    assert {client.get("/health/ready").status_code for _ in range(5)} == {200}


def test_health_checks_answer_only_get_and_head(client):
    assert client.head("/health/live").status_code == 200
    assert client.post("/health/live").status_code == 405
    assert client.post("/health/ready").status_code == 405
