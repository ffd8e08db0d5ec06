"""End to end, outgoing mail: with the mail server down a visitor still registers, the
mail is retried and finally fails; the project team sees why and sends it again."""

from __future__ import annotations

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.core import mail

from olievlek.accounts.tests.support import TOTP_SECRET, totp_now
from olievlek.events.tests.factories import EventFactory
from olievlek.mail.models import OutboundMail
from olievlek.mail.services import mail_send_due
from olievlek.mail.tests import backends
from olievlek.network.tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def fits_390_px(page) -> bool:
    page.set_viewport_size({"width": 390, "height": 844})
    fits = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.set_viewport_size({"width": 1280, "height": 900})
    return fits


def test_a_mail_that_failed_while_the_server_was_down_is_sent_again_by_staff(web, settings):
    settings.EMAIL_BACKEND = backends.DOWN
    event = EventFactory(title="Kijkje in de keuken & meer")
    staff = UserFactory(staff=True, email="staf@olievlek.test")
    TOTP.activate(staff, TOTP_SECRET)
    page = web.page

    web.goto(f"/bijeenkomsten/{event.slug}/aanmelden")
    page.get_by_label("Uw naam").fill("Iris Smit")
    page.get_by_label("E-mailadres", exact=True).fill("iris@example.nl")
    page.get_by_label("Organisatie", exact=True).fill("Metaalbewerking De Vonk")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Aanmelding versturen").click()
    page.get_by_role("heading", name="Kijk in uw e-mail").wait_for()
    page.get_by_text("De e-mail is gestuurd naar iris@example.nl.").wait_for()
    page.get_by_role("button", name="Stuur de e-mail opnieuw").wait_for()
    web.check()
    queued = OutboundMail.objects.get()
    assert queued.state == OutboundMail.State.RETRYING
    while queued.state == OutboundMail.State.RETRYING:
        mail_send_due(now=queued.next_attempt_at)
        queued.refresh_from_db()
    assert queued.state == OutboundMail.State.FAILED and not mail.outbox

    web.goto("/accounts/login/?next=/beheer/mail/")
    page.get_by_label("E-mailadres", exact=True).fill("staf@olievlek.test")
    page.get_by_label("Wachtwoord").fill("een-lang-wachtwoord-42")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_label("Code").fill(totp_now())
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", level=1, name="Uitgaande e-mail").wait_for()
    web.check()
    page.get_by_label("Status").select_option(label="Mislukt (1)")
    page.get_by_role("button", name="Toon resultaten").click()
    page.get_by_role(
        "link", name="[Olievlek] Bevestig uw aanmelding: Kijkje in de keuken & meer"
    ).click()
    page.get_by_text("Connection refused").wait_for()
    web.check()
    assert fits_390_px(page)

    settings.EMAIL_BACKEND = backends.WORKING
    page.get_by_role("button", name="Opnieuw versturen").click()
    page.get_by_text("De e-mail aan iris@example.nl wordt opnieuw verstuurd.").wait_for()
    page.get_by_text("Verstuurd", exact=True).wait_for()
    web.check()
    (message,) = mail.outbox
    assert message.to == ["iris@example.nl"]
    assert "Kijkje in de keuken & meer" in message.body
    web.goto("/beheer/mail/")
    assert fits_390_px(page)
