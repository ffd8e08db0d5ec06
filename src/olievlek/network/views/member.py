"""The member area (*mijn organisatie*): status, profile, themes, contact people.

Personal API keys have their own page, for staff as well: `accounts.views`."""

from __future__ import annotations

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from olievlek.site.forms import add_service_errors

from .. import selectors, services
from ..choices import Theme
from ..forms import InvitationForm, OrganisationProfileForm, ThemeProfileForm
from ..models import ContactPerson
from ..onboarding import onboarding_open
from ..services.profile import ThemeEntry
from .access import member_required


@login_required
def member_home(request):
    if request.user.is_staff and selectors.organisation_of_user(request.user) is None:
        # Only a route: the back office itself asks staff for the second factor first.
        return redirect("backoffice:dashboard")
    organisation = selectors.organisation_of_user(request.user)
    if organisation is None:
        raise PermissionDenied
    return render(
        request,
        "network/member/home.html",
        {
            "organisation": organisation,
            "contacts": selectors.organisation_contacts(organisation=organisation),
            "profiles": selectors.organisation_theme_profiles(organisation=organisation),
            "onboarding": onboarding_open(organisation=organisation)
            if organisation.status == "approved"
            else [],
        },
    )


@require_http_methods(["GET", "POST"])
@member_required()
def profile_edit(request, organisation):
    # The form validates a copy: a ModelForm writes into its instance while it checks, and
    # the service must see the unchanged organisation to know what changed.
    # A change of name or website that waits for review is shown as the member wished it.
    wished = copy.copy(organisation)
    waiting = organisation.profile_change_waiting
    for name, value in (waiting.changes if waiting else {}).items():
        setattr(wished, name, value)
    form = OrganisationProfileForm(request.POST or None, instance=wished)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(
                organisation=organisation, actor=request.user, data=form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            organisation.__dict__.pop("profile_change_waiting", None)
            if organisation.profile_change_waiting:
                messages.info(
                    request,
                    _(
                        "The profile has been saved. A new name or website is shown once "
                        "the project team has approved it; until then the network shows "
                        "the current one."
                    ),
                )
            else:
                messages.success(request, _("The profile has been saved."))
            return redirect("network:member_home")
    return render(
        request, "network/member/profile_edit.html", {"form": form, "organisation": organisation}
    )


def theme_forms(data, organisation) -> list[tuple[str, ThemeProfileForm]]:
    existing = {p.theme: p for p in organisation.theme_profiles.all()}
    forms = []
    for theme, label in Theme.choices:
        profile = existing.get(theme)
        initial = (
            {
                "has_experience": profile.has_experience,
                "experience": profile.experience,
                "wants_help": profile.wants_help,
                "help_question": profile.help_question,
            }
            if profile
            else {}
        )
        forms.append((label, ThemeProfileForm(data, prefix=theme, initial=initial)))
    return forms


def save_theme_forms(*, forms, organisation, actor) -> bool:
    if not all(form.is_valid() for _label, form in forms):
        return False
    entries = {form.prefix: ThemeEntry(**form.cleaned_data) for _label, form in forms}
    services.theme_profiles_update(organisation=organisation, actor=actor, entries=entries)
    return True


@require_http_methods(["GET", "POST"])
@member_required()
def themes_edit(request, organisation):
    forms = theme_forms(request.POST or None, organisation)
    if request.method == "POST" and save_theme_forms(
        forms=forms, organisation=organisation, actor=request.user
    ):
        messages.success(request, _("The themes have been saved."))
        return redirect("network:member_home")
    return render(
        request, "network/member/themes_edit.html", {"forms": forms, "organisation": organisation}
    )


@require_http_methods(["GET", "POST"])
@member_required()
def contacts(request, organisation):
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_create(
                organisation=organisation, actor=request.user, email=form.cleaned_data["email"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The invitation has been sent."))
            return redirect("network:member_contacts")
    return render(
        request,
        "network/member/contacts.html",
        {
            "form": form,
            "organisation": organisation,
            "contacts": selectors.organisation_contacts(organisation=organisation),
            "invitations": organisation.invitations.filter(accepted_at__isnull=True),
        },
    )


@require_POST
@member_required()
def contact_remove(request, organisation, pk: int):
    contact = get_object_or_404(ContactPerson, pk=pk, organisation=organisation)
    if contact.user_id == request.user.pk:
        messages.error(request, _("You cannot remove yourself; ask another contact person."))
        return redirect("network:member_contacts")
    try:
        services.contact_remove(contact=contact, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The contact person has been removed."))
    return redirect("network:member_contacts")
