"""The authentication backend: allauth's (log in by email address), loading a logged-in
user together with the organisation it acts for.

Every member page asks for both (the menu, the access check of `member_required`), so
they are read in one query on each request, compiled once per process
(`olievlek.site.prepared`): compiling the three-table join on every request cost more
than running it. `network.selectors.organisation_of_user` uses what this loads.
"""

from __future__ import annotations

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model

from olievlek.site.prepared import PreparedQuery

_user = PreparedQuery(
    lambda pk: (
        get_user_model()._default_manager.select_related("contact__organisation").filter(pk=pk)
    )
)


def user_with_organisation(user_id):
    """The user with `user_id`, its `contact` and `contact.organisation` already loaded
    (a user without a contact person raises DoesNotExist on `.contact`, without a query),
    or None."""
    found = _user(user_id)
    return found[0] if found else None


class AccountBackend(AuthenticationBackend):
    def get_user(self, user_id):
        user = user_with_organisation(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
