"""The employer's figures: what is shown, what is hidden and why, and the network
benchmark."""

from __future__ import annotations

import pytest
from django.test import override_settings

from olievlek.engines.scan import COMPLEMENT, SERIES, SMALL

from .. import selectors, services
from .factories import ScanRoundFactory, fill

pytestmark = pytest.mark.django_db


def _closed(organisation, sizes, **kwargs):
    scan_round = ScanRoundFactory(organisation=organisation)
    fill(scan_round, sizes, **kwargs)
    return services.round_close(scan_round=scan_round)


def _by_name(view):
    return {f.label: f for f in view.teams}


def test_a_team_of_five_is_shown_with_its_averages(org_a):
    view = selectors.round_view(scan_round=_closed(org_a, {"Winkel": 5}, value=4))
    winkel = _by_name(view)["Winkel"]
    assert winkel.n == 5
    assert winkel.means["gezondheid"] == 4.0
    assert view.organisation.n == 5


def test_a_group_of_four_is_never_shown(org_a):
    view = selectors.round_view(scan_round=_closed(org_a, {"Klein": 4}))
    assert _by_name(view)["Klein"].n is None
    assert _by_name(view)["Klein"].reason == SMALL
    assert view.organisation.n is None


def test_the_organisation_minus_other_teams_cannot_reveal_a_small_team(org_a):
    view = selectors.round_view(
        scan_round=_closed(org_a, {"Bakkers": 4, "Winkel": 12, "Kantoor": 9})
    )
    teams = _by_name(view)
    assert teams["Bakkers"].reason == SMALL
    assert teams["Kantoor"].reason == COMPLEMENT
    shown = sum(f.n for f in view.teams if f.shown)
    assert view.organisation.n - shown >= 5


def test_a_leaver_between_two_rounds_is_not_revealed(org_a):
    _closed(org_a, {"Winkel": 6, "Kantoor": 10})
    later = _closed(org_a, {"Winkel": 5, "Kantoor": 10})
    view = selectors.round_view(scan_round=later)
    assert _by_name(view)["Winkel"].reason == SERIES
    assert view.organisation.n is None


def test_small_bars_in_a_shown_team_are_hidden(org_a):
    scan_round = ScanRoundFactory(organisation=org_a)
    fill(scan_round, {"Winkel": 5}, was=9)
    fill(scan_round, {"Winkel": 1}, was=2)
    view = selectors.round_view(scan_round=services.round_close(scan_round=scan_round))
    # One person with a poor score: that bar and the next smallest are hidden.
    assert _by_name(view)["Winkel"].was_bars == (None, 0, None)


@override_settings(OLIEVLEK_SCAN_MIN_GROUP=2)
def test_a_minimum_below_five_in_the_settings_is_raised_to_five_at_read_time(org_a):
    view = selectors.round_view(scan_round=_closed(org_a, {"Klein": 3}))
    assert view.k == 5
    assert _by_name(view)["Klein"].n is None


def test_the_network_benchmark_appears_from_five_organisations(
    org_a, django_capture_on_commit_callbacks
):
    from olievlek.network.tests.factories import OrganisationFactory

    _closed(org_a, {"A": 5}, value=2)
    for _ in range(3):
        _closed(OrganisationFactory(), {"A": 5}, value=4)
    assert selectors.network_benchmark() is None
    with django_capture_on_commit_callbacks(execute=True):
        _closed(OrganisationFactory(), {"A": 5}, value=4)
    benchmark = selectors.network_benchmark()
    assert benchmark.means["apk"] == 3.6
    assert benchmark.label == "5"


def test_a_round_of_fewer_than_k_does_not_count_for_the_network(org_a):
    from olievlek.network.tests.factories import OrganisationFactory

    for _ in range(4):
        _closed(OrganisationFactory(), {"A": 5})
    _closed(org_a, {"A": 4})
    assert selectors.network_benchmark() is None
