"""The authentication backend: allauth's (log in by email address), loading a logged-in
user together with the organisation it acts for.

Every member page asks for both (the menu, the access check of `member_required`), so
they are read in one query on each request, and that query is written once per process
(`olievlek.site.sql_rows`): compiling the ORM's three-table join on every request cost
more than running it. `network.selectors.organisation_of_user` uses what this loads.
"""

from __future__ import annotations

import functools

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.db import connection

from olievlek.site import sql_rows


def _contact_model():
    from olievlek.network.models import ContactPerson

    return ContactPerson


@functools.cache
def _user_sql(vendor: str) -> str:
    """The user, its contact person and that one's organisation (both may be missing)."""
    user, contact = get_user_model(), _contact_model()
    organisation = contact._meta.get_field("organisation").related_model
    quote = connection.ops.quote_name
    tables = {m: quote(m._meta.db_table) for m in (user, contact, organisation)}
    user_column = quote(contact._meta.get_field("user").column)
    organisation_column = quote(contact._meta.get_field("organisation").column)
    # Names from the models, quoted by the backend; the one value is a parameter.
    return (
        f"SELECT {sql_rows.columns(user, 'u', connection)}, "  # noqa: S608
        f"{sql_rows.columns(contact, 'c', connection)}, "
        f"{sql_rows.columns(organisation, 'o', connection)} "
        f"FROM {tables[user]} u "
        f"LEFT JOIN {tables[contact]} c ON c.{user_column} = u.{quote(user._meta.pk.column)} "
        f"LEFT JOIN {tables[organisation]} o "
        f"ON o.{quote(organisation._meta.pk.column)} = c.{organisation_column} "
        f"WHERE u.{quote(user._meta.pk.column)} = %s"
    )


def user_with_organisation(user_id):
    """The user with `user_id`, its `contact` and `contact.organisation` already loaded
    (a user without a contact person raises DoesNotExist on `.contact`, without a query),
    or None."""
    user_model, contact_model = get_user_model(), _contact_model()
    with connection.cursor() as cursor:
        cursor.execute(_user_sql(connection.vendor), [user_id])
        row = cursor.fetchone()
    if row is None:
        return None
    user, start = sql_rows.instance(user_model, row, 0, connection)
    organisation_field = contact_model._meta.get_field("organisation")
    contact, start = sql_rows.instance(contact_model, row, start, connection)
    user_field = contact_model._meta.get_field("user")
    user_field.remote_field.set_cached_value(user, contact)
    if contact is not None:
        user_field.set_cached_value(contact, user)
        organisation, _end = sql_rows.instance(
            organisation_field.related_model, row, start, connection
        )
        organisation_field.set_cached_value(contact, organisation)
    return user


class AccountBackend(AuthenticationBackend):
    def get_user(self, user_id):
        user = user_with_organisation(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
