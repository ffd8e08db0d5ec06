"""Benchmark of the grouping engine against a greedy heuristic and OR-Tools CP-SAT.

    .venv/bin/python benchmarks/grouping.py [--sizes 100x4 1000x40 10000x100] [--timeout 120]

Instances are generated deterministically (fixed seeds), so every run solves the
same ones. `INVITEESxSESSIONS`:

* seats: in total about 95% of the invitees, spread unevenly over the sessions, so
  not everyone fits and the first goal (most placed) matters;
* sessions are grouped into regions of up to 8; an invitee is from one region and
  can attend 1-4 sessions, mostly in its own region, favouring popular dates;
* sectors follow a rough Dutch employer mix (trade, care, business services large;
  mining, households, extraterritorial tiny), skewed per region, so an even spread
  takes real choices.

Rows: olievlek (exact min-cost flow), greedy (each invitee in turn to the available
session with room that has the fewest of its sector) and CP-SAT on the natural 0/1
model with the same lexicographic objective (maximise placed; then, with placed
fixed, minimise the sum of squares), given `--timeout` seconds in all. The
"optimal?" column says whether a row *reaches* the optimum (for olievlek: proven by
construction, see the engine's docstring; for CP-SAT: proven by its own bound).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from ortools.sat.python import cp_model

from olievlek.engines.grouping import Instance, Participant, Session, solve
from olievlek.engines.reference import sectors

# Rough share of employers per SBI section (percent); only the proportions matter.
SECTOR_WEIGHTS = {
    "A": 3.0, "B": 0.1, "C": 8.0, "D": 0.3, "E": 0.5, "F": 7.0, "G": 17.0,
    "H": 5.0, "I": 6.0, "J": 4.0, "K": 3.0, "L": 1.5, "M": 9.0, "N": 6.0,
    "O": 3.0, "P": 6.0, "Q": 15.0, "R": 2.0, "S": 3.0, "T": 0.05, "U": 0.05,
}  # fmt: skip
REGION_SIZE = 8
SEAT_RATIO = 0.95
DEFAULT_SIZES = ("100x4", "1000x40", "10000x100")


@dataclass(frozen=True)
class Row:
    method: str
    seconds: float
    placed: int | None  # None: no solution found in time
    imbalance: int | None
    proven_optimal: bool
    timed_out: bool = False


# --------------------------------------------------------------------------- instances


def _capacities(rng: random.Random, sessions: int, seats: int) -> list[int]:
    """Uneven capacities (±40% around the mean) summing to exactly `seats`."""
    weights = [rng.uniform(0.6, 1.4) for _ in range(sessions)]
    scale = seats / sum(weights)
    capacities = [int(w * scale) for w in weights]
    for i in rng.sample(range(sessions), seats - sum(capacities)):
        capacities[i] += 1
    return capacities


def generate(invitees: int, sessions: int, seed: int = 2024) -> Instance:
    rng = random.Random(f"{seed}:{invitees}x{sessions}")
    assert set(SECTOR_WEIGHTS) == set(sectors()), "sector weights out of date"
    capacities = _capacities(rng, sessions, round(SEAT_RATIO * invitees))
    session_list = [Session(f"s-{i + 1:03}", c) for i, c in enumerate(capacities)]
    regions = [session_list[i : i + REGION_SIZE] for i in range(0, sessions, REGION_SIZE)]
    popularity = {s.id: rng.uniform(0.5, 2.0) for s in session_list}
    letters = list(SECTOR_WEIGHTS)
    region_sector_weights = []
    for _ in regions:
        skewed = set(rng.sample(letters, 3))  # e.g. a port, a hospital, a university
        region_sector_weights.append(
            [SECTOR_WEIGHTS[x] * (3 if x in skewed else 1) for x in letters]
        )

    participants = []
    for i in range(invitees):
        region = rng.randrange(len(regions))
        wanted = min(rng.randint(1, 4), sessions)
        local = [s.id for s in regions[region]]
        others = [s.id for s in session_list if s.id not in set(local)]
        available: list[str] = []
        while len(available) < wanted:
            pool = local if rng.random() < 0.85 or not others else others
            choice = rng.choices(pool, [popularity[s] for s in pool])[0]
            if choice not in available:
                available.append(choice)
        sector = rng.choices(letters, region_sector_weights[region])[0]
        participants.append(Participant(f"p-{i + 1:05}", sector, tuple(available)))
    return Instance(tuple(session_list), tuple(participants))


# --------------------------------------------------------------------------- methods


def run_olievlek(instance: Instance, timeout: float) -> Row:
    start = time.perf_counter()
    result = solve(instance)
    seconds = time.perf_counter() - start
    return Row("olievlek", seconds, result.placed, result.imbalance, proven_optimal=True)


def run_greedy(instance: Instance, timeout: float) -> Row:
    """Each invitee in file order to the available session with room holding the fewest
    of its sector (ties: most seats left, then file order)."""
    start = time.perf_counter()
    capacity = {s.id: s.capacity for s in instance.sessions}
    load: Counter[str] = Counter()
    mix: Counter[tuple[str, str]] = Counter()
    for participant in instance.participants:
        open_sessions = [s for s in participant.available if load[s] < capacity[s]]
        if open_sessions:
            best = min(
                open_sessions,
                key=lambda s: (mix[s, participant.sector], load[s] - capacity[s]),
            )
            load[best] += 1
            mix[best, participant.sector] += 1
    seconds = time.perf_counter() - start
    imbalance = sum(n * n for n in mix.values())
    return Row("greedy", seconds, sum(load.values()), imbalance, proven_optimal=False)


def run_cp_sat(instance: Instance, timeout: float) -> Row:
    """Two lexicographic phases in one time budget; the second starts from the first.

    If the first phase is not proven optimal, the second keeps `placed >= best found`,
    so its answer is feasible but neither phase's value is then a proven optimum.
    """
    start = time.perf_counter()
    model = cp_model.CpModel()
    x = {}
    by_session: dict[str, list] = {s.id: [] for s in instance.sessions}
    by_group: dict[tuple[str, str], list] = {}
    for p in instance.participants:
        for s in p.available:
            var = model.new_bool_var(f"x[{p.id},{s}]")
            x[p.id, s] = var
            by_session[s].append(var)
            by_group.setdefault((s, p.sector), []).append(var)
        model.add_at_most_one(x[p.id, s] for s in p.available)
    for session in instance.sessions:
        model.add(sum(by_session[session.id]) <= session.capacity)
    squares = []
    for (session_id, sector), members in by_group.items():
        top = len(members)
        n = model.new_int_var(0, top, f"n[{session_id},{sector}]")
        model.add(n == sum(members))
        square = model.new_int_var(0, top * top, f"sq[{session_id},{sector}]")
        model.add_multiplication_equality(square, [n, n])
        squares.append(square)
    placed = sum(x.values())

    solver = cp_model.CpSolver()
    model.maximize(placed)
    # At most half the budget for the first phase, so the second one gets a chance too.
    solver.parameters.max_time_in_seconds = max(timeout / 2 - (time.perf_counter() - start), 0.01)
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Row("CP-SAT", time.perf_counter() - start, None, None, False, timed_out=True)
    first_optimal = status == cp_model.OPTIMAL
    best_placed = round(solver.objective_value)
    best_imbalance = sum(solver.value(square) for square in squares)
    for var in x.values():
        model.add_hint(var, solver.boolean_value(var))
    model.add(placed >= best_placed)
    model.minimize(sum(squares))
    solver.parameters.max_time_in_seconds = max(timeout - (time.perf_counter() - start), 0.01)
    status = solver.solve(model)
    seconds = time.perf_counter() - start
    second_optimal = status == cp_model.OPTIMAL
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        best_placed = sum(solver.boolean_value(var) for var in x.values())
        best_imbalance = round(solver.objective_value)
    # Otherwise keep the first phase's solution: valid, just not spread any better.
    proven = first_optimal and second_optimal
    return Row(
        "CP-SAT",
        seconds,
        best_placed,
        best_imbalance,
        proven_optimal=proven,
        timed_out=not proven and seconds >= timeout * 0.99,
    )


METHODS: tuple[Callable[[Instance, float], Row], ...] = (run_olievlek, run_greedy, run_cp_sat)


# --------------------------------------------------------------------------- report


def _optimal_column(row: Row, optimum: tuple[int, int]) -> str:
    reached = (row.placed, row.imbalance) == optimum
    if row.proven_optimal:
        return "yes (proven)"
    if row.method == "CP-SAT":
        return "not proven optimal" + (" (value is optimal)" if reached else "")
    return "yes" if reached else "no"


def format_table(results: list[tuple[str, list[Row]]], timeout: float) -> str:
    lines = [
        "| instance | method | seconds | placed | imbalance | optimal? |",
        "| --- | --- | ---: | ---: | ---: | --- |",
    ]
    for size, rows in results:
        optimum = (rows[0].placed, rows[0].imbalance)  # olievlek, exact by construction
        for row in rows:
            seconds = f"> {timeout:g} s" if row.timed_out else f"{row.seconds:.2f}"
            placed = "-" if row.placed is None else str(row.placed)
            imbalance = "-" if row.imbalance is None else str(row.imbalance)
            lines.append(
                f"| {size} | {row.method} | {seconds} | {placed} | {imbalance} "
                f"| {_optimal_column(row, optimum)} |"
            )
    return "\n".join(lines)


def _parse_size(text: str) -> tuple[int, int]:
    invitees, _, sessions = text.partition("x")
    try:
        return int(invitees), int(sessions)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected INVITEESxSESSIONS, got {text!r}") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=list(DEFAULT_SIZES), metavar="NxS")
    parser.add_argument("--timeout", type=float, default=120.0, help="CP-SAT limit, seconds")
    parser.add_argument("--skip-cp-sat", action="store_true", help="only olievlek and greedy")
    arguments = parser.parse_args(argv)
    methods = METHODS[:2] if arguments.skip_cp_sat else METHODS

    results = []
    for size in arguments.sizes:
        instance = generate(*_parse_size(size))
        rows = []
        for method in methods:
            rows.append(method(instance, arguments.timeout))
            print(f"{size}: {rows[-1]}", file=sys.stderr, flush=True)
        results.append((size, rows))
    print(format_table(results, arguments.timeout))
    return 0


if __name__ == "__main__":
    sys.exit(main())
