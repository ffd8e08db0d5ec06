"""The project team's campaign library and requests, at /beheer/campagne/."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from olievlek.network.views.access import staff_required
from olievlek.programme.services import set_lines
from olievlek.site.forms import add_service_errors
from olievlek.site.reasons import wants_preview

from .. import selectors, services
from ..choices import RequestStatus
from ..forms import CampaignItemForm, ReasonForm
from ..models import CampaignItem, UsageRequest
from ._files import file_response


@require_GET
@staff_required
def items(request):
    return render(
        request,
        "knowledge/backoffice/campaign_items.html",
        {"items": selectors.campaign_items_backoffice(), "reach": selectors.campaign_reach()},
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
    status = request.GET.get("status", "")
    status = status if status in RequestStatus.values else ""
    page = Paginator(selectors.usage_requests_backoffice(status=status), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "knowledge/backoffice/campaign_requests.html",
        {"page_obj": page, "status": status, "statuses": RequestStatus.choices},
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
    if request.method == "POST":
        try:
            if decision == "approve":
                services.usage_request_approve(request=usage, actor=request.user)
                messages.success(request, _("The request has been approved and the link sent."))
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
                    _("The request has been rejected.")
                    if decision == "reject"
                    else _("The approval has been revoked; the link no longer works."),
                )
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
