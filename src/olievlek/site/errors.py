"""Error pages that work when the database does not.

A database that is away (restarting, failing over, out of connections) is not a bug in a
page: the visitor gets 503 with `Retry-After` and a Dutch page that says nothing was
saved, the API a problem+json 503 (ProblemMiddleware), never a stack trace. Django opens a
new connection on the next request (CONN_HEALTH_CHECKS), so service returns by itself.

Errors raised by a view reach `DatabaseUnavailableMiddleware`; those raised by another
middleware (the session or the visit counter reading the database) reach `server_error`,
the handler500, which sees the exception being handled.
"""

from __future__ import annotations

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def database_unavailable_response() -> HttpResponse:
    # Rendered without the request: the context processors would query the database.
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return database_unavailable_response()
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
        return None
