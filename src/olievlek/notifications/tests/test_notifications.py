from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from olievlek.mail.models import OutboundMail
from olievlek.notifications import selectors, services
from olievlek.notifications.models import Notification

pytestmark = pytest.mark.django_db


def mails_to(email):
    return OutboundMail.objects.filter(recipient=email)


def test_notify_at_once_mails_the_person(user_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        n = services.notify(user=user_a, kind="match", text="Een voorstel", link="/x")
    assert n.mailed_at is not None or Notification.objects.get(pk=n.pk).mailed_at
    assert mails_to(user_a.email).count() == 1


def test_never_keeps_it_in_the_centre_without_mail(user_a, django_capture_on_commit_callbacks):
    services.preferences_save(user=user_a, cadences={"match": "never"})
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(user=user_a, kind="match", text="Een voorstel")
    assert mails_to(user_a.email).count() == 0
    assert selectors.unread_count(user=user_a) == 1


def test_a_reminder_with_the_same_key_is_made_once(user_a):
    services.notify(user=user_a, kind="reminder", text="a", dedup_key="k1")
    assert services.notify(user=user_a, kind="reminder", text="a", dedup_key="k1") is None
    assert Notification.objects.filter(dedup_key="k1").count() == 1


def test_one_daily_digest_per_person_per_period(user_a, django_capture_on_commit_callbacks):
    services.preferences_save(user=user_a, cadences={"story": "daily"})
    services.notify(user=user_a, kind="story", text="een")
    services.notify(user=user_a, kind="story", text="twee")
    with django_capture_on_commit_callbacks(execute=True):
        assert services.digests_send(period="daily") == 1
        services.notify(user=user_a, kind="story", text="drie")
        assert services.digests_send(period="daily") == 0
    assert mails_to(user_a.email).count() == 1
    assert "twee" in mails_to(user_a.email).get().body_text


def test_the_next_day_the_rest_goes_out(user_a):
    services.preferences_save(user=user_a, cadences={"story": "daily"})
    services.notify(user=user_a, kind="story", text="een")
    services.digests_send(period="daily")
    services.notify(user=user_a, kind="story", text="twee")
    tomorrow = timezone.now() + timedelta(days=1)
    assert services.digests_send(period="daily", now=tomorrow) == 1


def test_no_digest_when_nothing_happened(user_a):
    services.preferences_save(user=user_a, cadences={"story": "weekly"})
    call_command("notifications_digest", "--period", "weekly")
    assert mails_to(user_a.email).count() == 0


def test_a_weekly_digest_skips_daily_kinds(user_a):
    services.preferences_save(user=user_a, cadences={"story": "weekly", "match": "daily"})
    services.notify(user=user_a, kind="match", text="dagelijks")
    assert services.digests_send(period="weekly") == 0
    assert services.digests_send(period="daily") == 1


def test_mark_all_read_leaves_others_alone(user_a, user_b):
    services.notify(user=user_a, kind="story", text="a")
    services.notify(user=user_b, kind="story", text="b")
    services.notifications_mark_all_read(user=user_a)
    assert selectors.unread_count(user=user_a) == 0
    assert selectors.unread_count(user=user_b) == 1


def test_the_menu_shows_the_unread_count(user_a, client_for):
    services.notify(user=user_a, kind="story", text="a")
    html = client_for(user_a).get("/mijn/meldingen/").content.decode()
    assert '1<span class="ov-visually-hidden">' in html


def test_preferences_page_saves_a_choice(user_a, client_for):
    data = {kind: "at_once" for kind in selectors.preferences_for(user=user_a)}
    data["meeting"] = "weekly"
    client_for(user_a).post("/mijn/meldingen/instellingen", data)
    assert selectors.preferences_for(user=user_a)["meeting"] == "weekly"


def test_preferences_page_refuses_nonsense_and_keeps_choices(user_a, client_for):
    response = client_for(user_a).post("/mijn/meldingen/instellingen", {"meeting": "hourly"})
    assert response.status_code == 200
    assert selectors.preferences_for(user=user_a)["meeting"] == "at_once"


def test_one_cannot_mark_someone_elses_notification(user_a, user_b, client_for):
    n = services.notify(user=user_b, kind="story", text="b")
    client_for(user_a).post(f"/mijn/meldingen/{n.pk}/gelezen")
    n.refresh_from_db()
    assert n.read_at is None


def test_an_english_member_gets_the_notification_mail_in_english(
    user_a, user_b, django_capture_on_commit_callbacks
):
    from olievlek.accounts.languages import user_language_set

    user_language_set(user=user_a, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(user=user_a, kind="match", text="A proposal", link="/x")
        services.notify(user=user_b, kind="match", text="Een voorstel", link="/x")
    english, dutch = mails_to(user_a.email).get(), mails_to(user_b.email).get()
    assert "All your notifications, and when you get them by mail:" in english.body_text
    assert "Al uw meldingen, en wanneer u ze per mail krijgt:" in dutch.body_text


def test_a_reminder_is_written_in_the_persons_language(user_a, user_b):
    from olievlek.accounts.languages import user_language_set
    from olievlek.events.tests.factories import EventFactory, RegistrationFactory
    from olievlek.notifications.reminders import reminders_send

    user_language_set(user=user_a, language="en")
    tomorrow = timezone.localtime() + timedelta(days=1)
    event = EventFactory(starts_at=tomorrow.replace(hour=10, minute=0), title="Open dag")
    RegistrationFactory(event=event, registered_by=user_a)
    RegistrationFactory(event=event, registered_by=user_b)
    reminders_send()
    assert Notification.objects.get(recipient=user_a).text.startswith("Tomorrow: Open dag")
    assert Notification.objects.get(recipient=user_b).text.startswith("Morgen: Open dag")


def test_the_digest_is_in_the_persons_language(user_a, user_b, django_capture_on_commit_callbacks):
    from olievlek.accounts.languages import user_language_set

    user_language_set(user=user_a, language="en")
    for user in (user_a, user_b):
        services.preferences_save(user=user, cadences={"story": "daily"})
        services.notify(user=user, kind="story", text="Verhaal")
    with django_capture_on_commit_callbacks(execute=True):
        assert services.digests_send(period="daily") == 2
    assert mails_to(user_a.email).get().subject.endswith("Your notifications of today")
    assert mails_to(user_b.email).get().subject.endswith("Uw meldingen van vandaag")


def test_the_settings_page_saves_the_language(user_a, client_for):
    data = {kind: "at_once" for kind in selectors.preferences_for(user=user_a)}
    data["language"] = "en"
    client_for(user_a).post("/mijn/meldingen/instellingen", data)
    user_a.refresh_from_db()
    assert user_a.language == "en"


def test_the_settings_page_refuses_an_unknown_language(user_a, client_for):
    data = {kind: "at_once" for kind in selectors.preferences_for(user=user_a)}
    data["language"] = "fr"
    response = client_for(user_a).post("/mijn/meldingen/instellingen", data)
    assert response.status_code == 200
    user_a.refresh_from_db()
    assert user_a.language == "nl"
