"""The visitor survey: shown after a few pages, answered anonymously, dismissed for good,
and guarded against bots (honeypot, rate limit)."""

from __future__ import annotations

import pytest

from ..models import SurveyResponse

pytestmark = pytest.mark.django_db

ANSWER = {"knows_better": "4", "more_willing": "5", "is_employer": "yes", "size_class": "klein",
          "next": "/manifest/"}  # fmt: skip


def browse(client, pages=3):
    for _ in range(pages):
        response = client.get("/businesscase/")
    return response.content.decode()


def test_the_survey_is_not_shown_on_the_first_pages(client):
    assert 'id="ov-survey-title"' not in browse(client, pages=2)


def test_the_survey_appears_after_three_pages(client):
    assert 'id="ov-survey-title"' in browse(client, pages=3)


def test_an_answer_is_stored_with_only_its_day(client):
    browse(client)
    response = client.post("/impact/enquete", ANSWER)
    assert response.status_code == 302 and response.url == "/manifest/"
    saved = SurveyResponse.objects.get()
    assert (saved.knows_better, saved.more_willing, saved.wants_more) == (4, 5, None)
    assert (saved.is_employer, saved.size_class) == ("yes", "klein")


def test_after_answering_the_survey_is_not_shown_again(client):
    browse(client)
    client.post("/impact/enquete", ANSWER)
    assert client.cookies["ov_enquete"].value == "done"
    assert 'id="ov-survey-title"' not in browse(client)


def test_dismissing_hides_the_survey_for_good(client):
    browse(client)
    client.post("/impact/enquete/sluiten", {"next": "/businesscase/"})
    assert 'id="ov-survey-title"' not in browse(client, pages=5)
    assert not SurveyResponse.objects.exists()


def test_a_filled_honeypot_is_thanked_but_not_stored(client):
    response = client.post("/impact/enquete", {**ANSWER, "website": "http://spam.example"})
    assert response.status_code == 302
    assert not SurveyResponse.objects.exists()


def test_answers_from_one_visitor_are_limited_per_hour(client):
    for _ in range(5):
        client.post("/impact/enquete", ANSWER)
    assert SurveyResponse.objects.count() == 3


def test_an_empty_answer_is_refused(client):
    client.post("/impact/enquete", {"next": "/"})
    assert not SurveyResponse.objects.exists()


def test_a_foreign_return_address_is_not_followed(client):
    response = client.post("/impact/enquete", {**ANSWER, "next": "https://evil.example/"})
    assert response.url == "/"


def test_members_are_not_asked(client_for, user_a):
    assert 'id="ov-survey-title"' not in browse(client_for(user_a), pages=4)


def test_the_survey_stays_away_from_a_registration_form(client):
    browse(client)
    assert 'id="ov-survey-title"' not in client.get("/aanmelden").content.decode()


def test_a_page_with_the_survey_never_enters_the_shared_page_cache(client, settings):
    from django.test import Client

    settings.OLIEVLEK_PAGE_CACHE = True
    browse(client, pages=3)
    html = client.get("/netwerk/").content.decode()
    assert 'id="ov-survey-title"' in html
    fresh = Client().get("/netwerk/")
    assert 'id="ov-survey-title"' not in fresh.content.decode()


def test_the_survey_stays_away_from_an_employees_self_scan(client):
    browse(client, pages=5)
    assert 'id="ov-survey-title"' not in client.get("/scan/").content.decode()
    assert 'id="ov-survey-title"' not in client.get("/scan/terug").content.decode()
