"""The business case of sustainable employability: what lower sickness absence and
higher productivity save against what the measures cost.

With N employees, D working days a year, absence now a0 and at the target a1 (as
fractions), cost C of one absence day, yearly wage cost W per employee, productivity
gain p (fraction of wage cost), yearly investment I over Y years:

    absence cost now      N·D·a0·C
    absence cost target   N·D·a1·C
    yearly saving     S = N·D·(a0−a1)·C + p·N·W
    net benefit           Y·(S−I)
    ROI                   (S−I)/I          undefined when I = 0
    payback (months)      12·I/S           undefined when S = 0

Percentages come in as numbers such as 5.5. Amounts are computed in Decimal and rounded
to cents (half up) only at the end, so the results match a hand calculation exactly.

Pure Python: no Django imports.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
RATIO = Decimal("0.0001")
HUNDRED = Decimal(100)

# The sensitivity table: the saving if absence drops half as much, as planned, and one and
# a half times as much (never below zero absence).
SENSITIVITY = (Decimal("0.5"), Decimal("1"), Decimal("1.5"))


@dataclass(frozen=True, slots=True)
class Source:
    label: str
    url: str


# Defaults are public figures (DOMAIN.md); every one that has a source carries it.
SOURCES = {
    "absence_now": Source(
        "CBS 2022: 5.6%",
        "https://www.cbs.nl/nl-nl/visualisaties/dashboard-arbeidsmarkt/werkenden/ziekteverzuim",
    ),
    "absence_target": Source(
        "CBS 2021: 4.9%",
        "https://www.cbs.nl/nl-nl/visualisaties/dashboard-arbeidsmarkt/werkenden/ziekteverzuim",
    ),
    "cost_per_absence_day": Source(
        "TNO/CBS: EUR 250 – MKB Servicedesk 2023: EUR 405",
        "https://www.mkbservicedesk.nl/personeel/ziekte-en-verzuim/wat-kost-een-zieke-werknemer",
    ),
    "wage_cost": Source(
        "MKB Servicedesk 2023: EUR 36,500",
        "https://www.mkbservicedesk.nl/personeel/ziekte-en-verzuim/wat-kost-een-zieke-werknemer",
    ),
}


@dataclass(frozen=True, slots=True)
class Inputs:
    employees: Decimal = Decimal(100)
    working_days: Decimal = Decimal(220)
    absence_now: Decimal = Decimal("5.6")
    absence_target: Decimal = Decimal("4.9")
    cost_per_absence_day: Decimal = Decimal(250)
    wage_cost: Decimal = Decimal(36500)
    productivity_gain: Decimal = Decimal(0)
    investment: Decimal = Decimal(25000)
    years: int = 3


FIELDS = tuple(f.name for f in fields(Inputs))
PERCENTAGES = ("absence_now", "absence_target", "productivity_gain")
DEFAULTS = Inputs()


class InvalidInputs(ValueError):
    """``errors`` maps every bad field to the reason (in English; callers translate)."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def validate(inputs: Inputs) -> dict[str, str]:
    """Every problem at once, by field name; empty when the inputs can be calculated."""
    errors: dict[str, str] = {}
    for name in FIELDS:
        value = getattr(inputs, name)
        if value < 0:
            errors[name] = "negative"
        elif name in PERCENTAGES and value > HUNDRED:
            errors[name] = "above_100"
    if inputs.working_days > 366 and "working_days" not in errors:
        errors["working_days"] = "above_366"
    if inputs.years < 1 and "years" not in errors:
        errors["years"] = "below_1"
    if (
        "absence_now" not in errors
        and "absence_target" not in errors
        and inputs.absence_target > inputs.absence_now
    ):
        errors["absence_target"] = "above_now"
    return errors


@dataclass(frozen=True, slots=True)
class Scenario:
    """One row of the sensitivity table."""

    factor: Decimal
    absence_target: Decimal  # percent
    yearly_saving: Decimal
    net_benefit: Decimal
    roi: Decimal | None
    payback_months: Decimal | None


@dataclass(frozen=True, slots=True)
class Result:
    absence_cost_now: Decimal
    absence_cost_target: Decimal
    yearly_saving: Decimal
    net_benefit: Decimal
    roi: Decimal | None
    roi_reason: str  # why roi is None ("" when it is defined)
    payback_months: Decimal | None
    payback_reason: str
    cumulative: tuple[Decimal, ...]  # net benefit after year 1..Y
    sensitivity: tuple[Scenario, ...]


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _exact(inputs: Inputs, absence_target: Decimal) -> tuple[Decimal, Decimal, Decimal]:
    n, d, c = inputs.employees, inputs.working_days, inputs.cost_per_absence_day
    cost_now = n * d * inputs.absence_now / HUNDRED * c
    cost_target = n * d * absence_target / HUNDRED * c
    saving = cost_now - cost_target + inputs.productivity_gain / HUNDRED * n * inputs.wage_cost
    return cost_now, cost_target, saving


def _roi(saving: Decimal, investment: Decimal) -> tuple[Decimal | None, str]:
    if investment == 0:
        return None, "no_investment"
    return ((saving - investment) / investment).quantize(RATIO, rounding=ROUND_HALF_UP), ""


def _payback(saving: Decimal, investment: Decimal) -> tuple[Decimal | None, str]:
    if saving == 0:
        return None, "no_saving"
    return (12 * investment / saving).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), ""


def calculate(inputs: Inputs) -> Result:
    errors = validate(inputs)
    if errors:
        raise InvalidInputs(errors)
    cost_now, cost_target, saving = _exact(inputs, inputs.absence_target)
    yearly_net = saving - inputs.investment
    roi, roi_reason = _roi(saving, inputs.investment)
    payback, payback_reason = _payback(saving, inputs.investment)
    drop = inputs.absence_now - inputs.absence_target
    scenarios = []
    for factor in SENSITIVITY:
        target = max(Decimal(0), inputs.absence_now - factor * drop)
        s = _exact(inputs, target)[2]
        scenarios.append(
            Scenario(
                factor=factor,
                absence_target=target,
                yearly_saving=_cents(s),
                net_benefit=_cents(inputs.years * (s - inputs.investment)),
                roi=_roi(s, inputs.investment)[0],
                payback_months=_payback(s, inputs.investment)[0],
            )
        )
    return Result(
        absence_cost_now=_cents(cost_now),
        absence_cost_target=_cents(cost_target),
        yearly_saving=_cents(saving),
        net_benefit=_cents(inputs.years * yearly_net),
        roi=roi,
        roi_reason=roi_reason,
        payback_months=payback,
        payback_reason=payback_reason,
        cumulative=tuple(_cents(k * yearly_net) for k in range(1, inputs.years + 1)),
        sensitivity=tuple(scenarios),
    )


def inputs_from(values: dict) -> Inputs:
    """Inputs from a mapping of field names (missing ones take the defaults)."""
    given = {}
    for name in FIELDS:
        if values.get(name) is None:
            continue
        value = values[name]
        given[name] = int(value) if name == "years" else Decimal(str(value))
    return Inputs(**given)
