"""Security review finding 3: API keys are stored as digests, expire, can be revoked, and a
staff key acts as the project team only when made after a two-factor login."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from olievlek.accounts.models import ApiToken
from olievlek.accounts.tests.support import api_key_for, login_with_mfa
from olievlek.accounts.tokens import api_token_create, api_token_revoke
from olievlek.audit.models import AuditEntry
from olievlek.network.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ME = "/api/v1/organisaties"
ROUNDS = "/api/v1/matchrondes"


def _get(client, secret: str, scheme: str = "Token", url: str = ME):
    return client.get(url, headers={"Authorization": f"{scheme} {secret}"})


def _about(*, days: int):
    return pytest.approx(timedelta(days=days), abs=timedelta(seconds=5))


def _all_token_columns() -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {ApiToken._meta.db_table}")  # noqa: S608
        return repr(cursor.fetchall())


# --- At rest -----------------------------------------------------------------------------


def test_the_database_holds_no_secret_only_its_digest(user_a):
    secret = api_key_for(user_a)
    stored = _all_token_columns()
    assert secret not in stored
    assert secret[len("olv_") :] not in stored
    token = ApiToken.objects.get()
    assert len(token.digest) == 64 and token.digest != secret
    assert secret.startswith(token.prefix) and len(token.prefix) == 8


def test_a_secret_has_at_least_32_random_bytes(user_a):
    secrets_ = {api_key_for(user_a) for _ in range(5)}
    assert len(secrets_) == 5
    assert all(len(s) >= len("olv_") + 43 for s in secrets_)


def test_the_key_has_a_name_a_default_expiry_of_90_days_and_no_use_yet(user_a):
    created = api_token_create(user=user_a, name="  Ons  CRM ", days=90, mfa_completed=False)
    token = created.token
    assert token.name == "Ons CRM"
    assert token.expires_at - token.created_at == _about(days=90)
    assert token.last_used_at is None and token.revoked_at is None


@pytest.mark.parametrize("days", [0, 91, 365])
def test_a_key_lives_at_most_90_days(user_a, days):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        api_token_create(user=user_a, name="CRM", days=days, mfa_completed=False)
    assert not ApiToken.objects.exists()


# --- Using a key -------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["Token", "Bearer", "bearer"])
def test_a_key_works_with_the_token_and_the_bearer_header(client, user_a, scheme):
    own = user_a.contact.organisation
    response = _get(client, api_key_for(user_a), scheme, url=f"/api/v1/organisaties/{own.pk}")
    assert response.status_code == 200
    assert "contacts" in response.json()  # its own organisation in full: read as its contact


def test_using_a_key_records_when_it_was_last_used(client, user_a):
    secret = api_key_for(user_a)
    _get(client, secret)
    assert ApiToken.objects.get().last_used_at is not None


def _patch(client, secret, organisation):
    return client.patch(
        f"/api/v1/organisaties/{organisation.pk}",
        {"city": "Gewijzigd"},
        content_type="application/json",
        headers={"Authorization": f"Token {secret}"},
    )


def test_an_expired_key_answers_401_problem_json(client, user_a, org_a):
    secret = api_key_for(user_a, days=1)
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    for response in (_get(client, secret), _patch(client, secret, org_a)):
        assert response.status_code == 401
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["detail"] == "Deze API-sleutel is verlopen."
        assert response["WWW-Authenticate"].startswith("Token")
    org_a.refresh_from_db()
    assert org_a.city != "Gewijzigd"


def test_a_revoked_key_answers_401_problem_json(client, user_a, org_a):
    secret = api_key_for(user_a)
    assert _patch(client, secret, org_a).status_code == 200
    api_token_revoke(token=ApiToken.objects.get(), actor=user_a)
    response = _patch(client, secret, org_a)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "Deze API-sleutel is ingetrokken."


def test_an_unknown_key_answers_401(client, user_a):
    secret = api_key_for(user_a)
    response = _get(client, secret[:-2] + "xx")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


def test_a_key_of_a_deactivated_account_answers_401(client, user_a):
    secret = api_key_for(user_a)
    user_a.is_active = False
    user_a.save()
    assert _get(client, secret).status_code == 401


# --- Staff keys --------------------------------------------------------------------------


def test_a_staff_key_made_without_the_second_factor_is_not_the_team(client, staff_user):
    secret = api_key_for(staff_user, mfa_completed=False)
    response = client.post(
        ROUNDS, {"response_days": 7}, content_type="application/json",
        headers={"Authorization": f"Token {secret}"},
    )  # fmt: skip
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert _get(client, secret, url=ROUNDS).status_code == 403


def test_a_staff_key_made_after_the_second_factor_is_the_team(client, staff_user):
    secret = api_key_for(staff_user, mfa_completed=True)
    response = client.post(
        ROUNDS, {"response_days": 7}, content_type="application/json",
        headers={"Authorization": f"Token {secret}"},
    )  # fmt: skip
    assert response.status_code == 202
    assert _get(client, secret, url=ROUNDS).status_code == 200


def test_a_team_key_stops_being_the_team_when_staff_rights_are_taken_away(client, staff_user):
    secret = api_key_for(staff_user, mfa_completed=True)
    staff_user.is_staff = False
    staff_user.save()
    assert _get(client, secret, url=ROUNDS).status_code == 403


# --- The page: list, make, revoke ------------------------------------------------------

PAGE = "/mijn/api-sleutels/"


def test_making_a_key_on_the_page_shows_the_secret_once(client_for, user_a):
    client = client_for(user_a)
    response = client.post(PAGE, {"name": "Ons CRM", "days": "30"})
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    secret = response.context["created"].secret
    assert secret in response.content.decode()
    assert _get(client_for(None), secret).status_code == 200
    token = ApiToken.objects.get()
    assert (token.user, token.name, token.mfa_completed) == (user_a, "Ons CRM", False)
    assert token.expires_at - token.created_at == _about(days=30)
    listing = client.get(PAGE).content.decode()
    assert "Ons CRM" in listing and token.prefix in listing
    assert secret not in listing


def test_the_page_keeps_what_was_typed_when_the_name_is_missing(client_for, user_a):
    response = client_for(user_a).post(PAGE, {"name": " ", "days": "7"})
    assert response.status_code == 200
    assert response.context["form"].errors["name"]
    assert not ApiToken.objects.exists()


def test_the_default_lifetime_on_the_page_is_90_days(client_for, user_a):
    form = client_for(user_a).get(PAGE).context["form"]
    assert form["days"].value() == 90
    assert max(days for days, _label in form.fields["days"].choices) == 90


def test_a_staff_key_made_in_a_two_factor_session_acts_as_the_team(client, staff_user):
    login_with_mfa(client, staff_user)
    secret = client.post(PAGE, {"name": "Script", "days": "7"}).context["created"].secret
    assert ApiToken.objects.get().mfa_completed
    anonymous = client_for_nobody()
    assert _get(anonymous, secret, url=ROUNDS).status_code == 200


def test_a_staff_key_made_in_a_password_only_session_is_not_the_team(client, staff_without_mfa):
    client.force_login(staff_without_mfa)
    page = client.get(PAGE)
    assert "zonder de code van de tweede stap" in page.content.decode()
    secret = client.post(PAGE, {"name": "Script", "days": "7"}).context["created"].secret
    assert not ApiToken.objects.get().mfa_completed
    response = client_for_nobody().post(
        ROUNDS, {}, content_type="application/json", headers={"Authorization": f"Token {secret}"}
    )
    assert response.status_code == 403


def client_for_nobody():
    from django.test import Client

    return Client()


def test_revoking_on_the_page_stops_the_key(client_for, user_a):
    secret = api_key_for(user_a)
    token = ApiToken.objects.get()
    response = client_for(user_a).post(f"{PAGE}{token.pk}/intrekken")
    assert response.status_code == 302 and response.url == PAGE
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert _get(client_for(None), secret).status_code == 401
    assert token.name not in client_for(user_a).get(PAGE).content.decode()
    assert AuditEntry.objects.filter(action="api_token.revoke", target_id=str(token.pk)).exists()


def test_nobody_revokes_or_sees_someone_elses_key(client_for, user_a, user_b, staff_user):
    secret = api_key_for(user_a)
    token = ApiToken.objects.get()
    for other in (user_b, staff_user):
        client = client_for(other)
        assert token.prefix not in client.get(PAGE).content.decode()
        assert client.post(f"{PAGE}{token.pk}/intrekken").status_code == 404
    assert _get(client_for(None), secret).status_code == 200


def test_making_a_key_is_in_the_audit_log(user_a):
    api_key_for(user_a)
    entry = AuditEntry.objects.get(action="api_token.create")
    assert entry.actor == user_a and entry.data["mfa_completed"] is False


def test_a_new_staff_user_object_without_the_mark_is_not_the_team():
    """Fail closed: the flag alone marks nothing; only the request layer does."""
    from olievlek.accounts.access import is_team

    staff = UserFactory(staff=True)
    api_key_for(staff, mfa_completed=True)
    assert not is_team(staff)
