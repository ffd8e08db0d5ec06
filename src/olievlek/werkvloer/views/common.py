from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from olievlek.engines import scan
from olievlek.network.choices import Theme

from ..choices import THEME_BAND_LABELS, WAS_BAND_LABELS

THEME_LABELS = dict(Theme.choices)
# Why a figure is hidden, in words the employer understands.
REASONS = {
    scan.SMALL: _(
        "Hidden: fewer than the minimum number of people answered, so the answers could be "
        "traced back to someone."
    ),
    scan.COMPLEMENT: _(
        "Hidden as well: otherwise the organisation's total minus the other teams would "
        "show the answers of a small team."
    ),
    scan.SERIES: _(
        "Hidden: compared with an earlier round, this group changed by only a few people, "
        "so comparing the two rounds would show their answers."
    ),
}


def result_context() -> dict:
    return {
        "theme_band_labels": [THEME_BAND_LABELS[b] for b in scan.THEME_BANDS],
        "was_band_labels": [WAS_BAND_LABELS[b] for b in scan.WAS_BANDS],
    }
