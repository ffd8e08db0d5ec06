"""The Content Security Policy in a real browser: the check in conftest.py sees what the
policy refuses, the pages' behaviour (confirm before submit) works from static files,
and the API documentation renders under its own policy with nothing from other hosts."""

from __future__ import annotations

import pytest

from olievlek.events.choices import RegistrationState
from olievlek.events.tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_policy_refuses_inline_style_and_the_check_reports_it(web):
    web.goto("/")
    web.page.evaluate(
        "document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>')"
    )
    web.page.wait_for_timeout(200)
    with pytest.raises(AssertionError, match="inline style"):
        web.assert_no_csp_violations()
    web.csp_violations.clear()  # proven; the fixture's own check at the end stays clean


def test_declining_the_confirmation_keeps_the_registration(web):
    registration = RegistrationFactory(event=EventFactory(title="Masterclass"))
    questions = []

    def decline(dialog):
        questions.append(dialog.message)
        dialog.dismiss()

    web.page.on("dialog", decline)
    web.goto(registration.get_absolute_url())
    web.page.get_by_role("button", name="Mijn aanmelding annuleren").click()
    web.page.wait_for_timeout(300)
    assert questions == ["Wilt u uw aanmelding echt annuleren?"]
    registration.refresh_from_db()
    assert registration.state == RegistrationState.CONFIRMED


def test_the_api_docs_render_under_their_policy_with_nothing_from_other_hosts(web):
    requested: list[str] = []
    web.page.on("request", lambda request: requested.append(request.url))
    web.page.goto(web.base_url + "/api/v1/docs")
    web.page.get_by_role("heading", level=1, name="Olievlek API").wait_for()
    web.check()
    foreign = [u for u in requested if not u.startswith((web.base_url, "blob:", "data:"))]
    assert foreign == []
    assert any(u.endswith("/api/v1/schema") for u in requested)
