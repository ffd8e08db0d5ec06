"""The programme demo: four lines, two partners with a login, an open sounding-board
proposal and a member's own activity waiting for review."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from olievlek.events.choices import ReviewState
from olievlek.events.models import Event
from olievlek.network import demo as network_demo
from olievlek.site.demo_logins import PARTNER_EMAIL

from .. import demo
from ..access import is_partner
from ..models import BoardProposal, ProgrammeLine

pytestmark = pytest.mark.django_db


@pytest.fixture
def context():
    staff = get_user_model().objects.create_user(email="pt@olievlek.test", is_staff=True)
    context = {"staff": staff, "employer_email": "werkgever@olievlek.test", "password": "x"}
    network_demo.build(context, approved=40, koplopers=10, pending=0)
    demo.build(context)
    return context


def test_the_programme_demo(context):
    assert ProgrammeLine.objects.count() == 4
    assert is_partner(get_user_model().objects.get(email=PARTNER_EMAIL))
    assert BoardProposal.objects.get().is_open()
    waiting = Event.objects.get(review_state=ReviewState.PENDING)
    assert waiting.proposed_by == context["bakery"]


def test_the_demo_lines_are_in_the_search_index(context):
    from olievlek.knowledge.search import search

    line = ProgrammeLine.objects.get(slug="leren-en-werken")
    _results, hits = search(q="platform", line=line.pk)
    assert [hit.title for hit in hits[0:5]] == ["Platform Werk en Leren"]
    assert hits[0:1][0].line_names == ("Leren en werken",)
