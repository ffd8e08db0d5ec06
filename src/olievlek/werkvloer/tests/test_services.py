"""The self-scan's services: starting a round, codes, answering page by page, closing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from olievlek.engines.scan import ITEMS

from .. import services
from ..codes import code_hash
from ..models import Invitation, Response, ScanRound, TeamAction, TeamResult
from .factories import ScanRoundFactory, ScanTeamFactory, answer, fill

pytestmark = pytest.mark.django_db


def _teams(*specs):
    return [services.TeamSpec(name=n, expected_size=s) for n, s in specs]


def test_a_round_starts_with_its_teams(org_a, user_a):
    scan_round = services.round_create(
        organisation=org_a,
        name="Najaar",
        closes_on=timezone.localdate() + timedelta(days=7),
        teams=_teams(("Bakkerij", 12), ("Winkel", 6)),
        user=user_a,
    )
    assert [t.name for t in scan_round.teams.all()] == ["Bakkerij", "Winkel"]
    assert scan_round.is_open


def test_a_round_cannot_close_in_the_past(org_a):
    with pytest.raises(ValidationError):
        services.round_create(
            organisation=org_a,
            name="Oud",
            closes_on=timezone.localdate() - timedelta(days=1),
            teams=_teams(("A", 5)),
        )


def test_two_teams_with_the_same_name_are_refused(org_a):
    with pytest.raises(ValidationError):
        services.round_create(
            organisation=org_a,
            name="Dubbel",
            closes_on=timezone.localdate(),
            teams=_teams(("Winkel", 5), ("winkel", 6)),
        )


def test_codes_are_returned_once_and_only_their_hashes_stored():
    team = ScanTeamFactory()
    batch = services.invitations_create(team=team, count=5)
    assert len(set(batch)) == 5
    stored = set(Invitation.objects.values_list("code_hash", flat=True))
    assert stored == {code_hash(c) for c in batch}
    assert not stored & set(batch)
    team.refresh_from_db()
    assert team.codes_issued == 5


def test_no_codes_for_a_closed_round():
    team = ScanTeamFactory()
    services.round_close(scan_round=team.round)
    with pytest.raises(ValidationError):
        services.invitations_create(team=team, count=1)


def test_answers_are_saved_page_by_page_and_the_last_page_completes():
    team = ScanTeamFactory()
    (code,) = services.invitations_create(team=team, count=1)
    response, _ = services.response_start(code=code)
    services.response_save_page(response=response, page="was", data={"was": 6})
    services.response_save_page(
        response=response, page="gezondheid", data=dict.fromkeys(ITEMS["gezondheid"], 2)
    )
    response.refresh_from_db()
    assert (response.was, response.score_gezondheid, response.completed) == (6, 2.0, False)
    services.response_save_page(response=response, page="open", data={"open_answer": "Druk"})
    response.refresh_from_db()
    assert response.completed


def test_an_answer_outside_the_scale_is_refused():
    response = answer(ScanTeamFactory(), completed=False)
    with pytest.raises(ValidationError):
        services.response_save_page(response=response, page="apk", data={"a1": 9})


def test_closing_computes_team_results_in_the_database():
    scan_round = ScanRoundFactory()
    teams = fill(scan_round, {"Bakkerij": 6}, was=9, value=5)
    answer(teams["Bakkerij"], was=3, value=1)
    answer(teams["Bakkerij"], completed=False)
    services.round_close(scan_round=scan_round)
    result = TeamResult.objects.get(team=teams["Bakkerij"])
    assert result.respondents == 7
    assert (result.was_poor, result.was_good) == (1, 6)
    assert result.sum_apk == 31.0
    assert (result.low_apk, result.high_apk) == (1, 6)
    scan_round.refresh_from_db()
    assert scan_round.respondents == 7


def test_closing_drops_unused_codes_and_unfinished_answers():
    team = ScanTeamFactory()
    services.invitations_create(team=team, count=3)
    answer(team, completed=False)
    services.round_close(scan_round=team.round)
    assert not Invitation.objects.exists()
    assert not Response.objects.filter(completed=False).exists()


def test_a_round_past_its_date_closes_by_itself():
    scan_round = ScanRoundFactory(closes_on=timezone.localdate() - timedelta(days=1))
    assert services.rounds_close_due() == 1
    scan_round.refresh_from_db()
    assert not scan_round.is_open


def test_an_employee_deletes_their_answers():
    response = answer(ScanTeamFactory())
    services.response_delete(response=response)
    assert not Response.objects.exists()


def test_deleting_after_closing_leaves_the_team_results_alone():
    scan_round = ScanRoundFactory()
    team = fill(scan_round, {"A": 5})["A"]
    services.round_close(scan_round=scan_round)
    services.response_delete(response=Response.objects.first())
    assert TeamResult.objects.get(team=team).respondents == 5


def test_the_employer_records_an_agreed_action(user_a):
    team = ScanTeamFactory()
    services.team_action_create(
        team=team, theme="gezondheid", text="Pauzes inplannen", owner="Sanne", user=user_a
    )
    assert TeamAction.objects.get().text == "Pauzes inplannen"


def test_a_round_has_a_readable_name(org_a):
    assert "Scan" in str(ScanRoundFactory(organisation=org_a)) and ScanRound.objects.exists()
