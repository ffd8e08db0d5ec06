"""The chain page: generations, the SVG picture, the accessible list and the figures."""

from __future__ import annotations

import re

import pytest

from ..chain import chain_view, pledge_figures, report_figures
from .factories import HelpRequestFactory, MatchFactory, OfferFactory, PledgeFactory, member

pytestmark = pytest.mark.django_db


def _help(mentor, learner, **state):
    offer = mentor.pif_offers.first() or OfferFactory(organisation=mentor)
    return MatchFactory(
        offer=offer, request=HelpRequestFactory(organisation=learner, status="matched"), **state
    )


@pytest.fixture
def chain():
    bakery = member(name="Bakkerij De Korenaar", province="NL-UT")
    a = member(name="Drukkerij A", province="NL-UT")
    b = member(name="Zorggroep B", province="NL-GE")
    c = member(name="Metaal C", province="NL-GE")
    first = _help(bakery, a, completed=True)
    _help(bakery, b, completed=True)
    PledgeFactory(match=first, organisation=a)
    a_offer = OfferFactory(organisation=a, pledge=first.pledge)
    _help(a, c, accepted=True)
    MatchFactory(offer=a_offer, request=HelpRequestFactory(organisation=member()))  # a proposal
    return bakery, a, b, c


def test_generations_and_figures(chain):
    bakery, a, b, c = chain
    view = chain_view()
    assert [g["organisations"] for g in view.generations] == [1, 2, 1]
    assert [r.name for r in view.roots] == ["Bakkerij De Korenaar"]
    assert [n.name for n in view.roots[0].children] == ["Drukkerij A", "Zorggroep B"]
    figures = report_figures()
    assert figures["matches"] == 3  # proposals are not matches yet
    assert figures["completed"] == 2
    assert (figures["learners_completed"], figures["became_mentors"]) == (2, 1)
    assert figures["share_mentors"] == 50
    assert figures["organisations"] == 5  # bakery, a (offer), b, c and the asking one
    pledges = pledge_figures()
    assert (pledges["total"], pledges["open"], pledges["fulfilled"]) == (1, 1, 0)
    provinces = {p["code"]: p for p in view.per_province}
    assert provinces["NL-GE"]["matches"] == 2 and provinces["NL-GE"]["completed"] == 1
    themes = {t["code"]: t for t in view.per_theme}
    assert themes["gezondheid"]["matches"] == 3


def test_a_fulfilled_pledge(chain):
    bakery, a, b, c = chain
    offer = a.pif_offers.get()
    offer.matches.filter(learner=c).update(state="completed")
    assert pledge_figures()["fulfilled"] == 0  # one of the two pledged places given
    offer.matches.update(state="completed")
    assert pledge_figures()["fulfilled"] == 1


def test_the_page_draws_the_chain_as_an_accessible_svg_with_a_list(chain, client):
    html = client.get("/payitforward/keten").content.decode()
    svg = re.search(r"<svg[^>]*>.*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg and 'aria-labelledby="chain-title chain-desc"' in svg
    assert '<title id="chain-title">' in svg and '<desc id="chain-desc">' in svg
    assert svg.count("ov-chain__node") == 4 and svg.count("<line") == 3
    assert svg.count('fill="none"') == 2  # a ring per generation after the first
    assert "ov-chain__edge--open" in svg  # the running match is dashed
    assert "," not in re.search(r'viewBox="([^"]+)"', svg).group(1)  # no Dutch decimals
    # The list gives every organisation, nested under the one that helped it.
    tree = html[html.index("ov-chain__tree") :]
    assert tree.index("Bakkerij De Korenaar") < tree.index("Drukkerij A") < tree.index("Metaal C")


def test_an_empty_chain_says_so(client, db):
    html = client.get("/payitforward/keten").content.decode()
    # No rings are drawn; the map beside them shows every province at nought.
    assert "ov-chain__svg" not in html and "ov-chain__node" not in html
    assert "Er zijn nog geen matches gemaakt" in html
