"""Exporting the directory in the import's own columns, so an export can be edited and
imported elsewhere."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from openpyxl import Workbook

from .imports.validation import ALL_COLUMNS
from .models import Organisation


def _yes_no(value: bool) -> str:
    return "ja" if value else "nee"


def _row(org: Organisation) -> list[str]:
    profiles = list(org.theme_profiles.all())
    return [
        org.name,
        org.kvk_number,
        org.city,
        org.province,
        org.sector,
        org.size_class,
        org.website,
        org.email,
        org.phone,
        org.description,
        _yes_no(org.is_koploper),
        _yes_no(org.is_ambassador),
        _yes_no(org.is_partner),
        ";".join(p.theme for p in profiles if p.has_experience),
        ";".join(p.theme for p in profiles if p.wants_help),
        # Contact people are not in the directory export (personal data): the two
        # contact columns stay empty, so a re-import invites nobody.
        "",
        "",
    ]


def _safe(cell: str) -> str:
    # A cell that starts with = + - @ is run as a formula by spreadsheet programs
    # (CSV injection); a leading apostrophe keeps it text.
    return "'" + cell if cell[:1] in ("=", "+", "-", "@") else cell


def directory_csv(organisations: Iterable[Organisation]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(ALL_COLUMNS)
    for org in organisations:
        writer.writerow([_safe(c) for c in _row(org)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def directory_xlsx(organisations: Iterable[Organisation]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Organisaties")
    sheet.append(list(ALL_COLUMNS))
    for org in organisations:
        sheet.append([_safe(c) for c in _row(org)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
