"""The mail queue: stored in the transaction, sent after commit, retried with backoff when
the mail server is away, failed with a reason after the last attempt, never sent twice."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from olievlek.network.emails import send_templated
from olievlek.network.tests.factories import OrganisationFactory

from ..models import OutboundMail
from ..services import (
    MAX_ATTEMPTS,
    RETENTION,
    RETRY_DELAYS,
    mail_deliver,
    mail_prune,
    mail_queue,
    mail_send_due,
)
from . import backends
from .factories import OutboundMailFactory

pytestmark = pytest.mark.django_db

QUEUED, SENDING, SENT, RETRYING, FAILED = (
    OutboundMail.State.QUEUED,
    OutboundMail.State.SENDING,
    OutboundMail.State.SENT,
    OutboundMail.State.RETRYING,
    OutboundMail.State.FAILED,
)


def approved_mail(to="noor@example.nl"):
    send_templated(
        template="network/emails/approved",
        recipients=[to],
        context={"organisation": OrganisationFactory(name="Drukkerij Het Anker")},
    )


def test_a_mail_is_stored_at_once_and_sent_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        approved_mail()
        queued = OutboundMail.objects.get()
        assert queued.state == QUEUED and not mail.outbox
    queued.refresh_from_db()
    assert (queued.state, queued.attempts) == (SENT, 1)
    assert queued.sent_at is not None
    (message,) = mail.outbox
    assert message.to == ["noor@example.nl"]
    assert message.subject == "[Olievlek] Drukkerij Het Anker hoort nu bij het netwerk"


def test_a_rolled_back_change_sends_no_mail(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                approved_mail()
                raise RuntimeError("the change fails")
        except RuntimeError:
            pass
    assert not OutboundMail.objects.exists()
    assert not mail.outbox


def test_one_mail_per_recipient_so_nobody_sees_another_address(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_templated(
            template="network/emails/approved",
            recipients=["a@example.nl", "b@example.nl"],
            context={"organisation": OrganisationFactory()},
        )
    assert sorted(m.to for m in mail.outbox) == [["a@example.nl"], ["b@example.nl"]]
    assert OutboundMail.objects.filter(state=SENT).count() == 2


def test_a_mail_server_that_is_down_leaves_the_mail_retrying_with_the_reason(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = backends.DOWN
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        approved_mail()
    queued = OutboundMail.objects.get()
    assert (queued.state, queued.attempts) == (RETRYING, 1)
    assert "Connection refused" in queued.last_error
    assert before + RETRY_DELAYS[0] <= queued.next_attempt_at <= timezone.now() + RETRY_DELAYS[0]


def test_a_due_retry_is_sent_once_the_server_works_again(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = backends.DOWN
    with django_capture_on_commit_callbacks(execute=True):
        approved_mail()
    settings.EMAIL_BACKEND = backends.WORKING
    assert mail_send_due() == 0  # its time has not come yet
    assert OutboundMail.objects.get().state == RETRYING
    assert mail_send_due(now=timezone.now() + timedelta(minutes=2)) == 1
    queued = OutboundMail.objects.get()
    assert (queued.state, queued.attempts, queued.last_error) == (SENT, 2, "")
    assert len(mail.outbox) == 1


def test_the_command_sends_what_is_due(settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = backends.DOWN
    with django_capture_on_commit_callbacks(execute=True):
        approved_mail()
    OutboundMail.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    settings.EMAIL_BACKEND = backends.WORKING
    call_command("mail_send_due", stdout=StringIO())
    assert OutboundMail.objects.get().state == SENT
    assert len(mail.outbox) == 1


def test_finished_mails_are_deleted_after_the_retention_period():
    old = timezone.now() - RETENTION - timedelta(days=1)
    for trait in ("sent", "failed", "retrying"):
        OutboundMailFactory(**{trait: True})
        OutboundMail.objects.filter(pk=OutboundMailFactory(**{trait: True}).pk).update(
            created_at=old
        )
    assert mail_prune() == 2
    assert sorted(OutboundMail.objects.values_list("state", flat=True)) == sorted(
        [SENT, FAILED, RETRYING, RETRYING]  # recent ones, and an old one still on its way
    )


def test_retries_back_off_1_5_30_120_minutes_then_the_mail_fails_with_the_reason(
    settings, django_capture_on_commit_callbacks
):
    assert [d.total_seconds() / 60 for d in RETRY_DELAYS] == [1, 5, 30, 120]
    settings.EMAIL_BACKEND = backends.DOWN
    with django_capture_on_commit_callbacks(execute=True):
        approved_mail()
    for _ in RETRY_DELAYS:
        queued = OutboundMail.objects.get()
        assert queued.state == RETRYING
        now = queued.next_attempt_at
        mail_send_due(now=now)
    queued = OutboundMail.objects.get()
    assert (queued.state, queued.attempts) == (FAILED, MAX_ATTEMPTS)
    assert queued.next_attempt_at is None
    assert "Connection refused" in queued.last_error
    assert mail_send_due(now=now + timedelta(days=1)) == 0  # a failed mail stays failed


def test_the_gaps_between_attempts_follow_the_backoff(settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = backends.DOWN
    with django_capture_on_commit_callbacks(execute=True):
        approved_mail()
    gaps = []
    for _ in RETRY_DELAYS[1:]:
        queued = OutboundMail.objects.get()
        attempt_at = queued.next_attempt_at
        mail_send_due(now=attempt_at)
        gaps.append(OutboundMail.objects.get().next_attempt_at - attempt_at)
    assert gaps == list(RETRY_DELAYS[1:])


def test_an_address_the_server_refuses_for_good_fails_at_once(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = backends.REFUSING
    with django_capture_on_commit_callbacks(execute=True):
        approved_mail(to="bestaat-niet@example.nl")
    queued = OutboundMail.objects.get()
    assert (queued.state, queued.attempts) == (FAILED, 1)
    assert "No such user" in queued.last_error


def test_a_sent_mail_is_not_sent_twice(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        approved_mail()
    queued = OutboundMail.objects.get()
    assert mail_deliver(mail_id=queued.pk) is None
    assert mail_send_due(now=timezone.now() + timedelta(days=1)) == 0
    assert len(mail.outbox) == 1


def test_a_mail_claimed_by_another_worker_is_left_alone():
    queued = mail_queue(recipient="x@example.nl", subject="Onderwerp", text="Tekst")
    OutboundMail.objects.filter(pk=queued.pk).update(
        state=SENDING, attempts=1, claimed_at=timezone.now()
    )
    assert mail_deliver(mail_id=queued.pk) is None
    assert mail_send_due() == 0
    assert not mail.outbox


def test_a_mail_of_a_worker_that_died_while_sending_is_sent_later():
    queued = mail_queue(recipient="x@example.nl", subject="Onderwerp", text="Tekst")
    claimed = timezone.now() - timedelta(minutes=20)
    OutboundMail.objects.filter(pk=queued.pk).update(state=SENDING, attempts=1, claimed_at=claimed)
    assert mail_send_due() == 1
    queued.refresh_from_db()
    assert (queued.state, queued.attempts) == (SENT, 2)
    assert len(mail.outbox) == 1


def test_the_subject_loses_its_line_breaks():
    queued = mail_queue(
        recipient="x@example.nl",
        subject="Aanmelding:\r\nBcc: iedereen@example.nl\u2028en meer",
        text="Tekst",
    )
    assert queued.subject == "Aanmelding: Bcc: iedereen@example.nl en meer"


@pytest.mark.django_db(transaction=True)
def test_on_the_database_backend_a_retry_is_a_deferred_task_the_worker_runs(settings):
    """The demo and production queue: the failed attempt re-enqueues itself with
    `run_after`, and `db_worker` sends the mail once that time has passed."""
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    def run_worker():
        call_command(
            "db_worker", batch=True, reload=False, startup_delay=False, interval=0, verbosity=0
        )

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = backends.DOWN
    approved_mail()  # no transaction around it: queued and enqueued at once
    assert DBTaskResult.objects.get().status == TaskResultStatus.READY
    run_worker()
    queued = OutboundMail.objects.get()
    assert (queued.state, queued.attempts) == (RETRYING, 1)
    retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert retry.run_after == queued.next_attempt_at

    settings.EMAIL_BACKEND = backends.WORKING
    run_worker()  # too early: the task waits for its time
    assert OutboundMail.objects.get().state == RETRYING and not mail.outbox

    earlier = timezone.now() - timedelta(seconds=1)  # as if the minute has passed
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=earlier)
    OutboundMail.objects.update(next_attempt_at=earlier)
    run_worker()
    queued = OutboundMail.objects.get()
    assert (queued.state, queued.attempts) == (SENT, 2)
    assert len(mail.outbox) == 1
