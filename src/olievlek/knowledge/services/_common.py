from __future__ import annotations

from django.core.exceptions import PermissionDenied

from olievlek.accounts.access import is_team
from olievlek.network.models import ContactPerson


def acts_for(user, organisation) -> bool:
    """Whether `user` is a contact person of `organisation`."""
    return (
        user is not None
        and user.is_authenticated
        and ContactPerson.objects.filter(user=user, organisation=organisation).exists()
    )


def require_staff(actor) -> None:
    if actor is None or not actor.is_authenticated or not is_team(actor):
        raise PermissionDenied


def contact_emails(organisation) -> list[str]:
    return list(organisation.contacts.values_list("user__email", flat=True))
