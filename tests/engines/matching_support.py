"""Oracles and generators for the matching engine tests, written from
shared/specs/matching.md so that they share no code with the engine."""

from __future__ import annotations

import itertools
import random
from collections import Counter

import networkx as nx
from hypothesis import strategies as st

from olievlek.engines import reference
from olievlek.engines.matching import (
    Instance,
    Learner,
    Mentor,
    Result,
    Weights,
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
