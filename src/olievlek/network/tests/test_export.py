"""The back-office export: in the import's own columns, so that an export imports again
unchanged, and safe to open in a spreadsheet program."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from ..choices import Status
from ..imports import import_job_create, import_job_start
from ..imports.parsing import read_sheet
from ..imports.validation import ALL_COLUMNS, validate_sheet
from ..models import ImportJob, Organisation
from .factories import OrganisationFactory, ThemeProfileFactory

pytestmark = pytest.mark.django_db

FIELDS = (
    "name",
    "kvk_number",
    "city",
    "province",
    "sector",
    "size_class",
    "website",
    "email",
    "phone",
    "description",
    "is_koploper",
    "is_ambassador",
    "is_partner",
)


@pytest.fixture
def network(db):
    korenaar = OrganisationFactory(
        name="Bakkerij Korenaar",
        kvk_number="01234567",
        city="Leeuwarden",
        province="NL-FR",
        sector="C",
        size_class="micro",
        website="https://korenaar.example.nl",
        email="info@korenaar.example.nl",
        phone="+31 58 123 4567",
        description='Brood; banket, en "taart".\nTweede regel.',
        is_koploper=True,
    )
    ThemeProfileFactory(organisation=korenaar, theme="gezondheid", has_experience=True)
    ThemeProfileFactory(organisation=korenaar, theme="apk", has_experience=True, wants_help=True)
    ThemeProfileFactory(
        organisation=korenaar, theme="ontwikkeling", has_experience=False, wants_help=True
    )
    OrganisationFactory(
        name="Zorggroep 't Oosten",
        kvk_number="87654321",
        city="Zwolle",
        province="NL-OV",
        sector="Q",
        size_class="groot",
        is_ambassador=True,
        is_partner=True,
        description="- zorg dichtbij",
    )
    OrganisationFactory(name='=HYPERLINK("http://kwaad.example")', kvk_number="11112222")
    OrganisationFactory(name="'t Hofje", kvk_number="22223333", phone="-")
    OrganisationFactory(name="Nog niet goedgekeurd", kvk_number="33334444", pending=True)
    OrganisationFactory(name="Afgewezen", kvk_number="55556666", rejected=True)


def snapshot() -> dict[str, tuple]:
    return {
        org.kvk_number: (
            *(getattr(org, f) for f in FIELDS),
            sorted((p.theme, p.has_experience, p.wants_help) for p in org.theme_profiles.all()),
        )
        for org in Organisation.objects.filter(status=Status.APPROVED)
    }


def export(client, fmt: str, query: str = "") -> bytes:
    response = client.get(reverse("backoffice:export", args=[fmt]) + query)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Disposition"].endswith(f'.{fmt}"')
    return response.content


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_imports_into_an_empty_network_unchanged(
    fmt, network, client_for, staff_user, django_capture_on_commit_callbacks
):
    before = snapshot()
    assert len(before) == 4
    data = export(client_for(staff_user), fmt)

    Organisation.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        job = import_job_create(
            uploaded_file=SimpleUploadedFile(f"export.{fmt}", data), actor=staff_user
        )
    job.refresh_from_db()
    assert job.state == ImportJob.State.VALID, job.errors
    with django_capture_on_commit_callbacks(execute=True):
        import_job_start(job=job, actor=staff_user)

    assert snapshot() == before


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_has_the_import_columns_and_only_approved_organisations(
    fmt, network, client_for, staff_user
):
    data = export(client_for(staff_user), fmt)
    Organisation.objects.all().delete()  # otherwise every KvK number is "already there"
    sheet = read_sheet(handle=io.BytesIO(data), filename=f"export.{fmt}")
    assert sheet.header == list(ALL_COLUMNS)
    outcome = validate_sheet(sheet)
    assert list(outcome.problems) == [] and len(outcome.problems) == 0
    assert {r.kvk_number for r in outcome.rows} == {"01234567", "87654321", "11112222", "22223333"}
    korenaar = next(r for r in outcome.rows if r.kvk_number == "01234567")
    assert korenaar.experience_themes == {"gezondheid", "apk"}
    assert korenaar.help_themes == {"apk", "ontwikkeling"}
    assert (korenaar.is_koploper, korenaar.is_ambassador) == (True, False)


def test_the_export_follows_the_directory_filters(network, client_for, staff_user):
    data = export(client_for(staff_user), "csv", "?province=NL-OV")
    sheet = read_sheet(handle=io.BytesIO(data), filename="export.csv")
    assert [(row[1], extra) for _line, row, extra in sheet.rows] == [("87654321", 0)]


def test_an_unknown_export_format_is_not_found(client_for, staff_user):
    response = client_for(staff_user).get(reverse("backoffice:export", args=["pdf"]))
    assert response.status_code == 404


def test_the_csv_export_cannot_run_formulas(network, client_for, staff_user):
    text = export(client_for(staff_user), "csv").decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert header == list(ALL_COLUMNS)
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")]
    assert '\'=HYPERLINK("http://kwaad.example")' in [row[0] for row in rows]
    assert "'+31 58 123 4567" in cells
    assert "'- zorg dichtbij" in cells


def test_the_xlsx_export_cannot_run_formulas(network, client_for, staff_user):
    workbook = load_workbook(io.BytesIO(export(client_for(staff_user), "xlsx")))
    cells = [cell for row in workbook.active.iter_rows(min_row=2) for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    names = [row[0].value for row in workbook.active.iter_rows(min_row=2)]
    assert '\'=HYPERLINK("http://kwaad.example")' in names
