"""Public pages: what Pay it Forward is, the open offers, and the chain."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from olievlek.network.selectors import organisation_of_user
from olievlek.site.cache import public_page

from .. import chain, selectors, spread_map
from ..forms import OfferFilterForm

# The map's last month runs up to now: a short life keeps a cached page near enough.
CHAIN_TIMEOUT = 120


@require_GET
def index(request):
    return render(
        request,
        "payitforward/index.html",
        {
            "summary": chain.public_summary(),
            "organisation": organisation_of_user(request.user),
        },
    )


def _stories_for(offers) -> dict:
    # Late import: the stories app builds on this one (a story may come from a match).
    from olievlek.knowledge.selectors import stories_for_help

    return stories_for_help(items=offers, are_offers=True)


@require_GET
def offers(request):
    form = OfferFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    offers = selectors.open_offers(
        theme=filters.get("theme", ""), province=filters.get("province", "")
    )
    page = Paginator(offers, 20).get_page(request.GET.get("page"))
    organisation = organisation_of_user(request.user)
    return render(
        request,
        "payitforward/offers.html",
        {
            "form": form,
            "page_obj": page,
            "organisation": organisation,
            "active_request": organisation
            and selectors.member_active_request(organisation=organisation),
            "stories": _stories_for(page.object_list),
        },
    )


@require_GET
@public_page("chain", timeout=CHAIN_TIMEOUT)
def chain_page(request):
    return render(
        request,
        "payitforward/chain.html",
        {"chain": chain.chain_view(), "spread": spread_map.spread_map_view()},
    )
