"""Periodic reports: the status of every channel at the end of each period, and what changed.

One Markdown and one self-contained HTML file per period (the timeline chart is inline
SVG; no network, no external CSS or JS), the chart also as an SVG file beside the
Markdown, and an index of all periods in both formats. Everything comes from the
templates in tracker/templates (Jinja2, autoescaped: quotes are untrusted text) and is
deterministic: the same store and period give byte-identical files.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup
from sqlalchemy import Engine

from tracker import analysis, charts
from tracker import timeline as tl
from tracker.vocab import ChannelStatus, Fact, Modality, State

__all__ = ["PERIODS", "Period", "periods", "write_reports"]

PERIODS = ("week", "month", "quarter", "year")

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# The order states are counted and listed in a report.
_STATE_ORDER = (State.OPEN, State.RESTORED, State.SUSPENDED, State.REJECTED, State.UNKNOWN)


@dataclass(frozen=True)
class Period:
    """One calendar period: a week (Monday to Sunday), month, quarter or year."""

    kind: str
    start: date
    end: date
    label: str  # sortable and safe as a file name: 2017-W07, 2017-02, 2017-Q1, 2017
    title: str  # for people: "Week 7, 2017", "February 2017", "Q1 2017", "2017"


def _period_of(kind: str, day: date) -> Period:
    if kind == "week":
        start = day - timedelta(days=day.weekday())
        year, week, _ = start.isocalendar()
        return Period(
            kind, start, start + timedelta(days=6), f"{year}-W{week:02d}", f"Week {week}, {year}"
        )
    if kind == "month":
        start = day.replace(day=1)
        nxt = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        return Period(
            kind,
            start,
            nxt - timedelta(days=1),
            f"{day.year}-{day.month:02d}",
            f"{_MONTHS[day.month - 1]} {day.year}",
        )
    if kind == "quarter":
        q = (day.month - 1) // 3
        start = date(day.year, 3 * q + 1, 1)
        nxt = date(day.year + (q == 3), (3 * q + 3) % 12 + 1, 1)
        return Period(
            kind, start, nxt - timedelta(days=1), f"{day.year}-Q{q + 1}", f"Q{q + 1} {day.year}"
        )
    if kind == "year":
        return Period(
            kind, date(day.year, 1, 1), date(day.year, 12, 31), f"{day.year}", f"{day.year}"
        )
    raise ValueError(f"unknown period {kind!r}; choose one of {', '.join(PERIODS)}")


def periods(kind: str, start: date, end: date) -> list[Period]:
    """The calendar periods of a kind that overlap start..end (inclusive), in order."""
    if kind not in PERIODS:
        raise ValueError(f"unknown period {kind!r}; choose one of {', '.join(PERIODS)}")
    if end < start:
        raise ValueError(f"end {end.isoformat()} is before start {start.isoformat()}")
    out = [_period_of(kind, start)]
    while out[-1].end < end:
        out.append(_period_of(kind, out[-1].end + timedelta(days=1)))
    return out


# ----------------------------------------------------------------------------- formatting


def long_date(day: date | None) -> str:
    """`16 February 2017`, the same in every locale."""
    return "" if day is None else f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _span(start: date, end: date) -> str:
    if start == end:
        return long_date(start)
    if start.year != end.year:
        return f"{long_date(start)} – {long_date(end)}"
    if start.month != end.month:
        return f"{start.day} {_MONTHS[start.month - 1]} – {long_date(end)}"
    return f"{start.day}–{long_date(end)}"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|#+!~])")
_HTML_SPECIAL = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def markdown_text(value: Any) -> Markup:
    """Untrusted text made inert in Markdown: kept on one line (it may sit in a table
    cell), `&`, `<` and `>` as entities (no raw HTML), Markdown syntax backslashed."""
    text = " ".join(str("" if value is None else value).split())
    text = "".join(_HTML_SPECIAL.get(c, c) for c in text)
    return Markup(_MD_SPECIAL.sub(r"\\\1", text))


def quoted(value: Any) -> str:
    """A quote between quotation marks, unless it already is one."""
    text = " ".join(str(value).split())
    if text[:1] in '“"' and text[-1:] in '”"' and len(text) > 1:
        return text
    return f"“{text}”"


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("tracker", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_text
    env.filters["quoted"] = quoted
    env.filters["long_date"] = long_date
    return env


# ----------------------------------------------------------------------------- content


@dataclass(frozen=True)
class _Context:
    """What every period's report draws on: one read of the store, derived once, and
    indexed by date so that a period only looks at what falls in it."""

    snap: analysis.Snapshot
    policy: tl.Policy
    derived: list[tl.Derivation]
    facts_by_id: dict[int, Fact]
    article_index: dict[int, int]
    # Changes of state, in date order (stable), and their dates.
    changes: list[dict[str, Any]]
    change_days: list[date]
    spans: pd.DataFrame
    # Each channel's conflicts, found by a sweep, in the order they are listed.
    conflicts: list[tl.ChannelConflicts]
    conflicted: frozenset[int]
    # Evidence that is not asserted, in report order, and its starts.
    other: list[Fact]
    other_starts: list[date]
    published: list[date]
    first_start: date | None


def _context(engine: Engine, pair: str | None, stale_days: int, end: date) -> _Context:
    snap = analysis.load(engine, pair=pair)
    policy = tl.Policy(stale_days=stale_days)
    facts = [f for group in snap.facts.values() for f in group]
    found = [
        tl.ChannelConflicts(p, k, group, policy) for (p, k), group in sorted(snap.facts.items())
    ]
    ev = snap.evidence
    changes = sorted(analysis.transition_rows(snap, policy), key=lambda t: t["date"])
    other = sorted(
        (f for f in facts if f.modality != Modality.ASSERTED and tl.effective_start(f) is not None),
        key=lambda f: (tl.effective_start(f) or date.min, f.pair, f.kind.value, f.evidence_id),
    )
    starts = ev["effective_start"].dropna()
    return _Context(
        snap=snap,
        policy=policy,
        derived=[d for _, d in snap.derived(policy)],
        facts_by_id={f.evidence_id: f for f in facts},
        article_index=dict(
            zip(ev["evidence_id"].tolist(), ev["article_index"].tolist(), strict=True)
        ),
        changes=changes,
        change_days=[t["date"] for t in changes],
        # Stretches do not depend on the period; a chart cuts them at its own end.
        spans=analysis.timeline(snap, stale_days=stale_days, until=end),
        conflicts=found,
        conflicted=frozenset(i for channel in found for i in channel.conflicted()),
        other=other,
        other_starts=[tl.effective_start(f) or date.min for f in other],
        published=sorted(f.published for f in facts if f.published),
        first_start=starts.min().date() if len(starts) else None,
    )


def _source(ctx: _Context, evidence_id: int | None) -> dict[str, Any] | None:
    if evidence_id is None:
        return None
    fact = ctx.facts_by_id[evidence_id]
    index = ctx.article_index.get(evidence_id, 0)
    return {
        "id": evidence_id,
        "quote": fact.quote,
        "source": fact.source,
        "post": index + 1 if index else None,
        "published": long_date(fact.published) if fact.published else "date unknown",
        "modality": fact.modality.value,
    }


def _last_known(fact: Fact) -> date | None:
    days = [d for d in (tl.effective_end(fact), fact.published) if d is not None]
    return max(days, default=None)


def _status_row(ctx: _Context, s: ChannelStatus) -> dict[str, Any]:
    flags = []
    if s.uncertain:
        flags.append("uncertain")
    if s.stale:
        flags.append("stale")
    if s.evidence_id is not None and s.evidence_id in ctx.conflicted:
        flags.append("conflicting")
    return {
        "pair": s.pair,
        "kind": s.kind.value,
        "state": s.state.value,
        "since": long_date(s.since),
        "flags": flags,
        "sources": s.sources,
        "evidence": _source(ctx, s.evidence_id),
    }


def _side(ctx: _Context, fact: Fact) -> dict[str, Any]:
    start = tl.effective_start(fact)
    end = tl.effective_end(fact)
    return {
        "state": fact.state.value,
        "when": _span(start, end or start) if start else "date unknown",
        "evidence": _source(ctx, fact.evidence_id),
    }


# A period lists at most this many contested pieces of evidence, each with at most this
# many that disagree with it; the rest are counted (`tracker conflicts` lists every pair).
# In a busy store a year-long claim disagrees with hundreds of others, and pairs of them
# grow with the square of the evidence.
MAX_CONFLICTS_SHOWN = 50
MAX_SECONDS_SHOWN = 10


def _conflicts(ctx: _Context, first: date, last: date) -> tuple[list[dict[str, Any]], int, int]:
    """The conflicts whose window (the days both sides cover) meets first..last, one entry
    per contested piece of evidence with what disagrees with it, in the order found
    (channel, then evidence in start order): the entries shown, how many contested
    pieces in all, and how many pairs."""
    shown: list[dict[str, Any]] = []
    contested = pairs = 0
    for channel in ctx.conflicts:
        found = channel.counts(first, last)
        where = np.flatnonzero(found)
        contested += len(where)
        pairs += int(found[where].sum())
        for i in where[: max(0, MAX_CONFLICTS_SHOWN - len(shown))]:
            seconds, total, window = channel.seconds(int(i), first, last, MAX_SECONDS_SHOWN)
            assert window is not None
            shown.append(
                {
                    "pair": channel.pair,
                    "kind": channel.kind.value,
                    "window": _span(*window),
                    "first": _side(ctx, channel.pool[int(i)]),
                    "others": [_side(ctx, f) for f in seconds],
                    "more": total - len(seconds),
                }
            )
    return shown, contested, pairs


def _period_view(ctx: _Context, period: Period, on: date) -> dict[str, Any]:
    statuses = [d.status_on(on) for d in ctx.derived]
    rows = [_status_row(ctx, s) for s in statuses]
    counts = [
        {"state": state.value, "count": sum(1 for s in statuses if s.state == state)}
        for state in _STATE_ORDER
    ]
    lo, hi = bisect_left(ctx.change_days, period.start), bisect_right(ctx.change_days, on)
    changes = [
        {
            "pair": t["pair"],
            "kind": t["kind"].value,
            "date": long_date(t["date"]),
            "from_state": t["from_state"].value,
            "to_state": t["to_state"].value,
            "uncertain": t["uncertain"],
            "sources": t["sources"],
            "evidence": _source(ctx, t["evidence_id"]),
        }
        for t in ctx.changes[lo:hi]
    ]
    conflicts, contested, pairs = _conflicts(ctx, period.start, on)
    stale = []
    for s in statuses:
        if not s.stale or s.evidence_id is None:
            continue
        last = _last_known(ctx.facts_by_id[s.evidence_id])
        stale.append(
            {
                "pair": s.pair,
                "kind": s.kind.value,
                "state": s.state.value,
                "last": long_date(last),
                "days": (on - last).days if last else None,
            }
        )
    first, past = bisect_left(ctx.other_starts, period.start), bisect_right(ctx.other_starts, on)
    other = [
        {
            "pair": f.pair,
            "kind": f.kind.value,
            "state": f.state.value,
            "modality": f.modality.value,
            "when": _span(start, tl.effective_end(f) or start),
            "evidence": _source(ctx, f.evidence_id),
        }
        for f, start in zip(ctx.other[first:past], ctx.other_starts[first:past], strict=True)
    ]
    published = bisect_right(ctx.published, on) - bisect_left(ctx.published, period.start)
    return {
        "period": period,
        "on": long_date(on),
        "span": _span(period.start, period.end),
        "complete": on >= period.end,
        "rows": rows,
        "pairs": sorted({r["pair"] for r in rows}),
        "counts": counts,
        "changes": changes,
        "conflicts": conflicts,
        "conflict_count": contested,
        "conflicts_more": contested - len(conflicts),
        "conflict_pairs": pairs,
        "stale": stale,
        "other": other,
        "published": max(published, 0),
    }


# How far back a report's chart looks before its period: long enough for context,
# short enough that the period stays readable. A yearly chart shows all history.
_LOOKBACK = {
    "week": timedelta(days=91),
    "month": timedelta(days=365),
    "quarter": timedelta(days=3 * 365),
}


# Beyond this many stretches and evidence marks a chart is drawn dense (see
# charts.plot_timeline): each shape costs about a millisecond to draw and a few hundred
# bytes of SVG, and thousands of them in one row of pixels show nothing more.
MAX_CHART_SHAPES = 2000


def _chart(ctx: _Context, period: Period, on: date) -> str:
    ev = ctx.snap.evidence
    if period.kind in _LOOKBACK:
        first = period.start - _LOOKBACK[period.kind]
    else:
        first = min(ctx.first_start or period.start, period.start).replace(month=1, day=1)
    fig = charts.timeline_figure(
        ctx.spans,
        ev,
        start=first,
        end=on,
        highlight=(period.start, on),
        stale_days=ctx.policy.stale_days,
        max_shapes=MAX_CHART_SHAPES,
    )
    return charts.figure_svg(fig)


# ----------------------------------------------------------------------------- writing


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


def _validate(period: str, start: date, end: date, stale_days: int) -> None:
    if period not in PERIODS:
        raise ValueError(f"unknown period {period!r}; choose one of {', '.join(PERIODS)}")
    if end < start:
        raise ValueError(f"end {end.isoformat()} is before start {start.isoformat()}")
    if stale_days < 0:
        raise ValueError("stale_days must be zero or more")


def write_reports(
    engine: Engine,
    *,
    period: str,
    start: date,
    end: date | None,
    out: Path,
    pair: str | None = None,
    stale_days: int = tl.DEFAULT_STALE_DAYS,
) -> list[Path]:
    """Write one report per calendar period overlapping start..end, and an index.

    `end` defaults to today; the last period, if it is not over by `end`, reports the
    status on `end`. Each period gets `<label>.md`, `<label>.html` and the chart
    `<label>.svg` (for the Markdown; the HTML embeds it), prefixed `<PAIR>_` when one pair
    is asked for; `index.md` and `index.html` list them all. Returns the paths written.
    Raises ValueError for an unknown period, an end before the start or a bad pair.
    """
    end = end or date.today()
    _validate(period, start, end, stale_days)
    ctx = _context(engine, pair, stale_days, end)
    the_pair = ctx.snap.pair
    prefix = f"{the_pair}_" if the_pair else ""
    out.mkdir(parents=True, exist_ok=True)
    env = _environment()
    md, html = env.get_template("report.md.j2"), env.get_template("report.html.j2")
    spans = periods(period, start, end)
    scope = f"{the_pair} channels" if the_pair else "all channels"
    common = {"scope": scope, "stale_days": stale_days, "colours": charts.STATE_COLOURS}
    written: list[Path] = []
    summaries = []
    for i, p in enumerate(spans):
        on = min(p.end, end)
        view = _period_view(ctx, p, on)
        name = f"{prefix}{p.label}"
        links = {
            "previous": f"{prefix}{spans[i - 1].label}" if i > 0 else None,
            "next": f"{prefix}{spans[i + 1].label}" if i + 1 < len(spans) else None,
        }
        svg = _chart(ctx, p, on)
        page = {**common, **view, "name": name, "links": links}
        written.append(_write(out / f"{name}.md", md.render(**page, chart=f"{name}.svg")))
        written.append(_write(out / f"{name}.html", html.render(**page, chart=Markup(svg))))
        written.append(_write(out / f"{name}.svg", charts.svg_document(svg)))
        summaries.append(
            {
                "name": name,
                "period": p,
                "span": view["span"],
                "on": view["on"],
                "complete": view["complete"],
                "counts": view["counts"],
                "changes": len(view["changes"]),
                "conflicts": view["conflict_count"],
                "stale": len(view["stale"]),
            }
        )
    index = {
        **common,
        "reports": summaries,
        "period_kind": period,
        "states": [s.value for s in _STATE_ORDER],
    }
    written.append(_write(out / "index.md", env.get_template("index.md.j2").render(**index)))
    written.append(_write(out / "index.html", env.get_template("index.html.j2").render(**index)))
    return written
