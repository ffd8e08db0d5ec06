"""Fixtures shared by every test: the four kinds of visitor the permission rules know."""

from __future__ import annotations

import pytest


@pytest.fixture
def staff_user(db):
    """A project-team member who completed the second factor: as a service argument it is
    marked as acting for the team, and `client_for` logs it in with TOTP recorded."""
    from allauth.mfa.totp.internal.auth import TOTP

    from olievlek.accounts.tests.support import TOTP_SECRET, as_team
    from olievlek.network.tests.factories import UserFactory

    user = UserFactory(staff=True, email="staf@olievlek.test")
    TOTP.activate(user, TOTP_SECRET)
    return as_team(user)


@pytest.fixture
def staff_without_mfa(db):
    """A staff account whose session has only a password (no TOTP set up)."""
    from olievlek.network.tests.factories import UserFactory

    return UserFactory(staff=True, email="staf-zonder-code@olievlek.test")


@pytest.fixture
def org_a(db):
    from olievlek.network.tests.factories import ContactPersonFactory, ThemeProfileFactory

    contact = ContactPersonFactory(organisation__name="Bakkerij A", user__email="a@example.nl")
    ThemeProfileFactory(organisation=contact.organisation)
    return contact.organisation


@pytest.fixture
def org_b(db):
    from olievlek.network.tests.factories import ContactPersonFactory

    contact = ContactPersonFactory(organisation__name="Bouwbedrijf B", user__email="b@example.nl")
    return contact.organisation


@pytest.fixture
def user_a(org_a):
    return org_a.contacts.get().user


@pytest.fixture
def user_b(org_b):
    return org_b.contacts.get().user


@pytest.fixture
def client_for(client):
    """A logged-in test client for a user (or anonymous for None); the project team
    logs in with its second factor."""
    from django.test import Client

    from olievlek.accounts.access import is_team
    from olievlek.accounts.tests.support import login_with_mfa

    def make(user):
        c = Client()
        if user is not None and is_team(user):
            login_with_mfa(c, user)
        elif user is not None:
            c.force_login(user)
        return c

    return make


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: allauth remembers used two-factor codes there
    (per user id, and ids repeat between tests), and pages may be cached."""
    from django.conf import settings

    if settings.configured:  # engine tests may run without Django (-p no:django)
        from django.core.cache import cache

        cache.clear()
    yield
