"""Limits of the import: a large or hostile file is refused or reported in a few lines,
memory stays flat, and a job whose worker died does not say "checking" for ever."""

from __future__ import annotations

import csv
import io
import tracemalloc
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from ..imports import import_job_create, import_job_start, import_job_validate
from ..imports.validation import ALL_COLUMNS, MAX_KEPT_PROBLEMS
from ..models import ImportJob, Organisation, ThemeProfile
from ..tasks import validate_import
from .import_helpers import csv_bytes, find_problem, org_row

pytestmark = pytest.mark.django_db


@pytest.fixture
def upload(staff_user, django_capture_on_commit_callbacks):
    def do(data: bytes, name: str = "organisaties.csv") -> ImportJob:
        with django_capture_on_commit_callbacks(execute=True):
            job = import_job_create(uploaded_file=SimpleUploadedFile(name, data), actor=staff_user)
        job.refresh_from_db()
        return job

    return do


@pytest.fixture
def staff_client(client_for, staff_user):
    return client_for(staff_user)


def _bad_rows(count: int) -> bytes:
    return csv_bytes([org_row(n, kvk="onbekend") for n in range(1, count + 1)])


def test_a_file_with_more_rows_than_allowed_is_one_problem(upload, settings):
    settings.OLIEVLEK_IMPORT_MAX_ROWS = 5
    job = upload(csv_bytes([org_row(n) for n in range(1, 7)]))
    assert job.state == ImportJob.State.INVALID
    assert len(job.errors) == 1 and job.errors[0]["row"] is None
    assert "5" in job.errors[0]["message"]
    assert not Organisation.objects.exists()


def test_a_file_with_exactly_the_allowed_rows_is_valid(upload, settings):
    settings.OLIEVLEK_IMPORT_MAX_ROWS = 5
    job = upload(csv_bytes([org_row(n) for n in range(1, 6)]))
    assert job.state == ImportJob.State.VALID, job.errors
    assert job.total_rows == 5


def test_a_stored_file_above_the_byte_cap_is_refused_by_the_check(upload, settings):
    job = upload(csv_bytes([org_row(n) for n in range(1, 30)]))
    settings.OLIEVLEK_IMPORT_MAX_BYTES = 1024
    job = import_job_validate(job=job)
    assert job.state == ImportJob.State.INVALID
    assert [(p["row"], p["column"]) for p in job.errors] == [(None, None)]


def test_a_cell_longer_than_its_column_allows_is_one_short_problem(upload):
    job = upload(csv_bytes([org_row(1, kvk="1" * 100_000, sector="C" * 5000)]))
    assert job.state == ImportJob.State.INVALID
    kvk = find_problem(job, row=2, column="kvk", fragments=["20", "100000"])
    find_problem(job, row=2, column="sector", fragments=["100", "5000"])
    assert len(job.errors) == 2
    assert len(kvk["message"]) < 200


def test_only_the_first_problems_are_kept_and_all_are_counted(upload):
    job = upload(_bad_rows(MAX_KEPT_PROBLEMS + 250))
    assert job.state == ImportJob.State.INVALID
    assert len(job.errors) == MAX_KEPT_PROBLEMS
    assert job.error_count == MAX_KEPT_PROBLEMS + 250
    assert job.errors[0]["row"] == 2


def test_the_page_says_how_many_problems_are_not_shown(upload, staff_client):
    job = upload(_bad_rows(MAX_KEPT_PROBLEMS + 250))
    response = staff_client.get(reverse("backoffice:import_detail", args=[job.pk]))
    text = response.content.decode()
    assert f"{MAX_KEPT_PROBLEMS + 250} problemen" in text
    assert "en 250 andere problemen" in text


def test_a_row_with_more_cells_than_columns_is_reported(upload):
    header = list(ALL_COLUMNS)
    row = [org_row(1)[c] for c in header] + ["overbodig"]
    job = upload(csv_bytes([row], header=header))
    assert job.state == ImportJob.State.INVALID
    find_problem(job, row=2, column=None, fragments=[str(len(header))])


def test_the_example_file_has_one_cell_per_column_and_imports_every_cell(
    staff_client, upload, staff_user, django_capture_on_commit_callbacks
):
    content = staff_client.get(reverse("backoffice:import_template")).content
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert [len(r) for r in rows] == [len(ALL_COLUMNS)] * 2
    job = upload(content, "olievlek-import-voorbeeld.csv")
    with django_capture_on_commit_callbacks(execute=True):
        import_job_start(job=job, actor=staff_user)
    profiles = ThemeProfile.objects.filter(organisation__kvk_number="12345678")
    assert {p.theme for p in profiles if p.has_experience} == {"gezondheid", "apk"}
    assert {p.theme for p in profiles if p.wants_help} == {"ontwikkeling"}


def test_checking_a_large_file_with_errors_keeps_memory_flat(upload, staff_user, settings):
    data = _bad_rows(20_000)
    assert len(data) > 3_000_000
    job = upload(csv_bytes([org_row(1)]))
    job.file.save("groot.csv", SimpleUploadedFile("groot.csv", data))
    job.filename = "groot.csv"
    tracemalloc.start()
    try:
        import_job_validate(job=job)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert job.error_count == 20_000
    assert peak < 20 * 2**20, f"peak {peak / 2**20:.1f} MB"


def test_a_job_whose_task_fails_is_marked_failed_with_a_reason(upload, staff_client):
    job = upload(csv_bytes([org_row(1)]))
    job.file.delete(save=False)
    ImportJob.objects.filter(pk=job.pk).update(state=ImportJob.State.VALIDATING)
    with pytest.raises(FileNotFoundError):
        validate_import.call(job.pk)
    job.refresh_from_db()
    assert job.state == ImportJob.State.FAILED
    assert job.failure_reason and job.finished_at
    response = staff_client.get(reverse("backoffice:import_detail", args=[job.pk]))
    assert job.failure_reason in response.content.decode()


def _running_job(staff_user, *, minutes_ago: int, state=ImportJob.State.VALIDATING):
    job = ImportJob.objects.create(created_by=staff_user, filename="oud.csv", state=state)
    ImportJob.objects.filter(pk=job.pk).update(
        heartbeat_at=timezone.now() - timedelta(minutes=minutes_ago)
    )
    return job


def test_a_job_without_progress_for_too_long_is_failed_when_its_page_opens(
    staff_user, staff_client, settings
):
    settings.OLIEVLEK_IMPORT_STALE_MINUTES = 30
    job = _running_job(staff_user, minutes_ago=31)
    response = staff_client.get(reverse("backoffice:import_detail", args=[job.pk]))
    job.refresh_from_db()
    assert job.state == ImportJob.State.FAILED
    assert job.failure_reason in response.content.decode()


def test_a_job_that_still_makes_progress_is_left_alone(staff_user, staff_client, settings):
    settings.OLIEVLEK_IMPORT_STALE_MINUTES = 30
    job = _running_job(staff_user, minutes_ago=29, state=ImportJob.State.IMPORTING)
    staff_client.get(reverse("backoffice:import_detail", args=[job.pk]))
    job.refresh_from_db()
    assert job.state == ImportJob.State.IMPORTING


def test_a_job_failed_as_stale_is_not_checked_when_its_task_comes_late(upload):
    job = upload(csv_bytes([org_row(1)]))
    ImportJob.objects.filter(pk=job.pk).update(
        state=ImportJob.State.FAILED, failure_reason="gestopt"
    )
    validate_import.call(job.pk)
    job.refresh_from_db()
    assert (job.state, job.failure_reason) == (ImportJob.State.FAILED, "gestopt")


def test_the_periodic_command_fails_every_stale_job(staff_user, settings):
    settings.OLIEVLEK_IMPORT_STALE_MINUTES = 30
    stale = [
        _running_job(staff_user, minutes_ago=90),
        _running_job(staff_user, minutes_ago=45, state=ImportJob.State.IMPORTING),
    ]
    fresh = _running_job(staff_user, minutes_ago=1)
    call_command("imports_fail_stale", stdout=io.StringIO())
    states = dict(ImportJob.objects.values_list("pk", "state"))
    assert [states[j.pk] for j in stale] == [ImportJob.State.FAILED] * 2
    assert states[fresh.pk] == ImportJob.State.VALIDATING


def test_a_png_named_csv_is_refused_at_the_upload_form(staff_client):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "red").save(buffer, "PNG")
    response = staff_client.post(
        reverse("backoffice:import_upload"),
        {"file": SimpleUploadedFile("leden.csv", buffer.getvalue())},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not ImportJob.objects.exists()


def test_a_workbook_that_unpacks_far_beyond_the_cap_is_refused_at_upload(staff_user, settings):
    from django.core.exceptions import ValidationError

    from .import_helpers import xlsx_bytes

    data = xlsx_bytes([org_row(1, omschrijving="a" * 30_000) for _ in range(20)])
    settings.OLIEVLEK_IMPORT_MAX_BYTES = 20_000
    assert len(data) < 20_000
    with pytest.raises(ValidationError) as error:
        import_job_create(uploaded_file=SimpleUploadedFile("bom.xlsx", data), actor=staff_user)
    assert "MB" in error.value.message_dict["file"][0]
    assert not ImportJob.objects.exists()
