"""The authentication backend: allauth's (log in by email address), loading a logged-in
user together with the organisation it acts for.

Every member page asks for both (the menu, the access check of `member_required`), so
reading them in one query on each request instead of two is worth a backend of our own
(`network.selectors.organisation_of_user` uses what this loads).
"""

from __future__ import annotations

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model


class AccountBackend(AuthenticationBackend):
    def get_user(self, user_id):
        users = get_user_model()._default_manager.select_related("contact__organisation")
        try:
            user = users.get(pk=user_id)
        except users.model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
