"""Tests of the Pay it Forward matching engine: validity, exact optimality, edge cases.

The rules and the score are re-implemented here from shared/specs/matching.md, so the
oracles do not share code with the engine. Optimality is checked against brute force
over every feasible set of pairs (tiny instances) and against networkx's min-cost flow
on a network with one node per learner and mentor, i.e. without the engine's grouping
and pruning (small and medium instances).
"""

from __future__ import annotations

import itertools
import random
from collections import Counter

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from olievlek.engines import matching_flow, matching_scan, reference
from olievlek.engines.matching import (
    Instance,
    InstanceError,
    Learner,
    Mentor,
    Result,
    Weights,
    eligible,
    score,
    solve,
    validate,
)

# Few values per attribute, so that types repeat (groups with several members) and
# organisations collide (same-organisation exceptions). NL-GR borders none of the others.
PROVINCES = ("NL-UT", "NL-GE", "NL-ZH", "NL-GR")
SECTORS = ("C", "G")
SIZES = ("klein", "midden")
THEMES = ("gezondheid", "apk", "ontwikkeling")
ORGANISATIONS = ("org-1", "org-2", "org-3", "org-4", "org-5")


# --------------------------------------------------------------------------- spec oracle


def spec_eligible(m: Mentor, lr: Learner, exclusions) -> bool:
    near = m.province == lr.province or lr.province in reference.neighbours()[m.province]
    return (
        bool(set(m.themes) & set(lr.themes))
        and near
        and m.organisation != lr.organisation
        and (m.id, lr.id) not in exclusions
    )


def spec_score(m: Mentor, lr: Learner, w: Weights) -> int:
    return (
        w.match
        + w.theme * len(set(m.themes) & set(lr.themes))
        + w.sector * (m.sector == lr.sector)
        + w.size_class * (m.size_class == lr.size_class)
        + w.province * (m.province == lr.province)
    )


def candidate_pairs(instance: Instance) -> list[tuple[Mentor, Learner, int]]:
    """Eligible pairs worth picking (score > 0) with their scores."""
    pairs = []
    for m in instance.mentors:
        for lr in instance.learners:
            if spec_eligible(m, lr, instance.exclusions):
                s = spec_score(m, lr, instance.weights)
                if s > 0 and m.capacity > 0:
                    pairs.append((m, lr, s))
    return pairs


def brute_force_optimum(instance: Instance) -> int:
    """Best total over every choice of 'a mentor or nobody' per learner."""
    options = {lr.id: [(None, 0)] for lr in instance.learners}
    for m, lr, s in candidate_pairs(instance):
        options[lr.id].append((m.id, s))
    capacity = {m.id: m.capacity for m in instance.mentors}
    best = 0
    for choice in itertools.product(*options.values()):
        load = Counter(mentor for mentor, _ in choice if mentor is not None)
        if all(load[m] <= capacity[m] for m in load):
            best = max(best, sum(s for _, s in choice))
    return best


def networkx_optimum(instance: Instance) -> int:
    """Min-cost flow on the full eligible graph; a learner->sink arc means 'unmatched'."""
    graph = nx.DiGraph()
    graph.add_node("sink", demand=len(instance.learners))
    for lr in instance.learners:
        graph.add_node(("l", lr.id), demand=-1)
        graph.add_edge(("l", lr.id), "sink", weight=0)
    for m in instance.mentors:
        graph.add_edge(("m", m.id), "sink", capacity=m.capacity, weight=0)
    for m, lr, s in candidate_pairs(instance):
        graph.add_edge(("l", lr.id), ("m", m.id), capacity=1, weight=-s)
    return -nx.min_cost_flow_cost(graph)


def assert_valid(instance: Instance, result: Result) -> None:
    """Every property the contract promises about a result, except optimality."""
    mentors = {m.id: m for m in instance.mentors}
    learners = {lr.id: lr for lr in instance.learners}
    for match in result.matches:
        m, lr = mentors[match.mentor], learners[match.learner]
        assert spec_eligible(m, lr, instance.exclusions), match
        assert match.score == spec_score(m, lr, instance.weights)
    load = Counter(match.mentor for match in result.matches)
    assert all(load[m] <= mentors[m].capacity for m in load)
    matched = [match.learner for match in result.matches]
    assert len(matched) == len(set(matched))
    assert result.total_score == sum(match.score for match in result.matches)
    keys = [(match.mentor, match.learner) for match in result.matches]
    assert keys == sorted(keys)
    assert set(result.unmatched_learners) == set(learners) - set(matched)
    assert list(result.unmatched_learners) == sorted(result.unmatched_learners)


# --------------------------------------------------------------------------- strategies


@st.composite
def profiles(draw) -> dict:
    return {
        "organisation": draw(st.sampled_from(ORGANISATIONS)),
        "province": draw(st.sampled_from(PROVINCES)),
        "sector": draw(st.sampled_from(SECTORS)),
        "size_class": draw(st.sampled_from(SIZES)),
        "themes": frozenset(draw(st.sets(st.sampled_from(THEMES), min_size=1, max_size=3))),
    }


@st.composite
def instances(draw, max_mentors: int = 4, max_learners: int = 6, custom_weights: bool = True):
    n_mentors = draw(st.integers(0, max_mentors))
    n_learners = draw(st.integers(0, max_learners))
    mentors = tuple(
        Mentor(id=f"m-{i}", capacity=draw(st.integers(0, 3)), **draw(profiles()))
        for i in range(n_mentors)
    )
    learners = tuple(Learner(id=f"l-{i}", **draw(profiles())) for i in range(n_learners))
    all_pairs = [(m.id, lr.id) for m in mentors for lr in learners]
    exclusions = draw(st.sets(st.sampled_from(all_pairs))) if all_pairs else set()
    weights = Weights()
    if custom_weights and draw(st.booleans()):
        weights = Weights(*(draw(st.integers(-20, 30)) for _ in range(5)))
    return Instance(mentors, learners, frozenset(exclusions), weights)


def random_instance(seed: int, n_learners: int, n_mentors: int, spread: bool) -> Instance:
    """Seeded medium instance; ``spread`` draws from every province/sector/size/theme."""
    rng = random.Random(seed)
    provinces = tuple(reference.provinces()) if spread else PROVINCES
    sectors = tuple(reference.sectors()) if spread else SECTORS
    sizes = reference.SIZE_CLASSES if spread else SIZES
    themes = reference.THEMES if spread else THEMES
    organisations = [f"org-{i}" for i in range(n_learners + n_mentors)]

    def profile() -> dict:
        return {
            "organisation": rng.choice(organisations[: n_learners // 2 + n_mentors]),
            "province": rng.choice(provinces),
            "sector": rng.choice(sectors),
            "size_class": rng.choice(sizes),
            "themes": frozenset(rng.sample(themes, rng.randint(1, 3))),
        }

    mentors = tuple(
        Mentor(id=f"m-{i}", capacity=rng.choice((0, 1, 2, 2, 2, 3)), **profile())
        for i in range(n_mentors)
    )
    learners = tuple(Learner(id=f"l-{i}", **profile()) for i in range(n_learners))
    exclusions = {
        (rng.choice(mentors).id, rng.choice(learners).id) for _ in range(n_learners // 10)
    }
    return Instance(mentors, learners, frozenset(exclusions))


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


# --------------------------------------------------------------------------- edge cases


def _learner(i: int, organisation: str = "org-l", **changes) -> Learner:
    fields = {"province": "NL-UT", "sector": "C", "size_class": "klein", "themes": {"apk"}}
    return Learner(f"l-{i}", f"{organisation}{i}", **{**fields, **changes})


def test_empty_instances():
    assert solve(Instance((), ())) == Result((), 0, ())
    learners = (_learner(1), _learner(2))
    assert solve(Instance((), learners)).unmatched_learners == ("l-1", "l-2")
    m = Mentor("m-1", "org-m", "NL-UT", "C", "klein", {"apk"})
    assert solve(Instance((m,), ())) == Result((), 0, ())


def test_capacity_zero_mentor_is_never_matched():
    idle = Mentor("m-1", "org-m1", "NL-UT", "C", "klein", {"apk"}, capacity=0)
    busy = Mentor("m-2", "org-m2", "NL-GE", "G", "groot", {"apk"}, capacity=1)
    result = solve(Instance((idle, busy), (_learner(1), _learner(2))))
    assert [m.mentor for m in result.matches] == ["m-2"]
    assert len(result.unmatched_learners) == 1


def test_default_capacity_is_two():
    m = Mentor("m-1", "org-m", "NL-UT", "C", "klein", {"apk"})
    result = solve(Instance((m,), tuple(_learner(i) for i in range(5))))
    assert m.capacity == 2 and len(result.matches) == 2


def test_exclusion_is_respected_even_when_it_costs_score():
    best = Mentor("m-1", "org-m1", "NL-UT", "C", "klein", {"apk"}, capacity=1)
    other = Mentor("m-2", "org-m2", "NL-GE", "G", "groot", {"apk"}, capacity=1)
    result = solve(Instance((best, other), (_learner(1),), frozenset({("m-1", "l-1")})))
    assert [(m.mentor, m.learner) for m in result.matches] == [("m-2", "l-1")]


def test_same_organisation_is_never_paired_but_may_mentor_others():
    both = Mentor("m-1", "org-both", "NL-UT", "C", "klein", {"apk"}, capacity=2)
    own = Learner("l-1", "org-both", "NL-UT", "C", "klein", {"apk"})
    result = solve(Instance((both,), (own, _learner(2))))
    assert [(m.mentor, m.learner) for m in result.matches] == [("m-1", "l-2")]
    assert result.unmatched_learners == ("l-1",)


def test_custom_weights_change_the_optimum():
    near = Mentor("m-1", "org-m1", "NL-UT", "G", "groot", {"apk"}, capacity=1)
    alike = Mentor("m-2", "org-m2", "NL-GE", "C", "klein", {"apk"}, capacity=1)
    learner = (_learner(1),)
    by_default = solve(Instance((near, alike), learner))
    assert [m.mentor for m in by_default.matches] == ["m-2"]  # sector 3 + size 2 > province 2
    province_first = Weights(match=100, theme=10, sector=1, size_class=1, province=50)
    custom = solve(Instance((near, alike), learner, weights=province_first))
    assert [(m.mentor, m.score) for m in custom.matches] == [("m-1", 100 + 10 + 50)]


def test_pairs_without_positive_score_are_not_picked():
    m = Mentor("m-1", "org-m", "NL-UT", "C", "klein", {"apk"}, capacity=3)
    weights = Weights(match=-20, theme=10, sector=5, size_class=0, province=0)
    learners = (_learner(1), _learner(2, sector="G"), _learner(3, sector="G", province="NL-GE"))
    result = solve(Instance((m,), learners, weights=weights))
    assert [(x.learner, x.score) for x in result.matches] == []
    weights = Weights(match=-10, theme=10, sector=5, size_class=0, province=0)
    result = solve(Instance((m,), learners, weights=weights))
    assert [(x.learner, x.score) for x in result.matches] == [("l-1", 5)]


def test_progress_is_reported_up_to_one_and_never_goes_back():
    seen: list[float] = []
    solve(random_instance(3, 60, 25, spread=True), progress=seen.append)
    assert seen and seen[-1] == 1.0
    assert seen == sorted(seen) and all(0.0 <= f <= 1.0 for f in seen)


def test_solving_is_deterministic():
    instance = random_instance(5, 150, 60, spread=False)
    assert solve(instance) == solve(instance)


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"province": "NL-XX"}, 'unknown province "NL-XX"'),
        ({"sector": "Z"}, 'unknown sector "Z"'),
        ({"size_class": "huge"}, 'unknown size_class "huge"'),
        ({"themes": {"gezond"}}, 'unknown theme "gezond"'),
        ({"capacity": -1}, "capacity must be a whole number from 0 up, got -1"),
        ({"capacity": 1.5}, "capacity must be a whole number"),
        ({"capacity": True}, "capacity must be a whole number"),
    ],
)
def test_validate_names_the_offending_mentor(change, fragment):
    fields = {"province": "NL-UT", "sector": "C", "size_class": "klein", "themes": {"apk"}}
    good = Mentor("m-1", "org-1", **fields)
    bad = Mentor("m-2", "org-2", **{**fields, "capacity": 2, **change})
    with pytest.raises(InstanceError) as error:
        solve(Instance((good, bad), ()))
    assert str(error.value).startswith('mentors[1] (id "m-2"): ')
    assert fragment in str(error.value)


def test_validate_refuses_duplicate_ids_unknown_exclusions_and_bad_weights():
    learners = (_learner(1), _learner(1))
    with pytest.raises(InstanceError, match=r'learners\[1\] \(id "l-1"\): duplicate id'):
        validate(Instance((), learners))
    with pytest.raises(InstanceError, match='unknown mentor id "m-9"'):
        validate(Instance((), (_learner(1),), frozenset({("m-9", "l-1")})))
    with pytest.raises(InstanceError, match=r"weights\.theme"):
        validate(Instance((), (), weights=Weights(theme=2.5)))
