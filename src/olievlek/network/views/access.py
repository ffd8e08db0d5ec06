"""Who may see what: the decorators every network view uses."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from olievlek.accounts.access import team_required

from ..choices import Status
from ..selectors import organisation_of_user

# The back office's views: the project team only (`accounts.access`).
staff_required = team_required


def member_required(*, approved: bool = True):
    """The view gets the organisation of the logged-in contact as `organisation`."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            organisation = organisation_of_user(request.user)
            if organisation is None:
                raise PermissionDenied
            if approved and organisation.status != Status.APPROVED:
                raise PermissionDenied
            return view(request, *args, organisation=organisation, **kwargs)

        return wrapped

    return decorator
