"""Security review, finding 16: mail bodies. Plain text without HTML entities, an HTML
alternative in one shared layout for every mail, escaped where people's input goes in."""

from __future__ import annotations

import pytest
from django.core import mail

from olievlek.events.tests.factories import EventFactory, RegistrationFactory
from olievlek.network.choices import Status
from olievlek.network.emails import send_templated
from olievlek.network.services import organisation_reject
from olievlek.network.tests.factories import ContactPersonFactory

from ..models import OutboundMail
from ..rendering import header_safe, render_mail

pytestmark = pytest.mark.django_db

NAME = 'Jansen & Zn\'s "Bakkerij"'


def confirmed_mail(name=NAME, language=None, title="Kijkje in de keuken"):
    registration = RegistrationFactory(name=name, event=EventFactory(title=title))
    send_templated(
        template="events/emails/confirmed",
        recipients=[registration.email],
        context={
            "registration": registration,
            "event": registration.event,
            "path": registration.get_absolute_url(),
        },
        language=language,
    )


def only_mail(django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        confirmed_mail(**kwargs)
    (message,) = mail.outbox
    return message


def html_of(message) -> str:
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"
    return html


def test_text_bodies_show_ampersands_and_apostrophes_as_typed(django_capture_on_commit_callbacks):
    message = only_mail(django_capture_on_commit_callbacks, title="Zorg & Welzijn's dag")
    assert 'Beste Jansen & Zn\'s "Bakkerij",' in message.body
    assert "“Zorg & Welzijn's dag”" in message.body
    assert message.subject == "[Olievlek] U bent aangemeld: Zorg & Welzijn's dag"
    for entity in ("&amp;", "&#x27;", "&#39;", "&quot;"):
        assert entity not in message.body and entity not in message.subject


def test_text_bodies_of_templates_without_autoescape_off_show_what_was_typed(
    staff_user, django_capture_on_commit_callbacks
):
    organisation = ContactPersonFactory(
        organisation__status=Status.PENDING, organisation__name="Jansen & Zn's"
    ).organisation
    with django_capture_on_commit_callbacks(execute=True):
        organisation_reject(
            organisation=organisation, actor=staff_user, reason='Geen "KvK" & geen site'
        )
    (message,) = mail.outbox
    assert "de aanmelding van Jansen & Zn's" in message.body
    assert 'Geen "KvK" & geen site' in message.body
    for entity in ("&amp;", "&#x27;", "&quot;"):
        assert entity not in message.body
    assert "Jansen &amp; Zn&#x27;s" in html_of(message)


def test_every_mail_has_an_html_alternative_in_the_shared_layout(
    django_capture_on_commit_callbacks,
):
    html = html_of(only_mail(django_capture_on_commit_callbacks))
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="nl">' in html
    assert "<title>U bent aangemeld: Kijkje in de keuken</title>" in html
    assert "Het netwerk van werkgevers over duurzame inzetbaarheid" in html
    assert "Beste Jansen &amp; Zn&#x27;s &quot;Bakkerij&quot;," in html


def test_the_html_alternative_escapes_what_people_typed(django_capture_on_commit_callbacks):
    html = html_of(only_mail(django_capture_on_commit_callbacks, name="<script>x()</script>"))
    assert "<script>" not in html
    assert "&lt;script&gt;x()&lt;/script&gt;" in html


def test_the_html_alternative_makes_the_links_of_the_text_clickable(
    django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://olievlek.example.nl"
    message = only_mail(django_capture_on_commit_callbacks)
    path = OutboundMail.objects.get().body_text.split("https://olievlek.example.nl", 2)[1]
    link = "https://olievlek.example.nl" + path.split()[0]
    assert link in message.body
    assert f'<a href="{link}">{link}</a>' in html_of(message)


def test_a_mail_in_english_has_the_layout_in_english(django_capture_on_commit_callbacks):
    html = html_of(only_mail(django_capture_on_commit_callbacks, language="en"))
    assert '<html lang="en">' in html
    assert "The employer network on sustainable employability" in html


def test_an_html_body_template_is_used_when_there_is_one(settings):
    settings.TEMPLATES = [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {
                "loaders": [
                    (
                        "django.template.loaders.locmem.Loader",
                        {
                            "t/subject.txt": "Over {{ name }}",
                            "t/body.txt": "Tekst voor {{ name }}",
                            "t/body.html": "<p><strong>Voor</strong> {{ name }}</p>",
                        },
                    ),
                    "django.template.loaders.app_directories.Loader",
                ]
            },
        }
    ]
    rendered = render_mail(
        subject_template="t/subject.txt", body_template="t/body", context={"name": "A & B"}
    )
    assert (rendered.subject, rendered.text) == ("Over A & B", "Tekst voor A & B\n")
    assert "<p><strong>Voor</strong> A &amp; B</p>" in rendered.html
    assert "<!DOCTYPE html>" in rendered.html  # in the shared layout


def test_header_values_lose_every_kind_of_line_break():
    assert header_safe("a\r\nb\nc\rd\u2028e\u2029f\x85g\x0bh\x0ci") == "a b c d e f g h i"
    assert header_safe("  Olievlek <noreply@olievlek.test>\n") == "Olievlek <noreply@olievlek.test>"
