"""Phone screenshots (390 px wide, full page) of the home page, the chain page and one
back-office list, for docs/screenshots/. Run against a server with the demo data:

    make demo        # or: olievlek demo_load && olievlek runserver 127.0.0.1:8000
    .venv/bin/python scripts/screenshots.py [--base http://127.0.0.1:8000] [--suffix after]

The back office needs the demo's project-team login and its two-factor code, which this
script computes from the demo secret (as `olievlek demo_totp` does).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "olievlek.site.settings")

CHROMIUM = os.environ.get("OLIEVLEK_CHROMIUM", "/usr/bin/chromium")
OUT = ROOT / "docs" / "screenshots"
PUBLIC = {"home": "/", "keten": "/payitforward/keten"}
BACKOFFICE = {"aanmeldingen": "/beheer/aanmeldingen/"}


def _totp() -> str:
    import django

    django.setup()
    from allauth.mfa.totp.internal.auth import (
        format_hotp_value,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    from olievlek.site.demo_logins import DEMO_TOTP_SECRET

    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(DEMO_TOTP_SECRET, counters[len(counters) // 2]))


def _log_in(page, base: str, next_path: str) -> None:
    from olievlek.site.demo_logins import DEMO_PASSWORD, STAFF_EMAIL

    page.goto(f"{base}/accounts/login/?next={next_path}")
    page.get_by_label("E-mailadres", exact=True).fill(STAFF_EMAIL)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_label("Code").fill(_totp())
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"**{next_path}")


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--suffix", default="after")
    args = parser.parse_args()
    base = args.base.rstrip("/")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(
            locale="nl-NL", viewport={"width": 390, "height": 844}, device_scale_factor=1
        )
        page = context.new_page()
        shots = [(name, path, False) for name, path in PUBLIC.items()]
        shots += [(name, path, True) for name, path in BACKOFFICE.items()]
        for name, path, staff in shots:
            if staff and "/accounts/" not in page.url:
                _log_in(page, base, path)
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            width = page.evaluate("document.documentElement.scrollWidth")
            target = OUT / f"phone-390-{name}-{args.suffix}.png"
            page.screenshot(path=str(target), full_page=True)
            print(f"{target.relative_to(ROOT)}: page {width} px wide")
        browser.close()


if __name__ == "__main__":
    main()
