"""Importing invites the contact persons the file names: an invitation with a sign-up
link that expires, one per new person."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from olievlek.mail.models import OutboundMail

from ..imports import import_job_create, import_job_start
from ..models import ImportJob, Invitation
from .factories import ContactPersonFactory
from .import_helpers import csv_bytes, find_problem, org_row

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(staff_user, django_capture_on_commit_callbacks):
    def do(rows) -> ImportJob:
        with django_capture_on_commit_callbacks(execute=True):
            job = import_job_create(
                uploaded_file=SimpleUploadedFile("o.csv", csv_bytes(rows)), actor=staff_user
            )
        job.refresh_from_db()
        if job.state == ImportJob.State.VALID:
            with django_capture_on_commit_callbacks(execute=True):
                import_job_start(job=job, actor=staff_user)
            job.refresh_from_db()
        return job

    return do


def test_the_named_contact_person_is_invited_with_an_expiring_link(run):
    job = run([org_row(1, contactpersoon_naam="Sanne", contactpersoon_email="Sanne@Example.nl")])
    assert job.state == ImportJob.State.DONE
    invitation = Invitation.objects.get()
    assert invitation.email == "sanne@example.nl"
    assert invitation.organisation.name == "Werkgever 1"
    assert invitation.expires_at > timezone.now() + timedelta(days=13)
    mail = OutboundMail.objects.get(recipient="sanne@example.nl")
    assert invitation.token in mail.body_text


def test_rows_without_a_contact_invite_nobody(run):
    run([org_row(1), org_row(2)])
    assert not Invitation.objects.exists()


def test_a_person_with_an_account_is_not_invited_again(run):
    existing = ContactPersonFactory()
    job = run([org_row(1, contactpersoon_email=existing.user.email)])
    assert job.state == ImportJob.State.DONE
    assert not Invitation.objects.exists()


def test_a_bad_contact_email_is_a_problem_of_its_row(run):
    job = run([org_row(1, contactpersoon_email="geen-adres")])
    assert job.state == ImportJob.State.INVALID
    assert find_problem(job, row=2, column="contactpersoon_email")
