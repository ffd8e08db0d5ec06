"""Who may do what: every page of stories, manifesto, search and campaign, tried by every
kind of visitor (anonymous, contact of organisation A, contact of B, staff, and the
contact of an organisation whose registration is pending)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile

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

from ..models import Story, StoryImage
from ..services.campaign import download_path
from .factories import (
    CampaignItemFactory,
    EndorsementFactory,
    ManifestoFactorFactory,
    StoryFactory,
    UsageRequestFactory,
    image_bytes,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(org_a, org_b, user_a, user_b, staff_user):
    pending = ContactPersonFactory(
        organisation__name="Wacht BV", organisation__status=Status.PENDING
    )
    draft = StoryFactory(organisation=org_a, title="Concept A")
    image = StoryImage(story=draft, alt_text="Bakkers", content_type="image/png", width=4, height=3)
    image.file.save("x.png", ContentFile(image_bytes(size=(4, 3))), save=False)
    image.save()
    item = CampaignItemFactory()
    approved = UsageRequestFactory(
        item=item, organisation=org_a, requested_by=user_a, approved=True
    )
    return SimpleNamespace(
        a=org_a,
        b=org_b,
        draft=draft,
        image=image,
        published=StoryFactory(organisation=org_a, title="Gepubliceerd A", published=True),
        factor=ManifestoFactorFactory(),
        endorsement=EndorsementFactory(organisation=org_b),
        item=item,
        inactive=CampaignItemFactory(is_active=False),
        pending_request=UsageRequestFactory(item=item, organisation=org_b, requested_by=user_b),
        approved=approved,
        link=download_path(approved),
        users={
            "anon": None,
            "a": user_a,
            "b": user_b,
            "staff": staff_user,
            "pending": pending.user,
        },
    )


row = row_maker()


OWN = (LOGIN, 200, 404, 403, 403)  # a story of organisation A

MATRIX = [
    # Public pages.
    row("get", "/verhalen/", *ALL_200),
    row("get", "/verhalen/?theme=gezondheid&province=NL-UT", *ALL_200),
    row("get", "/verhalen/feed/atom", *ALL_200),
    row("get", "/verhalen/feed/rss", *ALL_200),
    row("get", "/verhalen/{published.slug}/", *ALL_200),
    row("get", "/verhalen/{draft.slug}/", 404, 200, 404, 200, 404),
    row("get", "/verhalen/{draft.slug}/afbeeldingen/{image.pk}", 404, 200, 404, 200, 404),
    row("get", "/manifest/", *ALL_200),
    row("get", "/zoeken/", *ALL_200),
    row("get", "/zoeken/?q=gezonde&type=story&theme=apk", *ALL_200),
    row("get", "/campagne/", *ALL_200),
    row("get", "/campagne/?kind=radio", *ALL_200),
    row("get", "/campagne/{item.slug}/", *ALL_200),
    row("get", "/campagne/{inactive.slug}/", *(404,) * 5),
    # Signed download links: only the requesting organisation (and staff).
    row("get", "{link}", LOGIN, 200, 403, 200, 403),
    row("get", "/campagne/download/vervalst", *(404,) * 5),
    # Member area.
    row("get", "/mijn/verhalen/", *MEMBER),
    row("get", "/mijn/verhalen/nieuw", *MEMBER),
    row("get", "/mijn/verhalen/{draft.pk}/bewerken", *OWN),
    row("get", "/mijn/verhalen/{draft.pk}/afbeeldingen", *OWN),
    row("get", "/mijn/verhalen/{draft.pk}/verwijderen", *OWN),
    row("post", "/mijn/verhalen/{draft.pk}/indienen", LOGIN, 302, 404, 403, 403),
    row("get", "/mijn/campagne/", *MEMBER),
    row("get", "/campagne/{item.slug}/aanvragen", *MEMBER),
    row("post", "/manifest/ondertekenen", LOGIN, 302, 302, 403, 403),
    row("post", "/manifest/intrekken", LOGIN, 302, 302, 403, 403),
    # Back office.
    row("get", "/beheer/verhalen/", *BACKOFFICE),
    row("get", "/beheer/verhalen/?status=submitted", *BACKOFFICE),
    row("get", "/beheer/verhalen/{draft.pk}/", *BACKOFFICE),
    row("get", "/beheer/verhalen/{draft.pk}/bewerken", *BACKOFFICE),
    row("get", "/beheer/verhalen/{draft.pk}/verwijderen", *BACKOFFICE),
    row("get", "/beheer/manifest/", *BACKOFFICE),
    row("get", "/beheer/manifest/factoren/nieuw", *BACKOFFICE),
    row("get", "/beheer/manifest/factoren/{factor.pk}/", *BACKOFFICE),
    row("get", "/beheer/manifest/factoren/{factor.pk}/verwijderen", *BACKOFFICE),
    row("get", "/beheer/manifest/ondertekeningen/{endorsement.pk}/verwijderen", *BACKOFFICE),
    row("get", "/beheer/campagne/", *BACKOFFICE),
    row("get", "/beheer/campagne/nieuw", *BACKOFFICE),
    row("get", "/beheer/campagne/{item.pk}/", *BACKOFFICE),
    row("get", "/beheer/campagne/{item.pk}/bestand", *BACKOFFICE),
    row("get", "/beheer/campagne/aanvragen/", *BACKOFFICE),
    row("get", "/beheer/campagne/aanvragen/{pending_request.pk}/", *BACKOFFICE),
    row(
        "post",
        "/beheer/verhalen/{draft.pk}/",
        *BACKOFFICE_POST,
        {"decision": "publish"},
    ),
    row(
        "post",
        "/beheer/campagne/aanvragen/{pending_request.pk}/",
        *BACKOFFICE_POST,
        {"decision": "approve"},
    ),
]


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize(("method", "url", "expected", "data"), MATRIX)
def test_access(method, url, expected, data, visitor, world, client_for):
    url = url.format(**vars(world))
    response = getattr(client_for(world.users[visitor]), method)(url, data or {})
    assert_outcome(response, url=url, want=expected[visitor])


@pytest.mark.parametrize("visitor", ["anon", "a", "b", "pending"])
def test_nobody_but_staff_publishes(visitor, world, client_for):
    client_for(world.users[visitor]).post(
        f"/beheer/verhalen/{world.draft.pk}/", {"decision": "publish"}
    )
    assert Story.objects.get(pk=world.draft.pk).status == "draft"


def test_drafts_never_appear_in_lists_feeds_or_search(world, client_for):
    from ..search import search_reindex

    search_reindex()
    client = client_for(world.users["b"])
    for url in ("/verhalen/", "/verhalen/feed/atom", "/verhalen/feed/rss", "/zoeken/?q=concept"):
        html = client.get(url).content.decode()
        assert "Concept A" not in html, url
    assert "Gepubliceerd A" in client.get("/verhalen/").content.decode()


def test_organisation_b_cannot_edit_or_submit_a_story_of_a(world, client_for):
    client = client_for(world.users["b"])
    data = {"title": "Gekaapt", "lead": "x", "body": "x", "themes": ["apk"]}
    assert client.post(f"/mijn/verhalen/{world.draft.pk}/bewerken", data).status_code == 404
    assert client.post(f"/mijn/verhalen/{world.draft.pk}/indienen").status_code == 404
    assert client.post(f"/mijn/verhalen/{world.draft.pk}/verwijderen").status_code == 404
    world.draft.refresh_from_db()
    assert (world.draft.title, world.draft.status) == ("Concept A", "draft")
