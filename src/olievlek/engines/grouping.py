"""Dividing participants over sessions (contract: shared/specs/grouping.md).

Each participant names the sessions it can attend. We place each participant in at
most one of them, no session over capacity, and optimise lexicographically:

1. maximise the number of placed participants;
2. among those assignments, minimise ``sum over (session, sector) of n(session, sector)²``.

Why the answer is the true optimum
----------------------------------
The problem is a min-cost flow with a separable convex cost, solved exactly:

``source → participant type → (session, sector) → session → sink``

* A *participant type* is the set of participants with the same sector and the same
  set of (usable) sessions. Such participants are interchangeable: swapping two of
  them changes neither the number placed nor any ``n(session, sector)``. So it is
  enough to decide *how many* of each type go to each session, which shrinks the
  network (crucial at 10,000 participants) without losing any solution.
* The arc ``(session, sector) → session`` is split into unit arcs of cost
  1, 3, 5, …, 2k−1: the k-th participant of a sector in a session raises ``n²`` from
  ``(k−1)²`` to ``k²``, a marginal cost of ``2k−1``. The marginal costs increase, so a
  min-cost flow always fills the cheap arcs first (using a dearer one while a cheaper
  one is free could be undone for a lower cost), and the cost of ``n`` units through
  the group is exactly ``1 + 3 + … + (2n−1) = n²``.
* ``session → sink`` has the session's capacity, so capacities hold; every unit of
  flow is one placed participant.
* Integral capacities give an integral optimal flow (total unimodularity), and every
  integral flow decomposes into unit paths, i.e. into an assignment, and vice versa.
  Hence: max flow value = max placed, and the min cost among maximum flows = the
  minimal imbalance among assignments that place the maximum.

OR-Tools' ``SimpleMinCostFlow.solve_max_flow_with_min_cost`` computes exactly this
pair: first a maximum flow, then a minimum-cost flow of that value. After solving we
recompute ``placed`` and ``imbalance`` from the assignments and check them against the
solver's flow value and cost, so a disagreement can never pass silently.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow

from olievlek.engines.reference import sectors

ProgressCallback = Callable[[float], None]


class InstanceError(ValueError):
    """An instance that breaks the contract; the message names the offending entry."""


@dataclass(frozen=True)
class Session:
    """A session (e.g. a meeting date) with room for `capacity` participants."""

    id: str
    capacity: int


@dataclass(frozen=True)
class Participant:
    """A participant of one SBI sector, who can attend the `available` sessions."""

    id: str
    sector: str
    available: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # A bare string is a sequence too, of letters: a caller's mistake, not a list.
        if isinstance(self.available, str):
            raise TypeError(f"available must be a sequence of session ids, not {self.available!r}")
        # Accept any sequence from callers but store a tuple, keeping the class hashable.
        object.__setattr__(self, "available", tuple(self.available))


@dataclass(frozen=True)
class Instance:
    """A validated instance: constructing one with bad data raises `InstanceError`."""

    sessions: tuple[Session, ...]
    participants: tuple[Participant, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "sessions", tuple(self.sessions))
        object.__setattr__(self, "participants", tuple(self.participants))
        _validate_sessions(self.sessions)
        _validate_participants(self.participants, {s.id for s in self.sessions})


@dataclass(frozen=True)
class Assignment:
    """Participant `participant` attends session `session` (both ids)."""

    participant: str
    session: str


@dataclass(frozen=True)
class Result:
    """The optimum: `assignments` sorted by participant id, `unplaced` sorted too."""

    placed: int
    imbalance: int
    assignments: tuple[Assignment, ...]
    unplaced: tuple[str, ...]


# --------------------------------------------------------------------------- validation


def entry_label(kind: str, index: int, entry_id: object) -> str:
    """`participants[7] (id "p-8")`: how error messages name an entry of the file."""
    return f"{kind}[{index}] (id {json.dumps(entry_id, ensure_ascii=False)})"


def _is_whole_number(value: object) -> bool:
    # bool is a subclass of int, but `true` is not a capacity.
    return isinstance(value, int) and not isinstance(value, bool)


def _check_id(kind: str, index: int, entry_id: object, seen: set[str]) -> None:
    label = entry_label(kind, index, entry_id)
    if not isinstance(entry_id, str) or not entry_id:
        raise InstanceError(f"{label}: id must be a non-empty string")
    if entry_id in seen:
        raise InstanceError(f"{label}: duplicate id")
    seen.add(entry_id)


def _validate_sessions(sessions: Sequence[Session]) -> None:
    seen: set[str] = set()
    for index, session in enumerate(sessions):
        _check_id("sessions", index, session.id, seen)
        if not _is_whole_number(session.capacity) or session.capacity < 0:
            raise InstanceError(
                f"{entry_label('sessions', index, session.id)}: capacity must be a whole "
                f"number >= 0, got {json.dumps(session.capacity, default=repr)}"
            )


def _validate_participants(participants: Sequence[Participant], session_ids: set[str]) -> None:
    known_sectors = sectors()
    seen: set[str] = set()
    for index, participant in enumerate(participants):
        _check_id("participants", index, participant.id, seen)
        label = entry_label("participants", index, participant.id)
        if participant.sector not in known_sectors:
            raise InstanceError(
                f"{label}: unknown sector {json.dumps(participant.sector, default=repr)} "
                f"(expected an SBI section letter A-U)"
            )
        listed: set[str] = set()
        for session_id in participant.available:
            quoted = json.dumps(session_id, ensure_ascii=False, default=repr)
            if session_id not in session_ids:
                raise InstanceError(f"{label}: unknown session {quoted}")
            if session_id in listed:
                raise InstanceError(f"{label}: session {quoted} listed twice in available")
            listed.add(session_id)


# --------------------------------------------------------------------------- solving


@dataclass(frozen=True)
class _Type:
    """Interchangeable participants: one sector, the same usable sessions."""

    sector: str
    sessions: tuple[int, ...]  # session indices, ascending
    members: tuple[int, ...]  # participant indices, in input order


@dataclass(frozen=True)
class _Network:
    """The flow network, as arrays for OR-Tools, plus what we need to read it back."""

    tails: np.ndarray
    heads: np.ndarray
    capacities: np.ndarray
    costs: np.ndarray
    type_arcs: tuple[tuple[int, int], ...]  # per type: [first, last) arc index, by session
    source: int
    sink: int
    supply: int


def _participant_types(instance: Instance) -> list[_Type]:
    """Group participants by (sector, usable sessions), keeping first-seen order.

    Sessions of capacity 0 can never be used, so they are dropped from the key; this
    also merges more participants into one type. Participants with no usable session
    get no type: they are unplaced whatever happens.
    """
    index_of = {session.id: i for i, session in enumerate(instance.sessions)}
    groups: dict[tuple[str, tuple[int, ...]], list[int]] = {}
    for p_index, participant in enumerate(instance.participants):
        usable = sorted(
            index_of[s] for s in participant.available if instance.sessions[index_of[s]].capacity
        )
        if usable:
            groups.setdefault((participant.sector, tuple(usable)), []).append(p_index)
    return [_Type(sector, usable, tuple(members)) for (sector, usable), members in groups.items()]


def _build_network(instance: Instance, types: list[_Type]) -> _Network:
    """Nodes: source, sink, one per type, one per session, one per (session, sector)."""
    source, sink = 0, 1
    first_type = 2
    first_session = first_type + len(types)
    group_node: dict[tuple[int, str], int] = {}
    group_bound: Counter[tuple[int, str]] = Counter()  # most units a group can ever receive
    tails: list[int] = []
    heads: list[int] = []
    capacities: list[int] = []
    type_arcs: list[tuple[int, int]] = []

    next_node = first_session + len(instance.sessions)
    for t_index, ptype in enumerate(types):
        count = len(ptype.members)
        tails.append(source)
        heads.append(first_type + t_index)
        capacities.append(count)
        first_arc = len(tails)
        for s_index in ptype.sessions:
            key = (s_index, ptype.sector)
            if key not in group_node:
                group_node[key] = next_node
                next_node += 1
            group_bound[key] += count
            tails.append(first_type + t_index)
            heads.append(group_node[key])
            capacities.append(count)
        type_arcs.append((first_arc, len(tails)))
    for s_index, session in enumerate(instance.sessions):
        if session.capacity:
            tails.append(first_session + s_index)
            heads.append(sink)
            capacities.append(session.capacity)
    unit_tails, unit_heads, unit_costs = _unit_arcs(
        instance, group_node, group_bound, first_session
    )
    return _Network(
        tails=np.concatenate([np.array(tails, dtype=np.int32), unit_tails]),
        heads=np.concatenate([np.array(heads, dtype=np.int32), unit_heads]),
        capacities=np.concatenate(
            [np.array(capacities, dtype=np.int64), np.ones(len(unit_tails), dtype=np.int64)]
        ),
        costs=np.concatenate([np.zeros(len(tails), dtype=np.int64), unit_costs]),
        type_arcs=tuple(type_arcs),
        source=source,
        sink=sink,
        supply=sum(len(t.members) for t in types),
    )


def _unit_arcs(
    instance: Instance,
    group_node: dict[tuple[int, str], int],
    group_bound: Counter[tuple[int, str]],
    first_session: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(tails, heads, costs) of the unit arcs (session, sector) → session.

    Costs 1, 3, 5, ...: the marginal cost of each extra participant of a sector in a
    session. A group gets no more arcs than the session's capacity or the number of
    participants that could reach it, so the network stays small.
    """
    tails, heads, costs = [np.empty(0, np.int32)], [np.empty(0, np.int32)], [np.empty(0, np.int64)]
    for (s_index, sector), node in group_node.items():
        units = min(instance.sessions[s_index].capacity, group_bound[(s_index, sector)])
        tails.append(np.full(units, node, dtype=np.int32))
        heads.append(np.full(units, first_session + s_index, dtype=np.int32))
        costs.append(2 * np.arange(1, units + 1, dtype=np.int64) - 1)
    return np.concatenate(tails), np.concatenate(heads), np.concatenate(costs)


def _solve_flow(network: _Network) -> tuple[np.ndarray, int, int]:
    """Max flow with min cost; returns (flow per arc, flow value, cost)."""
    solver = min_cost_flow.SimpleMinCostFlow()
    solver.add_arcs_with_capacity_and_unit_cost(
        network.tails, network.heads, network.capacities, network.costs
    )
    solver.set_node_supply(network.source, network.supply)
    solver.set_node_supply(network.sink, -network.supply)
    status = solver.solve_max_flow_with_min_cost()
    if status != solver.OPTIMAL:
        raise RuntimeError(f"min-cost flow solver failed with status {status}")
    flows = solver.flows(np.arange(len(network.tails), dtype=np.int32))
    return flows, solver.maximum_flow(), solver.optimal_cost()


def _disaggregate(types: list[_Type], network: _Network, flows: np.ndarray) -> dict[int, int]:
    """Participant index -> session index, deterministically.

    Within a type, participants are handed out in input order over the type's sessions
    in instance order; so when only some of a type fit, the earliest in the file (e.g.
    the first to register) are the ones placed.
    """
    placement: dict[int, int] = {}
    for ptype, (first_arc, last_arc) in zip(types, network.type_arcs, strict=True):
        members = iter(ptype.members)
        for s_index, arc in zip(ptype.sessions, range(first_arc, last_arc), strict=True):
            for _ in range(int(flows[arc])):
                placement[next(members)] = s_index
    return placement


def imbalance_of(instance: Instance, assignments: Sequence[Assignment]) -> int:
    """Sum over (session, sector) of n², for any assignment (also used by tests)."""
    sector_of = {p.id: p.sector for p in instance.participants}
    counts = Counter((a.session, sector_of[a.participant]) for a in assignments)
    return sum(n * n for n in counts.values())


def _report(progress: ProgressCallback | None, fraction: float) -> None:
    if progress is not None:
        progress(fraction)


def solve(instance: Instance, progress: ProgressCallback | None = None) -> Result:
    """The lexicographic optimum (max placed, then min imbalance) of `instance`.

    `progress`, if given, is called with fractions from 0.0 to 1.0 (for a progress bar).
    """
    _report(progress, 0.0)
    types = _participant_types(instance)
    network = _build_network(instance, types)
    _report(progress, 0.3)
    placement: dict[int, int] = {}
    flow_value = cost = 0
    if network.supply:
        flows, flow_value, cost = _solve_flow(network)
        placement = _disaggregate(types, network, flows)
    _report(progress, 0.9)

    participants, sessions = instance.participants, instance.sessions
    assignments = tuple(
        sorted(
            (Assignment(participants[p].id, sessions[s].id) for p, s in placement.items()),
            key=lambda a: a.participant,
        )
    )
    unplaced = tuple(sorted(p.id for i, p in enumerate(participants) if i not in placement))
    result = Result(
        placed=len(assignments),
        imbalance=imbalance_of(instance, assignments),
        assignments=assignments,
        unplaced=unplaced,
    )
    if (result.placed, result.imbalance) != (flow_value, cost):
        raise RuntimeError(
            f"internal error: assignments give ({result.placed}, {result.imbalance}), "
            f"the flow gives ({flow_value}, {cost})"
        )
    _report(progress, 1.0)
    return result
