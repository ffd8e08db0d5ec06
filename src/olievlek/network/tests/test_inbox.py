"""The work inbox at /beheer/: what waits for a person, from every app, oldest first."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from olievlek.knowledge.models import Story
from olievlek.knowledge.tests.factories import StoryFactory
from olievlek.mail.tests.factories import OutboundMailFactory
from olievlek.network.choices import Status
from olievlek.network.models import Organisation
from olievlek.network.tests.factories import OrganisationFactory
from olievlek.payitforward.tests.factories import HelpRequestFactory, MatchFactory
from olievlek.site.inbox import inbox_collect

pytestmark = pytest.mark.django_db


def test_the_inbox_lists_waiting_work_oldest_first():
    org = OrganisationFactory(status=Status.PENDING)
    Organisation.objects.filter(pk=org.pk).update(created_at=timezone.now() - timedelta(days=2))
    OutboundMailFactory(failed=True)
    story = StoryFactory(status="submitted")
    Story.objects.filter(pk=story.pk).update(submitted_at=timezone.now() - timedelta(days=5))
    with translation.override("en"):
        labels = [row.label for row in inbox_collect()]
    assert labels.index("Stories to review") < labels.index("Sign-ups to approve")
    assert labels.index("Sign-ups to approve") < labels.index("Failed mails")


def test_a_proposal_waiting_a_week_is_in_the_inbox():
    MatchFactory(proposed_at=timezone.now() - timedelta(days=8))
    MatchFactory()  # fresh: not yet
    with translation.override("en"):
        (row,) = [r for r in inbox_collect() if "Proposals" in r.label]
    assert row.count == 1 and row.age_days == 8


def test_nothing_waiting_gives_no_rows():
    assert inbox_collect() == []


def test_the_inbox_uses_one_query_per_kind():
    with CaptureQueriesContext(connection) as queries:
        inbox_collect()
    assert len(queries) <= 10


def test_the_dashboard_shows_rows_counts_and_figures(client_for, staff_user):
    OrganisationFactory(status=Status.PENDING)
    HelpRequestFactory()
    html = client_for(staff_user).get("/beheer/").content.decode()
    assert 'href="/beheer/aanmeldingen/"' in html
    assert "Cijfers van vandaag" in html or "Figures of the day" in html
