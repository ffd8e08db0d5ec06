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
