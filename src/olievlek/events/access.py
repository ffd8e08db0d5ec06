"""Who may organise and manage meetings.

The project team (staff) manages every meeting. Contacts of an approved partner
organisation may create meetings too, without review, and manage the meetings their
organisation organises. Both use the same management pages under /beheer/bijeenkomsten/.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from olievlek.accounts.access import is_team
from olievlek.network.choices import Status
from olievlek.network.selectors import organisation_of_user

from .models import Event


def partner_of(user):
    """The approved partner organisation `user` acts for, or None."""
    organisation = organisation_of_user(user)
    if organisation and organisation.is_partner and organisation.status == Status.APPROVED:
        return organisation
    return None


def can_organise(user) -> bool:
    return user.is_authenticated and (is_team(user) or partner_of(user) is not None)


def can_manage_event(user, event: Event) -> bool:
    if not user.is_authenticated:
        return False
    if is_team(user):
        return True
    partner = partner_of(user)
    if partner is None:
        return False
    if event.organisation_id == partner.pk:
        return True
    # A partner co-hosts the meetings of the programme lines it leads.
    return (
        event.hosts.filter(pk=partner.pk).exists()
        and event.programme_lines.filter(lead_organisation=partner).exists()
    )


def _login_or_deny(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


def organiser_required(view):
    """Staff or a partner's contact; the view gets `partner` (None for staff)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not can_organise(request.user):
            return _login_or_deny(request)
        partner = None if is_team(request.user) else partner_of(request.user)
        return view(request, *args, partner=partner, **kwargs)

    return wrapped


def event_manager_required(view):
    """Staff, or a contact of the partner that organises the meeting `pk`; the view gets
    the meeting as `event`."""

    @wraps(view)
    def wrapped(request, pk: int, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        event = get_object_or_404(Event, pk=pk)
        if not can_manage_event(request.user, event):
            raise PermissionDenied
        return view(request, *args, event=event, **kwargs)

    return wrapped
