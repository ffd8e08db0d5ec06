"""The project team reviews the changes of name and website that members asked for."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods

from olievlek.audit.selectors import audit_entries_for
from olievlek.site.backoffice_menu import forget_waiting_work
from olievlek.site.confirm import Confirm, confirm_page, mailed_to, wants_confirm_step
from olievlek.site.forms import add_service_errors
from olievlek.site.listing import Column, list_filters, list_page
from olievlek.site.reasons import wants_preview

from .. import selectors, services
from ..filters import ProfileChangeListFilter
from ..forms import RejectForm
from ..models import ProfileChange
from .access import staff_required

PROFILE_CHANGE_COLUMNS = [
    Column(key="organisation", label=_lazy("Organisation"), sort=("organisation__name",)),
    Column(key="change", label=_lazy("Change")),
    Column(key="asked_by", label=_lazy("Asked by"), sort=("requested_by__email",)),
    Column(key="received", label=_lazy("Received"), sort=("requested_at",)),
]


@require_GET
@staff_required
def profile_change_queue(request):
    form, filters = list_filters(request, ProfileChangeListFilter)
    listing = list_page(
        request=request,
        queryset=selectors.profile_change_queue(**filters),
        columns=PROFILE_CHANGE_COLUMNS,
        filter_form=form,
        filtered=bool(filters),
    )
    return render(request, "network/backoffice/profile_changes.html", {"listing": listing})


@require_http_methods(["GET", "POST"])
@staff_required
def profile_change_review(request, pk: int):
    change = get_object_or_404(ProfileChange.objects.select_related("organisation"), pk=pk)
    decision = request.POST.get("decision")
    reject_form = RejectForm(request.POST if decision == "reject" else None)
    preview = None
    recipients = selectors.organisation_contact_emails(organisation=change.organisation)
    wants_decision = decision == "approve" or reject_form.is_valid()
    if wants_confirm_step(request) and not wants_preview(request) and wants_decision:
        approve = decision == "approve"
        return confirm_page(
            request,
            confirm=Confirm(
                title=(
                    _("Publish the change of %(name)s?")
                    if approve
                    else _("Reject the change of %(name)s?")
                )
                % {"name": change.organisation.name},
                text=_("The employer receives this reason:") if not approve else "",
                quote="" if approve else reject_form.cleaned_data["reason"],
                items=tuple(f"{label}: {after or '—'}" for label, _before, after in change.rows),
                recipients=tuple(recipients),
                button=_("Publish") if approve else _("Reject"),
                cancel_href=reverse("backoffice:profile_change_review", args=[change.pk]),
            ),
        )
    if request.method == "POST":
        try:
            if decision == "approve":
                services.profile_change_approve(change=change, actor=request.user)
                messages.success(
                    request,
                    _("The change has been published.") + " " + mailed_to(recipients),
                )
                forget_waiting_work()
                return redirect("backoffice:profile_changes")
            if decision == "reject" and reject_form.is_valid() and wants_preview(request):
                preview = services.profile_change_reject_preview(
                    change=change, reason=reject_form.cleaned_data["reason"]
                )
            elif decision == "reject" and reject_form.is_valid():
                services.profile_change_reject(
                    change=change, actor=request.user, reason=reject_form.cleaned_data["reason"]
                )
                messages.success(
                    request, _("The change has been rejected.") + " " + mailed_to(recipients)
                )
                forget_waiting_work()
                return redirect("backoffice:profile_changes")
        except ValidationError as error:
            add_service_errors(reject_form, error)
    return render(
        request,
        "network/backoffice/profile_change_review.html",
        {
            "change": change,
            "organisation": change.organisation,
            "reject_form": reject_form,
            "preview": preview,
            "history": audit_entries_for(target=change.organisation)[:20],
        },
    )
