"""Creating and changing programme lines, and tagging objects with them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.db import transaction
from django.utils.text import slugify

from olievlek.audit.services import audit_record
from olievlek.knowledge.markdown import render_markdown

from .models import ProgrammeLine

FIELDS = ("name", "description", "lead_user", "lead_organisation", "is_active")


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
    changed = {}
    for name in FIELDS:
        if name in data and getattr(line, name) != data[name]:
            changed[name] = [str(getattr(line, name)), str(data[name])]
            setattr(line, name, data[name])
    line.description_html = render_markdown(line.description)
    line.full_clean(exclude=["slug"])
    with transaction.atomic():
        line.save()
        audit_record(actor=actor, action="programme.line_update", target=line, changes=changed)
    return line


def set_lines(*, obj, lines: Iterable[ProgrammeLine]) -> None:
    """Tag a meeting, story, campaign item or offer with exactly `lines`."""
    obj.programme_lines.set(lines)
