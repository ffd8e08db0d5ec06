"""The filter of a meeting's registration list (``olievlek.site.listing``)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from olievlek.site.forms import StyledFormMixin
from olievlek.site.listing import search_field

from .choices import RegistrationState


class RegistrationListFilter(StyledFormMixin, forms.Form):
    hide_optional_marker = True
    q = search_field(label=_("Name, organisation or email address"))
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + RegistrationState.choices
    )
