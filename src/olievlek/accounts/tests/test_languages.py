"""A person's language decides the language of every mail to them."""

from __future__ import annotations

import pytest

from olievlek.accounts.languages import recipients_by_language, user_language_set
from olievlek.mail.models import OutboundMail

pytestmark = pytest.mark.django_db


def test_addresses_are_grouped_by_their_owners_language(user_a, user_b):
    user_language_set(user=user_a, language="en")
    groups = recipients_by_language([user_a.email, user_b.email, "nieuw@example.nl"])
    assert groups == {"en": [user_a.email], "nl": [user_b.email, "nieuw@example.nl"]}


def test_a_story_published_mail_reaches_each_contact_in_their_language(
    org_a, user_a, staff_user, django_capture_on_commit_callbacks
):
    from olievlek.knowledge.services import story_publish
    from olievlek.knowledge.tests.factories import StoryFactory
    from olievlek.network.tests.factories import ContactPersonFactory

    colleague = ContactPersonFactory(organisation=org_a).user
    user_language_set(user=user_a, language="en")
    story = StoryFactory(organisation=org_a, status="submitted")
    with django_capture_on_commit_callbacks(execute=True):
        story_publish(story=story, actor=staff_user)
    english = OutboundMail.objects.get(recipient=user_a.email)
    dutch = OutboundMail.objects.get(recipient=colleague.email)
    assert "has been published" in english.subject
    assert "has been published" not in dutch.subject
