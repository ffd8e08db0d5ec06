"""Error pages that work when the database does not, or the disk is full.

A database that is away (restarting, failing over, out of connections) is not a bug in a
page: the visitor gets 503 with `Retry-After` and a Dutch page that says nothing was
saved, the API a problem+json 503 (ProblemMiddleware), never a stack trace. Django opens a
new connection on the next request (CONN_HEALTH_CHECKS), so service returns by itself.

Errors raised by a view reach `DatabaseUnavailableMiddleware`; those raised by another
middleware (the session or the visit counter reading the database) reach `server_error`,
the handler500, which sees the exception being handled. A disk that fills up while an
upload is saved answers 507 with a page that says nothing was saved (site/storage.py
makes that true).
"""

from __future__ import annotations

import errno
import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
_DISK_FULL = {errno.ENOSPC, errno.EDQUOT}


def is_disk_full(error: BaseException | None) -> bool:
    return isinstance(error, OSError) and error.errno in _DISK_FULL


def disk_full_response() -> HttpResponse:
    """507: an upload found the disk full; the storage removed what it had written and the
    transaction rolled back, so nothing of the request was kept."""
    response = HttpResponse(render_to_string("507.html"), status=507)
    response["Cache-Control"] = "no-store"
    return response


def database_unavailable_response() -> HttpResponse:
    # Rendered without the request: the context processors would query the database.
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_UNAVAILABLE):
        return database_unavailable_response()
    if is_disk_full(error):
        return disk_full_response()
    return HttpResponse(render_to_string("500.html"), status=500)


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_UNAVAILABLE):
            logger.warning("database unavailable: %s %s", type(exception).__name__, exception)
            return database_unavailable_response()
        if is_disk_full(exception):
            logger.error("disk full while saving an upload: %s", exception)
            return disk_full_response()
        return None
