"""From individuals to groups of interchangeable participants, and back.

Score and eligibility of a pair depend on the two *types* (province, sector, size class,
themes), except for two rules about individuals: exclusions and "not the same
organisation". We call a pair that the type rules allow but an individual rule forbids
an *exception*. Every learner and mentor in an exception gets a group of its own (a
singleton) and the exception becomes a forbidden group pair; everyone else is grouped
by type. Within a type group, therefore, any member can be swapped for any other
without changing a score or an eligibility, which is what makes the group flow exact
and lets :func:`split_flows` hand out group flows to members in any order.

Types are encoded as two small integer codes whose lookup tables give the score:
code ``a`` = (province, themes) carries the match, theme and province points and the
eligibility rules about themes and provinces; code ``b`` = (sector, size class) carries
the sector and size class points.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from olievlek.engines import reference
from olievlek.engines.matching import Instance, Learner, Mentor, Weights, provinces_reachable
from olievlek.engines.matching_flow import FlowSolution, GroupProblem
from olievlek.engines.matching_scan import INELIGIBLE

THEME_MASKS = 1 << len(reference.THEMES)


@dataclass(frozen=True)
class Grouping:
    """The group problem plus, per group, the indices of its members in the instance."""

    problem: GroupProblem
    learner_members: list[list[int]]
    mentor_members: list[list[int]]
    mentor_capacity: list[int]
    """Capacity per mentor (index into ``instance.mentors``), capped at the learner count."""


def _theme_mask(themes: frozenset[str]) -> int:
    return sum(1 << reference.THEMES.index(theme) for theme in themes)


def _type_a(entry: Mentor | Learner, province_index: dict[str, int]) -> int:
    return province_index[entry.province] * THEME_MASKS + _theme_mask(entry.themes)


def _type_b(entry: Mentor | Learner, sector_index: dict[str, int]) -> int:
    size = reference.SIZE_CLASSES.index(entry.size_class)
    return sector_index[entry.sector] * len(reference.SIZE_CLASSES) + size


def _tables(weights: Weights, provinces: list[str], sectors: list[str]) -> tuple[np.ndarray, ...]:
    """Score lookup tables indexed by ``[learner code, mentor code]``."""
    n_sizes = len(reference.SIZE_CLASSES)
    masks = np.arange(THEME_MASKS)
    shared = np.bitwise_and.outer(masks, masks)
    shared_count = np.bitwise_count(shared).astype(np.int64)
    reach = np.array([[provinces_reachable(m, lr) for m in provinces] for lr in provinces])
    same_province = np.eye(len(provinces), dtype=np.int64)
    # table_a[(pl, tl), (pm, tm)] = match + theme * |tl & tm| + province * (pl == pm)
    table_a = (
        weights.match
        + weights.theme * shared_count[None, :, None, :]
        + weights.province * same_province[:, None, :, None]
    )
    allowed = reach[:, None, :, None] & (shared != 0)[None, :, None, :]
    table_a = np.where(allowed, table_a, INELIGIBLE).reshape(
        len(provinces) * THEME_MASKS, len(provinces) * THEME_MASKS
    )
    same_sector = np.eye(len(sectors), dtype=np.int64)
    same_size = np.eye(n_sizes, dtype=np.int64)
    table_b = (
        weights.sector * same_sector[:, None, :, None]
        + weights.size_class * same_size[None, :, None, :]
    ).reshape(len(sectors) * n_sizes, len(sectors) * n_sizes)
    return table_a.astype(np.int32), table_b.astype(np.int32)


def _types_allow(mentor: Mentor, learner: Learner) -> bool:
    """Eligibility by the type rules only (themes and provinces)."""
    return not mentor.themes.isdisjoint(learner.themes) and provinces_reachable(
        mentor.province, learner.province
    )


def _exceptions(instance: Instance, active: list[int]) -> set[tuple[int, int]]:
    """(mentor index, learner index) pairs that types allow but individual rules forbid."""
    mentor_at = {instance.mentors[m].id: m for m in active}
    learner_at = {learner.id: i for i, learner in enumerate(instance.learners)}
    found: set[tuple[int, int]] = set()
    for mentor_id, learner_id in instance.exclusions:
        if mentor_id in mentor_at and learner_id in learner_at:
            found.add((mentor_at[mentor_id], learner_at[learner_id]))
    learners_of: dict[str, list[int]] = defaultdict(list)
    for i, learner in enumerate(instance.learners):
        learners_of[learner.organisation].append(i)
    for m in active:
        for i in learners_of.get(instance.mentors[m].organisation, ()):
            found.add((m, i))
    return {(m, i) for m, i in found if _types_allow(instance.mentors[m], instance.learners[i])}


def _group(codes: list[tuple[int, int]], singles: set[int]) -> tuple[list[list[int]], list[int]]:
    """Members per group (first-appearance order) and the group of each position."""
    groups: list[list[int]] = []
    group_of: list[int] = []
    by_code: dict[tuple[int, int], int] = {}
    for position, code in enumerate(codes):
        if position in singles:
            group = len(groups)
            groups.append([])
        else:
            group = by_code.setdefault(code, len(groups))
            if group == len(groups):
                groups.append([])
        groups[group].append(position)
        group_of.append(group)
    return groups, group_of


def build_grouping(instance: Instance) -> Grouping:
    """Group an (already validated) instance; mentors without places are left out."""
    provinces = list(reference.provinces())
    sectors = list(reference.sectors())
    province_index = {code: i for i, code in enumerate(provinces)}
    sector_index = {code: i for i, code in enumerate(sectors)}
    n_learners = len(instance.learners)
    capacity = [min(mentor.capacity, n_learners) for mentor in instance.mentors]
    active = [m for m, places in enumerate(capacity) if places > 0]
    exceptions = _exceptions(instance, active)

    learner_codes = [
        (_type_a(lr, province_index), _type_b(lr, sector_index)) for lr in instance.learners
    ]
    learner_members, learner_group = _group(learner_codes, {i for _, i in exceptions})
    mentors = [instance.mentors[m] for m in active]
    mentor_codes = [(_type_a(m, province_index), _type_b(m, sector_index)) for m in mentors]
    position = {m: k for k, m in enumerate(active)}
    mentor_positions, mentor_group = _group(mentor_codes, {position[m] for m, _ in exceptions})
    mentor_members = [[active[k] for k in members] for members in mentor_positions]
    forbidden = sorted({(learner_group[i], mentor_group[position[m]]) for m, i in exceptions})
    table_a, table_b = _tables(instance.weights, provinces, sectors)
    problem = GroupProblem(
        learner_count=np.array([len(g) for g in learner_members], np.int64),
        learner_a=np.array([learner_codes[g[0]][0] for g in learner_members], np.int64),
        learner_b=np.array([learner_codes[g[0]][1] for g in learner_members], np.int64),
        mentor_capacity=np.array([sum(capacity[m] for m in g) for g in mentor_members], np.int64),
        mentor_a=np.array([mentor_codes[g[0]][0] for g in mentor_positions], np.int64),
        mentor_b=np.array([mentor_codes[g[0]][1] for g in mentor_positions], np.int64),
        table_a=table_a,
        table_b=table_b,
        forbidden=np.array(forbidden, np.int64).reshape(-1, 2),
    )
    return Grouping(problem, learner_members, mentor_members, capacity)


def split_flows(grouping: Grouping, solution: FlowSolution) -> list[tuple[int, int]]:
    """Turn group flows into (mentor index, learner index) pairs.

    Learners of a group are handed out in input order; each mentor group fills its
    members' places in input order. Any order is optimal (members are interchangeable).
    """
    next_learner = [0] * len(grouping.learner_members)
    next_mentor = [0] * len(grouping.mentor_members)
    used = [0] * len(grouping.mentor_capacity)
    pairs: list[tuple[int, int]] = []
    flows = zip(
        solution.learner_group.tolist(),
        solution.mentor_group.tolist(),
        solution.amount.tolist(),
        strict=True,
    )
    for lg, mg, amount in flows:
        members, mentors = grouping.learner_members[lg], grouping.mentor_members[mg]
        for _ in range(amount):
            learner = members[next_learner[lg]]
            next_learner[lg] += 1
            mentor = mentors[next_mentor[mg]]
            while used[mentor] == grouping.mentor_capacity[mentor]:
                next_mentor[mg] += 1
                mentor = mentors[next_mentor[mg]]
            used[mentor] += 1
            pairs.append((mentor, learner))
    return pairs
