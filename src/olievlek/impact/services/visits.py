"""Cookieless page counting, the way privacy-friendly analytics do it.

A visitor is ``sha256(daily salt | address | user agent)``: the same person is counted
once per day and path group, but the hash cannot be linked to another day, because the
salt is random, kept only for that day, and deleted (with the day's hashes) as soon as a
later day begins. Addresses and user agents are never stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ..models import DailySalt, DailyVisits, VisitorSeen

ALL = "*"  # the group that counts the whole site
_SEGMENT = re.compile(r"^[a-z0-9-]{1,40}$")


def path_group(path: str) -> str:
    """The first segment of the path (``home`` for the front page)."""
    segment = path.strip("/").split("/", 1)[0].lower()
    if not segment:
        return "home"
    return segment if _SEGMENT.match(segment) else "other"


def _salt(day: dt.date) -> str:
    found = DailySalt.objects.filter(day=day).values_list("salt", flat=True).first()
    if found is not None:
        return found
    visits_forget_before(day)
    try:
        with transaction.atomic():
            return DailySalt.objects.create(day=day, salt=secrets.token_hex(32)).salt
    except IntegrityError:  # another request made today's salt first
        return DailySalt.objects.get(day=day).salt


def visits_forget_before(day: dt.date) -> None:
    """Delete the salts and visitor hashes of every day before ``day``: from then on, the
    counts of those days can no longer be tied to anybody."""
    VisitorSeen.objects.filter(day__lt=day).delete()
    DailySalt.objects.filter(day__lt=day).delete()


def _bump(*, day: dt.date, group: str, new_visitor: bool) -> None:
    changes = {"page_views": F("page_views") + 1}
    if new_visitor:
        changes["visitors"] = F("visitors") + 1
    if DailyVisits.objects.filter(day=day, group=group).update(**changes):
        return
    try:
        with transaction.atomic():
            DailyVisits.objects.create(
                day=day, group=group, page_views=1, visitors=int(new_visitor)
            )
    except IntegrityError:  # created meanwhile by a parallel request
        DailyVisits.objects.filter(day=day, group=group).update(**changes)


def visitor_digest(*, address: str, user_agent: str, day: dt.date | None = None) -> str:
    day = day or timezone.localdate()
    return hashlib.sha256(f"{_salt(day)}|{address}|{user_agent}".encode()).hexdigest()


@transaction.atomic
def visit_record(*, path: str, address: str, user_agent: str, when: dt.datetime | None = None):
    """Count one page view of ``path``."""
    day = timezone.localdate(when) if when else timezone.localdate()
    digest = visitor_digest(address=address, user_agent=user_agent, day=day)
    for group in (path_group(path), ALL):
        _, created = VisitorSeen.objects.get_or_create(day=day, group=group, digest=digest)
        _bump(day=day, group=group, new_visitor=created)
