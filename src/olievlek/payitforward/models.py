"""Pay it Forward: offers of help (*wij helpen*), requests for help (*wij zoeken hulp*),
match rounds, matches and the pledges that make the chain grow."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from olievlek.network.choices import Theme
from olievlek.network.models import Organisation

from .choices import (
    Answer,
    MatchState,
    Mode,
    OfferStatus,
    Origin,
    PreferredMode,
    RequestStatus,
    RoundState,
)

MAX_PLACES = 10
PAST_PLAN = _("The meeting cannot be planned in the past. Choose a date and time from now on.")


def validate_themes(value) -> None:
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Choose at least one theme."), code="themes_required")
    unknown = [t for t in value if t not in Theme.values]
    if unknown:
        raise ValidationError(_("Unknown theme: %(theme)s."), params={"theme": unknown[0]})
    if len(set(value)) != len(value):
        raise ValidationError(_("A theme is chosen twice."), code="themes_duplicate")


def theme_labels(themes: list[str]) -> list[str]:
    labels = dict(Theme.choices)
    return [str(labels[t]) for t in Theme.values if t in themes]


class Offer(models.Model):
    """*Wij helpen*: an organisation offers places to help others on some themes.

    An organisation has at most one open offer. A pledge (a learner passing it on)
    creates an offer too; ``pledge`` then links it into the chain.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="pif_offers"
    )
    themes = models.JSONField(_("themes"), default=list, validators=[validate_themes])
    places = models.PositiveSmallIntegerField(
        _("number of places"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PLACES)],
    )
    offers_advice = models.BooleanField(_("one-to-one advice"), default=True)
    offers_visit = models.BooleanField(_("a look behind the scenes (visit)"), default=False)
    description = models.TextField(
        _("what we offer"), blank=True, max_length=1000, validators=[MaxLengthValidator(1000)]
    )
    status = models.CharField(
        _("status"), max_length=10, choices=OfferStatus.choices, default=OfferStatus.OPEN
    )
    pledge = models.OneToOneField(
        "Pledge", null=True, blank=True, on_delete=models.SET_NULL, related_name="offer"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("offer of help")
        verbose_name_plural = _("offers of help")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(status=OfferStatus.OPEN),
                name="pif_one_open_offer_per_organisation",
                violation_error_message=_(
                    "Your organisation already has an open offer; change that one instead."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {', '.join(theme_labels(self.themes))}"

    def clean(self) -> None:
        if not (self.offers_advice or self.offers_visit):
            raise ValidationError(
                {"offers_advice": _("Choose at least one way of helping.")}, code="no_mode"
            )

    @property
    def modes(self) -> list[str]:
        return [
            m
            for m, on in ((Mode.ADVICE, self.offers_advice), (Mode.VISIT, self.offers_visit))
            if on
        ]

    @property
    def theme_labels(self) -> list[str]:
        return theme_labels(self.themes)


class HelpRequest(models.Model):
    """*Wij zoeken hulp*: an organisation asks for help on some themes. It is in the
    pool for match rounds while ``status`` is open; one active request per organisation."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="pif_requests"
    )
    themes = models.JSONField(_("themes"), default=list, validators=[validate_themes])
    question = models.TextField(
        _("our question"), max_length=500, validators=[MaxLengthValidator(500)]
    )
    preferred_mode = models.CharField(
        _("preferred way of help"),
        max_length=8,
        choices=PreferredMode.choices,
        default=PreferredMode.EITHER,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("request for help")
        verbose_name_plural = _("requests for help")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(status__in=[RequestStatus.OPEN, RequestStatus.MATCHED]),
                name="pif_one_active_request_per_organisation",
                violation_error_message=_(
                    "Your organisation already has a request for help; change that one instead."
                ),
            )
        ]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.question[:60]}"

    @property
    def theme_labels(self) -> list[str]:
        return theme_labels(self.themes)


class Exclusion(models.Model):
    """An organisation will not be matched with another (e.g. a competitor). It works
    both ways: neither helps the other."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="pif_exclusions"
    )
    excluded = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation not to be matched with"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["excluded__name", "id"]
        verbose_name = _("exclusion")
        verbose_name_plural = _("exclusions")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "excluded"], name="pif_exclusion_once")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ≠ {self.excluded}"


class MatchRound(models.Model):
    """One run of the matching engine over the open offers and requests. Its proposals
    stay drafts until staff publish the round."""

    state = models.CharField(
        _("state"), max_length=10, choices=RoundState.choices, default=RoundState.RUNNING
    )
    progress = models.FloatField(_("progress"), default=0.0)
    response_days = models.PositiveSmallIntegerField(
        _("days to answer"), default=14, validators=[MinValueValidator(1), MaxValueValidator(60)]
    )
    offer_count = models.PositiveIntegerField(default=0)
    request_count = models.PositiveIntegerField(default=0)
    total_score = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    deadline = models.DateTimeField(_("answer before"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("match round")
        verbose_name_plural = _("match rounds")

    def __str__(self) -> str:
        return str(_("Match round %(number)s")) % {"number": self.pk}

    @property
    def progress_percent(self) -> int:
        if self.state != RoundState.RUNNING:
            return 100
        return max(0, min(100, round(100 * self.progress)))

    @property
    def is_running(self) -> bool:
        return self.state == RoundState.RUNNING


class Match(models.Model):
    """A mentor organisation (through its offer) helps a learner organisation (through
    its request). Each side answers a proposal; then the first meeting is planned, held
    and logged, and the match is completed."""

    offer = models.ForeignKey(Offer, on_delete=models.PROTECT, related_name="matches")
    request = models.ForeignKey(HelpRequest, on_delete=models.PROTECT, related_name="matches")
    # Denormalised from offer and request: every permission check filters on them.
    mentor = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="pif_mentor_matches"
    )
    learner = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="pif_learner_matches"
    )
    round = models.ForeignKey(
        MatchRound, null=True, blank=True, on_delete=models.SET_NULL, related_name="matches"
    )
    origin = models.CharField(_("origin"), max_length=8, choices=Origin.choices)
    state = models.CharField(_("state"), max_length=10, choices=MatchState.choices)
    score = models.PositiveIntegerField(_("score"), default=0)
    reasons = models.JSONField(_("reasons"), default=dict, blank=True)
    deadline = models.DateTimeField(_("answer before"), null=True, blank=True)

    mentor_answer = models.CharField(max_length=8, choices=Answer.choices, default=Answer.PENDING)
    learner_answer = models.CharField(max_length=8, choices=Answer.choices, default=Answer.PENDING)
    decline_reason = models.TextField(_("reason"), blank=True, max_length=1000)
    declined_by = models.CharField(max_length=8, blank=True)

    meeting_planned_at = models.DateTimeField(_("first meeting"), null=True, blank=True)
    meeting_mode = models.CharField(_("mode"), max_length=8, choices=Mode.choices, blank=True)
    held_on = models.DateField(_("held on"), null=True, blank=True)
    notes = models.TextField(_("short notes"), blank=True, max_length=2000)
    mentor_rating = models.PositiveSmallIntegerField(
        _("rating by the mentor"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    learner_rating = models.PositiveSmallIntegerField(
        _("rating by the learner"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    proposed_at = models.DateTimeField(_("proposed at"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        indexes = [
            models.Index(fields=["offer", "state"]),
            models.Index(fields=["state", "deadline"]),
            models.Index(fields=["mentor", "state"]),
            models.Index(fields=["learner", "state"]),
        ]

    def __str__(self) -> str:
        return f"{self.mentor} → {self.learner}"

    def side_of(self, organisation: Organisation) -> str | None:
        """``mentor``, ``learner`` or None: which side an organisation is on."""
        if organisation.pk == self.mentor_id:
            return "mentor"
        if organisation.pk == self.learner_id:
            return "learner"
        return None

    def answer_of(self, side: str) -> str:
        return self.mentor_answer if side == "mentor" else self.learner_answer

    def rating_of(self, side: str) -> int | None:
        return self.mentor_rating if side == "mentor" else self.learner_rating


class Pledge(models.Model):
    """On completion a learner promises to pass it on: it helps (by default) two others.
    The pledge creates the offer with which it enters later rounds as a mentor."""

    match = models.OneToOneField(Match, on_delete=models.PROTECT, related_name="pledge")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="pif_pledges"
    )
    places = models.PositiveSmallIntegerField(
        _("places pledged"), default=2, validators=[MinValueValidator(1)]
    )
    created_at = models.DateTimeField(_("pledged at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")

    def __str__(self) -> str:
        return f"{self.organisation} ({self.places})"
