"""The reason the project team gives when it rejects or sends something back: one length
limit, one form field with a counter, one service check, and a preview of the mail it
will send, shared by every review in the back office (sign-ups, profile changes, stories,
campaign requests, meetings) and by a member declining a Pay it Forward proposal.

The preview renders the same templates with the same context as the mail itself, in the
same way as `olievlek.network.emails.send_templated`, so what the team reads is what the
employer gets.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy

from olievlek.mail.rendering import render_mail

MAX_REASON_LENGTH = 1000
TOO_LONG = gettext_lazy("Keep it short: at most %(limit_value)d characters (now %(show_value)d).")


def _interpolated(message, **values):
    """A lazy message with its placeholders filled in when it is shown, in the language
    of that moment (form fields are made once, at import)."""
    return lazy(lambda: str(message) % values, str)()


def reason_field(*, label, help_text=None) -> forms.CharField:
    """A required text of at most `MAX_REASON_LENGTH` characters. The browser stops at
    the limit (`maxlength`), the script shows a counter, the help text says it too."""
    hint = gettext_lazy("The employer receives this text by email. At most %(max)d characters.")
    counter = gettext_lazy("%(count)s of %(max)s characters used")
    return forms.CharField(
        label=label,
        max_length=MAX_REASON_LENGTH,
        help_text=help_text or _interpolated(hint, max=MAX_REASON_LENGTH),
        error_messages={"max_length": TOO_LONG},
        widget=forms.Textarea(attrs={"rows": 4, "data-counter": counter}),
    )


def reason_clean(reason: str | None, *, field: str = "reason", empty_message: str) -> str:
    """The service-level check: stripped, not empty, not longer than the limit."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({field: empty_message})
    if len(reason) > MAX_REASON_LENGTH:
        raise ValidationError(
            {field: str(TOO_LONG) % {"limit_value": MAX_REASON_LENGTH, "show_value": len(reason)}}
        )
    return reason


@dataclass(frozen=True, kw_only=True)
class MailPreview:
    recipients: tuple[str, ...]
    subject: str
    text: str


def mail_preview(
    *, template: str, recipients, context: dict, language: str | None = None
) -> MailPreview:
    """The mail `send_templated` would send with these arguments, without sending it."""
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language or settings.LANGUAGE_CODE):
        rendered = render_mail(
            subject_template=f"{template}_subject.txt",
            body_template=f"{template}_body",
            context=context,
        )
    return MailPreview(
        recipients=tuple(recipients),
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + rendered.subject,
        text=rendered.text,
    )


def wants_preview(request) -> bool:
    """The form was sent with the "Show the mail first" button."""
    return request.method == "POST" and request.POST.get("preview") == "1"
