"""The filters of the back office's lists in the network app (``olievlek.site.listing``)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from olievlek.site.forms import StyledFormMixin

from .choices import Status

ANY = [("", _("All"))]


class OrganisationListFilter(StyledFormMixin, forms.Form):
    hide_optional_marker = True
    q = forms.CharField(
        label=_("Name, city or KvK number"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    status = forms.ChoiceField(label=_("Status"), required=False, choices=ANY + Status.choices)


class SignupListFilter(StyledFormMixin, forms.Form):
    hide_optional_marker = True
    q = forms.CharField(
        label=_("Name, city or KvK number"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    confirmed = forms.ChoiceField(
        label=_("Email address confirmed"),
        required=False,
        choices=ANY + [("yes", _("Yes")), ("no", _("No"))],
    )


class ProfileChangeListFilter(StyledFormMixin, forms.Form):
    hide_optional_marker = True
    q = forms.CharField(
        label=_("Organisation"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )


class InvitationListFilter(StyledFormMixin, forms.Form):
    hide_optional_marker = True
    q = forms.CharField(
        label=_("Email address or organisation"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    expired = forms.ChoiceField(
        label=_("Link"),
        required=False,
        choices=ANY + [("no", _("Still valid")), ("yes", _("Expired"))],
    )


class AuditListFilter(StyledFormMixin, forms.Form):
    hide_optional_marker = True
    q = forms.CharField(
        label=_("Object, person or action"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
