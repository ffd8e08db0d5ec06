"""Who may open what: the dashboard's full view, its CSV and PDF and the campaign log are
for the project team; the calculator is public; saved cases belong to one organisation."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from olievlek.network.choices import Status
from olievlek.network.tests.factories import ContactPersonFactory
from olievlek.site.tests.permission_matrix import (
    ALL_200,
    BACKOFFICE,
    BACKOFFICE_POST,
    LOGIN,
    MEMBER,
    VISITORS,
    assert_outcome,
    row_maker,
)

from .factories import BusinessCaseFactory, CampaignActivityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(org_a, org_b, user_a, user_b, staff_user):
    pending = ContactPersonFactory(
        organisation__name="Wacht BV", organisation__status=Status.PENDING
    )
    return SimpleNamespace(
        case=BusinessCaseFactory(organisation=org_a),
        activity=CampaignActivityFactory(),
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

MATRIX = [
    row("get", "/impact/", *ALL_200),
    row("get", "/impact/?province=NL-UT&theme=gezondheid&start=2020-01-01", *ALL_200),
    row("get", "/impact/csv/growth", *BACKOFFICE),
    row("get", "/impact/csv/reach", *BACKOFFICE),
    row("get", "/impact/csv/onbekend", LOGIN, 403, 403, 404, 403),
    row("get", "/impact/rapport.pdf", *BACKOFFICE),
    row("post", "/impact/enquete/sluiten", *(302,) * 5),
    row("post", "/impact/enquete", *(302,) * 5, {"knows_better": "4"}),
    row("get", "/businesscase/", *ALL_200),
    row("get", "/businesscase/?employees=10&absence_now=6&absence_target=5", *ALL_200),
    row("get", "/businesscase/pdf", *ALL_200),
    row("post", "/businesscase/opslaan", LOGIN, 302, 302, 403, 403, {"name": "Plan"}),
    row("get", "/mijn/businesscases/", *MEMBER),
    row("get", "/mijn/businesscases/{case.pk}/pdf", *OWN),
    row("post", "/mijn/businesscases/{case.pk}/verwijderen", *OWN_POST),
    row("get", "/beheer/impact/activiteiten/", *BACKOFFICE),
    row("get", "/beheer/impact/activiteiten/{activity.pk}/", *BACKOFFICE),
    row("post", "/beheer/impact/activiteiten/{activity.pk}/verwijderen", *BACKOFFICE_POST),
]


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize(("method", "url", "expected", "data"), MATRIX)
def test_access(method, url, expected, data, visitor, world, client_for):
    url = url.format(**vars(world))
    response = getattr(client_for(world.users[visitor]), method)(url, data or {})
    assert_outcome(response, url=url, want=expected[visitor])


def test_the_public_summary_leaves_out_the_team_tables(world, client_for):
    html = client_for(None).get("/impact/").content.decode()
    assert 'id="t-growth"' in html
    assert 'id="t-reach"' not in html
    assert "/impact/csv/" not in html


def test_the_team_sees_reach_projection_and_csv_links(world, client_for):
    html = client_for(world.users["staff"]).get("/impact/").content.decode()
    for key in ("reach", "visits", "projection"):
        assert f'id="t-{key}"' in html
    assert "/impact/csv/growth" in html
