"""iCal: what we produce parses, with the right times in the right time zone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from ..services import event_update
from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
UTC = ZoneInfo("UTC")


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_an_event_file_parses_with_local_times_and_a_time_zone(client):
    # 13:00 in winter is 12:00 UTC; 10:00 in summer is 08:00 UTC.
    winter = EventFactory(
        title="Masterclass & lunch",
        starts_at=datetime(2031, 1, 15, 12, 0, tzinfo=UTC),
        ends_at=datetime(2031, 1, 15, 15, 30, tzinfo=UTC),
    )
    calendar = parse(client.get(f"/bijeenkomsten/{winter.slug}/agenda.ics"))
    (event,) = calendar.events
    assert str(event["SUMMARY"]) == "Masterclass & lunch"
    assert event.start == datetime(2031, 1, 15, 13, 0, tzinfo=AMSTERDAM)
    assert event.start.tzinfo.key == "Europe/Amsterdam"
    assert event.end == winter.ends_at
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert [tz["TZID"] for tz in calendar.timezones] == ["Europe/Amsterdam"]
    assert str(event["LOCATION"]) == "Het Werkhuis, Stationsplein 1, Utrecht"
    assert str(event["URL"]).endswith(f"/bijeenkomsten/{winter.slug}/")
    assert str(event["UID"]) == f"bijeenkomst-{winter.pk}@127.0.0.1"


def test_summer_time_is_written_as_local_time_too(client):
    summer = EventFactory(starts_at=datetime(2031, 7, 1, 8, 0, tzinfo=UTC))
    (event,) = parse(client.get(f"/bijeenkomsten/{summer.slug}/agenda.ics")).events
    assert event.start.astimezone(AMSTERDAM).hour == 10
    assert event.start == summer.starts_at
    assert "T100000" in event["DTSTART"].to_ical().decode()


def test_an_online_meeting_s_public_file_says_online_without_the_link(client):
    online = EventFactory(online=True, description="Een gesprek.")
    response = client.get(f"/bijeenkomsten/{online.slug}/agenda.ics")
    (event,) = parse(response).events
    assert str(event["LOCATION"]) == "Online"
    assert str(event["DESCRIPTION"]) == "Een gesprek."
    assert b"meet.example" not in response.content


def test_the_feed_has_public_meetings_only(client, org_a):
    EventFactory(title="Open voor iedereen", themes=["apk", "gezondheid"])
    EventFactory(title="Alleen leden", members_only=True)
    EventFactory(title="Op uitnodiging", invited_only=True)
    calendar = parse(client.get("/bijeenkomsten/agenda.ics"))
    assert [str(e["SUMMARY"]) for e in calendar.events] == ["Open voor iedereen"]
    assert calendar["X-WR-TIMEZONE"] == "Europe/Amsterdam"
    (event,) = calendar.events
    assert event.categories == ["APK", "Gezondheid"]


def test_an_empty_feed_is_still_a_valid_calendar(client):
    calendar = parse(client.get("/bijeenkomsten/agenda.ics"))
    assert calendar.events == [] and calendar["VERSION"] == "2.0"


def test_a_change_raises_the_sequence_so_calendars_update(client, staff_user):
    event = EventFactory()
    first = parse(client.get(f"/bijeenkomsten/{event.slug}/agenda.ics")).events[0]
    event_update(event=event, actor=staff_user, data={"title": "Nieuwe titel"}, themes=["apk"])
    second = parse(client.get(f"/bijeenkomsten/{event.slug}/agenda.ics")).events[0]
    assert (first["SEQUENCE"], second["SEQUENCE"]) == (0, 1)
    assert first["UID"] == second["UID"]
    assert str(second["SUMMARY"]) == "Nieuwe titel"


def test_members_only_meetings_have_no_file_for_visitors(client, client_for, user_a):
    event = EventFactory(members_only=True)
    assert client.get(f"/bijeenkomsten/{event.slug}/agenda.ics").status_code == 404
    assert parse(client_for(user_a).get(f"/bijeenkomsten/{event.slug}/agenda.ics")).events


def test_the_feed_never_carries_the_online_link(client):
    EventFactory(online=True, title="Online gesprek")
    EventFactory(title="Hybride", online_url="https://meet.example/hybride")
    response = client.get("/bijeenkomsten/agenda.ics")
    calendar = parse(response)
    assert sorted(str(e["LOCATION"]) for e in calendar.events) == [
        "Het Werkhuis, Stationsplein 1, Utrecht / Online",
        "Online",
    ]
    assert b"meet.example" not in response.content


def test_a_confirmed_registrant_s_own_file_has_the_online_link(client):
    registration = RegistrationFactory(event=EventFactory(online=True))
    response = client.get(f"/bijeenkomsten/aanmelding/{registration.token}/agenda.ics")
    (event,) = parse(response).events
    assert str(event["LOCATION"]) == "https://meet.example/olie"
    assert "https://meet.example/olie" in str(event["DESCRIPTION"])


@pytest.mark.parametrize("trait", ["pending", "waiting", "cancelled"])
def test_an_unconfirmed_registrant_s_own_file_has_no_online_link(client, trait):
    registration = RegistrationFactory(event=EventFactory(online=True), **{trait: True})
    response = client.get(f"/bijeenkomsten/aanmelding/{registration.token}/agenda.ics")
    (event,) = parse(response).events
    assert str(event["LOCATION"]) == "Online"
    assert b"meet.example" not in response.content
