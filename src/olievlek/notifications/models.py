"""A notification for one person, their choice per kind, and the digests sent."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import Cadence, Kind


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    text = models.CharField(_("text"), max_length=500)
    link = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # Set when the notification went out by mail, on its own or in a digest; a digest
    # only picks up what has not been mailed yet.
    mailed_at = models.DateTimeField(null=True, blank=True)
    # Reminders are sent once: the key names what the reminder is about.
    dedup_key = models.CharField(max_length=120, null=True, blank=True, unique=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return self.text


class Preference(models.Model):
    """How a person wants one kind of notification by mail; without a row: at once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_prefs"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    cadence = models.CharField(
        _("by mail"), max_length=10, choices=Cadence.choices, default=Cadence.AT_ONCE
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}: {self.cadence}"


class Digest(models.Model):
    """One digest per person per period (e.g. ``daily:2026-12-04``, ``weekly:2026-W49``);
    the unique key makes a second run in the same period send nothing."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    period_key = models.CharField(max_length=20)
    count = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "period_key"], name="one_digest_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.period_key}"
