"""The one place that decides who acts as the project team (*projectteam*).

Staff can change who belongs to the network and read every member's contact details, so
`is_staff` alone never grants anything. A staff account acts as the project team only
when the request layer has seen the second factor for it:

- a browser session in which a TOTP code (or recovery code) was entered, recorded by
  allauth when the code was checked, or when TOTP was activated in this session;
- an API key that was made from such a session (see `accounts.tokens`).

The request layer (`TeamAccessMiddleware`, `accounts.authentication.TokenAuthentication`)
marks the user object of the request; everything else asks `is_team(user)`. A user object that
was never marked (loaded from the database, a password-only session) is not the team:
the check fails closed. A staff account without a completed second factor is therefore
treated like a logged-in person without an organisation.
"""

from __future__ import annotations

from functools import wraps

from allauth.account.internal.flows.login import get_authentication_records, record_authentication
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission

_MARK = "_olievlek_acts_as_team"


def is_team(user) -> bool:
    """True when `user` acts as the project team in the current request."""
    return bool(
        user is not None
        and getattr(user, "is_authenticated", False)
        and getattr(user, "is_active", False)
        and getattr(user, "is_staff", False)
        and getattr(user, _MARK, False)
    )


def team_members():
    """The people who can act as the project team: active staff accounts with a confirmed
    TOTP device. This is who the team's reminders and mails go to (a staff account that
    never set up its second factor cannot open the back office they link to); it grants
    nothing in a request, where `is_team` decides."""
    from allauth.mfa.models import Authenticator
    from django.contrib.auth import get_user_model
    from django.db.models import Exists, OuterRef

    totp = Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)
    return get_user_model().objects.filter(is_staff=True, is_active=True).filter(Exists(totp))


def mark_team(user, acts_as_team: bool) -> None:
    """Called by the request layer only, once it knows how the user authenticated."""
    setattr(user, _MARK, bool(acts_as_team and getattr(user, "is_staff", False)))


def session_completed_mfa(request, user=None) -> bool:
    """Whether this browser session entered a second factor for `user`."""
    user = user if user is not None else getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    return any(
        record.get("method") == "mfa" for record in get_authentication_records(request, user)
    )


def record_mfa_activation(request, user, authenticator_id) -> None:
    """Activating TOTP proves the code in this session, so it counts as the second factor."""
    record_authentication(request, user, "mfa", id=authenticator_id, type="totp", activated=True)


def team_required(view):
    """Views for the project team only: anonymous visitors go to the login page, anyone
    else (including staff without a completed second factor) gets 403."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_team(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


class IsTeam(BasePermission):
    """DRF permission: the project team only (see `is_team`)."""

    def has_permission(self, request, view) -> bool:
        return is_team(request.user)
