"""Logs: JSON lines in production (`LOG_FORMAT=json`), readable text on a laptop.

Every request gets an id: the load balancer's `X-Request-ID` when it is a plausible id
(letters, digits and `-_.:`, 8 to 128 characters), else a new one. It is echoed in the
response's `X-Request-ID` header and added to every log line written while the request
is handled, so one request can be followed through the logs of every app server. After
the response one access line is written (logger `olievlek.request`): method, path,
status and duration.

Never personal data: the path is logged without its query string (which may carry a
token), no body and no header other than the request id is ever logged, and every line,
a traceback included, has email addresses and `?key=value` queries masked before it is
written (`RedactFilter`), whoever logged it.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

from django.core.signals import request_finished
from django.dispatch import receiver

_request = contextvars.ContextVar("olievlek_request", default=None)

VALID_ID = re.compile(r"^[A-Za-z0-9._:\-]{8,128}$")
EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+")
QUERY = re.compile(r"\?[^\s\"'<>]*=[^\s\"'<>]*")
REQUEST_FIELDS = ("request_id", "method", "path", "status", "duration_ms")

access_logger = logging.getLogger("olievlek.request")


def redact(text: str) -> str:
    return QUERY.sub("?[query]", EMAIL.sub("[email]", text))


class RequestContextFilter(logging.Filter):
    """Puts the current request's id (and method and path) on every record."""

    def filter(self, record):
        context = _request.get() or {}
        for field in ("request_id", "method", "path"):
            if not hasattr(record, field):
                setattr(record, field, context.get(field))
        return True


class RedactFilter(logging.Filter):
    """Masks email addresses and query strings in the message and the traceback."""

    def filter(self, record):
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # arguments that do not fit: logged as given
            message = f"{record.msg} {record.args}"
            record.args = ()
        cleaned = redact(message)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
            record.exc_info = None
        if isinstance(getattr(record, "path", None), str):
            record.path = redact(record.path)
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in REQUEST_FIELDS:
            entry[field] = getattr(record, field, None)
        if record.exc_text or record.exc_info:
            entry["exception"] = record.exc_text or self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def logging_config(*, log_format: str, level: str) -> dict:
    """The LOGGING setting: `json` for JSON lines, anything else for readable text."""
    formatter = (
        {"()": "olievlek.site.logs.JsonFormatter"}
        if log_format == "json"
        else {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request": {"()": "olievlek.site.logs.RequestContextFilter"},
            "redact": {"()": "olievlek.site.logs.RedactFilter"},
        },
        "formatters": {"main": formatter},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "main",
                "filters": ["request", "redact"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
    }


class RequestLogMiddleware:
    """Gives each request its id and writes the access line (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        offered = request.headers.get("X-Request-ID", "")
        request_id = offered if VALID_ID.match(offered) else uuid.uuid4().hex
        request.request_id = request_id
        _request.set({"request_id": request_id, "method": request.method, "path": request.path})
        started = time.perf_counter()
        status = 500
        try:
            response = self.get_response(request)
            status = response.status_code
            response["X-Request-ID"] = request_id
            return response
        finally:
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            access_logger.info(
                "%s %s %s",
                request.method,
                request.path,
                status,
                extra={"status": status, "duration_ms": duration_ms},
            )


@receiver(request_finished)
def _forget_request(**kwargs):
    # Not in the middleware: Django logs a 4xx/5xx ("Not Found: ...") after the middleware
    # returned, and that line must carry the id too.
    _request.set(None)
