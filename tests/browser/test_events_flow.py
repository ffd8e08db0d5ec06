"""End to end, meetings: a visitor registers, confirms and cancels, and the first person
on the waiting list gets the place; staff divide 100 invitees over four sessions."""

from __future__ import annotations

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.core import mail

from olievlek.accounts.tests.support import TOTP_SECRET, totp_now
from olievlek.events.choices import RegistrationState
from olievlek.events.models import Division, Registration
from olievlek.events.services import availability_set
from olievlek.events.tests.factories import EventFactory, RegistrationFactory
from olievlek.network.tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def path_in(message) -> str:
    """The path of the link in a mail (mails link to SITE_URL, not the live server)."""
    return re.search(r"https?://[^/\s]+(/\S*)", message.body).group(1)


def test_visitor_registers_confirms_cancels_and_the_waiting_list_moves_up(web):
    event = EventFactory(
        title="Kijkje in de keuken bij De Korenaar",
        kind="kijkje",
        capacity=2,
        themes=["gezondheid"],
    )
    EventFactory(title="Masterclass loopbaan-APK", themes=["apk"])
    RegistrationFactory(event=event, name="Eerste deelnemer")
    page = web.page
    page.on("dialog", lambda dialog: dialog.accept())

    web.goto("/")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Bijeenkomsten"
    ).click()
    page.get_by_role("heading", level=1, name="Bijeenkomsten").wait_for()
    web.check()
    page.locator("#id_theme").select_option("gezondheid")
    page.get_by_role("button", name="Toon bijeenkomsten").click()
    page.wait_for_url(re.compile(r"theme=gezondheid"))
    results = page.locator("#results")
    results.get_by_role("link", name=event.title).wait_for()
    assert results.get_by_text("Masterclass loopbaan-APK").count() == 0
    web.check()
    results.get_by_role("link", name=event.title).click()
    page.get_by_role("heading", level=1, name=event.title).wait_for()
    web.check()
    page.locator("main").get_by_role("link", name="Aanmelden", exact=True).click()
    page.get_by_role("button", name="Aanmelding versturen").click()  # empty: errors shown
    page.locator("#id_name_error").wait_for()
    web.check()
    page.get_by_label("Uw naam").fill("Iris Smit")
    page.get_by_label("E-mailadres", exact=True).fill("iris@example.nl")
    page.get_by_label("Organisatie", exact=True).fill("Metaalbewerking De Vonk")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Aanmelding versturen").click()
    page.get_by_role("heading", name="Kijk in uw e-mail").wait_for()
    web.check()
    iris = Registration.objects.get(email="iris@example.nl")
    assert iris.state == RegistrationState.PENDING

    web.goto(path_in(mail.outbox[-1]))
    page.get_by_role("button", name="Mijn aanmelding bevestigen").click()
    page.get_by_text("Uw aanmelding is bevestigd").wait_for()
    web.check()
    iris.refresh_from_db()
    assert iris.state == RegistrationState.CONFIRMED
    assert mail.outbox[-1].subject.startswith("[Olievlek] U bent aangemeld")

    # The meeting is full now; the next one waits.
    waiting = RegistrationFactory(
        event=event, waiting=True, name="Kees Wachter", email="kees@example.nl", sequence=99
    )
    web.goto(path_in(mail.outbox[-1]))  # the cancel link in the confirmation
    page.get_by_role("button", name="Mijn aanmelding annuleren").click()
    page.get_by_text("Uw aanmelding is geannuleerd.").wait_for()
    web.check()
    iris.refresh_from_db()
    waiting.refresh_from_db()
    assert iris.state == RegistrationState.CANCELLED
    assert waiting.state == RegistrationState.CONFIRMED
    promoted = [m for m in mail.outbox if m.to == ["kees@example.nl"]]
    assert len(promoted) == 1 and "vrijgekomen" in promoted[0].subject
    web.goto(event.get_absolute_url())
    assert "0 personen op de wachtlijst" not in page.content()


def test_staff_divide_100_invitees_over_four_sessions(web):
    staff = UserFactory(staff=True, email="staf@olievlek.test")
    TOTP.activate(staff, TOTP_SECRET)
    sessions = [
        EventFactory(session=True, capacity=25, title=f"Sessie {n}: succesfactoren")
        for n in range(1, 5)
    ]
    sectors = "CFGHMQ"
    koplopers = [
        OrganisationFactory(
            koploper=True,
            name=f"Koploper {n:03d}",
            sector=sectors[n % len(sectors)],
            email=f"info{n}@koploper.example",
        )
        for n in range(100)
    ]
    OrganisationFactory(name="Geen koploper")
    page = web.page
    page.on("dialog", lambda dialog: dialog.accept())

    web.goto("/accounts/login/?next=/beheer/bijeenkomsten/indelingen/nieuw")
    page.get_by_label("E-mailadres", exact=True).fill("staf@olievlek.test")
    page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord-42")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_label("Code").fill(totp_now())
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", level=1, name="Nieuwe indeling").wait_for()
    web.check()
    page.get_by_label("Titel").fill("De 100 koplopers over vier sessies")
    page.get_by_label("Alle koplopers").check()
    for session in sessions:
        page.get_by_label(re.compile(re.escape(session.title))).check()
    page.get_by_role("button", name="Indeling aanmaken").click()
    page.get_by_text("De indeling is aangemaakt.").wait_for()
    web.check()
    division = Division.objects.get()
    assert division.invitees.count() == 100

    page.get_by_role("button", name="Uitnodigingen mailen").click()
    page.get_by_text("naar 100 organisaties gemaild").wait_for()
    invitation = next(m for m in mail.outbox if m.to == ["info0@koploper.example"])

    # One invitee answers through its link; the others answered earlier.
    staff_page = page
    visitor = page.context.browser.new_context(locale="nl-NL").new_page()
    web.page = visitor
    visitor.goto(web.base_url + path_in(invitation))
    visitor.get_by_role("heading", level=1, name="De 100 koplopers over vier sessies").wait_for()
    web.check()
    visitor.get_by_label(re.compile("Sessie 2")).check()
    visitor.get_by_label(re.compile("Sessie 3")).check()
    visitor.get_by_role("button", name="Mijn antwoord opslaan").click()
    visitor.get_by_text("uw antwoord is opgeslagen").wait_for()
    web.check()
    visitor.context.close()
    web.page = page = staff_page
    first = division.invitees.get(organisation=koplopers[0])
    assert sorted(s.title for s in first.available_sessions.all()) == [
        "Sessie 2: succesfactoren",
        "Sessie 3: succesfactoren",
    ]
    for n, organisation in enumerate(koplopers[1:], start=1):
        # Everyone can come to two or three sessions.
        chosen = [s for i, s in enumerate(sessions) if (n + i) % 4 != 0]
        availability_set(invitee=division.invitees.get(organisation=organisation), sessions=chosen)

    page.reload()
    page.get_by_role("button", name="Voorstel berekenen").click()
    page.get_by_text("100 geplaatst").wait_for()
    web.check()
    division.refresh_from_db()
    assert (division.state, division.placed) == ("proposed", 100)
    placed = division.invitees.exclude(assigned_session=None)
    assert all(placed.filter(assigned_session=s).count() == 25 for s in sessions)

    # Move one person out, then publish.
    moved = division.invitees.get(organisation=koplopers[5])
    page.get_by_label("Sessie voor Koploper 005").select_option("")
    page.locator(f"#invitee-{moved.pk}").get_by_role("button", name="Verplaatsen").click()
    page.get_by_text("Koploper 005 is verplaatst naar geen sessie").wait_for()
    web.check()
    mail.outbox.clear()
    page.get_by_role("button", name="Publiceren en bevestigingen versturen").click()
    page.get_by_text("er zijn 99 bevestigingen gemaild").wait_for()
    web.check()
    assert len(mail.outbox) == 99
    assert Registration.objects.filter(state=RegistrationState.CONFIRMED).count() == 99
    assert not Registration.objects.filter(organisation=koplopers[5]).exists()
