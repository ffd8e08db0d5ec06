"""Emails to members, rendered from templates in the recipient's language."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils import translation

from olievlek.mail.rendering import render_mail
from olievlek.mail.services import mail_queue


def send_templated(
    *, template: str, recipients: Iterable[str], context: dict, language: str | None = None
) -> None:
    """Render `<template>_subject.txt` and `<template>_body.txt` (and `_body.html` when it
    exists) and queue one mail per recipient (no recipient sees another's address). The
    mails are sent by the task worker after the current transaction commits, and retried
    when the mail server is away (`olievlek.mail`)."""
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language or settings.LANGUAGE_CODE):
        rendered = render_mail(
            subject_template=f"{template}_subject.txt",
            body_template=f"{template}_body",
            context=context,
        )
    for recipient in recipients:
        mail_queue(
            recipient=recipient,
            subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + rendered.subject,
            text=rendered.text,
            html=rendered.html,
            kind=template,
        )
