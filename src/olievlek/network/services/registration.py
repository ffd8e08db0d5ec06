"""*Spontaan aanmelden*: an employer registers its organisation and waits for approval."""

from __future__ import annotations

from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from olievlek.accounts.languages import active_language, send_in_language

from ..choices import Source, Status
from ..models import ContactPerson, Organisation, ThemeProfile
from .slugs import unique_slug


@dataclass(frozen=True, kw_only=True)
class RegistrationData:
    name: str
    kvk_number: str
    city: str
    province: str
    sector: str
    size_class: str
    website: str = ""
    description: str = ""
    experience_themes: frozenset[str] = field(default_factory=frozenset)
    help_themes: frozenset[str] = field(default_factory=frozenset)
    first_name: str
    last_name: str
    job_title: str = ""
    email: str
    phone: str = ""
    password: str


def organisation_register(*, data: RegistrationData, request) -> Organisation | None:
    """Create a pending organisation with its first contact and send the verification
    mail. Nothing is written when any part is invalid.

    An address or KvK number that is already registered gets the same answer as a new
    sign-up (None instead of the organisation, which the view does not show): the form
    must not tell a visitor who is a member. The owner of the address, or the contacts
    of the registered organisation, get a mail instead."""
    User = get_user_model()
    email = data.email.strip().lower()
    user = User(
        email=email,
        first_name=data.first_name,
        last_name=data.last_name,
        language=active_language(),
    )
    try:
        validate_password(data.password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from error
    email_taken = User.objects.filter(email__iexact=email).exists()
    existing = Organisation.objects.filter(kvk_number=data.kvk_number).first()
    if email_taken or existing is not None:
        _tell_the_owners(email=email if email_taken else None, organisation=existing)
        return None

    try:
        return _create(data=data, user=user, email=email, request=request)
    except IntegrityError:
        # Someone registered the same number or address a moment ago.
        _tell_the_owners(
            email=email if User.objects.filter(email__iexact=email).exists() else None,
            organisation=Organisation.objects.filter(kvk_number=data.kvk_number).first(),
        )
        return None


def _create(*, data: RegistrationData, user, email: str, request) -> Organisation:
    with transaction.atomic():
        organisation = Organisation(
            name=data.name.strip(),
            slug=unique_slug(data.name),
            kvk_number=data.kvk_number,
            city=data.city.strip(),
            province=data.province,
            sector=data.sector,
            size_class=data.size_class,
            website=data.website,
            description=data.description,
            status=Status.PENDING,
            source=Source.REGISTRATION,
        )
        # Uniqueness is left to the database: a form error about a taken KvK number or
        # address would tell who is registered (see `organisation_register`).
        organisation.full_clean(validate_unique=False)
        organisation.save()
        user.set_password(data.password)
        user.full_clean(exclude=["password"], validate_unique=False)
        user.save()
        ContactPerson.objects.create(
            user=user,
            organisation=organisation,
            job_title=data.job_title,
            phone=data.phone,
            is_primary=True,
        )
        ThemeProfile.objects.bulk_create(
            ThemeProfile(
                organisation=organisation,
                theme=theme,
                has_experience=theme in data.experience_themes,
                wants_help=theme in data.help_themes,
            )
            for theme in sorted(data.experience_themes | data.help_themes)
        )
        address = EmailAddress.objects.create(user=user, email=email, primary=True, verified=False)
    # allauth builds the link from the request, so the mail goes out here, once the
    # registration is stored, rather than in an on-commit hook outside the request.
    address.send_confirmation(request, signup=True)
    return organisation


def _tell_the_owners(*, email: str | None, organisation: Organisation | None) -> None:
    if email is not None:
        send_in_language(
            template="network/emails/signup_email_taken",
            recipients=[email],
            context={
                "login_path": reverse("account_login"),
                "reset_path": reverse("account_reset_password"),
            },
        )
    if organisation is not None and organisation.status != Status.DELETED:
        recipients = list(organisation.contacts.values_list("user__email", flat=True))
        send_in_language(
            template="network/emails/signup_kvk_taken",
            recipients=recipients,
            context={
                "organisation": organisation,
                "contacts_path": reverse("network:member_contacts"),
            },
        )
