"""The filters of the back office's lists in the network app (``olievlek.site.listing``)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from olievlek.site.forms import StyledFormMixin
from olievlek.site.listing import search_field

from .choices import Status

ANY = [("", _("All"))]


class OrganisationListFilter(StyledFormMixin, forms.Form):
    hide_optional_marker = True
    q = search_field(label=_("Name, city or KvK number"))
    status = forms.ChoiceField(label=_("Status"), required=False, choices=ANY + Status.choices)


class SignupListFilter(StyledFormMixin, forms.Form):
    hide_optional_marker = True
    q = search_field(label=_("Name, city or KvK number"))
    confirmed = forms.ChoiceField(
        label=_("Email address confirmed"),
        required=False,
        choices=ANY + [("yes", _("Yes")), ("no", _("No"))],
    )


class ProfileChangeListFilter(StyledFormMixin, forms.Form):
    hide_optional_marker = True
    q = search_field(label=_("Organisation"))


class InvitationListFilter(StyledFormMixin, forms.Form):
    hide_optional_marker = True
    q = search_field(label=_("Email address or organisation"))
    expired = forms.ChoiceField(
        label=_("Link"),
        required=False,
        choices=ANY + [("no", _("Still valid")), ("yes", _("Expired"))],
    )


class AuditListFilter(StyledFormMixin, forms.Form):
    hide_optional_marker = True
    q = search_field(label=_("Object, person or action"))
