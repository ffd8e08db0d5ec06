"""Programme lines: created and changed by the team, their public page shows only what a
visitor may see, and partners are listed with the lines they lead."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from olievlek.audit.models import AuditEntry
from olievlek.events.tests.factories import EventFactory
from olievlek.knowledge.tests.factories import StoryFactory
from olievlek.network.tests.factories import ContactPersonFactory, OrganisationFactory

from .. import access, selectors, services
from ..models import ProgrammeLine
from .factories import ProgrammeLineFactory

pytestmark = pytest.mark.django_db


def test_the_description_is_rendered_and_sanitised(staff_user):
    line = services.line_create(
        actor=staff_user,
        data={"name": "Gezond werken", "description": "**Sterk** <script>x()</script>"},
    )
    assert line.slug == "gezond-werken"
    assert "<strong>Sterk</strong>" in line.description_html
    assert "<script>" not in line.description_html


def test_creating_a_line_is_audited(staff_user):
    line = services.line_create(actor=staff_user, data={"name": "Leren en werken"})
    assert AuditEntry.objects.filter(action="programme.line_create", target_id=str(line.pk))


def test_two_lines_with_the_same_name_get_different_slugs(staff_user):
    services.line_create(actor=staff_user, data={"name": "Mobiliteit"})
    second = services.line_create(actor=staff_user, data={"name": "Mobiliteit"})
    assert second.slug == "mobiliteit-2"


def test_only_a_partner_can_lead_a_line(staff_user):
    with pytest.raises(ValidationError):
        services.line_create(
            actor=staff_user, data={"name": "X", "lead_organisation": OrganisationFactory()}
        )


def test_a_line_is_not_led_by_both_a_person_and_a_partner(staff_user):
    partner = OrganisationFactory(is_partner=True)
    with pytest.raises(ValidationError):
        services.line_create(
            actor=staff_user,
            data={"name": "X", "lead_user": staff_user, "lead_organisation": partner},
        )


def test_the_line_page_shows_public_meetings_and_published_stories_only(client):
    line = ProgrammeLineFactory()
    shown = EventFactory(title="Open dag")
    hidden = EventFactory(title="Alleen leden", members_only=True)
    published = StoryFactory(title="Gepubliceerd verhaal", published=True)
    draft = StoryFactory(title="Concept verhaal")
    for obj in (shown, hidden, published, draft):
        services.set_lines(obj=obj, lines=[line])
    page = client.get(line.get_absolute_url()).content.decode()
    assert "Open dag" in page and "Gepubliceerd verhaal" in page
    assert "Alleen leden" not in page and "Concept verhaal" not in page


def test_the_partner_page_lists_partners_with_their_lines(client):
    partner = OrganisationFactory(is_partner=True, name="Branchevereniging P")
    ProgrammeLineFactory(name="Arbeidsmobiliteit", lead_organisation=partner)
    OrganisationFactory(name="Gewoon lid")
    page = client.get("/partners/").content.decode()
    assert "Branchevereniging P" in page and "Arbeidsmobiliteit" in page
    assert "Gewoon lid" not in page


def test_the_organisations_of_a_line_are_those_that_take_part(staff_user):
    from olievlek.network.models import Organisation

    line = ProgrammeLineFactory()
    host = OrganisationFactory()
    event = EventFactory()
    event.hosts.add(host)
    services.set_lines(obj=event, lines=[line])
    OrganisationFactory()
    found = Organisation.objects.filter(selectors.organisations_of_line(slug=line.slug))
    assert list(found.distinct()) == [host]


def test_a_contact_of_an_approved_partner_is_a_partner(user_a):
    assert access.is_partner(ContactPersonFactory(organisation__is_partner=True).user)
    assert not access.is_partner(user_a)


def test_the_directory_filters_by_line(client):
    line = ProgrammeLineFactory()
    offering = OrganisationFactory(name="Helpt op de lijn")
    OrganisationFactory(name="Doet niet mee")
    from olievlek.payitforward.tests.factories import OfferFactory

    services.set_lines(obj=OfferFactory(organisation=offering), lines=[line])
    page = client.get(f"/netwerk/?line={line.slug}").content.decode()
    assert "Helpt op de lijn" in page and "Doet niet mee" not in page


def test_the_directory_api_filters_by_line(client):
    line = ProgrammeLineFactory()
    partner = OrganisationFactory(is_partner=True, name="Leider")
    line.lead_organisation = partner
    line.save()
    OrganisationFactory(name="Ander")
    names = [
        o["name"] for o in client.get(f"/api/v1/organisaties?line={line.slug}").json()["results"]
    ]
    assert names == ["Leider"]


def test_a_partner_sees_no_contact_details_of_members(client_for, org_a, user_a):
    partner = ContactPersonFactory(organisation__is_partner=True).user
    client = client_for(partner)
    for url in ("/netwerk/", org_a.get_absolute_url(), "/partners/"):
        assert user_a.email not in client.get(url).content.decode(), url
    api = client.get("/api/v1/organisaties").content.decode()
    assert user_a.email not in api


def test_a_partner_co_hosting_a_meeting_of_its_line_manages_it(client_for):
    partner = ContactPersonFactory(organisation__is_partner=True)
    line = ProgrammeLineFactory(lead_organisation=partner.organisation)
    event = EventFactory()
    event.hosts.add(partner.organisation)
    url = f"/beheer/bijeenkomsten/{event.pk}/"
    assert client_for(partner.user).get(url).status_code == 403
    services.set_lines(obj=event, lines=[line])
    assert client_for(partner.user).get(url).status_code == 200


def test_the_team_deletes_a_line_and_what_it_tagged_stays(client_for, staff_user):
    line = ProgrammeLineFactory(name="Weg ermee")
    story = StoryFactory(published=True)
    services.set_lines(obj=story, lines=[line])
    client = client_for(staff_user)
    assert (
        "Weg ermee" in client.get(f"/beheer/programmalijnen/{line.pk}/verwijderen").content.decode()
    )
    response = client.post(f"/beheer/programmalijnen/{line.pk}/verwijderen")
    assert response.status_code == 302
    assert not ProgrammeLine.objects.filter(pk=line.pk).exists()
    assert list(story.programme_lines.all()) == []
    assert AuditEntry.objects.filter(action="programme.line_delete", target_id=str(line.pk))
