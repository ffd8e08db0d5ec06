"""Why a request got no mentor in a match round: for every learner left unmatched, the
first rule that stands in its way, from the round's input (pure; no Django).

The order matters: a request with no offer on its themes at all is told that, not that
the offers on its themes are full."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from enum import StrEnum

from .matching import Instance, provinces_reachable


class Reason(StrEnum):
    NO_THEME = "no_theme"  # no offer on any of its themes
    OUT_OF_REACH = "out_of_reach"  # offers on its themes, none in or next to its province
    CONFLICT = "conflict"  # the reachable ones are its own or excluded (conflict of interest)
    NO_PLACE = "no_place"  # every suitable offer is full
    NOT_CHOSEN = "not_chosen"  # a suitable offer had room (e.g. a proposal was removed)


def unmatched_reasons(instance: Instance, matches: Iterable[tuple[str, str]]) -> dict[str, Reason]:
    """``matches`` holds the round's (mentor id, learner id) pairs. Returns a reason for
    every learner of the instance that is in no pair."""
    pairs = list(matches)
    matched = {learner for _mentor, learner in pairs}
    used = Counter(mentor for mentor, _learner in pairs)
    reasons: dict[str, Reason] = {}
    for learner in instance.learners:
        if learner.id in matched:
            continue
        on_theme = [m for m in instance.mentors if not m.themes.isdisjoint(learner.themes)]
        in_reach = [m for m in on_theme if provinces_reachable(m.province, learner.province)]
        allowed = [
            m
            for m in in_reach
            if m.organisation != learner.organisation
            and (m.id, learner.id) not in instance.exclusions
        ]
        if not on_theme:
            reasons[learner.id] = Reason.NO_THEME
        elif not in_reach:
            reasons[learner.id] = Reason.OUT_OF_REACH
        elif not allowed:
            reasons[learner.id] = Reason.CONFLICT
        elif all(used[m.id] >= m.capacity for m in allowed):
            reasons[learner.id] = Reason.NO_PLACE
        else:
            reasons[learner.id] = Reason.NOT_CHOSEN
    return reasons
