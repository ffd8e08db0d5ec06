"""The chain on the map: organisations reached per province and generation, month by
month, on the chain page with a slider's data and the same numbers in a table."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from ..spread_map import chain_summary, spread_map_view
from .factories import HelpRequestFactory, MatchFactory, OfferFactory, member

pytestmark = pytest.mark.django_db
NOW = timezone.make_aware(datetime.datetime(2026, 3, 12, 14, 0))


def _at(year, month, day=15):
    return timezone.make_aware(datetime.datetime(year, month, day, 10, 0))


def _help(mentor, learner, accepted_at, **state):
    return MatchFactory(
        offer=mentor.pif_offers.first() or OfferFactory(organisation=mentor),
        request=HelpRequestFactory(organisation=learner),
        accepted=True,
        accepted_at=accepted_at,
        **state,
    )


@pytest.fixture
def spread():
    root = member(name="Bakkerij", province="NL-UT")
    a = member(name="Drukkerij", province="NL-GE")
    b = member(name="Zorggroep", province="NL-GE")
    c = member(name="Metaal", province="NL-LI")
    _help(root, a, _at(2026, 1))
    _help(root, b, _at(2026, 2))
    _help(a, c, _at(2026, 3, 1))
    MatchFactory()  # a proposal: not in the chain yet
    return root, a, b, c


def _tile(view, code):
    return next(t for t in view.tiles if t.code == code)


def test_the_map_runs_month_by_month_from_the_first_match_to_now(spread):
    view = spread_map_view(now=NOW)
    assert view.months == [
        datetime.date(2026, 1, 1),
        datetime.date(2026, 2, 1),
        datetime.date(2026, 3, 1),
    ]
    assert view.last == 2


def test_each_tile_counts_the_organisations_reached_in_its_province_per_month(spread):
    view = spread_map_view(now=NOW)
    assert _tile(view, "NL-UT").totals == "1,1,1"
    assert _tile(view, "NL-GE").totals == "1,2,2"
    assert _tile(view, "NL-LI").totals == "0,0,1"
    assert _tile(view, "NL-GR").total == 0


def test_the_bars_are_split_by_generation_in_the_generation_colours(spread):
    view = spread_map_view(now=NOW)
    assert [g["number"] for g in view.generations] == [0, 1, 2]
    limburg = _tile(view, "NL-LI")
    assert [s.width > 0 for s in limburg.segments] == [False, False, True]
    assert limburg.segments[2].colour == view.generations[2]["colour"]
    # Gelderland has the most: its generation-1 bar fills the whole track at the end.
    assert _tile(view, "NL-GE").segments[1].widths.split(",")[-1] == "84"


def test_the_table_rows_give_the_same_numbers_by_province_name(spread):
    view = spread_map_view(now=NOW)
    gelderland = next(r for r in view.rows if r.name == "Gelderland")
    assert gelderland.counts == [(0, "0,0,0"), (2, "1,2,2"), (0, "0,0,0")]
    assert gelderland.total == (2, "1,2,2")
    assert [r.name for r in view.rows] == sorted(r.name for r in view.rows)


def test_without_matches_the_map_shows_this_month_and_nobody(client):
    view = spread_map_view(now=NOW)
    assert view.months == [datetime.date(2026, 3, 1)]
    assert all(t.total == 0 and t.segments == [] for t in view.tiles)


def test_the_chain_summary_counts_matches_reached_and_generations(spread):
    assert chain_summary() == {"matches": 3, "reached": 4, "generations": 3}


def test_the_chain_page_shows_the_map_beside_the_rings_with_a_slider_and_a_table(client, spread):
    html = client.get(reverse("payitforward:chain")).content.decode()
    assert 'role="img" aria-labelledby="spread-title spread-desc"' in html
    assert re.search(
        r'<input class="ov-spread__slider" type="range" id="spread-moment" min="0"', html
    )
    assert '<label class="utrecht-form-label" for="spread-moment">Maand</label>' in html
    assert "data-spread-controls hidden" in html  # shown by the script, which can play it
    assert "data-spread-play>Afspelen</button>" in html
    assert 'data-values="' in html and 'data-widths="' in html
    assert "Bereikte organisaties per provincie en generatie" in html
    assert html.index('id="rings-heading"') < html.index('id="map-heading"')
