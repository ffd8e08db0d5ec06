from functools import partial

from django.conf import settings

from olievlek.accounts.access import is_team

from .backoffice_menu import backoffice_menu


def site(request):
    """`is_team`: whether the visitor acts as the project team (templates never ask
    `user.is_staff`, which a password alone gives)."""
    user = getattr(request, "user", None)
    team = is_team(user)
    organisation = None
    if user is not None and user.is_authenticated and not team:
        from olievlek.network.selectors import organisation_of_user

        organisation = organisation_of_user(user)
    context = {"SITE_URL": settings.SITE_URL, "member_organisation": organisation, "is_team": team}
    if team:
        # A callable: the template calls it, so only back-office pages pay for the counts.
        context["backoffice_menu"] = partial(backoffice_menu, path=request.path)
    return context


def navigation(request):
    """Menu links contributed by the apps: `nav_items` (main menu), `backoffice_items` (the
    project team's back office) and `member_items` (the member area) on their AppConfig,
    as (label, URL name) pairs."""
    from django.apps import apps

    configs = apps.get_app_configs()
    return {
        "nav_items": [item for c in configs for item in getattr(c, "nav_items", [])],
        "backoffice_items": [item for c in configs for item in getattr(c, "backoffice_items", [])],
        "member_items": [item for c in configs for item in getattr(c, "member_items", [])],
    }
