"""The visitor survey: anonymous answers, guarded against bots by a honeypot and a rate
limit on the (daily, salted) visitor hash; nothing about the visitor is kept."""

from __future__ import annotations

from django.core.cache import cache
from django.db import transaction

from ..models import SurveyResponse
from .visits import visitor_digest

RATE_LIMIT = 3  # answers per visitor per hour
RATE_WINDOW = 3600


class SurveyRefused(Exception):
    """The answer looks automated, or comes too often; ``reason`` says which."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _rate_key(*, address: str, user_agent: str) -> str:
    return f"impact:survey:{visitor_digest(address=address, user_agent=user_agent)}"


@transaction.atomic
def survey_submit(
    *, answers: dict, honeypot: str, address: str, user_agent: str
) -> SurveyResponse | None:
    """Store one answer. A filled honeypot is refused silently by the caller (a bot should
    not learn what gave it away); too many answers raise ``SurveyRefused("rate")``."""
    if honeypot.strip():
        raise SurveyRefused("honeypot")
    key = _rate_key(address=address, user_agent=user_agent)
    cache.add(key, 0, RATE_WINDOW)
    if cache.incr(key) > RATE_LIMIT:
        raise SurveyRefused("rate")
    response = SurveyResponse(**answers)
    response.full_clean()
    response.save()
    return response
