"""Registering an organisation (*spontaan aanmelden*): form, service and email."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from ..choices import Status
from ..models import ContactPerson, Organisation
from .factories import ContactPersonFactory, UserFactory

VALID = {
    "name": "Drukkerij Het Anker",
    "kvk_number": "12345678",
    "city": "Zwolle",
    "province": "NL-OV",
    "sector": "C",
    "size_class": "klein",
    "website": "www.hetanker.example",
    "experience_themes": ["gezondheid"],
    "help_themes": ["apk", "ontwikkeling"],
    "first_name": "Noor",
    "last_name": "Visser",
    "job_title": "HR",
    "email": "Noor@HetAnker.example",
    "phone": "038 1234567",
    "password": "een-veilig-wachtwoord-77",
    "consent": "on",
}


def post(client, **changes):
    return client.post(reverse("network:register"), {**VALID, **changes})


@pytest.mark.django_db
def test_registration_creates_pending_organisation_contact_and_themes(client):
    response = post(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("network:register_done")
    org = Organisation.objects.get(kvk_number="12345678")
    assert org.status == Status.PENDING
    assert org.website == "https://www.hetanker.example"
    contact = ContactPerson.objects.get(organisation=org)
    assert contact.is_primary and contact.user.email == "noor@hetanker.example"
    themes = {p.theme: (p.has_experience, p.wants_help) for p in org.theme_profiles.all()}
    assert themes == {
        "gezondheid": (True, False),
        "apk": (False, True),
        "ontwikkeling": (False, True),
    }


@pytest.mark.django_db
def test_registration_sends_a_verification_link_that_verifies_the_address(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(client)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["noor@hetanker.example"]
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    assert link.startswith(settings.SITE_URL + "/")  # the public address, not the request's
    path = link.removeprefix(settings.SITE_URL)
    client.post(path)
    assert EmailAddress.objects.get(email="noor@hetanker.example").verified


@pytest.mark.django_db
def test_pending_organisation_is_not_in_the_directory(client):
    post(client)
    response = client.get(reverse("network:directory"), {"q": "Het Anker"})
    assert "Drukkerij Het Anker" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("kvk_number", "1234567"),
        ("kvk_number", "1234567a"),
        ("email", "geen-email"),
        ("province", "NL-XX"),
        ("sector", "Z"),
        ("size_class", "reus"),
        ("password", "kort"),
        ("consent", ""),
        ("name", ""),
    ],
)
def test_invalid_input_is_refused_and_kept_in_the_form(client, field, value):
    response = post(client, **{field: value})
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    assert not Organisation.objects.exists()
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert 'value="Drukkerij Het Anker"' in html or field == "name"


@pytest.mark.django_db
def test_registration_needs_at_least_one_theme(client):
    response = post(client, experience_themes=[], help_themes=[])
    assert response.context["form"].non_field_errors()
    assert not Organisation.objects.exists()


@pytest.mark.django_db
def test_existing_kvk_number_is_refused_without_writing_and_the_members_are_told(
    client, django_capture_on_commit_callbacks
):
    member = ContactPersonFactory(
        organisation__kvk_number="12345678", user__email="lid@bestaand.example"
    )
    with django_capture_on_commit_callbacks(execute=True):  # mail leaves after commit
        response = post(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("network:register_done")
    assert Organisation.objects.count() == 1
    assert not get_user_model().objects.filter(email="noor@hetanker.example").exists()
    assert [m.to for m in mail.outbox] == [["lid@bestaand.example"]]
    assert member.organisation.name in mail.outbox[0].subject
    assert "12345678" in mail.outbox[0].body


@pytest.mark.django_db
def test_existing_email_is_refused_without_writing_and_its_owner_is_told(
    client, django_capture_on_commit_callbacks
):
    UserFactory(email="noor@hetanker.example")
    with django_capture_on_commit_callbacks(execute=True):  # mail leaves after commit
        response = post(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("network:register_done")
    assert not Organisation.objects.exists()
    assert [m.to for m in mail.outbox] == [["noor@hetanker.example"]]
    assert reverse("account_login") in mail.outbox[0].body
    assert reverse("account_reset_password") in mail.outbox[0].body


@pytest.mark.django_db
def test_a_visitor_cannot_tell_a_registered_kvk_or_address_from_a_new_one(client):
    """The answer to an existing KvK number or address is the answer to a new sign-up."""
    ContactPersonFactory(organisation__kvk_number="11112222", user__email="lid@bestaand.example")
    answers = [
        post(client, kvk_number="11112222", email="nieuw@example.nl"),
        post(client, kvk_number="33334444", email="lid@bestaand.example"),
        post(client, kvk_number="55556666", email="nog-nieuwer@example.nl"),
    ]
    assert {(r.status_code, r["Location"]) for r in answers} == {
        (302, reverse("network:register_done"))
    }
    pages = {client.get(r["Location"]).content for r in answers}
    assert len(pages) == 1


@pytest.mark.django_db
def test_unverified_contact_cannot_log_in(client):
    post(client)
    response = client.post(
        reverse("account_login"), {"login": "noor@hetanker.example", "password": VALID["password"]}
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 302)


@pytest.mark.django_db
def test_a_kvk_number_taken_a_moment_ago_gets_the_same_answer(client, monkeypatch):
    """Two sign-ups for one number at once: the second hits the database constraint."""
    from ..services import registration

    ContactPersonFactory(organisation__kvk_number="12345678", user__email="lid@bestaand.example")
    real = Organisation.objects.filter

    def not_yet(*args, **kwargs):
        # The check before writing does not see the other sign-up yet.
        if kwargs == {"kvk_number": "12345678"}:
            return real(pk=-1)
        return real(*args, **kwargs)

    monkeypatch.setattr(registration.Organisation.objects, "filter", not_yet)
    response = post(client)
    monkeypatch.undo()
    assert response.status_code == 302
    assert response["Location"] == reverse("network:register_done")
    assert Organisation.objects.count() == 1
    assert not get_user_model().objects.filter(email="noor@hetanker.example").exists()


@pytest.mark.django_db
def test_the_consent_checkbox_links_to_the_privacy_statement(client):
    page = client.get(reverse("network:register")).content.decode()
    consent = page[page.index('id="id_consent"') :]
    assert f'<a class="utrecht-link" href="{reverse("privacy")}">' in consent[:1500]
    assert 'aria-describedby="id_consent_helptext"' in page


@pytest.mark.django_db
def test_registering_in_english_makes_english_the_contacts_language(client):
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    post(client)
    assert ContactPerson.objects.get().user.language == "en"


@pytest.mark.django_db
def test_registering_in_dutch_makes_dutch_the_contacts_language(client):
    post(client)
    assert ContactPerson.objects.get().user.language == "nl"
