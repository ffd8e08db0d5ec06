"""The demo: a chain of several generations from the bakery, about thirty organisations,
nineteen matches in various states, and a pool that a match round can work on."""

from __future__ import annotations

from collections import Counter

import pytest
from django.contrib.auth import get_user_model

from olievlek.network import demo as network_demo

from .. import demo
from ..chain import chain_view, report_figures
from ..models import Match
from ..services import round_start

pytestmark = pytest.mark.django_db


@pytest.fixture
def context():
    staff = get_user_model().objects.create_user(email="pt@olievlek.test", is_staff=True)
    context = {"staff": staff, "employer_email": "werkgever@olievlek.test", "password": "x"}
    network_demo.build(context, approved=150, koplopers=40, pending=0)
    demo.build(context)
    return context


def test_the_demo_chain(context, django_capture_on_commit_callbacks):
    figures = report_figures()
    assert 28 <= figures["organisations"] <= 32
    assert Match.objects.count() == 19
    states = Counter(Match.objects.values_list("state", flat=True))
    assert set(states) == {
        "proposed",
        "accepted",
        "planned",
        "held",
        "completed",
        "declined",
        "expired",
    }
    view = chain_view()
    bakery = next(r for r in view.roots if r.name == "Bakkerij De Korenaar")
    assert len(view.generations) >= 4
    assert [n.generation for n in view.nodes if n.name == bakery.name] == [0]
    # The bakery's contact has a question to answer.
    assert Match.objects.filter(
        mentor=context["bakery"], state="proposed", learner_answer="accepted"
    ).exists()
    with django_capture_on_commit_callbacks(execute=True):
        match_round = round_start(actor=context["staff"])
    match_round.refresh_from_db()
    assert match_round.state == "ready"
    assert match_round.matches.count() >= 4


def test_every_demo_pledge_enters_later_rounds_as_an_offer(context):
    from ..models import Pledge

    pledges = Pledge.objects.select_related("offer")
    assert pledges.count() == 7
    assert all(p.offer.status == "open" and p.offer.organisation == p.organisation for p in pledges)
