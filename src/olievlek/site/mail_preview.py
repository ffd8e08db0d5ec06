"""Texts that become a mail: a character counter under the box, and a preview of the mail
exactly as it will be sent (subject and text), so the project team sees what the employer
will read before anything goes out."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from olievlek.mail.rendering import RenderedMail, render_mail

PREVIEW_DECISION = "preview"


class CountedTextarea(forms.Textarea):
    """A text box with "12 of 1000 characters" under it, kept up to date by olievlek.js."""

    template_name = "django/forms/widgets/counted.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        maximum = context["widget"]["attrs"].get("maxlength", "")
        counter = _("{count} of {max} characters").replace("{max}", str(maximum))
        context["widget"]["counter_text"] = counter
        context["widget"]["counter"] = counter.replace("{count}", str(len(value or "")))
        return context


def mail_preview(*, template: str, context: dict, language: str | None = None) -> RenderedMail:
    """The mail `send_templated(template=...)` would send with this context."""
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language or settings.LANGUAGE_CODE):
        rendered = render_mail(
            subject_template=f"{template}_subject.txt",
            body_template=f"{template}_body",
            context=context,
        )
    return RenderedMail(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + rendered.subject,
        text=rendered.text,
        html=rendered.html,
    )
