"""Who counts as a partner: a contact of an approved partner organisation."""

from __future__ import annotations

from olievlek.events.access import partner_of


def is_partner(user) -> bool:
    return bool(user and user.is_authenticated and partner_of(user) is not None)
