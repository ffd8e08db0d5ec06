"""End to end: an employer writes a story, staff publish it, a visitor finds it through
another word form; an organisation asks for a poster, staff approve, it downloads."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.utils import timezone

from olievlek.accounts.tests.support import TOTP_SECRET
from olievlek.knowledge.models import CampaignDownload, Story
from olievlek.knowledge.tests.factories import PDF_BYTES, CampaignItemFactory
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


def test_a_story_is_written_published_and_found_by_another_word_form(web, people):
    page = web.page
    log_in(web, "werkgever@olievlek.test", "/mijn/verhalen/nieuw")
    page.get_by_role("button", name="Concept opslaan").click()  # empty: errors, input kept
    page.locator("#error-summary").wait_for()
    web.check()
    page.get_by_label("Titel").fill("Gezondheid op de werkvloer")
    page.get_by_label("Inleiding").fill("Hoe onze bakkers fit blijven tot hun pensioen.")
    page.get_by_label("Uw verhaal").fill(
        "## Begin\n\nWe investeren in de **gezondheid** van al onze bakkers.\n\n"
        "<script>alert('xss')</script>"
    )
    page.get_by_label("Gezondheid", exact=True).check()
    page.get_by_label("Ziekteverzuim vóór (%)").fill("7,5")
    page.get_by_label("Ziekteverzuim na (%)").fill("4,8")
    page.get_by_role("button", name="Concept opslaan").click()
    page.get_by_text("Het concept is opgeslagen").wait_for()
    web.check()

    web.goto("/mijn/verhalen/")
    page.get_by_role("button", name=re.compile("Indienen ter beoordeling")).click()
    page.get_by_text("Het projectteam beoordeelt uw verhaal").wait_for()
    web.check()
    assert Story.objects.get().status == "submitted"

    log_in(web, "staf@olievlek.test", "/beheer/verhalen/", staff=True)
    page.get_by_role("link", name="Gezondheid op de werkvloer").click()
    web.check()
    page.get_by_role("button", name="Verhaal publiceren").click()
    page.get_by_role("heading", level=1, name="Gezondheid op de werkvloer publiceren?").wait_for()
    web.check()
    page.get_by_role("button", name="Publiceren").click()
    page.get_by_text("Het verhaal is gepubliceerd").wait_for()
    web.check()

    page.context.clear_cookies()
    web.goto("/zoeken/")
    page.get_by_label("Zoek naar").fill("gezonde")
    page.get_by_role("main").get_by_role("button", name="Zoeken").click()
    page.wait_for_url(re.compile(r"q=gezonde"))
    assert page.locator("mark").first.inner_text().lower().startswith("gezond")
    web.check()
    page.get_by_role("link", name="Gezondheid op de werkvloer").click()
    page.get_by_role("heading", level=1, name="Gezondheid op de werkvloer").wait_for()
    assert page.get_by_role("table", name=re.compile("Ziekteverzuim")).is_visible()
    assert "alert('xss')" not in page.locator("main").inner_html()
    web.check()

    web.goto("/zoeken/?q=de+het")
    page.get_by_text("bevat geen woorden waarop we kunnen zoeken").wait_for()
    web.check()
    web.goto("/verhalen/?theme=gezondheid")
    page.get_by_role("link", name="Gezondheid op de werkvloer").wait_for()
    web.check()
    web.goto("/manifest/")
    web.check()


def test_an_organisation_asks_for_a_poster_staff_approve_and_it_downloads(web, people):
    item = CampaignItemFactory(title="Poster: Praat over je werk", slug="poster-praat")
    page = web.page
    log_in(web, "werkgever@olievlek.test", "/campagne/")
    page.get_by_role("link", name="Poster: Praat over je werk").click()
    web.check()
    page.get_by_role("link", name="Vragen om dit materiaal te gebruiken").click()
    web.check()
    today = timezone.localdate()
    page.get_by_label("Waarvoor wilt u het gebruiken?").fill("In de kantine ophangen.")
    page.get_by_label("Kanaal").fill("Kantine")
    page.get_by_label("Van", exact=True).fill(today.isoformat())
    page.get_by_label("Tot en met").fill((today + timedelta(days=60)).isoformat())
    page.get_by_label("Wij houden ons aan de gebruiksvoorwaarden.").check()
    page.get_by_role("button", name="Aanvraag versturen").click()
    page.get_by_text("Uw aanvraag is verstuurd").wait_for()
    web.check()

    log_in(web, "staf@olievlek.test", "/beheer/campagne/aanvragen/", staff=True)
    page.get_by_role("link", name="Poster: Praat over je werk").click()
    web.check()
    page.get_by_role("button", name="Goedkeuren en de downloadlink sturen").click()
    web.check()
    page.get_by_role("button", name="Goedkeuren", exact=True).click()
    page.get_by_text("De aanvraag is goedgekeurd").wait_for()
    web.check()

    log_in(web, "werkgever@olievlek.test", "/mijn/campagne/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Downloaden")).click()
    download = download_info.value
    assert download.suggested_filename == "poster.pdf"
    with open(download.path(), "rb") as handle:
        assert handle.read() == PDF_BYTES
    assert CampaignDownload.objects.filter(item=item).count() == 1
