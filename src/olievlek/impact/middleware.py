"""Counts public page views without cookies (see `services.visits`), and keeps the
survey's page counter: a first-party cookie holding only a number or ``done``."""

from __future__ import annotations

import logging

from django.db import DatabaseError

from .services.visits import visit_record

log = logging.getLogger(__name__)

SURVEY_COOKIE = "ov_enquete"
SURVEY_AFTER = 3  # pages seen before the survey block appears
SKIPPED = (
    "/api/",
    "/static/",
    "/media/",
    "/admin/",
    "/beheer/",
    "/mijn/",
    "/accounts/",
    "/taal/",
    "/impact/enquete",
    "/impact/csv",
    "/impact/rapport",
)
BOTS = ("bot", "crawl", "spider", "slurp", "headless-check")


def pages_seen(request) -> int | None:
    """Pages counted for the survey, or None once it was answered or dismissed."""
    value = request.COOKIES.get(SURVEY_COOKIE, "0")
    if value == "done":
        return None
    return int(value) if value.isdigit() and len(value) < 4 else 0


def mark_survey_done(response) -> None:
    response.set_cookie(SURVEY_COOKIE, "done", max_age=365 * 86400, samesite="Lax", httponly=True)


class VisitCountingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seen = pages_seen(request)
        if seen is not None and seen >= SURVEY_AFTER - 1:
            # This page may carry the survey block: keep it out of the shared page cache.
            request.olievlek_personal = True
        response = self.get_response(request)
        if not self._is_page_view(request, response):
            return response
        try:
            visit_record(
                path=request.path,
                address=request.META.get("REMOTE_ADDR", ""),
                user_agent=request.META.get("HTTP_USER_AGENT", "")[:500],
            )
        except DatabaseError:  # counting must never break a page
            log.exception("page view not counted")
        if seen is not None and SURVEY_COOKIE not in response.cookies:
            response.set_cookie(
                SURVEY_COOKIE,
                str(min(seen + 1, 99)),
                max_age=365 * 86400,
                samesite="Lax",
                httponly=True,
            )
        return response

    @staticmethod
    def _is_page_view(request, response) -> bool:
        if request.method != "GET" or response.status_code != 200:
            return False
        if not response.get("Content-Type", "").startswith("text/html"):
            return False
        if request.path.startswith(SKIPPED) or getattr(request, "htmx", False):
            return False
        agent = request.META.get("HTTP_USER_AGENT", "").lower()
        return not any(bot in agent for bot in BOTS)
