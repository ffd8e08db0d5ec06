from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "olievlek.accounts"
    verbose_name = _("Accounts")
    member_items = [(_("API keys"), "accounts:api_tokens")]
    backoffice_items = [(_("My API keys"), "accounts:api_tokens")]

    def ready(self) -> None:
        from allauth.mfa.signals import authenticator_added
        from django.contrib import admin

        from olievlek.audit.labels import register_action_labels

        from .access import record_mfa_activation
        from .admin_site import guard_admin_site

        def _activated(sender, request, user, authenticator, **kwargs):
            if request is not None and authenticator.type == authenticator.Type.TOTP:
                record_mfa_activation(request, user, authenticator.pk)

        authenticator_added.connect(_activated, dispatch_uid="olievlek-mfa-activation")
        guard_admin_site(admin.site)
        register_action_labels(
            {"api_token.create": _("API key made"), "api_token.revoke": _("API key revoked")}
        )
