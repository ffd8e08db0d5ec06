"""API conventions of the Logius REST API Design Rules, shared by every app.

- errors as application/problem+json (RFC 9457),
- the full API version in the `API-Version` response header,
- paginated lists with `count`.
"""

from __future__ import annotations

from django.conf import settings
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


__all__ = ["Pagination", "problem_exception_handler", "ApiVersionMiddleware", "status"]
