"""In the browser, at 390 px and 1280 px: a visitor narrows a search to a programme line,
a member chooses the language of their mails, and the team deletes a line; every page
axe-clean and without sideways scrolling."""

from __future__ import annotations

import pytest

from olievlek.knowledge.search import search_index_story
from olievlek.knowledge.tests.factories import StoryFactory
from olievlek.network.tests.factories import ContactPersonFactory, UserFactory
from olievlek.programme.models import ProgrammeLine
from olievlek.programme.services import set_lines
from olievlek.programme.tests.factories import ProgrammeLineFactory

from .login import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def _no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", [390, 1280])
def test_a_visitor_searches_within_a_programme_line(web, width):
    line = ProgrammeLineFactory(name="Gezond in bedrijf")
    for title in ("Vitale bakkers", "Vitale bouwers"):
        story = StoryFactory(
            published=True, title=title, body="Vitaliteit.", body_html="<p>Vitaliteit.</p>"
        )
        search_index_story(story=story)
    set_lines(obj=StoryFactory._meta.model.objects.get(title="Vitale bakkers"), lines=[line])
    page = web.page
    page.set_viewport_size({"width": width, "height": 844})
    web.goto("/zoeken/")
    page.get_by_label("Zoek naar").fill("vitaliteit")
    page.get_by_label("Programmalijn").select_option(line.slug)
    page.locator("form.ov-search").get_by_role("button", name="Zoeken").click()
    web.check()
    results = page.locator("#results")
    assert results.get_by_role("link", name="Vitale bakkers").is_visible()
    assert results.get_by_role("link", name="Vitale bouwers").count() == 0
    assert "Gezond in bedrijf" in results.inner_text()
    assert f"line={line.slug}" in page.url
    assert _no_horizontal_scroll(page)


def test_a_member_chooses_english_mails_at_390_px(web):
    contact = ContactPersonFactory(user__email="werkgever@example.nl")
    page = web.page
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(web, "werkgever@example.nl", "/mijn/meldingen/instellingen")
    page.get_by_label("Engels").check()
    page.get_by_role("button", name="Opslaan").click()
    web.check()
    assert _no_horizontal_scroll(page)
    contact.user.refresh_from_db()
    assert contact.user.language == "en"


def test_the_team_deletes_a_line_at_390_px(web):
    from allauth.mfa.totp.internal.auth import TOTP

    from olievlek.accounts.tests.support import TOTP_SECRET

    staff = UserFactory(staff=True, email="staf@olievlek.test")
    TOTP.activate(staff, TOTP_SECRET)
    line = ProgrammeLineFactory(name="Tijdelijke lijn")
    page = web.page
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(web, "staf@olievlek.test", f"/beheer/programmalijnen/{line.pk}/", staff=True)
    page.get_by_role("link", name="Deze programmalijn verwijderen").click()
    web.check()
    assert _no_horizontal_scroll(page)
    page.get_by_role("button", name="Ja, verwijderen").click()
    web.check()
    assert not ProgrammeLine.objects.filter(pk=line.pk).exists()
