"""Checking every row of an import, so that the user sees all problems at once.

Each problem names the row (the line number in the file), the column and what is
wrong, in the user's language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.translation import gettext as _

from olievlek.engines import reference

from ..choices import Theme
from ..models import Organisation
from .parsing import Sheet

REQUIRED_COLUMNS = ("naam", "kvk", "plaats", "provincie", "sector", "grootteklasse")
OPTIONAL_COLUMNS = (
    "website",
    "email",
    "telefoon",
    "omschrijving",
    "koploper",
    "ambassadeur",
    "partner",
    "ervaring",
    "hulpvraag",
    # The contact person the import invites (an invitation with a sign-up link).
    "contactpersoon_naam",
    "contactpersoon_email",
)
ALL_COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
YES = {"ja", "j", "yes", "y", "1", "true", "waar", "x"}
NO = {"nee", "n", "no", "0", "false", "onwaar", ""}
_PROVINCE_ALIASES = {"friesland": "NL-FR"}
_url = URLValidator(schemes=["http", "https"])
# The longest text each column may hold, as stored (website: with the scheme added).
# Every cell is checked against this first, so that no message repeats a huge value.
MAX_LENGTHS = {
    "naam": 200,
    "kvk": 20,
    "plaats": 100,
    "provincie": 100,
    "sector": 100,
    "grootteklasse": 100,
    "website": 200,
    "email": 254,
    "telefoon": 30,
    "omschrijving": 2000,
    "koploper": 20,
    "ambassadeur": 20,
    "partner": 20,
    "ervaring": 200,
    "hulpvraag": 200,
    "contactpersoon_naam": 200,
    "contactpersoon_email": 254,
}
# The page shows these; the rest is counted, not kept (a bad file of 50,000 rows must
# not become an error document of hundreds of megabytes).
MAX_KEPT_PROBLEMS = 100


@dataclass(frozen=True)
class Problem:
    row: int | None
    column: str | None
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass(frozen=True, kw_only=True)
class OrganisationRow:
    line: int
    name: str
    kvk_number: str
    city: str
    province: str
    sector: str
    size_class: str
    website: str = ""
    email: str = ""
    phone: str = ""
    description: str = ""
    is_koploper: bool = False
    is_ambassador: bool = False
    is_partner: bool = False
    experience_themes: frozenset[str] = field(default_factory=frozenset)
    help_themes: frozenset[str] = field(default_factory=frozenset)
    contact_name: str = ""
    contact_email: str = ""


class ProblemLog:
    """The first MAX_KEPT_PROBLEMS problems, and how many there were in all."""

    def __init__(self, problems=()):
        self.kept: list[Problem] = []
        self.total = 0
        for problem in problems:
            self.append(problem)

    def append(self, problem: Problem) -> None:
        self.total += 1
        if len(self.kept) < MAX_KEPT_PROBLEMS:
            self.kept.append(problem)

    def __len__(self) -> int:
        return self.total

    def __iter__(self):
        return iter(self.kept)


@dataclass
class Outcome:
    rows: list[OrganisationRow]
    problems: ProblemLog
    row_count: int = 0


def _unescape(value: str) -> str:
    """Undo the export's protection against formulas: it writes a cell that starts with
    = + - or @ with an apostrophe in front (exports._safe), so that an export imports
    unchanged."""
    if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@"):
        return value[1:]
    return value


def _province_lookup() -> dict[str, str]:
    table = {}
    for code, province in reference.provinces().items():
        table[code.lower()] = code
        table[code.lower().removeprefix("nl-")] = code
        table[province["name"].lower()] = code
    return table | _PROVINCE_ALIASES


class _RowChecker:
    """Validates one row's cells, collecting problems instead of stopping at the first."""

    def __init__(self, line: int, cells: dict[str, str], problems: ProblemLog):
        self.line, self.cells, self.problems = line, cells, problems
        self.too_long: set[str] = set()
        for column, value in cells.items():
            limit = MAX_LENGTHS.get(column)
            if limit is not None and len(value) > limit:
                self.fail(
                    column,
                    _("At most %(n)d characters; this cell has %(length)d.")
                    % {"n": limit, "length": len(value)},
                )
                # Checked once: later checks see a short value and stay silent.
                self.too_long.add(column)
                cells[column] = value[:limit]

    def fail(self, column: str, message: str) -> None:
        if column not in self.too_long:
            self.problems.append(Problem(self.line, column, message))

    def text(self, column: str, *, required: bool = False, max_length: int = 200) -> str:
        value = _unescape(self.cells.get(column, "").strip())
        if required and not value:
            self.fail(column, _("This column must be filled in."))
        elif len(value) > max_length:
            self.fail(column, _("At most %(n)d characters.") % {"n": max_length})
        return value

    def choice(self, column: str, table: dict[str, str], unknown: str) -> str:
        value = self.text(column, required=True)
        if value and value.lower() not in table:
            self.fail(column, unknown % {"value": value})
            return ""
        return table.get(value.lower(), "")

    def flag(self, column: str) -> bool:
        value = self.cells.get(column, "").strip().lower()
        if value in YES:
            return True
        if value not in NO:
            self.fail(column, _('Fill in "ja" or "nee", not "%(value)s".') % {"value": value})
        return False

    def themes(self, column: str) -> frozenset[str]:
        found = set()
        for part in re.split(r"[;,|/]", self.cells.get(column, "")):
            theme = part.strip().lower()
            if not theme:
                continue
            if theme not in Theme.values:
                self.fail(
                    column,
                    _('Unknown theme "%(value)s"; use %(themes)s.')
                    % {"value": part.strip(), "themes": ", ".join(Theme.values)},
                )
            else:
                found.add(theme)
        return frozenset(found)


def _short(name: str) -> str:
    return name if len(name) <= 40 else name[:40] + "…"


def _check_header(sheet: Sheet) -> ProblemLog:
    problems = ProblemLog()
    missing = [c for c in REQUIRED_COLUMNS if c not in sheet.header]
    if missing:
        problems.append(
            Problem(1, None, _("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
        )
    unknown = [_short(c) for c in sheet.header if c and c not in ALL_COLUMNS]
    if unknown:
        problems.append(
            Problem(
                1,
                None,
                _("Unknown columns: %(columns)s. Allowed are: %(allowed)s.")
                % {"columns": ", ".join(unknown), "allowed": ", ".join(ALL_COLUMNS)},
            )
        )
    duplicated = sorted({c for c in sheet.header if c and sheet.header.count(c) > 1})
    if duplicated:
        problems.append(
            Problem(
                1,
                None,
                _("Columns that appear twice: %(columns)s.")
                % {"columns": ", ".join(map(_short, duplicated))},
            )
        )
    return problems


def _kvk(checker: _RowChecker) -> str:
    value = re.sub(r"[\s.]", "", checker.cells.get("kvk", ""))
    if not value:
        checker.fail("kvk", _("This column must be filled in."))
    elif not (value.isdigit() and len(value) == 8):
        checker.fail(
            "kvk",
            _(
                '"%(value)s" is not a KvK number: use exactly 8 digits '
                "(format the column as text to keep leading zeros)."
            )
            % {"value": value},
        )
        return ""
    return value


def validate_sheet(
    sheet: Sheet,
    *,
    progress: Callable[[int], None] | None = None,
    every: int = 500,
    keep: int | None = None,
    on_row: Callable[[OrganisationRow], None] | None = None,
) -> Outcome:
    """Check every row. Valid rows go to `on_row` as they are read; at most `keep` of
    them (all when None) are returned, so that checking a large file keeps little.
    Reading may raise FileProblem (see parsing.read_sheet)."""
    problems = _check_header(sheet)
    if problems:
        return Outcome(rows=[], problems=problems)
    provinces = _province_lookup()
    sectors = {code.lower(): code for code in reference.sectors()}
    sizes = {code: code for code in reference.SIZE_CLASSES}
    existing_kvk = set(Organisation.objects.values_list("kvk_number", flat=True))
    seen_kvk: dict[str, int] = {}
    rows: list[OrganisationRow] = []
    index = 0
    for index, (line, values, extra) in enumerate(sheet.rows, start=1):
        checker = _RowChecker(line, dict(zip(sheet.header, values, strict=True)), problems)
        before = len(problems)
        if extra:
            problems.append(
                Problem(
                    line,
                    None,
                    _(
                        "This row has more cells than there are column names (%(n)d). "
                        "Put a text with %(sep)s between quotes."
                    )
                    % {"n": len(sheet.header), "sep": "; or ,"},
                )
            )
        kvk = _kvk(checker)
        if kvk in existing_kvk:
            checker.fail("kvk", _("KvK number %(kvk)s is already in the network.") % {"kvk": kvk})
        elif kvk in seen_kvk:
            checker.fail(
                "kvk",
                _("KvK number %(kvk)s also appears in row %(row)d.")
                % {"kvk": kvk, "row": seen_kvk[kvk]},
            )
        elif kvk:
            seen_kvk[kvk] = line
        # The length is checked with the scheme added, as it is stored.
        website = checker.cells.get("website", "").strip()
        if website and "://" not in website:
            website = "https://" + website
        if len(website) > 200:
            checker.fail("website", _("At most %(n)d characters.") % {"n": 200})
        elif website:
            try:
                _url(website)
            except ValidationError:
                checker.fail("website", _('"%(value)s" is not a web address.') % {"value": website})
        email = checker.text("email", max_length=254)
        if email:
            try:
                validate_email(email)
            except ValidationError:
                checker.fail("email", _('"%(value)s" is not an email address.') % {"value": email})
        contact_email = checker.text("contactpersoon_email", max_length=254).lower()
        if contact_email:
            try:
                validate_email(contact_email)
            except ValidationError:
                checker.fail(
                    "contactpersoon_email",
                    _('"%(value)s" is not an email address.') % {"value": contact_email},
                )
        row = OrganisationRow(
            line=line,
            name=checker.text("naam", required=True),
            kvk_number=kvk,
            city=checker.text("plaats", required=True, max_length=100),
            province=checker.choice(
                "provincie",
                provinces,
                _('Unknown province "%(value)s"; use a name or code such as NL-UT.'),
            ),
            sector=checker.choice(
                "sector",
                sectors,
                _('Unknown sector "%(value)s"; use an SBI section letter A to U.'),
            ),
            size_class=checker.choice(
                "grootteklasse",
                sizes,
                _('Unknown size class "%(value)s"; use micro, klein, midden or groot.'),
            ),
            website=website,
            email=email,
            phone=checker.text("telefoon", max_length=30),
            description=checker.text("omschrijving", max_length=2000),
            is_koploper=checker.flag("koploper"),
            is_ambassador=checker.flag("ambassadeur"),
            is_partner=checker.flag("partner"),
            experience_themes=checker.themes("ervaring"),
            help_themes=checker.themes("hulpvraag"),
            contact_name=checker.text("contactpersoon_naam", max_length=200),
            contact_email=contact_email,
        )
        if len(problems) == before:
            if keep is None or len(rows) < keep:
                rows.append(row)
            if on_row:
                on_row(row)
        if progress and index % every == 0:
            progress(index)
    if progress:
        progress(index)
    return Outcome(rows=rows, problems=problems, row_count=index)
