"""Failed mails wait for the project team (see ``olievlek.site.inbox``)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from olievlek.site.inbox import InboxItem, inbox_row

from .models import OutboundMail


def inbox_items() -> list[InboxItem]:
    return [
        inbox_row(
            label=_("Failed mails"),
            queryset=OutboundMail.objects.filter(state=OutboundMail.State.FAILED),
            date_field="created_at",
            url=reverse("mail:list") + "?state=failed",
        )
    ]
