"""allauth's mails (address verification, password reset, security notices), rendered from
our own templates and queued like every other mail.

allauth builds its links from the request, so from whatever host the visitor's browser
named; a mail must point at the platform's public address (`SITE_URL`) instead, which also
keeps a forged Host header out of password-reset links.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation

from .rendering import render_mail
from .services import mail_queue

# Not handed to our templates: the request (mails are rendered for the queue, not for a
# page) and the Sites framework's name and domain (which say "example.com").
_DROPPED = {"request", "current_site"}


def on_site_url(url: str) -> str:
    """The same path, query and fragment on the public address."""
    parts = urlsplit(url)
    path = urlunsplit(("", "", parts.path, parts.query, parts.fragment))
    return settings.SITE_URL.rstrip("/") + path


def account_mail_queue(*, template_prefix: str, email: str, context: dict) -> None:
    """Queue allauth's `<template_prefix>` mail to `email`, in the language of the person
    with that address (the active language for an address without an account)."""
    ctx = {
        key: on_site_url(value) if key.endswith("_url") and isinstance(value, str) else value
        for key, value in context.items()
        if key not in _DROPPED
    }
    ctx.update(site_url=settings.SITE_URL, email=email)
    language = (
        get_user_model()
        .objects.filter(email__iexact=email)
        .values_list("language", flat=True)
        .first()
    )
    with translation.override(language or translation.get_language()):
        rendered = render_mail(
            subject_template=f"{template_prefix}_subject.txt",
            body_template=f"{template_prefix}_message",
            context=ctx,
        )
    mail_queue(
        recipient=email,
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + rendered.subject,
        text=rendered.text,
        html=rendered.html,
        kind=template_prefix,
    )
