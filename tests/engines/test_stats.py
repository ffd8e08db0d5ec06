"""Wilson intervals and five-point scale summaries against hand-computed values."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from olievlek.engines import stats


def test_wilson_interval_matches_the_textbook_example():
    # 81 of 263 (Wilson 1927 as used by Newcombe 1998): 0.2553 to 0.3662.
    low, high = stats.wilson_interval(81, 263)
    assert low == pytest.approx(0.2553, abs=1e-4)
    assert high == pytest.approx(0.3662, abs=1e-4)


def test_wilson_interval_at_zero_successes_is_not_a_point():
    low, high = stats.wilson_interval(0, 10)
    assert low == 0.0
    assert high == pytest.approx(0.2775, abs=1e-4)


def test_wilson_interval_at_all_successes_mirrors_zero():
    low, high = stats.wilson_interval(10, 10)
    assert (1 - high, 1 - low) == pytest.approx(stats.wilson_interval(0, 10))


@pytest.mark.parametrize(("successes", "n"), [(-1, 5), (6, 5), (0, 0)])
def test_wilson_interval_refuses_impossible_counts(successes, n):
    with pytest.raises(ValueError):
        stats.wilson_interval(successes, n)


@given(st.integers(1, 5000).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_wilson_interval_contains_the_observed_share(pair):
    successes, n = pair
    low, high = stats.wilson_interval(successes, n)
    assert 0.0 <= low <= successes / n <= high <= 1.0


@given(st.integers(1, 400), st.integers(2, 50))
def test_wilson_interval_narrows_with_more_data(n, times):
    low, high = stats.wilson_interval(n // 2, n)
    low_more, high_more = stats.wilson_interval(n // 2 * times, n * times)
    assert high_more - low_more <= high - low + 1e-12


def test_proportion_without_answers_has_no_share():
    result = stats.proportion(0, 0)
    assert (result.n, result.share, result.low, result.high) == (0, None, None, None)


def test_scale_summary_counts_four_and_five_as_agreeing():
    summary = stats.scale_summary([1, 1, 2, 3, 3])
    assert summary.n == 10
    assert summary.mean == pytest.approx((1 + 2 + 6 + 12 + 15) / 10)
    assert (summary.agree.successes, summary.agree.share) == (6, 0.6)


def test_scale_counts_leave_out_missing_answers():
    assert stats.scale_counts([5, None, 1, 5, 3]) == (1, 0, 1, 0, 2)


def test_scale_counts_refuse_answers_off_the_scale():
    with pytest.raises(ValueError):
        stats.scale_counts([6])


@given(st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=50), st.floats(0, 1))
def test_quantile_lies_between_min_and_max(values, q):
    assert min(values) <= stats.quantile(values, q) <= max(values) or math.isclose(
        stats.quantile(values, q), min(values)
    )


def test_median_of_an_even_list_is_the_middle_mean():
    assert stats.median([4, 1, 3, 2]) == 2.5
