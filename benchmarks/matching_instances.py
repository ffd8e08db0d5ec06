"""Generated Pay it Forward instances for the matching benchmark: deterministic, and
spread over provinces, sectors, sizes and themes roughly as the Dutch economy is."""

from __future__ import annotations

import random

from olievlek.engines.matching import Instance, Learner, Mentor

PROVINCE_WEIGHTS = {  # inhabitants in millions, roughly
    "NL-ZH": 3.8, "NL-NH": 2.95, "NL-NB": 2.65, "NL-GE": 2.2, "NL-UT": 1.4, "NL-OV": 1.2,
    "NL-LI": 1.13, "NL-FR": 0.66, "NL-GR": 0.59, "NL-DR": 0.5, "NL-FL": 0.45, "NL-ZE": 0.39,
}  # fmt: skip
SECTOR_WEIGHTS = {
    "G": 20, "Q": 15, "M": 12, "C": 10, "F": 10, "P": 8, "N": 8, "I": 5, "J": 5, "H": 4,
    "K": 3, "O": 3, "S": 3, "A": 2, "L": 2, "R": 2, "D": 0.5, "E": 0.5, "B": 0.2, "T": 0.1,
    "U": 0.1,
}  # fmt: skip
SIZE_WEIGHTS = {"micro": 20, "klein": 35, "midden": 30, "groot": 15}
THEME_WEIGHTS = {
    "gezondheid": 30, "ontwikkeling": 25, "betrokkenheid": 20, "organisatie": 15, "apk": 10,
}  # fmt: skip
MENTOR_SHARE = 0.4
BOTH_SIDES_SHARE = 0.15  # mentors whose organisation is also a learner
EXCLUSION_SHARE = 0.02  # learners with an exclusion against a nearby mentor


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _themes(rng: random.Random) -> frozenset[str]:
    count = rng.choices((1, 2, 3), weights=(4, 4, 2))[0]
    chosen: set[str] = set()
    while len(chosen) < count:
        chosen.add(_pick(rng, THEME_WEIGHTS))
    return frozenset(chosen)


def _profile(rng: random.Random) -> dict:
    return {
        "province": _pick(rng, PROVINCE_WEIGHTS),
        "sector": _pick(rng, SECTOR_WEIGHTS),
        "size_class": _pick(rng, SIZE_WEIGHTS),
        "themes": _themes(rng),
    }


def generate(n_learners: int, seed: int = 2024) -> Instance:
    """A deterministic, realistically spread instance with ``0.4 * n`` mentors."""
    rng = random.Random(seed * 1_000_003 + n_learners)
    learners = [
        Learner(id=f"l-{i}", organisation=f"org-l{i}", **_profile(rng)) for i in range(n_learners)
    ]
    mentors = []
    for i in range(round(MENTOR_SHARE * n_learners)):
        both = rng.random() < BOTH_SIDES_SHARE
        organisation = rng.choice(learners).organisation if both else f"org-m{i}"
        capacity = rng.choices((2, 1, 3), weights=(8, 1, 1))[0]
        mentors.append(Mentor(f"m-{i}", organisation, capacity=capacity, **_profile(rng)))
    by_province: dict[str, list[str]] = {}
    for mentor in mentors:
        by_province.setdefault(mentor.province, []).append(mentor.id)
    exclusions = set()
    for learner in rng.sample(learners, round(EXCLUSION_SHARE * n_learners)):
        nearby = by_province.get(learner.province)
        if nearby:
            exclusions.add((rng.choice(nearby), learner.id))
    return Instance(tuple(mentors), tuple(learners), frozenset(exclusions))
