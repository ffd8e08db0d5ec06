"""Breadcrumbs for every page below the top level, from the URL alone.

A page's parents are the shorter paths of its URL (``/beheer/payitforward/rondes/`` for
``/beheer/payitforward/rondes/4/``) that are pages themselves. A parent needs a name:
the apps already name their pages in the menus (``nav_items``, ``member_items``,
``backoffice_items`` on their AppConfig), an app may add more in ``breadcrumb_items``,
and the few pages every trail passes through are named here. A parent without a name
(a detail page, whose name is its object's) is left out rather than guessed. The current
page is named by its own ``{% block title %}``; a template overrides the whole trail with
``{% block breadcrumbs %}``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.urls import Resolver404, get_urlconf
from django.utils.translation import gettext_lazy as _

from .resolving import resolved

# Pages on the way to many others; the menus name them differently or not at all.
NAMES = {
    "home": _("Home"),
    "network:directory": _("Network"),
    "network:member_home": _("My organisation"),
    "backoffice:dashboard": _("Back office"),
    "payitforward:index": _("Pay it Forward"),
}
MENUS = ("breadcrumb_items", "nav_items", "member_items", "backoffice_items")


@dataclass(frozen=True)
class Crumb:
    title: str
    url: str


@functools.cache
def _names() -> dict[str, str]:
    """Collected once per process: the menus are fixed when the apps are ready, and the
    labels are lazy, so each is translated when a page shows it."""
    names: dict[str, str] = {}
    configs = apps.get_app_configs()
    for menu in reversed(MENUS):  # earlier menus win
        for config in configs:
            for label, url_name in getattr(config, menu, ()):
                names[url_name] = label
    names.update(NAMES)
    return names


def _page_name(path: str) -> str | None:
    # The servers' handler remembers what each path resolves to; the trail asks it too.
    try:
        match = resolved(get_urlconf() or settings.ROOT_URLCONF, path)
    except Resolver404:
        return None
    return match.view_name


def _candidates(path: str) -> list[str]:
    """Every shorter path, longest last: with and without the closing slash, because
    both kinds of URL exist (``/payitforward/`` and ``/payitforward/keten``)."""
    segments = [s for s in path.split("/") if s]
    found = []
    for depth in range(1, len(segments)):
        stem = "/" + "/".join(segments[:depth])
        found.append([stem + "/", stem])
    return found


def parents(path: str) -> list[Crumb]:
    """The named pages above ``path``, starting with the home page; empty on a page of the
    top level (the home page and one step below it), which needs no trail."""
    if len([s for s in path.split("/") if s]) < 2:
        return []
    names = _names()
    trail = [Crumb(str(names["home"]), "/")]
    for options in _candidates(path):
        for option in options:
            view_name = _page_name(option)
            if view_name in names:
                if trail[-1].url != option:
                    trail.append(Crumb(str(names[view_name]), option))
                break
    return trail
