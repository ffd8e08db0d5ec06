"""Bad import files: every problem is reported with its row (the line in the file, the
header being row 1) and column, and nothing at all is written.

Messages are in the user's language (Dutch by default), so the tests look for the
row, the column and the offending value, not for whole sentences.
"""

from __future__ import annotations

import io
import random
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from ..imports import import_job_create
from ..models import ImportJob, Organisation
from .factories import OrganisationFactory
from .import_helpers import HEADER, csv_bytes, find_problem, org_row, problem_places, xlsx_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def upload(staff_user, django_capture_on_commit_callbacks):
    def do(data: bytes, name: str) -> ImportJob:
        with django_capture_on_commit_callbacks(execute=True):
            job = import_job_create(uploaded_file=SimpleUploadedFile(name, data), actor=staff_user)
        job.refresh_from_db()
        return job

    return do


@pytest.fixture
def network(db):
    """An organisation already in the network; a bad file must leave it all alone."""
    return OrganisationFactory(kvk_number="99999999", name="Bestaand")


def expect_invalid(job, expected, count_before):
    assert job.state == ImportJob.State.INVALID
    assert job.preview == []
    assert sorted(problem_places(job), key=str) == sorted(
        [(row, column) for row, column, _ in expected], key=str
    )
    for row, column, fragments in expected:
        find_problem(job, row=row, column=column, fragments=fragments)
    assert Organisation.objects.count() == count_before


# (rows, [(row, column, fragments of the message)])
ROW_CASES = {
    "kvk with letters": (
        [org_row(1), org_row(2, kvk="1234567A")],
        [(3, "kvk", ['"1234567A"'])],
    ),
    "kvk of seven digits": ([org_row(1, kvk="1234567")], [(2, "kvk", ["1234567"])]),
    "kvk of nine digits": ([org_row(1, kvk="123456789")], [(2, "kvk", ["123456789"])]),
    "kvk missing": ([org_row(1, kvk="")], [(2, "kvk", [])]),
    "unknown sector": ([org_row(1, sector="Z")], [(2, "sector", ['"Z"'])]),
    "sector of two letters": ([org_row(1), org_row(2, sector="CD")], [(3, "sector", ['"CD"'])]),
    "unknown province": ([org_row(1, provincie="XX")], [(2, "provincie", ['"XX"'])]),
    "province missing": ([org_row(1, provincie="")], [(2, "provincie", [])]),
    "unknown size class": (
        [org_row(1, grootteklasse="enorm")],
        [(2, "grootteklasse", ['"enorm"'])],
    ),
    "unknown experience theme": (
        [org_row(1, ervaring="gezondheid;sport")],
        [(2, "ervaring", ['"sport"'])],
    ),
    "unknown help theme": (
        [org_row(1), org_row(2, hulpvraag="Vitaliteit")],
        [(3, "hulpvraag", ['"Vitaliteit"'])],
    ),
    "bad yes/no flag": ([org_row(1, koploper="misschien")], [(2, "koploper", ['"misschien"'])]),
    "bad partner flag": ([org_row(1, partner="2")], [(2, "partner", ['"2"'])]),
    "name and city missing": (
        [org_row(1, naam="", plaats="  ")],
        [(2, "naam", []), (2, "plaats", [])],
    ),
    "name too long": ([org_row(1, naam="N" * 201)], [(2, "naam", ["200"])]),
    "bad email": ([org_row(1, email="info-at-example")], [(2, "email", ["info-at-example"])]),
    "bad website": ([org_row(1, website="http://geen adres")], [(2, "website", ["geen adres"])]),
    # 193 characters fit the column, but not once "https://" has been put in front.
    "website too long with its scheme": (
        [org_row(1, website=".".join(["w" * 60] * 3 + ["example.nl"]))],
        [(2, "website", [])],
    ),
    "website too long": (
        [org_row(1, website="https://" + ".".join(["w" * 60] * 3 + ["example.nl"]))],
        [(2, "website", ["200"])],
    ),
    "duplicate kvk within the file": (
        [org_row(1), org_row(2), org_row(3, kvk="30000001")],
        [(4, "kvk", ["30000001", " 2"])],
    ),
    "duplicate kvk written differently": (
        [org_row(1), org_row(2, kvk="3000 0001")],
        [(3, "kvk", ["30000001", " 2"])],
    ),
    "kvk already in the network": (
        [org_row(1), org_row(2, kvk="99999999")],
        [(3, "kvk", ["99999999"])],
    ),
    "every problem of every row at once": (
        [
            org_row(1, kvk="1234567", sector="Z"),
            org_row(2),
            org_row(3, provincie="XX", grootteklasse="enorm", ambassadeur="soms"),
            org_row(4, ervaring="sport"),
        ],
        [
            (2, "kvk", ["1234567"]),
            (2, "sector", ['"Z"']),
            (4, "provincie", ['"XX"']),
            (4, "grootteklasse", ['"enorm"']),
            (4, "ambassadeur", ['"soms"']),
            (5, "ervaring", ['"sport"']),
        ],
    ),
}

FORMATS = {
    "csv": ("bad.csv", csv_bytes),
    "xlsx": ("bad.xlsx", xlsx_bytes),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", ROW_CASES)
def test_bad_rows(case, fmt, upload, network):
    rows, expected = ROW_CASES[case]
    name, build = FORMATS[fmt]
    before = Organisation.objects.count()
    expect_invalid(upload(build(rows), name), expected, before)


HEADER_CASES = {
    "missing columns": (
        [c for c in HEADER if c not in {"kvk", "sector"}],
        [(1, None, ["kvk", "sector"])],
    ),
    "only the required columns but one": (
        ["naam", "kvk", "plaats", "provincie", "sector"],
        [(1, None, ["grootteklasse"])],
    ),
    "english column names": (
        ["name", "kvk", "city", "province", "sector", "size"],
        [(1, None, ["naam", "plaats"]), (1, None, ["name", "city", "size"])],
    ),
    "unknown extra column": ([*HEADER, "fax"], [(1, None, ["fax"])]),
    "column twice": ([*HEADER, "Plaats"], [(1, None, ["plaats"])]),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", HEADER_CASES)
def test_bad_header(case, fmt, upload, network):
    header, expected = HEADER_CASES[case]
    name, build = FORMATS[fmt]
    before = Organisation.objects.count()
    job = upload(build([org_row(1), org_row(2)], header=header), name)
    expect_invalid(job, expected, before)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Utrecht", "NL-UT"),
        ("utrecht", "NL-UT"),
        ("NL-UT", "NL-UT"),
        ("ut", "NL-UT"),
        ("Friesland", "NL-FR"),
        ("Fryslân", "NL-FR"),
        ("Noord-Brabant", "NL-NB"),
        ("NL-LI", "NL-LI"),
    ],
)
def test_a_province_is_accepted_by_name_or_code(value, code, upload):
    job = upload(csv_bytes([org_row(1, provincie=value)]), "provincie.csv")
    assert job.state == ImportJob.State.VALID, job.errors
    assert job.preview[0]["province"] == code


def test_a_windows_1252_csv_is_read(upload):
    data = csv_bytes([org_row(1, provincie="Fryslân", plaats="Leeuwarden – Ljouwert")])
    job = upload(data.decode("utf-8").encode("cp1252"), "excel.csv")
    assert job.state == ImportJob.State.VALID, job.errors
    assert job.preview[0]["province"] == "NL-FR"
    assert job.preview[0]["city"] == "Leeuwarden – Ljouwert"


def test_an_xlsx_kvk_that_lost_its_leading_zero_is_reported(upload, network):
    rows = [org_row(1, kvk=1234567), org_row(2, kvk=30000002)]  # numbers, as Excel keeps them
    before = Organisation.objects.count()
    expect_invalid(upload(xlsx_bytes(rows), "nummers.xlsx"), [(2, "kvk", ["1234567"])], before)


def _zip_without_workbook() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notities.txt", "geen werkboek")
    return buffer.getvalue()


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "orange").save(buffer, "PNG")
    return buffer.getvalue()


# Files that hold no rows: accepted at upload (they are text or a workbook), and then
# reported by the check as one problem.
FILE_CASES = {
    "only blank lines": ("leeg.csv", b"\r\n\r\n ; ; \r\n\r\n"),
    "empty workbook": ("leeg.xlsx", xlsx_bytes([], header=[])),
    "header only": ("kop.csv", csv_bytes([])),
    "header only with blank lines": ("kop.csv", csv_bytes([]) + b"\r\n;;\r\n"),
    "header only workbook": ("kop.xlsx", xlsx_bytes([])),
}

# Files whose content is no CSV or workbook, whatever their name: refused at upload.
REFUSED_CASES = {
    "empty": ("leeg.csv", b""),
    "random bytes named .csv": ("willekeurig.csv", random.Random(7).randbytes(5000)),
    "png named .csv": ("leden.csv", _png()),
    "csv named .xlsx": ("nep.xlsx", csv_bytes([org_row(1)])),
    "random bytes named .xlsx": ("willekeurig.xlsx", random.Random(8).randbytes(5000)),
    "zip that is no workbook": ("archief.xlsx", _zip_without_workbook()),
    "zip named .csv": ("archief.csv", _zip_without_workbook()),
    "truncated workbook": ("kapot.xlsx", xlsx_bytes([org_row(1)])[:300]),
    "text without columns": ("notitie.csv", b"Dit is een notitie zonder kolommen\r\n"),
}


@pytest.mark.parametrize("case", FILE_CASES)
def test_a_file_that_cannot_be_read_is_one_problem(case, upload, network):
    name, data = FILE_CASES[case]
    before = Organisation.objects.count()
    job = upload(data, name)
    assert job.state == ImportJob.State.INVALID
    assert len(job.errors) == 1
    assert job.errors[0]["row"] is None and job.errors[0]["column"] is None
    assert job.errors[0]["message"].strip()
    assert Organisation.objects.count() == before


@pytest.mark.parametrize("case", REFUSED_CASES)
def test_a_file_that_is_no_spreadsheet_is_refused_at_upload(case, staff_user, network):
    name, data = REFUSED_CASES[case]
    with pytest.raises(ValidationError) as error:
        import_job_create(uploaded_file=SimpleUploadedFile(name, data), actor=staff_user)
    assert error.value.message_dict["file"][0].strip()
    assert not ImportJob.objects.exists()


def _message(upload, staff_user, name: str, data: bytes) -> str:
    try:
        return upload(data, name).errors[0]["message"]
    except ValidationError as error:
        return error.message_dict["file"][0]


def test_each_unreadable_file_says_why(upload, staff_user):
    cases = FILE_CASES | REFUSED_CASES
    message = {
        case: _message(upload, staff_user, *cases[case])
        for case in ("empty", "header only", "random bytes named .csv", "csv named .xlsx")
    }
    assert len(set(message.values())) == 4, message


def test_a_zip_that_is_no_workbook_is_called_a_zip(staff_user):
    with pytest.raises(ValidationError) as error:
        import_job_create(
            uploaded_file=SimpleUploadedFile("archief.xlsx", _zip_without_workbook()),
            actor=staff_user,
        )
    assert "zip" in error.value.message_dict["file"][0]


@pytest.mark.parametrize(
    "name", ["leden.pdf", "leden.xls", "leden.docx", "leden", "csv", "leden.txt"]
)
def test_other_file_types_are_refused_at_upload(name, staff_user):
    with pytest.raises(ValidationError) as error:
        import_job_create(
            uploaded_file=SimpleUploadedFile(name, csv_bytes([org_row(1)])), actor=staff_user
        )
    assert "file" in error.value.message_dict
    assert not ImportJob.objects.exists()


def test_a_file_larger_than_the_limit_is_refused_at_upload(staff_user, settings):
    settings.OLIEVLEK_IMPORT_MAX_BYTES = 1024
    data = csv_bytes([org_row(n) for n in range(1, 30)])
    assert len(data) > 1024
    with pytest.raises(ValidationError) as error:
        import_job_create(uploaded_file=SimpleUploadedFile("groot.csv", data), actor=staff_user)
    assert "file" in error.value.message_dict
    assert not ImportJob.objects.exists()


def test_reading_a_csv_whose_delimiter_cannot_be_sniffed_leaves_the_csv_module_alone(upload):
    import csv

    # One column: the sniffer gives up and the reader falls back on a delimiter.
    job = upload(b"naam\r\nBakkerij;Korenaar\r\n", "een-kolom.csv")
    assert job.state == ImportJob.State.INVALID
    assert csv.excel.delimiter == ","
    buffer = io.StringIO()
    csv.writer(buffer, dialect=csv.excel).writerow(["a", "b"])
    assert buffer.getvalue() == "a,b\r\n"
