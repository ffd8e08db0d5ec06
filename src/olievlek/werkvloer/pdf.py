"""PDFs with WeasyPrint, from templates that carry their own CSS: nothing is fetched
over the network while rendering."""

from __future__ import annotations

from django.http import HttpResponse
from django.template.loader import render_to_string


def _no_fetch(url, *args, **kwargs):
    raise ValueError("PDF templates are self-contained")


def pdf_response(request, *, template: str, context: dict, filename: str) -> HttpResponse:
    from weasyprint import HTML

    html = render_to_string(template, context, request=request)
    pdf = HTML(string=html, url_fetcher=_no_fetch).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
