"""The back office's one menu: every app's ``backoffice_items`` on its AppConfig, grouped
by app, each link with the number of items waiting behind it.

The numbers come from the work inbox (``olievlek.site.inbox``: one aggregate query per
kind). The menu is on every back-office page, so the rows are kept in the cache for a
short while; a number that is half a minute old is good enough for a menu, and the
inbox on the overview page itself always counts afresh.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.apps import apps
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .inbox import InboxItem, inbox_collect

COUNTS_CACHE_SECONDS = 30
_CACHE_KEY = "olievlek:backoffice-inbox:{language}"


@dataclass(frozen=True, kw_only=True)
class MenuLink:
    label: str
    url: str
    count: int
    current: bool


@dataclass(frozen=True, kw_only=True)
class MenuGroup:
    label: str
    links: list[MenuLink]


@dataclass(frozen=True, kw_only=True)
class BackofficeMenu:
    overview: MenuLink
    groups: list[MenuGroup]

    @property
    def waiting(self) -> int:
        return self.overview.count


def waiting_work() -> list[InboxItem]:
    """The inbox rows, at most ``COUNTS_CACHE_SECONDS`` old (labels are translated, so
    each language has its own entry)."""
    key = _CACHE_KEY.format(language=translation.get_language() or "nl")
    rows = cache.get(key)
    if rows is None:
        rows = inbox_collect()
        cache.set(key, rows, COUNTS_CACHE_SECONDS)
    return rows


def forget_waiting_work() -> None:
    """Count afresh on the next page (after the team changed what waits)."""
    cache.delete_many([_CACHE_KEY.format(language=code) for code in ("nl", "en")])


def _entries() -> list[tuple[int, str, list[tuple[str, str]]]]:
    found = []
    for config in apps.get_app_configs():
        items = getattr(config, "backoffice_items", None)
        if items:
            position = getattr(config, "backoffice_position", 50)
            found.append((position, str(config.verbose_name), list(items)))
    return sorted(found, key=lambda entry: entry[0])


def backoffice_menu(*, path: str) -> BackofficeMenu:
    """The menu as seen from the page at ``path``: the link whose address is the longest
    start of ``path`` is the current one."""
    rows = waiting_work()
    waiting_by_path: dict[str, int] = {}
    for row in rows:
        row_path = urlsplit(row.url).path
        waiting_by_path[row_path] = waiting_by_path.get(row_path, 0) + row.count
    overview_url = reverse("backoffice:dashboard")
    entries = [
        (group, [(str(label), reverse(name)) for label, name in items])
        for _position, group, items in _entries()
    ]
    every_url = [overview_url] + [url for _group, links in entries for _label, url in links]
    current = max((u for u in every_url if path.startswith(urlsplit(u).path)), key=len, default="")
    groups = [
        MenuGroup(
            label=group,
            links=[
                MenuLink(
                    label=label,
                    url=url,
                    count=waiting_by_path.get(urlsplit(url).path, 0),
                    current=url == current,
                )
                for label, url in links
            ],
        )
        for group, links in entries
    ]
    overview = MenuLink(
        label=_("Overview"),
        url=overview_url,
        count=sum(row.count for row in rows),
        current=overview_url == current,
    )
    return BackofficeMenu(overview=overview, groups=groups)
