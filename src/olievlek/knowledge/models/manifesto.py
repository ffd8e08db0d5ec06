"""The manifesto: the success factors the employers collected in their sessions, and the
organisations that endorse it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from olievlek.network.choices import Theme


class ManifestoFactor(models.Model):
    """One success factor, tagged with themes and illustrated by published stories."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("explanation"), max_length=2000)
    themes = models.JSONField(_("themes"), default=list, blank=True)
    session = models.CharField(_("collected in"), max_length=150, blank=True)
    stories = models.ManyToManyField(
        "knowledge.Story", blank=True, related_name="manifesto_factors", verbose_name=_("stories")
    )

    class Meta:
        ordering = ["number"]
        verbose_name = _("success factor")
        verbose_name_plural = _("success factors")

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def theme_labels(self) -> list[str]:
        labels = dict(Theme.choices)
        return [labels[t] for t in self.themes if t in labels]


class Endorsement(models.Model):
    """An organisation that signs the manifesto. The project team can take a signature
    off the list; it stays recorded (with the reason) so that it is not simply signed
    again."""

    organisation = models.OneToOneField(
        "network.Organisation", on_delete=models.CASCADE, related_name="endorsement"
    )
    endorsed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    removed_at = models.DateTimeField(null=True, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    removal_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")

    def __str__(self) -> str:
        return str(self.organisation)

    @property
    def is_active(self) -> bool:
        return self.removed_at is None
