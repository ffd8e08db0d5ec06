"""The back office's one menu: every area, on every back-office page, with the number of
items waiting, counted cheaply."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.urls import reverse

from olievlek.knowledge.tests.factories import StoryFactory
from olievlek.network.choices import Status
from olievlek.network.tests.factories import ContactPersonFactory, OrganisationFactory
from olievlek.site.backoffice_menu import backoffice_menu, forget_waiting_work, waiting_work

pytestmark = pytest.mark.django_db

PAGES = [
    "backoffice:dashboard",
    "backoffice:organisations",
    "mail:list",
    "events:manage_list",
    "events:division_list",
    "knowledge:backoffice_stories",
    "knowledge:backoffice_requests",
    "programme:bo_list",
    "programme:board_staff_list",
    "payitforward:bo_matches",
    "impact:activities",
]


def _every_area() -> list[str]:
    return [
        reverse(name)
        for config in apps.get_app_configs()
        for _label, name in getattr(config, "backoffice_items", [])
    ]


@pytest.mark.parametrize("page", PAGES)
def test_every_back_office_page_shows_the_menu_with_every_area(page, staff_user, client_for):
    html = client_for(staff_user).get(reverse(page)).content.decode()
    assert 'class="ov-bomenu"' in html
    for url in _every_area():
        assert f'href="{url}"' in html


def test_the_menu_names_the_areas_of_every_app():
    areas = _every_area()
    for name in (
        "backoffice:queue",
        "backoffice:profile_changes",
        "backoffice:organisations",
        "backoffice:import_upload",
        "payitforward:bo_rounds",
        "events:manage_list",
        "knowledge:backoffice_stories",
        "knowledge:backoffice_requests",
        "knowledge:backoffice_manifesto",
        "programme:bo_list",
        "programme:board_staff_list",
        "impact:activities",
        "mail:list",
    ):
        assert reverse(name) in areas


def test_the_menu_counts_the_work_waiting_behind_each_link(rf):
    ContactPersonFactory(organisation__status=Status.PENDING)
    ContactPersonFactory(organisation__status=Status.PENDING)
    StoryFactory(submitted=True)
    menu = backoffice_menu(path=reverse("knowledge:backoffice_stories"))
    links = {link.url: link for group in menu.groups for link in group.links}
    assert links[reverse("backoffice:queue")].count == 2
    assert links[reverse("knowledge:backoffice_stories")].count == 1
    assert links[reverse("knowledge:backoffice_stories")].current
    assert not links[reverse("backoffice:queue")].current
    assert menu.waiting == 3


def test_the_counts_come_from_the_cache_for_a_short_while(django_assert_num_queries):
    OrganisationFactory(status=Status.PENDING)
    first = waiting_work()
    with django_assert_num_queries(0):
        assert waiting_work() == first
    OrganisationFactory(status=Status.PENDING)
    forget_waiting_work()
    assert sum(row.count for row in waiting_work()) == 2


def test_members_do_not_get_the_back_office_menu(user_a, client_for):
    html = client_for(user_a).get(reverse("network:member_home")).content.decode()
    assert "ov-bomenu" not in html
