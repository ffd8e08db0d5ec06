"""A meeting the project team makes starts as a draft: nobody outside the team sees it
in the calendar, on its page, in the feed, the search or the API until the team
publishes it on purpose."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from olievlek.accounts.tests.support import api_key_for
from olievlek.audit.models import AuditEntry
from olievlek.knowledge.search import search
from olievlek.network.tests.factories import ContactPersonFactory

from .. import selectors, services
from ..choices import ReviewState
from ..models import Event
from .factories import EventFactory
from .test_manage import form_data

pytestmark = pytest.mark.django_db
TITLE = "Conceptmiddag"


@pytest.fixture
def partner():
    return ContactPersonFactory(organisation__is_partner=True).user


@pytest.fixture
def draft(client_for, staff_user, django_capture_on_commit_callbacks) -> Event:
    with django_capture_on_commit_callbacks(execute=True):
        client_for(staff_user).post("/beheer/bijeenkomsten/nieuw", form_data(title=TITLE))
    return Event.objects.get(title=TITLE)


def _people(request, role):
    return {
        "anon": None,
        "member": lambda: request.getfixturevalue("user_a"),
        "partner": lambda: request.getfixturevalue("partner"),
    }[role]


def test_a_meeting_made_by_the_team_starts_as_a_draft(draft):
    assert draft.review_state == ReviewState.DRAFT


@pytest.mark.parametrize("role", ["anon", "member", "partner"])
def test_a_draft_is_hidden_from_everyone_outside_the_team(request, role, draft, client_for):
    person = _people(request, role)
    user = person() if person else None
    client = client_for(user)
    assert TITLE not in client.get("/bijeenkomsten/").content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(f"/bijeenkomsten/{draft.slug}/agenda.ics").status_code == 404
    assert TITLE not in client.get("/bijeenkomsten/agenda.ics").content.decode()
    if user is not None:
        assert not selectors.events_visible_to(user).filter(pk=draft.pk).exists()


def test_a_draft_is_not_in_the_api_for_a_member(client, user_a, draft):
    auth = {"HTTP_AUTHORIZATION": f"Token {api_key_for(user_a)}"}
    response = client.get("/api/v1/bijeenkomsten", **auth)
    assert response.status_code == 200
    assert TITLE not in response.content.decode()


def test_a_draft_is_not_found_by_the_search(draft):
    _results, hits = search(q="conceptmiddag", kind="event")
    assert list(hits) == []


def test_the_team_sees_its_draft_in_the_calendar_and_on_its_page(client_for, staff_user, draft):
    client = client_for(staff_user)
    detail = client.get(draft.get_absolute_url()).content.decode()
    assert "Niet gepubliceerd (Concept)" in detail
    assert TITLE in client.get("/bijeenkomsten/").content.decode()
    page = client.get(f"/beheer/bijeenkomsten/{draft.pk}/").content.decode()
    assert "Concept" in page and "Publiceren" in page


def test_publishing_a_draft_makes_it_public_everywhere(
    client, client_for, staff_user, draft, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(staff_user).post(f"/beheer/bijeenkomsten/{draft.pk}/publiceren")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.review_state == ReviewState.PUBLISHED
    assert TITLE in client.get("/bijeenkomsten/").content.decode()
    assert TITLE in client.get("/bijeenkomsten/agenda.ics").content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 200
    _results, hits = search(q="conceptmiddag", kind="event")
    assert [hit.title for hit in hits] == [TITLE]
    assert AuditEntry.objects.filter(action="event.publish").exists()
    assert mail.outbox == []  # the team published its own meeting: nobody to tell


def test_a_member_cannot_publish_a_draft(client_for, user_a, partner, draft):
    for person in (user_a, partner):
        response = client_for(person).post(f"/beheer/bijeenkomsten/{draft.pk}/publiceren")
        assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.review_state == ReviewState.DRAFT


def test_a_draft_cannot_be_rejected_like_a_proposal(staff_user):
    with pytest.raises(ValidationError, match="wacht niet op beoordeling"):
        services.event_reject(event=EventFactory(draft=True), actor=staff_user, reason="Nee")


def test_a_rejected_meeting_cannot_be_published(staff_user):
    event = EventFactory(review_state=ReviewState.REJECTED)
    with pytest.raises(ValidationError, match="al gepubliceerd of is afgewezen"):
        services.event_publish(event=event, actor=staff_user)
