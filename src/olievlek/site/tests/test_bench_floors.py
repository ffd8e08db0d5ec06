"""The floors of the load benchmark (`benchmarks/web_urls.py`) measure what they say: a
logged-in member, first answered in plain text, then given the site's layout around an
empty page, neither counted as a public visit. The member pages' ratio to the bare view
is read against them, so they must not do less (or more) than a member page's frame."""

from __future__ import annotations

import pytest

from olievlek.impact.models import DailyVisits

pytestmark = [pytest.mark.django_db, pytest.mark.urls("benchmarks.web_urls")]


def test_the_text_floor_answers_a_logged_in_member_only(client, client_for, user_a):
    response = client_for(user_a).get("/mijn/bench-text")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert client.get("/mijn/bench-text").status_code == 302  # to the login


def test_the_layout_floor_is_the_member_layout_around_an_empty_page(client_for, user_a):
    response = client_for(user_a).get("/mijn/bench-layout")
    assert response.status_code == 200
    html = response.content.decode()
    # The member's frame: the logout form with its CSRF token, the way to the member
    # area, the trail back to it; and nothing of a page's own.
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'href="/mijn/"' in html
    assert "<h1>Olievlek</h1>" in html
    assert not DailyVisits.objects.exists()
