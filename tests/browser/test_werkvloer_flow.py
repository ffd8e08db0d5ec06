"""End to end: an employer starts a scan round and makes codes; five employees answer
through their links on a phone-sized screen; after closing, the employer sees the team's
result, while two teams of four stay hidden and the page says why. axe-core checks every
page on the way."""

from __future__ import annotations

import pytest

from olievlek.network.tests.factories import PASSWORD, ContactPersonFactory
from olievlek.werkvloer.models import ScanTeam
from olievlek.werkvloer.tests.factories import answer

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(web, email: str) -> None:
    page = web.page
    web.goto("/accounts/login/")
    page.get_by_label("E-mailadres", exact=True).fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state("networkidle")


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def employee_answers(browser, web, link: str, *, first: bool) -> None:
    """One employee on a 390 px wide phone, through their own link."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15_000)
    phone = type(web)(page, web.base_url)
    check = phone.check if first else (lambda: None)
    page.goto(link)
    check()
    assert fits_the_screen(page)
    page.get_by_role("button", name="Begin met de scan").click()
    page.locator("#return-code").wait_for()
    check()
    page.get_by_role("link", name="Naar de vragen").click()
    page.get_by_role("heading", level=1, name="Uw werkvermogen").wait_for()
    check()
    assert fits_the_screen(page)
    page.get_by_label("7", exact=True).check()
    page.get_by_role("button", name="Opslaan en verder").click()
    for _ in range(5):
        page.locator("fieldset").first.wait_for()
        check()
        for fieldset in page.locator("fieldset").all():
            fieldset.get_by_label("Een beetje eens", exact=True).check()
        page.get_by_role("button", name="Opslaan en verder").click()
    page.get_by_label("Wilt u nog iets anders kwijt over uw werk?").fill("Alleen voor mij")
    check()
    page.get_by_role("button", name="Opslaan en mijn uitslag zien").click()
    page.get_by_role("heading", level=1, name="Uw uitslag").wait_for()
    check()
    assert fits_the_screen(page)
    assert page.get_by_text("Gespreksleidraad").count() >= 1
    context.close()


def test_employees_answer_anonymously_and_the_employer_sees_only_safe_groups(browser, web):
    ContactPersonFactory(
        organisation__name="Bakkerij De Korenaar", user__email="werkgever@korenaar.example"
    )
    page = web.page
    log_in(web, "werkgever@korenaar.example")

    web.goto("/mijn/werkvloer/")
    page.get_by_role("link", name="Een nieuwe ronde starten").click()
    page.get_by_role("heading", level=1).wait_for()
    web.check()
    page.get_by_label("Naam van de ronde").fill("Voorjaar")
    page.get_by_label("Sluit op").fill("2099-06-30")
    page.get_by_label("Teams").fill("Winkel, 6\nChauffeurs, 4\nKantoor, 4")
    page.get_by_role("button", name="Ronde starten").click()
    page.get_by_text("De ronde is gestart").wait_for()
    web.check()
    round_url = page.url

    winkel_form = page.locator("form", has=page.get_by_role("heading", name="Winkel"))
    winkel_form.get_by_label("Aantal codes").fill("5")
    winkel_form.get_by_role("button", name="Codes maken voor Winkel").click()
    page.get_by_role("heading", level=1, name="Codes voor Winkel").wait_for()
    web.check()
    links = page.locator("#links").input_value().split()
    assert len(links) == 5 and page.locator(".wv-slip img").count() == 5

    for n, link in enumerate(links):
        employee_answers(web.page.context.browser, web, link, first=n == 0)

    # Two teams of four answered as well (made directly, to keep the test short).
    for name in ("Chauffeurs", "Kantoor"):
        team = ScanTeam.objects.get(name=name)
        for _ in range(4):
            answer(team)

    page.goto(round_url)
    page.get_by_role("link", name="De ronde sluiten").click()
    page.get_by_role("heading", level=1, name="De ronde sluiten?").wait_for()
    web.check()
    page.get_by_role("button", name="De ronde sluiten").click()
    page.get_by_text("De teamuitslagen staan klaar").wait_for()
    web.check()

    winkel = page.locator("section", has=page.get_by_role("heading", name="Winkel"))
    assert winkel.get_by_text("5 respondenten").count() == 1
    chauffeurs = page.locator("section", has=page.get_by_role("heading", name="Chauffeurs"))
    assert chauffeurs.get_by_text("Verborgen: minder mensen dan het minimum").count() == 1
    assert page.get_by_text("Alleen voor mij").count() == 0

    winkel.get_by_role("link", name="Teamsessie voor Winkel").click()
    page.get_by_role("heading", level=1, name="Teamsessie voor Winkel").wait_for()
    web.check()
