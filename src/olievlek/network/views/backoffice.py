"""The project team's back office: registrations, organisations, contacts, export."""

from __future__ import annotations

import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from olievlek.audit.selectors import (
    audit_entries_for,
    audit_entries_recent,
    audit_entries_search,
)
from olievlek.site.backoffice_menu import forget_waiting_work
from olievlek.site.confirm import Confirm, confirm_page, mailed_to, wants_confirm_step
from olievlek.site.forms import add_service_errors
from olievlek.site.inbox import inbox_collect
from olievlek.site.listing import Column, list_filters, list_page
from olievlek.site.reasons import wants_preview

from .. import exports, selectors, services
from ..choices import Status
from ..filters import AuditListFilter
from ..forms import (
    DirectoryFilterForm,
    InvitationForm,
    OrganisationProfileForm,
    RejectForm,
    RolesForm,
)
from ..models import Organisation
from .access import staff_required
from .member import save_theme_forms, theme_forms

AUDIT_COLUMNS = [
    Column(key="when", label=_lazy("When"), sort=("created_at",)),
    Column(key="who", label=_lazy("Who"), sort=("actor_name",)),
    Column(key="what", label=_lazy("What"), sort=("action",)),
    Column(key="object", label=_lazy("Object"), sort=("target_label",)),
    Column(key="changes", label=_lazy("Before and after")),
]


@require_GET
@staff_required
def dashboard(request):
    return render(
        request,
        "network/backoffice/dashboard.html",
        {
            "counts": selectors.network_counts(),
            "inbox": inbox_collect(),
            "figures": selectors.figures_of_the_day(),
            "recent": audit_entries_recent()[:10],
        },
    )


def _review_confirm(organisation, decision: str, reject_form) -> Confirm:
    recipients = tuple(selectors.organisation_contact_emails(organisation=organisation))
    cancel_href = reverse("backoffice:review", args=[organisation.pk])
    if decision == "approve":
        return Confirm(
            title=_("Approve %(name)s?") % {"name": organisation.name},
            text=_("The organisation appears in the directory and its contact person can log in."),
            recipients=recipients,
            button=_("Approve"),
            cancel_href=cancel_href,
        )
    return Confirm(
        title=_("Reject %(name)s?") % {"name": organisation.name},
        text=_("The employer receives this reason:"),
        quote=reject_form.cleaned_data["reason"],
        recipients=recipients,
        button=_("Reject"),
        cancel_href=cancel_href,
    )


@require_http_methods(["GET", "POST"])
@staff_required
def review(request, pk: int):
    organisation = selectors.registration_get(pk=pk)
    if organisation is None:
        raise Http404
    reject_form = RejectForm(request.POST if request.POST.get("decision") == "reject" else None)
    preview = None
    decision = request.POST.get("decision")
    wants_decision = decision == "approve" or reject_form.is_valid()
    if wants_confirm_step(request) and not wants_preview(request) and wants_decision:
        return confirm_page(request, confirm=_review_confirm(organisation, decision, reject_form))
    if request.method == "POST":
        recipients = selectors.organisation_contact_emails(organisation=organisation)
        try:
            if decision == "approve":
                services.organisation_approve(organisation=organisation, actor=request.user)
                messages.success(
                    request,
                    _("%(name)s has been approved.") % {"name": organisation.name}
                    + " "
                    + mailed_to(recipients),
                )
                forget_waiting_work()
                return redirect("backoffice:queue")
            if reject_form.is_valid() and wants_preview(request):
                preview = services.organisation_reject_preview(
                    organisation=organisation, reason=reject_form.cleaned_data["reason"]
                )
            elif reject_form.is_valid():
                services.organisation_reject(
                    organisation=organisation,
                    actor=request.user,
                    reason=reject_form.cleaned_data["reason"],
                )
                messages.success(
                    request,
                    _("%(name)s has been rejected.") % {"name": organisation.name}
                    + " "
                    + mailed_to(recipients),
                )
                forget_waiting_work()
                return redirect("backoffice:queue")
        except ValidationError as error:
            if decision == "approve":
                messages.error(request, " ".join(error.messages))
            else:
                add_service_errors(reject_form, error)
    return render(
        request,
        "network/backoffice/review.html",
        {
            "organisation": organisation,
            "reject_form": reject_form,
            "preview": preview,
            "contacts": selectors.organisation_contacts(organisation=organisation),
            "profiles": organisation.theme_profiles.order_by("theme"),
            "duplicates": selectors.registration_duplicates(organisation=organisation)
            if organisation.status == Status.PENDING
            else [],
        },
    )


@require_http_methods(["GET", "POST"])
@staff_required
def organisation_edit(request, pk: int):
    organisation = get_object_or_404(Organisation, pk=pk)
    section = request.POST.get("section")
    profile_form = OrganisationProfileForm(
        request.POST if section == "profile" else None,
        instance=copy.copy(organisation),
        prefix="profile",
    )
    roles_form = RolesForm(
        request.POST if section == "roles" else None,
        prefix="roles",
        initial={
            "is_koploper": organisation.is_koploper,
            "is_ambassador": organisation.is_ambassador,
            "is_partner": organisation.is_partner,
        },
    )
    forms = theme_forms(request.POST if section == "themes" else None, organisation)
    invite_form = InvitationForm(request.POST if section == "invite" else None, prefix="invite")
    saved = False
    try:
        if section == "profile" and profile_form.is_valid():
            services.organisation_update(
                organisation=organisation, actor=request.user, data=profile_form.cleaned_data
            )
            saved = True
        elif section == "roles" and roles_form.is_valid():
            services.organisation_set_roles(
                organisation=organisation, actor=request.user, **roles_form.cleaned_data
            )
            saved = True
        elif section == "themes":
            saved = save_theme_forms(forms=forms, organisation=organisation, actor=request.user)
        elif section == "invite" and invite_form.is_valid():
            services.invitation_create(
                organisation=organisation,
                actor=request.user,
                email=invite_form.cleaned_data["email"],
            )
            saved = True
    except ValidationError as error:
        target = {"profile": profile_form, "invite": invite_form}.get(section, roles_form)
        add_service_errors(target, error)
    if saved:
        messages.success(request, _("Saved."))
        return redirect("backoffice:organisation_edit", pk=organisation.pk)
    return render(
        request,
        "network/backoffice/organisation_edit.html",
        {
            "organisation": organisation,
            "profile_form": profile_form,
            "roles_form": roles_form,
            "theme_forms": forms,
            "invite_form": invite_form,
            "contacts": selectors.organisation_contacts(organisation=organisation),
            "invitations": organisation.invitations.filter(accepted_at__isnull=True),
            "history": audit_entries_for(target=organisation)[:20],
        },
    )


@require_POST
@staff_required
def contact_remove(request, pk: int, contact_pk: int):
    organisation = get_object_or_404(Organisation, pk=pk)
    contact = get_object_or_404(organisation.contacts, pk=contact_pk)
    try:
        services.contact_remove(contact=contact, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The contact person has been removed."))
    return redirect("backoffice:organisation_edit", pk=pk)


@require_GET
@staff_required
def export(request, fmt: str):
    if fmt not in {"csv", "xlsx"}:
        raise Http404
    form = DirectoryFilterForm(request.GET or None)
    filters = (
        selectors.DirectoryFilters(**form.filters())
        if form.is_bound
        else (selectors.DirectoryFilters())
    )
    organisations = selectors.organisation_directory(filters=filters)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if fmt == "xlsx":
        response = HttpResponse(
            exports.directory_xlsx(organisations),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(
            exports.directory_csv(organisations), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="olievlek-netwerk-{stamp}.{fmt}"'
    return response


@require_GET
@staff_required
def audit_log(request):
    form, filters = list_filters(request, AuditListFilter)
    listing = list_page(
        request=request,
        queryset=audit_entries_search(**filters),
        columns=AUDIT_COLUMNS,
        filter_form=form,
        filtered=bool(filters),
    )
    return render(request, "network/backoffice/audit.html", {"listing": listing})
