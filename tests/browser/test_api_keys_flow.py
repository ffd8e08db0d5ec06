"""End to end: an employer makes an API key on a phone-sized screen, uses it, revokes it."""

from __future__ import annotations

import pytest
from django.test import Client

from olievlek.accounts.models import ApiToken
from olievlek.network.tests.factories import PASSWORD, ContactPersonFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_employer_makes_uses_and_revokes_an_api_key_at_390_px(web):
    ContactPersonFactory(user__email="werkgever@example.nl", organisation__name="Bakkerij A")
    page = web.page
    page.set_viewport_size({"width": 390, "height": 844})
    web.goto("/accounts/login/?next=/mijn/api-sleutels/")
    page.get_by_label("E-mailadres", exact=True).fill("werkgever@example.nl")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    web.check()
    assert page.get_by_role("heading", name="API-sleutels").is_visible()

    page.get_by_label("Naam").fill("Ons CRM")
    page.get_by_label("Geldig voor").select_option("30")
    page.get_by_role("button", name="Sleutel maken").click()
    web.check()
    secret = page.locator("#api-key").inner_text().strip()
    assert secret.startswith("olv_")
    assert _no_horizontal_scroll(page)
    api = Client()
    headers = {"Authorization": f"Bearer {secret}"}
    assert api.get("/api/v1/organisaties", headers=headers).status_code == 200

    web.goto("/mijn/api-sleutels/")
    assert secret not in page.content()
    page.get_by_role("button", name="Intrekken Ons CRM").click()
    web.check()
    assert "werkt niet meer" in page.content()
    assert _no_horizontal_scroll(page)
    assert ApiToken.objects.get().revoked_at is not None
    assert api.get("/api/v1/organisaties", headers=headers).status_code == 401
