"""Stories (*visie en verhaal*): an employer's own account of its approach."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from olievlek.network.choices import Theme

from ..choices import StoryStatus
from ._storage import private_storage, random_name

PERCENT = [MinValueValidator(0), MaxValueValidator(100)]


class Story(models.Model):
    """One story of a member organisation. It is written as a draft, submitted, and
    published by the project team (or sent back with a request for changes).

    The optional business-case figures (absence before and after, the investment) are
    shown as a small chart beside the story."""

    organisation = models.ForeignKey(
        "network.Organisation", on_delete=models.CASCADE, related_name="stories"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("title"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=170, unique=True)
    lead = models.TextField(_("lead"), max_length=500)
    body = models.TextField(_("story"), max_length=20000)
    # Rendered and sanitised once, when the story is saved, so that every page shows the
    # same safe HTML without rendering Markdown on each request.
    body_html = models.TextField(blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=StoryStatus.choices, default=StoryStatus.DRAFT
    )
    review_note = models.TextField(_("note from the project team"), blank=True)
    absence_before = models.DecimalField(
        _("sickness absence before (%)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=PERCENT,
    )
    absence_after = models.DecimalField(
        _("sickness absence after (%)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=PERCENT,
    )
    investment = models.PositiveIntegerField(_("investment (euro)"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The Pay it Forward match the story tells about (the knowledge loop): both sides get
    # a draft when the match is completed.
    from_match = models.ForeignKey(
        "payitforward.Match",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
        verbose_name=_("from the match"),
    )

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        indexes = [models.Index(fields=["status", "-published_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:story_detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == StoryStatus.PUBLISHED

    @property
    def themes(self) -> list[str]:
        return [link.theme for link in self.theme_links.all()]

    @property
    def theme_labels(self) -> list[str]:
        labels = dict(Theme.choices)
        return [labels[t] for t in self.themes if t in labels]

    @property
    def has_business_case(self) -> bool:
        return self.absence_before is not None and self.absence_after is not None

    @property
    def absence_reduction(self):
        if not self.has_business_case:
            return None
        return self.absence_before - self.absence_after

    @property
    def business_case_bars(self) -> list[tuple[str, object, int]]:
        """(label, percentage, bar length in % of the longest) for the small chart."""
        if not self.has_business_case:
            return []
        longest = max(self.absence_before, self.absence_after) or 1
        return [
            (str(_("Before")), self.absence_before, round(100 * self.absence_before / longest)),
            (str(_("After")), self.absence_after, round(100 * self.absence_after / longest)),
        ]


class StoryTheme(models.Model):
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="theme_links")
    theme = models.CharField(_("theme"), max_length=16, choices=Theme.choices)

    class Meta:
        ordering = ["theme"]
        constraints = [
            models.UniqueConstraint(fields=["story", "theme"], name="one_link_per_story_theme")
        ]
        indexes = [models.Index(fields=["theme", "story"])]

    def __str__(self) -> str:
        return self.theme


def _image_name(instance, filename: str) -> str:
    return random_name("images", filename)


class StoryImage(models.Model):
    """A picture in a story: checked, resized and re-encoded on upload (which also drops
    camera metadata such as the location)."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="images")
    file = models.FileField(upload_to=_image_name, storage=private_storage)
    content_type = models.CharField(max_length=20)
    alt_text = models.CharField(
        _("description for people who cannot see the image"), max_length=200
    )
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self) -> str:
        return self.alt_text

    def get_absolute_url(self) -> str:
        return reverse("knowledge:story_image", kwargs={"slug": self.story.slug, "pk": self.pk})


class StoryEvent(models.Model):
    """A meeting the story relates to. The meetings app is optional for this one, so the
    link holds the meeting's id and is resolved when shown; a deleted meeting simply
    drops out."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="event_links")
    event_id = models.PositiveBigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["story", "event_id"], name="one_link_per_story_event")
        ]

    def __str__(self) -> str:
        return f"{self.story_id} → {self.event_id}"
