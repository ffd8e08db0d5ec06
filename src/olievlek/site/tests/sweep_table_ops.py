"""The permission sweep's rows for operations: health checks and metrics."""

from __future__ import annotations

from .sweep_outcomes import ALL

ROWS: dict[str, list[tuple]] = {
    # For the load balancer: anyone, no login.
    "health_live": [("get", "/health/live", ALL)],
    "health_ready": [("get", "/health/ready", ALL)],
    # The team, or a scraper with METRICS_TOKEN (tests/test_metrics.py); 401 asks for it.
    "metrics": [("get", "/metrics", (401, 403, 403, 403, 200))],
}
