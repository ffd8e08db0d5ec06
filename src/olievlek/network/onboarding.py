"""The checklist a new member sees on its start page until every step is done. It is
computed from what the organisation did, never stored; the steps of other apps count
only when those apps are installed."""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _


@dataclass(frozen=True, kw_only=True)
class Step:
    label: str
    done: bool
    url: str


def _exists(organisation, relation: str, condition: Q | None = None) -> Exists:
    """Whether the organisation has a row through the reverse relation `relation`; the
    relations of other apps are reached by name, so this module imports none of them."""
    remote = type(organisation)._meta.get_field(relation)
    rows = remote.related_model.objects.filter(**{remote.field.name: OuterRef("pk")})
    return Exists(rows.filter(condition) if condition is not None else rows)


def _progress(organisation) -> dict[str, bool]:
    """Every step's evidence in one query (the start page is the most visited member page)."""
    checks = {"themes": _exists(organisation, "theme_profiles")}
    if apps.is_installed("olievlek.payitforward"):
        checks["offers"] = _exists(organisation, "pif_offers")
        checks["requests"] = _exists(organisation, "pif_requests")
    if apps.is_installed("olievlek.events"):
        checks["registrations"] = _exists(organisation, "event_registrations")
    if apps.is_installed("olievlek.knowledge"):
        checks["stories"] = _exists(organisation, "stories", ~Q(status="draft"))
    names = {f"has_{name}": check for name, check in checks.items()}
    row = type(organisation).objects.filter(pk=organisation.pk).values(**names).get()
    return {name: row[f"has_{name}"] for name in checks}


def onboarding_steps(*, organisation) -> list[Step]:
    done = _progress(organisation)
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
