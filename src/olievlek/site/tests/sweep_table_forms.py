"""The permission sweep's rows for the pages and endpoints of the forms-and-texts work."""

from __future__ import annotations

from .sweep_outcomes import ALL, API_ALL

ROWS: dict[str, list[tuple]] = {
    "api-index": [("get", "/api/v1/", API_ALL)],
}
