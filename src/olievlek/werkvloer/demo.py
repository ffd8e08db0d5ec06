"""Deterministic, fictional demo data for the self-scan.

Bakkerij De Korenaar (werkgever@olievlek.test) has a closed spring round: the bakery
and the shop are shown, the four drivers stay hidden (and the smallest shown team with
them, so the organisation's total cannot reveal the drivers). An open autumn round has
codes to try. Five other organisations have closed rounds, so the network comparison
appears.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from olievlek.engines.scan import ALL_ITEMS, THEMES, theme_scores

from . import codes, services
from .models import Response, ScanRound, ScanTeam

BAKERY_TEAMS = [("Bakkerij", 14, 4), ("Winkel", 9, 3), ("Kantoor", 6, 4), ("Chauffeurs", 4, 2)]


def _responses(rng: random.Random, team: ScanTeam, count: int, mood: int) -> list[Response]:
    rows = []
    for _ in range(count):
        answers = {item: max(1, min(5, mood + rng.choice((-1, 0, 0, 1)))) for item in ALL_ITEMS}
        scores = theme_scores(answers)
        rows.append(
            Response(
                round=team.round,
                team=team,
                return_code_hash=codes.code_hash(codes.new_code()),
                page=7,
                completed=True,
                was=max(0, min(10, 2 * mood - 1 + rng.choice((-1, 0, 1, 2)))),
                answers=answers,
                **{f"score_{t}": scores[t] for t in THEMES},
            )
        )
    return rows


def _closed_round(rng, organisation, name: str, teams, *, weeks_ago: int) -> ScanRound:
    scan_round = ScanRound.objects.create(
        organisation=organisation,
        name=name,
        closes_on=timezone.localdate() - timedelta(weeks=weeks_ago),
    )
    rows = []
    for team_name, count, mood in teams:
        team = ScanTeam.objects.create(
            round=scan_round, name=team_name, expected_size=count + 2, codes_issued=count + 2
        )
        rows += _responses(rng, team, count, mood)
    Response.objects.bulk_create(rows)
    return services.round_close(scan_round=scan_round)


def build(context: dict, *, seed: int = 2026) -> None:
    rng = random.Random(seed)
    bakery = context["bakery"]
    _closed_round(rng, bakery, "Voorjaar 2026", BAKERY_TEAMS, weeks_ago=6)
    autumn = services.round_create(
        organisation=bakery,
        name="Najaar 2026",
        closes_on=timezone.localdate() + timedelta(days=21),
        teams=[services.TeamSpec(name=n, expected_size=s) for n, s, _ in BAKERY_TEAMS],
    )
    services.invitations_create(team=autumn.teams.first(), count=3)
    others = [o for o in context["organisations"] if o.pk != bakery.pk][:5]
    for n, organisation in enumerate(others):
        teams = [("Productie", 8 + n, 3 + n % 2), ("Staf", 6, 4)]
        _closed_round(rng, organisation, "Scan 2026", teams, weeks_ago=8 + n)
