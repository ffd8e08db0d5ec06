import pytest

from .factories import ContactPersonFactory


@pytest.mark.django_db
def test_contact_factory_builds_a_verified_user_in_an_approved_organisation():
    contact = ContactPersonFactory()
    assert contact.organisation.is_approved
    assert contact.user.emailaddress_set.get().verified
    assert contact.user.check_password("een-lang-wachtwoord-42")
