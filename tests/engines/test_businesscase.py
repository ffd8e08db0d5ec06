"""The business case engine against hand-computed cases (DOMAIN.md figures)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from olievlek.engines import businesscase as bc


def case(**overrides):
    values = dict(
        employees=D(100),
        working_days=D(220),
        absence_now=D("5.6"),
        absence_target=D("4.9"),
        cost_per_absence_day=D(250),
        wage_cost=D(36500),
        productivity_gain=D(0),
        investment=D(25000),
        years=3,
    )
    values.update(overrides)
    return bc.Inputs(**values)


def test_the_defaults_by_hand():
    # 100·220·0.056·250 = 308,000; at 4.9%: 269,500; S = 38,500; net 3·13,500 = 40,500;
    # ROI 13,500/25,000 = 0.54; payback 12·25,000/38,500 = 7.79… months.
    result = bc.calculate(case())
    assert result.absence_cost_now == D("308000.00")
    assert result.absence_cost_target == D("269500.00")
    assert result.yearly_saving == D("38500.00")
    assert result.net_benefit == D("40500.00")
    assert result.roi == D("0.5400")
    assert result.payback_months == D("7.8")
    assert result.cumulative == (D("13500.00"), D("27000.00"), D("40500.00"))


def test_productivity_gain_adds_a_share_of_the_wage_cost():
    # 1.5% of 100·36,500 = 54,750 on top of 38,500.
    result = bc.calculate(case(productivity_gain=D("1.5")))
    assert result.yearly_saving == D("93250.00")


def test_amounts_are_rounded_half_up_to_cents():
    # 3·1·0.0333·405 = 40.4595 → 40.46
    result = bc.calculate(
        case(
            employees=D(3),
            working_days=D(1),
            absence_now=D("3.33"),
            absence_target=D(0),
            cost_per_absence_day=D(405),
        )
    )
    assert result.absence_cost_now == D("40.46")


def test_without_investment_roi_is_undefined_and_payback_immediate():
    result = bc.calculate(case(investment=D(0)))
    assert result.roi is None
    assert result.roi_reason == "no_investment"
    assert result.payback_months == D("0.0")
    assert result.net_benefit == D("115500.00")


def test_without_saving_payback_is_undefined_and_roi_minus_one():
    result = bc.calculate(case(absence_target=D("5.6")))
    assert result.yearly_saving == D("0.00")
    assert result.payback_months is None
    assert result.payback_reason == "no_saving"
    assert result.roi == D("-1.0000")
    assert result.net_benefit == D("-75000.00")


def test_sensitivity_halves_and_one_and_a_half_times_the_drop():
    rows = bc.calculate(case()).sensitivity
    assert [r.factor for r in rows] == [D("0.5"), D("1"), D("1.5")]
    assert [r.absence_target for r in rows] == [D("5.25"), D("4.9"), D("4.55")]
    assert [r.yearly_saving for r in rows] == [D("19250.00"), D("38500.00"), D("57750.00")]


def test_sensitivity_never_goes_below_zero_absence():
    rows = bc.calculate(case(absence_now=D(2), absence_target=D(0))).sensitivity
    assert rows[2].absence_target == D(0)
    assert rows[2].yearly_saving == rows[1].yearly_saving


def test_every_bad_field_is_named():
    errors = bc.validate(
        case(employees=D(-1), absence_now=D(101), productivity_gain=D(120), years=0)
    )
    assert errors == {
        "employees": "negative",
        "absence_now": "above_100",
        "productivity_gain": "above_100",
        "years": "below_1",
    }


def test_a_target_above_the_current_rate_is_refused():
    with pytest.raises(bc.InvalidInputs) as caught:
        bc.calculate(case(absence_target=D(6)))
    assert caught.value.errors == {"absence_target": "above_now"}


def test_inputs_from_takes_defaults_for_missing_fields():
    assert bc.inputs_from({"employees": 40, "absence_now": 5.5}) == case(
        employees=D(40), absence_now=D("5.5")
    )


money = st.decimals(min_value=0, max_value=10**6, places=2)
percent = st.decimals(min_value=0, max_value=100, places=2)


@given(
    n=st.integers(0, 10_000),
    a0=percent,
    drop=percent,
    c=money,
    w=money,
    p=percent,
    i=money,
    y=st.integers(1, 10),
)
def test_properties_of_every_valid_case(n, a0, drop, c, w, p, i, y):
    a1 = max(D(0), a0 - drop)
    result = bc.calculate(
        case(
            employees=D(n),
            absence_now=a0,
            absence_target=a1,
            cost_per_absence_day=c,
            wage_cost=w,
            productivity_gain=p,
            investment=i,
            years=y,
        )
    )
    assert result.absence_cost_target <= result.absence_cost_now
    assert result.yearly_saving >= 0
    assert len(result.cumulative) == y
    assert abs(result.cumulative[-1] - result.net_benefit) <= D("0.01")
    assert (result.roi is None) == (i == 0)
    if result.payback_months is None:
        assert result.yearly_saving == 0
    if result.yearly_saving > 0:
        assert result.payback_months is not None
    savings = [s.yearly_saving for s in result.sensitivity]
    assert savings == sorted(savings)
