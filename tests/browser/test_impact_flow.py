"""End to end: a visitor answers the survey after browsing; the project team opens the
impact dashboard and downloads a CSV and the progress report; an employer fills in the
business case, saves it and downloads its PDF. axe-core checks every page visited."""

from __future__ import annotations

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP

from olievlek.accounts.tests.support import TOTP_SECRET
from olievlek.impact.models import BusinessCase, DailyVisits, SurveyResponse
from olievlek.impact.tests.factories import SurveyResponseFactory
from olievlek.network.tests.factories import ContactPersonFactory, UserFactory

from .login import log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def people():
    staff = UserFactory(staff=True, email="staf@olievlek.test")
    TOTP.activate(staff, TOTP_SECRET)
    employer = ContactPersonFactory(
        organisation__name="Bakkerij De Korenaar", user__email="werkgever@olievlek.test"
    )
    return staff, employer


def test_a_visitor_answers_the_survey_after_browsing(web, people):
    page = web.page
    for path in ("/", "/businesscase/", "/impact/"):
        web.goto(path)
    survey = page.get_by_role("complementary", name="Een korte vraag over deze site")
    survey.wait_for()
    survey.get_by_role("group", name=re.compile("Ik weet nu beter")).get_by_label("4").check()
    survey.get_by_role("group", name=re.compile("eerder investeren")).get_by_label(
        "5 – heel erg"
    ).check()
    survey.get_by_role("group", name=re.compile("namens een werkgever")).get_by_label("Ja").check()
    survey.get_by_label("Hoe groot is de organisatie?").select_option("klein")
    survey.get_by_role("button", name="Verstuur mijn antwoorden").click()
    page.get_by_text("Dank u wel voor uw antwoorden.").wait_for()
    web.check()
    answer = SurveyResponse.objects.get()
    assert (answer.knows_better, answer.more_willing, answer.size_class) == (4, 5, "klein")
    assert page.get_by_role("complementary", name="Een korte vraag over deze site").count() == 0
    assert DailyVisits.objects.filter(group="*").get().page_views >= 3


def test_staff_open_the_dashboard_and_download_a_csv_and_the_report(web, people):
    SurveyResponseFactory.create_batch(5)
    page = web.page
    log_in(web, "staf@olievlek.test", "/impact/", staff=True)
    page.get_by_role("heading", name="Verwachting voor de olievlek").wait_for()
    with page.expect_download() as info:
        page.get_by_role("link", name="Download “Enquête onder bezoekers” als CSV").click()
    with open(info.value.path(), encoding="utf-8") as handle:
        text = handle.read()
    assert text.startswith("Vraag,n,1,2,3,4,5")
    assert "Ik weet nu beter" in text
    with page.expect_download() as info:
        page.get_by_role("link", name="Download de voortgangsrapportage (pdf)").click()
    with open(info.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_an_employer_makes_a_business_case_and_downloads_its_pdf(web, people):
    page = web.page
    log_in(web, "werkgever@olievlek.test", "/businesscase/")
    page.get_by_label("Aantal werknemers").fill("-3")
    page.get_by_role("button", name="Berekenen").click()
    page.locator("#error-summary").wait_for()
    web.check()
    page.get_by_label("Aantal werknemers").fill("40")
    page.get_by_label("Ziekteverzuim nu (%)").fill("6,5")
    page.get_by_label("Doel voor het ziekteverzuim (%)").fill("5")
    page.get_by_role("button", name="Berekenen").click()
    # 40·220·0.015·250 = 33,000 saving a year.
    page.get_by_text("€ 33.000,00").first.wait_for()
    web.check()
    page.get_by_label("Naam van deze businesscase").fill("Plan voor de directie")
    page.get_by_role("button", name="Bewaren voor mijn organisatie").click()
    page.get_by_text("De businesscase is bewaard.").wait_for()
    web.check()
    assert BusinessCase.objects.get().inputs["employees"] == "40"
    with page.expect_download() as info:
        page.get_by_role("link", name="Download “Plan voor de directie” als pdf").click()
    with open(info.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"


@pytest.mark.parametrize("path", ["/impact/", "/businesscase/"])
def test_the_pages_fit_a_phone_without_scrolling_sideways(web, people, path):
    SurveyResponseFactory.create_batch(3)
    web.page.set_viewport_size({"width": 390, "height": 844})
    web.goto(path)
    width = web.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
