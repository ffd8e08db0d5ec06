"""Sign-ups that never became members: unverified ones expire, old ones are purged.

Both run from the scheduler (`olievlek signups_expire`, `olievlek signups_purge`).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from ..choices import Source, Status
from ..models import Organisation
from .erasure import signup_discard

# Long enough for a mail caught by a spam filter, short enough that a KvK number
# typed by someone else (or by mistake) does not block its owner for long.
UNVERIFIED_DAYS = 7


def _sign_ups():
    return Organisation.objects.filter(source=Source.REGISTRATION)


def signups_expire(*, now: datetime | None = None) -> int:
    """Delete registrations whose contact never confirmed the email address within
    `UNVERIFIED_DAYS`, which frees their KvK number and address."""
    now = now or timezone.now()
    verified = EmailAddress.objects.filter(
        user__contact__organisation=OuterRef("pk"), verified=True
    )
    expired = (
        _sign_ups()
        .filter(status=Status.PENDING, created_at__lt=now - timedelta(days=UNVERIFIED_DAYS))
        .exclude(Exists(verified))
    )
    count = 0
    for organisation in expired:
        signup_discard(organisation=organisation, action="organisation.expired")
        count += 1
    return count


def signups_purge(*, now: datetime | None = None) -> int:
    """Delete pending and rejected sign-ups older than the retention period
    (`OLIEVLEK_SIGNUP_RETENTION_DAYS`): personal data is kept no longer than needed."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.OLIEVLEK_SIGNUP_RETENTION_DAYS)
    old = _sign_ups().filter(
        Q(status=Status.PENDING, created_at__lt=cutoff)
        | Q(status=Status.REJECTED, reviewed_at__lt=cutoff)
        | Q(status=Status.REJECTED, reviewed_at__isnull=True, created_at__lt=cutoff)
    )
    count = 0
    for organisation in old:
        signup_discard(organisation=organisation, action="organisation.purged")
        count += 1
    return count
