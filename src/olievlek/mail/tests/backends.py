"""Mail backends for tests: a mail server that is down, or that refuses an address."""

from __future__ import annotations

import smtplib

from django.core.mail.backends.base import BaseEmailBackend

DOWN = "olievlek.mail.tests.backends.ServerDownBackend"
REFUSING = "olievlek.mail.tests.backends.RefusingBackend"
WORKING = "django.core.mail.backends.locmem.EmailBackend"


class ServerDownBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPRecipientsRefused(
            {m.to[0]: (550, b"5.1.1 No such user") for m in email_messages}
        )
