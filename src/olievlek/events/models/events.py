"""A meeting, who registered for it, and what participants do afterwards."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from olievlek.network.choices import PROVINCE_CHOICES, Theme

from ..choices import (
    ACTIVE_STATES,
    Attendance,
    Audience,
    EventKind,
    RegistrationState,
    ReviewState,
)


def _token() -> str:
    return secrets.token_urlsafe(24)


PAST_START = _("The start cannot be in the past. Choose a date and time from now on.")
NO_PLACES = _("A meeting needs at least 1 place; 0 places is not possible.")
PAST_CLOSE = _("Registration cannot close in the past. Choose a moment from now on.")


class Event(models.Model):
    """A meeting of the network. Times are stored in UTC and shown in Europe/Amsterdam.

    `organisation` is the partner that organises it (empty when the project team does);
    `hosts` are the organisations that host or co-host it, e.g. the member that opens its
    doors for a *kijkje in de keuken*.
    """

    kind = models.CharField(_("type"), max_length=12, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("organised by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_events",
    )
    hosts = models.ManyToManyField(
        "network.Organisation",
        verbose_name=_("host organisations"),
        blank=True,
        related_name="hosted_events",
    )
    invited_organisations = models.ManyToManyField(
        "network.Organisation",
        verbose_name=_("invited organisations"),
        blank=True,
        related_name="event_invitations",
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    province = models.CharField(_("province"), max_length=5, choices=PROVINCE_CHOICES, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    capacity = models.PositiveIntegerField(
        _("number of places"),
        validators=[MinValueValidator(1, message=NO_PLACES)],
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    audience = models.CharField(
        _("audience"), max_length=8, choices=Audience.choices, default=Audience.PUBLIC
    )
    review_state = models.CharField(
        _("review"), max_length=10, choices=ReviewState.choices, default=ReviewState.DRAFT
    )
    review_note = models.TextField(_("reason for rejection"), blank=True)
    # A member that proposed this meeting itself: a follow-up taken up by the network.
    proposed_by = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposed_events",
    )
    # iCalendar SEQUENCE: calendar programs replace an event only when it increases.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        indexes = [
            models.Index(fields=["audience", "starts_at"]),
            models.Index(fields=["ends_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        errors = {}
        # A new meeting cannot start in the past; an existing one keeps its date (the
        # service refuses moving it into the past).
        if self._state.adding and self.starts_at and self.starts_at < timezone.now():
            errors["starts_at"] = PAST_START
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The end must be after the start.")
        if not (self.address or self.online_url):
            errors["address"] = _("Give an address, an online meeting link, or both.")
        if self.address and not self.city:
            errors["city"] = _("Give the city of the address.")
        opens, closes = self.registration_opens_at, self.registration_closes_at
        if opens and closes and closes <= opens:
            errors["registration_closes_at"] = _("Registration must close after it opens.")
        if closes and self.ends_at and closes > self.ends_at:
            errors["registration_closes_at"] = _(
                "Registration cannot close after the meeting has ended."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_published(self) -> bool:
        return self.review_state == ReviewState.PUBLISHED

    @property
    def is_past(self) -> bool:
        return self.ends_at <= timezone.now()

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    def registration_status(self, now=None) -> str:
        """'open', 'not_yet', 'closed' (window over or meeting started)."""
        now = now or timezone.now()
        if self.registration_opens_at and now < self.registration_opens_at:
            return "not_yet"
        if (self.registration_closes_at and now >= self.registration_closes_at) or (
            now >= self.starts_at
        ):
            return "closed"
        return "open"

    @property
    def theme_values(self) -> list[str]:
        return [t.theme for t in self.themes.all()]

    @property
    def theme_labels(self) -> list[str]:
        labels = dict(Theme.choices)
        return [labels[t.theme] for t in self.themes.all()]


class EventTheme(models.Model):
    """One of the five themes a meeting is about (a meeting may have several)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="themes")
    theme = models.CharField(_("theme"), max_length=16, choices=Theme.choices)

    class Meta:
        ordering = ["theme"]
        constraints = [models.UniqueConstraint(fields=["event", "theme"], name="event_theme_once")]
        indexes = [models.Index(fields=["theme", "event"])]

    def __str__(self) -> str:
        return f"{self.event}: {self.get_theme_display()}"


class Registration(models.Model):
    """One person at one meeting.

    `sequence` is the arrival order: it is given when the registration enters the queue
    (on registering for members, on confirming the email address for visitors), while
    the meeting row is locked, so it orders both who got a seat and the waiting list.
    """

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    organisation = models.ForeignKey(
        "network.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email address"))
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    state = models.CharField(_("status"), max_length=10, choices=RegistrationState.choices)
    sequence = models.PositiveIntegerField(_("arrival"), null=True, blank=True)
    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    attendance = models.CharField(
        _("attendance"),
        max_length=8,
        choices=Attendance.choices,
        default=Attendance.UNKNOWN,
        blank=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    queued_at = models.DateTimeField(null=True, blank=True)
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["event", "sequence", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(state__in=ACTIVE_STATES),
                name="one_active_registration_per_email",
            ),
            models.UniqueConstraint(
                fields=["event", "sequence"],
                condition=Q(sequence__isnull=False),
                name="one_arrival_per_sequence",
            ),
        ]
        indexes = [models.Index(fields=["event", "state", "sequence"])]

    def __str__(self) -> str:
        return f"{self.name} → {self.event}"

    def get_absolute_url(self) -> str:
        return reverse("events:registration", kwargs={"token": self.token})

    @property
    def is_active(self) -> bool:
        return self.state in ACTIVE_STATES

    @property
    def organisation_label(self) -> str:
        return self.organisation.name if self.organisation_id else self.organisation_name


class FollowUp(models.Model):
    """A *vervolgactiviteit*: what a participant sets out to do after a meeting (the
    follow-up action), on which theme and by when; marked done later."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="follow_ups")
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="follow_ups"
    )
    organisation = models.ForeignKey(
        "network.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_follow_ups",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    description = models.CharField(_("what will you do"), max_length=500)
    theme = models.CharField(_("theme"), max_length=16, choices=Theme.choices)
    due_date = models.DateField(_("by when"))
    done_at = models.DateTimeField(_("done on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")

    def __str__(self) -> str:
        return self.description

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    @property
    def is_overdue(self) -> bool:
        return not self.is_done and self.due_date < timezone.localdate()
