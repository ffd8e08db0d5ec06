"""Email addresses, phone numbers and new passwords: the same rules and plain messages on
every form that asks for them."""

from __future__ import annotations

import pytest
from django import forms
from django.contrib.auth.password_validation import password_validators_help_texts
from django.utils import translation
from django.utils.html import conditional_escape

from olievlek.site.fields import (
    MAX_EMAIL_LENGTH,
    EmailAddressField,
    NewPasswordField,
    PhoneField,
)


class _Form(forms.Form):
    email = EmailAddressField(required=False)
    phone = PhoneField(required=False)
    password = NewPasswordField(required=False)


def _errors(**data) -> dict:
    with translation.override("nl"):
        form = _Form(data=data)
        form.is_valid()
        return {name: [str(e) for e in errors] for name, errors in form.errors.items()}


def _phone(value: str) -> str:
    form = _Form(data={"phone": value})
    assert form.is_valid(), form.errors
    return form.cleaned_data["phone"]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("06-12345678", "+31 6 12345678"),
        ("0612345678", "+31 6 12345678"),
        ("+31 6 1234 5678", "+31 6 12345678"),
        ("0031612345678", "+31 6 12345678"),
        ("010 123 4567", "+31 10 123 4567"),
        ("(038) 123 45 67", "+31 38 123 4567"),
    ],
)
def test_dutch_phone_numbers_are_stored_in_one_international_notation(typed, stored):
    assert _phone(typed) == stored


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("+32 2 512 34 56", "+32 2 512 34 56"), ("+49 30 12345678", "+49 30 12345678")],
)
def test_international_phone_numbers_are_accepted(typed, stored):
    assert _phone(typed) == stored


@pytest.mark.parametrize("typed", ["12345", "06-1234", "bel me maar", "+31 6 1234567890123"])
def test_a_phone_number_that_cannot_exist_is_refused_in_dutch(typed):
    assert _errors(phone=typed)["phone"] == [
        "Vul een geldig telefoonnummer in, zoals 06-12345678, 010 123 4567 of +32 2 512 34 56."
    ]


def test_an_empty_optional_phone_number_stays_empty():
    assert _phone("") == ""


def test_an_email_address_longer_than_254_characters_is_refused_in_dutch():
    local = "a" * 64
    domain = ".".join(["b" * 60] * 4) + ".nl"
    address = f"{local}@{domain}"
    assert len(address) > MAX_EMAIL_LENGTH
    assert _errors(email=address)["email"] == ["Een e-mailadres heeft hoogstens 254 tekens."]


def test_an_email_address_of_254_characters_is_accepted():
    local = "a" * 64
    domain = ".".join(["b" * 60] * 3) + "." + "c" * (254 - 64 - 1 - 3 * 61 - 1 - 2) + ".nl"
    address = f"{local}@{domain}"
    assert len(address) == MAX_EMAIL_LENGTH
    assert "email" not in _errors(email=address)


def test_an_invalid_email_address_is_refused_with_an_example_in_dutch():
    assert _errors(email="noor@")["email"] == [
        "Vul een geldig e-mailadres in, zoals naam@organisatie.nl."
    ]


def test_the_password_field_explains_every_configured_rule_in_dutch_before_typing():
    with translation.override("nl"):
        html = str(_Form()["password"].help_text)
        rules = password_validators_help_texts()
    assert len(rules) == 4
    for rule in rules:
        assert conditional_escape(rule) in html
    assert "minstens 10 tekens" in html
