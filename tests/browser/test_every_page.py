"""Every HTML page of the site, on a phone (390 px) and on a laptop (1280 px): no sideways
scrolling, and axe-core finds no WCAG 2.1 A/AA violations.

"Every page" comes from the permission sweep: each GET probe of its `TABLE`, requested by
every visitor that gets it (200), in one browser against one world built once. A new URL
pattern needs a row in the sweep, so it is visited here too; a page that answers with
something other than HTML (a file, a feed) must be named in `NOT_HTML`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from olievlek.accounts.access import is_team
from olievlek.accounts.tests.support import login_with_mfa
from olievlek.site.tests.sweep_world import build_world
from olievlek.site.tests.test_permission_sweep import TABLE, VISITORS

from .conftest import WCAG_TAGS, AxePage

WIDTHS = (390, 1280)
SEEN_BY = ("anon", "a", "b", "staff")  # staff without a second factor sees no page of its own
NOT_HTML = {
    "api-organisations",
    "api-organisation-detail",
    "api-pif-offers",
    "api-pif-offer-detail",
    "api-pif-requests",
    "api-pif-request-detail",
    "api-pif-matches",
    "api-pif-match-detail",
    "api-pif-rounds",
    "api-pif-round-detail",
    "api-events",
    "api-event-detail",
    "api-event-registrations",
    "api-event-registration-detail",
    "api-schema",
    "api-index",
    "network:member_data_download",
    "backoffice:export",
    "backoffice:import_template",
    "events:feed",
    "events:registration_ics",
    "events:event_ics",
    "werkvloer:team_kit_pdf",
    "impact:csv",
    "impact:report_pdf",
    "impact:businesscase_pdf",
    "impact:case_pdf",
    "knowledge:story_feed_atom",
    "knowledge:story_feed_rss",
    "knowledge:story_image",
    "knowledge:campaign_download",
    "knowledge:backoffice_item_file",
    "health_live",
    "health_ready",
    "metrics",
}
# Where the screenshots for docs/screenshots go when OLIEVLEK_SCREENSHOTS names a folder.
SCREENSHOTS = {"/": "home", "/payitforward/keten": "keten", "/beheer/aanmeldingen/": "aanmeldingen"}


def _client(user) -> Client:
    client = Client()
    if user is not None and is_team(user):
        login_with_mfa(client, user)
    elif user is not None:
        client.force_login(user)
    return client


def _pages(world, clients) -> tuple[list[tuple[str, str]], list[str]]:
    """(visitor, path) of every HTML page, and the problems with `NOT_HTML`."""
    pages, problems = [], []
    for name, probes in TABLE.items():
        for method, url, outcomes, *_data in probes:
            if method != "get":
                continue
            path = url.format(**vars(world))
            for visitor in SEEN_BY:
                if outcomes[VISITORS.index(visitor)] != 200:
                    continue
                response = clients[visitor].get(path)
                html = response.get("Content-Type", "").startswith("text/html")
                if name in NOT_HTML:
                    if html:
                        problems.append(f"{name} {path} is HTML: take it out of NOT_HTML")
                elif not html:
                    problems.append(f"{name} {path} is not HTML: name it in NOT_HTML")
                else:
                    pages.append((visitor, path))
    return pages, problems


def _context(browser, live_server, client: Client):
    context = browser.new_context(locale="nl-NL", viewport={"width": WIDTHS[0], "height": 844})
    cookie = client.cookies.get(settings.SESSION_COOKIE_NAME)
    if cookie is not None:
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
        )
    return context


def _horizontal_overflow(page) -> str | None:
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, window.innerWidth,"
        " [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
        " > window.innerWidth && e.parentElement.getBoundingClientRect().right"
        " <= window.innerWidth).slice(0, 3).map(e => e.tagName + '.' + e.className)]"
    )
    scroll_width, inner_width, culprits = widths
    if scroll_width > inner_width:
        return f"{scroll_width} px wide in {inner_width} px ({', '.join(culprits)})"
    return None


@pytest.mark.parametrize("visitor", SEEN_BY)
def test_every_page_fits_a_phone_and_passes_axe(browser, live_server, visitor):
    """One visitor's pages (a test per visitor, so that parallel workers share the work)."""
    world = build_world()
    clients = {who: _client(world.users[who]) for who in SEEN_BY}
    pages, problems = _pages(world, clients)
    assert not problems, "\n".join(problems)
    # Visitors of one path differ in content, which axe sees at 390 px for each of them;
    # the wide layout is checked once per path, by the first visitor in SEEN_BY to see it.
    first_seer: dict[str, str] = {}
    for who, path in pages:
        first_seer.setdefault(path, who)
    shots = os.environ.get("OLIEVLEK_SCREENSHOTS")
    failures: list[str] = []
    context = _context(browser, live_server, clients[visitor])
    page = context.new_page()
    page.set_default_timeout(15_000)
    web = AxePage(page, live_server.url)
    for path in [path for who, path in pages if who == visitor]:
        if shots and path not in SCREENSHOTS:
            continue
        page.set_viewport_size({"width": WIDTHS[0], "height": 844})
        page.goto(live_server.url + path, wait_until="load")
        for width in WIDTHS:
            if width != WIDTHS[0]:
                page.set_viewport_size({"width": width, "height": 900})
            where = f"{visitor} {path} at {width} px"
            if shots and width == 390 and path in SCREENSHOTS and visitor in {"anon", "staff"}:
                page.screenshot(path=str(Path(shots) / f"{SCREENSHOTS[path]}-390.png"))
            overflow = _horizontal_overflow(page)
            if overflow:
                failures.append(f"{where}: scrolls sideways, {overflow}")
            if width != WIDTHS[0] and first_seer[path] != visitor:
                continue
            results = web.axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
            if results.violations_count:
                failures.append(f"{where}: axe-core\n{results.generate_report()}")
    failures.extend(web.csp_violations)
    context.close()
    if shots:
        return
    assert len(first_seer) > 100, f"only {len(first_seer)} pages found"
    mine = sum(1 for who, _path in pages if who == visitor)
    assert mine > 10, f"{visitor} sees only {mine} pages"
    assert not failures, f"{len(failures)} problems:\n" + "\n".join(failures)


def test_main_menu_folds_behind_one_button_on_a_phone(web):
    page = web.page
    page.set_viewport_size({"width": 390, "height": 844})
    web.goto("/")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    button = menu.get_by_role("button", name="Menu")
    link = menu.get_by_role("link", name="Netwerk")
    assert button.get_attribute("aria-expanded") == "false"
    assert not link.is_visible()

    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert link.is_visible()
    web.check()

    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert not link.is_visible()


def test_main_menu_is_a_row_of_links_on_a_wide_screen(web):
    web.goto("/")
    menu = web.page.get_by_role("navigation", name="Hoofdmenu")
    assert not menu.get_by_role("button", name="Menu").is_visible()
    assert menu.get_by_role("link", name="Netwerk").is_visible()


def test_filters_fold_away_on_a_phone_and_stand_open_on_a_wide_screen(web):
    page = web.page
    page.set_viewport_size({"width": 390, "height": 844})
    web.goto("/netwerk/")
    filters = page.get_by_role("search", name="Het netwerk filteren")
    assert not filters.is_visible()
    page.get_by_text("Filters", exact=True).click()
    assert filters.is_visible()

    page.set_viewport_size({"width": 1280, "height": 900})
    web.goto("/netwerk/")
    assert filters.is_visible()
