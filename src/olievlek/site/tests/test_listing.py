"""The one list layout of the back office (``olievlek.site.listing``): sorting on
whitelisted columns, filters, pages, the count and the empty state."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from olievlek.mail.tests.factories import OutboundMailFactory
from olievlek.network.choices import Status
from olievlek.network.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _names(response) -> list[str]:
    body = response.content.decode()
    return re.findall(r'href="/beheer/organisaties/\d+/">([^<]+)</a>', body)


@pytest.fixture
def three(db):
    OrganisationFactory(name="Bakkerij Brood", city="Zwolle")
    OrganisationFactory(name="Aannemer Aarts", city="Utrecht")
    OrganisationFactory(name="Cateraar Cor", city="Almere", status=Status.PENDING)


def test_a_column_header_sorts_ascending_then_descending(three, staff_user, client_for):
    client = client_for(staff_user)
    url = reverse("backoffice:organisations")
    by_city = client.get(url, {"sort": "city"})
    assert _names(by_city) == ["Cateraar Cor", "Aannemer Aarts", "Bakkerij Brood"]
    by_city_desc = client.get(url, {"sort": "-city"})
    assert _names(by_city_desc) == ["Bakkerij Brood", "Aannemer Aarts", "Cateraar Cor"]


def test_the_sorted_column_carries_aria_sort_and_links_to_the_other_direction(
    three, staff_user, client_for
):
    body = client_for(staff_user).get(reverse("backoffice:organisations"), {"sort": "city"})
    html = body.content.decode()
    assert 'aria-sort="ascending"' in html
    assert "sort=-city" in html
    assert html.count("aria-sort=") == 1


def test_an_unknown_sort_key_is_ignored_and_the_default_order_stays(three, staff_user, client_for):
    client = client_for(staff_user)
    url = reverse("backoffice:organisations")
    for wanted in ("contacts__user__password", "-kvk_number", "role", "'; drop table"):
        response = client.get(url, {"sort": wanted})
        assert response.status_code == 200
        assert _names(response) == ["Aannemer Aarts", "Bakkerij Brood", "Cateraar Cor"]
        assert "aria-sort=" not in response.content.decode()


def test_a_filter_narrows_the_list_and_says_how_many_remain(three, staff_user, client_for):
    response = client_for(staff_user).get(
        reverse("backoffice:organisations"), {"status": Status.PENDING}
    )
    assert _names(response) == ["Cateraar Cor"]
    assert "1 resultaat" in response.content.decode()


def test_a_filter_value_that_is_not_a_choice_is_dropped(three, staff_user, client_for):
    response = client_for(staff_user).get(reverse("backoffice:organisations"), {"status": "x"})
    assert response.status_code == 200
    assert len(_names(response)) == 3


def test_pages_keep_the_sort_and_the_filter(staff_user, client_for):
    for n in range(52):
        OrganisationFactory(name=f"Org {n:02d}", city="Delft")
    OrganisationFactory(name="Elders", city="Ede")
    client = client_for(staff_user)
    url = reverse("backoffice:organisations")
    first = client.get(url, {"sort": "-name", "q": "Delft"})
    assert _names(first)[0] == "Org 51" and len(_names(first)) == 50
    assert "page=2" in first.content.decode() and "sort=-name" in first.content.decode()
    second = client.get(url, {"sort": "-name", "q": "Delft", "page": 2})
    assert _names(second) == ["Org 01", "Org 00"]


def test_an_empty_filter_result_says_so(three, staff_user, client_for):
    response = client_for(staff_user).get(reverse("backoffice:organisations"), {"q": "Nergens"})
    assert "Niets voldoet aan deze filters." in response.content.decode()


def test_the_mail_list_filters_on_recipient_and_sorts_on_attempts(staff_user, client_for):
    OutboundMailFactory(recipient="een@example.nl", subject="Eerste", attempts=3)
    OutboundMailFactory(recipient="twee@example.nl", subject="Tweede", attempts=1)
    client = client_for(staff_user)
    found = client.get(reverse("mail:list"), {"q": "twee@"}).content.decode()
    assert "Tweede" in found and "Eerste" not in found
    by_attempts = client.get(reverse("mail:list"), {"sort": "attempts"}).content.decode()
    assert by_attempts.index("Tweede") < by_attempts.index("Eerste")


def test_the_meetings_list_keeps_its_old_sort_keys(staff_user, client_for):
    from olievlek.events.tests.factories import EventFactory

    EventFactory(title="Bijeenkomst B")
    EventFactory(title="Bijeenkomst A")
    body = client_for(staff_user).get(reverse("events:manage_list"), {"sort": "titel"})
    html = body.content.decode()
    assert html.index("Bijeenkomst A") < html.index("Bijeenkomst B")
