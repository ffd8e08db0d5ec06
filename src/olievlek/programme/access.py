"""Who counts as a partner: a contact of an approved partner organisation."""

from __future__ import annotations

from olievlek.events.access import partner_of


def is_partner(user) -> bool:
    return bool(user and user.is_authenticated and partner_of(user) is not None)


def reads_full_figures(user) -> bool:
    """The project team and partners read the full impact figures."""
    from olievlek.accounts.access import is_team

    return is_team(user) or is_partner(user)


def figures_reader_required(view):
    """`team_required`, opened to partners as well (the impact figures)."""
    from functools import wraps

    from django.contrib.auth.views import redirect_to_login

    from olievlek.accounts.access import team_required

    team_view = team_required(view)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if is_partner(request.user):
            return view(request, *args, **kwargs)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return team_view(request, *args, **kwargs)

    return wrapped
