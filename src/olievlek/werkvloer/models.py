"""The self-scan: rounds with teams, anonymous invitations, responses, and the team
results kept after the raw answers are gone.

Privacy by construction: an invitation holds only a hash of its code and is not linked
to the response it started, so not even the database says who answered what. A response
holds only a hash of its return code. The employer's pages read `TeamResult` (computed
when the round closes), never `Response`.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from olievlek.engines.scan import THEMES
from olievlek.network.choices import Theme
from olievlek.network.models import Organisation

from .choices import RoundState

MAX_TEAM_SIZE = 2000


class ScanRound(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="scan_rounds"
    )
    name = models.CharField(_("name"), max_length=120)
    closes_on = models.DateField(_("closes on"))
    state = models.CharField(
        _("state"), max_length=10, choices=RoundState.choices, default=RoundState.OPEN
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # Completed responses when the round closed: the network benchmark only uses rounds
    # of at least the minimum group, so its change over time never isolates a few people.
    respondents = models.PositiveIntegerField(default=0)
    # When the raw answers were deleted (retention); the team results stay.
    purged_at = models.DateTimeField(_("answers deleted at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("scan round")
        verbose_name_plural = _("scan rounds")
        indexes = [models.Index(fields=["state", "closes_on"])]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.name}"

    @property
    def is_open(self) -> bool:
        return self.state == RoundState.OPEN


class ScanTeam(models.Model):
    round = models.ForeignKey(ScanRound, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(_("team name"), max_length=80)
    expected_size = models.PositiveIntegerField(
        _("expected size"), validators=[MinValueValidator(1), MaxValueValidator(MAX_TEAM_SIZE)]
    )
    codes_issued = models.PositiveIntegerField(_("codes issued"), default=0)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        constraints = [
            models.UniqueConstraint(fields=["round", "name"], name="werkvloer_team_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Invitation(models.Model):
    """One anonymous code. Only its SHA-256 hash is stored; who received it is not."""

    team = models.ForeignKey(ScanTeam, on_delete=models.CASCADE, related_name="invitations")
    code_hash = models.CharField(max_length=64, unique=True)
    used = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"invitation {self.pk}"


class Response(models.Model):
    """One employee's answers: per-item answers for the personal result, and a score
    column per theme so that team figures are plain SQL sums."""

    round = models.ForeignKey(ScanRound, on_delete=models.CASCADE, related_name="responses")
    team = models.ForeignKey(ScanTeam, on_delete=models.CASCADE, related_name="responses")
    return_code_hash = models.CharField(max_length=64, unique=True)
    page = models.PositiveSmallIntegerField(default=0)
    completed = models.BooleanField(default=False)
    was = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(10)]
    )
    answers = models.JSONField(default=dict, blank=True)
    # Only the employee ever sees this: no employer page, export or aggregate reads it.
    open_answer = models.TextField(blank=True, max_length=2000)

    class Meta:
        indexes = [models.Index(fields=["round", "team", "completed"])]

    def __str__(self) -> str:
        # Never the answers: this string may end up in logs or error reports.
        return f"response {self.pk}"


for _theme in THEMES:
    Response.add_to_class(f"score_{_theme}", models.FloatField(null=True, blank=True))


class TeamResult(models.Model):
    """The aggregate of one team's completed responses, made when the round closes and
    kept after the raw answers are deleted. Sums, not means, so figures add up over
    teams and organisations in SQL."""

    team = models.OneToOneField(ScanTeam, on_delete=models.CASCADE, related_name="result")
    round = models.ForeignKey(ScanRound, on_delete=models.CASCADE, related_name="results")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="scan_results"
    )
    respondents = models.PositiveIntegerField(default=0)
    was_sum = models.PositiveIntegerField(default=0)
    was_poor = models.PositiveIntegerField(default=0)
    was_moderate = models.PositiveIntegerField(default=0)
    was_good = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["organisation", "round"])]

    def __str__(self) -> str:
        return f"result of team {self.team_id}"


for _theme in THEMES:
    TeamResult.add_to_class(f"sum_{_theme}", models.FloatField(default=0))
    TeamResult.add_to_class(f"n_{_theme}", models.PositiveIntegerField(default=0))
    for _band in ("low", "middle", "high"):
        TeamResult.add_to_class(f"{_band}_{_theme}", models.PositiveIntegerField(default=0))


class TeamAction(models.Model):
    """An action a team agreed in its dialogue session, recorded by the employer."""

    team = models.ForeignKey(ScanTeam, on_delete=models.CASCADE, related_name="actions")
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices)
    text = models.CharField(_("agreed action"), max_length=300)
    owner = models.CharField(_("who takes it on"), max_length=120, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("team action")
        verbose_name_plural = _("team actions")

    def __str__(self) -> str:
        return self.text
