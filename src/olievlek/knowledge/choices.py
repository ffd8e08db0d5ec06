"""Fixed vocabularies of the knowledge and campaign part."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StoryStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    CHANGES_REQUESTED = "changes", _("Changes requested")
    PUBLISHED = "published", _("Published")


# An organisation may change its story while the project team is not looking at it.
EDITABLE_STATUSES = frozenset({StoryStatus.DRAFT, StoryStatus.CHANGES_REQUESTED})


class CampaignKind(models.TextChoices):
    POSTER = "poster", _("Poster")
    BANNER = "banner", _("Banner")
    RADIO = "radio", _("Radio spot")
    TEXT = "text", _("Text")
    LOGO = "logo", _("Logo")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting decision")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    REVOKED = "revoked", _("Revoked")


class DocumentKind(models.TextChoices):
    """What a search result is."""

    STORY = "story", _("Story")
    ORGANISATION = "organisation", _("Organisation")
    EVENT = "event", _("Meeting")
