"""Markdown text boxes with a character counter and a preview.

The preview is rendered by the server through the same sanitising renderer that shows the
text on the site (`olievlek.knowledge.markdown.render_markdown`), so what the writer sees
is what readers will see. Without JavaScript the box has a "Preview" submit button: the
view notices it (`wants_preview`) and shows the form again with the preview below the box
instead of saving. With JavaScript (`site/static/js/olievlek.js`) the same button fetches
the preview from `markdown_preview` and the counter follows the typing.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import reverse_lazy
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from olievlek.knowledge.markdown import render_markdown

PREVIEW_BUTTON = "_preview"
# A preview of at most this much text: the longest markdown field (a story) holds 20,000.
MAX_PREVIEW_LENGTH = 20000


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


class MarkdownTextarea(CountedTextarea):
    template_name = "django/forms/widgets/markdown.html"

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.preview_html = None

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["preview_url"] = reverse_lazy("markdown_preview")
        context["widget"]["preview_button"] = PREVIEW_BUTTON
        context["widget"]["preview_html"] = self.preview_html
        return context


def wants_preview(request, form) -> bool:
    """Whether the POST asks for a preview rather than a save; if so, every markdown box
    of the form gets its rendered preview to show when the form is shown again."""
    if request.method != "POST" or PREVIEW_BUTTON not in request.POST:
        return False
    for name, field in form.fields.items():
        if isinstance(field.widget, MarkdownTextarea):
            text = request.POST.get(form.add_prefix(name), "")[:MAX_PREVIEW_LENGTH]
            field.widget.preview_html = mark_safe(render_markdown(text))  # noqa: S308 (nh3)
    return True


@require_POST
@login_required
def markdown_preview(request):
    """The HTML of a piece of markdown, as the site will show it (for the preview)."""
    text = request.POST.get("text", "")[:MAX_PREVIEW_LENGTH]
    response = HttpResponse(render_markdown(text), content_type="text/html; charset=utf-8")
    response["X-Robots-Tag"] = "noindex"
    return response
