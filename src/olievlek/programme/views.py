"""Public pages of the programme lines and partners, and their back office."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from olievlek.accounts.access import team_required
from olievlek.events import selectors as event_selectors
from olievlek.network.views.access import member_required
from olievlek.site.forms import add_service_errors
from olievlek.site.listing import Column, list_page
from olievlek.site.markdown_fields import wants_preview

from . import selectors, services
from .forms import LineForm
from .initiatives import InitiativeForm, initiative_propose
from .models import ProgrammeLine

LINE_COLUMNS = [
    Column(key="name", label=gettext_lazy("Name"), sort=("name",)),
    Column(key="lead", label=gettext_lazy("Led by")),
    Column(key="active", label=gettext_lazy("Active"), sort=("is_active",)),
]


@require_GET
def line_list(request):
    return render(request, "programme/list.html", {"lines": selectors.lines_active()})


@require_GET
def line_detail(request, slug: str):
    line = selectors.line_public_get(slug=slug)
    if line is None:
        raise Http404
    context = {"line": line, **selectors.line_contents(line=line, user=request.user)}
    return render(request, "programme/detail.html", context)


@require_GET
def partner_list(request):
    return render(
        request, "programme/partners.html", {"partners": selectors.partner_organisations()}
    )


@require_GET
@team_required
def backoffice_list(request):
    listing = list_page(request=request, queryset=selectors.lines_all(), columns=LINE_COLUMNS)
    return render(request, "programme/backoffice/list.html", {"listing": listing})


def _save(request, *, line: ProgrammeLine | None):
    initial = {"is_active": True}
    if line is not None:
        initial = {f: getattr(line, f) for f in services.FIELDS}
    form = LineForm(request.POST or None, initial=initial)
    if request.method == "POST" and not wants_preview(request, form) and form.is_valid():
        try:
            if line is None:
                line = services.line_create(actor=request.user, data=form.cleaned_data)
            else:
                services.line_update(line=line, actor=request.user, data=form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The programme line has been saved."))
            return redirect("programme:bo_list")
    return render(request, "programme/backoffice/form.html", {"form": form, "line": line})


@require_http_methods(["GET", "POST"])
@team_required
def backoffice_create(request):
    return _save(request, line=None)


@require_http_methods(["GET", "POST"])
@team_required
def backoffice_edit(request, pk: int):
    return _save(request, line=get_object_or_404(ProgrammeLine, pk=pk))


@require_http_methods(["GET", "POST"])
@team_required
def backoffice_delete(request, pk: int):
    line = get_object_or_404(ProgrammeLine, pk=pk)
    if request.method == "POST":
        services.line_delete(line=line, actor=request.user)
        messages.success(request, _("The programme line has been deleted."))
        return redirect("programme:bo_list")
    return render(request, "programme/backoffice/delete.html", {"line": line})


@require_GET
@member_required()
def my_initiatives(request, organisation):
    return render(
        request,
        "programme/member/initiatives.html",
        {"proposals": event_selectors.proposals_of(organisation=organisation)},
    )


@require_http_methods(["GET", "POST"])
@member_required()
def initiative_new(request, organisation):
    form = InitiativeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            initiative_propose(
                actor=request.user, organisation=organisation, cleaned=form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Thank you. The project team looks at your proposal and lets you know.")
            )
            return redirect("programme:my_initiatives")
    return render(request, "programme/member/initiative_form.html", {"form": form})
