"""Importing organisations from a spreadsheet: upload → preview → all rows written.

Bad files are tested in test_import_files.py, the export in test_export.py.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from olievlek.audit.models import AuditEntry

from ..choices import Source, Status
from ..imports import import_job_create, import_job_start
from ..models import ImportJob, Organisation, ThemeProfile
from .factories import OrganisationFactory
from .import_helpers import csv_bytes, find_problem, org_row, xlsx_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def upload(staff_user, django_capture_on_commit_callbacks):
    """Upload a file through the service; the inline task backend checks it at once."""

    def do(data: bytes, name: str = "organisaties.csv") -> ImportJob:
        with django_capture_on_commit_callbacks(execute=True):
            job = import_job_create(uploaded_file=SimpleUploadedFile(name, data), actor=staff_user)
        job.refresh_from_db()
        return job

    return do


@pytest.fixture
def start(staff_user, django_capture_on_commit_callbacks):
    def do(job: ImportJob) -> ImportJob:
        with django_capture_on_commit_callbacks(execute=True):
            import_job_start(job=job, actor=staff_user)
        job.refresh_from_db()
        return job

    return do


def three_rows() -> list[dict]:
    return [
        org_row(1, naam="Bakkerij Korenaar", koploper="ja", ervaring="gezondheid;apk"),
        org_row(
            2,
            naam="Zorggroep Oost",
            provincie="Gelderland",
            sector="q",
            grootteklasse="groot",
            ambassadeur="Ja",
            ervaring="",
            hulpvraag="ontwikkeling, betrokkenheid",
            website="zorggroep.example.nl",
        ),
        org_row(3, naam="Haven Partners", provincie="zh", partner="x", kvk="3000.0003"),
    ]


GOOD_FILES = {
    "semicolon.csv": lambda rows: csv_bytes(rows, delimiter=";"),
    "comma.csv": lambda rows: csv_bytes(rows, delimiter=","),
    "excel-bom.csv": lambda rows: csv_bytes(rows, delimiter=";", bom=True),
    "tab.csv": lambda rows: csv_bytes(rows, delimiter="\t"),
    "workbook.xlsx": xlsx_bytes,
}


@pytest.mark.parametrize("name", GOOD_FILES)
def test_a_good_file_is_previewed_then_written_completely(name, upload, start, staff_user):
    job = upload(GOOD_FILES[name](three_rows()), name)

    assert job.state == ImportJob.State.VALID, job.errors
    assert job.errors == []
    assert job.total_rows == 3
    assert job.progress_percent == 100
    assert [(p["line"], p["name"], p["kvk_number"]) for p in job.preview] == [
        (2, "Bakkerij Korenaar", "30000001"),
        (3, "Zorggroep Oost", "30000002"),
        (4, "Haven Partners", "30000003"),
    ]
    assert Organisation.objects.count() == 0, "the preview writes nothing"

    job = start(job)

    assert job.state == ImportJob.State.DONE
    assert job.created_count == 3
    assert job.finished_at is not None
    orgs = {o.kvk_number: o for o in Organisation.objects.all()}
    assert set(orgs) == {"30000001", "30000002", "30000003"}
    for org in orgs.values():
        assert org.status == Status.APPROVED
        assert org.source == Source.IMPORT
        assert org.reviewed_by == staff_user and org.reviewed_at is not None
        org.full_clean()  # what was written obeys the model's own rules

    korenaar, zorg, haven = orgs["30000001"], orgs["30000002"], orgs["30000003"]
    assert (korenaar.name, korenaar.slug, korenaar.city) == (
        "Bakkerij Korenaar",
        "bakkerij-korenaar",
        "Amersfoort",
    )
    assert (korenaar.is_koploper, korenaar.is_ambassador, korenaar.is_partner) == (
        True,
        False,
        False,
    )
    assert korenaar.email == "info1@example.nl" and korenaar.phone == "033 123 4567"
    assert korenaar.description == "Een werkgever, met een komma in de omschrijving."
    assert (zorg.province, zorg.sector, zorg.size_class) == ("NL-GE", "Q", "groot")
    assert zorg.is_ambassador and not zorg.is_koploper
    assert zorg.website == "https://zorggroep.example.nl"
    assert haven.province == "NL-ZH" and haven.is_partner

    profiles = {
        (p.organisation.kvk_number, p.theme): (p.has_experience, p.wants_help)
        for p in ThemeProfile.objects.select_related("organisation")
    }
    assert profiles == {
        ("30000001", "apk"): (True, False),
        ("30000001", "gezondheid"): (True, False),
        ("30000002", "betrokkenheid"): (False, True),
        ("30000002", "ontwikkeling"): (False, True),
        ("30000003", "gezondheid"): (True, False),
    }

    actions = list(
        AuditEntry.objects.filter(target_type="network.importjob", target_id=str(job.pk))
        .order_by("id")
        .values_list("action", "actor")
    )
    assert actions == [
        ("import.upload", staff_user.pk),
        ("import.start", staff_user.pk),
        ("import.done", staff_user.pk),
    ]
    done = AuditEntry.objects.get(action="import.done")
    assert done.data == {"created": 3}


def test_a_name_already_in_use_gets_a_free_slug(upload, start):
    OrganisationFactory(name="Bakkerij Korenaar", slug="bakkerij-korenaar")
    rows = [org_row(1, naam="Bakkerij Korenaar"), org_row(2, naam="Bakkerij Korenaar")]
    job = start(upload(csv_bytes(rows)))
    assert job.state == ImportJob.State.DONE
    assert set(Organisation.objects.values_list("slug", flat=True)) == {
        "bakkerij-korenaar",
        "bakkerij-korenaar-2",
        "bakkerij-korenaar-3",
    }


def test_the_preview_shows_only_the_first_rows_but_counts_all(upload):
    job = upload(csv_bytes([org_row(n) for n in range(1, 26)]))
    assert job.state == ImportJob.State.VALID
    assert job.total_rows == 25
    assert [p["line"] for p in job.preview] == list(range(2, 12))


def test_blank_lines_are_skipped_but_keep_their_number(upload):
    text = csv_bytes([org_row(1)]).decode() + "\r\n;;;\r\n" + csv_bytes([org_row(2)]).decode()
    # The second header line is a data row now: its KvK "kvk" is reported on line 5.
    job = upload(text.encode())
    assert job.state == ImportJob.State.INVALID
    find_problem(job, row=5, column="kvk", fragments=['"kvk"'])
    assert all(p["row"] != 3 for p in job.errors)


# --- Starting and executing --------------------------------------------------------------


def test_an_invalid_job_cannot_be_started(upload, start):
    job = upload(csv_bytes([org_row(1, kvk="123")]))
    assert job.state == ImportJob.State.INVALID
    with pytest.raises(ValidationError):
        start(job)
    job.refresh_from_db()
    assert job.state == ImportJob.State.INVALID
    assert Organisation.objects.count() == 0
    assert not AuditEntry.objects.filter(action="import.start").exists()


def test_a_job_cannot_be_started_twice(upload, start):
    job = start(upload(csv_bytes([org_row(1)])))
    assert job.state == ImportJob.State.DONE
    with pytest.raises(ValidationError):
        start(job)
    assert Organisation.objects.count() == 1


def test_execution_checks_again_and_writes_nothing_when_the_network_changed(upload, start):
    job = upload(csv_bytes([org_row(1), org_row(2), org_row(3)]))
    assert job.state == ImportJob.State.VALID
    # Someone registers the second organisation between the preview and the start.
    OrganisationFactory(kvk_number="30000002", status=Status.PENDING)
    count = Organisation.objects.count()

    job = start(job)

    assert job.state == ImportJob.State.INVALID
    assert Organisation.objects.count() == count
    find_problem(job, row=3, column="kvk", fragments=["30000002"])
    assert len(job.errors) == 1
    assert not AuditEntry.objects.filter(action="import.done").exists()


# --- Large files ---------------------------------------------------------------------------


def test_ten_thousand_rows_are_all_written(upload, start):
    rows = [
        org_row(n, ervaring="gezondheid;apk" if n % 2 else "", hulpvraag="ontwikkeling")
        for n in range(1, 10_001)
    ]
    job = upload(csv_bytes(rows))
    assert job.state == ImportJob.State.VALID, job.errors[:5]
    assert job.total_rows == 10_000
    assert job.processed_rows == 10_000

    job = start(job)

    assert job.state == ImportJob.State.DONE
    assert job.created_count == 10_000
    assert Organisation.objects.count() == 10_000
    assert Organisation.objects.filter(status=Status.APPROVED, source=Source.IMPORT).count() == (
        10_000
    )
    assert ThemeProfile.objects.count() == 5_000 * 2 + 10_000
    assert Organisation.objects.values("slug").distinct().count() == 10_000


def test_ten_thousand_rows_with_one_bad_row_near_the_end_write_nothing(upload, start):
    rows = [org_row(n) for n in range(1, 10_001)]
    rows[9_990] = org_row(9_991, sector="Z")  # line 9,992: the header is line 1
    job = upload(xlsx_bytes(rows), "groot.xlsx")

    assert job.state == ImportJob.State.INVALID
    assert len(job.errors) == 1
    find_problem(job, row=9_992, column="sector", fragments=['"Z"'])
    assert Organisation.objects.count() == 0
    with pytest.raises(ValidationError):
        start(job)
    assert Organisation.objects.count() == 0


# --- The back-office pages -----------------------------------------------------------------


@pytest.fixture
def staff_client(client_for, staff_user):
    return client_for(staff_user)


def test_upload_preview_and_start_through_the_back_office(
    staff_client, django_capture_on_commit_callbacks
):
    assert staff_client.get(reverse("backoffice:import_upload")).status_code == 200
    data = csv_bytes(three_rows())
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("backoffice:import_upload"),
            {"file": SimpleUploadedFile("leden.csv", data, content_type="text/csv")},
        )
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("backoffice:import_detail", args=[job.pk])

    page = staff_client.get(response.url)
    assert page.status_code == 200
    assert job.state == ImportJob.State.VALID
    for name in ("Bakkerij Korenaar", "Zorggroep Oost", "Haven Partners", "30000003"):
        assert name in page.content.decode()
    assert reverse("backoffice:import_start", args=[job.pk]) in page.content.decode()
    fragment = staff_client.get(response.url, headers={"HX-Request": "true"})
    assert fragment.status_code == 200
    assert "<html" not in fragment.content.decode()

    assert staff_client.get(reverse("backoffice:import_start", args=[job.pk])).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("backoffice:import_start", args=[job.pk]))
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.state == ImportJob.State.DONE
    assert Organisation.objects.filter(status=Status.APPROVED).count() == 3
    assert (
        "Haven Partners" in staff_client.get(reverse("backoffice:organisations")).content.decode()
    )


def test_the_back_office_shows_every_problem_of_a_bad_file(
    staff_client, django_capture_on_commit_callbacks
):
    rows = [org_row(1, kvk="1234567"), org_row(2, provincie="XX")]
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("backoffice:import_upload"),
            {"file": SimpleUploadedFile("fout.csv", csv_bytes(rows))},
        )
    job = ImportJob.objects.get()
    assert job.state == ImportJob.State.INVALID
    html = staff_client.get(response.url).content.decode()
    assert "1234567" in html and "XX" in html
    assert reverse("backoffice:import_start", args=[job.pk]) not in html

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("backoffice:import_start", args=[job.pk]))
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.state == ImportJob.State.INVALID
    assert Organisation.objects.count() == 0


def test_a_pdf_is_refused_at_the_upload_form(staff_client):
    response = staff_client.post(
        reverse("backoffice:import_upload"),
        {"file": SimpleUploadedFile("leden.pdf", b"%PDF-1.7\n...")},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not ImportJob.objects.exists()


def test_the_template_file_is_itself_a_valid_import(staff_client, upload):
    response = staff_client.get(reverse("backoffice:import_template"))
    assert response.status_code == 200
    job = upload(response.content, "olievlek-import-voorbeeld.csv")
    assert job.state == ImportJob.State.VALID, job.errors
    assert job.preview[0]["kvk_number"] == "12345678"
