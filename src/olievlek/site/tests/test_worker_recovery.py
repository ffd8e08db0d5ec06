"""A task whose worker died runs again when that worker starts again (or from cron after a
time limit), and a task that keeps killing its worker is failed with its work marked failed.

The dead worker is the database row it leaves: the task claimed (RUNNING) under its id.
Transactional tests: the worker closes connections that are inside a transaction."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from olievlek.payitforward.choices import MatchState, RoundState
from olievlek.payitforward.models import Match, MatchRound
from olievlek.payitforward.services import round_start
from olievlek.payitforward.tests.factories import HelpRequestFactory, OfferFactory
from olievlek.site.worker import MAX_ATTEMPTS, task_worker_recover

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def killed_round(database_tasks, staff_user, django_capture_on_commit_callbacks):
    """A round whose task a worker `dead-1` claimed and then died on."""
    OfferFactory()
    HelpRequestFactory()
    with django_capture_on_commit_callbacks(execute=True):
        match_round = round_start(actor=staff_user)
    DBTaskResult.objects.get().claim("dead-1")
    return match_round


def _start_worker(worker_id: str) -> None:
    call_command(
        "task_worker",
        batch=True,
        reload=False,
        startup_delay=False,
        interval=0,
        worker_id=worker_id,
        stdout=io.StringIO(),
    )


def test_the_restarted_worker_completes_the_round_it_was_killed_in(killed_round):
    _start_worker("dead-1")

    killed_round.refresh_from_db()
    assert killed_round.state == RoundState.READY
    assert Match.objects.filter(round=killed_round, state=MatchState.DRAFT).count() == 1
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL


def test_a_worker_leaves_the_running_tasks_of_other_workers_alone(killed_round):
    _start_worker("alive-2")

    killed_round.refresh_from_db()
    assert killed_round.state == RoundState.RUNNING
    assert DBTaskResult.objects.get().status == TaskResultStatus.RUNNING


def test_tasks_running_longer_than_the_limit_are_queued_again(killed_round):
    DBTaskResult.objects.update(started_at=timezone.now() - timedelta(minutes=61))

    outcome = task_worker_recover(stale_minutes=60)

    assert len(outcome["requeued"]) == 1
    assert DBTaskResult.objects.get().status == TaskResultStatus.READY


def test_tasks_within_the_limit_keep_running(killed_round):
    outcome = task_worker_recover(stale_minutes=60)

    assert outcome == {"requeued": [], "failed": []}
    assert DBTaskResult.objects.get().status == TaskResultStatus.RUNNING


def test_a_task_that_kept_killing_its_worker_is_failed_and_so_is_its_round(killed_round):
    result = DBTaskResult.objects.get()
    for _attempt in range(2, MAX_ATTEMPTS + 1):
        result.status = TaskResultStatus.READY
        result.save()
        result.claim("dead-1")
    assert len(result.worker_ids) == MAX_ATTEMPTS

    outcome = task_worker_recover(worker_id="dead-1")

    assert outcome["failed"] == [str(result.pk)]
    assert DBTaskResult.objects.get().status == TaskResultStatus.FAILED
    killed_round.refresh_from_db()
    assert killed_round.state == RoundState.FAILED
    assert "WorkerLost" in killed_round.error
    assert MatchRound.objects.filter(state=RoundState.RUNNING).count() == 0


@pytest.fixture
def killed_import(database_tasks, staff_user, django_capture_on_commit_callbacks):
    """An import checked and started, whose writing task a worker `dead-1` claimed and
    then died on (its transaction rolled back: nothing written)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from olievlek.network.imports import import_job_create, import_job_start
    from olievlek.network.tests.import_helpers import csv_bytes, org_row

    data = csv_bytes([org_row(n) for n in range(1, 4)])
    with django_capture_on_commit_callbacks(execute=True):
        job = import_job_create(
            uploaded_file=SimpleUploadedFile("leden.csv", data), actor=staff_user
        )
    _start_worker("checker")  # the check runs to completion
    job.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        import_job_start(job=job, actor=staff_user)
    DBTaskResult.objects.get(status=TaskResultStatus.READY).claim("dead-1")
    return job


def test_the_restarted_worker_writes_every_row_of_the_import_once(killed_import):
    from olievlek.network.models import ImportJob, Organisation

    _start_worker("dead-1")

    killed_import.refresh_from_db()
    assert killed_import.state == ImportJob.State.DONE
    assert Organisation.objects.filter(name__startswith="Werkgever ").count() == 3


def test_a_second_run_of_a_finished_import_writes_nothing(killed_import):
    from olievlek.network.imports import import_job_execute
    from olievlek.network.models import ImportJob, Organisation

    _start_worker("dead-1")
    import_job_execute(job=ImportJob.objects.get(pk=killed_import.pk))

    assert Organisation.objects.filter(name__startswith="Werkgever ").count() == 3
    assert ImportJob.objects.get(pk=killed_import.pk).state == ImportJob.State.DONE


def test_an_import_given_up_is_marked_failed_with_nothing_written(killed_import):
    from olievlek.network.models import ImportJob, Organisation

    result = DBTaskResult.objects.get(status=TaskResultStatus.RUNNING)
    result.worker_ids = ["dead-1"] * MAX_ATTEMPTS
    result.save()

    task_worker_recover(worker_id="dead-1")

    killed_import.refresh_from_db()
    assert killed_import.state == ImportJob.State.FAILED
    assert not Organisation.objects.filter(name__startswith="Werkgever ").exists()


def test_a_worker_rides_out_a_database_outage_and_then_completes_the_round(
    killed_round, monkeypatch, caplog
):
    from django.db import connection
    from django.db.utils import OperationalError

    from olievlek.site.management.commands import task_worker

    monkeypatch.setattr(task_worker, "RETRY_SECONDS", (0,))
    refused = []

    def database_away(execute, sql, params, many, context):
        if len(refused) < 3:  # the database answers nothing for three statements
            refused.append(sql)
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(database_away):
        _start_worker("dead-1")

    assert len(refused) == 3
    assert caplog.text.count("database unavailable") == 3
    killed_round.refresh_from_db()
    assert killed_round.state == RoundState.READY
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL
