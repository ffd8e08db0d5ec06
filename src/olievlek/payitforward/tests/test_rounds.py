"""Match rounds: the pool becomes the engine's instance, proposals are drafts until
published, staff may remove or change single drafts, and publishing mails both sides."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from olievlek.audit.models import AuditEntry
from olievlek.network.tests.factories import OrganisationFactory

from ..choices import MatchState, RequestStatus, RoundState
from ..models import Match, MatchRound
from ..selectors import reason_texts
from ..services import (
    proposal_alternatives,
    proposal_change,
    proposal_remove,
    round_discard,
    round_publish,
    round_start,
)
from ..services.rounds import _pool, build_instance
from .factories import (
    ExclusionFactory,
    HelpRequestFactory,
    MatchFactory,
    OfferFactory,
    member,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _on_commit(django_capture_on_commit_callbacks):
    """Run on-commit work (the round's task, mails) as the real transaction would."""
    global _capture
    _capture = django_capture_on_commit_callbacks


def _run(staff_user, **kwargs) -> MatchRound:
    with _capture(execute=True):
        match_round = round_start(actor=staff_user, **kwargs)  # tasks run inline in tests
    match_round.refresh_from_db()
    return match_round


def test_a_round_proposes_the_best_pairs_as_drafts_with_reasons(
    staff_user, django_capture_on_commit_callbacks
):
    bakery = OfferFactory(
        organisation=member(name="Bakkerij", province="NL-UT", sector="C"), themes=["gezondheid"]
    )
    near = HelpRequestFactory(
        organisation=member(name="Drukkerij", province="NL-GE", sector="C"),
        themes=["gezondheid", "apk"],
    )
    far = HelpRequestFactory(organisation=member(name="Verre", province="NL-GR"))
    with django_capture_on_commit_callbacks(execute=True):
        match_round = round_start(actor=staff_user)
    match_round.refresh_from_db()
    assert match_round.state == RoundState.READY
    assert match_round.progress == 1.0
    assert (match_round.offer_count, match_round.request_count) == (1, 2)
    (draft,) = match_round.matches.all()
    assert (draft.offer, draft.request, draft.state) == (bakery, near, MatchState.DRAFT)
    assert draft.score == 100 + 10 + 3 + 2  # one theme, same sector, same size class
    assert reason_texts(draft.reasons) == [
        "Gedeelde thema's: Gezondheid",
        "Dezelfde sector (Industrie)",
        "Even groot",
        "Aangrenzende provincies (Utrecht en Gelderland)",
    ]
    # Nothing is visible or mailed before publication.
    near.refresh_from_db()
    assert near.status == RequestStatus.OPEN and far.status == RequestStatus.OPEN
    assert mail.outbox == []


def test_the_instance_respects_free_places_exclusions_and_earlier_matches(staff_user):
    mentor = OfferFactory(places=3)
    MatchFactory(offer=mentor, accepted=True)  # holds a place
    MatchFactory(offer=mentor)  # a published proposal: promised, so not offered again
    competitor = HelpRequestFactory()
    ExclusionFactory(organisation=competitor.organisation, excluded=mentor.organisation)
    earlier = HelpRequestFactory()
    MatchFactory(
        offer=OfferFactory(organisation=earlier.organisation),
        request=HelpRequestFactory(organisation=mentor.organisation, status="done"),
        completed=True,
    )  # the other way round, long ago
    fresh = HelpRequestFactory()
    mentors, requests = _pool()
    instance = build_instance(mentors, requests)
    (record,) = [m for m in instance.mentors if m.id == f"offer-{mentor.pk}"]
    assert record.capacity == 1
    assert {r.id for r in instance.learners} >= {f"request-{competitor.pk}", f"request-{fresh.pk}"}
    assert (f"offer-{mentor.pk}", f"request-{competitor.pk}") in instance.exclusions
    assert (f"offer-{mentor.pk}", f"request-{earlier.pk}") in instance.exclusions
    assert (f"offer-{mentor.pk}", f"request-{fresh.pk}") not in instance.exclusions


def test_a_full_mentor_and_pending_organisations_are_left_out(staff_user):
    full = OfferFactory(places=1)
    MatchFactory(offer=full, accepted=True)
    OfferFactory(organisation=OrganisationFactory(pending=True))
    HelpRequestFactory(organisation=OrganisationFactory(pending=True))
    mentors, requests = _pool()
    assert mentors == [] and requests == []


def test_only_one_round_at_a_time(staff_user):
    _run(staff_user)
    with pytest.raises(ValidationError, match="andere ronde"):
        round_start(actor=staff_user)


def test_response_days_are_bounded(staff_user):
    with pytest.raises(ValidationError):
        round_start(actor=staff_user, response_days=0)


def test_publish_turns_drafts_into_proposals_and_mails_both_sides(
    staff_user, django_capture_on_commit_callbacks
):
    offer = OfferFactory(organisation=member(name="Mentor BV"))
    request = HelpRequestFactory(organisation=member(name="Leerling BV"))
    match_round = _run(staff_user, response_days=10)
    with django_capture_on_commit_callbacks(execute=True):
        match_round, dropped = round_publish(match_round=match_round, actor=staff_user)
    assert dropped == 0 and match_round.state == RoundState.PUBLISHED
    (match,) = match_round.matches.all()
    assert match.state == MatchState.PROPOSED
    assert (match.deadline - match_round.published_at).days == 10
    request.refresh_from_db()
    assert request.status == RequestStatus.MATCHED
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted(
        [
            offer.organisation.contacts.get().user.email,
            request.organisation.contacts.get().user.email,
        ]
    )
    assert f"/mijn/payitforward/matches/{match.pk}" in mail.outbox[0].body
    assert AuditEntry.objects.filter(action="pif.round.publish").exists()
    with pytest.raises(ValidationError):
        round_publish(match_round=match_round, actor=staff_user)


def test_publish_drops_a_draft_whose_request_was_withdrawn(staff_user):
    OfferFactory()
    request = HelpRequestFactory()
    match_round = _run(staff_user)
    request.status = RequestStatus.WITHDRAWN
    request.save()
    match_round, dropped = round_publish(match_round=match_round, actor=staff_user)
    assert dropped == 1
    assert not match_round.matches.exists()


def test_staff_remove_a_draft_and_the_learner_stays_in_the_pool(staff_user):
    OfferFactory()
    request = HelpRequestFactory()
    match_round = _run(staff_user)
    draft = match_round.matches.get()
    proposal_remove(match=draft, actor=staff_user)
    assert not Match.objects.exists()
    request.refresh_from_db()
    assert request.status == RequestStatus.OPEN
    assert AuditEntry.objects.filter(action="pif.proposal.remove").count() == 1


def test_staff_change_a_draft_to_an_eligible_mentor_with_room(staff_user):
    best = OfferFactory(organisation=member(name="Eerste", sector="C"))
    other = OfferFactory(organisation=member(name="Tweede", sector="F"))
    far = OfferFactory(organisation=member(name="Ver weg", province="NL-LI"))
    HelpRequestFactory(organisation=member(sector="C"))
    match_round = _run(staff_user)
    draft = match_round.matches.get()
    assert draft.offer == best
    assert [o for o, _score in proposal_alternatives(match=draft)] == [other]
    changed = proposal_change(match=draft, offer=other, actor=staff_user)
    assert changed.mentor == other.organisation
    assert changed.score == 100 + 10 + 2 + 2
    with pytest.raises(ValidationError):
        proposal_change(match=changed, offer=far, actor=staff_user)


def test_a_published_round_cannot_be_changed_or_discarded(staff_user):
    OfferFactory()
    HelpRequestFactory()
    match_round = _run(staff_user)
    round_publish(match_round=match_round, actor=staff_user)
    match = match_round.matches.get()
    with pytest.raises(ValidationError):
        proposal_remove(match=match, actor=staff_user)
    with pytest.raises(ValidationError):
        round_discard(match_round=match_round, actor=staff_user)


def test_discarding_removes_the_drafts_and_allows_a_new_round(staff_user):
    OfferFactory()
    HelpRequestFactory()
    match_round = _run(staff_user)
    round_discard(match_round=match_round, actor=staff_user)
    assert not Match.objects.exists()
    assert _run(staff_user).state == RoundState.READY


def test_a_failing_calculation_marks_the_round_failed(staff_user, monkeypatch):
    from olievlek.engines import matching

    def broken(instance, progress=None):
        raise RuntimeError("solver down")

    monkeypatch.setattr(matching, "solve", broken)
    OfferFactory()
    HelpRequestFactory()
    _run(staff_user)  # the task backend records the task's failure; the page shows ours
    match_round = MatchRound.objects.get()
    assert match_round.state == RoundState.FAILED
    assert "solver down" in match_round.error
