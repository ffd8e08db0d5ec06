"""What waits for the project team in Pay it Forward (see ``olievlek.site.inbox``)."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from olievlek.site.inbox import InboxItem, inbox_row

from .choices import MatchState
from .models import Match

UNANSWERED_AFTER = timedelta(days=7)


def inbox_items() -> list[InboxItem]:
    return [
        inbox_row(
            label=_("Proposals without an answer for a week"),
            queryset=Match.objects.filter(
                state=MatchState.PROPOSED, proposed_at__lt=timezone.now() - UNANSWERED_AFTER
            ),
            date_field="proposed_at",
            url=reverse("payitforward:bo_matches") + "?state=proposed",
        )
    ]
