"""The oil slick on a map: how many organisations the chain had reached in each province,
per generation, at a series of moments, so a page can play how it spread.

An organisation is reached at a moment when a match it takes part in (on either side)
had started by then. Its generation at that moment is its distance from a root in the
chain of the links started so far (``spread.build_chain``): a shortcut found later can
lower it, so every moment is computed on its own.

The twelve provinces are drawn as a tile map: equal squares on a small grid, each roughly
where the province lies, so that a small province counts as much to the eye as a large
one and every tile has room for its name and numbers.

Pure Python: no Django imports.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .spread import Link, TimedLink, build_chain

# (row, column) of each province's tile, north at the top: three columns, five rows.
TILES: dict[str, tuple[int, int]] = {
    "NL-GR": (0, 2),
    "NL-FR": (1, 1),
    "NL-DR": (1, 2),
    "NL-NH": (2, 0),
    "NL-FL": (2, 1),
    "NL-OV": (2, 2),
    "NL-ZH": (3, 0),
    "NL-UT": (3, 1),
    "NL-GE": (3, 2),
    "NL-ZE": (4, 0),
    "NL-NB": (4, 1),
    "NL-LI": (4, 2),
}
ROWS = 1 + max(row for row, _ in TILES.values())
COLUMNS = 1 + max(column for _, column in TILES.values())


@dataclass(frozen=True, slots=True)
class Frame:
    """The chain at one moment: per province, the organisations reached per generation
    (generation 0 first, every tuple as long as the deepest moment has generations)."""

    at: float
    per_province: dict[str, tuple[int, ...]]

    @property
    def reached(self) -> int:
        return sum(sum(counts) for counts in self.per_province.values())

    def total(self, province: str) -> int:
        return sum(self.per_province.get(province, ()))


def _generations_at(links: Sequence[TimedLink], moment: float) -> dict[str, int]:
    started = [Link(link.mentor, link.learner) for link in links if link.started <= moment]
    return build_chain(started).generation


def frames(
    links: Iterable[TimedLink],
    province_of: Mapping[str, str],
    moments: Sequence[float],
    provinces: Iterable[str] = tuple(TILES),
) -> tuple[Frame, ...]:
    """One frame per moment (in the order given). Organisations whose province is not
    among ``provinces`` are left out of the map, not of the chain."""
    links = list(links)
    codes = list(provinces)
    per_moment = [_generations_at(links, moment) for moment in moments]
    depth = max((1 + max(g.values()) for g in per_moment if g), default=0)
    result = []
    for moment, generation in zip(moments, per_moment, strict=True):
        counts = {code: [0] * depth for code in codes}
        for organisation, g in generation.items():
            province = province_of.get(organisation)
            if province in counts:
                counts[province][g] += 1
        result.append(Frame(moment, {code: tuple(c) for code, c in counts.items()}))
    return tuple(result)


def month_steps(
    first: tuple[int, int], last: tuple[int, int], most: int = 36
) -> list[tuple[int, int]]:
    """(year, month) pairs from ``first`` to ``last`` inclusive, thinned to at most
    ``most`` by taking every n-th month, always ending on ``last``."""
    if most < 1:
        raise ValueError("most must be at least 1")
    months = []
    year, month = first
    while (year, month) <= last:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    step = -(-len(months) // most)
    return months[::-1][::step][::-1]
