from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    MATCH = "match", _("Pay it Forward")
    MEETING = "meeting", _("Meetings")
    STORY = "story", _("Stories")
    INVITATION = "invitation", _("Invitations")
    REMINDER = "reminder", _("Reminders")
    WORK = "work", _("Work for the project team")


class Cadence(models.TextChoices):
    AT_ONCE = "at_once", _("At once (a mail per notification)")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")
    NEVER = "never", _("Never by mail")


DIGEST_CADENCES = (Cadence.DAILY, Cadence.WEEKLY)
