"""Writes to the search index. Every content change that is public goes through here,
inside the transaction of the change, so the index never shows what is not there."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils.html import strip_tags

from olievlek.engines.search_text import stem_text
from olievlek.network.choices import Status

from .. import links
from ..choices import DocumentKind, StoryStatus
from ..models import SearchDocument, Story

FTS_TABLE = "knowledge_search_fts"


@dataclass(frozen=True, kw_only=True)
class Document:
    kind: str
    object_id: int
    title: str
    body: str
    themes: tuple[str, ...]
    url: str
    meta: str = ""
    lines: tuple[links.LineRef, ...] = ()


def _themes_field(themes: Iterable[str]) -> str:
    themes = sorted(set(themes))
    return f" {' '.join(themes)} " if themes else ""


def _lines_fields(lines: Iterable[links.LineRef]) -> dict[str, str]:
    lines = list(lines)
    ids = sorted({pk for pk, _name in lines})
    return {
        "lines": f" {' '.join(map(str, ids))} " if ids else "",
        "line_names": "\n".join(name for _pk, name in lines),
    }


def fts_tags(row: SearchDocument) -> str:
    """Type, themes and programme lines as FTS5 tokens (`kindstory themegezondheid
    line3`): no stem of a Dutch word looks like these, and queries search title and text
    only."""
    return " ".join(
        [
            f"kind{row.kind}",
            *(f"theme{t}" for t in row.themes.split()),
            *(f"line{pk}" for pk in row.lines.split()),
        ]
    )


def _fts_replace(rows: list[SearchDocument]) -> None:
    """SQLite only: put the stemmed text of `rows` into the FTS5 table."""
    if connection.vendor != "sqlite" or not rows:
        return
    with connection.cursor() as cursor:
        cursor.executemany(
            f"DELETE FROM {FTS_TABLE} WHERE rowid = %s",  # noqa: S608 - constant table name
            [(row.pk,) for row in rows],
        )
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, title, body, tags) "  # noqa: S608
            "VALUES (%s, %s, %s, %s)",
            [(row.pk, stem_text(row.title), stem_text(row.body), fts_tags(row)) for row in rows],
        )


def _fts_delete(ids: list[int]) -> None:
    if connection.vendor != "sqlite" or not ids:
        return
    with connection.cursor() as cursor:
        cursor.executemany(
            f"DELETE FROM {FTS_TABLE} WHERE rowid = %s",  # noqa: S608
            [(pk,) for pk in ids],
        )


def _write(document: Document) -> SearchDocument:
    with transaction.atomic():
        row, _created = SearchDocument.objects.update_or_create(
            kind=document.kind,
            object_id=document.object_id,
            defaults={
                "title": document.title[:300],
                "body": document.body,
                "themes": _themes_field(document.themes),
                "url": document.url[:300],
                "meta": document.meta[:300],
                **_lines_fields(document.lines),
            },
        )
        _fts_replace([row])
    return row


def search_remove(*, kind: str, object_id: int) -> None:
    with transaction.atomic():
        ids = list(
            SearchDocument.objects.filter(kind=kind, object_id=object_id).values_list(
                "pk", flat=True
            )
        )
        SearchDocument.objects.filter(pk__in=ids).delete()
        _fts_delete(ids)


# Where a block ends or a line breaks, the words on either side are separate words; strip
# tags alone would glue "<p>one</p><p>two</p>" into "onetwo" in the index and the snippet.
_BREAKS = re.compile(
    r"<br\s*/?>|</(?:p|li|h[1-6]|td|th|tr|blockquote|pre|div|dd|dt)\s*>", re.IGNORECASE
)


def _plain(markup: str) -> str:
    return html.unescape(strip_tags(_BREAKS.sub("\\g<0>\n", markup)))


def story_document(story: Story) -> Document:
    organisation = story.organisation
    return Document(
        kind=DocumentKind.STORY,
        object_id=story.pk,
        title=story.title,
        body=f"{story.lead}\n{_plain(story.body_html)}\n{organisation.name}",
        themes=tuple(story.themes),
        url=story.get_absolute_url(),
        meta=f"{organisation.name}, {organisation.city}",
        lines=links.lines_of(story),
    )


def organisation_document(organisation, lines: tuple[links.LineRef, ...] | None = None) -> Document:
    """`lines`: the organisation's lines when the caller has them (a full reindex reads
    them for all organisations at once)."""
    if lines is None:
        lines = links.organisation_lines([organisation.pk]).get(organisation.pk, ())
    profiles = list(organisation.theme_profiles.all())
    experience = [p.experience for p in profiles if p.has_experience and p.experience]
    return Document(
        kind=DocumentKind.ORGANISATION,
        object_id=organisation.pk,
        title=organisation.name,
        body="\n".join(
            [
                organisation.description,
                organisation.city,
                organisation.get_province_display(),
                organisation.get_sector_display(),
                *experience,
            ]
        ),
        themes=tuple(p.theme for p in profiles if p.has_experience),
        url=organisation.get_absolute_url(),
        meta=f"{organisation.city} · {organisation.get_sector_display()}",
        lines=lines,
    )


def event_document(event) -> Document:
    data = links.event_document(event)
    return Document(
        kind=DocumentKind.EVENT,
        object_id=event.pk,
        title=data["title"],
        body=data["body"],
        themes=tuple(data["themes"]),
        url=data["url"],
        meta=f"{data['start']:%d-%m-%Y %H:%M}",
        lines=links.lines_of(event),
    )


def search_index_story(*, story: Story) -> None:
    """Index a published story; any other story is taken out of the index."""
    if story.status == StoryStatus.PUBLISHED:
        _write(story_document(story))
    else:
        search_remove(kind=DocumentKind.STORY, object_id=story.pk)


def search_index_organisation(*, organisation) -> None:
    """Index an approved organisation; others are taken out of the index."""
    if organisation.status == Status.APPROVED:
        _write(organisation_document(organisation))
    else:
        search_remove(kind=DocumentKind.ORGANISATION, object_id=organisation.pk)


def search_index_event(*, event) -> None:
    """Index a meeting if the meetings app counts it as public, otherwise remove it."""
    public = links.public_events()
    is_public = public.filter(pk=event.pk).exists() if not isinstance(public, list) else False
    if is_public:
        _write(event_document(event))
    else:
        search_remove(kind=DocumentKind.EVENT, object_id=event.pk)


def search_index_tagged(*, obj) -> None:
    """After the programme lines of a story, meeting or Pay it Forward offer changed:
    reindex it and the organisations whose lines follow from it (`links.organisations_behind`)."""
    label = obj._meta.label
    if label == "knowledge.Story":
        search_index_story(story=obj)
    elif label == "events.Event":
        search_index_event(event=obj)
    for organisation in links.organisations_behind(obj):
        search_index_organisation(organisation=organisation)


def search_reindex_objects(
    *, story_ids: Iterable[int] = (), event_ids: Iterable[int] = (), organisation_ids=()
) -> None:
    """Reindex these stories, meetings and organisations from the database (each is
    indexed or removed as its state says; one that no longer exists is removed)."""
    from olievlek.network.models import Organisation

    with transaction.atomic():
        story_ids, organisation_ids = set(story_ids), set(organisation_ids)
        stories = Story.objects.select_related("organisation").in_bulk(story_ids)
        for pk in sorted(story_ids):
            if pk in stories:
                search_index_story(story=stories[pk])
            else:
                search_remove(kind=DocumentKind.STORY, object_id=pk)
        Event = links.event_model()
        events = Event.objects.in_bulk(set(event_ids)) if Event is not None else {}
        for pk in sorted(set(event_ids)):
            if pk in events:
                search_index_event(event=events[pk])
            else:
                search_remove(kind=DocumentKind.EVENT, object_id=pk)
        lines = links.organisation_lines(organisation_ids)
        organisations = Organisation.objects.in_bulk(organisation_ids)
        for pk in sorted(organisation_ids):
            organisation = organisations.get(pk)
            if organisation is not None and organisation.status == Status.APPROVED:
                _write(organisation_document(organisation, lines.get(pk, ())))
            else:
                search_remove(kind=DocumentKind.ORGANISATION, object_id=pk)


def search_index_line(*, line) -> None:
    """After a line was renamed, switched on or off: reindex everything it tags."""
    search_reindex_objects(**links.line_tagged(line))


def _all_documents() -> Iterable[Document]:
    from django.db.models import Prefetch

    from olievlek.network.models import Organisation, ThemeProfile

    with_lines = ("programme_lines",) if links.programme_installed() else ()
    stories = (
        Story.objects.filter(status=StoryStatus.PUBLISHED)
        .select_related("organisation")
        .prefetch_related("theme_links", *with_lines)
    )
    for story in stories.iterator(chunk_size=500):
        yield story_document(story)
    organisations = Organisation.objects.filter(status=Status.APPROVED).prefetch_related(
        Prefetch("theme_profiles", queryset=ThemeProfile.objects.order_by("theme"))
    )
    lines = links.organisation_lines()
    for organisation in organisations.iterator(chunk_size=500):
        yield organisation_document(organisation, lines.get(organisation.pk, ()))
    events = links.public_events()
    if events is not None:
        for event in events.prefetch_related(*with_lines).iterator(chunk_size=500):
            yield event_document(event)


def search_reindex(*, documents: Iterable[Document] | None = None, batch: int = 1000) -> int:
    """Rebuild the whole index (from the database, or from `documents`); returns the
    number of documents indexed."""
    count = 0
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {FTS_TABLE}")  # noqa: S608
        pending: list[SearchDocument] = []
        for document in documents if documents is not None else _all_documents():
            pending.append(
                SearchDocument(
                    kind=document.kind,
                    object_id=document.object_id,
                    title=document.title[:300],
                    body=document.body,
                    themes=_themes_field(document.themes),
                    url=document.url[:300],
                    meta=document.meta[:300],
                    **_lines_fields(document.lines),
                )
            )
            if len(pending) >= batch:
                count += _flush(pending)
                pending = []
        count += _flush(pending)
    return count


def _flush(rows: list[SearchDocument]) -> int:
    if not rows:
        return 0
    created = SearchDocument.objects.bulk_create(rows)
    _fts_replace(created)
    return len(created)
