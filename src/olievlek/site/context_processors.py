from django.conf import settings


def site(request):
    user = getattr(request, "user", None)
    organisation = None
    if user is not None and user.is_authenticated and not user.is_staff:
        from olievlek.network.selectors import organisation_of_user

        organisation = organisation_of_user(user)
    return {"SITE_URL": settings.SITE_URL, "member_organisation": organisation}


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
