"""Changes to organisations reach the site search without a manual reindex."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from olievlek.knowledge.search import search

from .. import imports, services
from ..choices import Status
from ..services.profile import ThemeEntry
from .factories import ContactPersonFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def titles(q: str) -> list[str]:
    _results, hits = search(q=q, kind="organisation")
    return [hit.title for hit in hits[:50]]


def test_approval_indexes_and_rejection_keeps_out(staff_user, django_capture_on_commit_callbacks):
    # Approval needs a contact whose address is confirmed (the factory's is).
    approved = ContactPersonFactory(
        organisation__name="Scheepswerf Zeemeeuw", organisation__status=Status.PENDING
    ).organisation
    rejected = OrganisationFactory(name="Scheepswerf Stormvogel", status=Status.PENDING)
    assert titles("scheepswerf") == []
    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_approve(organisation=approved, actor=staff_user)
        services.organisation_reject(organisation=rejected, actor=staff_user, reason="Dubbel")
    assert titles("scheepswerf") == ["Scheepswerf Zeemeeuw"]


def test_profile_and_theme_changes_are_found_by_their_new_words(
    org_a, user_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.organisation_update(
            organisation=org_a, actor=user_a, data={"description": "Wij trainen onze werknemers"}
        )
        services.theme_profiles_update(
            organisation=org_a,
            actor=user_a,
            entries={"apk": ThemeEntry(has_experience=True, experience="Loopbaangesprekken")},
        )
    assert titles("werknemer") == ["Bakkerij A"]  # another word form, through stemming
    assert titles("loopbaangesprekken") == ["Bakkerij A"]


def test_an_import_makes_every_new_organisation_searchable(
    staff_user, django_capture_on_commit_callbacks
):
    body = (
        b"naam;kvk;plaats;provincie;sector;grootteklasse\n"
        b"Veerdienst Overzet;70000001;Vlissingen;NL-ZE;H;klein\n"
        b"Veerdienst Pont;70000002;Terneuzen;NL-ZE;H;micro\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        job = imports.import_job_create(
            uploaded_file=SimpleUploadedFile("lijst.csv", body), actor=staff_user
        )
    with django_capture_on_commit_callbacks(execute=True):
        imports.import_job_start(job=job, actor=staff_user)
    assert sorted(titles("veerdienst")) == ["Veerdienst Overzet", "Veerdienst Pont"]
