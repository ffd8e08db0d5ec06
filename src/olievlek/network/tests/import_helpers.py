"""Building import files (CSV and XLSX) and reading an import job's problems, for the
import tests."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook

from ..imports.validation import ALL_COLUMNS

HEADER = list(ALL_COLUMNS)


def org_row(n: int, **changes) -> dict[str, str]:
    """A valid row for organisation number `n`; `changes` overrides columns."""
    row = {
        "naam": f"Werkgever {n}",
        "kvk": f"{30000000 + n:08d}",
        "plaats": "Amersfoort",
        "provincie": "NL-UT",
        "sector": "C",
        "grootteklasse": "klein",
        "website": f"https://werkgever{n}.example.nl",
        "email": f"info{n}@example.nl",
        "telefoon": "033 123 4567",
        "omschrijving": "Een werkgever, met een komma in de omschrijving.",
        "koploper": "nee",
        "ambassadeur": "nee",
        "partner": "nee",
        "ervaring": "gezondheid",
        "hulpvraag": "",
        "contactpersoon_naam": "",
        "contactpersoon_email": "",
    }
    row.update(changes)
    return row


def csv_bytes(rows, *, header=None, delimiter: str = ";", bom: bool = False) -> bytes:
    header = HEADER if header is None else header
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(c, "") for c in header] if isinstance(row, dict) else row)
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(rows, *, header=None) -> bytes:
    header = HEADER if header is None else header
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append([row.get(c, "") for c in header] if isinstance(row, dict) else row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def find_problem(job, *, row, column, fragments=()) -> dict:
    """The one problem of `job` at (row, column) whose message holds every fragment."""
    matches = [
        p
        for p in job.errors
        if p["row"] == row
        and p["column"] == column
        and p["message"]
        and all(f in p["message"] for f in fragments)
    ]
    assert matches, f"no problem at row {row}, column {column} with {fragments}: {job.errors}"
    return matches[0]


def problem_places(job) -> list[tuple[int | None, str | None]]:
    return [(p["row"], p["column"]) for p in job.errors]
