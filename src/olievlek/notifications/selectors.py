from __future__ import annotations

from .choices import Cadence, Kind
from .models import Notification, Preference


def unread_count(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at=None).count()


def notifications_for(*, user):
    return Notification.objects.filter(recipient=user)


def preferences_for(*, user) -> dict[str, str]:
    chosen = dict(Preference.objects.filter(user=user).values_list("kind", "cadence"))
    return {kind: chosen.get(kind, Cadence.AT_ONCE) for kind in Kind.values}
