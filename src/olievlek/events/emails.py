"""Personal mails about meetings. Each goes to one person and carries that person's own
link, so they are rendered one by one."""

from __future__ import annotations

from django.db import transaction

from olievlek.accounts.languages import send_in_language

from .models import Registration


def mail_registration(template: str, registration: Registration, **extra) -> None:
    """Send `events/emails/<template>` to the registered person once the transaction
    commits (a rolled-back registration never sends a mail)."""
    context = {
        "registration": registration,
        "event": registration.event,
        "path": registration.get_absolute_url(),
        **extra,
    }
    recipient = registration.email
    transaction.on_commit(
        lambda: send_in_language(
            template=f"events/emails/{template}", recipients=[recipient], context=context
        )
    )
