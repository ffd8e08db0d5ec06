"""A programme line (*programmalijn*) and what is tagged with it.

The tags live here, as many-to-many fields on the line, rather than as a field on each
tagged model: one migration in this app, none in events, knowledge or payitforward, and
the tagged objects still read their lines as `obj.programme_lines`.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ProgrammeLine(models.Model):
    """A line of work of the programme, led by a member of the project team or by a
    partner organisation."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=170, unique=True)
    description = models.TextField(_("description"), max_length=10000, blank=True)
    # Rendered and sanitised once on save, like stories.
    description_html = models.TextField(blank=True, editable=False)
    lead_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("led by (project team)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_organisation = models.ForeignKey(
        "network.Organisation",
        verbose_name=_("led by (partner organisation)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_programme_lines",
    )
    is_active = models.BooleanField(_("active"), default=True)
    events = models.ManyToManyField(
        "events.Event", blank=True, related_name="programme_lines", verbose_name=_("meetings")
    )
    stories = models.ManyToManyField(
        "knowledge.Story", blank=True, related_name="programme_lines", verbose_name=_("stories")
    )
    campaign_items = models.ManyToManyField(
        "knowledge.CampaignItem",
        blank=True,
        related_name="programme_lines",
        verbose_name=_("campaign material"),
    )
    offers = models.ManyToManyField(
        "payitforward.Offer",
        blank=True,
        related_name="programme_lines",
        verbose_name=_("Pay it Forward offers"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("programme line")
        verbose_name_plural = _("programme lines")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("programme:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if self.lead_user_id and self.lead_organisation_id:
            raise ValidationError(
                _("A line is led by a member of the project team or by a partner, not both.")
            )
        if self.lead_organisation_id and not self.lead_organisation.is_partner:
            raise ValidationError(
                {"lead_organisation": _("Only a partner organisation can lead a line.")}
            )

    @property
    def lead_name(self) -> str:
        if self.lead_organisation_id:
            return self.lead_organisation.name
        if self.lead_user_id:
            return self.lead_user.get_full_name() or self.lead_user.email
        return ""


class SoundingBoardSeat(models.Model):
    """An organisation in the sounding-board group (*klankbordgroep*); its contacts are the
    group's members. Set by the project team."""

    organisation = models.OneToOneField(
        "network.Organisation", on_delete=models.CASCADE, related_name="sounding_board_seat"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("sounding-board member")
        verbose_name_plural = _("sounding-board members")

    def __str__(self) -> str:
        return str(self.organisation)


class BoardProposal(models.Model):
    """A proposal the project team puts to the sounding-board group. Members comment and
    vote until the deadline; then the team publishes a decision."""

    title = models.CharField(_("title"), max_length=200)
    draft = models.TextField(_("draft text"), max_length=20000)
    deadline = models.DateTimeField(_("deadline"))
    decision = models.TextField(_("decision"), blank=True, max_length=20000)
    decided_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-deadline", "-id"]
        verbose_name = _("sounding-board proposal")
        verbose_name_plural = _("sounding-board proposals")

    def __str__(self) -> str:
        return self.title

    def is_open(self, now=None) -> bool:
        from django.utils import timezone

        return (now or timezone.now()) < self.deadline


class VoteChoice(models.TextChoices):
    AGREE = "agree", _("Agree")
    DISAGREE = "disagree", _("Disagree")
    ABSTAIN = "abstain", _("Abstain")


class BoardVote(models.Model):
    proposal = models.ForeignKey(BoardProposal, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    choice = models.CharField(_("your vote"), max_length=10, choices=VoteChoice.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["proposal", "voter"], name="board_vote_once")
        ]

    def __str__(self) -> str:
        return self.get_choice_display()


class BoardComment(models.Model):
    proposal = models.ForeignKey(BoardProposal, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation_name = models.CharField(max_length=200)
    text = models.TextField(_("comment"), max_length=3000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:50]
