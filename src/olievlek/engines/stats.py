"""Small statistics for the impact figures: proportions with a Wilson score interval,
five-point scale summaries and quantiles.

Pure Python: no Django imports.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Z95 = 1.959963984540054  # the 97.5% quantile of the standard normal distribution


@dataclass(frozen=True, slots=True)
class Proportion:
    """``successes`` out of ``n`` with a confidence interval; ``share`` is None when n is 0."""

    successes: int
    n: int
    share: float | None
    low: float | None
    high: float | None


def wilson_interval(successes: int, n: int, *, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval for a binomial proportion.

    Unlike the textbook ``p ± z·sqrt(p(1-p)/n)`` it stays within [0, 1] and does not
    collapse to a single point at 0 or n successes, which matters for the small samples a
    survey on a young site has."""
    if n <= 0:
        raise ValueError("n must be positive")
    if not 0 <= successes <= n:
        raise ValueError("successes must lie between 0 and n")
    if z <= 0:
        raise ValueError("z must be positive")
    p = successes / n
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = (z / (1 + z2 / n)) * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    # At 0 or n successes the bound is exactly 0 or 1; say so rather than trust rounding.
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return low, high


def proportion(successes: int, n: int, *, z: float = Z95) -> Proportion:
    if n == 0:
        return Proportion(successes=0, n=0, share=None, low=None, high=None)
    low, high = wilson_interval(successes, n, z=z)
    return Proportion(successes=successes, n=n, share=successes / n, low=low, high=high)


@dataclass(frozen=True, slots=True)
class ScaleSummary:
    """Answers on a five-point scale (1 = not at all, 5 = very much): how many gave each
    answer, the mean, and the share that agreed (4 or 5) with its interval."""

    counts: tuple[int, int, int, int, int]
    n: int
    mean: float | None
    agree: Proportion


def scale_summary(counts: Sequence[int]) -> ScaleSummary:
    """Summary of the answer counts for the values 1..5 (index 0 is the answer 1)."""
    if len(counts) != 5:
        raise ValueError("a five-point scale needs five counts")
    if any(c < 0 for c in counts):
        raise ValueError("counts cannot be negative")
    n = sum(counts)
    mean = sum((i + 1) * c for i, c in enumerate(counts)) / n if n else None
    return ScaleSummary(
        counts=tuple(int(c) for c in counts),  # type: ignore[arg-type]
        n=n,
        mean=mean,
        agree=proportion(counts[3] + counts[4], n),
    )


def scale_counts(answers: Iterable[int | None]) -> tuple[int, int, int, int, int]:
    """Counts per value 1..5; missing answers (None) are left out."""
    counts = [0] * 5
    for answer in answers:
        if answer is None:
            continue
        if not 1 <= answer <= 5:
            raise ValueError(f"{answer} is not on a five-point scale")
        counts[answer - 1] += 1
    return tuple(counts)  # type: ignore[return-value]


def quantile(values: Sequence[float], q: float) -> float:
    """The ``q`` quantile with linear interpolation between order statistics (the
    default of NumPy and of R's type 7)."""
    if not values:
        raise ValueError("no values")
    if not 0.0 <= q <= 1.0:
        raise ValueError("q must lie between 0 and 1")
    ordered = sorted(values)
    position = q * (len(ordered) - 1)
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def median(values: Sequence[float]) -> float:
    return quantile(values, 0.5)
