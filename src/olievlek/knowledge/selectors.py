"""Reads of the knowledge and campaign part. Views and the API go through these, so a
filter or a visibility rule means the same everywhere."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)

from olievlek.accounts.access import is_team
from olievlek.network.models import ContactPerson
from olievlek.site.prepared import PreparedQuery

from .choices import RequestStatus, StoryStatus
from .models import (
    CampaignDownload,
    CampaignItem,
    Endorsement,
    ManifestoFactor,
    Story,
    StoryTheme,
    UsageRequest,
)


@dataclass(frozen=True, kw_only=True)
class StoryFilters:
    theme: str = ""
    sector: str = ""
    size_class: str = ""
    province: str = ""


def _story_list(qs: QuerySet[Story]) -> QuerySet[Story]:
    return qs.select_related("organisation").prefetch_related(
        Prefetch("theme_links", queryset=StoryTheme.objects.order_by("theme"))
    )


def stories_published(*, filters: StoryFilters | None = None) -> QuerySet[Story]:
    """Published stories, newest first, filtered by theme and by the organisation's
    sector, size class and province."""
    filters = filters or StoryFilters()
    qs = Story.objects.filter(status=StoryStatus.PUBLISHED)
    if filters.theme:
        qs = qs.filter(Exists(StoryTheme.objects.filter(story=OuterRef("pk"), theme=filters.theme)))
    if filters.sector:
        qs = qs.filter(organisation__sector=filters.sector)
    if filters.size_class:
        qs = qs.filter(organisation__size_class=filters.size_class)
    if filters.province:
        qs = qs.filter(organisation__province=filters.province)
    return _story_list(qs.order_by("-published_at", "-id"))


def user_may_see_story(user, story: Story) -> bool:
    """Published stories are public; drafts only for their organisation and staff."""
    if story.status == StoryStatus.PUBLISHED:
        return True
    if not user.is_authenticated:
        return False
    if is_team(user):
        return True
    return ContactPerson.objects.filter(user=user, organisation_id=story.organisation_id).exists()


def story_get(*, slug: str, user) -> Story | None:
    story = _story_list(Story.objects.filter(slug=slug)).prefetch_related("images").first()
    if story is None or not user_may_see_story(user, story):
        return None
    return story


# The member's own list shows a row per story and no text, themes or organisation: the
# long text fields stay in the database, and the query is compiled once per process.
_own_stories = PreparedQuery(
    lambda organisation_id: (
        Story.objects.filter(organisation=organisation_id)
        .only("organisation_id", "title", "slug", "status", "review_note", "updated_at")
        .order_by("-updated_at", "-id")
    )
)


def stories_of_organisation(*, organisation) -> list[Story]:
    """The organisation's stories for its own list, last changed first."""
    return _own_stories(organisation.pk)


def stories_published_of_organisation(*, organisation) -> QuerySet[Story]:
    return _story_list(
        organisation.stories.filter(status=StoryStatus.PUBLISHED).order_by("-published_at")
    )


# The queue's order: what waits for the team first, then what lies with the member
# (sent back, or not yet submitted), what is done last.
_QUEUE_RANK = Case(
    When(status=StoryStatus.SUBMITTED, then=Value(0)),
    When(status=StoryStatus.CHANGES_REQUESTED, then=Value(1)),
    When(status=StoryStatus.DRAFT, then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)


def story_review_queue(*, status: str = "", q: str = "") -> QuerySet[Story]:
    """Every story for the project team: waiting for review first, the longest waiting
    at the top; then sent back and drafts (last changed first); published last (newest
    first). `status` narrows it to one state in the same order, `q` to a title or
    organisation."""
    qs = Story.objects.filter(status=status) if status else Story.objects.all()
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(organisation__name__icontains=q))
    waiting_since = Case(When(status=StoryStatus.SUBMITTED, then=F("submitted_at")))
    return _story_list(qs).order_by(
        _QUEUE_RANK,
        waiting_since.asc(nulls_last=True),
        F("published_at").desc(nulls_last=True),
        "-updated_at",
        "-id",
    )


def story_counts() -> dict[str, int]:
    rows = Story.objects.values("status").annotate(n=Count("id")).order_by()
    return {row["status"]: row["n"] for row in rows}


def related_stories(*, story: Story, limit: int = 3) -> list[Story]:
    """Other published stories that share a theme, newest first."""
    return list(
        stories_published()
        .filter(theme_links__theme__in=story.themes)
        .exclude(pk=story.pk)
        .distinct()[:limit]
    )


def stories_for_help(*, items, are_offers: bool, per_item: int = 2) -> dict[int, list[Story]]:
    """Published stories to show beside offers or requests (objects with ``pk``,
    ``themes`` and, for offers, matches): first the stories that came from the matches of
    that offer, then stories sharing a theme. Two queries for a whole page."""
    items = list(items)
    themes = sorted({t for item in items for t in item.themes})
    if not items or not themes:
        return {}
    offer_ids = [item.pk for item in items] if are_offers else []
    candidates = list(
        stories_published()
        .filter(Q(theme_links__theme__in=themes) | Q(from_match__offer_id__in=offer_ids))
        .select_related("from_match")
        .distinct()[:60]
    )
    shown: dict[int, list[Story]] = {}
    for item in items:
        own = [
            s
            for s in candidates
            if are_offers and s.from_match and s.from_match.offer_id == item.pk
        ]
        same = [s for s in candidates if s not in own and set(s.themes) & set(item.themes)]
        shown[item.pk] = (own + same)[:per_item]
    return shown


# --- manifesto --------------------------------------------------------------------------


def manifesto_factors() -> QuerySet[ManifestoFactor]:
    return ManifestoFactor.objects.prefetch_related(
        Prefetch(
            "stories",
            queryset=Story.objects.filter(status=StoryStatus.PUBLISHED)
            .select_related("organisation")
            .order_by("-published_at"),
        )
    )


def manifesto_signatories() -> QuerySet[Endorsement]:
    return (
        Endorsement.objects.filter(removed_at__isnull=True)
        .select_related("organisation")
        .order_by("organisation__name")
    )


def endorsement_of(organisation) -> Endorsement | None:
    if organisation is None:
        return None
    return Endorsement.objects.filter(organisation=organisation).first()


def endorsements_backoffice(*, removed: bool = False) -> QuerySet[Endorsement]:
    return (
        Endorsement.objects.filter(removed_at__isnull=not removed)
        .select_related("organisation", "endorsed_by", "removed_by")
        .order_by("organisation__name")
    )


# --- campaign ---------------------------------------------------------------------------


def campaign_library(*, kind: str = "") -> QuerySet[CampaignItem]:
    qs = CampaignItem.objects.filter(is_active=True)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("kind", "title", "id")


def campaign_item_public(*, slug: str) -> CampaignItem | None:
    return CampaignItem.objects.filter(slug=slug, is_active=True).first()


def campaign_items_backoffice(*, q: str = "", kind: str = "") -> QuerySet[CampaignItem]:
    items = CampaignItem.objects.all()
    if q:
        items = items.filter(title__icontains=q)
    if kind:
        items = items.filter(kind=kind)
    return items.annotate(
        download_count=Count("downloads", distinct=True),
        request_count=Count("requests", distinct=True),
        pending_count=Count(
            "requests", filter=Q(requests__status=RequestStatus.PENDING), distinct=True
        ),
    ).order_by("kind", "title", "id")


def usage_requests_of(*, organisation, item: CampaignItem | None = None):
    qs = UsageRequest.objects.filter(organisation=organisation).select_related("item")
    if item is not None:
        qs = qs.filter(item=item)
    return qs.order_by("-created_at", "-id")


def usage_requests_backoffice(*, status: str = "", q: str = "") -> QuerySet[UsageRequest]:
    qs = UsageRequest.objects.select_related("item", "organisation", "requested_by")
    if status:
        qs = qs.filter(status=status)
    if q:
        qs = qs.filter(Q(item__title__icontains=q) | Q(organisation__name__icontains=q))
    return qs.annotate(download_count=Count("downloads")).order_by("-created_at", "-id")


@dataclass(frozen=True)
class CampaignReach:
    total: int
    organisations: int
    per_item: dict[str, int]


def campaign_reach() -> CampaignReach:
    """Downloads of campaign material, for the impact figures: in total, by how many
    organisations, and per item (by slug)."""
    per_item = dict(
        CampaignDownload.objects.values("item__slug")
        .annotate(n=Count("id"))
        .order_by()
        .values_list("item__slug", "n")
    )
    return CampaignReach(
        total=sum(per_item.values()),
        organisations=CampaignDownload.objects.values("organisation").distinct().count(),
        per_item=per_item,
    )
