"""Reference tables shared by the engines and the Django apps (shared/data)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

THEMES: tuple[str, ...] = ("betrokkenheid", "organisatie", "gezondheid", "ontwikkeling", "apk")
SIZE_CLASSES: tuple[str, ...] = ("micro", "klein", "midden", "groot")


def _load(name: str) -> dict:
    return json.loads(resources.files("olievlek.engines.data").joinpath(name).read_text("utf-8"))


@cache
def provinces() -> dict[str, dict]:
    """Province code -> {"name", "neighbours"} (ISO 3166-2:NL)."""
    return {p["code"]: p for p in _load("provinces.json")["provinces"]}


@cache
def neighbours() -> dict[str, frozenset[str]]:
    return {code: frozenset(p["neighbours"]) for code, p in provinces().items()}


@cache
def sectors() -> dict[str, str]:
    """SBI section letter -> Dutch name."""
    return {s["code"]: s["name"] for s in _load("sectors.json")["sections"]}


@cache
def size_classes() -> list[dict]:
    return _load("sectors.json")["size_classes"]
