"""`POST /api/v1/businesscase/berekening`: exact field names, cents, nulls with a reason,
and problem+json naming every bad field."""

from __future__ import annotations

import pytest

URL = "/api/v1/businesscase/berekening"
pytestmark = pytest.mark.django_db


def post(client, data):
    return client.post(URL, data, content_type="application/json")


def test_defaults_give_the_hand_computed_case(client):
    body = post(client, {}).json()
    assert body["absence_cost_now"] == 308000.0
    assert body["absence_cost_target"] == 269500.0
    assert body["yearly_saving"] == 38500.0
    assert body["net_benefit"] == 40500.0
    assert body["roi"] == 0.54
    assert body["payback_months"] == 7.8
    assert [s["yearly_saving"] for s in body["sensitivity"]] == [19250.0, 38500.0, 57750.0]


def test_amounts_are_rounded_to_cents(client):
    body = post(
        client,
        {"employees": 3, "working_days": 1, "absence_now": 3.33, "absence_target": 0,
         "cost_per_absence_day": 405},
    ).json()  # fmt: skip
    assert body["absence_cost_now"] == 40.46


def test_without_investment_roi_is_null_with_its_reason(client):
    body = post(client, {"investment": 0}).json()
    assert body["roi"] is None and body["roi_reason"] == "no_investment"


def test_without_saving_payback_is_null_with_its_reason(client):
    body = post(client, {"absence_now": 5, "absence_target": 5}).json()
    assert body["payback_months"] is None and body["payback_reason"] == "no_saving"


def test_bad_input_names_each_field_in_problem_json(client):
    response = post(
        client, {"employees": -5, "absence_now": 120, "productivity_gain": 101, "investment": -1}
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert names == {"employees", "absence_now", "productivity_gain", "investment"}


def test_a_target_above_the_current_rate_is_named(client):
    response = post(client, {"absence_now": 4, "absence_target": 6})
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == ["absence_target"]
