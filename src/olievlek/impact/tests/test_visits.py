"""Cookieless counting: unique visitors per day and path group, nothing that identifies a
visitor once the day is over, and no cookie but the survey's page counter."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone

from ..models import DailyVisits, VisitorSeen
from ..services import path_group, visit_record

pytestmark = pytest.mark.django_db

DAY1 = timezone.make_aware(dt.datetime(2026, 3, 2, 10, 0))
DAY2 = DAY1 + dt.timedelta(days=1)
FIRST = DAY1.date()


def visit(path="/verhalen/", address="192.0.2.1", agent="Firefox", when=DAY1):
    visit_record(path=path, address=address, user_agent=agent, when=when)


def counts(day=FIRST, group="*"):
    row = DailyVisits.objects.get(day=day, group=group)
    return row.visitors, row.page_views


def test_the_same_visitor_counts_once_a_day_with_every_page_view():
    visit()
    visit(path="/verhalen/een-verhaal/")
    visit(path="/manifest/")
    assert counts() == (1, 3)
    assert counts(group="verhalen") == (1, 2)
    assert counts(group="manifest") == (1, 1)


def test_another_address_or_browser_is_another_visitor():
    visit()
    visit(address="192.0.2.2")
    visit(agent="Chrome")
    assert counts() == (3, 3)


def test_after_the_day_only_counts_remain():
    visit()
    visit(when=DAY2)
    assert not VisitorSeen.objects.filter(day=DAY1.date()).exists()
    assert cache.get(f"impact:salt:{FIRST.isoformat()}") is None
    assert counts() == (1, 1)
    assert counts(day=DAY2.date()) == (1, 1)


def test_no_address_or_user_agent_is_stored_anywhere():
    visit(address="198.51.100.77", agent="UniekeBrowser/1.0")
    stored = [
        str(v)
        for model in (VisitorSeen, DailyVisits)
        for row in model.objects.values()
        for v in row.values()
    ]
    assert not any("198.51.100.77" in v or "UniekeBrowser" in v for v in stored)


def test_a_visitor_is_not_recognisable_across_days():
    visit()
    first = VisitorSeen.objects.get(group="*").digest
    visit(when=DAY2)
    assert VisitorSeen.objects.get(group="*").digest != first


@pytest.mark.parametrize(
    ("path", "group"),
    [
        ("/", "home"),
        ("/verhalen/x/", "verhalen"),
        ("/Manifest", "manifest"),
        ("/%E2%9C%93/", "other"),
    ],
)
def test_path_group_is_the_first_segment(path, group):
    assert path_group(path) == group


def test_a_public_page_is_counted_by_the_middleware_without_a_tracking_cookie(client):
    response = client.get("/businesscase/", HTTP_USER_AGENT="Firefox")
    assert DailyVisits.objects.get(group="businesscase").page_views == 1
    assert set(response.cookies) == {"ov_enquete"}
    assert response.cookies["ov_enquete"].value == "1"


@pytest.mark.parametrize("agent", ["Googlebot/2.1", "some-crawler spider"])
def test_bots_are_not_counted(client, agent):
    client.get("/businesscase/", HTTP_USER_AGENT=agent)
    assert not DailyVisits.objects.exists()


def test_the_api_and_missing_pages_are_not_counted(client):
    client.get("/bestaat-niet/")
    client.post("/api/v1/businesscase/berekening", {}, content_type="application/json")
    assert not DailyVisits.objects.exists()


def test_the_daily_command_forgets_past_days_without_a_new_visit():
    from django.core.management import call_command

    visit()
    call_command("impact_forget_visitors", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not VisitorSeen.objects.exists()
    assert counts() == (1, 1)


def test_a_page_view_costs_the_same_queries_on_the_first_and_later_views(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for _ in range(3):
        with CaptureQueriesContext(connection) as queries:
            visit(when=None)
        counts.append(len(queries))
    assert counts[0] == counts[1] == counts[2]
