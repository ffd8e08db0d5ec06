"""PDFs from templates, through WeasyPrint. The templates carry their own CSS and inline
SVG, so nothing is fetched while rendering (no request to our own server, none outside).

WeasyPrint switches on Pillow's `LOAD_TRUNCATED_IMAGES` for the whole process when it is
imported; that would let truncated or damaged uploads pass our image checks
(`knowledge.uploads`), so it is switched off again here, where WeasyPrint is imported.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.template.loader import render_to_string


def render_pdf(html: str) -> bytes:
    from PIL import ImageFile
    from weasyprint import HTML  # imported late: it loads Pango, which a page never needs
    from weasyprint.urls import URLFetcher

    ImageFile.LOAD_TRUNCATED_IMAGES = False
    # Only data: URIs; any other reference is left out of the PDF, never requested.
    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=html, url_fetcher=fetcher).write_pdf()


def pdf_response(
    request, *, template: str, context: dict, filename: str, inline: bool = False
) -> HttpResponse:
    pdf = render_pdf(render_to_string(template, context, request=request))
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
