"""Campaign material that member organisations may use under the programme's flag."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import CampaignKind, RequestStatus
from ._storage import private_storage, random_name


def _file_name(instance, filename: str) -> str:
    return random_name("campaign", filename)


def _preview_name(instance, filename: str) -> str:
    return random_name("previews", filename)


class CampaignItem(models.Model):
    """A poster, banner, radio spot, text or logo in the library. The file itself is
    restricted: it is handed out only through an approved request's signed link."""

    title = models.CharField(_("title"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=170, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=CampaignKind.choices)
    description = models.TextField(_("description"), max_length=3000)
    format = models.CharField(
        _("format"), max_length=150, help_text=_("For example: A2 poster, PDF, 300 dpi.")
    )
    terms = models.TextField(_("terms of use"), max_length=3000)
    file = models.FileField(upload_to=_file_name, storage=private_storage)
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(default=0)
    preview = models.FileField(upload_to=_preview_name, storage=private_storage, blank=True)
    preview_alt = models.CharField(_("description of the preview"), max_length=200, blank=True)
    is_active = models.BooleanField(_("shown in the library"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "title", "id"]
        verbose_name = _("campaign item")
        verbose_name_plural = _("campaign items")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:campaign_detail", kwargs={"slug": self.slug})


class UsageRequest(models.Model):
    """An organisation's request to use one item: what for, where and when. Approval
    issues a signed download link that expires; the project team can revoke it."""

    item = models.ForeignKey(CampaignItem, on_delete=models.PROTECT, related_name="requests")
    organisation = models.ForeignKey(
        "network.Organisation", on_delete=models.CASCADE, related_name="campaign_requests"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    purpose = models.TextField(_("purpose"), max_length=1500)
    channel = models.CharField(_("channel"), max_length=200)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("until"))
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    decision_reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    # Part of the signed link: a new nonce makes every earlier link worthless.
    link_nonce = models.CharField(max_length=32, blank=True)
    link_expires_at = models.DateTimeField(_("link valid until"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("usage request")
        verbose_name_plural = _("usage requests")
        constraints = [
            models.UniqueConstraint(
                fields=["item", "organisation"],
                condition=models.Q(status="pending"),
                name="one_open_request_per_item",
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="request_period_in_order",
            ),
        ]
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.item} – {self.organisation}"

    @property
    def link_is_valid(self) -> bool:
        return (
            self.status == RequestStatus.APPROVED
            and bool(self.link_nonce)
            and self.link_expires_at is not None
            and self.link_expires_at > timezone.now()
        )


class CampaignDownload(models.Model):
    """One download of an item through an approved request: the campaign's reach in the
    impact figures."""

    request = models.ForeignKey(UsageRequest, on_delete=models.CASCADE, related_name="downloads")
    item = models.ForeignKey(CampaignItem, on_delete=models.CASCADE, related_name="downloads")
    organisation = models.ForeignKey(
        "network.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    downloaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-downloaded_at"]
        indexes = [models.Index(fields=["item", "downloaded_at"])]

    def __str__(self) -> str:
        return f"{self.item_id} @ {self.downloaded_at:%Y-%m-%d %H:%M}"
