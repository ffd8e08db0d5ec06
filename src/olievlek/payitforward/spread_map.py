"""Reads for the chain's map: the organisations reached per province and generation,
month by month, laid out as a tile map with the numbers a time slider plays
(``olievlek.js``, ``[data-spread]``). The counting is ``engines.spread_map``'s; this
module turns matches into its input and its frames into what the template draws."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from olievlek.engines import spread_map
from olievlek.engines.reference import provinces
from olievlek.engines.spread import Link as SpreadLink
from olievlek.engines.spread import TimedLink, build_chain

from .chain import COLOURS
from .choices import MADE_STATES
from .models import Match

TILE_WIDTH = 100
TILE_HEIGHT = 84
GAP = 6
PADDING = 8
BAR_Y = 58
BAR_HEIGHT = 14
BAR_WIDTH = TILE_WIDTH - 2 * PADDING


@dataclass
class Segment:
    generation: int
    colour: str
    x: float
    width: float
    xs: str  # the x of every frame, comma separated (for the slider)
    widths: str


@dataclass
class Tile:
    code: str
    name: str
    x: int
    y: int
    total: int
    totals: str
    segments: list[Segment]


@dataclass
class Row:
    name: str
    counts: list[tuple[int, str]]  # (now, every frame) per generation
    total: tuple[int, str]


@dataclass
class SpreadMap:
    tiles: list[Tile]
    rows: list[Row]
    months: list[datetime.date]
    generations: list[dict]
    width: int
    height: int
    bar_y: int
    bar_height: int
    padding: int

    @property
    def last(self) -> int:
        return len(self.months) - 1


def _day(moment: datetime.datetime) -> float:
    return moment.timestamp() / 86400


def _links() -> tuple[list[TimedLink], dict[str, str], datetime.datetime | None]:
    rows = Match.objects.filter(state__in=MADE_STATES).values_list(
        "mentor_id",
        "learner_id",
        "accepted_at",
        "created_at",
        "mentor__province",
        "learner__province",
    )
    links, province_of, first = [], {}, None
    for mentor, learner, accepted, created, mentor_province, learner_province in rows:
        started = accepted or created
        first = started if first is None else min(first, started)
        links.append(TimedLink(str(mentor), str(learner), started=_day(started)))
        province_of[str(mentor)] = mentor_province
        province_of[str(learner)] = learner_province
    return links, province_of, first


def _month_end(year: int, month: int) -> datetime.datetime:
    following = (year + 1, 1) if month == 12 else (year, month + 1)
    return timezone.make_aware(datetime.datetime(*following, 1))


def _joined(values) -> str:
    return ",".join(f"{v:g}" if isinstance(v, float) else str(v) for v in values)


def spread_map_view(*, now: datetime.datetime | None = None) -> SpreadMap:
    """The map month by month, from the month of the first match to this one."""
    now = now or timezone.now()
    links, province_of, first = _links()
    this_month = timezone.localtime(now)
    first = min(timezone.localtime(first), this_month) if first else this_month
    steps = spread_map.month_steps((first.year, first.month), (this_month.year, this_month.month))
    moments = [min(_day(_month_end(y, m)), _day(now)) for y, m in steps]
    frames = spread_map.frames(links, province_of, moments)
    depth = len(next(iter(frames[-1].per_province.values()), ()))
    scale = max((frames[-1].total(code) for code in spread_map.TILES), default=0) or 1
    names = {code: p["name"] for code, p in provinces().items()}
    tiles, rows = [], []
    for code, (row, column) in spread_map.TILES.items():
        x, y = column * (TILE_WIDTH + GAP), row * (TILE_HEIGHT + GAP)
        per_frame = [f.per_province[code] for f in frames]
        segments = []
        for generation in range(depth):
            xs, widths = [], []
            for counts in per_frame:
                before = sum(counts[:generation])
                xs.append(round(x + PADDING + BAR_WIDTH * before / scale, 1))
                widths.append(round(BAR_WIDTH * counts[generation] / scale, 1))
            segments.append(
                Segment(
                    generation=generation,
                    colour=COLOURS[generation % len(COLOURS)],
                    x=xs[-1],
                    width=widths[-1],
                    xs=_joined(xs),
                    widths=_joined(widths),
                )
            )
        totals = [sum(counts) for counts in per_frame]
        tiles.append(Tile(code, names[code], x, y, totals[-1], _joined(totals), segments))
        rows.append(
            Row(
                name=names[code],
                counts=[(per_frame[-1][g], _joined(c[g] for c in per_frame)) for g in range(depth)],
                total=(totals[-1], _joined(totals)),
            )
        )
    rows.sort(key=lambda r: r.name)
    return SpreadMap(
        tiles=tiles,
        rows=rows,
        months=[datetime.date(y, m, 1) for y, m in steps],
        generations=[{"number": g, "colour": COLOURS[g % len(COLOURS)]} for g in range(depth)],
        width=spread_map.COLUMNS * (TILE_WIDTH + GAP) - GAP,
        height=spread_map.ROWS * (TILE_HEIGHT + GAP) - GAP,
        bar_y=BAR_Y,
        bar_height=BAR_HEIGHT,
        padding=PADDING,
    )


def chain_summary() -> dict[str, int]:
    """The chain in three numbers for the home page: matches made, organisations
    reached and generations."""
    rows = list(Match.objects.filter(state__in=MADE_STATES).values_list("mentor_id", "learner_id"))
    chain = build_chain(SpreadLink(str(m), str(lr)) for m, lr in rows)
    return {"matches": len(rows), "reached": len(chain.generation), "generations": chain.depth}
