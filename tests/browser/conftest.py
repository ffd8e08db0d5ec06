"""Browser tests: Python Playwright driving Debian's Chromium against a live server, with
axe-core checking every visited page for WCAG 2.1 A/AA violations, and every test failing
on anything the Content Security Policy refused (Chromium reports it on the console)."""

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


def is_csp_violation(text: str) -> bool:
    """Chromium's console message for anything the policy blocked. Older versions say
    "Refused to load the script ... because it violates the following Content Security
    Policy directive", newer ones "Applying inline style violates the following Content
    Security Policy directive ... The action has been blocked."; both name the directive."""
    return "Content Security Policy directive" in text and (
        text.startswith("Refused to") or "has been blocked" in text
    )


class AxePage:
    """A Playwright page that runs axe-core on every page it lands on, and collects what
    the Content Security Policy refused."""

    def __init__(self, page, base_url: str):
        self.page, self.base_url = page, base_url
        self.axe = Axe()
        self.checked: list[str] = []
        self.csp_violations: list[str] = []
        page.on("console", self._on_console)

    def _on_console(self, message) -> None:
        if is_csp_violation(message.text):
            self.csp_violations.append(f"{self.page.url}: {message.text}")

    def assert_no_csp_violations(self) -> None:
        assert not self.csp_violations, "The Content Security Policy refused:\n" + "\n".join(
            self.csp_violations
        )

    def goto(self, path: str):
        self.page.goto(self.base_url + path)
        self.check()

    def check(self) -> None:
        # "load", not "networkidle": no page fetches anything after it loads, and
        # networkidle waits half a second of silence on every page.
        self.page.wait_for_load_state("load")
        self.assert_no_csp_violations()
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
    web = AxePage(page, live_server.url)
    yield web
    try:
        web.assert_no_csp_violations()
    finally:
        context.close()
