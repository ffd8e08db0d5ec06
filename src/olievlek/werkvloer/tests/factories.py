"""Factories for the self-scan, and helpers that fill a round with answers."""

from __future__ import annotations

import itertools
from datetime import timedelta

import factory
from django.utils import timezone

from olievlek.engines.scan import ALL_ITEMS, ITEMS, THEMES, theme_scores
from olievlek.network.tests.factories import OrganisationFactory

from .. import codes
from ..models import Response, ScanRound, ScanTeam

_serial = itertools.count()


class ScanRoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScanRound

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Scan {n}")
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=14))


class ScanTeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScanTeam

    round = factory.SubFactory(ScanRoundFactory)
    name = factory.Sequence(lambda n: f"Team {n}")
    expected_size = 10


def answer(team: ScanTeam, *, was: int = 7, value: int = 4, completed: bool = True, **extra):
    """A response of one employee in `team`, every statement answered with `value`."""
    answers = {item: value for item in ALL_ITEMS}
    scores = theme_scores(answers)
    return Response.objects.create(
        round=team.round,
        team=team,
        return_code_hash=codes.code_hash(f"test-{next(_serial)}"),
        page=7 if completed else 1,
        completed=completed,
        was=was,
        answers=answers,
        **{f"score_{t}": scores[t] for t in THEMES},
        **extra,
    )


def fill(scan_round: ScanRound, sizes: dict[str, int], **kwargs) -> dict[str, ScanTeam]:
    """Teams with the given numbers of completed responses."""
    teams = {}
    for name, size in sizes.items():
        team = ScanTeam.objects.filter(round=scan_round, name=name).first() or ScanTeamFactory(
            round=scan_round, name=name
        )
        for _ in range(size):
            answer(team, **kwargs)
        teams[name] = team
    return teams


assert all(ITEMS[t] for t in THEMES)
