"""Reading a CSV or XLSX file into a header and rows of text, whatever produced it."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _


class FileProblem(Exception):
    """The file as a whole cannot be read; the message says why, for the user."""


@dataclass(frozen=True)
class Sheet:
    header: list[str]
    # (line number in the file, cells padded to the header's width); blank lines are
    # skipped but keep their number, so that errors point at the line the user sees.
    rows: list[tuple[int, list[str]]]


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _read_xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise FileProblem(_("The file is not a readable Excel workbook (.xlsx).")) from exc
    try:
        sheet = workbook.worksheets[0]
        return [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def _decode(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise FileProblem(_("The file is not a spreadsheet: it contains binary data."))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileProblem(_("The file's characters cannot be read; save it as UTF-8 CSV."))


def _read_csv(data: bytes) -> list[list[str]]:
    text = _decode(data)
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        # A subclass, not csv.excel itself: changing that would change it for everyone.
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
        dialect = type("Fallback", (csv.excel,), {"delimiter": delimiter})
    try:
        return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), dialect)]
    except csv.Error as exc:
        raise FileProblem(_("The file is not valid CSV: %(error)s") % {"error": exc}) from exc


def read_sheet(*, data: bytes, filename: str) -> Sheet:
    """Parse the file; raises FileProblem when it is empty or not a spreadsheet."""
    if not data.strip():
        raise FileProblem(_("The file is empty."))
    is_zip = data[:4] == b"PK\x03\x04"
    lower = filename.lower()
    if lower.endswith(".xlsx") or is_zip:
        if not is_zip:
            raise FileProblem(_("The file is called .xlsx but is not an Excel workbook."))
        lines = _read_xlsx(data)
    elif lower.endswith((".csv", ".txt")):
        lines = _read_csv(data)
    else:
        raise FileProblem(_("Upload a CSV file (.csv) or an Excel workbook (.xlsx)."))
    numbered = [(n, line) for n, line in enumerate(lines, start=1) if any(line)]
    if not numbered:
        raise FileProblem(_("The file is empty."))
    header = [cell.strip().lower() for cell in numbered[0][1]]
    width = len(header)
    rows = [(n, (line + [""] * width)[:width]) for n, line in numbered[1:]]
    if not rows:
        raise FileProblem(_("The file has column names but no rows of organisations."))
    return Sheet(header=header, rows=rows)
