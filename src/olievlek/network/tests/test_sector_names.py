"""Sectors are shown by their SBI name, never by their section letter."""

from __future__ import annotations

import pytest

from olievlek.knowledge.search import search, search_index_organisation
from olievlek.network.choices import SECTOR_CHOICES, sector_name

from .factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_every_sector_choice_is_labelled_by_its_name_only():
    assert ("C", "Industrie") in SECTOR_CHOICES
    assert all(not label.startswith(f"{code} ") for code, label in SECTOR_CHOICES)


def test_sector_name_of_a_letter():
    assert sector_name("F") == "Bouwnijverheid"
    assert sector_name("") == ""


def test_the_directory_and_the_profile_show_the_sector_name(client):
    organisation = OrganisationFactory(name="Staalwerk Noord", sector="C")
    for url in ("/netwerk/", organisation.get_absolute_url()):
        page = client.get(url).content.decode()
        assert "Industrie" in page and "C Industrie" not in page, url


def test_a_search_result_shows_the_sector_name():
    organisation = OrganisationFactory(name="Staalwerk Noord", sector="C")
    search_index_organisation(organisation=organisation)
    (hit,) = search(q="staalwerk")[1][0:1]
    assert hit.meta.endswith("· Industrie")


def test_the_division_overview_shows_sector_names(client_for, staff_user):
    from olievlek.events.models import Division
    from olievlek.events.services import division_create
    from olievlek.events.tests.factories import EventFactory

    session = EventFactory(session=True, capacity=4, title="Sessie 1")
    organisation = OrganisationFactory(name="Bouwbedrijf Zuid", sector="F")
    division = division_create(
        title="Koplopers", sessions=[session], organisations=[organisation], actor=staff_user
    )
    division.invitees.update(assigned_session=session)
    Division.objects.filter(pk=division.pk).update(state="proposed")
    page = client_for(staff_user).get(division.get_absolute_url()).content.decode()
    assert "Bouwnijverheid: 1" in page
    assert ">F<" not in page and "F: 1" not in page
