"""What waits for the project team in the network app (see ``olievlek.site.inbox``)."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from olievlek.site.inbox import InboxItem, inbox_row

from .choices import Status
from .models import ImportJob, Invitation, Organisation, ProfileChange


def inbox_items() -> list[InboxItem]:
    week_ago = timezone.now() - timedelta(days=7)
    return [
        inbox_row(
            label=_("Sign-ups to approve"),
            queryset=Organisation.objects.filter(status=Status.PENDING),
            date_field="created_at",
            url=reverse("backoffice:queue"),
        ),
        inbox_row(
            label=_("Profile changes to review"),
            queryset=ProfileChange.objects.filter(state=ProfileChange.State.PENDING),
            date_field="requested_at",
            url=reverse("backoffice:profile_changes"),
        ),
        inbox_row(
            label=_("Failed imports"),
            queryset=ImportJob.objects.filter(state=ImportJob.State.FAILED),
            date_field="created_at",
            url=reverse("backoffice:import_upload"),
        ),
        inbox_row(
            label=_("Invitations not accepted after a week"),
            queryset=Invitation.objects.filter(accepted_at=None, created_at__lt=week_ago),
            date_field="created_at",
            url=reverse("backoffice:invitations"),
        ),
    ]
