"""A start in the past and 0 places are refused with a clear Dutch message: on the
meeting form (team and partner), on a member's own activity, and in the services
behind them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ..models import Event
from ..services import event_create, event_update
from .factories import EventFactory
from .test_manage import form_data

pytestmark = pytest.mark.django_db
PAST = "mag niet in het verleden liggen"
NO_PLACES = "minstens 1 plaats nodig"


def _errors(response, field: str) -> str:
    return " ".join(response.context["form"].errors[field])


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"starts_at": "2020-03-30T14:00", "ends_at": "2020-03-30T17:00"}, "starts_at", PAST),
        ({"capacity": "0"}, "capacity", NO_PLACES),
        ({"registration_closes_at": "2020-01-01T10:00"}, "registration_closes_at", "verleden"),
    ],
)
def test_the_meeting_form_refuses_the_past_and_zero_places(
    client_for, staff_user, changes, field, message
):
    response = client_for(staff_user).post("/beheer/bijeenkomsten/nieuw", form_data(**changes))
    assert response.status_code == 200
    assert message in _errors(response, field)
    assert not Event.objects.exists()
    assert 'value="Regiobijeenkomst Oost"' in response.content.decode()  # kept what was typed


def test_the_capacity_field_says_one_is_the_minimum(client_for, staff_user):
    page = client_for(staff_user).get("/beheer/bijeenkomsten/nieuw").content.decode()
    assert 'name="capacity" min="1"' in page or 'min="1"' in page.split('name="capacity"')[1][:200]


def test_a_partner_gets_the_same_refusal(client_for):
    from olievlek.network.tests.factories import ContactPersonFactory

    partner = ContactPersonFactory(organisation__is_partner=True).user
    response = client_for(partner).post("/beheer/bijeenkomsten/nieuw", form_data(capacity="0"))
    assert NO_PLACES in _errors(response, "capacity")


def test_a_members_own_activity_cannot_start_in_the_past(client_for, user_a):
    response = client_for(user_a).post(
        "/mijn/activiteiten/nieuw",
        form_data(kind="workshop", starts_at="2020-05-01T10:00", ends_at="2020-05-01T12:00"),
    )
    assert response.status_code == 200
    assert PAST in _errors(response, "starts_at")
    assert not Event.objects.exists()


def test_a_members_own_activity_needs_places(client_for, user_a):
    response = client_for(user_a).post(
        "/mijn/activiteiten/nieuw", form_data(kind="workshop", capacity="0")
    )
    assert NO_PLACES in _errors(response, "capacity")


def _data(**changes):
    start = timezone.now() + timedelta(days=3)
    data = {
        "kind": "bijeenkomst",
        "title": "Dienst",
        "address": "Markt 1",
        "city": "Zwolle",
        "starts_at": start,
        "ends_at": start + timedelta(hours=2),
        "capacity": 10,
    }
    data.update(changes)
    return data


def test_the_service_refuses_a_start_in_the_past(staff_user):
    start = timezone.now() - timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        event_create(
            actor=staff_user,
            organiser=None,
            data=_data(starts_at=start, ends_at=start + timedelta(hours=2)),
            themes=["apk"],
        )
    assert PAST in " ".join(error.value.message_dict["starts_at"])


def test_the_service_refuses_zero_places(staff_user):
    with pytest.raises(ValidationError) as error:
        event_create(actor=staff_user, organiser=None, data=_data(capacity=0), themes=["apk"])
    assert NO_PLACES in " ".join(error.value.message_dict["capacity"])


def test_the_service_refuses_moving_a_meeting_into_the_past(staff_user):
    event = EventFactory()
    start = timezone.now() - timedelta(hours=5)
    with pytest.raises(ValidationError, match="verleden"):
        event_update(
            event=event,
            actor=staff_user,
            data={"starts_at": start, "ends_at": start + timedelta(hours=1)},
            themes=["apk"],
        )


def test_a_past_meeting_can_still_be_corrected(client_for, staff_user):
    event = EventFactory(past=True, title="Oud")  # its start has seconds; the form has not
    start = timezone.localtime(event.starts_at).strftime("%Y-%m-%dT%H:%M")
    end = timezone.localtime(event.ends_at).strftime("%Y-%m-%dT%H:%M")
    response = client_for(staff_user).post(
        f"/beheer/bijeenkomsten/{event.pk}/",
        form_data(title="Oud, verbeterd", starts_at=start, ends_at=end),
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Oud, verbeterd"


def test_a_division_refuses_a_session_in_the_past(staff_user):
    from olievlek.network.tests.factories import OrganisationFactory

    from ..services import division_create

    with pytest.raises(ValidationError) as error:
        division_create(
            title="Koplopers",
            sessions=[EventFactory(session=True, past=True)],
            organisations=[OrganisationFactory()],
            actor=staff_user,
        )
    assert "nog niet begonnen zijn" in " ".join(error.value.message_dict["sessions"])


def test_the_division_form_offers_only_sessions_to_come(client_for, staff_user):
    EventFactory(session=True, past=True, title="Oude sessie")
    EventFactory(session=True, title="Nieuwe sessie")
    page = client_for(staff_user).get("/beheer/bijeenkomsten/indelingen/nieuw").content.decode()
    assert "Nieuwe sessie" in page and "Oude sessie" not in page


def test_a_division_refuses_a_draft_session(staff_user):
    from olievlek.network.tests.factories import OrganisationFactory

    from ..services import division_create

    with pytest.raises(ValidationError, match="Publiceer eerst de sessies"):
        division_create(
            title="Koplopers",
            sessions=[EventFactory(session=True, draft=True)],
            organisations=[OrganisationFactory()],
            actor=staff_user,
        )
