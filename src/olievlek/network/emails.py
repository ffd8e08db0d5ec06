"""Emails to members, rendered from templates in the recipient's language."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation


def send_templated(
    *, template: str, recipients: Iterable[str], context: dict, language: str | None = None
) -> None:
    """Render `<template>_subject.txt` and `<template>_body.txt` and send one mail per
    recipient (no recipient sees another's address)."""
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}_body.txt", context)
    for recipient in recipients:
        send_mail(
            settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
            body,
            settings.DEFAULT_FROM_EMAIL,
            [recipient],
        )
