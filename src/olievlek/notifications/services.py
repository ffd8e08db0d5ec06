"""Writes: create a notification (and mail it at once when the person wants that), mark
read, save preferences, send the digests of a period."""

from __future__ import annotations

from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from olievlek.network.emails import send_templated

from .choices import Cadence, Kind
from .models import Digest, Notification, Preference
from .selectors import unread_forget


def cadence_for(*, user, kind: str) -> str:
    pref = Preference.objects.filter(user=user, kind=kind).values_list("cadence", flat=True)
    return pref.first() or Cadence.AT_ONCE


def notify(*, user, kind: str, text: str, link: str = "", dedup_key: str | None = None):
    """Tell ``user`` that something happened. Returns the notification, or None when a
    notification with the same ``dedup_key`` exists (a reminder is sent once)."""
    if kind not in Kind.values:
        raise ValueError(f"unknown notification kind {kind!r}")
    if dedup_key and Notification.objects.filter(dedup_key=dedup_key).exists():
        return None
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                recipient=user, kind=kind, text=text[:500], link=link, dedup_key=dedup_key
            )
            unread_forget(user_id=user.pk)
    except IntegrityError:
        return None  # the same reminder, created at the same moment elsewhere
    if cadence_for(user=user, kind=kind) == Cadence.AT_ONCE and user.email:
        send_templated(
            template="notifications/emails/notification",
            recipients=[user.email],
            context={"notification": notification},
            language=user.language,
        )
        Notification.objects.filter(pk=notification.pk).update(mailed_at=timezone.now())
    return notification


def notification_mark_read(*, user, pk: int) -> bool:
    changed = Notification.objects.filter(recipient=user, pk=pk, read_at=None).update(
        read_at=timezone.now()
    )
    unread_forget(user_id=user.pk)
    return bool(changed)


def notifications_mark_all_read(*, user) -> int:
    changed = Notification.objects.filter(recipient=user, read_at=None).update(
        read_at=timezone.now()
    )
    unread_forget(user_id=user.pk)
    return changed


def preferences_save(*, user, cadences: dict[str, str]) -> None:
    with transaction.atomic():
        for kind, cadence in cadences.items():
            if kind not in Kind.values or cadence not in Cadence.values:
                raise ValueError(f"bad preference {kind!r}: {cadence!r}")
            Preference.objects.update_or_create(user=user, kind=kind, defaults={"cadence": cadence})


def period_key(*, period: str, when: date | datetime) -> str:
    if isinstance(when, datetime):
        when = timezone.localdate(when)
    if period == Cadence.DAILY:
        return f"daily:{when.isoformat()}"
    year, week, _day = when.isocalendar()
    return f"weekly:{year}-W{week:02d}"


def digests_send(*, period: str, now: datetime | None = None) -> int:
    """Send each person one digest with their unmailed notifications of the kinds they
    want in this period's digest. Nobody gets a mail when nothing happened, and a second
    run in the same period sends nothing. Returns the number of digests sent."""
    if period not in (Cadence.DAILY, Cadence.WEEKLY):
        raise ValueError(f"unknown period {period!r}")
    key = period_key(period=period, when=now or timezone.now())
    prefs = Preference.objects.filter(cadence=period).values_list("user_id", "kind")
    kinds_by_user: dict[int, list[str]] = {}
    for user_id, kind in prefs:
        kinds_by_user.setdefault(user_id, []).append(kind)
    sent = 0
    for user_id, kinds in sorted(kinds_by_user.items()):
        with transaction.atomic():
            waiting = list(
                Notification.objects.select_for_update()
                .filter(recipient_id=user_id, kind__in=kinds, mailed_at=None)
                .select_related("recipient")
                .order_by("created_at", "id")
            )
            if not waiting or Digest.objects.filter(user_id=user_id, period_key=key).exists():
                continue
            Digest.objects.create(user_id=user_id, period_key=key, count=len(waiting))
            Notification.objects.filter(pk__in=[n.pk for n in waiting]).update(
                mailed_at=timezone.now()
            )
            send_templated(
                template="notifications/emails/digest",
                recipients=[waiting[0].recipient.email],
                context={"notifications": waiting, "period": period},
                language=waiting[0].recipient.language,
            )
            sent += 1
    return sent
