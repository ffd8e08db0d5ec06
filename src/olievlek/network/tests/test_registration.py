"""Registering an organisation (*spontaan aanmelden*): form, service and email."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.urls import reverse

from ..choices import Status
from ..models import ContactPerson, Organisation
from .factories import OrganisationFactory, UserFactory

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
def test_existing_kvk_number_or_email_is_refused_without_writing(client):
    OrganisationFactory(kvk_number="12345678")
    response = post(client)
    assert "kvk_number" in response.context["form"].errors
    UserFactory(email="noor@hetanker.example")
    response = post(client, kvk_number="87654321")
    assert "email" in response.context["form"].errors
    assert Organisation.objects.count() == 1
    assert not mail.outbox


@pytest.mark.django_db
def test_unverified_contact_cannot_log_in(client):
    post(client)
    response = client.post(
        reverse("account_login"), {"login": "noor@hetanker.example", "password": VALID["password"]}
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 302)
