"""Sounding-board proposals near their deadline, or past it without a decision, wait in
the project team's work inbox."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from olievlek.site.inbox import inbox_collect

from ..models import BoardProposal

pytestmark = pytest.mark.django_db


def _proposal(*, deadline_in: timedelta, decided: bool = False, age: timedelta = timedelta(0)):
    now = timezone.now()
    proposal = BoardProposal.objects.create(
        title="Voorstel", draft="Tekst.", deadline=now + deadline_in
    )
    BoardProposal.objects.filter(pk=proposal.pk).update(
        created_at=now - age,
        decision="Besloten." if decided else "",
        decided_at=now if decided else None,
    )
    return proposal


def _board_rows():
    with translation.override("en"):
        return [row for row in inbox_collect() if "Sounding-board" in row.label]


def test_a_proposal_near_its_deadline_is_in_the_inbox():
    _proposal(deadline_in=timedelta(days=2), age=timedelta(days=12))
    (row,) = _board_rows()
    assert row.count == 1 and row.age_days == 12
    assert row.url == "/beheer/klankbord/"


def test_a_proposal_past_its_deadline_without_a_decision_is_in_the_inbox():
    _proposal(deadline_in=-timedelta(days=20))
    (row,) = _board_rows()
    assert row.count == 1


def test_a_proposal_with_time_left_or_a_decision_is_not():
    _proposal(deadline_in=timedelta(days=10))
    _proposal(deadline_in=-timedelta(days=1), decided=True)
    assert _board_rows() == []


def test_the_back_office_start_page_shows_the_proposal_row(client_for, staff_user):
    _proposal(deadline_in=timedelta(days=1))
    html = client_for(staff_user).get("/beheer/").content.decode()
    assert "Klankbordvoorstellen vlak voor de deadline of wachtend op een besluit" in html
