"""The permission sweep's rows for the back office's bulk actions and undo (branch
bolists)."""

from __future__ import annotations

from .sweep_outcomes import TEAM_POST

ROWS: dict[str, list[tuple]] = {
    "backoffice:queue_bulk": [("post", "/beheer/aanmeldingen/goedkeuren", TEAM_POST)],
    "knowledge:backoffice_story_bulk": [("post", "/beheer/verhalen/publiceren", TEAM_POST)],
    "knowledge:backoffice_story_unpublish": [
        ("post", "/beheer/verhalen/{story_a.pk}/offline", TEAM_POST)
    ],
}
