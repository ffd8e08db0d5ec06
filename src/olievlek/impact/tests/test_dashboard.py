"""The dashboard's figures from real rows: aggregates in the database, filters, the survey
with its Wilson interval, provinces, reach plugins, CSV and PDF."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.utils import timezone

from olievlek.events.tests.factories import EventFactory, RegistrationFactory
from olievlek.knowledge.tests.factories import CampaignItemFactory
from olievlek.network.tests.factories import OrganisationFactory
from olievlek.payitforward.tests.factories import MatchFactory, OfferFactory

from .. import report, selectors
from ..models import DailyVisits
from ..selectors import Filters
from .factories import CampaignActivityFactory, SurveyResponseFactory

pytestmark = pytest.mark.django_db


def table(key, f=None, team=True):
    return next(
        t for t in report.dashboard_tables(f or Filters(), team=team, chains=200) if t.key == key
    )


def test_survey_results_count_each_answer_and_give_the_wilson_interval():
    SurveyResponseFactory.create_batch(3, knows_better=5)
    SurveyResponseFactory(knows_better=2)
    SurveyResponseFactory(knows_better=None)
    result = selectors.survey_results(Filters())[0]["summary"]
    assert result.counts == (0, 1, 0, 0, 3)
    assert result.agree.successes == 3 and result.n == 4
    assert result.agree.low == pytest.approx(0.3006, abs=1e-4)
    assert result.agree.high == pytest.approx(0.9544, abs=1e-4)


def test_the_period_filter_leaves_out_older_survey_answers():
    SurveyResponseFactory(answered_on=dt.date(2024, 1, 5))
    SurveyResponseFactory(answered_on=dt.date(2025, 6, 1))
    f = Filters(start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31))
    assert selectors.survey_results(f)[0]["summary"].n == 1


def test_growth_counts_front_runners_and_organisations_that_joined_on_their_own():
    OrganisationFactory(koploper=True, source="import")
    OrganisationFactory(source="registration")
    OrganisationFactory(source="registration", pending=True)
    (month,) = selectors.network_growth(Filters())
    assert (month["joined"], month["koplopers"], month["own"], month["total"]) == (2, 1, 1, 2)


def test_the_province_filter_applies_to_members_and_meetings():
    OrganisationFactory(province="NL-GR")
    OrganisationFactory(province="NL-UT")
    EventFactory(province="NL-GR")
    f = Filters(province="NL-GR")
    assert selectors.network_totals(f)["members"] == 1
    assert selectors.meeting_figures(f)["meetings"] == 1
    assert selectors.meeting_figures(Filters(province="NL-ZE"))["meetings"] == 0


def test_meetings_count_registrations_attendance_and_follow_up():
    event = EventFactory()
    RegistrationFactory(event=event, attendance="present")
    RegistrationFactory(event=event, attendance="no_show")
    RegistrationFactory(event=event, waiting=True)
    figures = selectors.meeting_figures(Filters())
    assert (figures["registered"], figures["present"], figures["no_show"], figures["waiting"]) == (
        2, 1, 1, 1,
    )  # fmt: skip


def test_pay_it_forward_measures_learners_that_became_mentors():
    first = MatchFactory(completed=True)
    # The learner of the first match helps someone itself.
    MatchFactory(accepted=True, offer=OfferFactory(organisation=first.learner))
    chain = selectors.chain_figures(Filters(), chains=200)
    assert chain.per_generation == (1, 1, 1)
    assert (chain.passed_on.successes, chain.passed_on.n) == (1, 1)


def test_the_map_counts_members_matches_and_meetings_per_province():
    OrganisationFactory(province="NL-FR")
    EventFactory(province="NL-FR")
    rows = {row[0]: row[1:] for row in table("provinces").rows}
    assert rows["Fryslân"] == [1, 0, 1]
    assert rows["Zeeland"] == [0, 0, 0]


def test_reach_adds_visits_downloads_and_estimated_campaign_reach():
    DailyVisits.objects.create(day=timezone.localdate(), group="*", visitors=7, page_views=20)
    CampaignActivityFactory(estimated_reach=1000)
    CampaignActivityFactory(press=True, estimated_reach=500)
    figures = selectors.reach_figures(Filters())
    assert (figures["visitors"], figures["page_views"]) == (7, 20)
    assert sum(a["reach"] for a in figures["activities"]) == 1500
    assert figures["downloads"] == 0 and CampaignItemFactory() is not None


def test_other_apps_plug_direct_contacts_into_reach(monkeypatch):
    from django.apps import apps

    config = apps.get_app_config("impact")
    monkeypatch.setattr(
        config, "impact_reach", "olievlek.impact.tests.test_dashboard.scan_rounds", raising=False
    )
    assert ("Zelfscans", 12) in selectors.reach_figures(Filters())["plugins"]


def scan_rounds(filters):
    return [("Zelfscans", 12)]


def test_every_chart_is_svg_without_style_attributes():
    SurveyResponseFactory()
    for t in report.dashboard_tables(Filters(), team=True, chains=100):
        assert t.chart.startswith("<svg") and "style=" not in t.chart, t.key
        assert 'role="img"' in t.chart


def test_a_csv_holds_the_table_of_the_page(client_for, staff_user):
    SurveyResponseFactory.create_batch(2)
    response = client_for(staff_user).get("/impact/csv/survey")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:2] == ["Vraag", "n"]
    assert rows[1][1] == "2"
    assert response["Content-Disposition"] == 'attachment; filename="impact-survey.csv"'


def test_the_progress_report_is_a_pdf(client_for, staff_user):
    response = client_for(staff_user).get("/impact/rapport.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")


def test_a_bad_period_shows_all_figures_with_an_error(client):
    response = client.get("/impact/?start=2025-05-01&end=2025-01-01")
    assert response.status_code == 200
    assert "Het einde ligt vóór het begin." in response.content.decode()


def test_the_cached_chain_figures_follow_a_new_match():
    first = MatchFactory(completed=True)
    assert selectors.chain_figures(Filters(), chains=100).per_generation == (1, 1)
    MatchFactory(accepted=True, offer=OfferFactory(organisation=first.learner))
    assert selectors.chain_figures(Filters(), chains=100).per_generation == (1, 1, 1)


def test_the_survey_audience_counts_employers_by_size():
    SurveyResponseFactory(employer=True)
    SurveyResponseFactory(is_employer="no")
    rows = dict(table("audience", team=False).rows)
    assert (rows["Antwoorden"], rows["Voor een werkgever"], rows["Klein (10-49)"]) == (2, 1, 1)


def test_self_scans_count_as_direct_reach_when_the_scan_app_is_installed():
    from olievlek.werkvloer.tests.factories import ScanTeamFactory, answer

    team = ScanTeamFactory()
    answer(team)
    answer(team)
    answer(team, completed=False)
    plugins = dict(selectors.reach_figures(Filters())["plugins"])
    assert plugins["Zelfscanrondes"] == 1
    assert plugins["Werknemers die de zelfscan afrondden"] == 2
