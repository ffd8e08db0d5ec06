from django.db import models
from django.utils.translation import gettext_lazy as _


class RoundState(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


WAS_BAND_LABELS = {
    "poor": _("poor (0-5)"),
    "moderate": _("moderate (6-7)"),
    "good": _("good (8-10)"),
}
THEME_BAND_LABELS = {
    "low": _("mostly disagree"),
    "middle": _("mixed"),
    "high": _("mostly agree"),
}
