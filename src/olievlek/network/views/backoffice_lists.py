"""The back office's lists of sign-ups and organisations, and approving sign-ups in bulk."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from olievlek.site.backoffice_menu import forget_waiting_work
from olievlek.site.confirm import Confirm, confirm_page, mailed_to
from olievlek.site.listing import Column, list_filters, list_page

from .. import selectors, services
from ..filters import OrganisationListFilter, SignupListFilter
from .access import staff_required

SIGNUP_COLUMNS = [
    Column(key="select", label=_lazy("Select")),
    Column(key="name", label=_lazy("Organisation"), sort=("name",)),
    Column(key="kvk", label=_lazy("KvK number"), sort=("kvk_number",)),
    Column(key="city", label=_lazy("City"), sort=("city",)),
    Column(key="contact", label=_lazy("Contact")),
    Column(key="confirmed", label=_lazy("Email address confirmed"), sort=("address_confirmed",)),
    Column(key="received", label=_lazy("Received"), sort=("created_at",)),
]

ORGANISATION_COLUMNS = [
    Column(key="name", label=_lazy("Name"), sort=("name",)),
    Column(key="city", label=_lazy("City"), sort=("city",)),
    Column(key="status", label=_lazy("Status"), sort=("status",)),
    Column(key="role", label=_lazy("Role")),
    Column(key="contacts", label=_lazy("Contacts"), sort=("contact_count",)),
]


@require_GET
@staff_required
def queue(request):
    form, filters = list_filters(request, SignupListFilter)
    listing = list_page(
        request=request,
        queryset=selectors.registration_queue_filtered(**filters),
        columns=SIGNUP_COLUMNS,
        filter_form=form,
        filtered=bool(filters),
    )
    return render(
        request,
        "network/backoffice/queue.html",
        {"listing": listing, "bulk_actions": [("approve", _("Approve"))]},
    )


@require_POST
@staff_required
def queue_bulk(request):
    """Approve several sign-ups: a confirm step first, then each one through the same
    service as a single approval (audit, mail); one that cannot be approved is reported
    and does not stop the others."""
    ids = [int(v) for v in request.POST.getlist("ids") if v.isdigit()]
    organisations = list(selectors.registration_queue().filter(pk__in=ids))
    if request.POST.get("action") != "approve":
        messages.error(request, _("Choose what to do with the selected sign-ups."))
        return redirect("backoffice:queue")
    if not organisations:
        messages.error(request, _("Select at least one sign-up."))
        return redirect("backoffice:queue")
    if not request.POST.get("confirmed"):
        recipients = sorted(
            {
                email
                for organisation in organisations
                for email in selectors.organisation_contact_emails(organisation=organisation)
            }
        )
        return confirm_page(
            request,
            confirm=Confirm(
                title=ngettext(
                    "Approve %(count)d sign-up?", "Approve %(count)d sign-ups?", len(organisations)
                )
                % {"count": len(organisations)},
                text=_("They appear in the directory, and each contact person gets an email."),
                items=tuple(o.name for o in organisations),
                recipients=tuple(recipients),
                button=_("Approve"),
                action=reverse("backoffice:queue_bulk"),
                cancel_href=reverse("backoffice:queue"),
            ),
        )
    approved, recipients = [], []
    for organisation in organisations:
        try:
            services.organisation_approve(organisation=organisation, actor=request.user)
        except ValidationError as error:
            messages.error(
                request,
                _("%(name)s was not approved: %(reason)s")
                % {"name": organisation.name, "reason": " ".join(error.messages)},
            )
        else:
            approved.append(organisation.name)
            recipients += selectors.organisation_contact_emails(organisation=organisation)
    if approved:
        messages.success(
            request,
            _("Approved: %(names)s.") % {"names": ", ".join(approved)}
            + " "
            + mailed_to(recipients),
        )
    forget_waiting_work()
    return redirect("backoffice:queue")


@require_GET
@staff_required
def organisation_list(request):
    form, filters = list_filters(request, OrganisationListFilter)
    listing = list_page(
        request=request,
        queryset=selectors.organisation_backoffice_list(**filters),
        columns=ORGANISATION_COLUMNS,
        filter_form=form,
        filtered=bool(filters),
    )
    return render(request, "network/backoffice/organisations.html", {"listing": listing})
