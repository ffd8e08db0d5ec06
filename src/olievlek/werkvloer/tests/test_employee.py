"""The employee's side: a code from the employer, page by page, the personal result, and
the attacks the scan must withstand (replays, guesses, reading someone else's result)."""

from __future__ import annotations

import logging
import re

import pytest
from django.test import Client, override_settings

from olievlek.audit.models import AuditEntry
from olievlek.engines.scan import ITEMS, THEMES

from .. import services
from ..models import Response
from .factories import ScanTeamFactory

pytestmark = pytest.mark.django_db

SECRET = "Mijn rug doet pijn door het tillen"


def _code(team=None):
    (code,) = services.invitations_create(team=team or ScanTeamFactory(), count=1)
    return code


def _start(client, code):
    page = client.post(f"/scan/c/{code}")
    assert page.status_code == 200
    return re.search(r'id="return-code">([^<]+)<', page.content.decode()).group(1)


def _answer_all(client, *, was=7, value="4", open_answer=SECRET):
    client.post("/scan/vragen/was", {"was": str(was)})
    for theme in THEMES:
        client.post(f"/scan/vragen/{theme}", dict.fromkeys(ITEMS[theme], value))
    return client.post("/scan/vragen/open", {"open_answer": open_answer})


def test_an_employee_answers_and_sees_a_result_with_a_conversation_guide():
    client = Client()
    _start(client, _code())
    last = _answer_all(client, was=5, value="2")
    assert last.url == "/scan/resultaat"
    html = client.get("/scan/resultaat").content.decode()
    assert "een 5 van de 10" in html
    assert "Gespreksleidraad" in html
    assert SECRET in html


def test_the_result_is_also_a_pdf():
    client = Client()
    _start(client, _code())
    _answer_all(client)
    pdf = client.get("/scan/resultaat.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_a_lost_connection_keeps_the_pages_already_saved():
    client = Client()
    return_code = _start(client, _code())
    client.post("/scan/vragen/was", {"was": "8"})
    client.post("/scan/vragen/betrokkenheid", dict.fromkeys(ITEMS["betrokkenheid"], "5"))
    other_device = Client()
    resumed = other_device.post("/scan/terug", {"code": return_code})
    assert resumed.url == "/scan/vragen/organisatie"
    assert Response.objects.get().was == 8


def test_the_return_code_shows_the_result_again_on_another_device():
    client = Client()
    return_code = _start(client, _code())
    _answer_all(client)
    other_device = Client()
    assert other_device.post("/scan/terug", {"code": return_code}).url == "/scan/resultaat"
    assert SECRET in other_device.get("/scan/resultaat").content.decode()


def test_the_result_cannot_be_read_without_the_return_code():
    client = Client()
    _start(client, _code())
    _answer_all(client)
    stranger = Client()
    response = stranger.get("/scan/resultaat")
    assert response.status_code == 302 and response.url == "/scan/terug"
    assert stranger.get("/scan/resultaat.pdf").status_code == 302
    assert stranger.get("/scan/vragen/was").status_code == 302


def test_a_code_works_only_once():
    code = _code()
    _start(Client(), code)
    replay = Client().post(f"/scan/c/{code}")
    assert replay.status_code == 404
    assert Response.objects.count() == 1


def test_guessing_codes_is_refused_and_then_rate_limited():
    _code()
    client = Client()
    with override_settings(OLIEVLEK_SCAN_ATTEMPTS=5):
        outcomes = [
            client.post(f"/scan/c/{services.codes.new_code()}").status_code for _ in range(6)
        ]
        assert outcomes == [404] * 5 + [429]
        assert client.post("/scan/terug", {"code": "x" * 22}).status_code == 429
    assert not Response.objects.exists()


def test_guessing_return_codes_counts_as_failed_attempts():
    client = Client()
    with override_settings(OLIEVLEK_SCAN_ATTEMPTS=3):
        for _ in range(3):
            assert client.post("/scan/terug", {"code": "geraden"}).status_code == 200
        assert client.post("/scan/terug", {"code": "geraden"}).status_code == 429


def test_codes_carry_at_least_128_bits():
    code = services.codes.new_code()
    assert len(code) >= 22  # 22 base64 characters carry 132 bits; token_urlsafe(16) = 128


def test_a_code_of_a_closed_round_does_not_work():
    team = ScanTeamFactory()
    code = _code(team)
    services.round_close(scan_round=team.round)
    assert Client().post(f"/scan/c/{code}").status_code == 404


def test_an_employee_deletes_their_answers_and_the_return_code_stops_working():
    client = Client()
    return_code = _start(client, _code())
    _answer_all(client)
    client.post("/scan/verwijderen")
    assert not Response.objects.exists()
    assert Client().post("/scan/terug", {"code": return_code}).status_code == 200
    assert client.get("/scan/resultaat").status_code == 302


def test_answers_never_reach_the_logs_or_the_audit_log(caplog):
    caplog.set_level(logging.DEBUG)
    client = Client()
    _start(client, _code())
    _answer_all(client)
    assert SECRET not in caplog.text
    assert not AuditEntry.objects.filter(data__icontains="Mijn rug").exists()
    assert "Mijn rug" not in str(Response.objects.get())


def test_closing_the_result_on_a_shared_device_forgets_it():
    client = Client()
    _start(client, _code())
    _answer_all(client)
    client.post("/scan/afsluiten")
    assert client.get("/scan/resultaat").status_code == 302


def test_the_start_page_takes_a_typed_code():
    client = Client()
    page = client.post("/scan/", {"code": _code()})
    assert 'id="return-code"' in page.content.decode()


def test_posted_answers_are_masked_in_error_reports(rf):
    from django.contrib.sessions.middleware import SessionMiddleware
    from django.views.debug import SafeExceptionReporterFilter

    from ..views import employee

    request = rf.post("/scan/vragen/was", {"was": "3"})
    SessionMiddleware(lambda r: None).process_request(request)
    employee.page(request, page="was")
    masked = SafeExceptionReporterFilter().get_post_parameters(request)
    assert masked["was"] != "3"
