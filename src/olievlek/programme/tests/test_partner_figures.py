"""Partners read the full impact figures, like the project team; members do not."""

from __future__ import annotations

import pytest

from olievlek.network.tests.factories import ContactPersonFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/impact/csv/growth", "/impact/rapport.pdf"])
def test_a_partner_downloads_the_full_figures(client_for, url):
    partner = ContactPersonFactory(organisation__is_partner=True).user
    assert client_for(partner).get(url).status_code == 200


def test_a_member_does_not_download_the_full_figures(client_for, user_a):
    assert client_for(user_a).get("/impact/csv/growth").status_code == 403


def test_the_partner_dashboard_links_the_full_tables(client_for):
    partner = ContactPersonFactory(organisation__is_partner=True).user
    assert "/impact/csv/growth" in client_for(partner).get("/impact/").content.decode()
