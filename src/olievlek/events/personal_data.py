"""Meetings' part of an organisation's data (see `network.personal_data`)."""

from __future__ import annotations

from django.db.models import CharField, Q, Value
from django.db.models.functions import Cast, Concat

from olievlek.network.personal_data import table_rows

from .models import DivisionInvitee, Event, FollowUp, Registration

ANONYMOUS_NAME = "—"


def _registrations(*, organisation, emails: list[str]):
    return Registration.objects.filter(Q(organisation=organisation) | Q(email__in=emails))


def organisation_data(*, organisation, emails: list[str]) -> dict[str, list[dict]]:
    return {
        "aanmeldingen_bijeenkomsten": table_rows(
            _registrations(organisation=organisation, emails=emails)
        ),
        "vervolgacties": table_rows(FollowUp.objects.filter(organisation=organisation)),
        "georganiseerde_bijeenkomsten": table_rows(
            Event.objects.filter(organisation=organisation), exclude={"online_url"}
        ),
        "sessie_uitnodigingen": table_rows(
            DivisionInvitee.objects.filter(organisation=organisation)
        ),
    }


def person_anonymise(*, emails: list[str]) -> int:
    """Blank the name and address of every registration of these people. The rows stay
    (with their state and attendance), so that the reach of each meeting is unchanged;
    each gets an address of its own that can never receive mail (`.invalid`)."""
    return _anonymise(Registration.objects.filter(email__in=emails))


def organisation_anonymise(*, organisation, emails: list[str]) -> None:
    _anonymise(_registrations(organisation=organisation, emails=emails))


def _anonymise(registrations) -> int:
    return registrations.update(
        name=Value(ANONYMOUS_NAME),
        email=Concat(
            Value("verwijderd-"),
            Cast("pk", output_field=CharField()),
            Value("@verwijderd.invalid"),
            output_field=CharField(),
        ),
        organisation_name=Value(""),
    )
