"""Handing out stored files through a view (never from a file path on the web server)."""

from __future__ import annotations

from django.http import FileResponse, Http404


def file_response(field, *, content_type: str, filename: str = "", public: bool, attachment=False):
    try:
        handle = field.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error
    response = FileResponse(
        handle, content_type=content_type, as_attachment=attachment, filename=filename or None
    )
    # Public images may be cached by anyone; everything else only by the browser that
    # asked for it, and restricted downloads not at all.
    if public:
        response["Cache-Control"] = "public, max-age=3600"
    elif attachment:
        response["Cache-Control"] = "private, no-store"
    else:
        response["Cache-Control"] = "private, max-age=300"
    return response
