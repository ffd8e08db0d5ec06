"""One date format everywhere: "di 12 maart 2027, 14:00" (and "Tue 12 March 2027, 14:00")."""

import datetime
import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import timezone, translation
from django.utils.formats import date_format

MOMENT = datetime.datetime(2027, 3, 12, 13, 0, tzinfo=datetime.UTC)  # 14:00 in Amsterdam
SRC = Path(__file__).resolve().parents[2]
# The named formats of site/formats, and machine formats (a datetime attribute, comparing
# days) that are not shown to anyone.
ALLOWED = {"DATETIME_FORMAT", "DATE_FORMAT", "YEAR_MONTH_FORMAT", "H:i", "c", "Ymd"}


def _render(source: str, language: str) -> str:
    with translation.override(language), timezone.override("Europe/Amsterdam"):
        return Template(source).render(Context({"moment": MOMENT}))


@pytest.mark.parametrize(
    ("language", "expected"),
    [("nl", "vr 12 maart 2027, 14:00"), ("en", "Fri 12 March 2027, 14:00")],
)
def test_a_moment_reads_day_date_and_time_in_each_language(language, expected):
    assert _render('{{ moment|date:"DATETIME_FORMAT" }}', language) == expected


@pytest.mark.parametrize(
    ("language", "expected"), [("nl", "vr 12 maart 2027"), ("en", "Fri 12 March 2027")]
)
def test_a_day_reads_day_and_date_in_each_language(language, expected):
    assert _render('{{ moment|date:"DATE_FORMAT" }}', language) == expected


def test_a_datetime_printed_without_a_filter_uses_the_same_format():
    assert _render("{{ moment }}", "nl") == "vr 12 maart 2027, 14:00"


def test_the_example_of_the_house_style_is_a_tuesday_in_dutch():
    tuesday = datetime.date(2027, 3, 9)
    with translation.override("nl"):
        assert date_format(tuesday, "DATE_FORMAT") == "di 9 maart 2027"


def test_no_template_writes_a_date_pattern_of_its_own():
    pattern = re.compile(r"""\|date:["']([^"']*)["']""")
    found = {
        (str(path.relative_to(SRC)), fmt)
        for path in SRC.rglob("templates/**/*")
        if path.suffix in {".html", ".txt"}
        for fmt in pattern.findall(path.read_text(encoding="utf-8"))
        if fmt not in ALLOWED
    }
    assert found == set()
