"""The network's part of an organisation's data (see `personal_data`)."""

from __future__ import annotations

from .models import ContactPerson, Organisation, ProfileChange, ThemeProfile
from .personal_data import table_rows


def organisation_data(*, organisation: Organisation, emails: list[str]) -> dict[str, list[dict]]:
    contacts = [
        {
            "first_name": c.user.first_name,
            "last_name": c.user.last_name,
            "email": c.user.email,
            "job_title": c.job_title,
            "phone": c.phone,
            "is_primary": c.is_primary,
            "created_at": c.created_at,
        }
        for c in ContactPerson.objects.filter(organisation=organisation).select_related("user")
    ]
    return {
        "organisatie": table_rows(Organisation.objects.filter(pk=organisation.pk)),
        "themas": table_rows(ThemeProfile.objects.filter(organisation=organisation)),
        "contactpersonen": contacts,
        "uitnodigingen": table_rows(organisation.invitations.all()),
        "profielwijzigingen": table_rows(ProfileChange.objects.filter(organisation=organisation)),
    }


def organisation_anonymise(*, organisation: Organisation, emails: list[str]) -> None:
    """Contacts and invitations are removed by the network's own service; nothing here."""
