"""Forms of the account pages. They only parse input; `tokens` does the writing."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from olievlek.site.forms import StyledFormMixin

from .tokens import MAX_LIFETIME_DAYS

LIFETIME_CHOICES = [
    (7, _("1 week")),
    (30, _("30 days")),
    (60, _("60 days")),
    (MAX_LIFETIME_DAYS, _("90 days")),
]


class ApiTokenForm(StyledFormMixin, forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("So you recognise the key later, e.g. the system that uses it."),
    )
    days = forms.TypedChoiceField(
        label=_("Valid for"),
        choices=LIFETIME_CHOICES,
        coerce=int,
        initial=MAX_LIFETIME_DAYS,
    )
