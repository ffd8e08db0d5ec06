"""Form fields for what people type about themselves: email addresses, phone numbers and
new passwords, with the same rules and the same plain messages on every form.

Phone numbers are read as Dutch unless they start with a country code (+32, 0049), and
stored in one international notation, so "06-12345678" and "+31 6 1234 5678" are the same
number in the database and in exports.
"""

from __future__ import annotations

import phonenumbers
from django import forms
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils.translation import gettext_lazy as _

# RFC 5321 allows 254 characters in a forward path; longer addresses cannot be mailed.
MAX_EMAIL_LENGTH = 254
# The model fields hold 30 characters; the international notation is at most 20.
MAX_PHONE_INPUT_LENGTH = 30
DEFAULT_PHONE_REGION = "NL"

PHONE_INVALID = _(
    "Enter a valid phone number, such as 06-12345678, 010 123 4567 or +32 2 512 34 56."
)


def phone_normalise(value: str) -> str:
    """The number in international notation ("+31 6 12345678"), or a ValidationError."""
    text = (value or "").strip()
    if not text:
        return ""
    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, DEFAULT_PHONE_REGION)
    except phonenumbers.NumberParseException as error:
        raise ValidationError(PHONE_INVALID, code="invalid_phone") from error
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(PHONE_INVALID, code="invalid_phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def validate_phone(value: str) -> None:
    """A model validator: refuses what `phone_normalise` cannot read."""
    phone_normalise(value)


class PhoneField(forms.CharField):
    """A Dutch or international phone number, cleaned to international notation."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", MAX_PHONE_INPUT_LENGTH)
        kwargs.setdefault("help_text", _("For example 06-12345678 or +32 2 512 34 56."))
        kwargs.setdefault("widget", forms.TextInput)
        super().__init__(**kwargs)
        self.widget.attrs.update({"type": "tel", "autocomplete": "tel", "inputmode": "tel"})
        self.error_messages["max_length"] = PHONE_INVALID

    def clean(self, value):
        return phone_normalise(super().clean(value))


EMAIL_INVALID = _("Enter a valid email address, such as name@organisation.nl.")
EMAIL_TOO_LONG = _("An email address can have at most 254 characters.")


class EmailAddressField(forms.EmailField):
    """An email address of at most 254 characters, with our wording for the errors."""

    default_validators = [EmailValidator(message=EMAIL_INVALID)]

    def __init__(self, **kwargs):
        kwargs["max_length"] = MAX_EMAIL_LENGTH
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("autocomplete", "email")
        self.error_messages.update(invalid=EMAIL_INVALID, max_length=EMAIL_TOO_LONG)


class NewPasswordField(forms.CharField):
    """A password being chosen: the rules of the configured validators shown above the
    box before anything is typed. The rules themselves are checked by the service, which
    knows the person (the similarity rule needs their name and address)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Password"))
        kwargs.setdefault("widget", forms.PasswordInput(attrs={"autocomplete": "new-password"}))
        super().__init__(**kwargs)

    @property
    def help_text(self):
        # Built when rendered: the rules of AUTH_PASSWORD_VALIDATORS in the active language.
        return password_validators_help_text_html()

    @help_text.setter
    def help_text(self, value):
        """Field.__init__ sets a help text; the validators' rules always win."""
