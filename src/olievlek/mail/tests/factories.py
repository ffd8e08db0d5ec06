"""Factories for outgoing mail, with a trait per delivery state."""

from __future__ import annotations

import factory
from django.utils import timezone

from ..models import OutboundMail


class OutboundMailFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutboundMail

    recipient = factory.Sequence(lambda n: f"ontvanger{n}@example.nl")
    subject = "[Olievlek] Bericht"
    body_text = "Beste lezer,\n\nDit is een bericht.\n"
    body_html = "<p>Beste lezer,</p>"
    kind = "network/emails/approved"

    class Params:
        sent = factory.Trait(
            state=OutboundMail.State.SENT,
            attempts=1,
            sent_at=factory.LazyFunction(timezone.now),
        )
        failed = factory.Trait(
            state=OutboundMail.State.FAILED,
            attempts=5,
            last_error="ConnectionRefusedError: [Errno 111] Connection refused",
        )
        retrying = factory.Trait(
            state=OutboundMail.State.RETRYING,
            attempts=1,
            last_error="ConnectionRefusedError: [Errno 111] Connection refused",
            next_attempt_at=factory.LazyFunction(timezone.now),
        )
