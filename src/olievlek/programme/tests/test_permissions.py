"""Who may see the programme lines and the partners, and who may manage the lines:
anonymous, the contacts of approved organisations A and B, the project team, the contact
of a pending organisation and the contact of a partner organisation."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from olievlek.network.choices import Status
from olievlek.network.tests.factories import ContactPersonFactory
from olievlek.site.tests.permission_matrix import LOGIN, assert_outcome, row_maker

from .factories import ProgrammeLineFactory

pytestmark = pytest.mark.django_db

VISITORS = ("anon", "a", "b", "staff", "pending", "partner")
ALL_200 = (200,) * 6
MEMBER = (LOGIN, 200, 200, 403, 403, 200)
TEAM = (LOGIN, 403, 403, 200, 403, 403)
TEAM_POST = (LOGIN, 403, 403, 302, 403, 403)


@pytest.fixture
def world(user_a, user_b, staff_user):
    pending = ContactPersonFactory(organisation__status=Status.PENDING)
    partner = ContactPersonFactory(organisation__is_partner=True)
    return SimpleNamespace(
        line=ProgrammeLineFactory(),
        hidden=ProgrammeLineFactory(inactive=True),
        users={
            "anon": None,
            "a": user_a,
            "b": user_b,
            "staff": staff_user,
            "pending": pending.user,
            "partner": partner.user,
        },
    )


row = row_maker(VISITORS)

MATRIX = [
    row("get", "/programmalijnen/", *ALL_200),
    row("get", "/programmalijnen/{line.slug}/", *ALL_200),
    row("get", "/programmalijnen/{hidden.slug}/", *(404,) * 6),
    row("get", "/partners/", *ALL_200),
    row("get", "/mijn/activiteiten/", *MEMBER),
    row("get", "/mijn/activiteiten/nieuw", *MEMBER),
    row("post", "/mijn/activiteiten/nieuw", LOGIN, 200, 200, 403, 403, 200, {"title": ""}),
    row("get", "/beheer/programmalijnen/", *TEAM),
    row("get", "/beheer/programmalijnen/nieuw", *TEAM),
    row("post", "/beheer/programmalijnen/nieuw", *TEAM_POST, {"name": "Nieuw", "is_active": "on"}),
    row("get", "/beheer/programmalijnen/{line.pk}/", *TEAM),
    row("post", "/beheer/programmalijnen/{line.pk}/", *TEAM_POST, {"name": "Anders"}),
]


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize(("method", "url", "expected", "data"), MATRIX)
def test_access(method, url, expected, data, visitor, world, client_for):
    url = url.format(**vars(world))
    response = getattr(client_for(world.users[visitor]), method)(url, data or {})
    assert_outcome(response, url=url, want=expected[visitor])
