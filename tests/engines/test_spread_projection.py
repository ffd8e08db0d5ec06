"""The branching projection: observed parameters of the chain, the vectorised Monte Carlo
against the analytic Galton–Watson mean, and the promise of two against what is seen."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from olievlek.engines.spread import (
    Observed,
    TimedLink,
    analytic_mean,
    generations_within,
    observe,
    project_reach,
    simulate,
)


def bakery_links():
    # The bakery helps a and b; a finishes on day 30 and helps c from day 120; b finishes
    # on day 40 and never passes it on; c is still learning.
    return [
        TimedLink("bakkerij", "a", started=0, completed=30),
        TimedLink("bakkerij", "b", started=5, completed=40),
        TimedLink("a", "c", started=120),
    ]


def test_observe_measures_rate_generation_time_and_places():
    observed = observe(bakery_links())
    assert observed.reached == 4
    assert (observed.learners, observed.became_mentors) == (2, 1)
    assert observed.pass_on_rate == 0.5
    assert observed.learners_per_mentor == 1.5  # the bakery helped 2, a helped 1
    assert observed.generation_days == 90.0
    assert observed.frontier == 2  # b and c have not passed it on


def test_observe_without_passing_on_uses_the_default_generation_time():
    observed = observe([TimedLink("k", "l", started=0, completed=10)])
    assert observed.pass_on_rate == 0.0
    assert observed.generation_days == 120.0


def test_an_empty_chain_projects_nothing():
    observed = observe([])
    assert [h.mean for h in project_reach(observed, chains=50)] == [0.0, 0.0, 0.0]


def test_generations_within_counts_whole_generations():
    assert generations_within(12, 91.3125) == 4
    assert generations_within(6, 200) == 0


def test_analytic_mean_with_critical_offspring_grows_linearly():
    assert analytic_mean(reached=10, frontier=3, mean_offspring=1.0, generations=4) == 22


def test_the_promise_of_two_doubles_each_generation_exactly():
    new = simulate(frontier=5, pass_on_rate=1.0, learners_per_mentor=2, generations=4, chains=3)
    assert new.tolist() == [[10, 20, 40, 80]] * 3


@pytest.mark.parametrize(("rate", "per_mentor"), [(0.6, 2.0), (0.45, 1.7), (0.9, 1.0)])
def test_monte_carlo_mean_agrees_with_the_galton_watson_mean(rate, per_mentor):
    observed = Observed(
        reached=40,
        frontier=12,
        learners=20,
        became_mentors=12,
        learners_per_mentor=per_mentor,
        generation_days=91.3125,
    )
    horizons = project_reach(
        observed, chains=100_000, seed=7, pass_on_rate=rate, learners_per_mentor=per_mentor
    )
    for h in horizons:
        # Within 1% of the analytic mean (100,000 chains; the standard error is far below).
        assert h.mean == pytest.approx(h.analytic_mean, rel=0.01), h
        assert h.low <= h.mean <= h.high


def test_the_interval_widens_with_the_horizon():
    observed = Observed(
        reached=30,
        frontier=10,
        learners=10,
        became_mentors=6,
        learners_per_mentor=2.0,
        generation_days=60,
    )
    six, twelve, twenty_four = project_reach(observed, chains=20_000)
    assert six.high - six.low <= twelve.high - twelve.low <= twenty_four.high - twenty_four.low


def test_observed_spread_lags_the_promise():
    observed = observe(bakery_links())
    seen = project_reach(observed, chains=2000)
    promise = project_reach(observed, chains=2000, pass_on_rate=1.0, learners_per_mentor=2)
    assert all(s.mean <= p.mean for s, p in zip(seen, promise, strict=True))


@settings(max_examples=30, deadline=None)
@given(
    frontier=st.integers(0, 50),
    rate=st.floats(0, 1),
    per_mentor=st.floats(0, 3),
    generations=st.integers(0, 6),
)
def test_simulated_chains_never_shrink_below_zero_or_exceed_the_maximum(
    frontier, rate, per_mentor, generations
):
    new = simulate(
        frontier=frontier,
        pass_on_rate=rate,
        learners_per_mentor=per_mentor,
        generations=generations,
        chains=200,
        seed=1,
    )
    assert new.shape == (200, generations)
    assert (new >= 0).all()
    ceiling = frontier * np.ceil(per_mentor) ** np.arange(1, generations + 1)
    assert (new <= ceiling).all()


def test_simulate_refuses_a_rate_above_one():
    with pytest.raises(ValueError):
        simulate(frontier=1, pass_on_rate=1.5, learners_per_mentor=2, generations=1, chains=1)
