"""The member directory: organisations, their theme profiles and their contact people."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from olievlek.site.prepared import PreparedQuery, first_only

from .choices import PROVINCE_CHOICES, SECTOR_CHOICES, SizeClass, Source, Status, Theme

kvk_validator = RegexValidator(
    r"^\d{8}$", _("A KvK number has exactly 8 digits."), code="invalid_kvk"
)


class Organisation(models.Model):
    """An employer or partner in the network.

    A *koploper* (front-runner) is an employer with a proven approach; an *ambassadeur*
    (figurehead) speaks for the programme in public; a partner is a branch organisation
    or sounding-board member that co-hosts meetings.
    """

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kvk_number = models.CharField(
        _("KvK number"), max_length=8, unique=True, validators=[kvk_validator]
    )
    city = models.CharField(_("city"), max_length=100)
    province = models.CharField(_("province"), max_length=5, choices=PROVINCE_CHOICES)
    sector = models.CharField(_("sector"), max_length=1, choices=SECTOR_CHOICES)
    size_class = models.CharField(_("size class"), max_length=6, choices=SizeClass.choices)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("about the organisation"), blank=True, max_length=2000)
    email = models.EmailField(_("general email address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)

    is_koploper = models.BooleanField(_("front-runner"), default=False)
    is_ambassador = models.BooleanField(_("ambassador"), default=False)
    is_partner = models.BooleanField(_("partner organisation"), default=False)

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    status_reason = models.TextField(_("reason"), blank=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source = models.CharField(
        _("source"), max_length=12, choices=Source.choices, default=Source.REGISTRATION
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [
            models.Index(fields=["status", "name"]),
            models.Index(fields=["status", "province"]),
            models.Index(fields=["status", "sector"]),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:organisation_detail", kwargs={"slug": self.slug})

    @property
    def is_approved(self) -> bool:
        return self.status == Status.APPROVED

    @cached_property
    def profile_change_waiting(self) -> ProfileChange | None:
        """The change of name or website that waits for the project team, if any."""
        found = _waiting_change(self.pk)
        return found[0] if found else None


class ThemeProfile(models.Model):
    """What an organisation does on one theme (*ervaring*) and where it wants help
    (*hulpvraag*)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="theme_profiles"
    )
    theme = models.CharField(_("theme"), max_length=16, choices=Theme.choices)
    has_experience = models.BooleanField(_("has experience"), default=False)
    experience = models.TextField(_("what we do"), blank=True, max_length=1500)
    wants_help = models.BooleanField(_("wants help"), default=False)
    help_question = models.TextField(_("our question"), blank=True, max_length=1500)

    class Meta:
        ordering = ["organisation", "theme"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "theme"], name="one_profile_per_theme")
        ]
        indexes = [models.Index(fields=["theme", "has_experience"])]
        verbose_name = _("theme profile")
        verbose_name_plural = _("theme profiles")

    def __str__(self) -> str:
        return f"{self.organisation}: {self.get_theme_display()}"


class ContactPerson(models.Model):
    """A person who acts for a member organisation; one account belongs to one
    organisation."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contact"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="contacts"
    )
    job_title = models.CharField(_("job title"), max_length=100, blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    is_primary = models.BooleanField(_("primary contact"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-is_primary", "user__last_name", "id"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")

    def __str__(self) -> str:
        return f"{self.user} ({self.organisation})"


def _invitation_token() -> str:
    return secrets.token_urlsafe(32)


def _invitation_expiry():
    return timezone.now() + timedelta(days=14)


class Invitation(models.Model):
    """An invitation for a new contact person; the link in the email is the proof of
    the address, so the account is verified on acceptance."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email address"))
    token = models.CharField(max_length=64, unique=True, default=_invitation_token)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=_invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


def _private_storage():
    from django.core.files.storage import storages

    return storages["private"]


class ImportJob(models.Model):
    """One upload of organisations from a spreadsheet, validated before it is written."""

    class State(models.TextChoices):
        VALIDATING = "validating", _("Checking")
        INVALID = "invalid", _("Contains errors")
        VALID = "valid", _("Ready to import")
        IMPORTING = "importing", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Failed")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    file = models.FileField(upload_to="imports/%Y/%m/", storage=_private_storage)
    filename = models.CharField(max_length=255)
    state = models.CharField(max_length=12, choices=State.choices, default=State.VALIDATING)
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    # The first problems only (validation.MAX_KEPT_PROBLEMS); error_count counts all.
    errors = models.JSONField(default=list, blank=True)
    error_count = models.PositiveIntegerField(default=0)
    preview = models.JSONField(default=list, blank=True)
    created_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Set whenever the worker shows progress: a running job whose heartbeat is old lost
    # its worker (services: import_jobs_fail_stale).
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    failure_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return self.filename

    @property
    def progress_percent(self) -> int:
        if self.state in {self.State.DONE, self.State.VALID, self.State.INVALID}:
            return 100
        if not self.total_rows:
            return 0
        return min(100, round(100 * self.processed_rows / self.total_rows))

    @property
    def is_running(self) -> bool:
        return self.state in {self.State.VALIDATING, self.State.IMPORTING}

    @property
    def hidden_error_count(self) -> int:
        return max(0, self.error_count - len(self.errors))


class ProfileChange(models.Model):
    """A change to what identifies an organisation in public (its name and website),
    asked for by one of its contacts. Anyone could otherwise rename a member into a
    well-known employer; the change is published only when the project team approves,
    and until then the old values stay public."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="profile_changes"
    )
    changes = models.JSONField(_("new values"), default=dict)
    previous = models.JSONField(_("values at the time of the request"), default=dict)
    state = models.CharField(
        _("status"), max_length=10, choices=State.choices, default=State.PENDING
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["requested_at", "id"]
        verbose_name = _("profile change")
        verbose_name_plural = _("profile changes")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=models.Q(state="pending"),
                name="one_pending_profile_change",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {', '.join(sorted(self.changes))}"

    @property
    def rows(self) -> list[tuple[str, str, str]]:
        """(field label, current value, new value), for the review page and the member."""
        return [
            (
                str(Organisation._meta.get_field(field).verbose_name),
                self.previous.get(field, ""),
                value,
            )
            for field, value in self.changes.items()
        ]


# The member's start page asks it on every visit (see `Organisation.profile_change_waiting`).
_waiting_change = PreparedQuery(
    lambda organisation_id: first_only(
        ProfileChange.objects.filter(
            organisation_id=organisation_id, state=ProfileChange.State.PENDING
        )
    )
)
