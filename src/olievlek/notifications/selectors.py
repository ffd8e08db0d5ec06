from __future__ import annotations

from django.core.cache import cache
from django.db import transaction

from .choices import Cadence, Kind
from .models import Notification, Preference

# The menu shows the count on every page a logged-in person sees, so it is kept in the
# shared cache; the services that change it forget it (`unread_forget`). The timeout is
# the safety net for a change made around them (a shell, a data migration).
UNREAD_TIMEOUT = 300


def _unread_key(user_id: int) -> str:
    return f"olievlek:notifications:unread:{user_id}"


def unread_count(*, user) -> int:
    key = _unread_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = Notification.objects.filter(recipient=user, read_at=None).count()
        cache.set(key, count, UNREAD_TIMEOUT)
    return count


def unread_forget(*, user_id: int) -> None:
    """Forget the cached count at once and again after the commit: a page rendered in
    between may have stored the count of before the change."""
    cache.delete(_unread_key(user_id))
    transaction.on_commit(lambda: cache.delete(_unread_key(user_id)))


def notifications_for(*, user):
    return Notification.objects.filter(recipient=user)


def preferences_for(*, user) -> dict[str, str]:
    chosen = dict(Preference.objects.filter(user=user).values_list("kind", "cadence"))
    return {kind: chosen.get(kind, Cadence.AT_ONCE) for kind in Kind.values}
