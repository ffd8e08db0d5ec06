"""A prepared query gives what the ORM gives for the same queryset, with new values on
every call, and refuses what it cannot do the same way."""

from __future__ import annotations

import pytest
from django.db.models import Count, Q
from django.utils import timezone

from olievlek.network.models import ContactPerson, Organisation
from olievlek.network.tests.factories import ContactPersonFactory, OrganisationFactory
from olievlek.site.prepared import PreparedQuery, first_only

pytestmark = pytest.mark.django_db


def _fields(instance) -> dict:
    return {
        f.attname: getattr(instance, f.attname)
        for f in instance._meta.concrete_fields
        if f.attname in instance.__dict__
    }


def _contacts_in(city):
    return (
        ContactPerson.objects.select_related("user", "organisation__reviewed_by")
        .filter(organisation__city=city)
        .order_by("-organisation__name", "id")
    )


def test_rows_relations_and_order_equal_the_orms(staff_user, django_assert_num_queries):
    reviewed = ContactPersonFactory(organisation__name="Bakkerij Zuid", organisation__city="Ede")
    reviewed.organisation.reviewed_by, reviewed.organisation.reviewed_at = (
        staff_user,
        timezone.now(),
    )
    reviewed.organisation.save()
    ContactPersonFactory(organisation__name="Zorg Ede", organisation__city="Ede")
    ContactPersonFactory(organisation__city="Gouda")
    prepared = PreparedQuery(_contacts_in)
    with django_assert_num_queries(1):
        contacts = prepared("Ede")
    orm = list(_contacts_in("Ede"))
    assert [c.pk for c in contacts] == [c.pk for c in orm]
    with django_assert_num_queries(0):
        for mine, theirs in zip(contacts, orm, strict=True):
            assert _fields(mine) == _fields(theirs)
            assert _fields(mine.user) == _fields(theirs.user)
            assert _fields(mine.organisation) == _fields(theirs.organisation)
            assert mine.user.contact is mine  # both sides of the one-to-one
        assert contacts[1].organisation.reviewed_by == staff_user
        assert contacts[0].organisation.reviewed_by is None  # outer join, nothing found
        assert contacts[1].organisation.reviewed_at.tzinfo is not None
    assert contacts[0]._state.db == "default" and not contacts[0]._state.adding


def test_each_call_runs_with_its_own_values(org_a, org_b):
    by_pk = PreparedQuery(lambda pk: Organisation.objects.filter(pk=pk))
    assert by_pk(org_a.pk) == [org_a]
    assert by_pk(org_b.pk) == [org_b]
    assert by_pk(-1) == []
    org_a.name = "Bakkerij Anders"
    org_a.save()
    assert by_pk(org_a.pk)[0].name == "Bakkerij Anders"


def test_two_arguments_one_of_them_used_twice():
    lower = OrganisationFactory(name="Alfa")
    upper = OrganisationFactory(name="Omega")
    OrganisationFactory(name="Midden")
    either = PreparedQuery(
        lambda a, b: (
            Organisation.objects.filter(Q(pk=a) | Q(pk=b) | Q(reviewed_by_id=a))
            .only("name")
            .order_by("name")
        )
    )
    found = either(lower.pk, upper.pk)
    assert [o.name for o in found] == ["Alfa", "Omega"]
    assert found[0].get_deferred_fields() >= {"city", "description"}


def test_annotations_are_set_like_the_orms(org_a, org_b):
    ContactPersonFactory(organisation=org_a)
    counted = PreparedQuery(
        lambda pk: (
            Organisation.objects.filter(pk__gte=pk)
            .annotate(
                people=Count("contacts"), primary=Count("contacts", Q(contacts__is_primary=True))
            )
            .order_by("pk")
        )
    )
    orm = Organisation.objects.filter(pk__gte=org_a.pk).annotate(
        people=Count("contacts"), primary=Count("contacts", Q(contacts__is_primary=True))
    )
    assert [(o.pk, o.people, o.primary) for o in counted(org_a.pk)] == [
        (o.pk, o.people, o.primary) for o in orm.order_by("pk")
    ]
    assert counted(org_a.pk)[0].people == 2


def test_what_it_cannot_do_like_the_orm_is_refused(org_a):
    unused = PreparedQuery(lambda pk: Organisation.objects.filter(pk=1))
    with pytest.raises(ValueError, match="every argument"):
        unused(org_a.pk)
    flat = PreparedQuery(lambda pk: Organisation.objects.filter(pk=pk).values("name"))
    with pytest.raises(TypeError, match="model instances"):
        flat(org_a.pk)
    prefetched = PreparedQuery(
        lambda pk: Organisation.objects.filter(pk=pk).prefetch_related("contacts")
    )
    with pytest.raises(TypeError, match="model instances"):
        prefetched(org_a.pk)


def test_first_only_picks_what_first_picks():
    older, newer = OrganisationFactory(name="B"), OrganisationFactory(name="A")
    by_name = PreparedQuery(
        lambda pk: first_only(Organisation.objects.filter(pk__gte=pk).order_by("name"))
    )
    unordered = PreparedQuery(lambda pk: first_only(ContactPerson.objects.filter(pk__gte=pk)))
    assert (
        by_name(older.pk)
        == [Organisation.objects.filter(pk__gte=older.pk).order_by("name").first()]
        == [newer]
    )
    ContactPersonFactory.create_batch(2)
    first = ContactPerson.objects.filter(pk__gte=0).first()
    assert unordered(0) == [first]
