"""The permission sweep's rows added on the `search` branch."""

from __future__ import annotations

from .sweep_outcomes import LOGIN, SETUP_2FA

ROWS: dict[str, list[tuple]] = {
    "programme:bo_delete": [
        ("get", "/beheer/programmalijnen/999999/verwijderen", (LOGIN, 403, 403, SETUP_2FA, 404))
    ],
}
