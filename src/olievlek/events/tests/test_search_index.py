"""Changes to meetings reach the site search without a manual reindex."""

from __future__ import annotations

import pytest

from olievlek.knowledge.search import search

from ..choices import Audience
from ..services.events import event_update
from .factories import EventFactory

pytestmark = pytest.mark.django_db


def titles(q: str) -> list[str]:
    _results, hits = search(q=q, kind="event")
    return [hit.title for hit in hits[:50]]


def test_a_changed_public_meeting_is_found_and_a_members_only_one_is_not(
    staff_user, django_capture_on_commit_callbacks
):
    event = EventFactory(title="Bijeenkomst")
    with django_capture_on_commit_callbacks(execute=True):
        event_update(
            event=event,
            actor=staff_user,
            data={"title": "Vitaliteitsmiddag"},
            themes=["gezondheid"],
        )
    assert titles("vitaliteitsmiddag") == ["Vitaliteitsmiddag"]
    with django_capture_on_commit_callbacks(execute=True):
        event_update(
            event=event,
            actor=staff_user,
            data={"audience": Audience.MEMBERS},
            themes=["gezondheid"],
        )
    assert titles("vitaliteitsmiddag") == []
