"""Solver core of the matching engine: an exact transportation problem between groups.

Input is a :class:`GroupProblem`: learner groups (a count of interchangeable learners)
and mentor groups (a summed capacity), a score for every group pair given by two small
lookup tables, and a list of forbidden group pairs. Output is an optimal integral flow
between the groups, together with a checked optimality certificate.

Method (column generation with an exact stopping rule):

1. Start from a pruned candidate graph: for every learner group its best-scoring mentor
   groups, and for every mentor group its best-scoring learner groups.
2. Solve the min-cost flow on the candidate graph with OR-Tools (cost = -score; an arc
   from every learner group straight to the sink lets learners stay unmatched).
3. Derive LP dual prices from the optimal flow: shortest-path distances ``d`` in its
   residual graph (Bellman-Ford, see :func:`_distances`) give ``v[L] = d[L] - d[t]``
   per learner group and ``u[M] = d[t] - d[M]`` per mentor group, both clipped at 0.
4. Price out *every* eligible group pair (``matching_scan``): a pair whose score
   exceeds ``v[L] + u[M]`` could raise the total. Add the most violating pairs per
   learner group and per mentor group; go to 2.

When nothing prices out, ``(v, u)`` is feasible for the dual LP over the *full* graph,
and we check exactly, in integers, that the dual objective equals the flow's total
score. Weak duality then proves that no matching, fractional or integral, scores more.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from ortools.graph.python.min_cost_flow import SimpleMinCostFlow

from olievlek.engines.matching_scan import PairScanner, top_per_group, top_per_row

INITIAL_PER_GROUP = 10
"""Best partners per group in the first candidate graph."""

ADDED_PER_GROUP = 6
"""Most violating pairs per learner group and per mentor group added in a pricing round."""

BELLMAN_FORD_PASSES = 500
"""Passes before the potentials are computed by a min-cost flow instead (rarely needed)."""

MAX_ROUNDS = 1000
"""Safety net only: every round adds at least one violating pair, and there are finitely
many pairs, so the loop always ends."""


@dataclass(frozen=True)
class GroupProblem:
    """A transportation problem between learner groups and mentor groups.

    The score of learner group ``i`` with mentor group ``j`` is
    ``table_a[learner_a[i], mentor_a[j]] + table_b[learner_b[i], mentor_b[j]]``;
    a pair may be matched only if that is positive and ``(i, j)`` is not in
    ``forbidden`` (shape ``(k, 2)``). Counts and capacities are positive.
    """

    learner_count: np.ndarray
    learner_a: np.ndarray
    learner_b: np.ndarray
    mentor_capacity: np.ndarray
    mentor_a: np.ndarray
    mentor_b: np.ndarray
    table_a: np.ndarray
    table_b: np.ndarray
    forbidden: np.ndarray


@dataclass(frozen=True)
class FlowSolution:
    """Optimal flow: ``amount[k]`` learners of group ``learner_group[k]`` go to
    mentor group ``mentor_group[k]``. ``bound`` is the proven dual bound (== ``total``)."""

    learner_group: np.ndarray
    mentor_group: np.ndarray
    amount: np.ndarray
    total: int
    bound: int
    rounds: int
    candidate_pairs: int


@dataclass(frozen=True)
class _Arcs:
    """Candidate group pairs with their scores, without duplicates."""

    learner: np.ndarray
    mentor: np.ndarray
    score: np.ndarray

    def keys(self, n_mentors: int) -> np.ndarray:
        return self.learner.astype(np.int64) * n_mentors + self.mentor

    def plus(self, other: _Arcs, n_mentors: int) -> _Arcs:
        """Union, keeping the first copy of a pair (sorted by key, deterministic)."""
        learner = np.concatenate([self.learner, other.learner])
        mentor = np.concatenate([self.mentor, other.mentor])
        score = np.concatenate([self.score, other.score])
        keys = learner.astype(np.int64) * n_mentors + mentor
        _, first = np.unique(keys, return_index=True)
        return _Arcs(learner[first], mentor[first], score[first])


def _empty_arcs() -> _Arcs:
    return _Arcs(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int64))


def _initial_arcs(by_learner: PairScanner, by_mentor: PairScanner, per_group: int) -> _Arcs:
    """Each learner group's and each mentor group's ``per_group`` best partners.

    Both sides count: mentors are usually scarce, so learners' favourites alone crowd
    onto a few popular mentor groups and leave the others without candidates.
    """
    learners, mentors, scores = [], [], []
    for scanner, transposed in ((by_learner, False), (by_mentor, True)):
        for block in scanner.blocks():
            r, c = top_per_row(block.scores, per_group, block.rows)
            row, col = block.rows[r], block.cols[c]
            learners.append(col if transposed else row)
            mentors.append(row if transposed else col)
            scores.append(block.scores[r, c])
    if not learners:  # no pair is eligible at all
        return _empty_arcs()
    arcs = _Arcs(*(np.concatenate(a).astype(np.int64) for a in (learners, mentors, scores)))
    return _empty_arcs().plus(arcs, by_learner.n_cols)


def _violations(
    by_learner: PairScanner, v: np.ndarray, u: np.ndarray, arcs: _Arcs, per_group: int
) -> tuple[_Arcs, int]:
    """New pairs to add, and the number of pairs with ``score > v + u`` (violations).

    Per learner group and per mentor group the ``per_group`` pairs with the largest
    ``score - v - u`` are added: violations first, then (where few enough to list)
    pairs that are just tight, which the next flow is likely to need as well.
    """
    n_mentors = by_learner.n_cols
    # int32 is safe while prices stay far from its range (they are of the order of a
    # single score in practice); otherwise price in int64.
    wide = int(v.max(initial=0)) + int(u.max(initial=0)) >= 2**29
    v, u = (v, u) if wide else (v.astype(np.int32), u.astype(np.int32))
    parts: list[tuple[np.ndarray, ...]] = []
    count = 0
    for block in by_learner.blocks():
        reduced = block.scores - v[block.rows, None] - u[None, block.cols]
        count += int(np.count_nonzero(reduced > 0))
        candidates = reduced >= 0
        if np.count_nonzero(candidates) <= 4 * per_group * len(block.rows):
            r, c = np.nonzero(candidates)
        else:  # bound the memory: violations only, the best few per row
            r, c = top_per_row(reduced, per_group, block.rows)
        parts.append((block.rows[r], block.cols[c], reduced[r, c], block.scores[r, c]))
    if count == 0:
        return _empty_arcs(), 0
    row, col, gain, score = (
        np.concatenate([p[i] for p in parts]).astype(np.int64) for i in range(4)
    )
    new = ~np.isin(row * n_mentors + col, arcs.keys(n_mentors))
    row, col, gain, score = row[new], col[new], gain[new], score[new]
    keep = np.union1d(top_per_group(row, gain, per_group), top_per_group(col, gain, per_group))
    if not (gain[keep] > 0).any():
        # Impossible with correct prices: every pair in the graph satisfies v + u >= score.
        raise RuntimeError("internal error: dual prices violated on the candidate graph")
    return _Arcs(row[keep], col[keep], score[keep]), count


# --------------------------------------------------------------------------- flows


def _solve_min_cost_flow(
    tails: np.ndarray, heads: np.ndarray, caps: np.ndarray, costs: np.ndarray, supplies
) -> np.ndarray:
    """Exact integral min-cost flow (OR-Tools cost scaling); returns the arc flows."""
    solver = SimpleMinCostFlow()
    solver.add_arcs_with_capacity_and_unit_cost(
        tails.astype(np.int32),
        heads.astype(np.int32),
        caps.astype(np.int64),
        costs.astype(np.int64),
    )
    nodes = np.arange(len(supplies), dtype=np.int32)
    solver.set_nodes_supplies(nodes, np.asarray(supplies, dtype=np.int64))
    status = solver.solve()
    if status != SimpleMinCostFlow.OPTIMAL:
        raise RuntimeError(f"internal error: min-cost flow ended with status {status}")
    return np.asarray(solver.flows(np.arange(solver.num_arcs(), dtype=np.int32)), np.int64)


def _network(p: GroupProblem, arcs: _Arcs) -> tuple[np.ndarray, ...]:
    """Arcs of the matching network: candidates, then 'unmatched', then 'mentor full'.

    Nodes are learner groups ``0..nl-1``, mentor groups ``nl..nl+nm-1`` and sink ``t``.
    A candidate arc's capacity exceeds any flow it can carry, so its forward residual
    arc always exists and its dual constraint is enforced by the distances.
    """
    nl, nm = len(p.learner_count), len(p.mentor_capacity)
    sink = nl + nm
    tails = np.concatenate([arcs.learner, np.arange(nl), nl + np.arange(nm)])
    heads = np.concatenate([nl + arcs.mentor, np.full(nl, sink), np.full(nm, sink)])
    caps = np.concatenate([p.learner_count[arcs.learner] + 1, p.learner_count, p.mentor_capacity])
    costs = np.concatenate([-arcs.score, np.zeros(nl + nm, np.int64)])
    return tails, heads, caps, costs


def _distances(tails, heads, caps, costs, flows, n_nodes: int) -> np.ndarray:
    """Shortest-path distances in the residual graph, from a root joined to every node
    by a zero-cost arc. The residual graph of an optimal flow has no negative cycle, so
    they exist; any such distances are feasible potentials (reduced costs >= 0)."""
    forward = flows < caps
    backward = flows > 0
    r_tails = np.concatenate([tails[forward], heads[backward]])
    r_heads = np.concatenate([heads[forward], tails[backward]])
    r_costs = np.concatenate([costs[forward], -costs[backward]])
    dist = _bellman_ford(r_tails, r_heads, r_costs, n_nodes)
    if dist is None:
        dist = _distances_by_flow(r_tails, r_heads, r_costs, n_nodes)
    return dist


def _bellman_ford(tails, heads, costs, n_nodes: int) -> np.ndarray | None:
    """Vectorised Bellman-Ford from the implicit root (all distances start at 0).

    Each pass relaxes every arc at once; in matching networks the alternating paths
    are short, so a few dozen passes suffice. Returns None after
    ``BELLMAN_FORD_PASSES`` passes, leaving the case to :func:`_distances_by_flow`.
    """
    if len(heads) == 0:
        return np.zeros(n_nodes, np.int64)
    order = np.argsort(heads, kind="stable")
    tails, costs = tails[order], costs[order]
    targets, starts = np.unique(heads[order], return_index=True)
    dist = np.zeros(n_nodes, np.int64)
    for _ in range(BELLMAN_FORD_PASSES):
        best = np.minimum.reduceat(dist[tails] + costs, starts)
        better = best < dist[targets]
        if not better.any():
            return dist
        dist[targets[better]] = best[better]
    return None


def _distances_by_flow(tails, heads, costs, n_nodes: int) -> np.ndarray:
    """The same distances with a guaranteed running time, via one more min-cost flow.

    A shortest-path tree is itself a min-cost flow (the root sends one unit to every
    node), so OR-Tools computes it; every arc that carries flow in an optimal solution
    is tight, so walking the flow-carrying arcs from the root yields the distances.
    """
    root = n_nodes
    r_tails = np.concatenate([tails, np.full(n_nodes, root)])
    r_heads = np.concatenate([heads, np.arange(n_nodes)])
    r_costs = np.concatenate([costs, np.zeros(n_nodes, np.int64)])
    r_caps = np.full(len(r_tails), n_nodes, np.int64)
    supplies = np.concatenate([np.full(n_nodes, -1, np.int64), [n_nodes]])
    tree = _solve_min_cost_flow(r_tails, r_heads, r_caps, r_costs, supplies) > 0
    return _walk(r_tails[tree], r_heads[tree], r_costs[tree], root, n_nodes + 1)[:n_nodes]


def _walk(tails, heads, costs, root: int, n: int) -> np.ndarray:
    """Distances along tight arcs, by depth-first search from the root."""
    order = np.argsort(tails, kind="stable")
    starts = np.searchsorted(tails[order], np.arange(n + 1)).tolist()
    out_heads, out_costs = heads[order].tolist(), costs[order].tolist()
    dist: list[int | None] = [None] * n
    dist[root] = 0
    stack = [root]
    while stack:
        node = stack.pop()
        for k in range(starts[node], starts[node + 1]):
            head = out_heads[k]
            if dist[head] is None:
                dist[head] = dist[node] + out_costs[k]
                stack.append(head)
    if any(d is None for d in dist):
        raise RuntimeError("internal error: shortest-path tree does not reach every node")
    return np.asarray(dist, np.int64)


def _prices(p: GroupProblem, arcs: _Arcs) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Optimal flow on the candidate graph and LP dual prices ``v`` (learner groups)
    and ``u`` (mentor groups) derived from it."""
    nl, nm = len(p.learner_count), len(p.mentor_capacity)
    tails, heads, caps, costs = _network(p, arcs)
    supplies = np.concatenate([p.learner_count, np.zeros(nm, np.int64), [-p.learner_count.sum()]])
    flows = _solve_min_cost_flow(tails, heads, caps, costs, supplies)
    dist = _distances(tails, heads, caps, costs, flows, nl + nm + 1)
    sink = dist[nl + nm]
    v = np.maximum(dist[:nl] - sink, 0)
    u = np.maximum(sink - dist[nl : nl + nm], 0)
    return flows[: len(arcs.learner)], v, u


def solve_groups(
    problem: GroupProblem, progress: Callable[[float], None] | None = None
) -> FlowSolution:
    """Optimal group flow with a checked duality certificate (see the module docstring)."""
    report = progress or (lambda fraction: None)
    p = problem
    nm = len(p.mentor_capacity)
    if len(p.learner_count) == 0 or nm == 0:
        empty = np.zeros(0, np.int64)
        return FlowSolution(empty, empty, empty, 0, 0, 0, 0)
    by_learner = PairScanner(
        p.learner_a, p.learner_b, p.mentor_a, p.mentor_b, p.table_a, p.table_b, p.forbidden
    )
    by_mentor = PairScanner(
        p.mentor_a, p.mentor_b, p.learner_a, p.learner_b, p.table_a.T, p.table_b.T,
        p.forbidden[:, ::-1],
    )  # fmt: skip
    arcs = _initial_arcs(by_learner, by_mentor, INITIAL_PER_GROUP)
    report(0.3)
    for rounds in range(1, MAX_ROUNDS + 1):
        flows, v, u = _prices(p, arcs)
        found, violating = _violations(by_learner, v, u, arcs, ADDED_PER_GROUP)
        if violating == 0:
            report(1.0)
            return _certified(p, arcs, flows, v, u, rounds)
        arcs = arcs.plus(found, nm)
        report(0.3 + 0.7 * (1 - 0.6**rounds))
    raise RuntimeError("internal error: pricing did not converge")


def _certified(p: GroupProblem, arcs: _Arcs, flows, v, u, rounds: int) -> FlowSolution:
    """Check the optimality certificate exactly and package the flow.

    ``v, u >= 0`` hold by construction and ``v + u >= score`` for every eligible pair was
    just verified by the full pricing scan; what remains is that the flow is feasible
    and that the dual objective equals the primal total (then both are optimal).
    """
    nl = len(p.learner_count)
    into_learner = np.bincount(arcs.learner, weights=flows, minlength=nl)
    into_mentor = np.bincount(arcs.mentor, weights=flows, minlength=len(p.mentor_capacity))
    if (
        (flows < 0).any()
        or (into_learner > p.learner_count).any()
        or (into_mentor > p.mentor_capacity).any()
        or (flows[arcs.score <= 0] > 0).any()
    ):
        raise RuntimeError("internal error: the group flow is not feasible")
    total = int(np.dot(flows, arcs.score))
    bound = int(np.dot(p.learner_count, v) + np.dot(p.mentor_capacity, u))
    if bound != total:
        raise RuntimeError(f"internal error: dual bound {bound} differs from total {total}")
    used = flows > 0
    return FlowSolution(
        learner_group=arcs.learner[used],
        mentor_group=arcs.mentor[used],
        amount=flows[used],
        total=total,
        bound=bound,
        rounds=rounds,
        candidate_pairs=len(arcs.learner),
    )
