"""Tests of the grouping engine: validity, exact optimality, determinism.

Optimality is checked against three independent oracles: brute force over every
assignment (tiny instances), OR-Tools CP-SAT on the natural 0/1 model (small ones)
and networkx's network simplex on a network with one node per participant, i.e.
without the aggregation into participant types (medium ones).
"""

from __future__ import annotations

import itertools
import random
from collections import Counter

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ortools.sat.python import cp_model

from olievlek.engines.grouping import (
    Assignment,
    Instance,
    InstanceError,
    Participant,
    Result,
    Session,
    imbalance_of,
    solve,
)

SECTORS = ("C", "G", "Q")


# --------------------------------------------------------------------------- strategies


@st.composite
def instances(draw, max_sessions: int = 4, max_participants: int = 8, max_capacity: int = 4):
    capacities = draw(st.lists(st.integers(0, max_capacity), max_size=max_sessions))
    sessions = [Session(f"s-{i}", c) for i, c in enumerate(capacities)]
    ids = [s.id for s in sessions]
    count = draw(st.integers(0, max_participants))
    participants = []
    for i in range(count):
        available = draw(st.lists(st.sampled_from(ids), unique=True)) if ids else []
        # Ids not in input order, so that sorting by id is actually exercised.
        participants.append(
            Participant(f"p-{(i * 7) % 11}-{i}", draw(st.sampled_from(SECTORS)), available)
        )
    return Instance(sessions, participants)


def random_instance(seed: int, sessions: int, participants: int, max_capacity: int) -> Instance:
    rng = random.Random(seed)
    session_list = [Session(f"s-{i}", rng.randint(0, max_capacity)) for i in range(sessions)]
    ids = [s.id for s in session_list]
    return Instance(
        session_list,
        [
            Participant(f"p-{i}", rng.choice(SECTORS), rng.sample(ids, rng.randint(0, len(ids))))
            for i in range(participants)
        ],
    )


# --------------------------------------------------------------------------- oracles


def brute_force(instance: Instance) -> tuple[int, int]:
    """Best (placed, imbalance) over every assignment, unplaced included."""
    capacity = {s.id: s.capacity for s in instance.sessions}
    options = [(*p.available, None) for p in instance.participants]
    best: tuple[int, int] | None = None
    for choice in itertools.product(*options):
        load = Counter(s for s in choice if s is not None)
        if any(load[s] > capacity[s] for s in load):
            continue
        counts = Counter(
            (s, p.sector) for s, p in zip(choice, instance.participants, strict=True) if s
        )
        key = (-sum(load.values()), sum(n * n for n in counts.values()))
        best = key if best is None or key < best else best
    assert best is not None
    return -best[0], best[1]


def cp_sat_optimum(instance: Instance) -> tuple[int, int]:
    """Two phases on the 0/1 model: maximise placed, fix it, minimise sum of n²."""
    model = cp_model.CpModel()
    x = {
        (p.id, s): model.new_bool_var(f"x[{p.id},{s}]")
        for p in instance.participants
        for s in p.available
    }
    for p in instance.participants:
        model.add_at_most_one(x[p.id, s] for s in p.available)
    for session in instance.sessions:
        model.add(sum(v for (_, s), v in x.items() if s == session.id) <= session.capacity)
    squares = []
    sector_of = {p.id: p.sector for p in instance.participants}
    for session, sector in itertools.product(instance.sessions, SECTORS):
        members = [v for (p, s), v in x.items() if s == session.id and sector_of[p] == sector]
        if members:
            n = model.new_int_var(0, len(members), f"n[{session.id},{sector}]")
            model.add(n == sum(members))
            square = model.new_int_var(0, len(members) ** 2, f"sq[{session.id},{sector}]")
            model.add_multiplication_equality(square, [n, n])
            squares.append(square)
    placed = sum(x.values())
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    model.maximize(placed)
    assert solver.solve(model) == cp_model.OPTIMAL
    best_placed = round(solver.objective_value)
    model.add(placed == best_placed)
    model.minimize(sum(squares))
    assert solver.solve(model) == cp_model.OPTIMAL
    return best_placed, round(solver.objective_value)


def network_simplex_optimum(instance: Instance) -> tuple[int, int]:
    """Max flow, min cost with one node per participant (no aggregation), in networkx."""
    graph = nx.DiGraph()
    for p in instance.participants:
        graph.add_edge("source", ("p", p.id), capacity=1, weight=0)
        for s in p.available:
            graph.add_edge(("p", p.id), ("g", s, p.sector), capacity=1, weight=0)
    for session in instance.sessions:
        graph.add_edge(("s", session.id), "sink", capacity=session.capacity, weight=0)
        for sector in SECTORS:
            for k in range(1, session.capacity + 1):
                # A middle node per unit arc, since a DiGraph has no parallel edges.
                unit = ("u", session.id, sector, k)
                graph.add_edge(("g", session.id, sector), unit, capacity=1, weight=2 * k - 1)
                graph.add_edge(unit, ("s", session.id), capacity=1, weight=0)
    if not instance.participants or "sink" not in graph:
        return 0, 0
    flow = nx.max_flow_min_cost(graph, "source", "sink")
    placed = sum(flow["source"].values())
    return placed, nx.cost_of_flow(graph, flow)


# --------------------------------------------------------------------------- checks


def assert_valid(instance: Instance, result: Result) -> None:
    """Every contract rule a result must keep, whatever the objective."""
    available = {p.id: set(p.available) for p in instance.participants}
    capacity = {s.id: s.capacity for s in instance.sessions}
    placed_ids = [a.participant for a in result.assignments]
    assert len(placed_ids) == len(set(placed_ids)), "a participant placed twice"
    for assignment in result.assignments:
        assert assignment.session in available[assignment.participant], "unavailable session"
    load = Counter(a.session for a in result.assignments)
    assert all(load[s] <= capacity[s] for s in load), "capacity exceeded"
    assert set(placed_ids).isdisjoint(result.unplaced)
    assert set(placed_ids) | set(result.unplaced) == set(available), "participant lost"
    assert len(result.unplaced) == len(set(result.unplaced))
    assert result.placed == len(result.assignments)
    assert result.imbalance == imbalance_of(instance, result.assignments)
    assert placed_ids == sorted(placed_ids)
    assert list(result.unplaced) == sorted(result.unplaced)


# --------------------------------------------------------------------------- properties


@settings(max_examples=300, deadline=None)
@given(instances())
def test_result_is_valid(instance: Instance) -> None:
    assert_valid(instance, solve(instance))


@settings(max_examples=200, deadline=None)
@given(instances(max_sessions=3, max_participants=6, max_capacity=3))
def test_matches_brute_force(instance: Instance) -> None:
    result = solve(instance)
    assert (result.placed, result.imbalance) == brute_force(instance)


@settings(max_examples=60, deadline=None)
@given(instances(max_sessions=4, max_participants=14, max_capacity=5))
def test_matches_cp_sat(instance: Instance) -> None:
    result = solve(instance)
    assert (result.placed, result.imbalance) == cp_sat_optimum(instance)


@pytest.mark.parametrize("seed", range(8))
def test_matches_network_simplex_without_aggregation(seed: int) -> None:
    instance = random_instance(seed, sessions=5, participants=60, max_capacity=12)
    result = solve(instance)
    assert_valid(instance, result)
    assert (result.placed, result.imbalance) == network_simplex_optimum(instance)


@settings(max_examples=50, deadline=None)
@given(instances(), st.randoms(use_true_random=False))
def test_optimum_does_not_depend_on_input_order(instance: Instance, rng: random.Random) -> None:
    shuffled = list(instance.participants)
    rng.shuffle(shuffled)
    sessions = list(instance.sessions)
    rng.shuffle(sessions)
    first, second = solve(instance), solve(Instance(sessions, shuffled))
    assert (first.placed, first.imbalance) == (second.placed, second.imbalance)


@settings(max_examples=50, deadline=None)
@given(instances())
def test_deterministic(instance: Instance) -> None:
    assert solve(instance) == solve(instance)


# --------------------------------------------------------------------------- examples


def test_spreads_sectors_evenly_when_everyone_can_come_to_everything() -> None:
    sessions = [Session("s-1", 4), Session("s-2", 4)]
    participants = [Participant(f"c-{i}", "C", ["s-1", "s-2"]) for i in range(4)] + [
        Participant(f"q-{i}", "Q", ["s-1", "s-2"]) for i in range(4)
    ]
    result = solve(Instance(sessions, participants))
    assert result.placed == 8
    # Two of each sector per session: 4 groups of 2, so 4 * 2² = 16 (all C in one: 32).
    assert result.imbalance == 16
    per_session = Counter((a.session, a.participant[0]) for a in result.assignments)
    assert set(per_session.values()) == {2}


def test_placing_more_beats_spreading_better() -> None:
    # Only the Q participants can go to s-2; spreading C and Q over both sessions would
    # leave one Q unplaced, so the optimum puts both C in s-1 at a higher imbalance.
    sessions = [Session("s-1", 2), Session("s-2", 2)]
    participants = [
        Participant("p-1", "C", ["s-1", "s-2"]),
        Participant("p-2", "C", ["s-1", "s-2"]),
        Participant("p-3", "Q", ["s-2"]),
        Participant("p-4", "Q", ["s-2"]),
    ]
    result = solve(Instance(sessions, participants))
    assert (result.placed, result.imbalance) == (4, 8)
    assert {a.participant: a.session for a in result.assignments} == {
        "p-1": "s-1",
        "p-2": "s-1",
        "p-3": "s-2",
        "p-4": "s-2",
    }


def test_unplaceable_participants_are_reported() -> None:
    sessions = [Session("full", 0), Session("open", 1)]
    participants = [
        Participant("a", "C", []),
        Participant("b", "C", ["full"]),
        Participant("c", "C", ["open"]),
    ]
    result = solve(Instance(sessions, participants))
    assert result.assignments == (Assignment("c", "open"),)
    assert result.unplaced == ("a", "b")


def test_earliest_of_interchangeable_participants_are_placed() -> None:
    participants = [Participant(f"p-{i}", "G", ["s-1"]) for i in (3, 1, 2)]
    result = solve(Instance([Session("s-1", 2)], participants))
    assert [a.participant for a in result.assignments] == ["p-1", "p-3"]
    assert result.unplaced == ("p-2",)


def test_empty_instance() -> None:
    assert solve(Instance([], [])) == Result(0, 0, (), ())


def test_progress_runs_from_zero_to_one() -> None:
    fractions: list[float] = []
    solve(random_instance(1, sessions=3, participants=20, max_capacity=8), fractions.append)
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert fractions == sorted(fractions)


def test_many_identical_participants_aggregate_correctly() -> None:
    # 1,000 participants but only 3 types: the flow on a type node is split back over
    # individual participants, which must still respect every rule.
    sessions = [Session(f"s-{i}", 90) for i in range(10)]
    participants = [
        Participant(f"p-{i:04}", SECTORS[i % 3], [s.id for s in sessions]) for i in range(1000)
    ]
    instance = Instance(sessions, participants)
    result = solve(instance)
    assert_valid(instance, result)
    assert result.placed == 900
    # 900 = 300 per sector, 30 per (session, sector): 30 groups of 30.
    assert result.imbalance == 30 * 30**2


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("sessions", "participants", "message"),
    [
        ([Session("s", -1)], [], 'sessions[0] (id "s"): capacity must be a whole number >= 0'),
        ([Session("s", 2.5)], [], 'sessions[0] (id "s"): capacity must be a whole number'),
        ([Session("s", True)], [], 'sessions[0] (id "s"): capacity must be a whole number'),
        ([Session("s", 1), Session("s", 1)], [], 'sessions[1] (id "s"): duplicate id'),
        ([Session("", 1)], [], 'sessions[0] (id ""): id must be a non-empty string'),
        (
            [Session("s", 1)],
            [Participant("p", "C", ["s"]), Participant("p", "C", [])],
            'participants[1] (id "p"): duplicate id',
        ),
        (
            [Session("s", 1)],
            [Participant("p", "C", ["x"])],
            'participants[0] (id "p"): unknown session "x"',
        ),
        ([], [Participant("p", "Z", [])], 'participants[0] (id "p"): unknown sector "Z"'),
        (
            [Session("s", 1)],
            [Participant("p", "C", ["s", "s"])],
            'participants[0] (id "p"): session "s" listed twice',
        ),
    ],
)
def test_invalid_instances_are_refused(sessions, participants, message: str) -> None:
    with pytest.raises(InstanceError) as refused:
        Instance(sessions, participants)
    assert message in str(refused.value)


def test_a_bare_string_is_not_a_list_of_sessions() -> None:
    with pytest.raises(TypeError, match="sequence of session ids"):
        Participant("p", "C", "s-1")
