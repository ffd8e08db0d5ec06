"""Security review findings 4 and 10: the API and the forms anyone can post are throttled
per client address (and per account, per recipient); over the limit nothing is saved.

The test settings switch every limit off; each test here switches on the ones it proves.
"""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client, RequestFactory, override_settings

from olievlek.accounts.tests.support import api_key_for
from olievlek.events.choices import RegistrationState
from olievlek.events.models import Registration
from olievlek.events.tests.factories import EventFactory
from olievlek.knowledge.models import Endorsement
from olievlek.knowledge.tests.factories import CampaignItemFactory
from olievlek.network.models import Organisation
from olievlek.network.tests.test_registration import VALID as SIGNUP
from olievlek.site import settings as configured
from olievlek.site.throttle import client_address

pytestmark = pytest.mark.django_db

HOME = "198.51.100.7"
ELSEWHERE = "203.0.113.9"
API = "/api/v1/organisaties"
API_RATES = {"anon": "3/m", "member": "5/m", "staff": "8/m"}
NO_FORM_LIMITS = dict.fromkeys(configured.OLIEVLEK_FORM_THROTTLE_RATES)


def _client(address: str = HOME) -> Client:
    return Client(REMOTE_ADDR=address)


def _forms(**rates):
    return override_settings(OLIEVLEK_FORM_THROTTLE_RATES={**NO_FORM_LIMITS, **rates})


def _statuses(client, url, times, **kwargs) -> list[int]:
    return [client.get(url, **kwargs).status_code for _ in range(times)]


# --- Who the client is -------------------------------------------------------------------


def test_the_client_is_the_connection_address_unless_proxies_are_trusted():
    request = RequestFactory().get("/", REMOTE_ADDR=HOME, HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_address(request) == HOME  # a header anyone can send is not trusted
    with override_settings(OLIEVLEK_TRUSTED_PROXY_COUNT=1):
        request.META["HTTP_X_FORWARDED_FOR"] = "1.2.3.4, 192.0.2.55"
        assert client_address(request) == "192.0.2.55"  # what our one proxy saw


def test_ipv6_clients_count_per_64_block():
    one = RequestFactory().get("/", REMOTE_ADDR="2001:db8:1:2::1")
    two = RequestFactory().get("/", REMOTE_ADDR="2001:db8:1:2:ffff::9")
    assert client_address(one) == client_address(two) == "2001:db8:1:2::/64"


def test_the_configured_rates_give_the_project_team_the_most_room():
    from olievlek.site.throttle import parse_rate

    rates = {s: parse_rate(r) for s, r in configured.OLIEVLEK_API_THROTTLE_RATES.items()}
    per_second = {s: count / seconds for s, (count, seconds) in rates.items()}
    assert per_second["staff"] > per_second["member"] > per_second["anon"]
    assert all(configured.OLIEVLEK_FORM_THROTTLE_RATES.values())
    assert configured.ALLAUTH_TRUSTED_PROXY_COUNT == configured.OLIEVLEK_TRUSTED_PROXY_COUNT


# --- The API: three scopes ---------------------------------------------------------------


@override_settings(OLIEVLEK_API_THROTTLE_RATES=API_RATES)
def test_anonymous_api_requests_are_limited_per_address():
    client = _client()
    assert _statuses(client, API, 3) == [200] * 3
    response = client.get(API)
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert int(response["Retry-After"]) > 0
    assert _client(ELSEWHERE).get(API).status_code == 200


@override_settings(OLIEVLEK_API_THROTTLE_RATES=API_RATES)
def test_member_api_requests_are_limited_per_account(user_a, user_b):
    key = {"Authorization": f"Token {api_key_for(user_a)}"}
    assert _statuses(_client(), API, 5, headers=key) == [200] * 5
    assert _client(ELSEWHERE).get(API, headers=key).status_code == 429  # the account, anywhere
    other = {"Authorization": f"Token {api_key_for(user_b)}"}
    assert _client().get(API, headers=other).status_code == 200


@override_settings(OLIEVLEK_API_THROTTLE_RATES=API_RATES)
def test_the_project_team_has_a_higher_limit(staff_user):
    key = {"Authorization": f"Token {api_key_for(staff_user, mfa_completed=True)}"}
    assert _statuses(_client(), API, 8, headers=key) == [200] * 8
    assert _client().get(API, headers=key).status_code == 429


@override_settings(OLIEVLEK_API_THROTTLE_RATES=API_RATES)
def test_staff_without_the_second_factor_get_the_member_limit(staff_user):
    key = {"Authorization": f"Token {api_key_for(staff_user, mfa_completed=False)}"}
    assert _statuses(_client(), API, 5, headers=key) == [200] * 5
    assert _client().get(API, headers=key).status_code == 429


# --- Forms anyone can post ---------------------------------------------------------------


def _assert_refused(response) -> None:
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    body = response.content.decode()
    assert "Te veel pogingen" in body and "Er is niets opgeslagen" in body


@_forms(signup="2/h")
def test_signing_up_is_limited_per_address_and_saves_nothing_when_refused():
    client = _client()
    assert [client.post("/aanmelden", {}).status_code for _ in range(2)] == [200, 200]
    _assert_refused(client.post("/aanmelden", SIGNUP))
    assert not Organisation.objects.exists()
    assert not mail.outbox
    assert client.get("/aanmelden").status_code == 200  # reading the form is never limited
    assert _client(ELSEWHERE).post("/aanmelden", SIGNUP).status_code == 302


def _register(client, event, email: str, name: str = "Piet Bezoeker"):
    return client.post(
        f"/bijeenkomsten/{event.slug}/aanmelden",
        {"name": name, "email": email, "organisation_name": "Buurtzorg", "consent": "on"},
    )


@_forms(event_registration="2/h", **{"event_registration.email": "10/h"})
def test_visitor_registrations_are_limited_per_address():
    events = EventFactory.create_batch(3)
    client = _client()
    assert _register(client, events[0], "een@example.nl").status_code == 302
    assert _register(client, events[1], "twee@example.nl").status_code == 302
    _assert_refused(_register(client, events[2], "drie@example.nl"))
    assert Registration.objects.count() == 2
    assert _register(_client(ELSEWHERE), events[2], "drie@example.nl").status_code == 302


@_forms(event_registration="10/h", **{"event_registration.email": "2/h"})
def test_visitor_registrations_are_limited_per_recipient(django_capture_on_commit_callbacks):
    """Nobody can flood someone's inbox with confirmation mails from many addresses."""
    events = EventFactory.create_batch(3)
    with django_capture_on_commit_callbacks(execute=True):
        for n, event in enumerate(events[:2]):
            response = _register(_client(f"192.0.2.{n + 1}"), event, "doelwit@example.nl")
            assert response.status_code == 302
        _assert_refused(_register(_client(ELSEWHERE), events[2], " Doelwit@Example.nl "))
    assert Registration.objects.filter(email="doelwit@example.nl").count() == 2
    assert len(mail.outbox) == 2
    assert _register(_client(ELSEWHERE), events[2], "ander@example.nl").status_code == 302


def test_a_visitor_registration_takes_a_seat_only_after_the_confirmation(
    django_capture_on_commit_callbacks,
):
    event = EventFactory(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert _register(_client(), event, "piet@example.nl").status_code == 302
    registration = Registration.objects.get()
    assert registration.state == RegistrationState.PENDING and registration.sequence is None
    assert mail.outbox[-1].to == ["piet@example.nl"]
    assert registration.get_absolute_url() in mail.outbox[-1].body
    with django_capture_on_commit_callbacks(execute=True):
        _client().post(registration.get_absolute_url(), {"action": "confirm"})
    registration.refresh_from_db()
    assert registration.state == RegistrationState.CONFIRMED and registration.sequence == 1


@_forms(campaign_request="2/h")
def test_campaign_material_requests_are_limited_per_address(client_for, user_a):
    item = CampaignItemFactory()
    client = client_for(user_a)
    url = f"/campagne/{item.slug}/aanvragen"
    assert [client.post(url, {}, REMOTE_ADDR=HOME).status_code for _ in range(2)] == [200, 200]
    _assert_refused(client.post(url, {}, REMOTE_ADDR=HOME))


@_forms(manifesto="1/h")
def test_signing_the_manifesto_is_limited_per_address(client_for, user_a, user_b):
    assert client_for(user_a).post("/manifest/ondertekenen", REMOTE_ADDR=HOME).status_code == 302
    _assert_refused(client_for(user_b).post("/manifest/ondertekenen", REMOTE_ADDR=HOME))
    assert Endorsement.objects.count() == 1


def test_without_limits_the_suite_posts_freely():
    """The switch in settings_test: the refusals above come from the rates they set."""
    for _ in range(12):
        assert _client().post("/aanmelden", {}).status_code == 200
