"""The notification centre and settings: every logged-in person, their own only."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from olievlek.notifications.services import notify
from olievlek.site.tests.permission_matrix import LOGIN, assert_outcome, row_maker

pytestmark = pytest.mark.django_db

VISITORS = ("anon", "a", "staff")


@pytest.fixture
def world(user_a, staff_user):
    return SimpleNamespace(
        mine=notify(user=user_a, kind="story", text="a"),
        users={"anon": None, "a": user_a, "staff": staff_user},
    )


row = row_maker(VISITORS)

MATRIX = [
    row("get", "/mijn/meldingen/", LOGIN, 200, 200),
    row("get", "/mijn/meldingen/instellingen", LOGIN, 200, 200),
    row("post", "/mijn/meldingen/instellingen", LOGIN, 200, 200),
    row("post", "/mijn/meldingen/alles-gelezen", LOGIN, 302, 302),
    row("post", "/mijn/meldingen/{mine.pk}/gelezen", LOGIN, 302, 302),
    row("get", "/mijn/meldingen/{mine.pk}/gelezen", 405, 405, 405),
]


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize(("method", "url", "expected", "data"), MATRIX)
def test_access(method, url, expected, data, visitor, world, client_for):
    url = url.format(**vars(world))
    response = getattr(client_for(world.users[visitor]), method)(url, data or {})
    assert_outcome(response, url=url, want=expected[visitor])
