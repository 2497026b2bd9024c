"""A dense timeline chart written straight to SVG, without matplotlib's drawing.

A dense chart (see `charts.plot_timeline`'s `max_shapes`) is one image of stretches under
an axis of dates and a row label per channel. Matplotlib lays it out and writes it in
seconds for a few hundred channels (a text measurement and an SVG element per label,
tick and grid line, the image resampled to the page); here the same picture is laid out
from font metrics and the image goes in at its own size, each pixel a day or a few.
The output is deterministic: the same stretches give the same bytes.
"""

from __future__ import annotations

import base64
import io
from datetime import date, datetime, timedelta
from functools import lru_cache
from xml.sax.saxutils import escape as _escape

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.font_manager import FontProperties, findfont, get_font
from PIL import Image

from tracker.charts import STATE_COLOURS, channel_label, dense_note, dense_pixels

__all__ = ["dense_svg"]

_FONT = (
    "'DejaVu Sans', 'Bitstream Vera Sans', 'Computer Modern Sans Serif', 'Lucida Grande', "
    "'Verdana', 'Geneva', 'Lucid', 'Arial', 'Helvetica', 'Avant Garde', sans-serif"
)
_PAD = 4.0  # around the figure, points
_TICK = 3.5  # tick length and the gap to its label
_LABEL = 10.0  # tick labels, points
_SMALL = 8.0  # the note above and the legend
_HIGHLIGHT = "#FFF3B0"
# The legend as plot_timeline draws it: (label, what, fill, opacity); what is a patch,
# a hatched patch or a marker shape.
_LEGEND: tuple[tuple[str, str, str, float], ...] = (
    *((s, "patch", STATE_COLOURS[s], 1.0) for s in ("open", "restored", "suspended", "rejected")),
    ("stale", "patch", "#999999", 0.35),
    ("uncertain", "hatch", "#999999", 1.0),
    ("asserted", "circle", "#777777", 1.0),
    ("planned", "square", "#FFFFFF", 1.0),
    ("intent", "diamond", "#FFFFFF", 1.0),
    ("hypothetical", "triangle", "#FFFFFF", 1.0),
    ("rejected by analyst", "cross", "#555555", 1.0),
)
_LEGEND_COLUMNS = 7


@lru_cache(maxsize=4096)
def _width(text: str, size: float) -> float:
    """The advance of a line of text in the default font, in points."""
    font = get_font(findfont(FontProperties()))
    font.set_size(size, 72)
    font.set_text(text, 0.0)
    return float(font.get_width_height()[0]) / 64


def _n(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _text(x: float, y: float, text: str, size: float, anchor: str) -> str:
    # y is the line's middle; the baseline sits about a third of the size below it.
    return (
        f'<text x="{_n(x)}" y="{_n(y + 0.36 * size)}" style="font-size: {_n(size)}px; '
        f'font-family: {_FONT}; text-anchor: {anchor}">{_escape(text)}</text>'
    )


def _png(pixels: np.ndarray) -> str:
    rgba = np.rint(np.clip(pixels, 0.0, 1.0) * 255).astype(np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(rgba, mode="RGBA").save(buffer, format="png", optimize=False)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _ticks(lo: date, hi: date) -> tuple[list[tuple[date, str]], str]:
    """The date ticks plot_timeline's axis shows between lo and hi + 1 day, and the
    offset line under them (matplotlib's AutoDateLocator and ConciseDateFormatter)."""
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    first, last = (
        datetime.combine(lo, datetime.min.time()),
        datetime.combine(hi + timedelta(days=1), datetime.min.time()),
    )
    values = locator.tick_values(first, last)
    formatter = mdates.ConciseDateFormatter(locator)
    labels = formatter.format_ticks(values)
    low, high = mdates.date2num(first), mdates.date2num(last)
    ticks = [
        (mdates.num2date(v).date(), str(label))
        for v, label in zip(values, labels, strict=True)
        if low <= v <= high
    ]
    return ticks, str(formatter.get_offset())


def _legend_item(x: float, y: float, label: str, what: str, fill: str, alpha: float) -> str:
    """One legend entry: its handle 16 points wide centred on y, then its label."""
    parts = []
    opacity = f' opacity="{_n(alpha)}"' if alpha < 1 else ""
    if what in ("patch", "hatch"):
        parts.append(
            f'<rect x="{_n(x)}" y="{_n(y - 2.8)}" width="16" height="5.6" fill="{fill}"{opacity}/>'
        )
        if what == "hatch":
            parts.append(
                f'<rect x="{_n(x)}" y="{_n(y - 2.8)}" width="16" height="5.6" '
                'fill="url(#dense-hatch)"/>'
            )
    else:
        cx, r = x + 8, 3.5
        stroke = 'stroke="#222222" stroke-width="1"'
        if what == "circle":
            parts.append(f'<circle cx="{_n(cx)}" cy="{_n(y)}" r="{r}" fill="{fill}" {stroke}/>')
        elif what == "square":
            parts.append(
                f'<rect x="{_n(cx - r)}" y="{_n(y - r)}" width="7" height="7" '
                f'fill="{fill}" {stroke}/>'
            )
        elif what == "diamond":
            corners = ((cx, y - r), (cx + r, y), (cx, y + r), (cx - r, y))
            points = " ".join(f"{_n(px)},{_n(py)}" for px, py in corners)
            parts.append(f'<polygon points="{points}" fill="{fill}" {stroke}/>')
        elif what == "triangle":
            points = f"{_n(cx)},{_n(y - r)} {_n(cx + r)},{_n(y + r)} {_n(cx - r)},{_n(y + r)}"
            parts.append(f'<polygon points="{points}" fill="{fill}" {stroke}/>')
        else:
            parts.append(
                f'<path d="M {_n(cx - r)} {_n(y - r)} L {_n(cx + r)} {_n(y + r)} '
                f'M {_n(cx - r)} {_n(y + r)} L {_n(cx + r)} {_n(y - r)}" '
                f'stroke="{fill}" stroke-width="1.5" fill="none"/>'
            )
    parts.append(_text(x + 22.4, y, label, _SMALL, "start"))
    return "".join(parts)


def dense_svg(
    intervals: pd.DataFrame,
    rows: list[tuple[str, str]],
    *,
    start: date,
    end: date,
    shapes: int,
    highlight: tuple[date, date] | None = None,
    stale_days: int,
    width: float = 11.0,
) -> str:
    """The dense chart `charts.timeline_figure(..., max_shapes=...)` draws for these
    stretches and rows (channels, top first), as inline SVG text (no XML prolog): the
    same image of stretches (`charts.dense_pixels`), date ticks, row labels, note and
    legend, laid out without matplotlib. `shapes` is the count the note states."""
    lo, hi = start, end if end > start else start + timedelta(days=1)
    pixels, per_column = dense_pixels(intervals, rows, lo, hi, stale_days)
    n = max(1, len(rows))
    fig_w, fig_h = width * 72, (1.6 + 0.42 * n) * 72
    labels = [channel_label(p, k) for p, k in rows]
    entries = [*_LEGEND] + ([("this period", "patch", _HIGHLIGHT, 1.0)] if highlight else [])
    legend_rows = -(-len(entries) // _LEGEND_COLUMNS)
    line = 1.5 * _SMALL
    ticks, offset = _ticks(lo, hi)

    left = _PAD + max((_width(t, _LABEL) for t in labels), default=0.0) + _TICK
    right = fig_w - _PAD - _LABEL
    top = _PAD + line + 2
    bottom = fig_h - _PAD - legend_rows * line - 8 - (2 * _TICK + 1.2 * _LABEL)
    if offset:
        bottom -= 1.2 * _LABEL
    axes_w, axes_h = right - left, bottom - top
    row_h = axes_h / n
    span = (hi - lo).days + 1

    def x_of(day: date) -> float:
        return left + (day - lo).days / span * axes_w

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="{_n(fig_w)}pt" height="{_n(fig_h)}pt" viewBox="0 0 {_n(fig_w)} {_n(fig_h)}" '
        'version="1.1">',
        "<defs>",
        f'<clipPath id="dense-axes"><rect x="{_n(left)}" y="{_n(top)}" width="{_n(axes_w)}" '
        f'height="{_n(axes_h)}"/></clipPath>',
        '<pattern id="dense-hatch" patternUnits="userSpaceOnUse" width="6" height="6">'
        '<path d="M -1 7 L 7 -1 M -4 4 L 4 -4 M 2 10 L 10 2" stroke="#FFFFFF" '
        'stroke-width="1"/></pattern>',
        "</defs>",
        f'<rect x="0" y="0" width="{_n(fig_w)}" height="{_n(fig_h)}" fill="#FFFFFF"/>',
        _text(left, _PAD + line / 2, dense_note(shapes), _SMALL, "start"),
        '<g clip-path="url(#dense-axes)">',
    ]
    if highlight is not None:
        a = x_of(max(highlight[0], lo))
        b = x_of(min(highlight[1], hi) + timedelta(days=1))
        out.append(
            f'<rect x="{_n(a)}" y="{_n(top)}" width="{_n(max(0.0, b - a))}" '
            f'height="{_n(axes_h)}" fill="{_HIGHLIGHT}"/>'
        )
    for day, _ in ticks:
        tx = _n(x_of(day))
        out.append(
            f'<path d="M {tx} {_n(top)} L {tx} {_n(bottom)}" stroke="#EEEEEE" stroke-width="0.8"/>'
        )
    for i in range(len(rows)):
        y = _n(top + (i + 0.5) * row_h)
        out.append(
            f'<path d="M {_n(left)} {y} L {_n(right)} {y}" stroke="#E6E6E6" stroke-width="0.8"/>'
        )
    if rows:  # else one empty row, and no image to draw
        image_w = pixels.shape[1] * per_column / span * axes_w
        out.append(
            f'<image x="{_n(left)}" y="{_n(top)}" width="{_n(image_w)}" height="{_n(axes_h)}" '
            'preserveAspectRatio="none" '
            'style="image-rendering: crisp-edges; image-rendering: pixelated" '
            f'xlink:href="data:image/png;base64,{_png(pixels)}"/>'
        )
    out.append("</g>")
    out.append(
        f'<path d="M {_n(left)} {_n(bottom)} L {_n(right)} {_n(bottom)}" stroke="#000000" '
        'stroke-width="0.8"/>'
    )
    label_y = bottom + 2 * _TICK + 0.6 * _LABEL
    for day, text in ticks:
        tx = _n(x_of(day))
        out.append(
            f'<path d="M {tx} {_n(bottom)} L {tx} {_n(bottom + _TICK)}" stroke="#000000" '
            'stroke-width="0.8"/>'
        )
        out.append(_text(x_of(day), label_y, text, _LABEL, "middle"))
    if offset:
        out.append(_text(right, label_y + 1.2 * _LABEL, offset, _LABEL, "end"))
    for i, text in enumerate(labels):
        out.append(_text(left - _TICK, top + (i + 0.5) * row_h, text, _LABEL, "end"))
    legend_top = fig_h - _PAD - legend_rows * line
    x = left
    for c in range(0, len(entries), legend_rows):
        column = entries[c : c + legend_rows]
        for r, entry in enumerate(column):
            out.append(_legend_item(x, legend_top + (r + 0.5) * line, *entry))
        x += 22.4 + max(_width(e[0], _SMALL) for e in column) + 16
    out.append("</svg>")
    return "\n".join(out) + "\n"
