"""Forms and texts in the browser: the markdown counter and preview, and the account pages
(allauth) in our layout on a phone."""

from __future__ import annotations

import pytest

from olievlek.network.tests.factories import ContactPersonFactory

from .login import log_in

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


def _fits(page) -> None:
    width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{page.url} is {width[0]} px wide in {width[1]} px"


@pytest.fixture
def employer():
    return ContactPersonFactory(
        organisation__name="Bakkerij De Korenaar", user__email="werkgever@olievlek.test"
    )


def test_the_story_box_counts_characters_and_previews_on_a_phone(web, employer):
    page = web.page
    page.set_viewport_size(PHONE)
    log_in(web, "werkgever@olievlek.test", "/mijn/verhalen/nieuw")
    box = page.get_by_label("Uw verhaal")
    text = "## Onze aanpak\n\nWij praten **elk jaar** met iedereen."
    box.fill(text)
    page.get_by_text(f"{len(text)} van 20000 tekens").wait_for()
    page.get_by_role("button", name="Voorbeeld").click()
    preview = page.get_by_role("region", name="Voorbeeld")
    preview.locator("strong", has_text="elk jaar").wait_for()
    assert preview.locator("h3", has_text="Onze aanpak").count() == 1
    assert page.url.endswith("/mijn/verhalen/nieuw")  # the page stayed; nothing was saved
    _fits(page)
    web.check()


def test_enter_in_a_field_saves_rather_than_previews(web, employer):
    page = web.page
    log_in(web, "werkgever@olievlek.test", "/mijn/verhalen/nieuw")
    page.get_by_label("Titel").fill("Gezondheid")
    page.get_by_label("Titel").press("Enter")
    page.locator("#error-summary").wait_for()  # the save ran: the other fields are missing
    assert page.get_by_role("region", name="Voorbeeld").is_hidden()


@pytest.mark.parametrize(
    "path",
    [
        "/accounts/login/",
        "/accounts/password/reset/",
        "/accounts/password/reset/done/",
        "/accounts/password/reset/key/zz-bad-key/",
        "/accounts/confirm-email/",
    ],
)
def test_account_pages_for_visitors_fit_a_phone_and_pass_axe(web, path):
    web.page.set_viewport_size(PHONE)
    web.goto(path)
    _fits(web.page)


@pytest.mark.parametrize(
    "path",
    [
        "/accounts/logout/",
        "/accounts/password/change/",
        "/accounts/email/",
        "/accounts/reauthenticate/",
        "/accounts/2fa/",
    ],
)
def test_account_pages_for_members_fit_a_phone_and_pass_axe(web, employer, path):
    web.page.set_viewport_size(PHONE)
    log_in(web, "werkgever@olievlek.test", path)
    _fits(web.page)
