"""The back office on a phone and a laptop: the one menu with its counts folds away on a
phone and stands beside the page on a wide screen; every list keeps to the screen's width
(its table scrolls inside its own labelled region) and passes axe-core; approving several
sign-ups goes through a confirm page without JavaScript tricks."""

from __future__ import annotations

import pytest
from allauth.mfa.totp.internal.auth import TOTP

from olievlek.accounts.tests.support import TOTP_SECRET
from olievlek.events.tests.factories import EventFactory, RegistrationFactory
from olievlek.knowledge.tests.factories import StoryFactory
from olievlek.mail.tests.factories import OutboundMailFactory
from olievlek.network.choices import Status
from olievlek.network.models import Organisation
from olievlek.network.tests.factories import ContactPersonFactory, UserFactory

from .login import log_in
from .test_every_page import _horizontal_overflow

pytestmark = pytest.mark.django_db(transaction=True)

LISTS = [
    "/beheer/",
    "/beheer/aanmeldingen/",
    "/beheer/aanmeldingen/?sort=-name",
    "/beheer/organisaties/?status=pending",
    "/beheer/profielwijzigingen/",
    "/beheer/uitnodigingen/",
    "/beheer/logboek/",
    "/beheer/import/",
    "/beheer/mail/",
    "/beheer/verhalen/",
    "/beheer/campagne/",
    "/beheer/campagne/aanvragen/",
    "/beheer/manifest/",
    "/beheer/bijeenkomsten/",
    "/beheer/bijeenkomsten/indelingen/",
    "/beheer/payitforward/rondes/",
    "/beheer/payitforward/matches/",
    "/beheer/programmalijnen/",
    "/beheer/klankbord/",
    "/beheer/impact/activiteiten/",
]


@pytest.fixture
def world():
    staff = UserFactory(staff=True, email="staf@olievlek.test")
    TOTP.activate(staff, TOTP_SECRET)
    for n in range(3):
        ContactPersonFactory(
            organisation__status=Status.PENDING,
            organisation__name=f"Zorgcoöperatie Noordoostpolder-Urk en omstreken {n}",
            user__email=f"aanmelder{n}@een-heel-lange-domeinnaam-voor-de-test.example",
        )
    StoryFactory(submitted=True, title="Vitaal blijven werken in de zorg")
    OutboundMailFactory(recipient="ontvanger@een-heel-lange-domeinnaam.example")
    event = EventFactory(title="Masterclass duurzame inzetbaarheid")
    RegistrationFactory(event=event, name="Deelnemer met een lange naam")
    return staff


def test_every_back_office_list_fits_a_phone_and_passes_axe(web, world):
    page = web.page
    log_in(web, "staf@olievlek.test", "/beheer/", staff=True)
    event_pk = EventFactory._meta.model.objects.get().pk
    failures = []
    for path in [*LISTS, f"/beheer/bijeenkomsten/{event_pk}/aanmeldingen"]:
        for width in (390, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            web.goto(path)
            overflow = _horizontal_overflow(page)
            if overflow:
                failures.append(f"{path} at {width} px: {overflow}")
    assert not failures, "\n".join(failures)


def test_the_menu_folds_on_a_phone_and_stands_beside_the_page_when_wide(web, world):
    page = web.page
    log_in(web, "staf@olievlek.test", "/beheer/verhalen/", staff=True)
    menu = page.get_by_role("navigation", name="Menu beheer")
    signups = menu.get_by_role("link", name="Aanmeldingen 3 wachtend")
    assert signups.is_visible()
    assert menu.get_by_role("link", name="Verhalen").get_attribute("aria-current") == "page"
    page.set_viewport_size({"width": 390, "height": 844})
    web.goto("/beheer/verhalen/")
    assert not signups.is_visible()
    menu.get_by_text("Menu beheer").click()
    assert signups.is_visible()
    web.check()


def test_several_sign_ups_are_approved_at_once_after_a_confirm_page(web, world):
    page = web.page
    log_in(web, "staf@olievlek.test", "/beheer/aanmeldingen/", staff=True)
    page.get_by_label("Selecteer Zorgcoöperatie Noordoostpolder-Urk en omstreken 0").check()
    page.get_by_label("Selecteer Zorgcoöperatie Noordoostpolder-Urk en omstreken 2").check()
    page.get_by_label("Met de gekozen regels").select_option("approve")
    page.get_by_role("button", name="Uitvoeren voor de gekozen regels").click()
    page.get_by_role("heading", level=1, name="2 aanmeldingen goedkeuren?").wait_for()
    web.check()
    page.get_by_role("button", name="Goedkeuren").click()
    page.get_by_text("Goedgekeurd: Zorgcoöperatie").wait_for()
    web.check()
    assert Organisation.objects.filter(status=Status.PENDING).count() == 1
