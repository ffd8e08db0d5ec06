"""The chain engine: generations are shortest distances, the tree spans every
organisation, the ring layout keeps generations on their circle, projections grow."""

from __future__ import annotations

import math
from collections import deque

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from olievlek.engines.spread import Link, build_chain, project, ring_layout


def test_a_bakery_chain_has_three_generations():
    links = [
        Link("bakkerij", "a", completed=True),
        Link("bakkerij", "b", completed=True),
        Link("a", "c"),
        Link("b", "d"),
        Link("b", "e"),
    ]
    chain = build_chain(links)
    assert chain.roots == ("bakkerij",)
    assert chain.generation == {"bakkerij": 0, "a": 1, "b": 1, "c": 2, "d": 2, "e": 2}
    assert chain.per_generation() == (1, 2, 3)
    assert chain.parent["e"] == "b"
    assert chain.children["bakkerij"] == ("a", "b")
    assert chain.members(2) == ("c", "d", "e")


def test_a_learner_helped_twice_takes_the_shortest_route_and_the_lowest_id_parent():
    links = [Link("r", "a"), Link("a", "x"), Link("r", "b"), Link("b", "x"), Link("x", "y")]
    chain = build_chain(links)
    assert chain.generation["x"] == 2
    assert chain.parent["x"] == "a"
    assert chain.generation["y"] == 3


def test_roots_without_links_are_kept_and_organisations_on_a_cycle_become_roots():
    chain = build_chain([Link("a", "b"), Link("b", "c"), Link("c", "a")], roots=["z"])
    assert chain.roots == ("z", "a")
    assert chain.generation == {"z": 0, "a": 0, "b": 1, "c": 2}


def test_a_self_link_is_refused():
    with pytest.raises(ValueError, match="itself"):
        build_chain([Link("a", "a")])


def test_an_empty_chain():
    chain = build_chain([])
    assert chain.depth == 0 and chain.per_generation() == () and ring_layout(chain) == {}


def test_projection_doubles_when_everyone_passes_it_on():
    assert project(3, places=2, pass_on_rate=1.0, generations=3) == [6, 12, 24]
    assert project(4, places=2, pass_on_rate=0.5, generations=2) == [4, 4]
    with pytest.raises(ValueError):
        project(1, pass_on_rate=1.5, generations=1)


names = st.sampled_from([f"org{i}" for i in range(12)])
link_lists = st.lists(
    st.tuples(names, names).filter(lambda p: p[0] != p[1]).map(lambda p: Link(*p)), max_size=30
)


def _distances(links, roots):
    out = {}
    for link in links:
        out.setdefault(link.mentor, set()).add(link.learner)
    dist = {r: 0 for r in roots}
    queue = deque(roots)
    while queue:
        node = queue.popleft()
        for nxt in out.get(node, ()):
            if nxt not in dist:
                dist[nxt] = dist[node] + 1
                queue.append(nxt)
    return dist


@settings(deadline=None)  # the machine is shared; timing is not what is tested
@given(link_lists)
def test_generations_are_shortest_distances_from_the_roots(links):
    chain = build_chain(links)
    nodes = {n for link in links for n in (link.mentor, link.learner)}
    assert set(chain.generation) == nodes
    learners = {link.learner for link in links}
    true_roots = sorted(nodes - learners)
    from_roots = _distances(links, true_roots)
    # Organisations a front-runner reaches are at their shortest distance from one;
    # only the rest (on a cycle nobody enters) hang from an extra root.
    assert {n: chain.generation[n] for n in from_roots} == from_roots
    assert set(chain.roots) - set(true_roots) <= nodes - set(from_roots)
    for node, parent in chain.parent.items():
        if parent is None:
            assert node in chain.roots
        else:
            assert Link(parent, node) in {Link(lk.mentor, lk.learner) for lk in links}
            assert chain.generation[node] == chain.generation[parent] + 1
    assert sum(chain.per_generation()) == len(nodes)


@settings(deadline=None)  # the machine is shared; timing is not what is tested
@given(link_lists)
def test_the_ring_layout_puts_each_generation_on_its_circle(links):
    chain = build_chain(links)
    positions = ring_layout(chain, ring=10)
    offset = 0 if len(chain.roots) == 1 else 1
    assert set(positions) == set(chain.generation)
    for node, point in positions.items():
        radius = math.hypot(point.x, point.y)
        assert radius == pytest.approx((chain.generation[node] + offset) * 10, abs=1e-6)
