"""The sign-up review page flags organisations that may be the same employer, with a
link to each and the reason."""

from __future__ import annotations

import pytest

from .. import selectors
from ..choices import Status
from .factories import ContactPersonFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def signup():
    return ContactPersonFactory(
        organisation__status=Status.PENDING,
        organisation__name="Bakkerij De Korenaar B.V.",
        organisation__website="https://www.korenaar.nl",
        user__email="jan@korenaar.nl",
    ).organisation


def _page(client_for, staff_user, organisation) -> str:
    return client_for(staff_user).get(f"/beheer/aanmeldingen/{organisation.pk}/").content.decode()


def test_a_similar_name_is_flagged_with_a_link(client_for, staff_user, signup):
    existing = OrganisationFactory(name="bakkerij de korenaar")
    page = _page(client_for, staff_user, signup)
    assert "Mogelijk dubbel" in page
    assert f'href="/beheer/organisaties/{existing.pk}/"' in page
    assert "een vergelijkbare naam (100% gelijk)" in page


def test_the_same_mail_domain_of_a_contact_is_flagged(client_for, staff_user, signup):
    other = ContactPersonFactory(
        organisation__name="Korenaar Groothandel Noord", user__email="els@korenaar.nl"
    ).organisation
    page = _page(client_for, staff_user, signup)
    assert f'href="/beheer/organisaties/{other.pk}/"' in page
    assert "hetzelfde domein korenaar.nl" in page


def test_another_pending_sign_up_links_to_its_review(client_for, staff_user, signup):
    twin = OrganisationFactory(name="Bakkerij de Korenaar", pending=True)
    page = _page(client_for, staff_user, signup)
    assert f'href="/beheer/aanmeldingen/{twin.pk}/"' in page


def test_a_shared_common_mail_provider_is_not_flagged(client_for, staff_user):
    signup = ContactPersonFactory(
        organisation__status=Status.PENDING,
        organisation__name="Kapsalon Knip",
        user__email="knip@gmail.com",
    ).organisation
    ContactPersonFactory(organisation__name="Garage Snel", user__email="snel@gmail.com")
    page = _page(client_for, staff_user, signup)
    assert "Mogelijk dubbel" not in page
    assert selectors.registration_duplicates(organisation=signup) == []
