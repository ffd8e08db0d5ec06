"""The one search box over stories, organisations and meetings: /zoeken/?q=."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from olievlek.network.choices import Theme

from ..choices import DocumentKind
from ..forms import SearchForm
from ..search import search

PAGE_SIZE = 20


@require_GET
def search_page(request):
    form = SearchForm(request.GET or None)
    values = form.values()
    results, hits = search(
        q=values["q"], kind=values["kind"], theme=values["theme"], line=values["line"]
    )
    page = Paginator(hits, PAGE_SIZE).get_page(request.GET.get("page"))
    facets = [(value, label, results.counts.get(value, 0)) for value, label in DocumentKind.choices]
    return render(
        request,
        "knowledge/search/search.html",
        {
            "form": form,
            "results": results,
            "page_obj": page,
            "facets": facets,
            "all_count": sum(results.counts.values()),
            "themes": Theme.choices,
            "line_name": values["line_name"],
        },
    )
