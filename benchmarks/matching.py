"""Benchmark of the Pay it Forward matching engine against four peers.

    .venv/bin/python benchmarks/matching.py --sizes 1000 5000 20000 --timeout 120

Peers, each run on the same generated instance in a separate subprocess, so that its
time and peak memory are its own:

- olievlek: ``olievlek.engines.matching.solve`` (exact, proven optimal);
- networkx: ``networkx.min_cost_flow`` (network simplex) on the full eligible graph,
  one node per learner and mentor (exact);
- ortools-full: OR-Tools min-cost flow on that same full graph (exact; an independent
  check of the optimum at sizes networkx cannot reach);
- hospital-resident: the ``matching`` library's stable HospitalResident (mentor =
  hospital with capacity, learner = resident; preferences ordered by score): stable,
  not optimal;
- greedy: every eligible pair, best score first, taken while both sides are free.

Seconds (wall clock) and CPU seconds cover only the peer's own work (building its model
from the instance and solving), not generating the instance; every peer is
single-threaded, so on a busy machine CPU seconds are the fairer comparison. Peak
memory is the subprocess's maximum resident set (interpreter, libraries and instance
included). Every answer is checked (eligible
pairs only, capacities and "one mentor per learner" respected) and scored by the same
code; "% of optimum" is relative to olievlek's proven optimum. A peer that needs more
than ``--timeout`` CPU seconds is stopped and shown as "> 120 s" (CPU time rather than
wall-clock time, so that other work on a shared machine does not fail a peer); one
that needs more than ``--memory-limit`` GB fails with an allocation error.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import numpy as np
from matching_instances import MENTOR_SHARE, generate  # the benchmarks folder is on sys.path

from olievlek.engines import reference
from olievlek.engines.matching import Instance, eligible, score, solve

WALL_FACTOR = 10  # wall-clock guard: this many times the CPU time limit


# --------------------------------------------------------------------------- peers

Pairs = list[tuple[str, str]]


def run_olievlek(instance: Instance) -> Pairs:
    return [(m.mentor, m.learner) for m in solve(instance).matches]


def _eligible_pairs(instance: Instance) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """All eligible (mentor index, learner index, score), vectorised per mentor."""
    learners = instance.learners
    provinces = list(reference.provinces())
    p_index = {code: i for i, code in enumerate(provinces)}
    reach = np.array(
        [[m == x or x in reference.neighbours()[m] for x in provinces] for m in provinces]
    )
    l_prov = np.array([p_index[x.province] for x in learners])
    l_sector = np.array([x.sector for x in learners])
    l_size = np.array([x.size_class for x in learners])
    l_org = np.array([x.organisation for x in learners])
    l_themes = np.array([[t in x.themes for t in reference.THEMES] for x in learners])
    learner_at = {x.id: i for i, x in enumerate(learners)}
    w = instance.weights
    mentor_parts, learner_parts, score_parts = [], [], []
    for m, mentor in enumerate(instance.mentors):
        if mentor.capacity == 0:
            continue
        offered = np.array([t in mentor.themes for t in reference.THEMES])
        shared = (l_themes & offered).sum(axis=1)
        ok = (shared > 0) & reach[p_index[mentor.province], l_prov] & (l_org != mentor.organisation)
        scores = (
            w.match + w.theme * shared + w.sector * (l_sector == mentor.sector)
            + w.size_class * (l_size == mentor.size_class)
            + w.province * (l_prov == p_index[mentor.province])
        )  # fmt: skip
        for mentor_id, learner_id in instance.exclusions:
            if mentor_id == mentor.id:
                ok[learner_at[learner_id]] = False
        ok &= scores > 0
        index = np.flatnonzero(ok)
        mentor_parts.append(np.full(len(index), m, np.int32))
        learner_parts.append(index.astype(np.int32))
        score_parts.append(scores[index].astype(np.int32))
    if not mentor_parts:
        return np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0, np.int32)
    return np.concatenate(mentor_parts), np.concatenate(learner_parts), np.concatenate(score_parts)


def run_networkx(instance: Instance) -> Pairs:
    import networkx as nx

    mentor_of, learner_of, scores = _eligible_pairs(instance)
    graph = nx.DiGraph()
    graph.add_node("sink", demand=len(instance.learners))
    for learner in instance.learners:
        graph.add_node(("l", learner.id), demand=-1)
        graph.add_edge(("l", learner.id), "sink", weight=0)  # stays unmatched
    for mentor in instance.mentors:
        graph.add_edge(("m", mentor.id), "sink", capacity=mentor.capacity, weight=0)
    for m, x, s in zip(mentor_of.tolist(), learner_of.tolist(), scores.tolist(), strict=True):
        mentor_id, learner_id = instance.mentors[m].id, instance.learners[x].id
        graph.add_edge(("l", learner_id), ("m", mentor_id), capacity=1, weight=-s)
    flow = nx.min_cost_flow(graph)
    return [
        (head[1], tail[1])
        for tail, outgoing in flow.items()
        if tail != "sink" and tail[0] == "l"
        for head, amount in outgoing.items()
        if amount and head != "sink"
    ]


def run_ortools_full(instance: Instance) -> Pairs:
    """OR-Tools min-cost flow on the full eligible graph, one node per learner and mentor:
    exact, and independent of olievlek's grouping, pruning and pricing."""
    from ortools.graph.python.min_cost_flow import SimpleMinCostFlow

    mentor_of, learner_of, scores = _eligible_pairs(instance)
    nl, nm, n_pairs = len(instance.learners), len(instance.mentors), len(scores)
    sink = nl + nm
    solver = SimpleMinCostFlow()
    solver.add_arcs_with_capacity_and_unit_cost(
        np.concatenate([learner_of, np.arange(nl), nl + np.arange(nm)]).astype(np.int32),
        np.concatenate([nl + mentor_of, np.full(nl + nm, sink)]).astype(np.int32),
        np.concatenate([np.ones(n_pairs + nl), [m.capacity for m in instance.mentors]]).astype(
            np.int64
        ),
        np.concatenate([-scores, np.zeros(nl + nm)]).astype(np.int64),
    )
    supplies = np.concatenate([np.ones(nl), np.zeros(nm), [-nl]]).astype(np.int64)
    solver.set_nodes_supplies(np.arange(sink + 1, dtype=np.int32), supplies)
    if solver.solve() != SimpleMinCostFlow.OPTIMAL:
        raise RuntimeError("min-cost flow not optimal")
    used = np.flatnonzero(solver.flows(np.arange(n_pairs, dtype=np.int32)))
    return [
        (instance.mentors[m].id, instance.learners[x].id)
        for m, x in zip(mentor_of[used].tolist(), learner_of[used].tolist(), strict=True)
    ]


def _ranked(mentor_of, learner_of, scores, instance: Instance):
    """Preference lists ordered by score (best first), ties by id."""
    order = np.lexsort((learner_of, mentor_of, -scores))
    learner_prefs: dict[str, list[str]] = {}
    mentor_prefs: dict[str, list[str]] = {}
    for k in order.tolist():
        mentor_id = instance.mentors[mentor_of[k]].id
        learner_id = instance.learners[learner_of[k]].id
        learner_prefs.setdefault(learner_id, []).append(mentor_id)
        mentor_prefs.setdefault(mentor_id, []).append(learner_id)
    return learner_prefs, mentor_prefs


def run_hospital_resident(instance: Instance) -> Pairs:
    # Run as a script, this file's folder comes first on sys.path and this file (named
    # matching.py) would shadow the `matching` library.
    here = Path(__file__).parent.resolve()
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]
    from matching.games import HospitalResident

    mentor_of, learner_of, scores = _eligible_pairs(instance)
    learner_prefs, mentor_prefs = _ranked(mentor_of, learner_of, scores, instance)
    capacities = {m.id: m.capacity for m in instance.mentors if m.id in mentor_prefs}
    pairs: Pairs = []
    errors: list[BaseException] = []

    def play() -> None:
        try:
            game = HospitalResident.create_from_dictionaries(
                learner_prefs, mentor_prefs, capacities
            )
            matching = game.solve(optimal="resident")
            pairs.extend((h.name, r.name) for h, residents in matching.items() for r in residents)
        except BaseException as error:  # re-raised in the main thread
            errors.append(error)

    # The library deep-copies its linked players recursively: give it a deep stack.
    sys.setrecursionlimit(10**6)
    threading.stack_size(1 << 30)
    thread = threading.Thread(target=play)
    thread.start()
    thread.join()
    if errors:
        raise errors[0]
    return pairs


def run_greedy(instance: Instance) -> Pairs:
    mentor_of, learner_of, scores = _eligible_pairs(instance)
    order = np.lexsort((learner_of, mentor_of, -scores))
    places = [m.capacity for m in instance.mentors]
    taken = [False] * len(instance.learners)
    left = len(instance.learners)
    pairs: Pairs = []
    for m, x in zip(mentor_of[order].tolist(), learner_of[order].tolist(), strict=True):
        if places[m] and not taken[x]:
            places[m] -= 1
            taken[x] = True
            pairs.append((instance.mentors[m].id, instance.learners[x].id))
            left -= 1
            if left == 0:
                break
    return pairs


PEERS = {
    "olievlek": run_olievlek,
    "networkx": run_networkx,
    "ortools-full": run_ortools_full,
    "hospital-resident": run_hospital_resident,
    "greedy": run_greedy,
}


# --------------------------------------------------------------------------- harness


def checked_total(instance: Instance, pairs: Pairs) -> tuple[int, int]:
    """Total score and matched learners of an answer, after checking it is feasible."""
    mentors = {m.id: m for m in instance.mentors}
    learners = {x.id: x for x in instance.learners}
    load = Counter(m for m, _ in pairs)
    if len({x for _, x in pairs}) != len(pairs):
        raise AssertionError("a learner is matched twice")
    if any(load[m] > mentors[m].capacity for m in load):
        raise AssertionError("a mentor is over capacity")
    total = 0
    for m, x in pairs:
        if not eligible(mentors[m], learners[x], instance.exclusions):
            raise AssertionError(f"ineligible pair {m}, {x}")
        total += score(mentors[m], learners[x], instance.weights)
    return total, len(pairs)


def worker(peer: str, size: int, seed: int, timeout: float) -> None:
    """Run one peer on one instance and print its measurements as JSON.

    The peer gets ``timeout`` seconds of CPU time on top of what generating the instance
    took; past that the kernel stops the process (SIGXCPU).
    """
    instance = generate(size, seed)
    limit = math.ceil(time.process_time() + timeout)
    resource.setrlimit(resource.RLIMIT_CPU, (limit, limit + 5))
    started, cpu_started = time.perf_counter(), time.process_time()
    pairs = PEERS[peer](instance)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    total, matched = checked_total(instance, pairs)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {"seconds": seconds, "cpu": cpu, "peak_mb": peak_mb, "total": total, "matched": matched}
        )
    )


def _limit_memory(gigabytes: float):
    def apply() -> None:
        limit = int(gigabytes * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return apply


def measure(peer: str, size: int, seed: int, timeout: float, memory_gb: float) -> dict:
    """Run a peer in its own process. The time limit is on CPU seconds, so that a busy
    machine does not fail a peer; the wall clock only guards against a hang."""
    command = [sys.executable, __file__, "--worker", peer, "--size", str(size), "--seed", str(seed)]
    command += ["--timeout", str(timeout)]
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=WALL_FACTOR * timeout,
            preexec_fn=_limit_memory(memory_gb),
        )
    except subprocess.TimeoutExpired:
        return {"failed": f"> {WALL_FACTOR * timeout:g} s wall"}
    if done.returncode == -signal.SIGXCPU:
        return {"failed": f"> {timeout:g} s"}
    if done.returncode != 0:
        memory = "MemoryError" in done.stderr or "bad_alloc" in done.stderr
        reason = f"> {memory_gb:g} GB" if memory else "error"
        print(done.stderr[-2000:], file=sys.stderr)
        return {"failed": reason}
    return json.loads(done.stdout.strip().splitlines()[-1])


def table(rows: list[tuple[int, str, dict]], optimum: dict[int, int]) -> str:
    lines = [
        "| learners | mentors | peer | seconds | CPU s | peak MB | total score | matched "
        "| % of optimum |",
        "|---:|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for size, peer, r in rows:
        mentors = round(MENTOR_SHARE * size)
        if "failed" in r:
            lines.append(f"| {size} | {mentors} | {peer} | {r['failed']} | | | | | |")
            continue
        share = 100 * r["total"] / optimum[size] if optimum.get(size) else float("nan")
        lines.append(
            f"| {size} | {mentors} | {peer} | {r['seconds']:.2f} | {r['cpu']:.2f} "
            f"| {r['peak_mb']:.0f} | {r['total']} | {r['matched']} | {share:.1f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--memory-limit", type=float, default=8, help="GB per peer")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--peers", nargs="+", default=list(PEERS), choices=list(PEERS))
    parser.add_argument("--worker", choices=list(PEERS), help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker, args.size, args.seed, args.timeout)
        return 0
    rows, optimum = [], {}
    for size in args.sizes:
        for peer in args.peers:
            result = measure(peer, size, args.seed, args.timeout, args.memory_limit)
            print(f"{size:>6} {peer:<18} {result}", file=sys.stderr, flush=True)
            if peer == "olievlek" and "total" in result:
                optimum[size] = result["total"]
            rows.append((size, peer, result))
    print(table(rows, optimum))
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\n{os.cpu_count()} CPUs; load average at the end (1, 5, 15 min): {load}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
