"""Tests of the Pay it Forward matching engine: validity, exact optimality, edge cases.

The rules and the score are re-implemented here from shared/specs/matching.md, so the
oracles do not share code with the engine. Optimality is checked against brute force
over every feasible set of pairs (tiny instances) and against networkx's min-cost flow
on a network with one node per learner and mentor, i.e. without the engine's grouping
and pruning (small and medium instances).
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from olievlek.engines import matching_flow, matching_scan
from olievlek.engines.matching import (
    Instance,
    Learner,
    Mentor,
    Weights,
    eligible,
    score,
    solve,
)

from .matching_support import (
    assert_valid,
    brute_force_optimum,
    instances,
    networkx_optimum,
    random_instance,
    spec_eligible,
    spec_score,
)

# --------------------------------------------------------------------------- rules


def test_score_follows_the_default_formula():
    m = Mentor("m-1", "org-17", "NL-UT", "C", "midden", frozenset({"gezondheid", "apk"}))
    learner = Learner("l-1", "org-40", "NL-GE", "C", "klein", {"gezondheid", "ontwikkeling"})
    assert score(m, learner) == 100 + 10 * 1 + 3 + 0 + 0
    twin = Learner("l-2", "org-41", "NL-UT", "C", "midden", {"gezondheid", "apk"})
    assert score(m, twin) == 100 + 10 * 2 + 3 + 2 + 2
    assert score(m, twin, Weights(1, 2, 3, 4, 5)) == 1 + 2 * 2 + 3 + 4 + 5


def test_eligibility_rules_one_by_one():
    m = Mentor("m-1", "org-1", "NL-UT", "C", "midden", {"apk"})
    ok = Learner("l-1", "org-2", "NL-GE", "G", "klein", {"apk", "gezondheid"})
    assert eligible(m, ok)
    assert not eligible(m, Learner("l-2", "org-2", "NL-GE", "G", "klein", {"gezondheid"}))
    assert not eligible(m, Learner("l-3", "org-2", "NL-GR", "G", "klein", {"apk"}))
    assert not eligible(m, Learner("l-4", "org-1", "NL-UT", "C", "midden", {"apk"}))
    assert not eligible(m, ok, {("m-1", "l-1")})
    assert eligible(m, ok, {("m-1", "l-9")})


@given(instances())
@settings(max_examples=300, deadline=None)
def test_engine_rules_agree_with_the_spec(instance):
    for m in instance.mentors:
        for lr in instance.learners:
            assert eligible(m, lr, instance.exclusions) == spec_eligible(m, lr, instance.exclusions)
            assert score(m, lr, instance.weights) == spec_score(m, lr, instance.weights)


# --------------------------------------------------------------------------- optimality


@given(instances())
@settings(max_examples=400, deadline=None)
def test_result_is_valid_and_matches_brute_force(instance):
    result = solve(instance)
    assert_valid(instance, result)
    assert result.total_score == brute_force_optimum(instance)


@given(instances(max_mentors=8, max_learners=14))
@settings(max_examples=200, deadline=None)
def test_result_is_valid_and_matches_networkx_small(instance):
    result = solve(instance)
    assert_valid(instance, result)
    assert result.total_score == networkx_optimum(instance)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("spread", [False, True])
def test_medium_instances_match_networkx(seed, spread):
    instance = random_instance(seed, n_learners=200, n_mentors=80, spread=spread)
    result = solve(instance)
    assert_valid(instance, result)
    assert result.total_score == networkx_optimum(instance)


def test_many_identical_participants_with_individual_exceptions():
    """Large type groups broken up by exclusions and shared organisations."""
    rng = random.Random(7)
    kinds = [("NL-UT", "C", "klein", {"apk"}), ("NL-GE", "G", "midden", {"apk", "gezondheid"})]
    mentors = tuple(
        Mentor(f"m-{i}", f"org-{i % 9}", *rng.choice(kinds), capacity=rng.choice((1, 2, 3)))
        for i in range(30)
    )
    learners = tuple(Learner(f"l-{i}", f"org-{i % 13}", *rng.choice(kinds)) for i in range(90))
    exclusions = {(f"m-{rng.randrange(30)}", f"l-{rng.randrange(90)}") for _ in range(40)}
    instance = Instance(mentors, learners, frozenset(exclusions))
    result = solve(instance)
    assert_valid(instance, result)
    assert result.total_score == networkx_optimum(instance)


def test_potentials_by_min_cost_flow_when_bellman_ford_gives_up(monkeypatch):
    """The fallback for the dual prices gives the same, still certified, optimum."""
    instance = random_instance(11, n_learners=120, n_mentors=50, spread=False)
    expected = solve(instance)
    monkeypatch.setattr(matching_flow, "BELLMAN_FORD_PASSES", 0)
    assert solve(instance).total_score == expected.total_score == networkx_optimum(instance)


def test_small_scan_blocks_give_the_same_optimum(monkeypatch):
    """Splitting rows over many blocks must keep forbidden pairs in the right place."""
    instance = random_instance(13, n_learners=150, n_mentors=60, spread=False)
    monkeypatch.setattr(matching_scan, "CHUNK_ENTRIES", 7)
    result = solve(instance)
    assert_valid(instance, result)
    assert result.total_score == networkx_optimum(instance)


def test_largest_weights_do_not_overflow():
    big = Weights(10**6, 10**6, 10**6, 10**6, 10**6)
    base = random_instance(17, n_learners=120, n_mentors=50, spread=True)
    instance = Instance(base.mentors, base.learners, base.exclusions, big)
    result = solve(instance)
    assert_valid(instance, result)
    assert result.total_score == networkx_optimum(instance)


@given(
    st.lists(st.lists(st.integers(-3, 6), min_size=1, max_size=9), min_size=1, max_size=6).filter(
        lambda rows: len({len(r) for r in rows}) == 1
    ),
    st.integers(1, 5),
)
@settings(max_examples=300, deadline=None)
def test_top_per_row_picks_the_k_largest_positive_entries(rows, k):
    key = np.array(rows, dtype=np.int32)
    r, c = matching_scan.top_per_row(key, k, np.arange(len(key)))
    assert len(set(zip(r.tolist(), c.tolist(), strict=True))) == len(r)
    for i, row in enumerate(rows):
        picked = sorted((row[j] for j in c[r == i].tolist()), reverse=True)
        assert picked == sorted((x for x in row if x > 0), reverse=True)[:k]


def test_beats_greedy_where_greedy_is_not_optimal():
    # Greedy gives m-1 to l-1 (score 130 > 120) and leaves l-2 without a mentor.
    m1 = Mentor("m-1", "org-m1", "NL-UT", "C", "klein", {"apk", "gezondheid"}, capacity=1)
    m2 = Mentor("m-2", "org-m2", "NL-UT", "G", "midden", {"apk"}, capacity=1)
    l1 = Learner("l-1", "org-l1", "NL-UT", "C", "klein", {"apk", "gezondheid"})
    l2 = Learner("l-2", "org-l2", "NL-UT", "C", "klein", {"gezondheid"})
    result = solve(Instance((m1, m2), (l1, l2)))
    assert {(m.mentor, m.learner) for m in result.matches} == {("m-1", "l-2"), ("m-2", "l-1")}
    assert result.unmatched_learners == ()
