"""End to end in the back office: a sign-up flagged as a possible duplicate, rejected
after a preview of the mail (the reason with its live counter); a draft meeting published
on purpose; a move against an invitee's availability confirmed. axe-core on every page,
at 390 px for the review page."""

from __future__ import annotations

import pytest
from allauth.mfa.totp.internal.auth import TOTP

from olievlek.accounts.tests.support import TOTP_SECRET
from olievlek.events.choices import ReviewState
from olievlek.events.models import Event
from olievlek.events.services import availability_set, division_create, division_solve
from olievlek.events.tests.factories import EventFactory
from olievlek.network.choices import Status
from olievlek.network.models import Organisation
from olievlek.network.tests.factories import ContactPersonFactory, OrganisationFactory, UserFactory

from .login import log_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def staff():
    user = UserFactory(staff=True, email="staf@olievlek.test")
    TOTP.activate(user, TOTP_SECRET)
    return user


def test_a_duplicate_sign_up_is_flagged_and_rejected_after_a_preview(web, staff):
    existing = OrganisationFactory(name="Bakkerij De Korenaar", website="https://korenaar.nl")
    signup = ContactPersonFactory(
        organisation__status=Status.PENDING,
        organisation__name="Bakkerij de Korenaar B.V.",
        user__email="jan@korenaar.nl",
    ).organisation
    page = web.page
    page.set_viewport_size({"width": 390, "height": 800})
    log_in(web, "staf@olievlek.test", f"/beheer/aanmeldingen/{signup.pk}/", staff=True)
    duplicates = page.get_by_role("region", name="Mogelijk dubbel: controleer dit voor u goedkeurt")
    assert duplicates.get_by_role("link", name="Bakkerij De Korenaar").get_attribute("href") == (
        f"/beheer/organisaties/{existing.pk}/"
    )
    assert "hetzelfde domein korenaar.nl" in duplicates.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    reason = page.get_by_label("Reden van afwijzing")
    reason.fill("U staat al in het netwerk als Bakkerij De Korenaar.")
    page.get_by_text("51 van 1000 tekens gebruikt").wait_for()  # the live counter
    page.get_by_role("button", name="Eerst de e-mail bekijken").click()
    page.get_by_role("heading", name="Voorbeeld van de e-mail").wait_for()
    web.check()
    assert Organisation.objects.get(pk=signup.pk).status == Status.PENDING
    assert page.get_by_label("Reden van afwijzing").input_value().startswith("U staat al")
    page.get_by_role("button", name="Afwijzen en de reden mailen").click()
    page.get_by_role("main").get_by_role("button", name="Afwijzen", exact=True).click()
    page.wait_for_url(f"{web.base_url}/beheer/aanmeldingen/")
    web.check()
    assert Organisation.objects.get(pk=signup.pk).status == Status.REJECTED


def test_a_draft_meeting_is_published_on_purpose(web, staff):
    event = EventFactory(draft=True, title="Conceptmiddag")
    page = web.page
    log_in(web, "staf@olievlek.test", f"/beheer/bijeenkomsten/{event.pk}/", staff=True)
    page.get_by_text("Deze bijeenkomst is een concept").wait_for()
    page.get_by_role("button", name="Publiceren").click()
    page.get_by_text("De bijeenkomst is gepubliceerd").wait_for()
    web.check()
    assert Event.objects.get(pk=event.pk).review_state == ReviewState.PUBLISHED


def test_moving_against_the_availability_asks_first(web, staff):
    sessions = [EventFactory(session=True, capacity=2, title=f"Sessie {n}") for n in (1, 2)]
    organisations = [
        ContactPersonFactory(organisation__name=f"Org {n}").organisation for n in range(2)
    ]
    division = division_create(
        title="Koplopers", sessions=sessions, organisations=organisations, actor=staff
    )
    first, second = division.invitees.order_by("organisation__name")
    availability_set(invitee=first, sessions=[sessions[0]])
    availability_set(invitee=second, sessions=sessions)
    division_solve(division=division)
    page = web.page
    log_in(web, "staf@olievlek.test", division.get_absolute_url(), staff=True)
    page.get_by_label("Sessie voor Org 0").select_option(label="2. Sessie 2 (niet beschikbaar)")
    page.get_by_role("button", name="Verplaatsen Org 0").click()
    page.get_by_role("heading", name="Verplaatsen tegen de beschikbaarheid in?").wait_for()
    web.check()
    assert "alleen bij Sessie 1" in page.get_by_role("alert").inner_text()
    page.get_by_role("button", name="Org 0 toch verplaatsen").click()
    page.get_by_text("Org 0 is verplaatst naar Sessie 2").wait_for()
    web.check()
    first.refresh_from_db()
    assert first.assigned_session == sessions[1]
