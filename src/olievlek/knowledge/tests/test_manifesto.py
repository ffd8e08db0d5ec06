"""The manifesto: success factors, signing, and the project team removing a signature."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from olievlek.audit.models import AuditEntry
from olievlek.network.tests.factories import ContactPersonFactory

from ..selectors import manifesto_signatories
from ..services import (
    FactorData,
    endorsement_remove,
    endorsement_withdraw,
    factor_delete,
    factor_save,
    manifesto_endorse,
)
from .factories import ManifestoFactorFactory, StoryFactory

pytestmark = pytest.mark.django_db


def test_an_organisation_signs_once_and_is_listed(org_a, user_a, client):
    manifesto_endorse(organisation=org_a, actor=user_a)
    with pytest.raises(ValidationError):
        manifesto_endorse(organisation=org_a, actor=user_a)
    assert [e.organisation for e in manifesto_signatories()] == [org_a]
    assert "Bakkerij A" in client.get("/manifest/").content.decode()


def test_a_colleague_cannot_sign_twice_for_the_same_organisation(org_a, user_a):
    colleague = ContactPersonFactory(organisation=org_a, is_primary=False).user
    manifesto_endorse(organisation=org_a, actor=user_a)
    with pytest.raises(ValidationError):
        manifesto_endorse(organisation=org_a, actor=colleague)


def test_only_contacts_of_approved_organisations_sign(org_a, user_b):
    with pytest.raises(PermissionDenied):
        manifesto_endorse(organisation=org_a, actor=user_b)
    pending = ContactPersonFactory(organisation__status="pending")
    with pytest.raises(ValidationError):
        manifesto_endorse(organisation=pending.organisation, actor=pending.user)


def test_an_organisation_withdraws_its_own_signature(org_a, user_a):
    manifesto_endorse(organisation=org_a, actor=user_a)
    endorsement_withdraw(organisation=org_a, actor=user_a)
    assert not manifesto_signatories().exists()
    with pytest.raises(ValidationError):
        endorsement_withdraw(organisation=org_a, actor=user_a)


def test_staff_remove_a_signature_with_a_reason_and_it_cannot_simply_return(
    org_a, user_a, staff_user, client
):
    endorsement = manifesto_endorse(organisation=org_a, actor=user_a)
    with pytest.raises(ValidationError):
        endorsement_remove(endorsement=endorsement, actor=staff_user, reason="")
    with pytest.raises(PermissionDenied):
        endorsement_remove(endorsement=endorsement, actor=user_a, reason="zelf")
    endorsement_remove(endorsement=endorsement, actor=staff_user, reason="Geen werkgever meer.")
    assert not manifesto_signatories().exists()
    assert "Bakkerij A" not in client.get("/manifest/").content.decode()
    assert AuditEntry.objects.filter(action="manifesto.signature_remove").exists()
    with pytest.raises(ValidationError, match="projectteam|project team"):
        manifesto_endorse(organisation=org_a, actor=user_a)
    with pytest.raises(ValidationError):  # nor withdraw what staff removed
        endorsement_withdraw(organisation=org_a, actor=user_a)


def test_a_factor_links_only_published_stories(staff_user, client):
    published = StoryFactory(published=True, title="Het goede gesprek")
    draft = StoryFactory(title="Nog niet af")
    factor = factor_save(
        actor=staff_user,
        data=FactorData(
            number=1,
            title="Het gesprek is de kern",
            description="Praat regelmatig.",
            themes=("apk", "betrokkenheid"),
            story_ids=frozenset({published.pk, draft.pk}),
        ),
    )
    assert list(factor.stories.all()) == [published]
    assert factor.themes == ["betrokkenheid", "apk"]  # in the order of the schijf van vijf
    html = client.get("/manifest/").content.decode()
    assert "Het gesprek is de kern" in html and "Het goede gesprek" in html
    assert "Nog niet af" not in html


def test_factor_numbers_are_unique_and_unknown_themes_refused(staff_user):
    ManifestoFactorFactory(number=3)
    with pytest.raises(ValidationError):
        factor_save(actor=staff_user, data=FactorData(number=3, title="Dubbel", description="x"))
    with pytest.raises(ValidationError):
        factor_save(
            actor=staff_user,
            data=FactorData(number=4, title="Raar", description="x", themes=("onzin",)),
        )


def test_members_do_not_manage_factors(user_a, staff_user):
    factor = ManifestoFactorFactory()
    with pytest.raises(PermissionDenied):
        factor_delete(actor=user_a, factor=factor)
    factor_delete(actor=staff_user, factor=factor)
