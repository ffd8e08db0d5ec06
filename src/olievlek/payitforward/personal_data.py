"""Pay it Forward's part of an organisation's data (see `network.personal_data`)."""

from __future__ import annotations

from django.db.models import Q

from olievlek.network.personal_data import table_rows

from .models import Exclusion, HelpRequest, Match, Offer, Pledge


def organisation_data(*, organisation, emails: list[str]) -> dict[str, list[dict]]:
    return {
        "pif_aanbod": table_rows(Offer.objects.filter(organisation=organisation)),
        "pif_hulpvragen": table_rows(HelpRequest.objects.filter(organisation=organisation)),
        "pif_matches": table_rows(
            Match.objects.filter(Q(mentor=organisation) | Q(learner=organisation))
        ),
        "pif_beloftes": table_rows(Pledge.objects.filter(organisation=organisation)),
        "pif_uitsluitingen": table_rows(Exclusion.objects.filter(organisation=organisation)),
    }


def organisation_anonymise(*, organisation, emails: list[str]) -> None:
    """Offers, requests and matches name organisations, not people: they stay, so that
    the chain and its counts stay whole."""
