"""End to end at 390 px: a member reads its notifications, marks them read and chooses a
weekly digest; every page axe-clean."""

from __future__ import annotations

import pytest

from olievlek.network.tests.factories import PASSWORD, ContactPersonFactory
from olievlek.notifications.selectors import preferences_for, unread_count
from olievlek.notifications.services import notify

pytestmark = pytest.mark.django_db(transaction=True)


def _no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_member_reads_notifications_and_chooses_a_digest_at_390_px(web):
    contact = ContactPersonFactory(user__email="werkgever@example.nl")
    notify(user=contact.user, kind="match", text="Er staat een voorstel klaar.", link="/mijn/")
    notify(user=contact.user, kind="story", text="Uw verhaal is gepubliceerd.")
    page = web.page
    page.set_viewport_size({"width": 390, "height": 844})
    web.goto("/accounts/login/?next=/mijn/meldingen/")
    page.get_by_label("E-mailadres", exact=True).fill("werkgever@example.nl")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    web.check()
    assert page.get_by_role("heading", name="Meldingen").is_visible()
    assert _no_horizontal_scroll(page)
    page.get_by_role("button", name="Alles als gelezen markeren").click()
    web.check()
    assert unread_count(user=contact.user) == 0

    web.goto("/mijn/meldingen/instellingen")
    web.check()
    page.locator("#id_story_weekly").check()
    page.get_by_role("button", name="Opslaan").click()
    web.check()
    assert _no_horizontal_scroll(page)
    assert preferences_for(user=contact.user)["story"] == "weekly"
