"""Why a request got no mentor: the reasons engine."""

from __future__ import annotations

from hypothesis import given, settings

from olievlek.engines.matching import Instance, Learner, Mentor, eligible, solve
from olievlek.engines.unmatched import Reason, unmatched_reasons

from .matching_support import instances


def mentor(id="m", org="o-m", province="NL-UT", themes=("gezondheid",), capacity=1):
    return Mentor(
        id=id,
        organisation=org,
        province=province,
        sector="C",
        size_class="small",
        themes=frozenset(themes),
        capacity=capacity,
    )


def learner(id="l", org="o-l", province="NL-UT", themes=("gezondheid",)):
    return Learner(
        id=id,
        organisation=org,
        province=province,
        sector="C",
        size_class="small",
        themes=frozenset(themes),
    )


def test_no_offer_on_the_theme():
    instance = Instance((mentor(themes=("apk",)),), (learner(),))
    assert unmatched_reasons(instance, []) == {"l": Reason.NO_THEME}


def test_offers_on_the_theme_but_too_far():
    instance = Instance((mentor(province="NL-GR"),), (learner(province="NL-ZH"),))
    assert unmatched_reasons(instance, []) == {"l": Reason.OUT_OF_REACH}


def test_an_exclusion_is_a_conflict_of_interest():
    instance = Instance((mentor(),), (learner(),), frozenset({("m", "l")}))
    assert unmatched_reasons(instance, []) == {"l": Reason.CONFLICT}


def test_its_own_organisation_is_a_conflict_of_interest():
    instance = Instance((mentor(org="same"),), (learner(org="same"),))
    assert unmatched_reasons(instance, []) == {"l": Reason.CONFLICT}


def test_no_place_left():
    instance = Instance((mentor(),), (learner(id="l1"), learner(id="l2", org="o-2")))
    assert unmatched_reasons(instance, [("m", "l1")]) == {"l2": Reason.NO_PLACE}


def test_a_full_offer_with_no_places_at_all():
    instance = Instance((mentor(capacity=0),), (learner(),))
    assert unmatched_reasons(instance, []) == {"l": Reason.NO_PLACE}


def test_a_removed_proposal_leaves_a_free_place():
    instance = Instance((mentor(),), (learner(),))
    assert unmatched_reasons(instance, []) == {"l": Reason.NOT_CHOSEN}


@given(instances(custom_weights=False))
@settings(max_examples=150, deadline=None)
def test_after_an_optimal_round_every_unmatched_request_has_a_real_reason(instance):
    result = solve(instance)
    pairs = [(m.mentor, m.learner) for m in result.matches]
    reasons = unmatched_reasons(instance, pairs)
    assert set(reasons) == set(result.unmatched_learners)
    assert Reason.NOT_CHOSEN not in reasons.values()
    for learner_id, reason in reasons.items():
        lr = next(x for x in instance.learners if x.id == learner_id)
        if reason != Reason.NO_PLACE:
            assert not any(eligible(m, lr, instance.exclusions) for m in instance.mentors)
