"""The permission sweep's rows for the pages and endpoints of the forms-and-texts work."""

from __future__ import annotations

from .sweep_outcomes import API_ALL, LOGIN

ROWS: dict[str, list[tuple]] = {
    "api-index": [("get", "/api/v1/", API_ALL)],
    "markdown_preview": [
        ("post", "/markdown/voorbeeld", (LOGIN, 200, 200, 200, 200), {"text": "**a**"})
    ],
}
