"""Timeline charts: one row per channel, stretches coloured by state, evidence as marks.

Built on matplotlib's object API (no pyplot state), so a chart can be drawn into a
notebook's axes or rendered to a deterministic SVG for a report.
"""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

import matplotlib as mpl
import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from tracker.timeline import DEFAULT_STALE_DAYS
from tracker.vocab import Kind, Modality, Review, State

__all__ = [
    "STATE_COLOURS",
    "channel_label",
    "chart_rows",
    "dense_note",
    "dense_pixels",
    "figure_svg",
    "plot_timeline",
    "svg_document",
    "timeline_figure",
]

# One colour per state, distinct for the common forms of colour blindness
# (Okabe–Ito): working states in blue-green, non-working in vermilion and orange.
STATE_COLOURS: dict[str, str] = {
    State.OPEN.value: "#009E73",
    State.RESTORED.value: "#56B4E9",
    State.SUSPENDED.value: "#D55E00",
    State.REJECTED.value: "#E69F00",
    State.UNKNOWN.value: "#BBBBBB",
}
_MARKERS: dict[str, str] = {
    Modality.ASSERTED.value: "o",
    Modality.PLANNED.value: "s",
    Modality.INTENT.value: "D",
    Modality.HYPOTHETICAL.value: "^",
}
_HASH_SALT = "channel-tracker"
_BAR_HEIGHT = 0.56


def channel_label(pair: str, kind: str) -> str:
    """How a channel is named on a chart row: `CN-US  military-relations`."""
    return f"{pair}  {kind}"


def chart_rows(*frames: pd.DataFrame | None) -> list[tuple[str, str]]:
    """The channels a chart of these frames draws, top first (pair, then kind in
    vocabulary order)."""
    order = {k.value: i for i, k in enumerate(Kind)}
    found: set[tuple[str, str]] = set()
    for frame in frames:
        if frame is not None and len(frame):
            pairs = frame[["pair", "kind"]].drop_duplicates()
            found |= {(str(p), str(k)) for p, k in zip(pairs["pair"], pairs["kind"], strict=True)}
    return sorted(found, key=lambda c: (c[0], order.get(c[1], len(order)), c[1]))


def _ts(value: Any) -> date | None:
    if value is None or pd.isna(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value if isinstance(value, date) else None


def _days(values: pd.Series) -> list[date | None]:
    """A column as dates (None where missing), in one conversion for datetime64 columns."""
    if pd.api.types.is_datetime64_dtype(values.dtype):
        days = values.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
        return list(days.astype(object).tolist())
    return [_ts(v) for v in values]


def _limits(
    intervals: pd.DataFrame, evidence: pd.DataFrame | None, start: date | None, end: date | None
) -> tuple[date, date]:
    if start is not None and end is not None:
        # Exact limits: nothing to look up in the frames.
        return start, end if end > start else start + timedelta(days=1)
    days: list[date] = []
    for frame, columns in ((intervals, ("start", "end")), (evidence, ("effective_start",))):
        if frame is None or not len(frame):
            continue
        for column in columns:
            present = [d for d in _days(frame[column]) if d is not None]
            days.extend((min(present), max(present)) if present else ())
    lo = start or min(days, default=date.today() - timedelta(days=365))
    hi = end or max(days, default=lo + timedelta(days=365))
    if hi <= lo:
        hi = lo + timedelta(days=1)
    # Unless asked for exact limits, leave a margin so marks at the ends stay visible.
    margin = timedelta(days=max(1, (hi - lo).days // 40))
    return (lo if start else lo - margin), (hi if end else hi + margin)


# The widest a dense chart's image gets, in columns: about a pixel each at 100 dpi.
_DENSE_COLUMNS = 1100
# A channel's row in a dense chart's image: blank, bar, bar, bar, blank (as _BAR_HEIGHT).
_DENSE_ROW = (False, True, True, True, False)


def _in_view(frame: pd.DataFrame, first: str, last: str | None, lo: date, hi: date) -> int:
    """How many rows of a frame fall (at least partly) between lo and hi."""
    if frame is None or not len(frame):
        return 0
    starts = frame[first]
    ends = frame[last].fillna(pd.Timestamp(hi)) if last else starts
    inside = (starts <= pd.Timestamp(hi)) & (ends >= pd.Timestamp(lo))
    return int(inside.sum())


def shapes_in_view(
    intervals: pd.DataFrame, evidence: pd.DataFrame | None, lo: date, hi: date
) -> int:
    """How many stretches and evidence marks `plot_timeline` would draw between lo and
    hi (what it compares with `max_shapes`)."""
    return _in_view(intervals, "start", "end", lo, hi) + (
        _in_view(evidence, "effective_start", None, lo, hi) if evidence is not None else 0
    )


def _rgba(colour: str, alpha: float) -> tuple[float, float, float, float]:
    r, g, b, _ = mpl.colors.to_rgba(colour)
    return (r, g, b, alpha)


def dense_note(shapes: int) -> str:
    """The line above a dense chart."""
    return (
        f"{shapes:,} stretches and pieces of evidence: stretches drawn as an image, "
        "evidence not marked"
    )


# A day number for a missing date.
_NO_DAY = np.iinfo(np.int64).min


def _day_numbers(values: pd.Series) -> np.ndarray:
    """A column as date ordinals, _NO_DAY where missing."""
    if pd.api.types.is_datetime64_dtype(values.dtype):
        raw = values.to_numpy(dtype="datetime64[ns]")
        days = raw.astype("datetime64[D]").astype(np.int64) + date(1970, 1, 1).toordinal()
        days[np.isnat(raw)] = _NO_DAY
        return days
    return np.array([_NO_DAY if d is None else d.toordinal() for d in _days(values)], np.int64)


def dense_pixels(
    intervals: pd.DataFrame,
    rows: list[tuple[str, str]],
    lo: date,
    hi: date,
    stale_days: int,
) -> tuple[np.ndarray, int]:
    """The stretches of a dense chart as RGBA pixels (rows of `_DENSE_ROW` per channel,
    a day or a few per column; faded once stale) and the days each column covers.

    Each stretch paints its fresh part, then its stale part; where parts share a column
    the one painted last shows (as drawing them one after another would)."""
    days = (hi - lo).days + 1
    per_column = -(-days // _DENSE_COLUMNS)
    columns = -(-days // per_column)
    image = np.zeros((len(rows), len(_DENSE_ROW), columns, 4))
    p0, p1 = lo.toordinal(), hi.toordinal()
    keys = pd.Index([channel_label(p, k) for p, k in rows])
    y = keys.get_indexer(
        pd.Index(
            [
                channel_label(str(p), str(k))
                for p, k in zip(
                    intervals["pair"].astype(object), intervals["kind"].astype(object), strict=True
                )
            ]
        )
    )
    start = _day_numbers(intervals["start"])
    end = _day_numbers(intervals["end"])
    end = np.where(end == _NO_DAY, p1, end)
    known = (
        _day_numbers(intervals["last_evidence"])
        if "last_evidence" in intervals.columns
        else np.full(len(intervals), _NO_DAY)
    )
    palette = list(STATE_COLOURS)
    colour = np.array(
        [
            palette.index(str(s)) if str(s) in STATE_COLOURS else palette.index("unknown")
            for s in intervals["state"].astype(object)
        ],
        dtype=np.int64,
    )
    drawn = (y >= 0) & (start != _NO_DAY) & (start <= p1) & (end >= p0)
    first, last = np.maximum(start, p0), np.minimum(end, p1)
    fresh_until = np.where(
        known == _NO_DAY,
        last,
        np.maximum(first - 1, np.where(known == _NO_DAY, 0, known) + stale_days),
    )
    # Part 0 fresh, part 1 stale; part k of stretch i is painted (2 i + k)-th.
    a = np.stack([first, np.maximum(first, fresh_until + 1)], axis=1).ravel()
    b = np.stack([np.minimum(last, fresh_until), last], axis=1).ravel()
    kept = np.repeat(drawn, 2) & (a <= b)
    order = np.flatnonzero(kept)
    col_a, col_b = (a[order] - p0) // per_column, (b[order] - p0) // per_column
    width = col_b - col_a + 1
    cells = np.repeat(order, width)
    cell_col = (
        np.repeat(col_a, width)
        + np.arange(int(width.sum()))
        - np.repeat(np.cumsum(width) - width, width)
    )
    cell_row = y[cells // 2]
    painted = np.full((len(rows), columns), -1, dtype=np.int64)
    np.maximum.at(painted, (cell_row, cell_col), cells)
    rgba = np.array([[_rgba(c, alpha) for alpha in (1.0, 0.35)] for c in STATE_COLOURS.values()])
    where = painted >= 0
    won = painted[where]
    pixels = np.zeros((len(rows), columns, 4))
    pixels[where] = rgba[colour[won // 2], won % 2]
    bar = [i for i, filled in enumerate(_DENSE_ROW) if filled]
    image[:, bar[0] : bar[-1] + 1] = pixels[:, None]
    return image.reshape(len(rows) * len(_DENSE_ROW), columns, 4), per_column


def _plot_dense(
    ax: Axes,
    intervals: pd.DataFrame,
    rows: list[tuple[str, str]],
    lo: date,
    hi: date,
    stale_days: int,
) -> None:
    """The stretches of `plot_timeline` as one image (see `dense_pixels`)."""
    image, per_column = dense_pixels(intervals, rows, lo, hi, stale_days)
    ax.imshow(
        image,
        aspect="auto",
        interpolation="nearest",
        extent=(
            mdates.date2num(lo),
            mdates.date2num(lo + timedelta(days=image.shape[1] * per_column)),
            len(rows) - 0.5,
            -0.5,
        ),
        zorder=2,
    )


def plot_timeline(
    ax: Axes,
    intervals: pd.DataFrame,
    evidence: pd.DataFrame | None = None,
    *,
    start: date | None = None,
    end: date | None = None,
    highlight: tuple[date, date] | None = None,
    stale_days: int = DEFAULT_STALE_DAYS,
    legend: bool = True,
    max_shapes: int | None = None,
) -> list[tuple[str, str]]:
    """Draw channel timelines into `ax`; returns the channels in row order (top first).

    `intervals` is `analysis.timeline(...)`; `evidence` (optional) is
    `analysis.evidence(...)`. Each row is one channel: its derived stretches as bars
    coloured by state (faded once the stretch runs `stale_days` past its latest
    evidence, hatched while the change is uncertain), its evidence as marks at the
    effective start (filled circle: asserted; square: planned; diamond: intent;
    triangle: hypothetical; cross: rejected by an analyst) with a line over the
    effective interval when it spans days. `highlight` shades a period.

    With `max_shapes`, a chart that would draw more stretches and marks than that is
    drawn dense instead: the stretches as one image (a column of pixels per day, or per
    few days when the span is long; faded once stale; no hatching), and no evidence
    marks; a line above the chart says so.
    """
    rows = chart_rows(intervals, evidence)
    lo, hi = _limits(intervals, evidence, start, end)
    if max_shapes is not None:
        shapes = shapes_in_view(intervals, evidence, lo, hi)
        if shapes > max_shapes:
            _plot_dense(ax, intervals, rows, lo, hi, stale_days)
            ax.set_title(dense_note(shapes), loc="left", fontsize=8)
            intervals, evidence = intervals.iloc[0:0], None
    y_of = {channel: i for i, channel in enumerate(rows)}
    x_lo, x_hi = mdates.date2num(lo), mdates.date2num(hi + timedelta(days=1))

    if highlight is not None:
        ax.axvspan(
            mdates.date2num(max(highlight[0], lo)),
            mdates.date2num(min(highlight[1], hi) + timedelta(days=1)),
            color="#FFF3B0",
            zorder=0,
            lw=0,
        )
    for y in range(len(rows)):
        ax.axhline(y, color="#E6E6E6", lw=0.8, zorder=0.5)

    for row in intervals.itertuples(index=False):
        channel = (str(row.pair), str(row.kind))
        if channel not in y_of:
            continue
        first = _ts(row.start)
        last = _ts(row.end) or hi
        if first is None or first > hi or last < lo:
            continue
        first, last = max(first, lo), min(last, hi)
        colour = STATE_COLOURS.get(str(row.state), STATE_COLOURS["unknown"])
        y = y_of[channel]
        fresh_until = last
        known = _ts(getattr(row, "last_evidence", None))
        if known is not None:
            fresh_until = max(first - timedelta(days=1), known + timedelta(days=stale_days))
        doubt_until = first - timedelta(days=1)
        if bool(row.uncertain):
            doubt_until = _ts(getattr(row, "uncertain_until", None)) or last
        # Cut the bar where the doubt ends and where it grows stale.
        cuts = sorted({first, *(d + timedelta(days=1) for d in (doubt_until, fresh_until))})
        cuts = [c for c in cuts if first <= c <= last] + [last + timedelta(days=1)]
        for a, nxt in pairwise(cuts):
            x0 = mdates.date2num(a)
            ax.broken_barh(
                [(x0, mdates.date2num(nxt) - x0)],
                (y - _BAR_HEIGHT / 2, _BAR_HEIGHT),
                facecolors=colour,
                alpha=1.0 if a <= fresh_until else 0.35,
                edgecolor="white",
                linewidth=0.6,
                hatch="////" if a <= doubt_until else None,
                zorder=2,
            )

    if evidence is not None and len(evidence):
        for row in evidence.itertuples(index=False):
            channel = (str(row.pair), str(row.kind))
            first = _ts(row.effective_start) or _ts(row.effective_end) or _ts(row.published)
            if channel not in y_of or first is None or first > hi or first < lo:
                continue
            last = _ts(row.effective_end) or first
            y = y_of[channel]
            colour = STATE_COLOURS.get(str(row.state), STATE_COLOURS["unknown"])
            if last > first:
                ax.plot(
                    [mdates.date2num(first), mdates.date2num(min(last, hi))],
                    [y, y],
                    color="#333333",
                    lw=1.2,
                    zorder=3,
                    solid_capstyle="butt",
                )
            if str(row.review) == Review.REJECTED.value:
                ax.plot(mdates.date2num(first), y, marker="x", color="#555555", ms=7, zorder=4)
                continue
            asserted = str(row.modality) == Modality.ASSERTED.value
            ax.plot(
                mdates.date2num(first),
                y,
                marker=_MARKERS.get(str(row.modality), "o"),
                ms=7,
                markerfacecolor=colour if asserted else "white",
                markeredgecolor="#222222",
                markeredgewidth=1.0,
                linestyle="none",
                zorder=4,
            )

    ax.set_ylim(max(len(rows), 1) - 0.5, -0.5)  # one empty row when there is nothing to draw
    ax.set_yticks(range(len(rows)), [channel_label(p, k) for p, k in rows])
    ax.set_xlim(x_lo, x_hi)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.tick_params(axis="y", length=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="x", color="#EEEEEE", lw=0.8, zorder=0.2)
    ax.set_axisbelow(True)
    if legend:
        handles: list[Any] = [
            Patch(facecolor=STATE_COLOURS[s.value], label=s.value)
            for s in (State.OPEN, State.RESTORED, State.SUSPENDED, State.REJECTED)
        ]
        handles += [
            Patch(facecolor="#999999", alpha=0.35, label="stale"),
            Patch(facecolor="#999999", hatch="////", edgecolor="white", label="uncertain"),
            Line2D([], [], marker="o", ls="none", mfc="#777777", mec="#222222", label="asserted"),
            Line2D([], [], marker="s", ls="none", mfc="white", mec="#222222", label="planned"),
            Line2D([], [], marker="D", ls="none", mfc="white", mec="#222222", label="intent"),
            Line2D([], [], marker="^", ls="none", mfc="white", mec="#222222", label="hypothetical"),
            Line2D([], [], marker="x", ls="none", color="#555555", label="rejected by analyst"),
        ]
        if highlight is not None:
            handles.append(Patch(facecolor="#FFF3B0", label="this period"))
        ax.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(0.0, -0.08 if len(rows) > 3 else -0.2),
            ncols=min(len(handles), 7),
            frameon=False,
            fontsize=8,
        )
    return rows


def timeline_figure(
    intervals: pd.DataFrame,
    evidence: pd.DataFrame | None = None,
    *,
    start: date | None = None,
    end: date | None = None,
    highlight: tuple[date, date] | None = None,
    stale_days: int = DEFAULT_STALE_DAYS,
    title: str | None = None,
    width: float = 11.0,
    max_shapes: int | None = None,
) -> Figure:
    """A new figure holding `plot_timeline` (see there), sized to the number of channels."""
    n = max(1, len(chart_rows(intervals, evidence)))
    fig = Figure(figsize=(width, 1.6 + 0.42 * n), layout="constrained")
    ax = fig.add_subplot()
    plot_timeline(
        ax,
        intervals,
        evidence,
        start=start,
        end=end,
        highlight=highlight,
        stale_days=stale_days,
        max_shapes=max_shapes,
    )
    if title:
        ax.set_title(title, loc="left", fontsize=11)
    return fig


_SVG_PREAMBLE = re.compile(r"\A(?:<\?xml[^>]*\?>\s*)?(?:<!DOCTYPE[^>]*>\s*)?", re.S)
_SVG_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)


def figure_svg(fig: Figure, *, inline: bool = True) -> str:
    """The figure as SVG text, byte-identical on every run (fixed ids, no date).

    Text stays text (`svg.fonttype: none`), so labels are selectable and searchable.
    With `inline`, the XML prolog is dropped, ready to embed in an HTML page.
    """
    buffer = io.StringIO()
    with mpl.rc_context({"svg.hashsalt": _HASH_SALT, "svg.fonttype": "none"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg = _SVG_METADATA.sub("", buffer.getvalue())
    if inline:
        svg = _SVG_PREAMBLE.sub("", svg)
    return svg.strip() + "\n"


def svg_document(svg: str) -> str:
    """A standalone SVG file from the inline SVG of `figure_svg`."""
    return '<?xml version="1.0" encoding="utf-8" standalone="no"?>\n' + svg
