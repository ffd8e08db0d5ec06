"""Charts drawn on the server as SVG, so the page and the PDF show the same picture.

Only presentation attributes (``fill=``, ``stroke=``), never ``style=``: the site runs
under a strict Content Security Policy. Every chart is an image with a title; its numbers
are in the table printed beside it, which is what screen readers should read.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from olievlek.engines.reference import provinces

# Colours with at least 3:1 contrast against white (WCAG 1.4.11).
COLOURS = ("#00689d", "#8a4b00", "#4a7a1c", "#7a3e9d", "#b0005a")
INK = "#1a1a1a"
GRID = "#c5cfd4"
BAND = "#b8d4e3"
_ids = itertools.count(1)

# A stylised tile map of the twelve provinces (column, row), north at the top.
TILES = {
    "NL-FR": (1, 0), "NL-GR": (2, 0),
    "NL-NH": (0, 1), "NL-FL": (1, 1), "NL-DR": (2, 1),
    "NL-ZH": (0, 2), "NL-UT": (1, 2), "NL-OV": (2, 2),
    "NL-ZE": (0, 3), "NL-NB": (1, 3), "NL-GE": (2, 3),
    "NL-LI": (2, 4),
}  # fmt: skip


def _open(title: str, width: int, height: int) -> tuple[str, str]:
    ident = f"ov-chart-{next(_ids)}"
    head = (
        f'<svg class="ov-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-labelledby="{ident}" focusable="false">'
        f'<title id="{ident}">{escape(title)}</title>'
    )
    return head, ident


def _text(x, y, text, *, anchor="start", size=12, weight="400", fill=INK) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" font-weight="{weight}" '
        f'text-anchor="{anchor}" fill="{fill}" font-family="sans-serif">{escape(text)}</text>'
    )


def _fmt(value: float) -> str:
    return (
        f"{value:,.0f}".replace(",", ".")
        if abs(value) >= 10 or value == int(value)
        else (f"{value:.1f}".replace(".", ","))
    )


def bar_chart(
    title: str, rows: Sequence[tuple[str, float]], *, colour: str = COLOURS[0]
) -> SafeString:
    """Horizontal bars, one per (label, value)."""
    width, label_w, bar_h, gap = 520, 200, 24, 8
    height = max(1, len(rows)) * (bar_h + gap) + 10
    head, _ = _open(title, width, height)
    top = max((v for _l, v in rows), default=0) or 1
    parts = [head]
    for i, (label, value) in enumerate(rows):
        y = 5 + i * (bar_h + gap)
        length = (width - label_w - 70) * value / top
        parts.append(_text(label_w - 8, y + 17, str(label)[:30], anchor="end", size=13))
        parts.append(
            f'<rect x="{label_w}" y="{y}" width="{max(length, 1):.1f}" height="{bar_h}" '
            f'fill="{colour}"/>'
        )
        parts.append(_text(label_w + length + 6, y + 17, _fmt(value), weight="700", size=13))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 -- every text went through escape()


def line_chart(
    title: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    band: tuple[Sequence[float], Sequence[float]] | None = None,
) -> SafeString:
    """Lines over the same x labels, with an optional shaded band (an interval) under the
    first series, and a legend."""
    width, height, left, right, top, bottom = 520, 300, 64, 20, 20, 70
    head, _ = _open(title, width, height)
    values = [v for _n, vs in series for v in vs] + (list(band[1]) if band else [])
    peak = max(values, default=0) or 1
    n = max(len(labels), 2)

    def x(i: int) -> float:
        return left + (width - left - right) * i / (n - 1)

    def y(v: float) -> float:
        return height - bottom - (height - top - bottom) * v / peak

    parts = [head]
    for k in range(5):
        level = peak * k / 4
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(level):.1f}" y2="{y(level):.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        parts.append(_text(left - 6, y(level) + 4, _fmt(level), anchor="end", size=11))
    if band:
        low, high = band
        points = [f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(high)] + [
            f"{x(i):.1f},{y(v):.1f}" for i, v in reversed(list(enumerate(low)))
        ]
        parts.append(f'<polygon points="{" ".join(points)}" fill="{BAND}"/>')
    step = max(1, len(labels) // 8)
    for i, label in enumerate(labels):
        if i % step == 0 or i == len(labels) - 1:
            parts.append(_text(x(i), height - bottom + 16, str(label), anchor="middle", size=11))
    for k, (name, vs) in enumerate(series):
        colour = COLOURS[k % len(COLOURS)]
        dash = ' stroke-dasharray="6 4"' if k else ""
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(vs))
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2.5"{dash}/>'
        )
        if len(vs) <= 24:  # a single month is a point, not an invisible line
            parts.extend(
                f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3.5" fill="{colour}"/>'
                for i, v in enumerate(vs)
            )
        lx = left + k * 180
        parts.append(
            f'<line x1="{lx}" x2="{lx + 24}" y1="{height - 22}" y2="{height - 22}" '
            f'stroke="{colour}" stroke-width="3"{dash}/>'
        )
        parts.append(_text(lx + 30, height - 18, name, size=12))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 -- every text went through escape()


def interval_chart(
    title: str, rows: Sequence[tuple[str, float | None, float | None, float | None]]
) -> SafeString:
    """Shares (0..1) with their interval, one row per (label, share, low, high)."""
    width, label_w, row_h = 520, 210, 34
    height = max(1, len(rows)) * row_h + 30
    head, _ = _open(title, width, height)
    span = width - label_w - 30

    def x(v: float) -> float:
        return label_w + span * v

    parts = [head]
    for k in range(0, 5):
        level = k / 4
        parts.append(
            f'<line x1="{x(level):.1f}" x2="{x(level):.1f}" y1="0" y2="{height - 24}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        parts.append(_text(x(level), height - 8, f"{level:.0%}", anchor="middle", size=11))
    for i, (label, share, low, high) in enumerate(rows):
        mid = 6 + i * row_h + 12
        parts.append(_text(label_w - 8, mid + 4, str(label)[:30], anchor="end", size=13))
        if share is None:
            continue
        parts.append(
            f'<line x1="{x(low):.1f}" x2="{x(high):.1f}" y1="{mid}" y2="{mid}" '
            f'stroke="{INK}" stroke-width="2"/>'
        )
        parts.append(f'<circle cx="{x(share):.1f}" cy="{mid}" r="6" fill="{COLOURS[0]}"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 -- every text went through escape()


def tile_map(title: str, values: dict[str, int]) -> SafeString:
    """The twelve provinces as equal tiles; darker is more."""
    size, gap = 110, 6
    width, height = 4 * (size + gap), 5 * (size + gap)
    head, _ = _open(title, width, height)
    peak = max(values.values(), default=0) or 1
    shades = ("#e8f1f6", "#b8d4e3", "#6fa8c8", "#00689d", "#00476b")
    names = provinces()
    parts = [head]
    for code, (col, row) in TILES.items():
        value = values.get(code, 0)
        shade = shades[min(4, int(4 * value / peak + 0.999)) if value else 0]
        ink = "#ffffff" if shade in shades[3:] else INK
        x, y = col * (size + gap), row * (size + gap)
        parts.append(
            f'<rect x="{x}" y="{y}" width="{size}" height="{size}" rx="6" fill="{shade}"/>'
        )
        parts.append(
            _text(x + size / 2, y + 42, names[code]["name"], anchor="middle", size=13, fill=ink)
        )
        parts.append(
            _text(
                x + size / 2, y + 74, _fmt(value), anchor="middle", size=22, weight="700", fill=ink
            )
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 -- every text went through escape()
