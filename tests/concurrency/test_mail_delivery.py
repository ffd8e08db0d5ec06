"""Ten workers pick up the same mail at the same moment: it is sent exactly once (the
first claims the row under its lock; the others find it claimed and leave it)."""

from __future__ import annotations

from django.core import mail

from olievlek.mail.models import OutboundMail
from olievlek.mail.services import mail_deliver
from olievlek.mail.tests.factories import OutboundMailFactory

from .parallel import run_in_parallel

COUNT = 10


def test_ten_workers_delivering_the_same_mail_send_it_once():
    queued = OutboundMailFactory(recipient="noor@example.nl")

    results = run_in_parallel(lambda i: mail_deliver(mail_id=queued.pk), COUNT)

    delivered = [r for r in results if isinstance(r, OutboundMail)]
    assert len(delivered) == 1, results
    assert results.count(None) == COUNT - 1, results
    assert len(mail.outbox) == 1
    queued.refresh_from_db()
    assert (queued.state, queued.attempts) == (OutboundMail.State.SENT, 1)
