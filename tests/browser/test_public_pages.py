"""The public face in the browser: the header search, the breadcrumbs, the chain's map
with its time slider, and the print stylesheet; axe-core checks every page visited."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from olievlek.payitforward.tests.factories import (
    HelpRequestFactory,
    MatchFactory,
    OfferFactory,
    member,
)

pytestmark = pytest.mark.django_db(transaction=True)


def _months_ago(months: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=31 * months)


@pytest.fixture
def spread():
    """A chain that grew over three months: Utrecht, then Gelderland, then Limburg."""
    root = member(name="Bakkerij", province="NL-UT")
    a = member(name="Drukkerij", province="NL-GE")
    b = member(name="Metaal", province="NL-LI")
    for mentor, learner, months in ((root, a, 2), (a, b, 0)):
        MatchFactory(
            offer=mentor.pif_offers.first() or OfferFactory(organisation=mentor),
            request=HelpRequestFactory(organisation=learner),
            accepted=True,
            accepted_at=_months_ago(months),
        )


def _phone(web):
    web.page.set_viewport_size({"width": 390, "height": 844})


def _reach_table(page):
    return page.get_by_role("table", name=re.compile("^Bereikte organisaties per provincie"))


def _no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_header_search_finds_from_any_page(web):
    _phone(web)
    web.goto("/payitforward/keten")
    search = web.page.get_by_role("search", name="Zoeken op de site")
    search.get_by_role("searchbox").fill("gezond")
    search.get_by_role("button", name="Zoeken").click()
    web.page.wait_for_url("**/zoeken/?q=gezond")
    web.check()


def test_the_breadcrumbs_lead_back_up(web):
    web.goto("/payitforward/keten")
    trail = web.page.get_by_role("navigation", name="Kruimelpad")
    assert trail.get_by_role("link", name="De keten").get_attribute("aria-current") == "page"
    trail.get_by_role("link", name="Pay it Forward").click()
    web.page.wait_for_url("**/payitforward/")
    web.check()


def test_the_slider_shows_how_the_chain_spread_month_by_month(web, spread):
    _phone(web)
    web.goto("/payitforward/keten")
    page = web.page
    slider = page.get_by_label("Maand")
    table = _reach_table(page)
    gelderland = table.get_by_role("row", name="Gelderland")
    limburg = table.get_by_role("row", name="Limburg")
    assert limburg.get_by_role("cell").last.inner_text() == "1"
    slider.fill("0")  # two months ago: only Utrecht and its first learner
    assert limburg.get_by_role("cell").last.inner_text() == "0"
    assert gelderland.get_by_role("cell").last.inner_text() == "1"
    first_month = page.locator("[data-spread-label]").first.inner_text()
    assert slider.get_attribute("aria-valuetext") == first_month
    assert _no_sideways_scroll(page)
    web.check()


def test_the_play_button_plays_the_spread_to_the_end(web, spread):
    web.goto("/payitforward/keten")
    page = web.page
    page.get_by_label("Maand").fill("0")
    play = page.get_by_role("button", name="Afspelen")
    play.click()
    page.get_by_role("button", name="Afspelen").wait_for(timeout=10_000)  # back when done
    slider = page.get_by_label("Maand")
    assert slider.input_value() == slider.get_attribute("max")
    limburg = _reach_table(page).get_by_role("row", name="Limburg")
    assert limburg.get_by_role("cell").last.inner_text() == "1"


def test_the_home_page_fits_a_phone(web, spread):
    _phone(web)
    web.goto("/")
    assert _no_sideways_scroll(web.page)
    web.page.get_by_role("link", name="Doe mee met het netwerk").wait_for()


def test_on_paper_the_chain_has_no_menu_and_shows_where_links_go(web, spread):
    web.goto("/payitforward/keten")
    page = web.page
    page.emulate_media(media="print")
    assert not page.locator("header.utrecht-page-header").is_visible()
    assert not page.locator("footer").is_visible()
    assert not page.get_by_role("navigation", name="Kruimelpad").is_visible()
    after = page.evaluate(
        "getComputedStyle(document.querySelector('.ov-chain__tree a'), '::after').content"
    )
    assert after.startswith('" (/netwerk/')
    overflow = page.evaluate(
        "getComputedStyle(document.querySelector('.ov-table-scroll')).overflowX"
    )
    assert overflow == "visible"
