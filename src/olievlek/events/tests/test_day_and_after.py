"""On the day (check-in) and afterwards (follow-up actions)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from olievlek.audit.models import AuditEntry

from ..choices import Attendance
from ..models import FollowUp
from ..services import follow_up_create, follow_up_set_done, registration_mark_attendance
from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_staff_mark_presence_and_no_shows_on_the_day(client_for, staff_user):
    event = EventFactory(today=True)
    anna = RegistrationFactory(event=event, name="Anna")
    client = client_for(staff_user)
    url = f"/beheer/bijeenkomsten/{event.pk}/presentielijst/{anna.pk}"
    response = client.post(url, {"attendance": "present"}, HTTP_HX_REQUEST="true")
    assert response.templates[0].name == "events/backoffice/_checkin_row.html"
    assert "<strong>Aanwezig</strong>" in response.content.decode()
    anna.refresh_from_db()
    assert anna.attendance == Attendance.PRESENT
    client.post(url, {"attendance": "no_show"})
    anna.refresh_from_db()
    assert anna.attendance == Attendance.NO_SHOW
    assert AuditEntry.objects.filter(action="registration.attendance").count() == 2


def test_attendance_cannot_be_marked_before_the_day(staff_user):
    registration = RegistrationFactory(event=EventFactory())
    with pytest.raises(ValidationError, match="vanaf de dag"):
        registration_mark_attendance(
            registration=registration, attendance=Attendance.PRESENT, actor=staff_user
        )


def test_only_people_with_a_seat_are_checked_in(staff_user):
    registration = RegistrationFactory(event=EventFactory(today=True), waiting=True)
    with pytest.raises(ValidationError, match="Alleen mensen met een plaats"):
        registration_mark_attendance(
            registration=registration, attendance=Attendance.PRESENT, actor=staff_user
        )


def test_the_check_in_list_is_alphabetical_and_printable(client_for, staff_user):
    event = EventFactory(today=True)
    RegistrationFactory(event=event, name="Zeynep")
    RegistrationFactory(event=event, name="Anna")
    RegistrationFactory(event=event, name="Wachtende", waiting=True)
    response = client_for(staff_user).get(f"/beheer/bijeenkomsten/{event.pk}/presentielijst")
    assert [r.name for r in response.context["registrations"]] == ["Anna", "Zeynep"]
    page = response.content.decode()
    # The print button works from the static script (the CSP allows no inline handler).
    assert "data-print" in page and "ov-print-only" in page and "js/olievlek.js" in page
    script = open("src/olievlek/site/static/js/olievlek.js", encoding="utf-8").read()
    assert "[data-print]" in script and "window.print()" in script
    css = open("src/olievlek/site/static/css/olievlek.css", encoding="utf-8").read()
    assert "@media print" in css and ".ov-no-print" in css


def test_a_participant_logs_a_follow_up_and_marks_it_done():
    event = EventFactory(past=True)
    registration = RegistrationFactory(event=event)
    due = timezone.localdate() + timedelta(days=30)
    follow_up = follow_up_create(
        registration=registration,
        description=" Vitaliteitsbudget ",
        theme="gezondheid",
        due_date=due,
    )
    assert (follow_up.description, follow_up.event, follow_up.is_done) == (
        "Vitaliteitsbudget",
        event,
        False,
    )
    follow_up_set_done(follow_up=follow_up, done=True)
    assert FollowUp.objects.get().is_done


@pytest.mark.parametrize(
    ("event_kwargs", "registration_kwargs", "message"),
    [
        ({}, {}, "zodra de bijeenkomst begonnen"),
        ({"past": True}, {"waiting": True}, "Alleen deelnemers"),
        ({"past": True}, {"attendance": Attendance.NO_SHOW}, "Alleen deelnemers"),
    ],
)
def test_follow_ups_only_by_participants_after_the_start(
    event_kwargs, registration_kwargs, message
):
    registration = RegistrationFactory(event=EventFactory(**event_kwargs), **registration_kwargs)
    with pytest.raises(ValidationError, match=message):
        follow_up_create(
            registration=registration,
            description="x",
            theme="apk",
            due_date=timezone.localdate() + timedelta(days=3),
        )


def test_a_follow_up_cannot_be_due_before_the_meeting():
    event = EventFactory(past=True)
    with pytest.raises(ValidationError, match="op of na de bijeenkomst"):
        follow_up_create(
            registration=RegistrationFactory(event=event),
            description="x",
            theme="apk",
            due_date=timezone.localtime(event.starts_at).date() - timedelta(days=1),
        )


def test_a_member_adds_a_follow_up_in_the_member_area(client_for, user_a, org_a):
    event = EventFactory(past=True, title="Masterclass")
    RegistrationFactory(event=event, organisation=org_a)
    EventFactory(past=True, title="Niet bij geweest")
    client = client_for(user_a)
    form = client.get("/mijn/vervolgactiviteiten/nieuw").context["form"]
    assert [e.title for e in form.fields["event"].queryset] == ["Masterclass"]
    response = client.post(
        "/mijn/vervolgactiviteiten/nieuw",
        {
            "event": event.pk,
            "description": "Loopbaangesprekken plannen",
            "theme": "apk",
            "due_date": (timezone.localdate() + timedelta(days=60)).isoformat(),
        },
    )
    assert response.url == "/mijn/bijeenkomsten/"
    follow_up = FollowUp.objects.get()
    assert follow_up.organisation == org_a
    page = client.get("/mijn/bijeenkomsten/").content.decode()
    assert "Loopbaangesprekken plannen" in page
    client.post(f"/mijn/vervolgactiviteiten/{follow_up.pk}/afgerond", {"done": "1"})
    follow_up.refresh_from_db()
    assert follow_up.is_done


def test_a_visitor_logs_a_follow_up_through_the_personal_link(client):
    registration = RegistrationFactory(event=EventFactory(past=True))
    response = client.post(
        registration.get_absolute_url(),
        {
            "action": "follow_up",
            "description": "Teamoverleg over roosters",
            "theme": "organisatie",
            "due_date": (timezone.localdate() + timedelta(days=10)).isoformat(),
        },
    )
    assert response.status_code == 302
    follow_up = registration.follow_ups.get()
    client.post(
        registration.get_absolute_url(), {"action": "done", "follow_up": follow_up.pk, "done": "1"}
    )
    follow_up.refresh_from_db()
    assert follow_up.is_done


@pytest.mark.parametrize("value", ["abc", "", "1.5", "-1", "99999999999999999999"])
def test_a_tampered_follow_up_id_is_not_found_not_a_server_error(value, client):
    registration = RegistrationFactory(event=EventFactory(past=True))
    client.raise_request_exception = False
    response = client.post(
        registration.get_absolute_url(), {"action": "done", "follow_up": value, "done": "1"}
    )
    assert response.status_code == 404


def test_staff_see_the_follow_ups_per_meeting(client_for, staff_user):
    event = EventFactory(past=True)
    other = EventFactory(past=True)
    for e, text in ((event, "Hier"), (other, "Elders")):
        follow_up_create(
            registration=RegistrationFactory(event=e),
            description=text,
            theme="apk",
            due_date=timezone.localdate(),
        )
    response = client_for(staff_user).get(f"/beheer/bijeenkomsten/{event.pk}/vervolgactiviteiten")
    assert [f.description for f in response.context["follow_ups"]] == ["Hier"]
