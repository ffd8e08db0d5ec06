"""The checklist a new member sees on its start page until every step is done. It is
computed from what the organisation did, never stored; the steps of other apps count
only when those apps are installed."""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.urls import reverse
from django.utils.translation import gettext as _


@dataclass(frozen=True, kw_only=True)
class Step:
    label: str
    done: bool
    url: str


def onboarding_steps(*, organisation) -> list[Step]:
    steps = [
        Step(
            label=_("Complete your profile (description and website)"),
            done=bool(organisation.description.strip() and organisation.website),
            url=reverse("network:member_profile"),
        ),
        Step(
            label=_("Choose your themes"),
            done=organisation.theme_profiles.exists(),
            url=reverse("network:member_themes"),
        ),
    ]
    if apps.is_installed("olievlek.payitforward"):
        steps.append(
            Step(
                label=_("Offer help or ask for help (Pay it Forward)"),
                done=organisation.pif_offers.exists() or organisation.pif_requests.exists(),
                url=reverse("payitforward:member_home"),
            )
        )
    if apps.is_installed("olievlek.events"):
        steps.append(
            Step(
                label=_("Register for your first meeting"),
                done=organisation.event_registrations.exists(),
                url=reverse("events:calendar"),
            )
        )
    if apps.is_installed("olievlek.knowledge"):
        steps.append(
            Step(
                label=_("Share your first story"),
                done=organisation.stories.exclude(status="draft").exists(),
                url=reverse("knowledge:my_stories"),
            )
        )
    return steps


def onboarding_open(*, organisation) -> list[Step]:
    """The steps, or nothing once all are done."""
    steps = onboarding_steps(organisation=organisation)
    return [] if all(step.done for step in steps) else steps
