"""Browser tests: Python Playwright driving Debian's Chromium against a live server, with
axe-core checking every visited page for WCAG 2.1 A/AA violations."""

from __future__ import annotations

import os

import pytest
from axe_playwright_python.sync_playwright import Axe

# Playwright's sync API keeps an event loop in the test thread; the ORM calls the tests
# make for their setup are still synchronous and safe there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("OLIEVLEK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class AxePage:
    """A Playwright page that runs axe-core on every page it lands on."""

    def __init__(self, page, base_url: str):
        self.page, self.base_url = page, base_url
        self.axe = Axe()
        self.checked: list[str] = []

    def goto(self, path: str):
        self.page.goto(self.base_url + path)
        self.check()

    def check(self) -> None:
        self.page.wait_for_load_state("networkidle")
        results = self.axe.run(self.page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        self.checked.append(self.page.url)
        assert results.violations_count == 0, (
            f"axe-core found violations on {self.page.url}:\n{results.generate_report()}"
        )


@pytest.fixture
def web(browser, live_server):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield AxePage(page, live_server.url)
    context.close()
