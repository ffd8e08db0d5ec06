"""Markdown boxes: a character counter and a preview rendered by the server through the
sanitising renderer that shows the text on the site, with and without JavaScript."""

from __future__ import annotations

import pytest
from django.urls import reverse

from olievlek.events.tests.factories import EventFactory
from olievlek.knowledge.markdown import render_markdown
from olievlek.knowledge.models import Story

pytestmark = pytest.mark.django_db

UNSAFE = "## Kop\n\n**vet** <script>alert(1)</script> [link](javascript:alert(1))"


def test_the_preview_endpoint_renders_like_the_site_and_sanitises(user_a, client_for):
    response = client_for(user_a).post(reverse("markdown_preview"), {"text": UNSAFE})
    html = response.content.decode()
    assert response.status_code == 200
    assert html == render_markdown(UNSAFE)
    assert "<strong>vet</strong>" in html and "<h3>Kop</h3>" in html
    assert "<script" not in html and "javascript:" not in html


def test_the_preview_endpoint_needs_a_login(client):
    response = client.post(reverse("markdown_preview"), {"text": "x"})
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_the_story_form_has_a_counter_and_a_preview_button(user_a, client_for):
    html = client_for(user_a).get(reverse("knowledge:my_story_new")).content.decode()
    assert 'data-counter-for="id_body"' in html
    assert "0 van 20000 tekens" in html
    assert 'name="_preview"' in html and 'data-preview-for="id_body"' in html


def test_without_javascript_the_preview_button_shows_the_form_again_with_the_preview(
    user_a, client_for
):
    data = {"title": "Ons verhaal", "lead": "Kort", "body": UNSAFE, "themes": ["apk"]}
    response = client_for(user_a).post(
        reverse("knowledge:my_story_new"), {**data, "_preview": "body"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert not Story.objects.exists()  # a preview saves nothing
    assert render_markdown(UNSAFE) in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # what was typed is kept
    assert "<script>alert(1)" not in html
    assert f"{len(UNSAFE)} van 20000 tekens" in html


def test_a_meeting_description_is_shown_through_the_markdown_renderer(client):
    event = EventFactory(description="Neem **uw laptop** mee.\n\n<script>x()</script>")
    html = client.get(reverse("events:detail", args=[event.slug])).content.decode()
    assert "<strong>uw laptop</strong>" in html
    assert "<script>x()" not in html


def test_the_meeting_form_offers_a_preview(staff_user, client_for):
    html = client_for(staff_user).get(reverse("events:manage_create")).content.decode()
    assert 'data-preview-for="id_description"' in html


def test_a_programme_line_preview_saves_nothing(staff_user, client_for):
    from olievlek.programme.models import ProgrammeLine

    response = client_for(staff_user).post(
        reverse("programme:bo_create"),
        {"name": "Vitaal werken", "description": "*schuin*", "_preview": "description"},
    )
    assert response.status_code == 200
    assert "<em>schuin</em>" in response.content.decode()
    assert not ProgrammeLine.objects.exists()
