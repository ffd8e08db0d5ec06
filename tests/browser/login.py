"""Logging in through the real login page in the browser; the project team also enters
its TOTP code, as a person would."""

from __future__ import annotations

import re

from olievlek.accounts.tests.support import totp_now
from olievlek.network.tests.factories import PASSWORD


def log_in(web, email: str, next_path: str, *, staff: bool = False) -> None:
    page = web.page
    page.context.clear_cookies()
    web.goto(f"/accounts/login/?next={next_path}")
    page.get_by_label("E-mailadres", exact=True).fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    if staff:
        page.get_by_label("Code").fill(totp_now())
        page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(re.escape(next_path.split("?")[0]) + "$"))
    web.check()
