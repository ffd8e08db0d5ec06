"""The minimum group of the self-scan may be configured, but never below 5."""

from django.conf import settings
from django.core.checks import Error, register

from olievlek.engines.scan import MIN_GROUP


@register()
def minimum_group_check(app_configs, **kwargs):
    configured = getattr(settings, "OLIEVLEK_SCAN_MIN_GROUP", MIN_GROUP)
    if configured < MIN_GROUP:
        return [
            Error(
                f"OLIEVLEK_SCAN_MIN_GROUP is {configured}; it may not be below {MIN_GROUP}.",
                hint="Anonymous team results need groups of at least 5 respondents.",
                id="werkvloer.E001",
            )
        ]
    return []
