"""The employer's pages: starting a round, the code sheet, the results with suppressed
teams explained, the team kit and its PDF; never another organisation's rounds."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from .. import services
from ..models import Invitation, ScanRound, TeamAction
from .factories import ScanRoundFactory, fill

pytestmark = pytest.mark.django_db


def _closed(organisation, sizes, **kwargs):
    scan_round = ScanRoundFactory(organisation=organisation)
    teams = fill(scan_round, sizes, **kwargs)
    return services.round_close(scan_round=scan_round), teams


def test_an_employer_starts_a_round_with_teams(client_for, user_a, org_a):
    closes = (timezone.localdate() + timedelta(days=10)).isoformat()
    response = client_for(user_a).post(
        "/mijn/werkvloer/rondes/nieuw",
        {"name": "Voorjaar", "closes_on": closes, "teams": "Bakkerij, 12\nWinkel, 4"},
    )
    scan_round = ScanRound.objects.get(organisation=org_a)
    assert response.url == f"/mijn/werkvloer/rondes/{scan_round.pk}"
    assert scan_round.teams.count() == 2


def test_a_closing_date_in_the_past_is_refused_by_the_form(client_for, user_a):
    response = client_for(user_a).post(
        "/mijn/werkvloer/rondes/nieuw",
        {"name": "Voorjaar", "closes_on": "2020-01-01", "teams": "Bakkerij, 12"},
    )
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["closes_on"])
    assert "De sluitingsdatum kan niet in het verleden liggen." in errors
    assert not ScanRound.objects.exists()


def test_a_badly_written_team_line_is_explained_and_kept(client_for, user_a):
    response = client_for(user_a).post(
        "/mijn/werkvloer/rondes/nieuw",
        {"name": "Voorjaar", "closes_on": timezone.localdate().isoformat(), "teams": "Bakkerij"},
    )
    assert response.status_code == 200
    assert "Bakkerij" in response.content.decode()
    assert not ScanRound.objects.exists()


def test_the_code_sheet_has_links_and_qr_codes_and_is_not_cached(client_for, user_a, org_a):
    scan_round = ScanRoundFactory(organisation=org_a)
    team = fill(scan_round, {"Winkel": 0})["Winkel"]
    response = client_for(user_a).post(
        f"/mijn/werkvloer/rondes/{scan_round.pk}/teams/{team.pk}/codes", {"count": 3}
    )
    html = response.content.decode()
    assert html.count("data:image/svg+xml") == 3
    assert html.count("/scan/c/") >= 3
    assert response["Cache-Control"] == "no-store"
    assert Invitation.objects.filter(team=team).count() == 3


def test_the_result_page_explains_why_a_team_is_hidden(client_for, user_a, org_a):
    scan_round, _ = _closed(org_a, {"Bakkers": 4, "Winkel": 12, "Kantoor": 9})
    html = client_for(user_a).get(f"/mijn/werkvloer/rondes/{scan_round.pk}").content.decode()
    assert "minder mensen" in html or "minimum" in html
    assert "12 respondenten" in html


def test_the_open_answers_never_reach_the_employer(client_for, user_a, org_a):
    scan_round, _ = _closed(org_a, {"Winkel": 6}, open_answer="Geheim van mij")
    html = client_for(user_a).get(f"/mijn/werkvloer/rondes/{scan_round.pk}").content.decode()
    assert "Geheim van mij" not in html


def test_a_team_kit_has_questions_and_records_actions(client_for, user_a, org_a):
    scan_round, teams = _closed(org_a, {"Winkel": 6}, value=2)
    url = f"/mijn/werkvloer/rondes/{scan_round.pk}/teams/{teams['Winkel'].pk}"
    client = client_for(user_a)
    assert client.get(url).status_code == 200
    client.post(url, {"theme": "gezondheid", "text": "Pauzes samen plannen", "owner": ""})
    assert TeamAction.objects.get().text == "Pauzes samen plannen"
    pdf = client.get(f"{url}/sessie.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_a_hidden_team_has_no_kit_and_no_actions(client_for, user_a, org_a):
    scan_round, teams = _closed(org_a, {"Klein": 4, "Groot": 10})
    url = f"/mijn/werkvloer/rondes/{scan_round.pk}/teams/{teams['Klein'].pk}"
    client = client_for(user_a)
    client.post(url, {"theme": "gezondheid", "text": "Iets", "owner": ""})
    assert not TeamAction.objects.exists()
    assert client.get(f"{url}/sessie.pdf").status_code == 404


def test_another_teams_id_under_ones_own_round_is_not_found(client_for, user_a, org_a, org_b):
    own, _ = _closed(org_a, {"Winkel": 6})
    _, other_teams = _closed(org_b, {"Winkel": 6})
    url = f"/mijn/werkvloer/rondes/{own.pk}/teams/{other_teams['Winkel'].pk}"
    assert client_for(user_a).get(url).status_code == 404


def test_another_organisations_round_is_not_found(client_for, user_a, org_b):
    theirs, _ = _closed(org_b, {"Winkel": 6})
    client = client_for(user_a)
    assert client.get(f"/mijn/werkvloer/rondes/{theirs.pk}").status_code == 404
    assert client.post(f"/mijn/werkvloer/rondes/{theirs.pk}/sluiten").status_code == 404


def test_an_employer_closes_a_round(client_for, user_a, org_a):
    scan_round = ScanRoundFactory(organisation=org_a)
    client_for(user_a).post(f"/mijn/werkvloer/rondes/{scan_round.pk}/sluiten")
    scan_round.refresh_from_db()
    assert not scan_round.is_open


def test_a_round_past_its_date_is_closed_when_the_employer_looks(client_for, user_a, org_a):
    scan_round = ScanRoundFactory(organisation=org_a)
    fill(scan_round, {"Winkel": 5})
    ScanRound.objects.filter(pk=scan_round.pk).update(
        closes_on=timezone.localdate() - timedelta(days=1)
    )
    client_for(user_a).get(f"/mijn/werkvloer/rondes/{scan_round.pk}")
    scan_round.refresh_from_db()
    assert not scan_round.is_open
