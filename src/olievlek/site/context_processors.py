from django.conf import settings


def site(request):
    user = getattr(request, "user", None)
    organisation = None
    if user is not None and user.is_authenticated and not user.is_staff:
        from olievlek.network.selectors import organisation_of_user

        organisation = organisation_of_user(user)
    return {"SITE_URL": settings.SITE_URL, "member_organisation": organisation}


def navigation(request):
    """Main-menu links contributed by the apps (`nav_items` on their AppConfig)."""
    from django.apps import apps

    items = [item for config in apps.get_app_configs() for item in getattr(config, "nav_items", [])]
    return {"nav_items": items}
