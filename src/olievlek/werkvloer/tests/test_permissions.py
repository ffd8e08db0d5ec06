"""Who may do what in the self-scan: every page, tried by every kind of visitor. The
employer's pages belong to the organisation's contact only; the employee's pages need no
account but show nothing without the employee's own session."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.core.checks import Error
from django.test import override_settings

from olievlek.network.tests.factories import ContactPersonFactory
from olievlek.site.tests.permission_matrix import (
    ALL_200,
    LOGIN,
    MEMBER,
    VISITORS,
    assert_outcome,
    row_maker,
)

from .. import services
from ..checks import minimum_group_check
from .factories import ScanRoundFactory, fill

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(org_a, user_a, user_b, staff_user):
    pending = ContactPersonFactory(organisation__name="Wacht BV", organisation__status="pending")
    open_round = ScanRoundFactory(organisation=org_a)
    open_team = fill(open_round, {"Open": 0})["Open"]
    closed = ScanRoundFactory(organisation=org_a)
    team = fill(closed, {"Winkel": 6})["Winkel"]
    services.round_close(scan_round=closed)
    return SimpleNamespace(
        open=open_round,
        open_team=open_team,
        closed=closed,
        team=team,
        users={
            "anon": None,
            "a": user_a,
            "b": user_b,
            "staff": staff_user,
            "pending": pending.user,
        },
    )


row = row_maker()
OWN = (LOGIN, 200, 404, 403, 403)
OWN_POST = (LOGIN, 302, 404, 403, 403)
RESUME = "/scan/terug"
M = "/mijn/werkvloer/"

MATRIX = [
    row("get", M, *MEMBER),
    row("get", f"{M}rondes/nieuw", *MEMBER),
    row("get", f"{M}rondes/{{open.pk}}", *OWN),
    row("get", f"{M}rondes/{{closed.pk}}", *OWN),
    row("get", f"{M}rondes/{{open.pk}}/sluiten", *OWN),
    row("post", f"{M}rondes/{{open.pk}}/teams/{{open_team.pk}}/codes", *OWN, {"count": 2}),
    row("get", f"{M}rondes/{{open.pk}}/teams/{{open_team.pk}}/codes", 405, 405, 405, 405, 405),
    row("get", f"{M}rondes/{{closed.pk}}/teams/{{team.pk}}", *OWN),
    row("get", f"{M}rondes/{{closed.pk}}/teams/{{team.pk}}/sessie.pdf", *OWN),
    row(
        "post",
        f"{M}rondes/{{closed.pk}}/teams/{{team.pk}}",
        *OWN_POST,
        {"theme": "apk", "text": "x"},
    ),
    row("post", f"{M}rondes/{{open.pk}}/sluiten", *OWN_POST),
    row("get", "/scan/", *ALL_200),
    row("get", "/scan/c/onbekend", *ALL_200),
    row("post", "/scan/c/onbekend", 404, 404, 404, 404, 404),
    row("get", RESUME, *ALL_200),
    row("get", "/scan/vragen/was", *(RESUME,) * 5),
    row("get", "/scan/resultaat", *(RESUME,) * 5),
    row("get", "/scan/resultaat.pdf", *(RESUME,) * 5),
    row("get", "/scan/verwijderen", *(RESUME,) * 5),
    row("post", "/scan/afsluiten", *("/scan/",) * 5),
]


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize(("method", "url", "expected", "data"), MATRIX)
def test_access(method, url, expected, data, visitor, world, client_for):
    url = url.format(**vars(world))
    response = getattr(client_for(world.users[visitor]), method)(url, data or {})
    assert_outcome(response, url=url, want=expected[visitor])


@override_settings(OLIEVLEK_SCAN_MIN_GROUP=4)
def test_a_minimum_group_below_five_fails_the_system_check():
    errors = minimum_group_check(None)
    assert [e.id for e in errors] == ["werkvloer.E001"]
    assert isinstance(errors[0], Error)


def test_the_minimum_group_of_five_passes_the_system_check():
    assert minimum_group_check(None) == []
