"""*Spontaan aanmelden*: an employer registers its organisation and waits for approval."""

from __future__ import annotations

from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

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


def organisation_register(*, data: RegistrationData, request) -> Organisation:
    """Create a pending organisation with its first contact and send the verification
    mail. Nothing is written when any part is invalid."""
    User = get_user_model()
    email = data.email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("An account with this email address already exists.")})
    if Organisation.objects.filter(kvk_number=data.kvk_number).exists():
        raise ValidationError(
            {"kvk_number": _("An organisation with this KvK number is already registered.")}
        )
    user = User(email=email, first_name=data.first_name, last_name=data.last_name)
    try:
        validate_password(data.password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from error

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
        organisation.full_clean()
        organisation.save()
        user.set_password(data.password)
        user.full_clean(exclude=["password"])
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
