"""The filter of the outgoing-mail list (``olievlek.site.listing``)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from olievlek.site.forms import StyledFormMixin
from olievlek.site.listing import search_field

from .models import OutboundMail


class MailListFilter(StyledFormMixin, forms.Form):
    hide_optional_marker = True
    q = search_field(label=_("Recipient or subject"))
    state = forms.ChoiceField(label=_("State"), required=False)

    def __init__(self, *args, counts: dict[str, int] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        counts = counts or {}
        self.fields["state"].choices = [("", _("All"))] + [
            (value, f"{label} ({counts.get(value, 0)})")
            for value, label in OutboundMail.State.choices
        ]
