"""API authentication with a personal key (`accounts.tokens`).

The key goes in the `Authorization` header as `Token <secret>` (what the API always
accepted) or `Bearer <secret>`. An unknown, expired or revoked key answers 401; a staff
account's key acts as the project team only when it was made after a two-factor login.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from .access import mark_team

KEYWORDS = (b"token", b"bearer")


class TokenAuthentication(BaseAuthentication):
    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() not in KEYWORDS:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("Send the API key as: Token <key>."))
        try:
            secret = parts[1].decode()
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("This API key is not valid.")) from None
        return self.authenticate_credentials(secret)

    def authenticate_credentials(self, secret: str):
        # Imported here: DRF loads authentication classes while apps are still loading.
        from .tokens import api_token_for_secret, api_token_touch

        token = api_token_for_secret(secret)
        if token is None:
            raise exceptions.AuthenticationFailed(_("This API key is not valid."))
        if token.revoked_at is not None:
            raise exceptions.AuthenticationFailed(_("This API key has been revoked."))
        if token.is_expired:
            raise exceptions.AuthenticationFailed(_("This API key has expired."))
        user = token.user
        if not user.is_active:
            raise exceptions.AuthenticationFailed(_("This account is not active."))
        api_token_touch(token)
        mark_team(user, token.team_scope)
        return user, token

    def authenticate_header(self, request) -> str:
        return 'Token realm="api"'


class TokenAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = "olievlek.accounts.authentication.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": (
                "A personal API key, made on the page 'API keys' (/mijn/api-sleutels/). "
                "Send it as `Authorization: Bearer <key>` or `Authorization: Token <key>`. "
                "A key is valid for at most 90 days and can be revoked at any time; an "
                "expired or revoked key answers 401. A key of the project team acts as the "
                "team only when it was made after a two-factor login."
            ),
        }
