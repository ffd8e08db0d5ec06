"""Two-factor login for the project team.

Staff can change who belongs to the network and read contact details of every member,
so a password alone is not enough: until a staff account has TOTP activated, the back
office and the Django admin send it to the page where it sets TOTP up.
"""

from __future__ import annotations

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

PROTECTED_PREFIXES = ("/beheer/", "/admin/")


def staff_has_totp(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class StaffTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            settings.OLIEVLEK_STAFF_REQUIRE_2FA
            and user is not None
            and user.is_authenticated
            and user.is_staff
            and request.path.startswith(PROTECTED_PREFIXES)
            and not staff_has_totp(user)
        ):
            messages.warning(request, _("Set up two-factor login before you use the back office."))
            return redirect("mfa_activate_totp")
        return self.get_response(request)
