"""The checklist a new member sees on its start page until every step is done. It is
computed from what the organisation did, never stored; the steps of other apps count
only when those apps are installed."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.apps import apps
from django.db import connection
from django.urls import reverse
from django.utils.translation import gettext as _


@dataclass(frozen=True, kw_only=True)
class Step:
    label: str
    done: bool
    url: str


@dataclass(frozen=True)
class _Evidence:
    """A step's evidence: a row of the organisation through the reverse relation
    `relation`, optionally only rows whose `column` compares (`operator`) to `value`."""

    relation: str
    column: str = ""
    operator: str = "="
    value: str = ""


def _evidence() -> dict[str, _Evidence]:
    """The relations of other apps are reached by name, so this module imports none.
    `change_waiting` is no step: the start page shows a change of name or website that
    waits for review, and asking here saves it a query when there is none (nearly always)."""
    from olievlek.network.models import ProfileChange

    waiting = str(ProfileChange.State.PENDING)
    evidence = {
        "themes": _Evidence("theme_profiles"),
        "change_waiting": _Evidence("profile_changes", "state", "=", waiting),
    }
    if apps.is_installed("olievlek.payitforward"):
        evidence["offers"] = _Evidence("pif_offers")
        evidence["requests"] = _Evidence("pif_requests")
    if apps.is_installed("olievlek.events"):
        evidence["registrations"] = _Evidence("event_registrations")
    if apps.is_installed("olievlek.knowledge"):
        evidence["stories"] = _Evidence("stories", "status", "<>", "draft")
    return evidence


@functools.cache
def _progress_sql(vendor: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """One SELECT of EXISTS per step, written once per process: the start page is the
    most visited member page, and the ORM spent over a millisecond compiling this query
    on every visit. Returns the SQL, the step names and the parameters per step."""
    from olievlek.network.models import Organisation

    quote = connection.ops.quote_name
    columns, names, params = [], [], []
    for name, evidence in _evidence().items():
        remote = Organisation._meta.get_field(evidence.relation)
        table = quote(remote.related_model._meta.db_table)
        condition = f"{quote(remote.field.column)} = %s"
        params.append("organisation")
        if evidence.column:
            condition += f" AND {quote(evidence.column)} {evidence.operator} %s"
            params.append(evidence.value)
        # Names from the models, quoted; every value is a parameter.
        columns.append(f"EXISTS (SELECT 1 FROM {table} WHERE {condition})")  # noqa: S608
        names.append(name)
    return "SELECT " + ", ".join(columns), tuple(names), tuple(params)


def _progress(organisation) -> dict[str, bool]:
    """Every step's evidence in one query."""
    sql, names, params = _progress_sql(connection.vendor)
    values = [organisation.pk if p == "organisation" else p for p in params]
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        row = cursor.fetchone()
    return {name: bool(value) for name, value in zip(names, row, strict=True)}


def onboarding_steps(*, organisation) -> list[Step]:
    done = _progress(organisation)
    if not done["change_waiting"]:
        organisation.profile_change_waiting = None  # the cached_property, known now
    steps = [
        Step(
            label=_("Complete your profile (description and website)"),
            done=bool(organisation.description.strip() and organisation.website),
            url=reverse("network:member_profile"),
        ),
        Step(
            label=_("Choose your themes"),
            done=done["themes"],
            url=reverse("network:member_themes"),
        ),
    ]
    if apps.is_installed("olievlek.payitforward"):
        steps.append(
            Step(
                label=_("Offer help or ask for help (Pay it Forward)"),
                done=done["offers"] or done["requests"],
                url=reverse("payitforward:member_home"),
            )
        )
    if apps.is_installed("olievlek.events"):
        steps.append(
            Step(
                label=_("Register for your first meeting"),
                done=done["registrations"],
                url=reverse("events:calendar"),
            )
        )
    if apps.is_installed("olievlek.knowledge"):
        steps.append(
            Step(
                label=_("Share your first story"),
                done=done["stories"],
                url=reverse("knowledge:my_stories"),
            )
        )
    return steps


def onboarding_open(*, organisation) -> list[Step]:
    """The steps, or nothing once all are done."""
    steps = onboarding_steps(organisation=organisation)
    return [] if all(step.done for step in steps) else steps
