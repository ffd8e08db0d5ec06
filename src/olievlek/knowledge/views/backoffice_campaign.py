"""The project team's campaign library and requests, at /beheer/campagne/."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods

from olievlek.network.views.access import staff_required
from olievlek.programme.services import set_lines
from olievlek.site.backoffice_menu import forget_waiting_work
from olievlek.site.confirm import Confirm, confirm_page, mailed_to, wants_confirm_step
from olievlek.site.forms import add_service_errors
from olievlek.site.listing import Column, list_filters, list_page
from olievlek.site.reasons import wants_preview

from .. import selectors, services
from ..choices import RequestStatus
from ..filters import CampaignItemListFilter, RequestListFilter
from ..forms import CampaignItemForm, ReasonForm
from ..models import CampaignItem, UsageRequest
from ..services._common import contact_emails
from ._files import file_response

ITEM_COLUMNS = [
    Column(key="title", label=_lazy("Title"), sort=("title",)),
    Column(key="kind", label=_lazy("Kind"), sort=("kind",)),
    Column(key="shown", label=_lazy("Shown"), sort=("is_active",)),
    Column(key="requests", label=_lazy("Requests"), sort=("request_count",)),
    Column(key="awaiting", label=_lazy("Awaiting"), sort=("pending_count",)),
    Column(key="downloads", label=_lazy("Downloads"), sort=("download_count",)),
]
REQUEST_COLUMNS = [
    Column(key="item", label=_lazy("Item"), sort=("item__title",)),
    Column(key="organisation", label=_lazy("Organisation"), sort=("organisation__name",)),
    Column(key="period", label=_lazy("Period"), sort=("period_start",)),
    Column(key="status", label=_lazy("Status"), sort=("status",)),
    Column(key="downloads", label=_lazy("Downloads"), sort=("download_count",)),
    Column(key="received", label=_lazy("Received"), sort=("created_at",)),
]


@require_GET
@staff_required
def items(request):
    form, filters = list_filters(request, CampaignItemListFilter)
    listing = list_page(
        request=request,
        queryset=selectors.campaign_items_backoffice(**filters),
        columns=ITEM_COLUMNS,
        filter_form=form,
        filtered=bool(filters),
    )
    return render(
        request,
        "knowledge/backoffice/campaign_items.html",
        {"listing": listing, "reach": selectors.campaign_reach()},
    )


@require_http_methods(["GET", "POST"])
@staff_required
def item_edit(request, pk: int | None = None):
    item = get_object_or_404(CampaignItem, pk=pk) if pk else None
    initial = (
        {
            "title": item.title,
            "kind": item.kind,
            "description": item.description,
            "format": item.format,
            "terms": item.terms,
            "preview_alt": item.preview_alt,
            "is_active": item.is_active,
            "lines": list(item.programme_lines.all()),
        }
        if item
        else {"is_active": True}
    )
    form = CampaignItemForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("file")
        preview = form.cleaned_data.get("preview")
        try:
            if item is None:
                item = services.campaign_item_create(
                    actor=request.user, data=form.to_data(), upload=upload, preview=preview
                )
            else:
                services.campaign_item_update(
                    item=item,
                    actor=request.user,
                    data=form.to_data(),
                    upload=upload or None,
                    preview=preview or None,
                )
            set_lines(obj=item, lines=form.cleaned_data["lines"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The item has been saved."))
            return redirect("knowledge:backoffice_campaign")
    return render(
        request, "knowledge/backoffice/campaign_item_form.html", {"form": form, "item": item}
    )


@require_GET
@staff_required
def item_file(request, pk: int):
    item = get_object_or_404(CampaignItem, pk=pk)
    return file_response(
        item.file,
        content_type=item.content_type,
        filename=item.filename,
        public=False,
        attachment=True,
    )


@require_GET
@staff_required
def requests(request):
    form, filters = list_filters(request, RequestListFilter)
    listing = list_page(
        request=request,
        queryset=selectors.usage_requests_backoffice(**filters),
        columns=REQUEST_COLUMNS,
        filter_form=form,
        filtered=bool(filters),
    )
    return render(request, "knowledge/backoffice/campaign_requests.html", {"listing": listing})


def _decide_confirm(usage, decision: str, reason_form) -> Confirm:
    common = {
        "recipients": tuple(contact_emails(usage.organisation)),
        "cancel_href": reverse("knowledge:backoffice_request", args=[usage.pk]),
    }
    names = {"item": usage.item.title, "name": usage.organisation.name}
    if decision == "approve":
        return Confirm(
            title=_("Approve the use of %(item)s by %(name)s?") % names,
            text=_("The organisation gets a download link."),
            button=_("Approve"),
            **common,
        )
    return Confirm(
        title=(
            _("Reject the request of %(name)s for %(item)s?")
            if decision == "reject"
            else _("Revoke the approval of %(name)s for %(item)s?")
        )
        % names,
        text=_("The organisation receives this reason:"),
        quote=reason_form.cleaned_data["reason"],
        button=_("Reject") if decision == "reject" else _("Revoke"),
        **common,
    )


@require_http_methods(["GET", "POST"])
@staff_required
def request_decide(request, pk: int):
    usage = get_object_or_404(
        UsageRequest.objects.select_related("item", "organisation", "requested_by"), pk=pk
    )
    decision = request.POST.get("decision")
    reason_form = ReasonForm(request.POST if decision in {"reject", "revoke"} else None)
    preview = None
    recipients = contact_emails(usage.organisation)
    wants_decision = decision == "approve" or reason_form.is_valid()
    if wants_confirm_step(request) and not wants_preview(request) and wants_decision:
        return confirm_page(request, confirm=_decide_confirm(usage, decision, reason_form))
    if request.method == "POST":
        try:
            if decision == "approve":
                services.usage_request_approve(request=usage, actor=request.user)
                messages.success(
                    request,
                    _("The request has been approved and the link sent.")
                    + " "
                    + mailed_to(recipients),
                )
                forget_waiting_work()
                return redirect("knowledge:backoffice_requests")
            closing = decision in {"reject", "revoke"} and reason_form.is_valid()
            if closing and wants_preview(request):
                preview = services.usage_request_close_preview(
                    request=usage,
                    reason=reason_form.cleaned_data["reason"],
                    status=RequestStatus.REJECTED
                    if decision == "reject"
                    else RequestStatus.REVOKED,
                )
            elif closing:
                action = (
                    services.usage_request_reject
                    if decision == "reject"
                    else services.usage_request_revoke
                )
                action(request=usage, actor=request.user, reason=reason_form.cleaned_data["reason"])
                messages.success(
                    request,
                    (
                        _("The request has been rejected.")
                        if decision == "reject"
                        else _("The approval has been revoked; the link no longer works.")
                    )
                    + " "
                    + mailed_to(recipients),
                )
                forget_waiting_work()
                return redirect("knowledge:backoffice_requests")
        except ValidationError as error:
            add_service_errors(reason_form, error)
    return render(
        request,
        "knowledge/backoffice/campaign_request.html",
        {
            "usage": usage,
            "reason_form": reason_form,
            "preview": preview,
            "downloads": usage.downloads.select_related("user")[:50],
        },
    )
