"""/metrics for Prometheus: the project team or a scraper with METRICS_TOKEN."""

from __future__ import annotations

from datetime import timedelta

import pytest

from olievlek.site.tests.test_health import _task

pytestmark = pytest.mark.django_db

TOKEN = "scraper-token-0123456789"


@pytest.fixture(autouse=True)
def _token(settings):
    settings.METRICS_TOKEN = TOKEN


def _scrape(client, token=TOKEN):
    return client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {token}")


def test_anonymous_requests_are_asked_for_a_token(client):
    response = client.get("/metrics")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert b"olievlek_tasks" not in response.content


def test_a_wrong_token_is_refused(client):
    assert _scrape(client, "scraper-token-wrong").status_code == 401


def test_without_a_configured_token_no_token_is_accepted(client, settings):
    settings.METRICS_TOKEN = ""
    assert _scrape(client, "").status_code == 401
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer").status_code == 401


def test_members_are_refused(client_for, user_a):
    assert client_for(user_a).get("/metrics").status_code == 403


def test_the_team_reads_the_metrics(client_for, staff_user):
    response = client_for(staff_user).get("/metrics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")


def test_requests_and_latencies_are_counted_per_view(client):
    client.get("/netwerk/")
    body = _scrape(client).content.decode()
    assert (
        'django_http_requests_latency_seconds_by_view_method_count{method="GET",view="network:directory"}'
        in body
    )
    assert "django_http_responses_total_by_status_total" in body


def test_the_task_queue_depth_and_failures_are_reported(client):
    _task(waited=timedelta(minutes=3))
    _task(waited=timedelta(minutes=1))
    _task(waited=timedelta(minutes=9), status="FAILED")
    body = _scrape(client).content.decode()
    assert 'olievlek_tasks{status="READY"} 2.0' in body
    assert 'olievlek_tasks{status="FAILED"} 1.0' in body
    assert 'olievlek_tasks{status="RUNNING"} 0.0' in body
    oldest = next(line for line in body.splitlines() if line.startswith("olievlek_tasks_oldest"))
    assert 170 <= float(oldest.split()[-1]) <= 200


def test_outgoing_mail_is_reported_per_state(client):
    from olievlek.mail.models import OutboundMail

    OutboundMail.objects.create(recipient="iemand@example.nl", subject="Hallo", body_text="x")
    body = _scrape(client).content.decode()
    assert 'olievlek_mails{state="queued"} 1.0' in body
    assert "iemand@example.nl" not in body
