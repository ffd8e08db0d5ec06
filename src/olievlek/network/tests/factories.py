"""Factories for the network, with traits for the states tests need."""

from __future__ import annotations

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from ..choices import Status, Theme
from ..models import ContactPerson, Invitation, Organisation, ThemeProfile

PASSWORD = "een-lang-wachtwoord-42"  # noqa: S105


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.nl")
    first_name = "Eva"
    last_name = factory.Sequence(lambda n: f"Jansen {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        if create:
            obj.save()
            if extracted is not False:
                EmailAddress.objects.create(user=obj, email=obj.email, primary=True, verified=True)

    class Params:
        staff = factory.Trait(is_staff=True)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    slug = factory.Sequence(lambda n: f"organisatie-{n}")
    kvk_number = factory.Sequence(lambda n: f"{10000000 + n:08d}")
    city = "Utrecht"
    province = "NL-UT"
    sector = "C"
    size_class = "klein"
    status = Status.APPROVED

    class Params:
        pending = factory.Trait(status=Status.PENDING)
        rejected = factory.Trait(status=Status.REJECTED, status_reason="Geen werkgever")
        koploper = factory.Trait(is_koploper=True)


class ThemeProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThemeProfile

    organisation = factory.SubFactory(OrganisationFactory)
    theme = Theme.GEZONDHEID
    has_experience = True


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    is_primary = True


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"uitgenodigd{n}@example.nl")
