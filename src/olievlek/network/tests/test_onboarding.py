"""A new member's checklist on /mijn/: computed from what it did, gone when all done."""

from __future__ import annotations

import pytest

from olievlek.events.tests.factories import RegistrationFactory
from olievlek.knowledge.tests.factories import StoryFactory
from olievlek.network.onboarding import onboarding_open, onboarding_steps
from olievlek.payitforward.tests.factories import OfferFactory

pytestmark = pytest.mark.django_db


def _done(org):
    return [s.done for s in onboarding_steps(organisation=org)]


def test_a_new_member_sees_open_steps(org_a, client_for, user_a):
    org_a.theme_profiles.all().delete()
    html = client_for(user_a).get("/mijn/").content.decode()
    assert 'id="onboarding-heading"' in html
    assert not all(_done(org_a))


def test_each_step_follows_what_the_member_did(org_a):
    org_a.description, org_a.website = "Wij bakken brood.", "https://bakkerij.example"
    org_a.save()
    OfferFactory(organisation=org_a)
    RegistrationFactory(organisation=org_a)
    StoryFactory(organisation=org_a, status="submitted")
    if not org_a.theme_profiles.exists():
        org_a.theme_profiles.create(theme="gezondheid", has_experience=True)
    assert all(_done(org_a))
    assert onboarding_open(organisation=org_a) == []


def test_a_draft_story_is_not_yet_the_first_story(org_a):
    StoryFactory(organisation=org_a, status="draft")
    assert onboarding_steps(organisation=org_a)[-1].done is False


def test_only_the_members_own_rows_count(org_a, org_b):
    org_a.theme_profiles.all().delete()
    OfferFactory(organisation=org_b)
    RegistrationFactory(organisation=org_b)
    StoryFactory(organisation=org_b, status="published")
    org_b.theme_profiles.create(theme="apk", has_experience=True)
    assert _done(org_a)[1:] == [False, False, False, False]


def test_a_help_request_counts_like_an_offer(org_a):
    from olievlek.payitforward.tests.factories import HelpRequestFactory

    HelpRequestFactory(organisation=org_a)
    assert onboarding_steps(organisation=org_a)[2].done is True
