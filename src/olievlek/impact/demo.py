"""A year of demo activity: daily page counts, survey answers, campaign activities, and a
saved business case of the bakery. Deterministic (seeded)."""

from __future__ import annotations

import datetime as dt
import math
import random

from django.utils import timezone

from olievlek.engines import businesscase

from .choices import ActivityKind
from .models import BusinessCase, CampaignActivity, DailyVisits, SurveyResponse

GROUPS = {"home": 0.35, "verhalen": 0.2, "bijeenkomsten": 0.15, "businesscase": 0.1,
          "manifest": 0.1, "campagne": 0.1}  # fmt: skip
ACTIVITIES = [
    (ActivityKind.RADIO, "Radiospot 'Blijf inzetbaar' op regionale zenders", 180_000, ""),
    (ActivityKind.BANNER, "Banners op vakwebsites voor werkgevers", 60_000, ""),
    (ActivityKind.ADVERTISEMENT, "Advertentie in een ondernemersblad", 45_000, ""),
    (ActivityKind.PRESS, "Interview met een koploper in de krant", 30_000, "NL-GR"),
    (ActivityKind.SOCIAL, "Campagne 'Schijf van vijf' op LinkedIn", 25_000, ""),
    (ActivityKind.PRESS, "Persbericht: honderd werkgevers in de hoofdrol", 80_000, ""),
]  # fmt: skip


def _visits(rng: random.Random, today: dt.date) -> None:
    rows = []
    for back in range(365, 0, -1):
        day = today - dt.timedelta(days=back)
        growth = 1 + 2 * (365 - back) / 365
        weekday = 0.45 if day.weekday() >= 5 else 1.0
        visitors = int(rng.gauss(60, 12) * growth * weekday)
        views = int(visitors * rng.uniform(2.2, 3.4))
        rows.append(DailyVisits(day=day, group="*", visitors=visitors, page_views=views))
        for group, share in GROUPS.items():
            rows.append(
                DailyVisits(
                    day=day,
                    group=group,
                    visitors=max(1, int(visitors * share * 1.3)),
                    page_views=max(1, int(views * share)),
                )
            )
    DailyVisits.objects.bulk_create(rows, batch_size=2000)


def _answer(rng: random.Random, lean: float) -> int | None:
    if rng.random() < 0.1:
        return None
    return max(1, min(5, round(rng.gauss(3 + lean, 1.0))))


def _survey(rng: random.Random, today: dt.date) -> None:
    answers = []
    for _ in range(420):
        back = int(365 * math.sqrt(rng.random()))  # more answers recently
        employer = rng.random() < 0.62
        answers.append(
            SurveyResponse(
                answered_on=today - dt.timedelta(days=back),
                knows_better=_answer(rng, 0.8),
                more_convinced=_answer(rng, 0.6),
                wants_more=_answer(rng, 0.9),
                more_willing=_answer(rng, 0.3),
                is_employer="yes" if employer else rng.choice(["no", ""]),
                size_class=rng.choice(["micro", "klein", "midden", "groot"]) if employer else "",
                sector=rng.choice("CFGHKMPQ") if employer else "",
            )
        )
    SurveyResponse.objects.bulk_create(answers)


def build(context: dict, *, seed: int = 2029) -> None:
    rng = random.Random(seed)
    today = timezone.localdate()
    _visits(rng, today)
    _survey(rng, today)
    for i, (kind, title, reach, province) in enumerate(ACTIVITIES):
        CampaignActivity.objects.create(
            kind=kind,
            title=title,
            estimated_reach=reach,
            province=province,
            started_on=today - dt.timedelta(days=330 - 55 * i),
            created_by=context["staff"],
        )
    bakery = context.get("bakery")
    if bakery is not None:
        inputs = businesscase.Inputs(employees=businesscase.Decimal(24))
        BusinessCase.objects.create(
            organisation=bakery,
            name="Verzuim terug naar 4,9%",
            inputs={name: str(getattr(inputs, name)) for name in businesscase.FIELDS},
        )
