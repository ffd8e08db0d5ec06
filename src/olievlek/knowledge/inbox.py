"""What waits for the project team in the knowledge app (see ``olievlek.site.inbox``)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from olievlek.site.inbox import InboxItem, inbox_row

from .choices import RequestStatus, StoryStatus
from .models import Story, UsageRequest


def inbox_items() -> list[InboxItem]:
    return [
        inbox_row(
            label=_("Stories to review"),
            queryset=Story.objects.filter(status=StoryStatus.SUBMITTED),
            date_field="submitted_at",
            url=reverse("knowledge:backoffice_stories") + "?status=submitted",
        ),
        inbox_row(
            label=_("Material requests to decide"),
            queryset=UsageRequest.objects.filter(status=RequestStatus.PENDING),
            date_field="created_at",
            url=reverse("knowledge:backoffice_requests"),
        ),
    ]
