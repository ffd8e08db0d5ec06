"""Changes to an organisation's own profile, by its contacts or by the project team."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass

from django.db import transaction

from olievlek.accounts.access import is_team
from olievlek.audit.services import audit_record
from olievlek.site.cache import bump

from ..choices import Theme
from ..models import Organisation, ProfileChange, ThemeProfile
from .search import reindex_organisation

# What identifies an organisation in public: a contact's change waits for the project
# team (someone could otherwise pose as a well-known employer). The organisation has no
# logo; when it gets one, it belongs here too.
REVIEWED_FIELDS = ("name", "website")

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
    """Update the public profile fields given in `data`; every change is audited.

    When a contact (not the project team) changes a field of `REVIEWED_FIELDS`, that
    change waits for the team's approval as a `ProfileChange` and the old value stays
    public; the other fields change at once. Giving the public value again withdraws
    the waiting change of that field."""
    team = actor is not None and is_team(actor)
    wanted = {name: data[name] for name in EDITABLE_FIELDS if name in data}
    # Check the whole wish first, so that an invalid new name is refused like any field.
    candidate = copy.copy(organisation)
    for name, value in wanted.items():
        setattr(candidate, name, value)
    candidate.full_clean()

    reviewed = {} if team else {n: v for n, v in wanted.items() if n in REVIEWED_FIELDS}
    changed = {
        name: [getattr(organisation, name), value]
        for name, value in wanted.items()
        if name not in reviewed and getattr(organisation, name) != value
    }
    with transaction.atomic():
        if changed:
            for name, (_old, value) in changed.items():
                setattr(organisation, name, value)
            organisation.save()
            transaction.on_commit(lambda: bump("network"))
            transaction.on_commit(lambda: reindex_organisation(organisation))
            audit_record(
                actor=actor, action="organisation.update", target=organisation, changes=changed
            )
        if reviewed:
            profile_change_request(organisation=organisation, actor=actor, wanted=reviewed)
    return organisation


def profile_change_request(*, organisation: Organisation, actor, wanted: Mapping) -> None:
    """Add the wished values of reviewed fields to the organisation's waiting change
    (one at a time), or withdraw the fields whose wish is the public value again."""
    with transaction.atomic():
        pending = (
            ProfileChange.objects.select_for_update()
            .filter(organisation=organisation, state=ProfileChange.State.PENDING)
            .first()
        )
        changes = dict(pending.changes) if pending else {}
        previous = dict(pending.previous) if pending else {}
        for name, value in wanted.items():
            current = getattr(organisation, name)
            if value == current:
                changes.pop(name, None)
                previous.pop(name, None)
            else:
                changes[name] = value
                previous[name] = current
        if pending and changes == pending.changes:
            return
        if not changes:
            if pending:
                pending.delete()
                audit_record(
                    actor=actor, action="organisation.change_withdrawn", target=organisation
                )
            return
        if pending is None:
            pending = ProfileChange(organisation=organisation)
        pending.changes, pending.previous, pending.requested_by = changes, previous, actor
        pending.save()
        audit_record(
            actor=actor,
            action="organisation.change_requested",
            target=organisation,
            changes={name: [previous[name], value] for name, value in changes.items()},
        )


def theme_profiles_update(
    *, organisation: Organisation, actor, entries: Mapping[str, ThemeEntry]
) -> None:
    """Replace what the organisation says per theme. A theme with neither experience
    nor a question for help has no profile row."""
    with transaction.atomic():
        transaction.on_commit(lambda: bump("network"))
        transaction.on_commit(lambda: reindex_organisation(organisation))
        existing = _profiles(organisation)
        before = {t: _theme_summary(p) for t, p in existing.items()}
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
        after = {t: _theme_summary(p) for t, p in _profiles(organisation).items()}
        if after != before:
            audit_record(
                actor=actor,
                action="organisation.themes",
                target=organisation,
                before=before,
                after=after,
            )


def _profiles(organisation: Organisation) -> dict[str, ThemeProfile]:
    return {p.theme: p for p in organisation.theme_profiles.all()}


def _theme_summary(profile: ThemeProfile) -> str:
    """One line per theme for the audit log: what the organisation says it has and asks."""
    parts = []
    if profile.has_experience:
        parts.append(f"experience: {profile.experience}".strip(" :"))
    if profile.wants_help:
        parts.append(f"help: {profile.help_question}".strip(" :"))
    return "; ".join(parts)
