"""The chain's spread over the provinces, moment by moment (engines.spread_map)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from olievlek.engines.reference import provinces
from olievlek.engines.spread import TimedLink
from olievlek.engines.spread_map import COLUMNS, ROWS, TILES, frames, month_steps

PROVINCE = {"a": "NL-GR", "b": "NL-GR", "c": "NL-ZE", "d": "NL-LI"}


def test_the_tile_map_has_every_province_once_on_its_own_tile():
    assert set(TILES) == set(provinces())
    assert len(set(TILES.values())) == 12
    assert all(0 <= r < ROWS and 0 <= c < COLUMNS for r, c in TILES.values())


def test_an_organisation_counts_from_the_moment_its_first_match_started():
    links = [TimedLink("a", "b", started=10), TimedLink("b", "c", started=20)]
    before, between, after = frames(links, PROVINCE, [5, 15, 25])
    assert before.reached == 0
    assert between.per_province["NL-GR"] == (1, 1, 0)
    assert between.total("NL-ZE") == 0
    assert after.per_province["NL-ZE"] == (0, 0, 1)


def test_counts_are_split_by_generation_in_the_learners_province():
    links = [TimedLink("a", "c", started=1), TimedLink("a", "d", started=1)]
    (frame,) = frames(links, PROVINCE, [1])
    assert frame.per_province["NL-GR"] == (1, 0)
    assert frame.per_province["NL-ZE"] == (0, 1)
    assert frame.per_province["NL-LI"] == (0, 1)


def test_a_later_shortcut_lowers_a_generation_from_that_moment_on():
    links = [
        TimedLink("a", "b", started=1),
        TimedLink("b", "c", started=2),
        TimedLink("a", "c", started=3),
    ]
    early, late = frames(links, PROVINCE, [2, 3])
    assert early.per_province["NL-ZE"] == (0, 0, 1)
    assert late.per_province["NL-ZE"] == (0, 1, 0)


def test_an_organisation_outside_the_provinces_is_left_off_the_map():
    links = [TimedLink("a", "x", started=1)]
    (frame,) = frames(links, PROVINCE, [1])
    assert frame.reached == 1


def test_no_links_give_empty_frames():
    (frame,) = frames([], PROVINCE, [1])
    assert frame.reached == 0
    assert frame.per_province["NL-UT"] == ()


def test_month_steps_run_across_a_new_year():
    assert month_steps((2026, 11), (2027, 2)) == [(2026, 11), (2026, 12), (2027, 1), (2027, 2)]


def test_month_steps_are_thinned_but_end_on_the_last_month():
    steps = month_steps((2020, 1), (2026, 12), most=12)
    assert len(steps) <= 12
    assert steps[-1] == (2026, 12)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from("abcd"), st.sampled_from("abcd"), st.integers(0, 10)).filter(
            lambda t: t[0] != t[1]
        ),
        max_size=12,
    )
)
def test_reach_never_shrinks_as_time_passes(raw):
    links = [TimedLink(m, lr, started=t) for m, lr, t in raw]
    reached = [frame.reached for frame in frames(links, PROVINCE, list(range(11)))]
    assert reached == sorted(reached)
    assert reached[-1] == len({o for m, lr, _ in raw for o in (m, lr)})
