"""API conventions of the Logius REST API Design Rules, shared by every app.

- errors as application/problem+json (RFC 9457),
- the full API version in the `API-Version` response header,
- paginated lists with `count`.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.http import JsonResponse
from rest_framework import status
from rest_framework.pagination import PageNumberPagination
from rest_framework.views import exception_handler


class Pagination(PageNumberPagination):
    page_size_query_param = "pageSize"
    max_page_size = 100


def problem_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None
    detail = response.data
    problem = {
        "type": "about:blank",
        "title": status_title(response.status_code),
        "status": response.status_code,
    }
    if isinstance(detail, dict) and set(detail) == {"detail"}:
        problem["detail"] = str(detail["detail"])
    else:
        problem["invalidParams"] = [
            {
                "name": name,
                "reason": " ".join(map(str, reasons if isinstance(reasons, list) else [reasons])),
            }
            for name, reasons in (detail.items() if isinstance(detail, dict) else [("", detail)])
        ]
    response.data = problem
    response.content_type = "application/problem+json"
    return response


def status_title(code: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(code).phrase
    except ValueError:
        return "Error"


class ApiVersionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            response["API-Version"] = settings.API_VERSION
        return response


PROBLEM_TYPE = "application/problem+json"
# Headers an error answer must keep: what to do next (405 Allow, 401 WWW-Authenticate,
# 429/503 Retry-After), and the API version.
_KEPT_HEADERS = ("Allow", "WWW-Authenticate", "Retry-After", "API-Version")


def _detail(response) -> str | None:
    """The `detail` of a plain JSON error body, if any; never the body of an HTML page
    (a debug page holds a stack trace)."""
    if not response.get("Content-Type", "").startswith("application/json"):
        return None
    try:
        body = json.loads(response.content)
    except (ValueError, AttributeError):
        return None
    detail = body.get("detail") if isinstance(body, dict) else None
    return str(detail) if detail else None


def problem_response(status_code: int, *, detail: str | None = None) -> JsonResponse:
    problem = {"type": "about:blank", "title": status_title(status_code), "status": status_code}
    if detail:
        problem["detail"] = detail
    return JsonResponse(problem, status=status_code, content_type=PROBLEM_TYPE)


class ProblemMiddleware:
    """Every error under /api/ answers application/problem+json (RFC 9457), also those
    that never reach DRF's exception handler: an unknown URL (the resolver's 404), an
    unhandled exception (Django's 500 page), an error answered by another middleware.
    Placed near the top, so that it sees the responses of all the others."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            not request.path.startswith("/api/")
            or response.status_code < 400
            or response.get("Content-Type", "").startswith(PROBLEM_TYPE)
            or getattr(response, "streaming", False)
        ):
            return response
        problem = problem_response(response.status_code, detail=_detail(response))
        for header in _KEPT_HEADERS:
            if header in response:
                problem[header] = response[header]
        problem.cookies = response.cookies
        return problem


__all__ = [
    "Pagination",
    "problem_exception_handler",
    "problem_response",
    "ApiVersionMiddleware",
    "ProblemMiddleware",
    "status",
]
