"""Two app servers behind one load balancer, two task workers, one PostgreSQL, one Redis:
whichever server a request reaches, the visitor sees the same site."""

from __future__ import annotations

import json

import pytest
import requests
from django.core.cache import cache
from django_tasks_db.models import DBTaskResult

from olievlek.knowledge.choices import StoryStatus
from olievlek.knowledge.tests.factories import StoryFactory
from olievlek.network.choices import Status
from olievlek.network.models import ImportJob, Organisation
from olievlek.network.tests.factories import ContactPersonFactory
from olievlek.network.tests.import_helpers import csv_bytes, org_row
from olievlek.payitforward.choices import RoundState
from olievlek.payitforward.models import Match, MatchRound
from olievlek.payitforward.tests.factories import HelpRequestFactory, OfferFactory
from olievlek.site.cache import _version_key

from .conftest import METRICS_TOKEN
from .visitor import Visitor, give_password, wait_for

# One set of processes for the module: xdist (--dist loadgroup) keeps it on one worker.
pytestmark = [pytest.mark.multiserver, pytest.mark.xdist_group("multiserver")]


@pytest.fixture
def team(servers, staff_user):
    """A visitor logged in as the project team (TOTP set up by the fixture): password on
    A, two-factor code on B."""
    give_password(staff_user)
    visitor = Visitor(servers)
    visitor.log_in_as_team("a", "b", staff_user.email)
    return visitor


def _tasks(task_path: str):
    return DBTaskResult.objects.filter(task_path=task_path)


def _ran_once_each(cluster, task_path: str, count: int) -> None:
    """The tasks finished (the worker records that after the task's own commit), each was
    claimed by one worker only."""
    wait_for(
        lambda: _tasks(task_path).filter(status__in=["SUCCESSFUL", "FAILED"]).count() >= count,
        cluster=cluster,
        what=task_path,
    )
    tasks = list(_tasks(task_path))
    assert len(tasks) == count
    for task in tasks:
        assert task.status == "SUCCESSFUL", task.traceback
        assert len(task.worker_ids) == 1  # claimed by one worker, never a second time


def test_a_session_started_on_one_server_works_on_the_other(servers, org_a, user_a):
    give_password(user_a)
    visitor = Visitor(servers)
    response = visitor.log_in("a", user_a.email)
    assert response.status_code == 302
    assert response.headers["Location"] == "/mijn/"
    on_b = visitor.get("b", "/mijn/")
    assert on_b.status_code == 200
    assert org_a.name in on_b.text
    assert visitor.post("b", "/accounts/logout/").status_code == 302
    assert visitor.get("a", "/mijn/").status_code == 302  # logged out on both


def test_a_story_published_through_one_server_is_shown_by_the_other_at_once(servers, team):
    story = StoryFactory(submitted=True, title="Samen fit op de werkvloer")
    reader = Visitor(servers)
    assert story.title not in reader.get("b", "/verhalen/").text
    response = team.post("a", f"/beheer/verhalen/{story.pk}/", {"decision": "publish"})
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.status == StoryStatus.PUBLISHED
    assert story.title in reader.get("b", "/verhalen/").text
    assert reader.get("b", f"/verhalen/{story.slug}/").status_code == 200


def test_an_approval_through_one_server_clears_the_cached_directory_of_the_other(servers, team):
    pending = ContactPersonFactory(
        organisation__name="Zorggroep De Linde", organisation__status=Status.PENDING
    ).organisation
    path = "/netwerk/?q=Linde"

    def anonymous(server):  # a new visitor each time (a third page may hold the survey)
        return Visitor(servers).get(server, path)

    anonymous("b")
    cached = anonymous("b")
    assert cached.headers.get("X-Cache") == "hit"
    assert pending.name not in cached.text
    assert anonymous("a").headers.get("X-Cache") == "hit"  # one cache for both servers
    version = cache.get(_version_key("network"))

    response = team.post("a", f"/beheer/aanmeldingen/{pending.pk}/", {"decision": "approve"})
    assert response.status_code == 302
    assert cache.get(_version_key("network")) > version  # the bump is in Redis
    fresh = anonymous("b")
    assert "X-Cache" not in fresh.headers
    assert pending.name in fresh.text


def test_a_match_round_queued_through_one_server_runs_once_with_two_workers(servers, team):
    for _ in range(3):
        OfferFactory()
        HelpRequestFactory()
    response = team.post("a", "/beheer/payitforward/rondes/", {"response_days": "14"})
    assert response.status_code == 302, response.text[:500]
    match_round = MatchRound.objects.get()
    wait_for(
        lambda: MatchRound.objects.filter(pk=match_round.pk, state=RoundState.READY).exists(),
        cluster=servers,
        what="the match round",
    )
    _ran_once_each(servers, "olievlek.payitforward.tasks.run_match_round", 1)
    assert Match.objects.filter(round=match_round).count() == 3  # drafts written once
    page = team.get("b", f"/beheer/payitforward/rondes/{match_round.pk}/")
    assert page.status_code == 200


def test_an_import_queued_through_one_server_runs_once_with_two_workers(servers, team):
    data = csv_bytes([org_row(n) for n in range(1, 26)])
    response = team.post(
        "a", "/beheer/import/", files={"file": ("organisaties.csv", data, "text/csv")}
    )
    assert response.status_code == 302, response.text[:500]
    job = ImportJob.objects.get()
    wait_for(
        lambda: ImportJob.objects.filter(pk=job.pk, state=ImportJob.State.VALID).exists(),
        cluster=servers,
        what="the import check",
    )
    assert team.post("b", f"/beheer/import/{job.pk}/start").status_code == 302
    wait_for(
        lambda: ImportJob.objects.filter(pk=job.pk, state=ImportJob.State.DONE).exists(),
        cluster=servers,
        what="the import",
    )
    job.refresh_from_db()
    assert job.created_count == 25
    assert Organisation.objects.filter(name__startswith="Werkgever ").count() == 25
    _ran_once_each(servers, "olievlek.network.tasks.validate_import", 1)
    _ran_once_each(servers, "olievlek.network.tasks.execute_import", 1)


def test_a_rate_limit_counts_the_requests_of_both_servers(servers):
    """The servers allow 5 anonymous API requests a minute per address (conftest)."""
    visitor = Visitor(servers)
    path = "/api/v1/bijeenkomsten"
    statuses = [visitor.get(server, path).status_code for server in "ababa"]
    assert statuses == [200] * 5
    assert visitor.get("b", path).status_code == 429


def test_each_server_answers_probes_metrics_and_writes_json_logs(servers):
    for url in servers.urls.values():  # probed by address, over HTTP, as a balancer does
        assert requests.get(f"{url}/health/live", timeout=10).json() == {"status": "live"}
        assert requests.get(f"{url}/health/ready", timeout=10).json()["status"] == "ready"
    visitor = Visitor(servers)
    metrics = visitor.get("b", "/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
    assert 'olievlek_tasks{status="READY"}' in metrics.text
    assert visitor.get("a", "/metrics").status_code == 401

    request_id = "lb-two-servers-0001"
    response = visitor.get(
        "a", "/verhalen/jan@example.nl?token=geheim", headers={"X-Request-ID": request_id}
    )
    assert response.headers["X-Request-ID"] == request_id

    def access_line():
        log = (servers.tmp / "server-a.log").read_text(errors="replace")
        lines = [json.loads(line) for line in log.splitlines() if request_id in line]
        return [line for line in lines if line["logger"] == "olievlek.request"]

    (line,) = wait_for(access_line, timeout=10, what="the access log line")
    assert line["path"] == "/verhalen/[email]"
    assert line["status"] == 404
    log = (servers.tmp / "server-a.log").read_text(errors="replace")
    assert "jan@example.nl" not in log
    assert "geheim" not in log
    # gunicorn's own lines too are JSON (site/gunicorn_conf.py), and it writes no access
    # line of its own, which would carry the client's address.
    lines = [json.loads(line) for line in log.splitlines() if line.strip()]
    assert any(line["logger"] == "gunicorn.error" for line in lines)
    assert not [line for line in lines if line["logger"] == "gunicorn.access"]
    addressed = [line for line in lines if "127.0.0.1" in json.dumps(line)]
    assert [line["message"][:12] for line in addressed] == ["Listening at"]  # its own
