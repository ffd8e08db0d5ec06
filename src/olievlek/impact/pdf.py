"""PDFs from templates, through WeasyPrint (the charts are SVG, so they print sharp)."""

from __future__ import annotations

from django.http import HttpResponse
from django.template.loader import render_to_string


def pdf_response(request, *, template: str, context: dict, filename: str) -> HttpResponse:
    from weasyprint import HTML  # imported late: it loads Pango, which a page never needs

    html = render_to_string(template, context, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
