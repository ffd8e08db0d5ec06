"""Pages: forms keep input and show reasons, the search page escapes and highlights,
feeds carry published stories only, the chart shows its numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ..models import Story, UsageRequest
from ..search import search_index_story
from .factories import CampaignItemFactory, StoryFactory, image_bytes

pytestmark = pytest.mark.django_db


def test_a_story_form_with_errors_keeps_what_was_typed(client_for, user_a):
    response = client_for(user_a).post(
        "/mijn/verhalen/nieuw",
        {"title": "Mijn titel", "lead": "", "body": "Tekst", "absence_before": "6,5"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Mijn titel"' in html and 'value="6,5"' in html
    assert "error-summary" in html
    assert not Story.objects.exists()


def test_a_dutch_decimal_comma_is_accepted(client_for, user_a, org_a):
    response = client_for(user_a).post(
        "/mijn/verhalen/nieuw",
        {
            "title": "Met cijfers",
            "lead": "Kort.",
            "body": "Tekst.",
            "themes": ["gezondheid"],
            "absence_before": "6,5",
            "absence_after": "4,0",
            "investment": "25000",
        },
    )
    assert response.status_code == 302
    story = Story.objects.get()
    assert (story.absence_before, story.absence_after) == (Decimal("6.5"), Decimal("4.0"))


def test_a_lying_image_upload_is_refused_on_the_page(client_for, user_a, org_a):
    story = StoryFactory(organisation=org_a)
    response = client_for(user_a).post(
        f"/mijn/verhalen/{story.pk}/afbeeldingen",
        {
            "image": SimpleUploadedFile("foto.png", image_bytes("JPEG")),
            "alt_text": "Team",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "JPEG-afbeelding" in html  # "het is een JPEG-afbeelding"
    assert 'value="Team"' in html
    assert not story.images.exists()


def test_the_business_case_chart_shows_its_numbers(client, org_a):
    story = StoryFactory(
        organisation=org_a,
        published=True,
        absence_before=Decimal("8.0"),
        absence_after=Decimal("4.0"),
        investment=25000,
    )
    html = client.get(story.get_absolute_url()).content.decode()
    assert "8,0%" in html and "4,0%" in html
    # Bar lengths as SVG attributes (the CSP allows no inline style).
    assert 'class="ov-chart__fill" width="100"' in html
    assert 'class="ov-chart__fill" width="50"' in html
    assert "4,0 procentpunt" in html
    assert "25.000" in html


def test_search_page_marks_matches_and_escapes_stored_text(client, org_a):
    story = StoryFactory(
        organisation=org_a,
        published=True,
        title="Vitaliteit <b>vet</b>",
        lead="Kort.",
        body="x",
        body_html="<p>Onze &lt;script&gt;alert(1)&lt;/script&gt; vitaliteit telt.</p>",
    )
    search_index_story(story=story)
    html = client.get("/zoeken/?q=Vitaliteit").content.decode()
    assert "<mark>vitaliteit</mark>" in html
    assert "<script>alert(1)" not in html
    assert "Vitaliteit &lt;b&gt;vet&lt;/b&gt;" in html
    assert "1 resultaat" in html


def test_search_page_explains_empty_and_unsearchable_queries(client):
    assert "Waar zoekt u naar?" in client.get("/zoeken/").content.decode()
    html = client.get("/zoeken/?q=%21%21%21").content.decode()
    assert "bevat geen woorden waarop we kunnen zoeken" in html
    html = client.get("/zoeken/?q=onvindbaarwoord").content.decode()
    assert "Niets gevonden" in html
    assert client.get("/zoeken/?q=werk&type=onzin&theme=%22&page=99").status_code == 200


def test_feeds_list_published_stories_with_their_lead(client, org_a):
    StoryFactory(organisation=org_a, published=True, title="Gepubliceerd", lead="De lead.")
    StoryFactory(organisation=org_a, submitted=True, title="Ingediend")
    atom = client.get("/verhalen/feed/atom")
    rss = client.get("/verhalen/feed/rss")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert rss["Content-Type"].startswith("application/rss+xml")
    for response in (atom, rss):
        body = response.content.decode()
        assert "Gepubliceerd" in body and "De lead." in body and "Ingediend" not in body


def test_story_filters_by_organisation_properties(client, org_a, org_b):
    org_b.province, org_b.sector = "NL-GR", "F"
    org_b.save()
    StoryFactory(organisation=org_a, published=True, title="Utrechts verhaal")
    StoryFactory(organisation=org_b, published=True, title="Gronings verhaal", themes=["apk"])
    html = client.get("/verhalen/?province=NL-GR").content.decode()
    assert "Gronings verhaal" in html and "Utrechts verhaal" not in html
    html = client.get("/verhalen/?theme=gezondheid&sector=C").content.decode()
    assert "Utrechts verhaal" in html and "Gronings verhaal" not in html


def test_a_usage_request_through_the_page(client_for, user_a, org_a):
    item = CampaignItemFactory()
    response = client_for(user_a).post(
        f"/campagne/{item.slug}/aanvragen",
        {
            "purpose": "Kantine",
            "channel": "Kantine",
            "period_start": "2020-01-01",
            "period_end": "2020-02-01",
            "agree": "on",
        },
    )
    assert response.status_code == 200
    assert "De periode is al voorbij." in response.content.decode()
    assert not UsageRequest.objects.exists()
