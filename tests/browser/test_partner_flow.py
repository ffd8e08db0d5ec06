"""End to end, partners: a partner organises a meeting, it waits for the project team,
staff publish it, and a member registers for it; every page passes axe."""

from __future__ import annotations

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP

from olievlek.accounts.tests.support import TOTP_SECRET, totp_now
from olievlek.events.choices import RegistrationState, ReviewState
from olievlek.events.models import Event, Registration
from olievlek.network.tests.factories import ContactPersonFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "een-lang-wachtwoord-42"


def _log_in(web, email: str, next_path: str, *, staff: bool = False) -> None:
    page = web.page
    page.context.clear_cookies()
    web.goto(f"/accounts/login/?next={next_path}")
    page.get_by_label("E-mailadres", exact=True).fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    if staff:
        page.get_by_label("Code").fill(totp_now())
        page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(re.escape(next_path) + "$"))
    web.check()


def test_a_partner_organises_staff_publish_and_a_member_registers(web):
    partner = ContactPersonFactory(
        organisation__is_partner=True,
        organisation__name="Mkb-federatie Midden",
        user__email="partner@example.nl",
    )
    member = ContactPersonFactory(organisation__name="Bakkerij Noord", user__email="lid@example.nl")
    staff = UserFactory(staff=True, email="staf@olievlek.test")
    TOTP.activate(staff, TOTP_SECRET)
    page = web.page

    _log_in(web, partner.user.email, "/beheer/bijeenkomsten/nieuw")
    page.locator("#id_kind").select_option("bijeenkomst")
    page.locator("#id_title").fill("Mkb-middag vitaal werken")
    page.locator("#id_themes_0").check()
    page.locator("#id_starts_at").fill("2031-03-30T14:00")
    page.locator("#id_ends_at").fill("2031-03-30T17:00")
    page.locator("#id_address").fill("Markt 1")
    page.locator("#id_city").fill("Zwolle")
    page.locator("#id_capacity").fill("30")
    page.get_by_role("button", name="Bijeenkomst aanmaken").click()
    page.get_by_text("De bijeenkomst is aangemaakt.").wait_for()
    page.get_by_text("Wacht op controle").first.wait_for()
    web.check()
    event = Event.objects.get(title="Mkb-middag vitaal werken")
    assert event.review_state == ReviewState.PENDING

    _log_in(web, staff.email, f"/beheer/bijeenkomsten/{event.pk}/", staff=True)
    page.get_by_role("button", name="Publiceren").click()
    page.get_by_text("De bijeenkomst is gepubliceerd.").wait_for()
    web.check()
    event.refresh_from_db()
    assert event.review_state == ReviewState.PUBLISHED

    _log_in(web, member.user.email, f"/bijeenkomsten/{event.slug}/aanmelden")
    page.get_by_label(re.compile("lid@example.nl")).check()
    page.get_by_role("button", name="Aanmelding versturen").click()
    page.get_by_text(re.compile("Aangemeld")).first.wait_for()
    web.check()
    registration = Registration.objects.get(event=event, email="lid@example.nl")
    assert registration.state == RegistrationState.CONFIRMED
