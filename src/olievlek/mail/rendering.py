"""Turning templates into a mail: a subject that is safe as a header, a plain text body
rendered without HTML escaping, and an HTML alternative in the one shared layout.

Django escapes template variables for HTML; in a text mail that shows `&amp;` and `&#x27;`
to the reader. Text templates are therefore rendered with autoescaping off, and the HTML
alternative with it on (from an `_body.html` template when there is one, otherwise made
from the text, escaped line by line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.template import Context, TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.utils.html import urlize
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

# Everything that a mail header would read as the end of a line (RFC 5322 folds on CR
# and LF; Python's email package also splits on the other Unicode line breaks).
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
_BLANK_LINES = re.compile(r"\n[ \t]*\n+")


def header_safe(value: str) -> str:
    """One line, for a subject or display name: line breaks become spaces."""
    return " ".join(_LINE_BREAKS.sub(" ", str(value)).split())


@dataclass(frozen=True)
class RenderedMail:
    subject: str
    text: str
    html: str


def render_text(template_name: str, context: dict) -> str:
    """Render a text template without HTML escaping."""
    template = get_template(template_name).template  # the engine's own Template
    return template.render(Context(context, autoescape=False))


def html_from_text(text: str) -> str:
    """Paragraphs at blank lines, line breaks kept, links clickable; all text escaped."""
    paragraphs = []
    for block in _BLANK_LINES.split(text.strip()):
        lines = [urlize(line.strip(), autoescape=True) for line in block.splitlines()]
        lines = [line for line in lines if line]
        if lines:
            paragraphs.append('<p style="margin:0 0 16px">' + "<br>\n".join(lines) + "</p>")
    return "\n".join(paragraphs)


def render_html(*, body_html: str, subject: str) -> str:
    """Put an HTML body into the shared mail layout."""
    return render_to_string(
        "mail/layout.html",
        {
            "body": mark_safe(body_html),  # noqa: S308 (escaped by the callers above)
            "subject": subject,
            "site_url": settings.SITE_URL,
            "language": get_language() or settings.LANGUAGE_CODE,
        },
    )


def render_mail(*, subject_template: str, body_template: str, context: dict) -> RenderedMail:
    """Render `<subject_template>` and `<body_template>.txt`, and `<body_template>.html`
    (with escaping) when it exists, in the language that is active."""
    subject = header_safe(render_text(subject_template, context))
    text = render_text(f"{body_template}.txt", context).strip() + "\n"
    try:
        body_html = render_to_string(f"{body_template}.html", context)
    except TemplateDoesNotExist:
        body_html = html_from_text(text)
    return RenderedMail(
        subject=subject, text=text, html=render_html(body_html=body_html, subject=subject)
    )
