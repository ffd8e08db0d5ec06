"""The campaign library, requests to use an item, and the signed download."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from olievlek.network.selectors import organisation_of_user
from olievlek.network.views.access import member_required
from olievlek.site.forms import add_service_errors
from olievlek.site.throttle import throttle_posts

from .. import selectors, services
from ..choices import CampaignKind
from ..forms import UsageRequestForm
from ..services.campaign import DownloadRefused, download_path, usage_request_for_download
from ._files import file_response


@require_GET
def library(request):
    kind = request.GET.get("kind", "")
    kind = kind if kind in CampaignKind.values else ""
    return render(
        request,
        "knowledge/campaign/library.html",
        {
            "items": selectors.campaign_library(kind=kind),
            "kind": kind,
            "kinds": CampaignKind.choices,
        },
    )


def _item_or_404(slug: str):
    item = selectors.campaign_item_public(slug=slug)
    if item is None:
        raise Http404
    return item


def _requests_with_links(requests):
    return [(r, download_path(r) if r.link_is_valid else "") for r in requests]


@require_GET
def item_detail(request, slug: str):
    item = _item_or_404(slug)
    organisation = organisation_of_user(request.user)
    own = (
        _requests_with_links(selectors.usage_requests_of(organisation=organisation, item=item))
        if organisation is not None
        else []
    )
    return render(
        request,
        "knowledge/campaign/detail.html",
        {"item": item, "organisation": organisation, "own_requests": own},
    )


@require_GET
def item_preview(request, slug: str):
    item = _item_or_404(slug)
    if not item.preview:
        raise Http404
    return file_response(item.preview, content_type=_image_type(item.preview.name), public=True)


def _image_type(name: str) -> str:
    suffix = name.rsplit(".", 1)[-1].lower()
    return {"png": "image/png", "webp": "image/webp"}.get(suffix, "image/jpeg")


@require_http_methods(["GET", "POST"])
@throttle_posts("campaign_request")
@member_required()
def request_use(request, organisation, slug: str):
    item = _item_or_404(slug)
    form = UsageRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.usage_request_create(
                item=item, organisation=organisation, actor=request.user, data=form.to_data()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Your request has been sent. You will receive an email with the decision."),
            )
            return redirect("knowledge:my_campaign")
    return render(request, "knowledge/campaign/request.html", {"item": item, "form": form})


@require_GET
@member_required()
def my_requests(request, organisation):
    return render(
        request,
        "knowledge/member/campaign.html",
        {
            "organisation": organisation,
            "requests": _requests_with_links(
                selectors.usage_requests_of(organisation=organisation)
            ),
        },
    )


@require_GET
def download(request, token: str):
    try:
        usage = usage_request_for_download(token=token, user=request.user)
    except DownloadRefused as refused:
        if refused.status == 401:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        return render(
            request,
            "knowledge/campaign/download_refused.html",
            {"reason": refused.reason},
            status=refused.status,
        )
    services.campaign_download_record(request=usage, user=request.user)
    item = usage.item
    return file_response(
        item.file,
        content_type=item.content_type,
        filename=item.filename,
        public=False,
        attachment=True,
    )
