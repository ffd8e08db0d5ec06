"""Pay it Forward matching: pair learner organisations with mentor organisations.

The contract is shared/specs/matching.md. Each learner gets at most one mentor, each
mentor at most ``capacity`` learners, only eligible pairs count, and the plain sum of
the pair scores is maximised: a maximum-weight bipartite b-matching. Learners may stay
unmatched, so this is *not* a maximum-cardinality matching.

How the optimum is found (and why it is the true optimum)
----------------------------------------------------------
With 20,000 learners and 8,000 mentors there are tens of millions of eligible pairs,
too many to hand to a solver one by one. Two observations make the problem small:

1. *Types.* Score and eligibility depend only on a participant's type: province,
   sector, size class and set of themes. Learners of one type are interchangeable, and
   so are mentors of one type, so the problem is a transportation problem between
   learner types (supply = number of learners) and mentor types (supply = summed
   capacity). Two rules are about individuals rather than types: exclusions and "not
   the same organisation". Every learner or mentor that takes part in such a forbidden
   pair that would otherwise be eligible gets a group of its own, and the forbidden
   pair becomes a forbidden group pair (``matching_groups``).
2. *Column generation.* Most group pairs are useless in an optimum. We solve a min-cost
   flow (OR-Tools) on a pruned graph: each group's best-scoring partners only. From the
   optimal flow we derive LP dual prices, a price ``v`` per learner group and ``u`` per
   mentor group, and then *price out* every eligible group pair, kept or not: a pair
   with ``score > v + u`` could improve the answer, so the most promising ones are added
   and the flow is solved again (``matching_flow``).

The loop stops when no pair prices out. At that point the prices are a feasible
solution of the dual LP (``u, v >= 0`` and ``u + v >= score`` for *every* eligible
pair) whose objective, ``sum(learners * v) + sum(capacity * u)``, equals the total score
of the matching. By weak duality no fractional matching, let alone an integral one,
scores more, so the matching is optimal. This certificate is recomputed from scratch
and checked exactly in integers on every solve; it does not rely on trusting a solver.
Finally the group flows are turned back into pairs of individuals (any split is
equally good, because group members are interchangeable).

Pairs whose score is zero or less (only possible with custom weights) never raise the
total and are never picked.

This module has no Django imports: it runs from the command line, a service or a
benchmark alike.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from olievlek.engines import reference

DEFAULT_CAPACITY = 2
"""Places a mentor offers when the instance does not say: "each helps two others"."""

WEIGHT_LIMIT = 1_000_000
"""Largest absolute weight; keeps every score and flow cost far inside 64-bit range."""

Progress = Callable[[float], None]


@dataclass(frozen=True, slots=True)
class Weights:
    """Points per scoring criterion; the defaults are the contract's default score."""

    match: int = 100
    theme: int = 10
    sector: int = 3
    size_class: int = 2
    province: int = 2


DEFAULT_WEIGHTS = Weights()


@dataclass(frozen=True, slots=True)
class Mentor:
    """A mentor organisation's offer. ``themes`` is stored as a frozenset."""

    id: str
    organisation: str
    province: str
    sector: str
    size_class: str
    themes: frozenset[str]
    capacity: int = DEFAULT_CAPACITY

    def __post_init__(self) -> None:
        object.__setattr__(self, "themes", frozenset(self.themes))


@dataclass(frozen=True, slots=True)
class Learner:
    """A learner organisation's request for one mentor."""

    id: str
    organisation: str
    province: str
    sector: str
    size_class: str
    themes: frozenset[str]

    def __post_init__(self) -> None:
        object.__setattr__(self, "themes", frozenset(self.themes))


@dataclass(frozen=True, slots=True)
class Instance:
    """A matching problem. ``exclusions`` holds (mentor id, learner id) pairs."""

    mentors: tuple[Mentor, ...]
    learners: tuple[Learner, ...]
    exclusions: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    weights: Weights = DEFAULT_WEIGHTS

    def __post_init__(self) -> None:
        object.__setattr__(self, "mentors", tuple(self.mentors))
        object.__setattr__(self, "learners", tuple(self.learners))
        object.__setattr__(self, "exclusions", frozenset(map(tuple, self.exclusions)))


@dataclass(frozen=True, slots=True)
class Match:
    mentor: str
    learner: str
    score: int


@dataclass(frozen=True, slots=True)
class Result:
    """The optimum: ``matches`` sorted by mentor id, then learner id; the learners
    without a mentor sorted by id."""

    matches: tuple[Match, ...]
    total_score: int
    unmatched_learners: tuple[str, ...]


class InstanceError(ValueError):
    """Bad input. The message names the offending entry, e.g. ``mentors[3] (id "m-4")``."""


# --------------------------------------------------------------------------- rules


def provinces_reachable(mentor_province: str, learner_province: str) -> bool:
    """Same province, or neighbours in data/provinces.json."""
    if mentor_province == learner_province:
        return True
    return learner_province in reference.neighbours().get(mentor_province, frozenset())


def eligible(
    mentor: Mentor, learner: Learner, exclusions: Iterable[tuple[str, str]] = frozenset()
) -> bool:
    """The four eligibility rules of the contract, for one pair."""
    return (
        not mentor.themes.isdisjoint(learner.themes)
        and provinces_reachable(mentor.province, learner.province)
        and mentor.organisation != learner.organisation
        and (mentor.id, learner.id) not in exclusions
    )


def score(mentor: Mentor, learner: Learner, weights: Weights = DEFAULT_WEIGHTS) -> int:
    """The score of a pair (eligibility is not checked here; see :func:`eligible`)."""
    return (
        weights.match
        + weights.theme * len(mentor.themes & learner.themes)
        + weights.sector * (mentor.sector == learner.sector)
        + weights.size_class * (mentor.size_class == learner.size_class)
        + weights.province * (mentor.province == learner.province)
    )


# --------------------------------------------------------------------------- validation


def entry_label(kind: str, index: int, entry_id: object) -> str:
    """How messages name an entry: ``mentors[3] (id "m-4")``."""
    return f"{kind}[{index}] (id {json.dumps(entry_id, ensure_ascii=False)})"


def _quoted(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _is_whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _participant_problem(entry: Mentor | Learner) -> str | None:
    """What is wrong with one entry, or None (the label is added by the caller)."""
    for name in ("id", "organisation"):
        value = getattr(entry, name)
        if not isinstance(value, str) or not value:
            return f"{name} must be a non-empty string"
    if entry.province not in reference.provinces():
        codes = ", ".join(reference.provinces())
        return f"unknown province {_quoted(entry.province)} (expected one of {codes})"
    if entry.sector not in reference.sectors():
        return f"unknown sector {_quoted(entry.sector)} (expected an SBI section letter)"
    if entry.size_class not in reference.SIZE_CLASSES:
        expected = ", ".join(reference.SIZE_CLASSES)
        return f"unknown size_class {_quoted(entry.size_class)} (expected one of {expected})"
    unknown = sorted((t for t in entry.themes if t not in reference.THEMES), key=str)
    if unknown:
        expected = ", ".join(reference.THEMES)
        return f"unknown theme {_quoted(unknown[0])} (expected one of {expected})"
    return None


def _check_ids(kind: str, entries: tuple[Mentor, ...] | tuple[Learner, ...]) -> set[str]:
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        problem = _participant_problem(entry)
        if problem is None and entry.id in seen:
            problem = "duplicate id"
        if problem is not None:
            raise InstanceError(f"{entry_label(kind, index, entry.id)}: {problem}")
        seen.add(entry.id)
    return seen


def validate(instance: Instance) -> None:
    """Refuse an instance the engine cannot solve meaningfully; raise :class:`InstanceError`."""
    for name in ("match", "theme", "sector", "size_class", "province"):
        value = getattr(instance.weights, name)
        if not _is_whole(value) or abs(value) > WEIGHT_LIMIT:
            raise InstanceError(
                f"weights.{name}: must be a whole number between "
                f"-{WEIGHT_LIMIT} and {WEIGHT_LIMIT}, got {_quoted(value)}"
            )
    mentor_ids = _check_ids("mentors", instance.mentors)
    learner_ids = _check_ids("learners", instance.learners)
    for index, mentor in enumerate(instance.mentors):
        if not _is_whole(mentor.capacity) or mentor.capacity < 0:
            raise InstanceError(
                f"{entry_label('mentors', index, mentor.id)}: capacity must be a whole "
                f"number from 0 up, got {_quoted(mentor.capacity)}"
            )
    for mentor_id, learner_id in sorted(instance.exclusions, key=repr):
        pair = f"exclusion [{_quoted(mentor_id)}, {_quoted(learner_id)}]"
        if mentor_id not in mentor_ids:
            raise InstanceError(f"{pair}: unknown mentor id {_quoted(mentor_id)}")
        if learner_id not in learner_ids:
            raise InstanceError(f"{pair}: unknown learner id {_quoted(learner_id)}")


# --------------------------------------------------------------------------- solving


def solve(instance: Instance, progress: Progress | None = None) -> Result:
    """Return a maximum-total-score matching, proven optimal (see the module docstring).

    ``progress``, if given, is called with a growing fraction in [0, 1] (for a progress
    bar); the last call is ``progress(1.0)``.
    """
    # Imported here so that the rules above stay importable without NumPy/OR-Tools.
    from olievlek.engines.matching_flow import solve_groups
    from olievlek.engines.matching_groups import build_grouping, split_flows

    report: Progress = progress or (lambda fraction: None)
    validate(instance)
    report(0.0)
    grouping = build_grouping(instance)
    report(0.05)
    solution = solve_groups(grouping.problem, lambda f: report(0.05 + 0.9 * f))
    pairs = split_flows(grouping, solution)
    result = _result(instance, pairs)
    if result.total_score != solution.total:
        raise RuntimeError("internal error: split matching does not keep the group total")
    report(1.0)
    return result


def _result(instance: Instance, pairs: list[tuple[int, int]]) -> Result:
    """Build the sorted result from (mentor index, learner index) pairs."""
    matches = [
        Match(
            instance.mentors[m].id,
            instance.learners[lr].id,
            score(instance.mentors[m], instance.learners[lr], instance.weights),
        )
        for m, lr in pairs
    ]
    matches.sort(key=lambda match: (match.mentor, match.learner))
    matched = {match.learner for match in matches}
    unmatched = sorted(lr.id for lr in instance.learners if lr.id not in matched)
    return Result(
        matches=tuple(matches),
        total_score=sum(match.score for match in matches),
        unmatched_learners=tuple(unmatched),
    )
