"""Dividing a group of invitees over several sessions (contract: specs/grouping.md).

Staff pick the invitees (organisations) and the sessions; each invitee says through a
personal link which sessions it can attend; the grouping engine proposes who goes
where (as many as possible, sectors spread evenly); staff adjust and publish.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..choices import DivisionState
from .events import Event


def _token() -> str:
    return secrets.token_urlsafe(24)


class Division(models.Model):
    title = models.CharField(_("title"), max_length=200)
    sessions = models.ManyToManyField(Event, verbose_name=_("sessions"), related_name="divisions")
    state = models.CharField(
        _("status"), max_length=12, choices=DivisionState.choices, default=DivisionState.DRAFT
    )
    progress = models.PositiveSmallIntegerField(default=0)
    placed = models.PositiveIntegerField(null=True, blank=True)
    imbalance = models.PositiveIntegerField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    invitations_sent_at = models.DateTimeField(null=True, blank=True)
    solved_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("division over sessions")
        verbose_name_plural = _("divisions over sessions")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:division_detail", kwargs={"pk": self.pk})

    @property
    def is_running(self) -> bool:
        return self.state == DivisionState.SOLVING

    @property
    def is_editable(self) -> bool:
        """Availability, moves and a new calculation are possible until publication."""
        return self.state in {
            DivisionState.DRAFT,
            DivisionState.COLLECTING,
            DivisionState.PROPOSED,
            DivisionState.FAILED,
        }


class DivisionInvitee(models.Model):
    """An invited organisation: its availability (through its personal link) and the
    session the proposal, or the project team, gives it."""

    division = models.ForeignKey(Division, on_delete=models.CASCADE, related_name="invitees")
    organisation = models.ForeignKey(
        "network.Organisation", on_delete=models.CASCADE, related_name="division_invitations"
    )
    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    available_sessions = models.ManyToManyField(Event, blank=True, related_name="+")
    responded_at = models.DateTimeField(null=True, blank=True)
    assigned_session = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["organisation__name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["division", "organisation"], name="invitee_once_per_division"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.division})"

    def get_absolute_url(self) -> str:
        return reverse("events:availability", kwargs={"token": self.token})
