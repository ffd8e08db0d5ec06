"""Moving an invitee into a session that does not suit its availability warns first,
naming the conflict; after confirming, the move goes through."""

from __future__ import annotations

import pytest

from olievlek.audit.models import AuditEntry

from ..services import availability_set, division_move
from ..services.divisions import AvailabilityConflict
from .test_divisions import invitee, setting, solve  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposed(setting, staff_user, on_commit):  # noqa: F811
    """Org 00 can come to session 1 only; everyone else to every session."""
    division, sessions, organisations = setting
    availability_set(invitee=invitee(division, organisations[0]), sessions=[sessions[0]])
    for organisation in organisations[1:]:
        availability_set(invitee=invitee(division, organisation), sessions=sessions)
    division = solve(division, staff_user, on_commit)
    first = invitee(division, organisations[0])
    # Make room in session 2 so only the availability stands in the way.
    someone = division.invitees.filter(assigned_session=sessions[1]).first()
    division_move(invitee=someone, session=None, actor=staff_user)
    return division, sessions, first


def test_a_move_against_the_availability_is_refused_naming_the_conflict(proposed, staff_user):
    _division, sessions, first = proposed
    with pytest.raises(AvailabilityConflict) as conflict:
        division_move(invitee=first, session=sessions[1], actor=staff_user)
    message = " ".join(conflict.value.messages)
    assert "Org 00" in message and "Sessie 1" in message and "Sessie 2" in message
    first.refresh_from_db()
    assert first.assigned_session == sessions[0]


def test_after_confirming_the_move_goes_through_and_is_audited(proposed, staff_user):
    _division, sessions, first = proposed
    division_move(invitee=first, session=sessions[1], actor=staff_user, confirmed=True)
    first.refresh_from_db()
    assert first.assigned_session == sessions[1]
    entry = AuditEntry.objects.filter(action="division.move").latest("pk")
    assert entry.data["against_availability"] is True


def test_an_invitee_without_an_answer_warns_too(setting, staff_user, on_commit):  # noqa: F811
    division, sessions, organisations = setting
    for organisation in organisations[1:]:
        availability_set(invitee=invitee(division, organisation), sessions=sessions)
    division = solve(division, staff_user, on_commit)
    silent = invitee(division, organisations[0])
    with pytest.raises(AvailabilityConflict, match="nog niet laten weten"):
        division_move(invitee=silent, session=sessions[2], actor=staff_user)


def test_the_page_warns_and_offers_to_move_anyway(proposed, client_for, staff_user):
    division, sessions, first = proposed
    url = f"/beheer/bijeenkomsten/indelingen/{division.pk}/verplaatsen/{first.pk}"
    client = client_for(staff_user)
    response = client.post(url, {"session": sessions[1].pk})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Org 00" in page and "alleen" in page and "Sessie 2" in page
    assert 'name="confirm" value="1"' in page
    first.refresh_from_db()
    assert first.assigned_session == sessions[0]
    response = client.post(url, {"session": sessions[1].pk, "confirm": "1"})
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.assigned_session == sessions[1]


def test_a_suitable_move_needs_no_confirmation(proposed, client_for, staff_user):
    division, sessions, first = proposed
    other = division.invitees.exclude(pk=first.pk).filter(assigned_session=sessions[0]).first()
    url = f"/beheer/bijeenkomsten/indelingen/{division.pk}/verplaatsen/{other.pk}"
    response = client_for(staff_user).post(url, {"session": sessions[1].pk})
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.assigned_session == sessions[1]
