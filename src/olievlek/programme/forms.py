"""Forms of programme lines."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from olievlek.network.choices import Status
from olievlek.network.models import Organisation
from olievlek.site.forms import StyledFormMixin
from olievlek.site.markdown_fields import MarkdownTextarea

from .models import ProgrammeLine


class LineForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=10000,
        widget=MarkdownTextarea(attrs={"rows": 8}),
        help_text=_("You can use Markdown: **bold**, *italic*, lists and links."),
    )
    lead_user = forms.ModelChoiceField(
        label=_("Led by (project team)"),
        required=False,
        queryset=get_user_model().objects.filter(is_staff=True, is_active=True).order_by("email"),
    )
    lead_organisation = forms.ModelChoiceField(
        label=_("Led by (partner organisation)"),
        required=False,
        queryset=Organisation.objects.filter(is_partner=True, status=Status.APPROVED).order_by(
            "name"
        ),
    )
    is_active = forms.BooleanField(label=_("Active (shown on the website)"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("lead_user") and data.get("lead_organisation"):
            raise forms.ValidationError(
                _("A line is led by a member of the project team or by a partner, not both.")
            )
        return data


def lines_field(**kwargs) -> forms.ModelMultipleChoiceField:
    """The 'programme lines' field the edit forms of meetings, stories, campaign items and
    offers add."""
    return forms.ModelMultipleChoiceField(
        label=_("Programme lines"),
        required=False,
        queryset=ProgrammeLine.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        **kwargs,
    )
