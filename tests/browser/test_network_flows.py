"""End to end: a visitor uses the directory; an employer registers, staff approve."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.core import mail

from olievlek.accounts.tests.support import TOTP_SECRET, totp_now
from olievlek.network.models import Organisation
from olievlek.network.tests.factories import (
    ContactPersonFactory,
    OrganisationFactory,
    ThemeProfileFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_visitor_filters_the_directory_by_theme_and_opens_an_organisation(web):
    health = OrganisationFactory(
        name="Zorggroep De Linde", city="Zwolle", province="NL-OV", is_koploper=True
    )
    ThemeProfileFactory(organisation=health, theme="gezondheid", experience="Vitaliteitsbudget")
    other = OrganisationFactory(name="Bouwbedrijf Het Anker", sector="F")
    ThemeProfileFactory(organisation=other, theme="apk")
    page = web.page

    web.goto("/")
    assert page.locator("html").get_attribute("lang") == "nl"
    page.get_by_role("link", name="Ontdek het netwerk").click()
    web.check()
    page.get_by_label("Ervaring met thema").select_option("gezondheid")
    page.get_by_role("button", name="Toon resultaten").click()
    page.wait_for_url(re.compile(r"theme=gezondheid"))
    results = page.locator("#results")
    results.get_by_text("Zorggroep De Linde").wait_for()
    assert results.get_by_text("Bouwbedrijf Het Anker").count() == 0
    web.check()
    results.get_by_role("link", name="Zorggroep De Linde").click()
    page.get_by_role("heading", level=1, name="Zorggroep De Linde").wait_for()
    assert "Vitaliteitsbudget" in page.content()
    web.check()


def test_english_is_available_through_the_language_switch(web):
    web.goto("/netwerk/")
    web.page.get_by_role("link", name="English").click()
    web.page.get_by_role("heading", level=1, name="The network").wait_for()
    assert web.page.locator("html").get_attribute("lang") == "en"
    web.check()


def test_employer_registers_and_staff_approve_it_into_the_directory(web):
    from allauth.mfa.totp.internal.auth import TOTP

    staff = UserFactory(staff=True, email="staf@olievlek.test")
    TOTP.activate(staff, TOTP_SECRET)
    page = web.page

    web.goto("/aanmelden")
    page.get_by_role("button", name="Aanmelding versturen").click()  # empty: errors shown
    page.locator("#error-summary").wait_for()
    web.check()
    page.get_by_label("Naam van de organisatie").fill("Metaalbewerking De Vonk")
    page.get_by_label("KvK-nummer").fill("87654321")
    page.get_by_label("Plaats").fill("Helmond")
    page.get_by_label("Provincie").select_option("NL-NB")
    page.get_by_label("Sector (SBI-sectie)").select_option("C")
    page.get_by_label("Aantal werknemers").select_option("midden")
    page.locator("#id_experience_themes_2").check()
    page.locator("#id_help_themes_4").check()
    page.get_by_label("Voornaam").fill("Iris")
    page.get_by_label("Achternaam").fill("Smit")
    page.get_by_label("E-mailadres").fill("iris@devonk.example")
    page.get_by_label("Wachtwoord").fill("een-sterk-wachtwoord-31")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Aanmelding versturen").click()
    page.get_by_role("heading", name="Bedankt voor uw aanmelding").wait_for()
    web.check()

    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    # Mails link to the public address (SITE_URL), not to the live server.
    assert link.startswith(settings.SITE_URL + "/accounts/confirm-email/")
    web.goto(link.removeprefix(settings.SITE_URL))
    page.get_by_role("button", name="Bevestigen").click()
    assert (
        Organisation.objects.get(kvk_number="87654321")
        .contacts.get()
        .user.emailaddress_set.get()
        .verified
    )

    web.goto("/accounts/login/")
    page.get_by_label("E-mailadres", exact=True).fill("staf@olievlek.test")
    page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord-42")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_label("Code").wait_for()
    web.check()
    page.get_by_label("Code").fill(totp_now())
    page.get_by_role("button", name="Inloggen").click()
    web.goto("/beheer/aanmeldingen/")
    page.get_by_role("link", name="Metaalbewerking De Vonk").click()
    web.check()
    page.get_by_role("button", name="Goedkeuren en de werkgever mailen").click()
    page.get_by_role("heading", level=1, name="Metaalbewerking De Vonk goedkeuren?").wait_for()
    web.check()
    page.get_by_role("button", name="Goedkeuren", exact=True).click()
    page.get_by_text("is goedgekeurd").wait_for()
    web.check()
    assert any("iris@devonk.example" in m.to for m in mail.outbox)

    web.goto("/netwerk/?q=Vonk")
    web.page.get_by_role("link", name="Metaalbewerking De Vonk").wait_for()


def test_staff_import_a_spreadsheet_and_member_edits_profile(web, tmp_path):
    from allauth.mfa.totp.internal.auth import TOTP

    staff = UserFactory(staff=True, email="staf2@olievlek.test")
    TOTP.activate(staff, TOTP_SECRET)
    member = ContactPersonFactory(organisation__name="Bakkerij De Korenaar")
    page = web.page
    csv_file = tmp_path / "koplopers.csv"
    csv_file.write_text(
        "naam;kvk;plaats;provincie;sector;grootteklasse;koploper;ervaring\n"
        "Transport Noord;11112222;Groningen;NL-GR;H;groot;ja;gezondheid\n"
        "Zorg Zuid;22223333;Maastricht;Limburg;Q;midden;nee;apk\n",
        encoding="utf-8",
    )

    web.goto("/accounts/login/?next=/beheer/import/")
    page.get_by_label("E-mailadres", exact=True).fill("staf2@olievlek.test")
    page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord-42")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_label("Code").fill(totp_now())
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", name="Organisaties importeren").wait_for()
    web.check()
    page.get_by_label("Spreadsheet").set_input_files(str(csv_file))
    page.get_by_role("button", name="Uploaden en controleren").click()
    page.get_by_role("button", name=re.compile("Importeer")).wait_for()
    web.check()
    page.get_by_role("button", name=re.compile("Importeer")).click()
    page.get_by_text("toegevoegd aan het netwerk").wait_for()
    web.check()
    assert Organisation.objects.filter(kvk_number__in=["11112222", "22223333"]).count() == 2

    page.context.clear_cookies()
    web.goto("/accounts/login/?next=/mijn/profiel")
    page.get_by_label("E-mailadres", exact=True).fill(member.user.email)
    page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord-42")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", name="Profiel bewerken").wait_for()
    web.check()
    page.get_by_label("Plaats").fill("Amersfoort")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Het profiel is opgeslagen").wait_for()
    web.check()


def test_a_new_name_waits_for_review_and_the_member_finds_its_own_data(web):
    """Finding 8 and 17 in the browser: the member sees "waiting for review", staff
    approve in the queue, and the data and account pages pass axe."""
    from allauth.mfa.totp.internal.auth import TOTP

    staff = UserFactory(staff=True, email="staf3@olievlek.test")
    TOTP.activate(staff, TOTP_SECRET)
    member = ContactPersonFactory(organisation__name="Drukkerij Letterzetter")
    page = web.page

    web.goto("/accounts/login/?next=/mijn/profiel")
    page.get_by_label("E-mailadres", exact=True).fill(member.user.email)
    page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord-42")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", name="Profiel bewerken").wait_for()
    page.get_by_label("Naam", exact=True).fill("Drukkerij Letterzetter Groep")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_text("Wacht op controle").wait_for()
    web.check()
    web.goto("/mijn/gegevens")
    page.get_by_role("heading", level=1, name="Uw gegevens").wait_for()
    web.check()
    web.goto("/mijn/account-verwijderen")
    page.get_by_role("heading", level=1, name="Uw account verwijderen").wait_for()
    web.check()

    page.context.clear_cookies()
    web.goto("/accounts/login/?next=/beheer/profielwijzigingen/")
    page.get_by_label("E-mailadres", exact=True).fill("staf3@olievlek.test")
    page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord-42")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_label("Code").fill(totp_now())
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", name="Profielwijzigingen om te beoordelen").wait_for()
    web.check()
    page.get_by_role("link", name="Drukkerij Letterzetter").click()
    web.check()
    page.get_by_role("button", name="Doorvoeren en de werkgever mailen").click()
    page.get_by_role("button", name="Publiceren").click()
    page.get_by_text("De wijziging is gepubliceerd.").wait_for()
    web.check()
    member.organisation.refresh_from_db()
    assert member.organisation.name == "Drukkerij Letterzetter Groep"
