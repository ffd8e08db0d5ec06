"""Cookieless page counting, the way privacy-friendly analytics do it.

A visitor is ``sha256(daily salt | address | user agent)``: the same person is counted
once per day and path group, but the hash cannot be linked to another day, because the
salt is random, kept (in the shared cache, never in the database) only for that day, and
the day's hashes are deleted as soon as a later day begins. Addresses and user agents
are never stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets

from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from ..models import DailyVisits, VisitorSeen

ALL = "*"  # the group that counts the whole site
_SEGMENT = re.compile(r"^[a-z0-9-]{1,40}$")


def path_group(path: str) -> str:
    """The first segment of the path (``home`` for the front page)."""
    segment = path.strip("/").split("/", 1)[0].lower()
    if not segment:
        return "home"
    return segment if _SEGMENT.match(segment) else "other"


def _seconds_left(day: dt.date) -> int:
    end = dt.datetime.combine(
        day + dt.timedelta(days=1), dt.time(), timezone.get_current_timezone()
    )
    return max(60, int((end - timezone.now()).total_seconds()) + 60)


def _salt(day: dt.date) -> str:
    """Today's salt, shared by every app server through the cache (never the database),
    and expiring with the day; yesterday's is deleted as soon as today's exists."""
    key = f"impact:salt:{day.isoformat()}"
    if cache.add(key, secrets.token_hex(32), _seconds_left(day)):
        cache.delete(f"impact:salt:{(day - dt.timedelta(days=1)).isoformat()}")
    return cache.get(key)


def visits_forget_before(day: dt.date) -> None:
    """Delete the salts and visitor hashes of every day before ``day``: from then on, the
    counts of those days can no longer be tied to anybody."""
    VisitorSeen.objects.filter(day__lt=day).delete()
    cache.delete(f"impact:salt:{(day - dt.timedelta(days=1)).isoformat()}")


def visitor_digest(*, address: str, user_agent: str, day: dt.date | None = None) -> str:
    day = day or timezone.localdate()
    return hashlib.sha256(f"{_salt(day)}|{address}|{user_agent}".encode()).hexdigest()


def _sql():
    quote = connection.ops.quote_name
    seen, visits = quote(VisitorSeen._meta.db_table), quote(DailyVisits._meta.db_table)
    day, group, digest = quote("day"), quote("group"), quote("digest")
    views, visitors = quote("page_views"), quote("visitors")
    # Only identifiers from the models, quoted by the backend; every value is a parameter.
    forget = f"DELETE FROM {seen} WHERE {day} < %s"  # noqa: S608
    remember = (
        f"INSERT INTO {seen} ({day}, {group}, {digest}) VALUES (%s, %s, %s), (%s, %s, %s) "  # noqa: S608
        f"ON CONFLICT ({day}, {group}, {digest}) DO NOTHING RETURNING {group}"
    )
    count = (
        f"INSERT INTO {visits} ({day}, {group}, {visitors}, {views}) "  # noqa: S608
        f"VALUES (%s, %s, %s, 1), (%s, %s, %s, 1) ON CONFLICT ({day}, {group}) DO UPDATE SET "
        f"{views} = {visits}.{views} + 1, {visitors} = {visits}.{visitors} + excluded.{visitors}"
    )
    return forget, remember, count


def visit_record(*, path: str, address: str, user_agent: str, when: dt.datetime | None = None):
    """Count one page view of ``path``: three statements whatever the state of the day
    (forget past days' hashes, remember this visitor for today, add to the counts), so a
    page costs the same on its first and its thousandth view. Each statement stands on its
    own (no transaction, no savepoint): a lost count is better than a slower page."""
    day = timezone.localdate(when) if when else timezone.localdate()
    digest = visitor_digest(address=address, user_agent=user_agent, day=day)
    group = path_group(path)
    forget, remember, count = _sql()
    with connection.cursor() as cursor:
        cursor.execute(forget, [day])
        cursor.execute(remember, [day, group, digest, day, ALL, digest])
        new = {row[0] for row in cursor.fetchall()}
        cursor.execute(count, [day, group, int(group in new), day, ALL, int(ALL in new)])
