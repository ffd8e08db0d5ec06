"""Dividing a group over sessions: invitations, availability, the engine's proposal,
moving people, and publishing (registrations and mails)."""

from __future__ import annotations

from collections import Counter

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from olievlek.engines import grouping
from olievlek.network.tests.factories import ContactPersonFactory, OrganisationFactory

from ..choices import DivisionState, RegistrationState
from ..models import Division
from ..services import (
    availability_set,
    division_create,
    division_move,
    division_publish,
    division_send_invitations,
    division_solve_start,
)
from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
SECTORS = "CFGQ"


@pytest.fixture
def setting(staff_user):
    """Twelve invitees of four sectors (each with a contact), three sessions of four."""
    sessions = [EventFactory(session=True, capacity=4, title=f"Sessie {n}") for n in (1, 2, 3)]
    organisations = [
        ContactPersonFactory(
            organisation__sector=SECTORS[n % 4], organisation__name=f"Org {n:02d}"
        ).organisation
        for n in range(12)
    ]
    division = division_create(
        title="Koplopers", sessions=sessions, organisations=organisations, actor=staff_user
    )
    return division, sessions, organisations


def invitee(division, organisation):
    return division.invitees.get(organisation=organisation)


def solve(division, staff_user, on_commit):
    with on_commit():
        division_solve_start(division=division, actor=staff_user)
    division.refresh_from_db()
    return division


def test_invitations_go_to_every_invitee_with_its_own_link(setting, staff_user, on_commit):
    division, _sessions, organisations = setting
    OrganisationFactory()  # not invited
    with on_commit():
        mailed = division_send_invitations(division=division, actor=staff_user)
    assert mailed == 12 and len(mail.outbox) == 12
    first = invitee(division, organisations[0])
    to_first = next(m for m in mail.outbox if m.to == [organisations[0].contacts.get().user.email])
    assert first.get_absolute_url() in to_first.body
    assert "Sessie 1" in to_first.body
    division.refresh_from_db()
    assert division.state == DivisionState.COLLECTING


def test_an_invitee_without_any_address_is_skipped(staff_user, on_commit):
    session = EventFactory(session=True)
    division = division_create(
        title="X", sessions=[session], organisations=[OrganisationFactory()], actor=staff_user
    )
    with on_commit():
        assert division_send_invitations(division=division, actor=staff_user) == 0
    assert mail.outbox == []


def test_the_availability_link_saves_the_answer(setting, client):
    division, sessions, organisations = setting
    me = invitee(division, organisations[0])
    response = client.post(me.get_absolute_url(), {"sessions": [sessions[0].pk, sessions[2].pk]})
    assert response.status_code == 302
    me.refresh_from_db()
    assert set(me.available_sessions.all()) == {sessions[0], sessions[2]}
    assert me.responded_at is not None


def test_only_sessions_of_the_division_can_be_chosen(setting):
    division, _sessions, organisations = setting
    with pytest.raises(ValidationError):
        availability_set(
            invitee=invitee(division, organisations[0]), sessions=[EventFactory(session=True)]
        )


def test_the_proposal_is_the_engines_optimum(setting, staff_user, on_commit):
    division, sessions, organisations = setting
    for n, organisation in enumerate(organisations):
        # Everyone can come to session 1; every other one to session 2 as well.
        chosen = [sessions[0]] + ([sessions[1]] if n % 2 else []) + ([sessions[2]] if n < 3 else [])
        availability_set(invitee=invitee(division, organisation), sessions=chosen)
    division = solve(division, staff_user, on_commit)
    assert division.state == DivisionState.PROPOSED and division.progress == 100
    invitees = list(division.invitees.select_related("organisation"))
    per_session = Counter(i.assigned_session_id for i in invitees if i.assigned_session_id)
    assert all(count <= 4 for count in per_session.values())
    for i in invitees:
        if i.assigned_session_id:
            assert i.available_sessions.filter(pk=i.assigned_session_id).exists()
    # The same instance solved by the engine directly gives the same figures.
    instance = grouping.Instance(
        sessions=tuple(grouping.Session(f"e{s.pk}", 4) for s in sessions),
        participants=tuple(
            grouping.Participant(
                f"i{i.pk}",
                i.organisation.sector,
                tuple(f"e{s.pk}" for s in i.available_sessions.all()),
            )
            for i in invitees
        ),
    )
    expected = grouping.solve(instance)
    assert (division.placed, division.imbalance) == (expected.placed, expected.imbalance)
    assert division.placed == 11  # 4 + 4 + 3: session 3 has three candidates


def test_places_taken_by_others_are_not_given_away(setting, staff_user, on_commit):
    division, sessions, organisations = setting
    RegistrationFactory.create_batch(3, event=sessions[0])
    for organisation in organisations:
        availability_set(invitee=invitee(division, organisation), sessions=[sessions[0]])
    division = solve(division, staff_user, on_commit)
    assert division.placed == 1


def test_moving_someone_within_the_free_places(setting, staff_user, on_commit):
    division, sessions, organisations = setting
    for organisation in organisations:
        availability_set(invitee=invitee(division, organisation), sessions=sessions)
    division = solve(division, staff_user, on_commit)
    assert division.placed == 12
    first = division.invitees.filter(assigned_session=sessions[0]).first()
    with pytest.raises(ValidationError, match="vol"):
        division_move(invitee=first, session=sessions[1], actor=staff_user)
    division_move(invitee=first, session=None, actor=staff_user)
    division.refresh_from_db()
    assert division.placed == 11
    second = division.invitees.filter(assigned_session=sessions[1]).first()
    division_move(invitee=second, session=sessions[0], actor=staff_user)
    division_move(invitee=first, session=sessions[1], actor=staff_user)
    division.refresh_from_db()
    assert division.placed == 12
    # The score follows the moves: the sum over sessions and sectors of n².
    counts = Counter(division.invitees.values_list("assigned_session", "organisation__sector"))
    assert division.imbalance == sum(n * n for n in counts.values())


def test_publishing_creates_confirmed_registrations_and_mails_them(setting, staff_user, on_commit):
    division, sessions, organisations = setting
    for organisation in organisations:
        availability_set(invitee=invitee(division, organisation), sessions=sessions)
    division = solve(division, staff_user, on_commit)
    mail.outbox.clear()
    with on_commit():
        created = division_publish(division=division, actor=staff_user)
    assert created == 12
    division.refresh_from_db()
    assert division.state == DivisionState.PUBLISHED
    for session in sessions:
        registrations = session.registrations.filter(state=RegistrationState.CONFIRMED)
        assert registrations.count() == 4
        assert [r.sequence for r in registrations.order_by("sequence")] == [1, 2, 3, 4]
        assert set(session.invited_organisations.all()) == {r.organisation for r in registrations}
    assert len(mail.outbox) == 12
    assert all(m.subject.startswith("[Olievlek] Uw plaats: Sessie") for m in mail.outbox)
    with pytest.raises(ValidationError):
        division_publish(division=division, actor=staff_user)  # once only
    with pytest.raises(ValidationError):
        availability_set(invitee=division.invitees.first(), sessions=[])


def test_publishing_refuses_when_places_were_taken_meanwhile(setting, staff_user, on_commit):
    division, sessions, organisations = setting
    for organisation in organisations:
        availability_set(invitee=invitee(division, organisation), sessions=sessions)
    division = solve(division, staff_user, on_commit)
    RegistrationFactory(event=sessions[2])
    with pytest.raises(ValidationError, match="3 vrije plaatsen voor 4"):
        division_publish(division=division, actor=staff_user)
    assert not sessions[0].registrations.exists()  # nothing written


def test_sessions_must_be_sessions_by_invitation(staff_user):
    with pytest.raises(ValidationError):
        division_create(
            title="X",
            sessions=[EventFactory()],
            organisations=[OrganisationFactory()],
            actor=staff_user,
        )


def test_staff_create_a_division_of_the_front_runners_through_the_form(client_for, staff_user):
    sessions = [EventFactory(session=True) for _ in range(2)]
    koplopers = OrganisationFactory.create_batch(3, koploper=True)
    OrganisationFactory()  # not a front-runner
    response = client_for(staff_user).post(
        "/beheer/bijeenkomsten/indelingen/nieuw",
        {"title": "Koplopers", "group": "koplopers", "sessions": [s.pk for s in sessions]},
    )
    division = Division.objects.get()
    assert response.url == division.get_absolute_url()
    assert {i.organisation for i in division.invitees.all()} == set(koplopers)


def test_the_progress_is_polled_while_the_calculation_runs(setting, client_for, staff_user):
    division, _sessions, _organisations = setting
    Division.objects.filter(pk=division.pk).update(state=DivisionState.SOLVING, progress=30)
    response = client_for(staff_user).get(
        f"{division.get_absolute_url()}?part=status", HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert 'hx-trigger="every 1s"' in page and 'value="30"' in page
