"""Who may use the API key pages: every logged-in person has its own keys (staff too, for
their scripts); nobody reaches another person's key."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from olievlek.accounts.models import ApiToken
from olievlek.accounts.tests.support import api_key_for
from olievlek.network.tests.factories import ContactPersonFactory
from olievlek.site.tests.permission_matrix import LOGIN, VISITORS, assert_outcome, row_maker

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(org_a, org_b, user_a, user_b, staff_user):
    pending = ContactPersonFactory(organisation__status="pending").user
    api_key_for(user_a)
    return SimpleNamespace(
        token_a=ApiToken.objects.get(user=user_a),
        users={"anon": None, "a": user_a, "b": user_b, "staff": staff_user, "pending": pending},
    )


row = row_maker()

MATRIX = [
    row("get", "/mijn/api-sleutels/", LOGIN, 200, 200, 200, 200),
    row("post", "/mijn/api-sleutels/", LOGIN, 200, 200, 200, 200, {"name": "x", "days": "7"}),
    row("post", "/mijn/api-sleutels/{token_a.pk}/intrekken", LOGIN, 302, 404, 404, 404),
    row("get", "/mijn/api-sleutels/{token_a.pk}/intrekken", 405, 405, 405, 405, 405),
]


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize(("method", "url", "expected", "data"), MATRIX)
def test_access(method, url, expected, data, visitor, world, client_for):
    url = url.format(**vars(world))
    response = getattr(client_for(world.users[visitor]), method)(url, data or {})
    assert_outcome(response, url=url, want=expected[visitor])
