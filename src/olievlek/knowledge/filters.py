"""The filters of the back office's lists in the knowledge app (``olievlek.site.listing``)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from olievlek.site.forms import StyledFormMixin
from olievlek.site.listing import search_field

from .choices import CampaignKind, RequestStatus, StoryStatus


class StoryListFilter(StyledFormMixin, forms.Form):
    hide_optional_marker = True
    q = search_field(label=_("Title or organisation"))
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, counts: dict[str, int] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        counts = counts or {}
        self.fields["status"].choices = [("", _("Submitted, sent back and published"))] + [
            (value, f"{label} ({counts.get(value, 0)})") for value, label in StoryStatus.choices
        ]


class RequestListFilter(StyledFormMixin, forms.Form):
    hide_optional_marker = True
    q = search_field(label=_("Item or organisation"))
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + RequestStatus.choices
    )


class CampaignItemListFilter(StyledFormMixin, forms.Form):
    hide_optional_marker = True
    q = search_field(label=_("Title"))
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All"))] + CampaignKind.choices
    )
