"""Logging in as the project team in tests: a session that completed the second factor,
as allauth records it after a TOTP code was entered."""

from __future__ import annotations

import time

from olievlek.accounts.access import mark_team

TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def login_with_mfa(client, user) -> None:
    """Log `client` in as `user` with password and TOTP recorded in the session."""
    client.force_login(user)
    session = client.session
    now = time.time()
    session["account_authentication_methods"] = [
        {"method": "password", "at": now, "email": user.email},
        {"method": "mfa", "at": now, "type": "totp"},
    ]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()


def as_team(user):
    """The user object as the request layer hands it to services for the project team."""
    mark_team(user, True)
    return user


def totp_now(secret: str = TOTP_SECRET, *, margin: float = 3.0) -> str:
    """The code an authenticator app shows now for `secret`.

    allauth accepts only the current 30-second step, so a code read in the last `margin`
    seconds of its step could arrive after it; then this waits for the next step."""
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    left = 30 - time.time() % 30
    if left < margin:
        time.sleep(left + 0.05)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def api_key_for(user, *, mfa_completed: bool | None = None, days: int = 90) -> str:
    """The secret of a new API key of `user`. By default a key of the project team (a user
    marked by `as_team`) was made after a two-factor login, any other key was not."""
    from olievlek.accounts.access import is_team
    from olievlek.accounts.tokens import api_token_create

    if mfa_completed is None:
        mfa_completed = is_team(user)
    return api_token_create(user=user, name="test", days=days, mfa_completed=mfa_completed).secret
