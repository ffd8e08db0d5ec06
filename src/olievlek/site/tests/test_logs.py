"""Logs as JSON lines with a request id, and never personal data (site/logs.py)."""

from __future__ import annotations

import io
import json
import logging
import logging.config

import pytest
from django.conf import settings as django_settings

from olievlek.site.logs import logging_config

pytestmark = pytest.mark.django_db

FIELDS = {"time", "level", "logger", "message", "request_id", "method", "path", "status"}


@pytest.fixture
def json_log():
    """The production configuration (LOG_FORMAT=json), writing into a buffer."""
    buffer = io.StringIO()
    config = logging_config(log_format="json", level="INFO")
    config["handlers"]["console"]["stream"] = buffer
    logging.config.dictConfig(config)
    yield lambda: [json.loads(line) for line in buffer.getvalue().splitlines()]
    logging.config.dictConfig(django_settings.LOGGING)


def _access(lines):
    return [line for line in lines if line["logger"] == "olievlek.request"]


def test_every_request_writes_one_json_access_line(client, json_log):
    response = client.get("/netwerk/")
    (line,) = _access(json_log())
    assert FIELDS | {"duration_ms"} <= set(line)
    assert line["method"] == "GET"
    assert line["path"] == "/netwerk/"
    assert line["status"] == 200
    assert line["level"] == "INFO"
    assert line["duration_ms"] > 0
    assert line["request_id"] == response["X-Request-ID"]


def test_the_load_balancers_request_id_is_kept_and_echoed(client, json_log):
    response = client.get("/netwerk/", HTTP_X_REQUEST_ID="lb-4f1c2a9e-0001")
    assert response["X-Request-ID"] == "lb-4f1c2a9e-0001"
    assert _access(json_log())[0]["request_id"] == "lb-4f1c2a9e-0001"


@pytest.mark.parametrize("offered", ["", "short", "x" * 200, "evil\nline injected", "<script>"])
def test_an_implausible_request_id_is_replaced(client, offered):
    response = client.get("/", HTTP_X_REQUEST_ID=offered)
    assert response["X-Request-ID"] != offered
    assert len(response["X-Request-ID"]) == 32


def test_health_probes_write_no_access_line(client, json_log):
    assert client.get("/health/live").status_code == 200
    assert not _access(json_log())


def test_lines_logged_after_a_request_carry_no_request_id(client, json_log):
    client.get("/")
    logging.getLogger("olievlek.test").warning("outside a request")
    outside = [line for line in json_log() if line["logger"] == "olievlek.test"]
    assert outside[0]["request_id"] is None


def test_a_view_log_line_has_the_request_id(client, json_log):
    client.get("/bestaat-niet/", HTTP_X_REQUEST_ID="lb-request-000042")
    not_found = [line for line in json_log() if line["logger"] == "django.request"]
    assert not_found and not_found[0]["request_id"] == "lb-request-000042"
    assert not_found[0]["level"] == "WARNING"


def test_an_email_address_in_a_message_is_not_written(json_log):
    logging.getLogger("olievlek.test").warning("Mail to %s bounced", "jan.jansen@example.nl")
    (line,) = json_log()
    assert "jan.jansen" not in json.dumps(line)
    assert line["message"] == "Mail to [email] bounced"


def test_an_email_address_and_a_token_in_a_url_are_not_written(client, json_log):
    client.get("/zoeken/jan.jansen@example.nl?token=geheim-123&q=x")
    written = json.dumps(json_log())
    assert "jan.jansen" not in written
    assert "geheim-123" not in written
    assert "token=" not in written
    assert _access(json_log())[0]["path"] == "/zoeken/[email]"


def test_a_posted_form_is_not_written(client, json_log):
    client.post("/accounts/login/", {"login": "piet@example.nl", "password": "Wachtwoord-99"})
    written = json.dumps(json_log())
    assert "piet@example.nl" not in written
    assert "Wachtwoord-99" not in written
    assert _access(json_log())[0]["method"] == "POST"


def test_an_email_address_in_a_traceback_is_not_written(json_log):
    try:
        raise ValueError("duplicate key (email)=(marie@example.nl)")
    except ValueError:
        logging.getLogger("olievlek.test").exception("Saving failed")
    (line,) = json_log()
    assert "marie@example.nl" not in line["exception"]
    assert "ValueError" in line["exception"]


def test_the_default_format_is_readable_text():
    buffer = io.StringIO()
    config = logging_config(log_format="text", level="INFO")
    config["handlers"]["console"]["stream"] = buffer
    logging.config.dictConfig(config)
    try:
        logging.getLogger("olievlek.test").warning("Hallo %s", "ans@example.nl")
    finally:
        logging.config.dictConfig(django_settings.LOGGING)
    assert buffer.getvalue().rstrip().endswith("WARNING olievlek.test [None] Hallo [email]")


def test_a_message_whose_arguments_do_not_fit_is_still_written_and_redacted(json_log):
    logging.getLogger("olievlek.test").warning("Two %s %s", "kees@example.nl")
    (line,) = json_log()
    assert "kees@example.nl" not in line["message"]
    assert line["message"].startswith("Two")
