"""Shared parts of the apps' permission matrices: every page tried by every kind of
visitor, each row saying what that visitor must get.

An expected outcome is a status code, `LOGIN` (a redirect to the login page that comes
back to the same URL), or a string: a redirect to a URL starting with it.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.urls import reverse

LOGIN = "login"
# The visitors most apps test: anonymous, the contact of approved organisation A, of B,
# the project team, and the contact of an organisation whose registration is pending.
VISITORS = ("anon", "a", "b", "staff", "pending")
ALL_200 = (200,) * len(VISITORS)
MEMBER = (LOGIN, 200, 200, 403, 403)
BACKOFFICE = (LOGIN, 403, 403, 200, 403)
BACKOFFICE_POST = (LOGIN, 403, 403, 302, 403)


def row_maker(visitors: tuple[str, ...] = VISITORS):
    """`row(method, url, *outcomes, data)`: one parametrised matrix row, with an outcome
    per visitor in the order of `visitors`, and optionally the data to send."""

    def row(method: str, url: str, *values, data=None):
        outcomes = values[: len(visitors)]
        if len(values) == len(visitors) + 1:
            data = values[-1]
        elif len(values) != len(visitors):
            raise ValueError(f"{method} {url}: {len(values)} values for {len(visitors)} visitors")
        return pytest.param(
            method, url, dict(zip(visitors, outcomes, strict=True)), data, id=f"{method} {url}"
        )

    return row


def assert_outcome(response, *, url: str, want) -> None:
    if want == LOGIN:
        assert response.status_code == 302
        assert response.url == f"{reverse('account_login')}?next={quote(url, safe='/')}"
    elif isinstance(want, str):
        assert response.status_code == 302
        assert response.url.startswith(want)
    else:
        assert response.status_code == want, response.content[:500]
