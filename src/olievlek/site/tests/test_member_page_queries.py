"""The member pages (`/mijn/...`) stay fast: their SQL queries are few and do not grow
with what the member has (the load benchmark, `benchmarks/load.py`, measures them against
a bare view). Each page is asked twice and the second request counted: the first fills
the cache (the unread count of the menu).

Every page pays the same three: the session, the user together with its organisation
(`accounts.backends`; the menu and the access check share it), and the page's own; the
menu's unread count comes from the cache.
"""

from __future__ import annotations

import pytest

from olievlek.events.tests.factories import EventFactory, RegistrationFactory
from olievlek.knowledge.tests.factories import StoryFactory
from olievlek.network.tests.factories import (
    ContactPersonFactory,
    OrganisationFactory,
    ThemeProfileFactory,
)
from olievlek.notifications.services import notifications_mark_all_read, notify
from olievlek.payitforward.tests.factories import (
    ExclusionFactory,
    HelpRequestFactory,
    MatchFactory,
    OfferFactory,
    PledgeFactory,
)
from olievlek.werkvloer.tests.factories import ScanRoundFactory, ScanTeamFactory

pytestmark = pytest.mark.django_db

ROWS = 4  # of everything a page lists: enough to show a query per row


@pytest.fixture
def busy_member(org_a, user_a):
    """A member with several rows of everything its pages show."""
    for theme in ("betrokkenheid", "organisatie", "ontwikkeling"):
        ThemeProfileFactory(organisation=org_a, theme=theme)
    for _ in range(ROWS - 1):
        ContactPersonFactory(organisation=org_a)
    offer = OfferFactory(organisation=org_a)
    HelpRequestFactory(organisation=org_a)
    for _ in range(ROWS):
        MatchFactory(offer=offer, mentor=org_a)
        PledgeFactory(match__learner=org_a, organisation=org_a)
        ExclusionFactory(organisation=org_a, excluded=OrganisationFactory())
        RegistrationFactory(organisation=org_a)
        RegistrationFactory(organisation=org_a, event=EventFactory(past=True))
        StoryFactory(organisation=org_a, themes=["gezondheid", "apk"])
        ScanTeamFactory(round=ScanRoundFactory(organisation=org_a))
        notify(user=user_a, kind="story", text="Een nieuw verhaal")
    return user_a


@pytest.mark.parametrize(
    ("path", "most"),
    [
        ("/mijn/", 5),
        ("/mijn/payitforward/", 6),
        ("/mijn/bijeenkomsten/", 4),
        ("/mijn/meldingen/", 4),
        ("/mijn/verhalen/", 3),
        ("/mijn/werkvloer/", 4),
    ],
)
def test_a_member_page_needs_few_queries(
    busy_member, client_for, django_assert_max_num_queries, path, most
):
    client = client_for(busy_member)
    assert client.get(path).status_code == 200
    with django_assert_max_num_queries(most):
        assert client.get(path).status_code == 200


def test_the_start_page_asks_the_checklist_in_one_query(
    org_a, user_a, client_for, django_assert_max_num_queries
):
    """A new member (the checklist shown) costs what a busy one costs."""
    org_a.theme_profiles.all().delete()
    client = client_for(user_a)
    client.get("/mijn/")
    with django_assert_max_num_queries(5):
        html = client.get("/mijn/").content.decode()
    assert 'id="onboarding-heading"' in html


def test_the_menu_count_follows_new_notifications_while_cached(user_a, client_for):
    client = client_for(user_a)
    assert "ov-badge" not in client.get("/mijn/").content.decode()
    notify(user=user_a, kind="story", text="Een nieuw verhaal")
    assert '1<span class="ov-visually-hidden">' in client.get("/mijn/").content.decode()


def test_the_menu_count_follows_reading_while_cached(user_a, client_for):
    notify(user=user_a, kind="story", text="Een nieuw verhaal")
    client = client_for(user_a)
    assert "ov-badge" in client.get("/mijn/").content.decode()
    notifications_mark_all_read(user=user_a)
    assert "ov-badge" not in client.get("/mijn/").content.decode()


def test_our_meetings_offers_follow_up_after_a_meeting_with_a_seat(org_a, user_a, client_for):
    RegistrationFactory(organisation=org_a, event=EventFactory(past=True))
    html = client_for(user_a).get("/mijn/bijeenkomsten/").content.decode()
    assert "/mijn/vervolgactiviteiten/nieuw" in html


def test_our_meetings_offers_no_follow_up_before_any_meeting_took_place(org_a, user_a, client_for):
    RegistrationFactory(organisation=org_a)
    RegistrationFactory(organisation=org_a, event=EventFactory(past=True), waiting=True)
    html = client_for(user_a).get("/mijn/bijeenkomsten/").content.decode()
    assert "/mijn/vervolgactiviteiten/nieuw" not in html
