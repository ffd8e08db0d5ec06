"""`/mijn/themas`: what is typed for a theme is saved, or the page says why it is not."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_text_for_an_unticked_experience_is_not_dropped_silently(org_a, user_a, client_for):
    client = client_for(user_a)
    org_a.theme_profiles.all().delete()
    data = {"apk-experience": "Wij voeren elk jaar een loopbaangesprek."}
    with translation.override("nl"):
        response = client.post(reverse("network:member_themes"), data, HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Wij voeren elk jaar een loopbaangesprek." in html  # the text is still there
    assert "wordt alleen bewaard" in html
    assert "De thema&#x27;s zijn bewaard" not in html
    assert not org_a.theme_profiles.exists()


def test_a_question_for_an_unticked_help_wish_is_not_dropped_silently(org_a, user_a, client_for):
    client = client_for(user_a)
    org_a.theme_profiles.all().delete()
    response = client.post(
        reverse("network:member_themes"), {"gezondheid-help_question": "Hoe begint u?"}
    )
    assert response.status_code == 200
    assert "Hoe begint u?" in response.content.decode()
    assert not org_a.theme_profiles.filter(theme="gezondheid").exists()


def test_ticked_text_is_saved(org_a, user_a, client_for):
    client = client_for(user_a)
    data = {"apk-has_experience": "on", "apk-experience": "Loopbaangesprek"}
    assert client.post(reverse("network:member_themes"), data).status_code == 302
    assert org_a.theme_profiles.get(theme="apk").experience == "Loopbaangesprek"
