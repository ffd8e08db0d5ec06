"""Who may see the programme lines and the partners, and who may manage the lines:
anonymous, the contacts of approved organisations A and B, the project team, the contact
of a pending organisation and the contact of a partner organisation."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from olievlek.network.choices import Status
from olievlek.network.tests.factories import ContactPersonFactory
from olievlek.site.tests.permission_matrix import LOGIN, assert_outcome, row_maker

from ..models import BoardProposal, SoundingBoardSeat
from .factories import ProgrammeLineFactory

pytestmark = pytest.mark.django_db

VISITORS = ("anon", "a", "b", "staff", "pending", "partner", "board")
ALL_200 = (200,) * 7
MEMBER = (LOGIN, 200, 200, 403, 403, 200, 200)
TEAM = (LOGIN, 403, 403, 200, 403, 403, 403)
TEAM_POST = (LOGIN, 403, 403, 302, 403, 403, 403)
BOARD = (LOGIN, 403, 403, 403, 403, 403, 200)


@pytest.fixture
def world(user_a, user_b, staff_user):
    pending = ContactPersonFactory(organisation__status=Status.PENDING)
    partner = ContactPersonFactory(organisation__is_partner=True)
    seat = SoundingBoardSeat.objects.create(organisation=ContactPersonFactory().organisation)
    return SimpleNamespace(
        proposal=BoardProposal.objects.create(
            title="Voorstel", draft="Tekst", deadline=timezone.now() + timedelta(days=3)
        ),
        org=seat.organisation,
        line=ProgrammeLineFactory(),
        hidden=ProgrammeLineFactory(inactive=True),
        users={
            "anon": None,
            "a": user_a,
            "b": user_b,
            "staff": staff_user,
            "pending": pending.user,
            "partner": partner.user,
            "board": seat.organisation.contacts.get().user,
        },
    )


row = row_maker(VISITORS)

MATRIX = [
    row("get", "/programmalijnen/", *ALL_200),
    row("get", "/programmalijnen/{line.slug}/", *ALL_200),
    row("get", "/programmalijnen/{hidden.slug}/", *(404,) * 7),
    row("get", "/partners/", *ALL_200),
    row("get", "/mijn/activiteiten/", *MEMBER),
    row("get", "/mijn/activiteiten/nieuw", *MEMBER),
    row("post", "/mijn/activiteiten/nieuw", LOGIN, 200, 200, 403, 403, 200, 200, {"title": ""}),
    row("get", "/mijn/klankbord/", *BOARD),
    row("get", "/mijn/klankbord/{proposal.pk}/", *BOARD),
    row(
        "post",
        "/mijn/klankbord/{proposal.pk}/",
        LOGIN,
        403,
        403,
        403,
        403,
        403,
        302,
        {"choice": "agree"},
    ),
    row("get", "/beheer/klankbord/", *TEAM),
    row("get", "/beheer/klankbord/nieuw", *TEAM),
    row("get", "/beheer/klankbord/{proposal.pk}/", *TEAM),
    row("post", "/beheer/klankbord/{proposal.pk}/", *TEAM_POST, {"decision": "Besloten."}),
    row("post", "/beheer/klankbord/leden", *TEAM_POST, {"organisation": "{org.pk}", "member": "1"}),
    row("get", "/beheer/programmalijnen/", *TEAM),
    row("get", "/beheer/programmalijnen/nieuw", *TEAM),
    row("post", "/beheer/programmalijnen/nieuw", *TEAM_POST, {"name": "Nieuw", "is_active": "on"}),
    row("get", "/beheer/programmalijnen/{line.pk}/", *TEAM),
    row("post", "/beheer/programmalijnen/{line.pk}/", *TEAM_POST, {"name": "Anders"}),
    row("get", "/beheer/programmalijnen/{line.pk}/verwijderen", *TEAM),
    row("post", "/beheer/programmalijnen/{hidden.pk}/verwijderen", *TEAM_POST),
]


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize(("method", "url", "expected", "data"), MATRIX)
def test_access(method, url, expected, data, visitor, world, client_for):
    url = url.format(**vars(world))
    data = {k: v.format(**vars(world)) for k, v in (data or {}).items()}
    response = getattr(client_for(world.users[visitor]), method)(url, data)
    assert_outcome(response, url=url, want=expected[visitor])
