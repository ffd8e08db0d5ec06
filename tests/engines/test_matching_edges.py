"""Edge cases of the matching engine: empty instances, capacities, exclusions,
weights, progress, determinism and validation messages."""

from __future__ import annotations

import pytest

from olievlek.engines.matching import (
    Instance,
    InstanceError,
    Learner,
    Mentor,
    Result,
    Weights,
    solve,
    validate,
)

from .matching_support import (
    random_instance,
)

# --------------------------------------------------------------------------- edge cases


def _learner(i: int, organisation: str = "org-l", **changes) -> Learner:
    fields = {"province": "NL-UT", "sector": "C", "size_class": "klein", "themes": {"apk"}}
    return Learner(f"l-{i}", f"{organisation}{i}", **{**fields, **changes})


def test_empty_instances():
    assert solve(Instance((), ())) == Result((), 0, ())
    learners = (_learner(1), _learner(2))
    assert solve(Instance((), learners)).unmatched_learners == ("l-1", "l-2")
    m = Mentor("m-1", "org-m", "NL-UT", "C", "klein", {"apk"})
    assert solve(Instance((m,), ())) == Result((), 0, ())


def test_capacity_zero_mentor_is_never_matched():
    idle = Mentor("m-1", "org-m1", "NL-UT", "C", "klein", {"apk"}, capacity=0)
    busy = Mentor("m-2", "org-m2", "NL-GE", "G", "groot", {"apk"}, capacity=1)
    result = solve(Instance((idle, busy), (_learner(1), _learner(2))))
    assert [m.mentor for m in result.matches] == ["m-2"]
    assert len(result.unmatched_learners) == 1


def test_default_capacity_is_two():
    m = Mentor("m-1", "org-m", "NL-UT", "C", "klein", {"apk"})
    result = solve(Instance((m,), tuple(_learner(i) for i in range(5))))
    assert m.capacity == 2 and len(result.matches) == 2


def test_exclusion_is_respected_even_when_it_costs_score():
    best = Mentor("m-1", "org-m1", "NL-UT", "C", "klein", {"apk"}, capacity=1)
    other = Mentor("m-2", "org-m2", "NL-GE", "G", "groot", {"apk"}, capacity=1)
    result = solve(Instance((best, other), (_learner(1),), frozenset({("m-1", "l-1")})))
    assert [(m.mentor, m.learner) for m in result.matches] == [("m-2", "l-1")]


def test_same_organisation_is_never_paired_but_may_mentor_others():
    both = Mentor("m-1", "org-both", "NL-UT", "C", "klein", {"apk"}, capacity=2)
    own = Learner("l-1", "org-both", "NL-UT", "C", "klein", {"apk"})
    result = solve(Instance((both,), (own, _learner(2))))
    assert [(m.mentor, m.learner) for m in result.matches] == [("m-1", "l-2")]
    assert result.unmatched_learners == ("l-1",)


def test_custom_weights_change_the_optimum():
    near = Mentor("m-1", "org-m1", "NL-UT", "G", "groot", {"apk"}, capacity=1)
    alike = Mentor("m-2", "org-m2", "NL-GE", "C", "klein", {"apk"}, capacity=1)
    learner = (_learner(1),)
    by_default = solve(Instance((near, alike), learner))
    assert [m.mentor for m in by_default.matches] == ["m-2"]  # sector 3 + size 2 > province 2
    province_first = Weights(match=100, theme=10, sector=1, size_class=1, province=50)
    custom = solve(Instance((near, alike), learner, weights=province_first))
    assert [(m.mentor, m.score) for m in custom.matches] == [("m-1", 100 + 10 + 50)]


def test_pairs_without_positive_score_are_not_picked():
    m = Mentor("m-1", "org-m", "NL-UT", "C", "klein", {"apk"}, capacity=3)
    weights = Weights(match=-20, theme=10, sector=5, size_class=0, province=0)
    learners = (_learner(1), _learner(2, sector="G"), _learner(3, sector="G", province="NL-GE"))
    result = solve(Instance((m,), learners, weights=weights))
    assert [(x.learner, x.score) for x in result.matches] == []
    weights = Weights(match=-10, theme=10, sector=5, size_class=0, province=0)
    result = solve(Instance((m,), learners, weights=weights))
    assert [(x.learner, x.score) for x in result.matches] == [("l-1", 5)]


def test_progress_is_reported_up_to_one_and_never_goes_back():
    seen: list[float] = []
    solve(random_instance(3, 60, 25, spread=True), progress=seen.append)
    assert seen and seen[-1] == 1.0
    assert seen == sorted(seen) and all(0.0 <= f <= 1.0 for f in seen)


def test_solving_is_deterministic():
    instance = random_instance(5, 150, 60, spread=False)
    assert solve(instance) == solve(instance)


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"province": "NL-XX"}, 'unknown province "NL-XX"'),
        ({"sector": "Z"}, 'unknown sector "Z"'),
        ({"size_class": "huge"}, 'unknown size_class "huge"'),
        ({"themes": {"gezond"}}, 'unknown theme "gezond"'),
        ({"capacity": -1}, "capacity must be a whole number from 0 up, got -1"),
        ({"capacity": 1.5}, "capacity must be a whole number"),
        ({"capacity": True}, "capacity must be a whole number"),
    ],
)
def test_validate_names_the_offending_mentor(change, fragment):
    fields = {"province": "NL-UT", "sector": "C", "size_class": "klein", "themes": {"apk"}}
    good = Mentor("m-1", "org-1", **fields)
    bad = Mentor("m-2", "org-2", **{**fields, "capacity": 2, **change})
    with pytest.raises(InstanceError) as error:
        solve(Instance((good, bad), ()))
    assert str(error.value).startswith('mentors[1] (id "m-2"): ')
    assert fragment in str(error.value)


def test_validate_refuses_duplicate_ids_unknown_exclusions_and_bad_weights():
    learners = (_learner(1), _learner(1))
    with pytest.raises(InstanceError, match=r'learners\[1\] \(id "l-1"\): duplicate id'):
        validate(Instance((), learners))
    with pytest.raises(InstanceError, match='unknown mentor id "m-9"'):
        validate(Instance((), (_learner(1),), frozenset({("m-9", "l-1")})))
    with pytest.raises(InstanceError, match=r"weights\.theme"):
        validate(Instance((), (), weights=Weights(theme=2.5)))
