"""Personal API keys: making, listing, revoking, and finding the key a request sends.

A key is `olv_` followed by 32 random bytes (URL-safe base64). The database keeps only the
SHA-256 digest: the secret has full entropy, so a slow password hash adds nothing, and a
digest can be looked up by an index. The secret is returned once, by `api_token_create`.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from olievlek.audit.services import audit_record

from .models import ApiToken

SECRET_PREFIX = "olv_"
MAX_LIFETIME_DAYS = 90
# Writing "last used" on every request would turn each API read into a write.
LAST_USED_PRECISION = timedelta(minutes=5)


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    secret: str


def digest_of(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def api_token_create(*, user, name: str, days: int, mfa_completed: bool) -> NewToken:
    """A new key for `user`; the returned secret is never stored and cannot be shown again."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Give the key a name.")})
    if not 1 <= days <= MAX_LIFETIME_DAYS:
        raise ValidationError(
            {"days": _("A key is valid for at most %(days)s days.") % {"days": MAX_LIFETIME_DAYS}}
        )
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user,
        name=name,
        prefix=secret[: len(SECRET_PREFIX) + 4],
        digest=digest_of(secret),
        mfa_completed=mfa_completed,
        expires_at=timezone.now() + timedelta(days=days),
    )
    token.full_clean()
    with transaction.atomic():
        token.save()
        audit_record(
            actor=user,
            action="api_token.create",
            target=token,
            expires_at=token.expires_at.isoformat(),
            mfa_completed=mfa_completed,
        )
    return NewToken(token=token, secret=secret)


def api_token_revoke(*, token: ApiToken, actor) -> ApiToken:
    """Stop a key from working; the row stays so the audit log can point at it."""
    if token.revoked_at is not None:
        return token
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(actor=actor, action="api_token.revoke", target=token)
    return token


def api_tokens_of(*, user):
    """The person's keys that still matter: not revoked (expired ones show as such)."""
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True)


def api_token_for_secret(secret: str) -> ApiToken | None:
    """The key with this secret, revoked or expired included (the caller tells them apart)."""
    if not secret.startswith(SECRET_PREFIX):
        return None
    return ApiToken.objects.select_related("user").filter(digest=digest_of(secret)).first()


def api_token_touch(token: ApiToken) -> None:
    now = timezone.now()
    if token.last_used_at is None or token.last_used_at < now - LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
