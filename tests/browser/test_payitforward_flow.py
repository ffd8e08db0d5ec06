"""End to end: a learner asks for help, staff run and publish a round, both sides
accept, the meeting is logged, the match is completed and the learner passes it on.
axe-core checks every page on the way."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.core import mail
from django.utils import timezone

from olievlek.accounts.tests.support import TOTP_SECRET, totp_now
from olievlek.network.tests.factories import PASSWORD, ContactPersonFactory, UserFactory
from olievlek.payitforward.models import Match, Offer, Pledge
from olievlek.payitforward.tests.factories import OfferFactory

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(web, email: str, *, staff: bool = False) -> None:
    page = web.page
    page.context.clear_cookies()
    web.goto("/accounts/login/")
    page.get_by_label("E-mailadres", exact=True).fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    if staff:
        page.get_by_label("Code").fill(totp_now())
        page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state("networkidle")


def open_my_match(web) -> None:
    web.goto("/mijn/payitforward/")
    web.page.get_by_role("link", name=re.compile(r"^Open")).first.click()
    web.page.get_by_role("heading", level=1).wait_for()
    web.check()


def test_a_learner_is_helped_and_passes_it_on(web):
    staff = UserFactory(staff=True, email="staf@olievlek.test")
    TOTP.activate(staff, TOTP_SECRET)
    mentor = ContactPersonFactory(
        organisation__name="Bakkerij De Korenaar", user__email="mentor@korenaar.example"
    )
    OfferFactory(organisation=mentor.organisation, themes=["gezondheid", "apk"])
    learner = ContactPersonFactory(
        organisation__name="Drukkerij De Letter",
        organisation__province="NL-GE",
        user__email="leerling@letter.example",
    )
    page = web.page

    # The learner asks for help.
    log_in(web, "leerling@letter.example")
    web.goto("/payitforward/")
    page.get_by_role("link", name="Naar mijn Pay it Forward").click()
    web.check()
    page.get_by_role("link", name="Hulp vragen").click()
    page.get_by_role("heading", level=1, name="Hulp vragen").wait_for()
    web.check()
    page.get_by_role("button", name="Opslaan").click()  # empty: errors are shown
    page.locator("#error-summary").wait_for()
    web.check()
    page.get_by_label("Gezondheid").check()
    page.get_by_label("Onze vraag").fill("Hoe beginnen we met een vitaliteitsbudget?")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Uw hulpvraag is opgeslagen").wait_for()
    web.check()
    web.goto("/payitforward/aanbod")

    # Staff run a round, see the proposal with its reasons, and publish it.
    log_in(web, "staf@olievlek.test", staff=True)
    web.goto("/beheer/payitforward/")
    page.get_by_role("link", name="Matchronde starten").click()
    web.check()
    page.get_by_role("button", name="Ronde starten").click()
    page.get_by_text("Klaar voor controle").wait_for()
    proposals = page.get_by_role("table")
    assert "Drukkerij De Letter" in proposals.inner_text()
    assert "Aangrenzende provincies (Utrecht en Gelderland)" in proposals.inner_text()
    web.check()
    page.get_by_role("button", name="Voorstellen publiceren").click()
    page.get_by_text("1 voorstel gaat uit").wait_for()
    web.check()
    page.get_by_role("button", name="Voorstellen publiceren").click()
    page.get_by_text("De ronde is gepubliceerd").wait_for()
    web.check()
    assert {m.to[0] for m in mail.outbox} >= {"mentor@korenaar.example", "leerling@letter.example"}

    # Both sides accept.
    log_in(web, "leerling@letter.example")
    open_my_match(web)
    page.get_by_role("button", name="Voorstel accepteren").click()
    page.get_by_text("We wachten op de andere kant").first.wait_for()
    web.check()
    log_in(web, "mentor@korenaar.example")
    open_my_match(web)
    page.get_by_role("button", name="Voorstel accepteren").click()
    page.get_by_text("de match is gemaakt").wait_for()
    web.check()
    assert "leerling@letter.example" in page.content()  # contact details once matched

    # The mentor plans and logs the meeting with its rating.
    page.get_by_role("link", name="Eerste afspraak plannen").click()
    web.check()
    page.get_by_label("Datum en tijd van de eerste afspraak").fill(
        (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT10:00")
    )
    page.get_by_label("Kijkje in de keuken (bezoek)").check()
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De eerste afspraak is gepland").wait_for()
    page.get_by_role("link", name="Afspraak vastleggen").click()
    web.check()
    page.get_by_label("Datum van de afspraak").fill(timezone.localdate().isoformat())
    page.get_by_label("Kijkje in de keuken (bezoek)").check()
    page.get_by_label("Korte notities").fill("Rondleiding en gesprek met de preventiemedewerker.")
    page.get_by_label("5", exact=True).check()
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("De afspraak is vastgelegd").wait_for()
    web.check()

    # The learner rates, completes and passes it on.
    log_in(web, "leerling@letter.example")
    open_my_match(web)
    page.get_by_label("4", exact=True).check()
    page.get_by_role("button", name="Waardering opslaan").click()
    page.get_by_text("Uw waardering is opgeslagen").wait_for()
    page.get_by_role("button", name="Match afronden").click()
    page.get_by_text("De match is afgerond").wait_for()
    web.check()
    page.get_by_role("link", name="Doorgeven").click()
    web.check()
    page.get_by_label("Aantal plekken").fill("2")
    page.get_by_role("button", name="Doorgeven").click()
    page.get_by_text("Dank u wel voor het doorgeven").wait_for()
    web.check()

    match = Match.objects.get()
    assert (match.state, match.mentor_rating, match.learner_rating) == ("completed", 5, 4)
    pledge = Pledge.objects.get()
    assert pledge.organisation == learner.organisation and pledge.places == 2
    assert Offer.objects.get(organisation=learner.organisation).pledge == pledge

    # The chain shows two generations.
    web.goto("/payitforward/keten")
    assert page.locator("svg[role=img] circle.ov-chain__node").count() == 2
    tree = page.locator(".ov-chain__tree")
    assert (
        "Bakkerij De Korenaar" in tree.inner_text() and "Drukkerij De Letter" in tree.inner_text()
    )
