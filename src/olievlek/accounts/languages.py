"""Each person's preferred language: set from the language they signed up in, changed on
their notification settings page, and used for every mail they get.

`send_in_language` is `send_templated` for mails to people who may have an account: it
writes each recipient's mail in that person's language (addresses without an account get
the site's default language, as `send_templated` gives them)."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import translation

from .models import Language


def active_language() -> str:
    """The language of the current request as a preference (`en-gb` -> `en`)."""
    code = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return code if code in Language.values else Language.NL


def user_language_set(*, user, language: str) -> None:
    if language not in Language.values:
        raise ValueError(f"unknown language {language!r}")
    with transaction.atomic():
        get_user_model().objects.filter(pk=user.pk).update(language=language)
        user.language = language


def recipients_by_language(emails: Iterable[str]) -> dict[str, list[str]]:
    """The addresses grouped by the language of the person with that address (one query),
    in the order given."""
    emails = [e for e in dict.fromkeys(emails) if e]
    known = dict(
        get_user_model()
        .objects.filter(email__in=[e.lower() for e in emails])
        .values_list("email", "language")
    )
    groups: dict[str, list[str]] = {}
    for email in emails:
        groups.setdefault(known.get(email.lower(), settings.LANGUAGE_CODE), []).append(email)
    return groups


def send_in_language(*, template: str, recipients: Iterable[str], context: dict) -> None:
    """`send_templated` once per language among the recipients."""
    from olievlek.network.emails import send_templated

    for language, emails in recipients_by_language(recipients).items():
        send_templated(template=template, recipients=emails, context=context, language=language)
