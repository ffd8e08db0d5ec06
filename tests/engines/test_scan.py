"""The self-scan engine: scoring, and the suppression rules that keep every shown figure
and every difference of shown figures at k respondents or more."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from olievlek.engines.scan import (
    COMPLEMENT,
    ITEMS,
    ORG,
    SERIES,
    SMALL,
    THEMES,
    distribution,
    minimum_group,
    org_distribution,
    plan_round,
    theme_scores,
    was_band,
    weak_themes,
)


@pytest.mark.parametrize(
    ("score", "band"), [(0, "poor"), (5, "poor"), (6, "moderate"), (7, "moderate"), (8, "good")]
)
def test_work_ability_bands_follow_the_published_cut_offs(score, band):
    assert was_band(score) == band


def test_a_work_ability_score_outside_0_to_10_is_refused():
    with pytest.raises(ValueError):
        was_band(11)


def test_a_theme_score_is_the_mean_of_its_answered_statements():
    answers = {"b1": 5, "b2": 4, "b3": 3, "g1": 2}
    scores = theme_scores(answers)
    assert scores["betrokkenheid"] == 4.0
    assert scores["gezondheid"] == 2.0
    assert scores["apk"] is None


def test_every_theme_has_three_or_four_statements():
    assert set(ITEMS) == set(THEMES)
    assert all(3 <= len(items) <= 4 for items in ITEMS.values())


def test_weak_themes_are_those_below_the_line_weakest_first():
    scores = {"betrokkenheid": 4.5, "organisatie": 2.0, "gezondheid": 3.0, "apk": 4.0}
    assert weak_themes(scores) == ["organisatie", "gezondheid"]


def test_without_weak_themes_the_lowest_theme_is_the_starting_point():
    assert weak_themes({"betrokkenheid": 4.5, "apk": 4.0}) == ["apk"]


def test_the_minimum_group_never_goes_below_five():
    assert minimum_group(2) == 5
    assert minimum_group(8) == 8


def test_a_team_of_four_is_hidden_because_it_is_small():
    plan = plan_round(teams={"Bakkers": 4, "Winkel": 12, "Kantoor": 9}, k=5)
    assert plan.hidden["Bakkers"] == SMALL


def test_the_subtraction_attack_hides_the_smallest_other_team():
    # Organisation 25 minus Winkel 12 minus Kantoor 9 would be the 4 bakers.
    plan = plan_round(teams={"Bakkers": 4, "Winkel": 12, "Kantoor": 9}, k=5)
    assert plan.hidden == {"Bakkers": SMALL, "Kantoor": COMPLEMENT}
    assert plan.org_shown
    assert plan.residual_n() == 13


def test_two_small_teams_together_need_no_extra_hiding():
    plan = plan_round(teams={"A": 3, "B": 3, "C": 10}, k=5)
    assert plan.hidden == {"A": SMALL, "B": SMALL}


def test_an_organisation_below_the_minimum_is_hidden_entirely():
    plan = plan_round(teams={"A": 2, "B": 2}, k=5)
    assert plan.org_reason == SMALL
    assert plan.shown_teams() == []


def test_one_leaver_between_two_rounds_hides_the_team_in_the_later_round():
    first = plan_round(teams={"Winkel": 6, "Kantoor": 10}, k=5)
    second = plan_round(teams={"Winkel": 5, "Kantoor": 10}, k=5, earlier=[first.published()])
    assert second.hidden["Winkel"] == SERIES
    # The organisation's total also moved by one, so it is hidden as well.
    assert second.org_reason == SERIES


def test_an_unchanged_team_is_shown_again_in_a_later_round():
    first = plan_round(teams={"Winkel": 6, "Kantoor": 10}, k=5)
    second = plan_round(teams={"Winkel": 6, "Kantoor": 10}, k=5, earlier=[first.published()])
    assert second.hidden == {}
    assert second.org_shown


def test_small_bars_are_hidden_with_the_smallest_other_bar():
    assert distribution([1, 6, 5], k=5) == (None, 6, None)


def test_an_organisation_distribution_that_would_expose_hidden_teams_is_withheld():
    # Shown team bars [5, 5, 0]; the organisation's [7, 5, 1]: the residual is [2, 0, 1].
    assert org_distribution(org_counts=[7, 5, 1], shown_team_counts=[[5, 5, 0]], k=5) is None


counts = st.integers(min_value=0, max_value=30)
team_maps = st.dictionaries(st.sampled_from("ABCDEFGH"), counts, min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(teams=team_maps, k=st.integers(min_value=0, max_value=9))
def test_no_shown_figure_comes_from_fewer_than_k_responses(teams, k):
    plan = plan_round(teams=teams, k=k)
    kk = minimum_group(k)
    assert all(teams[t] >= kk for t in plan.shown_teams())
    if plan.org_shown:
        assert sum(teams.values()) >= kk


@settings(max_examples=300, deadline=None)
@given(teams=team_maps, k=st.integers(min_value=5, max_value=9))
def test_the_organisation_minus_the_shown_teams_never_isolates_fewer_than_k(teams, k):
    plan = plan_round(teams=teams, k=k)
    if plan.org_shown:
        residual = sum(teams.values()) - sum(teams[t] for t in plan.shown_teams())
        assert residual == 0 or residual >= k


@settings(max_examples=300, deadline=None)
@given(rounds=st.lists(team_maps, min_size=2, max_size=4), k=st.integers(min_value=5, max_value=7))
def test_no_difference_of_shown_figures_across_rounds_covers_fewer_than_k(rounds, k):
    published = []
    for teams in rounds:
        plan = plan_round(teams=teams, k=k, earlier=published)
        published.append(plan.published())
    for i, later in enumerate(published):
        for earlier in published[:i]:
            for key, n in later.figures.items():
                if key in earlier.figures:
                    difference = abs(n - earlier.figures[key])
                    assert difference == 0 or difference >= k, (key, rounds)
    for figures in published:
        assert all(n >= k for n in figures.figures.values())


@settings(max_examples=300, deadline=None)
@given(bars=st.lists(counts, min_size=3, max_size=5), k=st.integers(min_value=5, max_value=8))
def test_no_shown_bar_and_no_sum_of_hidden_bars_covers_fewer_than_k(bars, k):
    # Bars are drawn only for a shown group, which has at least k people.
    assume(sum(bars) >= k)
    shown = distribution(bars, k=k)
    assert all(b == 0 or b >= k for b in shown if b is not None)
    hidden = sum(c for c, b in zip(bars, shown, strict=True) if b is None)
    assert hidden == 0 or hidden >= k


@settings(max_examples=300, deadline=None)
@given(
    teams=st.lists(st.lists(counts, min_size=3, max_size=3), min_size=1, max_size=5),
    k=st.integers(min_value=5, max_value=7),
)
def test_organisation_bars_minus_shown_team_bars_never_isolate_fewer_than_k(teams, k):
    plan = plan_round(teams={str(i): sum(t) for i, t in enumerate(teams)}, k=k)
    shown = [teams[int(t)] for t in plan.shown_teams()]
    org = [sum(t[i] for t in teams) for i in range(3)]
    bars = org_distribution(org_counts=org, shown_team_counts=shown, k=k)
    if bars is not None:
        residual = [o - sum(s[i] for s in shown) for i, o in enumerate(org)]
        assert all(r == 0 or r >= k for r in residual)
        assert ORG not in {str(i) for i in range(len(teams))}
