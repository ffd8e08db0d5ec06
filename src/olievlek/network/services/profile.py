"""Changes to an organisation's own profile, by its contacts or by the project team."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.db import transaction

from olievlek.accounts.access import is_team
from olievlek.audit.services import audit_record
from olievlek.site.cache import bump

from ..choices import Theme
from ..models import Organisation, ThemeProfile
from .search import reindex_organisation

EDITABLE_FIELDS = (
    "name",
    "city",
    "province",
    "sector",
    "size_class",
    "website",
    "description",
    "email",
    "phone",
)


@dataclass(frozen=True, kw_only=True)
class ThemeEntry:
    has_experience: bool = False
    experience: str = ""
    wants_help: bool = False
    help_question: str = ""


def organisation_update(*, organisation: Organisation, actor, data: Mapping) -> Organisation:
    """Update the public profile fields given in `data`; staff changes are audited."""
    changed = {}
    for name in EDITABLE_FIELDS:
        if name in data and getattr(organisation, name) != data[name]:
            changed[name] = [getattr(organisation, name), data[name]]
            setattr(organisation, name, data[name])
    if not changed:
        return organisation
    organisation.full_clean()
    with transaction.atomic():
        organisation.save()
        transaction.on_commit(lambda: bump("network"))
        transaction.on_commit(lambda: reindex_organisation(organisation))
        if actor is not None and is_team(actor):
            audit_record(
                actor=actor, action="organisation.update", target=organisation, changes=changed
            )
    return organisation


def theme_profiles_update(
    *, organisation: Organisation, actor, entries: Mapping[str, ThemeEntry]
) -> None:
    """Replace what the organisation says per theme. A theme with neither experience
    nor a question for help has no profile row."""
    with transaction.atomic():
        transaction.on_commit(lambda: bump("network"))
        transaction.on_commit(lambda: reindex_organisation(organisation))
        existing = {p.theme: p for p in organisation.theme_profiles.all()}
        for theme in Theme.values:
            entry = entries.get(theme, ThemeEntry())
            keep = entry.has_experience or entry.wants_help
            profile = existing.get(theme)
            if not keep:
                if profile:
                    profile.delete()
                continue
            profile = profile or ThemeProfile(organisation=organisation, theme=theme)
            profile.has_experience = entry.has_experience
            profile.experience = entry.experience if entry.has_experience else ""
            profile.wants_help = entry.wants_help
            profile.help_question = entry.help_question if entry.wants_help else ""
            profile.full_clean()
            profile.save()
        if actor is not None and is_team(actor):
            audit_record(
                actor=actor,
                action="organisation.themes",
                target=organisation,
                themes=sorted(t for t, e in entries.items() if e.has_experience or e.wants_help),
            )
