"""Marks who acts as the project team on every request, and walls off the back office.

`accounts.access` explains the rule. On top of marking the user, staff who open the back
office (`/beheer/`, `/admin/`) without a completed second factor are sent where they can
complete it: to set up TOTP when they have none, or to log in again (which asks the code)
when this session was opened without it.
"""

from __future__ import annotations

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .access import mark_team, session_completed_mfa

PROTECTED_PREFIXES = ("/beheer/", "/admin/")


def staff_has_totp(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class TeamAccessMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_staff:
            return self.get_response(request)
        completed = user.is_active and session_completed_mfa(request, user)
        mark_team(user, completed)
        if not completed and request.path.startswith(PROTECTED_PREFIXES):
            if not staff_has_totp(user):
                messages.warning(
                    request, _("Set up two-factor login before you use the back office.")
                )
                return redirect("mfa_activate_totp")
            logout(request)
            messages.warning(request, _("Log in again with your two-factor code."))
            return redirect_to_login(request.get_full_path())
        return self.get_response(request)
