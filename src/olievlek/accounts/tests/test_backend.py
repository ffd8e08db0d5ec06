"""The backend's user of each request: read with hand-written SQL, it must be what the ORM
would have read, with the contact person and organisation already there."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.forms.models import model_to_dict

from olievlek.accounts.backends import AccountBackend, user_with_organisation
from olievlek.network.models import ContactPerson, Organisation
from olievlek.network.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _fields(instance) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


def test_the_user_contact_and_organisation_equal_the_orms(user_a, org_a, django_assert_num_queries):
    org_a.reviewed_at = org_a.created_at  # a date and a foreign key that is set, too
    org_a.save()
    with django_assert_num_queries(1):
        user = user_with_organisation(user_a.pk)
    with django_assert_num_queries(0):
        contact, organisation = user.contact, user.contact.organisation
        assert contact.user is user
    assert _fields(user) == _fields(get_user_model().objects.get(pk=user_a.pk))
    assert _fields(contact) == _fields(ContactPerson.objects.get(user=user_a))
    assert _fields(organisation) == _fields(Organisation.objects.get(pk=org_a.pk))
    assert user.last_login is None or user.last_login.tzinfo is not None
    assert organisation.created_at.tzinfo is not None
    assert not user._state.adding and user._state.db == "default"
    assert model_to_dict(organisation)["name"] == "Bakkerij A"


def test_a_user_without_contact_person_has_none_without_a_query(db, django_assert_num_queries):
    staff = UserFactory(staff=True)
    user = user_with_organisation(staff.pk)
    with django_assert_num_queries(0), pytest.raises(ContactPerson.DoesNotExist):
        user.contact  # noqa: B018


def test_an_unknown_or_inactive_user_is_nobody(user_a):
    backend = AccountBackend()
    assert backend.get_user(user_a.pk + 1000) is None
    assert backend.get_user(user_a.pk) == user_a
    user_a.is_active = False
    user_a.save()
    assert backend.get_user(user_a.pk) is None


def test_a_saved_change_is_seen_on_the_next_request(user_a, org_a, client_for):
    client = client_for(user_a)
    assert "Bakkerij A" in client.get("/mijn/").content.decode()
    Organisation.objects.filter(pk=org_a.pk).update(name="Bakkerij Anders")
    assert "Bakkerij Anders" in client.get("/mijn/").content.decode()
