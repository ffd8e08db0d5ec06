"""Readable names for audit actions. Apps register theirs in `AppConfig.ready()`, so the
log reads as sentences instead of codes."""

from __future__ import annotations

from django.utils.functional import Promise

_LABELS: dict[str, str | Promise] = {}


def register_action_labels(labels: dict[str, str | Promise]) -> None:
    _LABELS.update(labels)


def action_label(action: str) -> str | Promise:
    return _LABELS.get(action, action)
