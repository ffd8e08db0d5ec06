"""Creating and changing programme lines, and tagging objects with them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.db import transaction
from django.utils.text import slugify

from olievlek.audit.services import audit_record
from olievlek.knowledge.links import line_tagged
from olievlek.knowledge.markdown import render_markdown
from olievlek.knowledge.search import search_index_tagged, search_reindex_objects

from .models import ProgrammeLine

FIELDS = ("name", "description", "lead_user", "lead_organisation", "is_active")
# Changes that alter a line in the search index (its name, its organisations, being shown).
REINDEX_ON = {"name", "is_active", "lead_organisation"}


def _unique_slug(line: ProgrammeLine) -> str:
    base = slugify(line.name)[:160] or "lijn"
    taken = set(
        ProgrammeLine.objects.filter(slug__startswith=base)
        .exclude(pk=line.pk)
        .values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def line_create(*, actor, data: Mapping) -> ProgrammeLine:
    line = ProgrammeLine(**{f: data[f] for f in FIELDS if f in data})
    line.slug = _unique_slug(line)
    line.description_html = render_markdown(line.description)
    line.full_clean()
    with transaction.atomic():
        line.save()
        audit_record(actor=actor, action="programme.line_create", target=line)
    return line


def line_update(*, line: ProgrammeLine, actor, data: Mapping) -> ProgrammeLine:
    """Change a line; when its name, whether it is shown or its partner changes, what it
    tags is reindexed: search results show and filter by the active lines."""
    changed = {}
    for name in FIELDS:
        if name in data and getattr(line, name) != data[name]:
            changed[name] = [str(getattr(line, name)), str(data[name])]
            setattr(line, name, data[name])
    line.description_html = render_markdown(line.description)
    line.full_clean(exclude=["slug"])
    with transaction.atomic():
        # Read from the database before the save: a partner that no longer leads the
        # line no longer takes part in it.
        before = line_tagged(line) if REINDEX_ON & set(changed) else None
        line.save()
        audit_record(actor=actor, action="programme.line_update", target=line, changes=changed)
        if before is not None:
            after = line_tagged(line)
            search_reindex_objects(**{key: {*before[key], *after[key]} for key in after})
    return line


def line_delete(*, line: ProgrammeLine, actor) -> None:
    """Delete a line: its tags go with it, and what it tagged is reindexed without it."""
    with transaction.atomic():
        tagged = line_tagged(line)
        audit_record(actor=actor, action="programme.line_delete", target=line, name=line.name)
        line.delete()
        search_reindex_objects(**tagged)


def set_lines(*, obj, lines: Iterable[ProgrammeLine]) -> None:
    """Tag a meeting, story, campaign item or offer with exactly `lines`, and keep the
    search index's lines of it (and of the organisations behind it) current."""
    with transaction.atomic():
        obj.programme_lines.set(lines)
        search_index_tagged(obj=obj)
