"""Who may do what in Pay it Forward: every page and endpoint, tried by every kind of
visitor. An organisation never sees another's matches, offers or requests; only staff
run rounds."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from olievlek.accounts.tests.support import api_key_for
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

from ..choices import MatchState, RoundState
from ..models import Match, MatchRound
from .factories import (
    ExclusionFactory,
    HelpRequestFactory,
    MatchFactory,
    MatchRoundFactory,
    OfferFactory,
    member,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(org_a, org_b, user_a, user_b, staff_user):
    pending = ContactPersonFactory(organisation__name="Wacht BV", organisation__status="pending")
    third = member(name="Derde BV")
    offer_a = OfferFactory(organisation=org_a)
    request_b = HelpRequestFactory(organisation=org_b, status="matched")
    match_ab = MatchFactory(offer=offer_a, request=request_b, accepted=True)
    # A match between two other organisations: neither A nor B may see it.
    other = MatchFactory(
        offer=OfferFactory(organisation=third),
        request=HelpRequestFactory(organisation=member(name="Vierde BV"), status="matched"),
        held=True,
    )
    round_ = MatchRoundFactory(state=RoundState.READY)
    # A draft of an unpublished round involving A: only staff see it.
    draft = MatchFactory(
        round=round_,
        draft=True,
        offer=offer_a,
        request=HelpRequestFactory(organisation=member(name="Vijfde BV"), status="open"),
    )
    return SimpleNamespace(
        a=org_a,
        b=org_b,
        offer_a=offer_a,
        request_b=request_b,
        match_ab=match_ab,
        other=other,
        round=round_,
        draft=draft,
        exclusion_a=ExclusionFactory(organisation=org_a, excluded=third),
        users={
            "anon": None,
            "a": user_a,
            "b": user_b,
            "staff": staff_user,
            "pending": pending.user,
        },
    )


row = row_maker()


API_MEMBER = (401, 200, 200, 200, 403)
API_STAFF = (401, 403, 403, 200, 403)

MATRIX = [
    row("get", "/payitforward/", *ALL_200),
    row("get", "/payitforward/keten", *ALL_200),
    row("get", "/payitforward/aanbod", *ALL_200),
    row("get", "/mijn/payitforward/", *MEMBER),
    row("get", "/mijn/payitforward/aanbod/nieuw", *MEMBER),
    row("get", "/mijn/payitforward/aanbod/{offer_a.pk}", LOGIN, 200, 404, 403, 403),
    row("get", "/mijn/payitforward/aanbod/{offer_a.pk}/intrekken", LOGIN, 200, 404, 403, 403),
    row("get", "/mijn/payitforward/hulpvraag/nieuw", *MEMBER),
    row("get", "/mijn/payitforward/hulpvraag/{request_b.pk}", LOGIN, 404, 200, 403, 403),
    row("get", "/mijn/payitforward/uitsluitingen", *MEMBER),
    row(
        "post",
        "/mijn/payitforward/uitsluitingen/{exclusion_a.pk}/verwijderen",
        LOGIN,
        302,
        404,
        403,
        403,
    ),
    row("get", "/mijn/payitforward/vragen/{offer_a.pk}", *MEMBER),
    row("get", "/mijn/payitforward/matches/{match_ab.pk}", LOGIN, 200, 200, 403, 403),
    row("get", "/mijn/payitforward/matches/{other.pk}", LOGIN, 404, 404, 403, 403),
    row("get", "/mijn/payitforward/matches/{draft.pk}", LOGIN, 404, 404, 403, 403),
    row("get", "/mijn/payitforward/matches/{other.pk}/afwijzen", LOGIN, 404, 404, 403, 403),
    row("get", "/mijn/payitforward/matches/{other.pk}/plannen", LOGIN, 404, 404, 403, 403),
    row("get", "/mijn/payitforward/matches/{other.pk}/verslag", LOGIN, 404, 404, 403, 403),
    row("post", "/mijn/payitforward/matches/{other.pk}/accepteren", LOGIN, 404, 404, 403, 403),
    row("post", "/mijn/payitforward/matches/{other.pk}/beoordelen", LOGIN, 404, 404, 403, 403),
    row("post", "/mijn/payitforward/matches/{other.pk}/afronden", LOGIN, 404, 404, 403, 403),
    row("get", "/mijn/payitforward/matches/{other.pk}/doorgeven", LOGIN, 404, 404, 403, 403),
    row("get", "/beheer/payitforward/", *BACKOFFICE),
    row("get", "/beheer/payitforward/rondes/", *BACKOFFICE),
    row("get", "/beheer/payitforward/rondes/{round.pk}/", *BACKOFFICE),
    row("get", "/beheer/payitforward/rondes/{round.pk}/verwerpen", *BACKOFFICE),
    row(
        "get", "/beheer/payitforward/rondes/{round.pk}/voorstellen/{draft.pk}/wijzigen", *BACKOFFICE
    ),
    row(
        "get",
        "/beheer/payitforward/rondes/{round.pk}/voorstellen/{draft.pk}/verwijderen",
        *BACKOFFICE,
    ),
    row(
        "post",
        "/beheer/payitforward/rondes/{round.pk}/voorstellen/{draft.pk}/verwijderen",
        *BACKOFFICE_POST,
    ),
    # Staff get the form back: the world already has a round awaiting review.
    row("post", "/beheer/payitforward/rondes/", LOGIN, 403, 403, 200, 403, {"response_days": 14}),
    row("post", "/beheer/payitforward/rondes/{round.pk}/publiceren", *BACKOFFICE_POST),
    row("get", "/beheer/payitforward/matches/", *BACKOFFICE),
    row("get", "/beheer/payitforward/matches/nieuw", *BACKOFFICE),
    row("get", "/beheer/payitforward/matches/{other.pk}", *BACKOFFICE),
    row("get", "/api/v1/aanbod", *API_MEMBER),
    row("get", "/api/v1/aanbod/{offer_a.pk}", 401, 200, 404, 200, 403),
    row("get", "/api/v1/hulpvragen", *API_MEMBER),
    row("get", "/api/v1/hulpvragen/{request_b.pk}", 401, 404, 200, 200, 403),
    row("get", "/api/v1/matches", *API_MEMBER),
    row("get", "/api/v1/matches/{match_ab.pk}", 401, 200, 200, 200, 403),
    row("get", "/api/v1/matches/{other.pk}", 401, 404, 404, 200, 403),
    row("get", "/api/v1/matches/{draft.pk}", 401, 404, 404, 404, 403),
    row("get", "/api/v1/matchrondes", *API_STAFF),
    row("get", "/api/v1/matchrondes/{round.pk}", *API_STAFF),
]


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize(("method", "url", "expected", "data"), MATRIX)
def test_access(method, url, expected, data, visitor, world, client_for):
    url = url.format(**vars(world))
    response = getattr(client_for(world.users[visitor]), method)(url, data or {})
    assert_outcome(response, url=url, want=expected[visitor])


def test_lists_show_only_ones_own_matches(world, client_for):
    html = client_for(world.users["b"]).get("/mijn/payitforward/").content.decode()
    assert world.a.name in html
    assert "Derde BV" not in html and "Vierde BV" not in html and "Vijfde BV" not in html
    html = client_for(world.users["a"]).get("/mijn/payitforward/").content.decode()
    assert world.b.name in html and "Vijfde BV" not in html and "Vierde BV" not in html
    api = client_for(world.users["b"]).get("/api/v1/matches").json()
    assert [m["id"] for m in api["results"]] == [world.match_ab.pk]
    assert client_for(world.users["a"]).get("/api/v1/hulpvragen").json()["count"] == 0
    assert client_for(world.users["b"]).get("/api/v1/aanbod").json()["count"] == 0


def test_a_member_cannot_answer_a_proposal_of_others(world, client_for):
    proposal = MatchFactory(
        offer=OfferFactory(organisation=member(name="Zesde BV")),
        request=HelpRequestFactory(organisation=member(name="Zevende BV"), status="matched"),
    )
    for visitor in ("a", "b"):
        client = client_for(world.users[visitor])
        client.post(f"/mijn/payitforward/matches/{proposal.pk}/accepteren")
        client.post(f"/mijn/payitforward/matches/{proposal.pk}/afwijzen", {"reason": "Nee"})
        client.post(f"/api/v1/matches/{proposal.pk}/accepteren")
    proposal.refresh_from_db()
    assert proposal.state == MatchState.PROPOSED
    assert (proposal.mentor_answer, proposal.learner_answer) == ("pending", "pending")


@pytest.mark.parametrize("visitor", ["anon", "a", "b", "pending"])
def test_only_staff_start_and_publish_rounds(visitor, world, client_for):
    client = client_for(world.users[visitor])
    client.post("/beheer/payitforward/rondes/", {"response_days": 14})
    client.post(f"/beheer/payitforward/rondes/{world.round.pk}/publiceren")
    client.post("/api/v1/matchrondes", {"response_days": 14}, content_type="application/json")
    client.post(f"/api/v1/matchrondes/{world.round.pk}/publiceren")
    assert MatchRound.objects.count() == 1
    world.round.refresh_from_db()
    assert world.round.state == RoundState.READY
    assert Match.objects.get(pk=world.draft.pk).state == MatchState.DRAFT


def test_a_token_of_organisation_a_reads_only_a(world, client):
    headers = {"Authorization": f"Token {api_key_for(world.users['a'])}"}
    assert client.get("/api/v1/aanbod", headers=headers).json()["count"] == 1
    assert client.get(f"/api/v1/matches/{world.other.pk}", headers=headers).status_code == 404
    response = client.get("/api/v1/matchrondes", headers=headers)
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
