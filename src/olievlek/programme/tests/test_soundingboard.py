"""The sounding-board group: members vote once (changeable until the deadline) and
comment; staff see the summary and publish a decision that is mailed to the group."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from olievlek.network.tests.factories import ContactPersonFactory

from .. import soundingboard as board
from ..models import BoardProposal, SoundingBoardSeat

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal():
    return BoardProposal.objects.create(
        title="Nieuwe werkwijze",
        draft="Wij stellen voor...",
        deadline=timezone.now() + timedelta(days=7),
    )


@pytest.fixture
def member(org_a, user_a):
    SoundingBoardSeat.objects.create(organisation=org_a)
    return user_a


def test_a_member_votes_once_and_may_change_the_vote(proposal, member):
    board.vote_cast(proposal=proposal, user=member, choice="agree")
    board.vote_cast(proposal=proposal, user=member, choice="disagree")
    assert board.proposal_summary(proposal=proposal) == {"agree": 0, "disagree": 1, "abstain": 0}


def test_no_vote_after_the_deadline(proposal, member):
    proposal.deadline = timezone.now() - timedelta(minutes=1)
    proposal.save()
    with pytest.raises(ValidationError):
        board.vote_cast(proposal=proposal, user=member, choice="agree")


def test_only_members_of_the_group_vote(proposal, user_b):
    with pytest.raises(PermissionDenied):
        board.vote_cast(proposal=proposal, user=user_b, choice="agree")


def test_a_comment_carries_the_organisation_name(proposal, member, org_a):
    comment = board.comment_add(proposal=proposal, user=member, text=" Goed idee ")
    assert comment.organisation_name == org_a.name and comment.text == "Goed idee"


def test_the_deadline_must_be_in_the_future(staff_user):
    with pytest.raises(ValidationError):
        board.proposal_create(
            actor=staff_user, title="x", draft="y", deadline=timezone.now() - timedelta(days=1)
        )


def test_the_decision_is_mailed_to_the_group_only(
    proposal, member, user_b, staff_user, django_capture_on_commit_callbacks
):
    other = ContactPersonFactory(organisation__name="Tweede lid", user__email="tweede@example.nl")
    SoundingBoardSeat.objects.create(organisation=other.organisation)
    with django_capture_on_commit_callbacks(execute=True):
        board.decision_publish(proposal=proposal, actor=staff_user, text="Wij doen het.")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([member.email, "tweede@example.nl"])
    assert "Wij doen het." in mail.outbox[0].body


def test_the_member_page_saves_a_vote(proposal, member, client_for):
    response = client_for(member).post(f"/mijn/klankbord/{proposal.pk}/", {"choice": "abstain"})
    assert response.status_code == 302
    assert proposal.votes.get().choice == "abstain"
