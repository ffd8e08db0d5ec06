"""iCalendar (RFC 5545) files of meetings, built with the `icalendar` library.

Times are written in Europe/Amsterdam with a VTIMEZONE component, so calendar programs
show the local time the meeting was announced in, also across a change of summer time.

The online meeting link is for confirmed registrants only: public files (a meeting's file,
the subscribable feed) say "online" without it; only a registrant's own file, reached
through the personal link in the mails, carries it (`with_online_url=True`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as ICalEvent

from .models import Event

LOCAL = ZoneInfo("Europe/Amsterdam")
PRODID = "-//Olievlek//Bijeenkomsten//NL"


def _uid(event: Event) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "olievlek"
    return f"bijeenkomst-{event.pk}@{host}"


def _location(event: Event, *, with_online_url: bool) -> str:
    parts = [event.venue, event.address, event.city]
    place = ", ".join(p for p in parts if p)
    if event.online_url:
        online = event.online_url if with_online_url else _("Online")
        return f"{place} / {online}" if place else online
    return place


def _component(event: Event, *, with_online_url: bool) -> ICalEvent:
    component = ICalEvent()
    component.add("uid", _uid(event))
    component.add("dtstamp", timezone.now())
    component.add("sequence", event.sequence)
    component.add("summary", event.title)
    component.add("dtstart", event.starts_at.astimezone(LOCAL))
    component.add("dtend", event.ends_at.astimezone(LOCAL))
    component.add("last-modified", event.updated_at)
    component.add("url", settings.SITE_URL.rstrip("/") + event.get_absolute_url())
    location = _location(event, with_online_url=with_online_url)
    if location:
        component.add("location", location)
    description = event.description
    if with_online_url and event.online_url:
        link = _("Online link: %(url)s") % {"url": event.online_url}
        description = f"{description}\n\n{link}" if description else link
    if description:
        component.add("description", description)
    themes = event.theme_labels
    if themes:
        component.add("categories", [str(t) for t in themes])
    component.add("status", "CONFIRMED")
    return component


def calendar_for(events: Iterable[Event], *, name: str, with_online_url: bool = False) -> bytes:
    """A calendar with the given meetings and the time zones they need.

    `with_online_url` only for a confirmed registrant's own file (see the module docstring).
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Amsterdam")
    events = list(events)
    for event in events:
        calendar.add_component(_component(event, with_online_url=with_online_url))
    if events:
        # Only the time-zone transitions around the meetings, not those of 1970-2038.
        first = min(e.starts_at for e in events).astimezone(LOCAL).date()
        last = max(e.ends_at for e in events).astimezone(LOCAL).date()
        calendar.add_missing_timezones(
            first_date=first - timedelta(days=366), last_date=last + timedelta(days=366)
        )
    return calendar.to_ical()
