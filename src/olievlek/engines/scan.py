"""The employee self-scan: scoring, and which anonymous figures an employer may see.

Scoring
-------
An answer set has the Work Ability Score item (0-10; bands poor 0-5, moderate 6-7,
good 8-10, Jääskeläinen et al. 2016) and three or four statements per theme of the
*schijf van vijf*, each on a five-point scale (1 = disagree ... 5 = agree; every
statement is worded so that agreeing is the healthy answer). A theme's score is the
mean of its answered statements. The statements are our own and are not a validated
instrument; the scores start a conversation, they do not diagnose.

Suppression
-----------
The employer sees figures per team and for the organisation, for every closed round.
Each figure is computed from a group of respondents. The rules, with k the minimum group
(a setting, never below 5):

1. **Primary**: a group with fewer than k respondents is never shown.
2. **Complement (secondary)**: the organisation's total minus the shown teams is the
   group of hidden teams (the *residual*). If it has 1..k-1 respondents, the smallest
   shown team is hidden as well. One extra team always suffices, because every shown
   team has at least k respondents; the smallest is chosen because it carries the
   least information. Only if no team is left to hide is the organisation's total
   hidden. This is the fewest cells that close the gap: hiding nothing leaves the
   residual exposed, and no single cell smaller than the smallest shown team exists.
3. **Series (across rounds)**: a team is matched across rounds by its name, the
   organisation by itself, the residual by its set of team names. If a figure would
   differ from a figure with the same key shown in an earlier round by 1..k-1
   respondents (a leaver, a newcomer), the difference could isolate those people, so
   it is hidden (a team or the organisation), or, for the residual, the smallest shown
   team is hidden to change the residual. Equal counts are allowed: a change in the
   same group's answers is exactly what a second round is for.
4. **Distribution bars**: inside a shown group, a bar (answer band) with 1..k-1 people
   is hidden, and then the same complement rule runs over the bars (the group's size
   minus the shown bars must be 0 or at least k). The organisation's distribution is
   shown only if the residual's bars (organisation's bars minus the shown teams' bars)
   are each 0 or at least k.

The rules run to a fixed point: hiding only ever grows, so it ends. The only filters
offered are round and team, both partitions covered by rule 2. Differences are measured
in respondent counts between the elementary figures (teams, organisation, residual).

Pure Python: no Django imports.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

THEMES = ("betrokkenheid", "organisatie", "gezondheid", "ontwikkeling", "apk")
# Statement keys per theme; their wording lives in the web application (translated).
ITEMS: dict[str, tuple[str, ...]] = {
    "betrokkenheid": ("b1", "b2", "b3", "b4"),
    "organisatie": ("o1", "o2", "o3", "o4"),
    "gezondheid": ("g1", "g2", "g3", "g4"),
    "ontwikkeling": ("d1", "d2", "d3"),
    "apk": ("a1", "a2", "a3"),
}
ALL_ITEMS = tuple(item for theme in THEMES for item in ITEMS[theme])
SCALE = (1, 2, 3, 4, 5)
MIN_GROUP = 5

WAS_BANDS = ("poor", "moderate", "good")
THEME_BANDS = ("low", "middle", "high")
# A respondent's theme mean below this is "mostly disagree".
LOW_BELOW = 2.5
# Below this mean a theme counts as weak: the statements lean to "neutral" or worse.
WEAK_BELOW = 3.5

ORG = "__organisation__"
# Why a figure is hidden.
SMALL = "small"
COMPLEMENT = "complement"
SERIES = "series"


def minimum_group(k: int) -> int:
    """The minimum group actually used: never below 5, whatever was configured."""
    return max(MIN_GROUP, int(k))


def was_band(score: int) -> str:
    if not 0 <= score <= 10:
        raise ValueError(f"work ability score {score} is outside 0-10")
    if score <= 5:
        return "poor"
    if score <= 7:
        return "moderate"
    return "good"


def theme_scores(answers: Mapping[str, int]) -> dict[str, float | None]:
    """The mean per theme of the answered statements (None if none answered)."""
    scores: dict[str, float | None] = {}
    for theme in THEMES:
        values = [answers[i] for i in ITEMS[theme] if answers.get(i) is not None]
        for value in values:
            if value not in SCALE:
                raise ValueError(f"answer {value} is outside 1-5")
        scores[theme] = round(sum(values) / len(values), 3) if values else None
    return scores


def theme_band(score: float) -> str:
    if score < LOW_BELOW:
        return "low"
    if score <= WEAK_BELOW:
        return "middle"
    return "high"


def weak_themes(scores: Mapping[str, float | None], *, limit: int = 5) -> list[str]:
    """Themes below the weak line, weakest first; if none, the single lowest theme, so a
    conversation always has a place to start."""
    known = [(s, THEMES.index(t), t) for t, s in scores.items() if s is not None]
    if not known:
        return []
    known.sort()
    weak = [t for s, _, t in known if s < WEAK_BELOW]
    return (weak or [known[0][2]])[:limit]


# --- Suppression ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Published:
    """What a round showed, keyed for comparison with later rounds: team names, ORG, and
    the residual's frozenset of team names; the value is the respondent count."""

    figures: dict[object, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RoundPlan:
    """Which figures of one round are shown. ``hidden`` maps a hidden team to its reason;
    ``org_reason`` is None when the organisation's total is shown."""

    teams: dict[str, int]
    hidden: dict[str, str]
    org_reason: str | None
    k: int

    @property
    def org_shown(self) -> bool:
        return self.org_reason is None

    def shown_teams(self) -> list[str]:
        return [t for t in self.teams if t not in self.hidden]

    @property
    def residual(self) -> frozenset[str]:
        return frozenset(self.hidden)

    def residual_n(self) -> int:
        return sum(self.teams[t] for t in self.hidden)

    def published(self) -> Published:
        figures: dict[object, int] = {t: self.teams[t] for t in self.shown_teams()}
        if self.org_shown:
            figures[ORG] = sum(self.teams.values())
            if self.residual_n():
                figures[self.residual] = self.residual_n()
        return Published(figures)


def _isolates(difference: int, k: int) -> bool:
    return 0 < abs(difference) < k


def plan_round(*, teams: Mapping[str, int], k: int, earlier: Sequence[Published] = ()) -> RoundPlan:
    """Decide which of a round's figures to show (see the module docstring)."""
    k = minimum_group(k)
    counts = dict(teams)
    hidden: dict[str, str] = {t: SMALL for t, n in counts.items() if n < k}
    total = sum(counts.values())
    org_reason: str | None = SMALL if total < k else None

    def hide_smallest_shown(reason: str) -> bool:
        nonlocal org_reason
        shown = sorted((n, t) for t, n in counts.items() if t not in hidden)
        if shown:
            hidden[shown[0][1]] = reason
            return True
        if org_reason is None:
            org_reason = reason
            return True
        return False

    changed = True
    while changed:
        changed = False
        for team, n in counts.items():
            if team in hidden:
                continue
            if any(_isolates(n - p.figures[team], k) for p in earlier if team in p.figures):
                hidden[team] = SERIES
                changed = True
        if org_reason is None and any(
            _isolates(total - p.figures[ORG], k) for p in earlier if ORG in p.figures
        ):
            org_reason = SERIES
            changed = True
        if org_reason is None and hidden:
            residual_n = sum(counts[t] for t in hidden)
            key = frozenset(hidden)
            exposed = _isolates(residual_n, k) or any(
                _isolates(residual_n - p.figures[key], k) for p in earlier if key in p.figures
            )
            if exposed:
                changed = hide_smallest_shown(COMPLEMENT) or changed
    return RoundPlan(teams=counts, hidden=hidden, org_reason=org_reason, k=k)


def distribution(counts: Sequence[int], *, k: int) -> tuple[int | None, ...]:
    """A group's bars with the small ones hidden (None), plus the fewest others needed so
    that the hidden bars together are 0 or at least k people."""
    k = minimum_group(k)
    bars: list[int | None] = [c if c == 0 or c >= k else None for c in counts]
    hidden_sum = sum(c for c, b in zip(counts, bars, strict=True) if b is None)
    if 0 < hidden_sum < k:
        shown = sorted((c, i) for i, (c, b) in enumerate(zip(counts, bars, strict=True)) if b)
        if shown:
            bars[shown[0][1]] = None
    return tuple(bars)


def org_distribution(
    *, org_counts: Sequence[int], shown_team_counts: Sequence[Sequence[int]], k: int
) -> tuple[int | None, ...] | None:
    """The organisation's bars, or None when they would expose the residual's bars."""
    k = minimum_group(k)
    residual = list(org_counts)
    for team in shown_team_counts:
        residual = [r - c for r, c in zip(residual, team, strict=True)]
    if any(_isolates(r, k) for r in residual):
        return None
    return distribution(org_counts, k=k)


def network_benchmark_shown(*, organisations: int, minimum_organisations: int = 5) -> bool:
    """The network's figures appear only once enough organisations took part, so that
    the network minus one's own organisation is still several organisations."""
    return organisations >= minimum_organisations
