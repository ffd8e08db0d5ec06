"""The Django admin has no login form of its own: its login page only sends to the one
allauth login (which asks the second factor and is rate limited), and only the project
team (`access.is_team`) may use the admin, never a staff password alone."""

from __future__ import annotations

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from .access import is_team


def _admin_login(site):
    def login(request, extra_context=None):
        next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse(
            "admin:index", current_app=site.name
        )
        if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            next_url = reverse("admin:index", current_app=site.name)
        if is_team(request.user):
            return redirect(next_url)
        if request.user.is_authenticated and not request.user.is_staff:
            raise PermissionDenied
        # Anonymous, or staff whose session lacks the second factor: the middleware walls
        # off /admin/ for the latter; both end at the allauth login.
        return redirect_to_login(next_url)

    return login


def guard_admin_site(site) -> None:
    site.login = _admin_login(site)
    site.has_permission = lambda request: is_team(request.user)
