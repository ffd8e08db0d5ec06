"""Reading a CSV or XLSX file into a header and rows of text, whatever produced it.

The file is read as a stream: one row at a time, never the whole file as one string,
so that memory stays flat however large the file is (up to the byte and row caps).
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from django.conf import settings
from django.utils.translation import gettext as _

ZIP_MAGIC = b"PK\x03\x04"
SNIFF_BYTES = 64 * 1024
# More columns than any import can use: a header wider than this is not ours.
MAX_COLUMNS = 50
# An XLSX is compressed: its unpacked parts may be this many times the upload cap.
XLSX_UNPACKED_FACTOR = 10
_CHUNK = 1024 * 1024


class FileProblem(Exception):
    """The file as a whole cannot be read; the message says why, for the user."""


@dataclass
class Sheet:
    header: list[str]
    # (line number in the file, cells padded to the header's width, cells beyond the
    # header that hold something); blank lines are skipped but keep their number, so
    # that errors point at the line the user sees. An iterator: read it once.
    rows: Iterator[tuple[int, list[str], int]]
    # The share of the file read so far (0 to 1), for the progress bar; None when the
    # format does not tell (a workbook is read through its zip).
    fraction_read: Callable[[], float] | None = None


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def max_rows() -> int:
    return settings.OLIEVLEK_IMPORT_MAX_ROWS


def _too_large() -> FileProblem:
    return FileProblem(
        _("The file is larger than %(mb)d MB; split it into smaller files.")
        % {"mb": settings.OLIEVLEK_IMPORT_MAX_BYTES // 2**20}
    )


def _xlsx_lines(handle: BinaryIO) -> Iterator[list[str]]:
    from openpyxl import load_workbook

    check_workbook(handle)
    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise FileProblem(_("The file is not a readable Excel workbook (.xlsx).")) from exc
    try:
        if not workbook.worksheets:
            return
        rows = workbook.worksheets[0].iter_rows(values_only=True, max_col=MAX_COLUMNS + 1)
        for row in rows:
            yield [_cell_text(v) for v in row]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError) as exc:
        raise FileProblem(_("The file is not a readable Excel workbook (.xlsx).")) from exc
    finally:
        workbook.close()


def check_workbook(handle: BinaryIO) -> None:
    """Raise FileProblem unless the file is a zip holding an Excel workbook of a sane
    unpacked size (a small zip can unpack to gigabytes)."""
    handle.seek(0)
    try:
        with zipfile.ZipFile(handle) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise FileProblem(_("The file is not a readable Excel workbook (.xlsx).")) from exc
    finally:
        handle.seek(0)
    names = {entry.filename for entry in entries}
    if "xl/workbook.xml" not in names:
        raise FileProblem(
            _("The file is a zip archive, not an Excel workbook (.xlsx). Upload a .xlsx or .csv.")
        )
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > XLSX_UNPACKED_FACTOR * settings.OLIEVLEK_IMPORT_MAX_BYTES:
        raise _too_large()


def detect_encoding(handle: BinaryIO) -> str:
    """UTF-8 (with or without BOM) or else Windows-1252, decided over the whole file in
    chunks, so that a late accented letter is not misread."""
    handle.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while chunk := handle.read(_CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
        return "utf-8-sig"
    except UnicodeDecodeError:
        pass
    finally:
        handle.seek(0)
    decoder = codecs.getincrementaldecoder("cp1252")()
    try:
        while chunk := handle.read(_CHUNK):
            decoder.decode(chunk)
    except UnicodeDecodeError as exc:
        raise FileProblem(_("The file's characters cannot be read; save it as UTF-8 CSV.")) from exc
    finally:
        handle.seek(0)
    return "cp1252"


def check_text(head: bytes) -> None:
    """Raise FileProblem when the start of a file that should be CSV is binary data (an
    image, a program, a document saved under another name)."""
    if b"\x00" in head:
        raise FileProblem(_("The file is not a spreadsheet: it contains binary data."))
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if controls:
        raise FileProblem(_("The file is not a spreadsheet: it contains binary data."))


def _dialect(handle: BinaryIO, encoding: str):
    handle.seek(0)
    sample = handle.read(8192).decode(encoding, errors="ignore")
    handle.seek(0)
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        # A subclass, not csv.excel itself: changing that would change it for everyone.
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
        return type("Fallback", (csv.excel,), {"delimiter": delimiter})


def _csv_lines(handle: BinaryIO) -> Iterator[list[str]]:
    handle.seek(0)
    check_text(handle.read(SNIFF_BYTES))
    encoding = detect_encoding(handle)
    dialect = _dialect(handle, encoding)
    text = io.TextIOWrapper(handle, encoding=encoding, newline="")
    reader = csv.reader(text, dialect)
    try:
        for row in reader:
            yield [cell.strip() for cell in row]
    except csv.Error as exc:
        raise FileProblem(
            _("The file is not valid CSV (near line %(line)d): %(error)s")
            % {"line": reader.line_num, "error": exc}
        ) from exc
    finally:
        if not handle.closed:
            text.detach()


def _size(handle: BinaryIO) -> int:
    handle.seek(0, io.SEEK_END)
    size = handle.tell()
    handle.seek(0)
    return size


def read_sheet(*, handle: BinaryIO, filename: str) -> Sheet:
    """Open the file for reading row by row; raises FileProblem when it is empty, too
    large or not a spreadsheet. Reading the rows may raise FileProblem too (a broken
    line, more rows than allowed)."""
    size = _size(handle)
    if size > settings.OLIEVLEK_IMPORT_MAX_BYTES:
        raise _too_large()
    head = handle.read(SNIFF_BYTES)
    handle.seek(0)
    if not head.strip():
        raise FileProblem(_("The file is empty."))
    is_zip = head[:4] == ZIP_MAGIC
    lower = filename.lower()
    if lower.endswith(".xlsx") or is_zip:
        if not is_zip:
            raise FileProblem(_("The file is called .xlsx but is not an Excel workbook."))
        lines = _xlsx_lines(handle)
    elif lower.endswith((".csv", ".txt")):
        lines = _csv_lines(handle)
    else:
        raise FileProblem(_("Upload a CSV file (.csv) or an Excel workbook (.xlsx)."))
    numbered = ((n, line) for n, line in enumerate(lines, start=1) if any(line))
    first = next(numbered, None)
    if first is None:
        raise FileProblem(_("The file is empty."))
    header = [cell.strip().lower() for cell in first[1]]
    # A workbook pads its rows with empty cells; so do some CSV exports.
    while header and not header[-1]:
        header.pop()
    if len(header) > MAX_COLUMNS:
        raise FileProblem(
            _("The first row has more than %(n)d columns; it must hold the column names.")
            % {"n": MAX_COLUMNS}
        )
    second = next(numbered, None)
    if second is None:
        raise FileProblem(_("The file has column names but no rows of organisations."))
    fraction_read = None
    if not is_zip and size:

        def fraction_read() -> float:
            return 0.0 if handle.closed else min(1.0, handle.tell() / size)

    return Sheet(header=header, rows=_rows(header, second, numbered), fraction_read=fraction_read)


def _rows(header, second, numbered) -> Iterator[tuple[int, list[str], int]]:
    width, limit = len(header), max_rows()
    count = 0
    for n, line in _chain(second, numbered):
        count += 1
        if count > limit:
            raise FileProblem(
                _("The file has more than %(n)s rows; split it into smaller files.")
                % {"n": f"{limit:,}".replace(",", ".")}
            )
        extra = sum(1 for cell in line[width:] if cell)
        yield n, (line + [""] * width)[:width], extra


def _chain(first, rest):
    yield first
    yield from rest
