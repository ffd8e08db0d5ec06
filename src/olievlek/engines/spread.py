"""The Pay it Forward chain (the *olievlek*, oil slick): generations, a drawing layout
and a simple growth projection.

A link says "mentor helped learner". Roots are the organisations that help without
having been helped in the chain (the front-runners). An organisation's generation is its
shortest distance from a root: a root is generation 0, whoever a root helped is
generation 1, and so on. The tree used for the picture gives every other organisation
one parent, the mentor that reached it first (lowest generation, then lowest id), so
the drawing is deterministic.

Links may form cycles in theory (A helps B, B later helps C, C helps A); an organisation
that no root reaches is then treated as an extra root, the smallest id first.

Pure Python: no Django imports.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Link:
    """One match in the chain: ``mentor`` helped (or is helping) ``learner``."""

    mentor: str
    learner: str
    completed: bool = False


@dataclass(frozen=True, slots=True)
class Chain:
    """The chain as a forest. ``generation`` and ``parent`` cover every organisation."""

    roots: tuple[str, ...]
    generation: dict[str, int]
    parent: dict[str, str | None]
    children: dict[str, tuple[str, ...]]

    @property
    def depth(self) -> int:
        """The number of generations (0 for an empty chain)."""
        return 1 + max(self.generation.values()) if self.generation else 0

    def per_generation(self) -> tuple[int, ...]:
        """How many organisations each generation has, generation 0 first."""
        counts = [0] * self.depth
        for generation in self.generation.values():
            counts[generation] += 1
        return tuple(counts)

    def members(self, generation: int) -> tuple[str, ...]:
        return tuple(sorted(n for n, g in self.generation.items() if g == generation))


def build_chain(links: Iterable[Link], roots: Iterable[str] = ()) -> Chain:
    """Generations and a spanning forest of the links.

    ``roots`` adds organisations that count as roots even without any link (e.g. a
    front-runner whose offer is not taken yet); organisations without an incoming link
    are roots anyway.
    """
    out: dict[str, set[str]] = {}
    incoming: set[str] = set()
    nodes: set[str] = set(roots)
    for link in links:
        if link.mentor == link.learner:
            raise ValueError(f"a link from {link.mentor!r} to itself")
        out.setdefault(link.mentor, set()).add(link.learner)
        incoming.add(link.learner)
        nodes.update((link.mentor, link.learner))
    root_list = sorted(set(roots) | (nodes - incoming))
    generation: dict[str, int] = {}
    parent: dict[str, str | None] = {}
    children: dict[str, list[str]] = {}

    def spread_from(start: list[str]) -> None:
        frontier = sorted(n for n in start if n not in generation)
        for node in frontier:
            generation[node], parent[node] = 0, None
        level = frontier
        while level:
            following: list[str] = []
            for node in level:  # sorted, so the lowest-id mentor adopts a learner first
                for learner in sorted(out.get(node, ())):
                    if learner not in generation:
                        generation[learner] = generation[node] + 1
                        parent[learner] = node
                        children.setdefault(node, []).append(learner)
                        following.append(learner)
            level = sorted(following)

    spread_from(root_list)
    final_roots = list(root_list)
    while len(generation) < len(nodes):  # only organisations on a cycle are left
        extra = min(nodes - generation.keys())
        final_roots.append(extra)
        spread_from([extra])
    return Chain(
        roots=tuple(final_roots),
        generation=generation,
        parent=parent,
        children={node: tuple(kids) for node, kids in children.items()},
    )


# --------------------------------------------------------------------------- drawing


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float


def _leaves(chain: Chain, node: str, memo: dict[str, int]) -> int:
    if node not in memo:
        kids = chain.children.get(node, ())
        memo[node] = sum(_leaves(chain, kid, memo) for kid in kids) if kids else 1
    return memo[node]


def ring_layout(chain: Chain, ring: float = 1.0) -> dict[str, Point]:
    """Positions for a drawing in rings: generation ``g`` lies on a circle around the
    origin, and every subtree gets a wedge of the circle in proportion to its number of
    leaves, so lines never cross. A single root sits in the centre; several roots share
    the innermost ring."""
    if ring <= 0:
        raise ValueError("ring must be positive")
    memo: dict[str, int] = {}
    total = sum(_leaves(chain, root, memo) for root in chain.roots)
    offset = 0 if len(chain.roots) == 1 else 1
    positions: dict[str, Point] = {}

    def place(node: str, start: float, width: float) -> None:
        radius = (chain.generation[node] + offset) * ring
        angle = start + width / 2
        positions[node] = Point(radius * math.sin(angle), -radius * math.cos(angle))
        cursor = start
        for kid in chain.children.get(node, ()):
            share = width * _leaves(chain, kid, memo) / _leaves(chain, node, memo)
            place(kid, cursor, share)
            cursor += share

    cursor = 0.0
    for root in chain.roots:
        share = 2 * math.pi * _leaves(chain, root, memo) / total
        place(root, cursor, share)
        cursor += share
    return positions


# --------------------------------------------------------------------------- projection


def project(current: int, *, places: int = 2, pass_on_rate: float, generations: int) -> list[float]:
    """Expected size of each next generation if every organisation of the newest
    generation passes it on with probability ``pass_on_rate`` to ``places`` others:
    ``current * (places * rate) ** k`` for k = 1..generations."""
    if current < 0 or places < 0 or generations < 0:
        raise ValueError("current, places and generations must be 0 or more")
    if not 0.0 <= pass_on_rate <= 1.0:
        raise ValueError("pass_on_rate must lie between 0 and 1")
    factor = places * pass_on_rate
    return [current * factor**k for k in range(1, generations + 1)]


# --------------------------------------------------------------- branching projection
#
# The chain as a Galton–Watson process: every organisation that has learned becomes a
# mentor with probability r (the observed share of learners that became mentors), and a
# mentor helps k others (the observed learners per mentor; a fractional k means
# floor(k) or floor(k)+1 at random). A generation takes T days. The mean offspring is
# m = r·k, so the expected number of new organisations after G generations, starting
# from Z0 organisations that can still pass it on, is Z0·(m + m² + … + m^G).

DAYS_PER_MONTH = 30.4375
DEFAULT_GENERATION_DAYS = 120.0
MIN_GENERATION_DAYS = 90.0  # learning, finishing and then helping take a quarter at least


@dataclass(frozen=True, slots=True)
class TimedLink:
    """A match with its days (any common origin): ``started`` when it was made,
    ``completed`` when the learner finished (None while running)."""

    mentor: str
    learner: str
    started: float
    completed: float | None = None


@dataclass(frozen=True, slots=True)
class Observed:
    reached: int  # organisations in the chain now
    frontier: int  # learners that have not (yet) passed it on
    learners: int  # learners whose match is completed
    became_mentors: int  # of those, the ones that went on to help someone
    learners_per_mentor: float
    generation_days: float

    @property
    def pass_on_rate(self) -> float:
        return self.became_mentors / self.learners if self.learners else 0.0

    @property
    def mean_offspring(self) -> float:
        return self.pass_on_rate * self.learners_per_mentor


def observe(links: Iterable[TimedLink]) -> Observed:
    """The parameters of the projection, measured on the chain so far."""
    links = list(links)
    learned_on = {}
    for link in links:
        if link.completed is not None:
            learned_on[link.learner] = min(link.completed, learned_on.get(link.learner, math.inf))
    first_mentoring: dict[str, float] = {}
    helped: dict[str, set[str]] = {}
    for link in links:
        first_mentoring[link.mentor] = min(link.started, first_mentoring.get(link.mentor, math.inf))
        helped.setdefault(link.mentor, set()).add(link.learner)
    passed_on = [org for org in learned_on if org in first_mentoring]
    gaps = sorted(max(first_mentoring[o] - learned_on[o], 0.0) for o in passed_on)
    if gaps:
        middle = len(gaps) // 2
        days = gaps[middle] if len(gaps) % 2 else (gaps[middle - 1] + gaps[middle]) / 2
    else:
        days = DEFAULT_GENERATION_DAYS
    organisations = {o for link in links for o in (link.mentor, link.learner)}
    learners = {link.learner for link in links}
    return Observed(
        reached=len(organisations),
        frontier=len(learners - first_mentoring.keys()),
        learners=len(learned_on),
        became_mentors=len(passed_on),
        learners_per_mentor=(sum(len(s) for s in helped.values()) / len(helped) if helped else 0.0),
        generation_days=max(days, MIN_GENERATION_DAYS),
    )


@dataclass(frozen=True, slots=True)
class Horizon:
    months: int
    generations: int
    mean: float  # Monte Carlo mean of the organisations reached in total
    low: float  # 10th percentile (the 80% interval)
    high: float  # 90th percentile
    analytic_mean: float


def generations_within(months: float, generation_days: float) -> int:
    if generation_days <= 0:
        raise ValueError("generation_days must be positive")
    return int(months * DAYS_PER_MONTH // generation_days)


def analytic_mean(*, reached: int, frontier: int, mean_offspring: float, generations: int) -> float:
    """E[organisations reached after G generations] of the Galton–Watson process."""
    m = mean_offspring
    new = generations * frontier if m == 1 else frontier * m * (m**generations - 1) / (m - 1)
    return reached + new


def simulate(
    *,
    frontier: int,
    pass_on_rate: float,
    learners_per_mentor: float,
    generations: int,
    chains: int,
    seed: int | None = 0,
):
    """New organisations reached per generation in each of ``chains`` simulated futures:
    an int64 array of shape (chains, generations). One binomial draw per generation covers
    every chain at once (the sum of independent Bernoulli trials is binomial)."""
    import numpy as np

    if not 0.0 <= pass_on_rate <= 1.0:
        raise ValueError("pass_on_rate must lie between 0 and 1")
    if learners_per_mentor < 0 or frontier < 0 or generations < 0 or chains < 1:
        raise ValueError("frontier, learners_per_mentor and generations must be 0 or more")
    rng = np.random.default_rng(seed)
    whole = int(learners_per_mentor)
    fraction = learners_per_mentor - whole
    out = np.zeros((chains, generations), dtype=np.int64)
    current = np.full(chains, frontier, dtype=np.int64)
    for g in range(generations):
        mentors = rng.binomial(current, pass_on_rate)
        current = mentors * whole + (rng.binomial(mentors, fraction) if fraction else 0)
        out[:, g] = current
    return out


def project_reach(
    observed: Observed,
    *,
    horizons: tuple[int, ...] = (6, 12, 24),
    chains: int = 10_000,
    seed: int | None = 0,
    pass_on_rate: float | None = None,
    learners_per_mentor: float | None = None,
) -> tuple[Horizon, ...]:
    """Organisations reached after each horizon (months), with an 80% interval. Override
    the rate or the learners per mentor to see a scenario (the promise: 1.0 and 2)."""
    import numpy as np

    rate = observed.pass_on_rate if pass_on_rate is None else pass_on_rate
    per_mentor = learners_per_mentor
    if per_mentor is None:
        per_mentor = observed.learners_per_mentor
    counts = [generations_within(h, observed.generation_days) for h in horizons]
    deepest = max(counts, default=0)
    new = simulate(
        frontier=observed.frontier,
        pass_on_rate=rate,
        learners_per_mentor=per_mentor,
        generations=deepest,
        chains=chains,
        seed=seed,
    )
    totals = observed.reached + np.concatenate(
        [np.zeros((chains, 1), dtype=np.int64), np.cumsum(new, axis=1)], axis=1
    )
    result = []
    for months, g in zip(horizons, counts, strict=True):
        column = totals[:, g]
        low, high = np.percentile(column, [10, 90])
        result.append(
            Horizon(
                months=months,
                generations=g,
                mean=float(column.mean()),
                low=float(low),
                high=float(high),
                analytic_mean=analytic_mean(
                    reached=observed.reached,
                    frontier=observed.frontier,
                    mean_offspring=rate * per_mentor,
                    generations=g,
                ),
            )
        )
    return tuple(result)
