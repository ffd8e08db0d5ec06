"""The demo: the bakery's closed round shows teams above the minimum and hides the team
below it, and the network comparison appears."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from olievlek.engines.scan import COMPLEMENT, SMALL
from olievlek.network import demo as network_demo

from .. import demo, selectors
from ..models import ScanRound

pytestmark = pytest.mark.django_db


@pytest.fixture
def context():
    staff = get_user_model().objects.create_user(email="pt@olievlek.test", is_staff=True)
    context = {"staff": staff, "employer_email": "werkgever@olievlek.test", "password": "x"}
    network_demo.build(context, approved=20, koplopers=5, pending=0)
    demo.build(context)
    return context


def test_the_bakery_has_a_closed_round_with_a_hidden_small_team(context):
    closed = ScanRound.objects.get(organisation=context["bakery"], state="closed")
    view = selectors.round_view(scan_round=closed)
    teams = {f.label: f for f in view.teams}
    assert teams["Chauffeurs"].reason == SMALL
    assert teams["Kantoor"].reason == COMPLEMENT
    assert teams["Bakkerij"].n == 14
    assert view.benchmark is not None


def test_the_bakery_has_an_open_round_to_try(context):
    assert ScanRound.objects.filter(organisation=context["bakery"], state="open").exists()
