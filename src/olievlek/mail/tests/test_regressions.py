"""Security review, findings 5 and 10 (the mail side): a mail never breaks the page that
caused it, a line break never reaches a header, a visitor cannot flood a mailbox, and the
people concerned can have a mail sent again."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from olievlek.audit.models import AuditEntry
from olievlek.events.choices import RegistrationState
from olievlek.events.models import Registration
from olievlek.events.tests.factories import EventFactory
from olievlek.network.choices import Status
from olievlek.network.models import Organisation
from olievlek.network.services import organisation_approve
from olievlek.network.tests.factories import ContactPersonFactory

from ..models import OutboundMail
from ..services import MAX_ATTEMPTS, mail_send_due
from . import backends
from .factories import OutboundMailFactory

pytestmark = pytest.mark.django_db

SIGN_UP = {
    "name": "Drukkerij Het Anker",
    "kvk_number": "12345678",
    "city": "Zwolle",
    "province": "NL-OV",
    "sector": "C",
    "size_class": "klein",
    "experience_themes": ["gezondheid"],
    "first_name": "Noor",
    "last_name": "Visser",
    "email": "noor@hetanker.example",
    "password": "een-veilig-wachtwoord-77",
    "consent": "on",
}


def visitor(name="Piet de Vries", email="piet@example.nl"):
    return {"name": name, "email": email, "organisation_name": "Kapsalon", "consent": "on"}


def register_visitor(client, event, **person):
    return client.post(f"/bijeenkomsten/{event.slug}/aanmelden", visitor(**person))


def test_a_newline_in_a_meeting_title_does_not_break_registration(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory(title="Kijkje in de keuken\nBcc: iedereen@example.nl")
    with django_capture_on_commit_callbacks(execute=True):
        response = register_visitor(client, event)
    assert response.status_code == 302
    queued = OutboundMail.objects.get()
    assert "\n" not in queued.subject and "\r" not in queued.subject
    assert queued.subject.endswith("Kijkje in de keuken Bcc: iedereen@example.nl")
    assert queued.state == OutboundMail.State.SENT
    (message,) = mail.outbox
    assert message.to == ["piet@example.nl"] and not message.bcc
    assert "\n" not in message.subject
    assert message.message()["Bcc"] is None


def test_a_newline_in_a_visitors_name_does_not_break_registration(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = register_visitor(client, event, name="Piet\r\nBcc: iedereen@example.nl")
    assert response.status_code == 302
    assert Registration.objects.get().state == RegistrationState.PENDING
    (message,) = mail.outbox
    assert message.to == ["piet@example.nl"] and not message.bcc
    assert "\n" not in OutboundMail.objects.get().subject


def test_a_newline_in_an_organisation_name_does_not_break_the_approval_mail(
    staff_user, django_capture_on_commit_callbacks
):
    organisation = ContactPersonFactory(
        organisation__status=Status.PENDING, organisation__name="Bakkerij\nDe Korenaar"
    ).organisation
    with django_capture_on_commit_callbacks(execute=True):
        organisation_approve(organisation=organisation, actor=staff_user)
    queued = OutboundMail.objects.get()
    assert queued.subject == "[Olievlek] Bakkerij De Korenaar hoort nu bij het netwerk"
    assert queued.state == OutboundMail.State.SENT


def test_sign_up_succeeds_with_the_mail_server_down_and_the_mail_follows_later(
    client, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = backends.DOWN
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/aanmelden", SIGN_UP)
    assert response.status_code == 302
    assert Organisation.objects.filter(kvk_number="12345678").exists()
    queued = OutboundMail.objects.get()
    assert queued.state == OutboundMail.State.RETRYING
    assert "Connection refused" in queued.last_error
    settings.EMAIL_BACKEND = backends.WORKING
    mail_send_due(now=queued.next_attempt_at)
    assert OutboundMail.objects.get().state == OutboundMail.State.SENT
    (message,) = mail.outbox
    assert message.to == ["noor@hetanker.example"]
    assert "/accounts/confirm-email/" in message.body


def test_a_visitor_registration_succeeds_with_the_mail_server_down_and_the_mail_follows_later(
    client, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = backends.DOWN
    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = register_visitor(client, event)
    assert response.status_code == 302
    registration = Registration.objects.get()
    queued = OutboundMail.objects.get()
    assert queued.state == OutboundMail.State.RETRYING
    settings.EMAIL_BACKEND = backends.WORKING
    mail_send_due(now=queued.next_attempt_at)
    (message,) = mail.outbox
    assert registration.get_absolute_url() in message.body


def test_after_the_last_attempt_staff_see_the_mail_failed_with_the_reason(
    client, settings, django_capture_on_commit_callbacks, client_for, staff_user
):
    settings.EMAIL_BACKEND = backends.DOWN
    with django_capture_on_commit_callbacks(execute=True):
        register_visitor(client, EventFactory())
    for _ in range(MAX_ATTEMPTS - 1):
        mail_send_due(now=OutboundMail.objects.get().next_attempt_at)
    queued = OutboundMail.objects.get()
    assert (queued.state, queued.attempts) == (OutboundMail.State.FAILED, MAX_ATTEMPTS)
    staff = client_for(staff_user)
    listing = staff.get("/beheer/mail/?state=failed").content.decode()
    assert "piet@example.nl" in listing and "Mislukt" in listing
    detail = staff.get(f"/beheer/mail/{queued.pk}/").content.decode()
    assert "Connection refused" in detail
    assert "Opnieuw versturen" in detail


def test_staff_send_a_failed_mail_again(client_for, staff_user):
    failed = OutboundMailFactory(failed=True, recipient="noor@example.nl")
    response = client_for(staff_user).post(f"/beheer/mail/{failed.pk}/opnieuw-versturen")
    copy = OutboundMail.objects.get(resent_from=failed)
    assert response.status_code == 302 and response.url == f"/beheer/mail/{copy.pk}/"
    # The test client runs no on-commit hooks; the copy is queued for the worker.
    assert copy.state == OutboundMail.State.QUEUED
    mail_send_due()
    copy.refresh_from_db()
    assert copy.state == OutboundMail.State.SENT
    (message,) = mail.outbox
    assert (message.to, message.subject, message.body) == (
        ["noor@example.nl"],
        failed.subject,
        failed.body_text,
    )
    failed.refresh_from_db()
    assert failed.state == OutboundMail.State.FAILED  # the original keeps its history
    entry = AuditEntry.objects.get(action="mail.resend")
    assert entry.actor == staff_user and entry.target_id == str(failed.pk)


def test_a_mail_still_on_its_way_is_not_sent_again(client_for, staff_user):
    retrying = OutboundMailFactory(retrying=True)
    response = client_for(staff_user).post(f"/beheer/mail/{retrying.pk}/opnieuw-versturen")
    assert response.status_code == 302
    assert not OutboundMail.objects.filter(resent_from=retrying).exists()


@pytest.mark.parametrize("who", ["anon", "member", "staff_without_mfa"])
def test_only_the_project_team_sends_a_mail_again(who, client_for, user_a, staff_without_mfa):
    failed = OutboundMailFactory(failed=True)
    user = {"anon": None, "member": user_a, "staff_without_mfa": staff_without_mfa}[who]
    client_for(user).post(f"/beheer/mail/{failed.pk}/opnieuw-versturen")
    assert OutboundMail.objects.count() == 1
    assert not AuditEntry.objects.exists()


def test_a_visitor_has_the_confirmation_mail_sent_again_from_the_check_your_mail_page(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        register_visitor(client, event)
    done = f"/bijeenkomsten/{event.slug}/aanmelden/verstuurd"
    resend = f"/bijeenkomsten/{event.slug}/aanmelden/opnieuw-mailen"
    page = client.get(done).content.decode()
    assert "piet@example.nl" in page and resend in page

    # At once again: refused, the first one has only just gone out.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(resend, follow=True)
    assert "zo net" in response.content.decode()
    assert len(mail.outbox) == 1

    OutboundMail.objects.update(created_at=timezone.now() - timedelta(minutes=3))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(resend, follow=True)
    assert "opnieuw gestuurd naar piet@example.nl" in response.content.decode()
    assert [m.to for m in mail.outbox] == [["piet@example.nl"], ["piet@example.nl"]]
    link = Registration.objects.get().get_absolute_url()
    assert link in mail.outbox[1].body


def test_the_resend_needs_the_visitors_own_pending_registration(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory()
    resend = f"/bijeenkomsten/{event.slug}/aanmelden/opnieuw-mailen"
    assert client.post(resend).status_code == 404  # nothing registered in this session
    with django_capture_on_commit_callbacks(execute=True):
        register_visitor(client, event)
    Registration.objects.update(state=RegistrationState.CONFIRMED)
    assert client.post(resend).status_code == 404  # confirmed already: nothing to resend
    assert (
        "opnieuw-mailen"
        not in client.get(f"/bijeenkomsten/{event.slug}/aanmelden/verstuurd").content.decode()
    )


def test_a_visitor_cannot_flood_an_address_with_confirmation_mails(
    client, django_capture_on_commit_callbacks
):
    events = [EventFactory() for _ in range(6)]
    with django_capture_on_commit_callbacks(execute=True):
        for event in events:
            assert register_visitor(client, event, email="doelwit@example.nl").status_code == 302
    assert len(mail.outbox) == 5
    held = OutboundMail.objects.get(state=OutboundMail.State.FAILED)
    assert "Tegengehouden" in held.last_error
    # Asking for it again does not get past the limit either.
    OutboundMail.objects.update(created_at=timezone.now() - timedelta(minutes=3))
    response = client.post(
        f"/bijeenkomsten/{events[-1].slug}/aanmelden/opnieuw-mailen", follow=True
    )
    assert "Probeer het later opnieuw" in response.content.decode()
    assert len(mail.outbox) == 5
