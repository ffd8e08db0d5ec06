"""What waits for the project team in the programme app (see ``olievlek.site.inbox``)."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from olievlek.site.inbox import InboxItem, inbox_row

from .models import BoardProposal

# A proposal this close to its deadline needs the team: to remind the group, or to get
# the decision ready.
DEADLINE_NEAR = timedelta(days=3)


def inbox_items() -> list[InboxItem]:
    """Sounding-board proposals without a decision whose deadline is near or has passed,
    aged from when they were put to the group."""
    now = timezone.now()
    return [
        inbox_row(
            label=_("Sounding-board proposals near their deadline or awaiting a decision"),
            queryset=BoardProposal.objects.filter(
                decided_at=None, deadline__lte=now + DEADLINE_NEAR
            ),
            date_field="created_at",
            url=reverse("programme:board_staff_list"),
        )
    ]
