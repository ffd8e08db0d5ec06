"""Retention: raw answers go a set time after the round closes; team results stay."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from .. import services
from ..models import Response, ScanRound, TeamResult
from .factories import ScanRoundFactory, fill

pytestmark = pytest.mark.django_db


def _closed_days_ago(days: int) -> ScanRound:
    scan_round = ScanRoundFactory()
    fill(scan_round, {"Winkel": 5})
    services.round_close(scan_round=scan_round)
    ScanRound.objects.filter(pk=scan_round.pk).update(
        closed_at=timezone.now() - timedelta(days=days)
    )
    return scan_round


def test_answers_older_than_twelve_months_are_deleted_and_results_kept():
    old = _closed_days_ago(370)
    assert services.answers_purge() == 5
    assert not Response.objects.filter(round=old).exists()
    assert TeamResult.objects.get(round=old).respondents == 5
    old.refresh_from_db()
    assert old.purged_at is not None


def test_answers_younger_than_the_retention_period_stay():
    recent = _closed_days_ago(300)
    assert services.answers_purge() == 0
    assert Response.objects.filter(round=recent).count() == 5


def test_answers_of_an_open_round_are_never_deleted():
    scan_round = ScanRoundFactory()
    fill(scan_round, {"Winkel": 5})
    assert services.answers_purge(now=timezone.now() + timedelta(days=800)) == 0


@override_settings(OLIEVLEK_SCAN_RETENTION_MONTHS=1)
def test_the_retention_period_is_a_setting():
    _closed_days_ago(40)
    assert services.answers_purge() == 5


def test_the_scheduled_command_closes_due_rounds_and_deletes_old_answers():
    _closed_days_ago(400)
    due = ScanRoundFactory(closes_on=timezone.localdate() - timedelta(days=1))
    out = StringIO()
    call_command("werkvloer_retention", stdout=out)
    due.refresh_from_db()
    assert not due.is_open
    assert "Responses deleted: 5" in out.getvalue()
    assert not Response.objects.exists()
