from functools import lru_cache, partial

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

from olievlek.accounts.access import is_team

from .backoffice_menu import backoffice_menu

# The fixed links of every page's header and footer (base.html), by URL name. Reversing a
# URL costs about as much as rendering the rest of the menu, and these never change while
# the process runs: they are reversed once per script prefix and URL configuration.
SITE_LINKS = {
    "home": "home",
    "search": "knowledge:search",
    "directory": "network:directory",
    "join": "network:register",
    "member_home": "network:member_home",
    "backoffice": "backoffice:dashboard",
    "notifications": "notifications:list",
    "login": "account_login",
    "logout": "account_logout",
    "accessibility": "accessibility",
    "privacy": "privacy",
    "api_docs": "api-docs",
    "language_en": ("choose_language", "en"),
    "language_nl": ("choose_language", "nl"),
}


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


@lru_cache(maxsize=16)
def _links(prefix: str, urlconf) -> dict:
    """Everything `navigation` gives, with the URLs reversed (the arguments are the cache
    key: reverse() depends on both)."""
    from django.apps import apps

    configs = apps.get_app_configs()

    def items(kind: str) -> list[tuple]:
        return [(label, reverse(name)) for c in configs for label, name in getattr(c, kind, [])]

    return {
        "site_links": {
            key: reverse(name) if isinstance(name, str) else reverse(name[0], args=name[1:])
            for key, name in SITE_LINKS.items()
        },
        "nav_items": items("nav_items"),
        "backoffice_items": items("backoffice_items"),
        "member_items": items("member_items"),
    }


def navigation(request):
    """Menu links: `site_links` (the header's and footer's fixed links, by key) and those
    contributed by the apps, `nav_items` (main menu), `backoffice_items` (the project
    team's back office) and `member_items` (the member area) on their AppConfig as
    (label, URL name) pairs, given to the templates as (label, URL) pairs. The labels stay
    lazy, so each page shows them in its own language."""
    return _links(get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
