"""Impact figures that no other app records: the visitor survey, cookieless page counts,
campaign activities, and the business cases members save.

Privacy: a survey answer keeps only its day, never a time, address or cookie. Page
visits are counted per day and path group; a visitor is recognised within one day by a
hash of a daily salt (kept in the cache, never here), the address and the user agent
(`VisitorSeen`); the hashes are deleted once the day is over, so only the counts remain.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from olievlek.network.choices import PROVINCE_CHOICES, SECTOR_CHOICES, SizeClass, Theme

from .choices import ActivityKind, Scale, YesNo


def _today():
    return timezone.localdate()


def _scale(label):
    return models.PositiveSmallIntegerField(label, choices=Scale.choices, null=True, blank=True)


class SurveyResponse(models.Model):
    answered_on = models.DateField(_("answered on"), default=_today, db_index=True)
    knows_better = _scale(_("knows better what to do"))
    more_convinced = _scale(_("more convinced"))
    wants_more = _scale(_("wants to know more"))
    more_willing = _scale(_("more willing to invest"))
    is_employer = models.CharField(
        _("answers for an employer"), max_length=3, choices=YesNo.choices, blank=True
    )
    size_class = models.CharField(
        _("size of the organisation"), max_length=6, choices=SizeClass.choices, blank=True
    )
    sector = models.CharField(_("sector"), max_length=1, choices=SECTOR_CHOICES, blank=True)

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        ordering = ["-answered_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.answered_on} #{self.pk}"


class VisitorSeen(models.Model):
    """A visitor (salted hash) seen today in a path group: only to count it once."""

    day = models.DateField()
    group = models.CharField(max_length=40)
    digest = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "group", "digest"], name="impact_seen_once")
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.group}"


class DailyVisits(models.Model):
    """Unique visitors and page views of one path group on one day (group `*`: the whole
    site)."""

    day = models.DateField(_("day"))
    group = models.CharField(_("pages"), max_length=40)
    visitors = models.PositiveIntegerField(_("visitors"), default=0)
    page_views = models.PositiveIntegerField(_("page views"), default=0)

    class Meta:
        verbose_name = _("daily visits")
        verbose_name_plural = _("daily visits")
        constraints = [
            models.UniqueConstraint(fields=["day", "group"], name="impact_visits_day_group")
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.group}"


class CampaignActivity(models.Model):
    """A radio spot, banner, advertisement or press moment, with the reach staff estimate."""

    kind = models.CharField(_("kind"), max_length=8, choices=ActivityKind.choices)
    title = models.CharField(_("title"), max_length=200)
    started_on = models.DateField(_("from"))
    ended_on = models.DateField(_("until"), null=True, blank=True)
    estimated_reach = models.PositiveIntegerField(
        _("estimated reach"), help_text=_("How many people it reached, as estimated.")
    )
    province = models.CharField(
        _("province"),
        max_length=5,
        choices=PROVINCE_CHOICES,
        blank=True,
        help_text=_("Leave empty for a national activity."),
    )
    theme = models.CharField(_("theme"), max_length=16, choices=Theme.choices, blank=True)
    notes = models.TextField(_("notes"), blank=True, max_length=2000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("campaign activity")
        verbose_name_plural = _("campaign activities")
        ordering = ["-started_on", "-pk"]
        indexes = [models.Index(fields=["started_on"])]

    def __str__(self) -> str:
        return self.title


class BusinessCase(models.Model):
    """A member's saved calculation: the inputs only, the figures are recalculated."""

    organisation = models.ForeignKey(
        "network.Organisation", on_delete=models.CASCADE, related_name="business_cases"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    name = models.CharField(_("name"), max_length=120)
    inputs = models.JSONField(_("inputs"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("business case")
        verbose_name_plural = _("business cases")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.name


__all__ = [
    "BusinessCase",
    "CampaignActivity",
    "DailyVisits",
    "SurveyResponse",
    "VisitorSeen",
]
