"""The public site: the directory, an organisation's page, registering, invitations."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from olievlek.site.cache import public_page, shared_fragment
from olievlek.site.forms import add_service_errors
from olievlek.site.throttle import throttle_posts

from .. import selectors, services
from ..forms import DirectoryFilterForm, InvitationAcceptForm, RegistrationForm
from ..models import Invitation

PAGE_SIZE = 20


@require_GET
@public_page("network")
def directory(request):
    # The filters and results are the same for everybody: a logged-in member gets them
    # from the shared cache inside the personal layout.
    template = "network/_directory_results.html" if request.htmx else "network/_directory.html"
    content = shared_fragment(
        request, ("network",), lambda: render_to_string(template, _directory_context(request))
    )
    if request.htmx:
        return HttpResponse(content)
    return render(request, "network/directory.html", {"content": content})


def _directory_context(request) -> dict:
    form = DirectoryFilterForm(request.GET or None)
    filters = (
        selectors.DirectoryFilters(**form.filters())
        if form.is_bound
        else (selectors.DirectoryFilters())
    )
    page = Paginator(selectors.organisation_directory(filters=filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return {"form": form, "page_obj": page, "filters": filters, "request": request}


@require_GET
@public_page("network")
def organisation_detail(request, slug: str):
    organisation = selectors.organisation_public_get(slug=slug)
    if organisation is None:
        raise Http404
    # Partners work with the network but are not shown members' contact details.
    from olievlek.programme.access import is_partner

    show_contacts = selectors.user_is_member(request.user) and not is_partner(request.user)
    contacts = selectors.organisation_contacts(organisation=organisation) if show_contacts else []
    return render(
        request,
        "network/organisation_detail.html",
        {
            "organisation": organisation,
            "show_contacts": show_contacts,
            "contacts": contacts,
        },
    )


@require_http_methods(["GET", "POST"])
@throttle_posts("signup")
def register(request):
    if request.user.is_authenticated:
        messages.info(request, _("You are logged in already; your organisation is registered."))
        return redirect("network:member_home")
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        registration = services.RegistrationData(
            **{
                k: v
                for k, v in data.items()
                if k not in {"experience_themes", "help_themes", "consent"}
            },
            experience_themes=frozenset(data["experience_themes"]),
            help_themes=frozenset(data["help_themes"]),
        )
        try:
            services.organisation_register(data=registration, request=request)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("network:register_done")
    return render(request, "network/register.html", {"form": form})


@require_GET
def register_done(request):
    return render(request, "network/register_done.html")


@require_http_methods(["GET", "POST"])
def invitation_accept(request, token: str):
    invitation = get_object_or_404(Invitation.objects.select_related("organisation"), token=token)
    if not invitation.is_open:
        return render(request, "network/invitation_closed.html", status=410)
    form = InvitationAcceptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_accept(invitation=invitation, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your account is ready. Log in with your email address."))
            return redirect("account_login")
    return render(
        request, "network/invitation_accept.html", {"form": form, "invitation": invitation}
    )
