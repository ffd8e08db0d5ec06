"""The manifesto page, signing it, and the project team's management of it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from olievlek.network.selectors import organisation_of_user
from olievlek.network.views.access import member_required, staff_required
from olievlek.site.forms import add_service_errors
from olievlek.site.listing import Column, list_page
from olievlek.site.throttle import throttle_posts

from .. import selectors, services
from ..forms import FactorForm, ReasonForm
from ..models import Endorsement, ManifestoFactor

SIGNATURE_COLUMNS = [
    Column(key="organisation", label=gettext_lazy("Organisation"), sort=("organisation__name",)),
    Column(key="signed", label=gettext_lazy("Signed"), sort=("created_at",)),
    Column(key="actions", label=gettext_lazy("Actions")),
]


@require_GET
def manifesto(request):
    organisation = organisation_of_user(request.user)
    signatories = selectors.manifesto_signatories()
    return render(
        request,
        "knowledge/manifesto/manifesto.html",
        {
            "factors": selectors.manifesto_factors(),
            "signatories": signatories,
            "organisation": organisation,
            "endorsement": selectors.endorsement_of(organisation),
        },
    )


@require_POST
@throttle_posts("manifesto")
@member_required()
def endorse(request, organisation):
    try:
        services.manifesto_endorse(organisation=organisation, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Thank you: %(name)s has signed the manifesto.") % {"name": organisation.name},
        )
    return redirect("knowledge:manifesto")


@require_POST
@member_required()
def withdraw(request, organisation):
    try:
        services.endorsement_withdraw(organisation=organisation, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your signature has been withdrawn."))
    return redirect("knowledge:manifesto")


@require_GET
@staff_required
def backoffice(request):
    return render(
        request,
        "knowledge/backoffice/manifesto.html",
        {
            "factors": selectors.manifesto_factors(),
            "listing": list_page(
                request=request,
                queryset=selectors.endorsements_backoffice(),
                columns=SIGNATURE_COLUMNS,
            ),
            "removed": selectors.endorsements_backoffice(removed=True),
        },
    )


def _story_choices():
    return [(s.pk, f"{s.title} ({s.organisation.name})") for s in selectors.stories_published()]


@require_http_methods(["GET", "POST"])
@staff_required
def factor_edit(request, pk: int | None = None):
    factor = get_object_or_404(ManifestoFactor, pk=pk) if pk else None
    initial = {}
    if factor is not None:
        initial = {
            "number": factor.number,
            "title": factor.title,
            "description": factor.description,
            "themes": factor.themes,
            "session": factor.session,
            "stories": list(factor.stories.values_list("pk", flat=True)),
        }
    else:
        last = ManifestoFactor.objects.order_by("-number").first()
        initial = {"number": (last.number + 1) if last else 1}
    form = FactorForm(request.POST or None, initial=initial, story_choices=_story_choices())
    if request.method == "POST" and form.is_valid():
        try:
            services.factor_save(actor=request.user, data=form.to_data(), factor=factor)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The success factor has been saved."))
            return redirect("knowledge:backoffice_manifesto")
    return render(
        request, "knowledge/backoffice/factor_form.html", {"form": form, "factor": factor}
    )


@require_http_methods(["GET", "POST"])
@staff_required
def factor_delete(request, pk: int):
    factor = get_object_or_404(ManifestoFactor, pk=pk)
    if request.method == "POST":
        services.factor_delete(actor=request.user, factor=factor)
        messages.success(request, _("The success factor has been deleted."))
        return redirect("knowledge:backoffice_manifesto")
    return render(request, "knowledge/backoffice/factor_delete.html", {"factor": factor})


@require_http_methods(["GET", "POST"])
@staff_required
def signature_remove(request, pk: int):
    endorsement = get_object_or_404(
        Endorsement.objects.select_related("organisation"), pk=pk, removed_at__isnull=True
    )
    form = ReasonForm(request.POST or None)
    form.fields["reason"].help_text = _("Recorded in the audit log.")
    if request.method == "POST" and form.is_valid():
        try:
            services.endorsement_remove(
                endorsement=endorsement, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is no longer listed as a signatory.")
                % {"name": endorsement.organisation.name},
            )
            return redirect("knowledge:backoffice_manifesto")
    return render(
        request,
        "knowledge/backoffice/signature_remove.html",
        {"endorsement": endorsement, "form": form},
    )
