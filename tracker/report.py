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
from typing import Any, cast

import numpy as np
import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup
from sqlalchemy import Engine

from tracker import analysis, chart_svg, charts
from tracker import timeline as tl
from tracker.vocab import ChannelStatus, Fact, Kind, Modality, Review, State

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


def markdown_text(value: Any) -> Markup:
    """Untrusted text made inert in Markdown: kept on one line (it may sit in a table
    cell), `&`, `<` and `>` as entities (no raw HTML), Markdown syntax backslashed."""
    text = " ".join(str("" if value is None else value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Markup(_MD_SPECIAL.sub(r"\\\1", text))


def quoted(value: Any) -> str:
    """A quote between quotation marks, unless it already is one."""
    text = " ".join(str(value).split())
    if text[:1] in '“"' and text[-1:] in '”"' and len(text) > 1:
        return text
    return f"“{text}”"


class _Templates(Environment):
    """Jinja2 whose `x.name` reads a dict's key first: a report's rows are dicts, and
    Jinja2 otherwise looks for an attribute first and fails, for every value of every
    row (none of their keys is a dict method's name)."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


def _environment() -> Environment:
    env = _Templates(
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


# A day number for a missing date, below any real one.
_NONE = -(10**9)
_EPOCH = date(1970, 1, 1).toordinal()


def _day_numbers(values: pd.Series) -> np.ndarray:
    """Date ordinals of a datetime64 column, _NONE where missing."""
    raw = values.to_numpy(dtype="datetime64[ns]")
    days = raw.astype("datetime64[D]").astype(np.int64) + _EPOCH
    days[np.isnat(raw)] = _NONE
    return days


def _coalesce(*columns: np.ndarray) -> np.ndarray:
    out = columns[-1].copy()
    for column in reversed(columns[:-1]):
        out = np.where(column != _NONE, column, out)
    return out


@dataclass(frozen=True)
class _Context:
    """What every period's report draws on: one read of the store, as columns. A period
    builds derivation records (`Fact`) only for the evidence that can decide or
    corroborate its days (`_local`), and derives only those."""

    snap: analysis.Snapshot
    policy: tl.Policy
    # Channels in report order (pair, then kind in vocabulary order), and the frame rows
    # of each.
    channels: list[tuple[str, Kind]]
    rows: dict[tuple[str, Kind], np.ndarray]
    # Per frame row: timeline.effective_start / effective_end and publication as day
    # numbers, whether it counts (timeline.counts under the policy), the quote (its key:
    # the frame holds no quote text) as a code, the state as a code.
    start: np.ndarray
    end: np.ndarray
    published: np.ndarray
    counting: np.ndarray
    quote: np.ndarray
    state: np.ndarray
    first_start: date | None
    text: _QuoteText
    # Per frame row: the evidence and article ids.
    ids: np.ndarray
    article: np.ndarray


class _QuoteText:
    """The text of the quotes a period shows, read once its view is complete: the frame
    carries quote keys, and a period shows a few thousand of a million quotes."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.waiting: list[dict[str, Any]] = []

    def later(self, entry: dict[str, Any]) -> dict[str, Any]:
        """An entry (with the evidence `id`) whose `quote` is to be filled in."""
        self.waiting.append(entry)
        return entry

    def fill(self) -> None:
        found = analysis.quotes(self.engine, (entry["id"] for entry in self.waiting))
        for entry in self.waiting:
            if entry["id"] not in found:
                raise ValueError(
                    f"evidence #{entry['id']} left the store while the report was being "
                    "written (re-extracted meanwhile); write the report again"
                )
            entry["quote"] = found[entry["id"]]
        self.waiting.clear()


def _context(engine: Engine, pair: str | None, stale_days: int) -> _Context:
    snap = analysis.load(engine, pair=pair, quote_text=False)
    policy = tl.Policy(stale_days=stale_days)
    ev = snap.evidence
    raw_start, raw_end = _day_numbers(ev["effective_start"]), _day_numbers(ev["effective_end"])
    published = _day_numbers(ev["published"])
    start = _coalesce(raw_start, raw_end, published)
    end = _coalesce(raw_end, raw_start, published)
    review = ev["review"].astype(object).to_numpy()
    modality = ev["modality"].astype(object).to_numpy()
    counting = (
        (review != Review.REJECTED.value)
        & ((review == Review.ACCEPTED.value) | (modality == Modality.ASSERTED.value))
        & (start != _NONE)
    )
    codes, _ = ev["quote"].factorize(use_na_sentinel=False)
    order = {k: i for i, k in enumerate(Kind)}
    keys = {
        (str(p), Kind(k)) for p, k in zip(snap.channels["pair"], snap.channels["kind"], strict=True)
    }
    rows: dict[tuple[str, Kind], np.ndarray] = {}
    if len(ev):
        groups: dict[Any, Any] = ev.groupby(["pair", "kind"], observed=True, sort=False).indices
        rows = {(str(g[0]), Kind(g[1])): np.asarray(i) for g, i in groups.items()}
    keys |= set(rows)
    starts = raw_start[raw_start != _NONE]
    return _Context(
        snap=snap,
        policy=policy,
        channels=sorted(keys, key=lambda key: (key[0], order[key[1]])),
        rows=rows,
        start=start,
        end=end,
        published=published,
        counting=counting,
        quote=codes.astype(np.int64),
        state=pd.Categorical(ev["state"]).codes.astype(np.int64),
        first_start=date.fromordinal(int(starts.min())) if len(starts) else None,
        text=_QuoteText(engine),
        ids=ev["evidence_id"].to_numpy(),
        article=ev["article_id"].to_numpy(),
    )


def _facts_of(ctx: _Context, rows: np.ndarray) -> list[Fact]:
    """Derivation records for some frame rows, in frame order."""
    rows = np.sort(rows)
    return analysis.facts_of(ctx.snap.evidence.take(rows)) if len(rows) else []


def _local_rows(ctx: _Context, key: tuple[str, Kind], first: date, on: date) -> np.ndarray:
    """The counting rows of a channel that decide or corroborate its status on every day
    first..on, and on the last day some evidence begins before `first`.

    With L that last day (else `first`) and R the latest end of the evidence beginning
    L..on (at least `on`): evidence beginning by R and ending from L (or beginning from
    L), and copies of the quotes beginning L..on. Whatever else the channel holds begins
    before L or after R, and neither decides those days nor overlaps what does; the days
    before L it would decide are not asked about.
    """
    rows = ctx.rows.get(key)
    if rows is None:
        return np.zeros(0, dtype=np.int64)
    rows = rows[ctx.counting[rows]]
    start, end = ctx.start[rows], ctx.end[rows]
    p0, p1 = first.toordinal(), on.toordinal()
    earlier = start[start < p0]
    lower = int(earlier.max()) if len(earlier) else p0
    within = (start >= lower) & (start <= p1)
    reach = max(p1, int(end[within].max())) if within.any() else p1
    keep = (start <= reach) & ((end >= lower) | (start >= lower))
    keep |= np.isin(ctx.quote[rows], ctx.quote[rows[within]])
    return cast(np.ndarray, rows[keep])


def _tie_sources(ctx: _Context, rows: np.ndarray) -> dict[int, int]:
    """The source counts a derivation of these counting rows of one channel ranks its
    ties by (evidence beginning on a day other evidence begins), counted among the rows
    with numpy, by evidence id."""
    start = ctx.start[rows]
    days, seen = np.unique(start, return_counts=True)
    which = np.flatnonzero(np.isin(start, days[seen > 1]))
    if not len(which):
        return {}
    counted = tl.source_counts(
        start, ctx.end[rows], ctx.state[rows], ctx.article[rows], ctx.quote[rows], which
    )
    return dict(zip(ctx.ids[rows[which]].tolist(), counted.tolist(), strict=True))


@dataclass(frozen=True)
class _Local:
    """One period's channels derived from the evidence that decides their days."""

    derived: dict[tuple[str, Kind], tl.Derivation]
    conflicts: list[tl.ChannelConflicts]
    facts_by_id: dict[int, Fact]
    article_index: dict[int, int]
    text: _QuoteText


def _local(ctx: _Context, first: date, on: date) -> _Local:
    picked = {key: _local_rows(ctx, key, first, on) for key in ctx.channels}
    every = np.concatenate([np.zeros(0, dtype=np.int64), *picked.values()])
    facts = _facts_of(ctx, every)
    by_channel: dict[tuple[str, Kind], list[Fact]] = {key: [] for key in ctx.channels}
    for fact in facts:
        by_channel[(fact.pair, fact.kind)].append(fact)
    ev = ctx.snap.evidence
    return _Local(
        text=ctx.text,
        derived={
            key: tl.Derivation(
                key[0], key[1], by_channel[key], ctx.policy, sources=_tie_sources(ctx, picked[key])
            )
            for key in ctx.channels
        },
        conflicts=[
            tl.ChannelConflicts(p, k, by_channel[(p, k)], ctx.policy)
            for p, k in sorted(ctx.channels)
        ],
        facts_by_id={f.evidence_id: f for f in facts},
        article_index=dict(
            zip(
                ev["evidence_id"].to_numpy()[every].tolist(),
                ev["article_index"].to_numpy()[every].tolist(),
                strict=True,
            )
        ),
    )


def _source(local: _Local, evidence_id: int | None) -> dict[str, Any] | None:
    if evidence_id is None:
        return None
    fact = local.facts_by_id[evidence_id]
    index = local.article_index.get(evidence_id, 0)
    return local.text.later(
        {
            "id": evidence_id,
            "quote": None,
            "source": fact.source,
            "post": index + 1 if index else None,
            "published": long_date(fact.published) if fact.published else "date unknown",
            "modality": fact.modality.value,
        }
    )


def _last_known(fact: Fact) -> date | None:
    days = [d for d in (tl.effective_end(fact), fact.published) if d is not None]
    return max(days, default=None)


def _status_row(local: _Local, s: ChannelStatus, conflicted: bool) -> dict[str, Any]:
    flags = []
    if s.uncertain:
        flags.append("uncertain")
    if s.stale:
        flags.append("stale")
    if conflicted:
        flags.append("conflicting")
    return {
        "pair": s.pair,
        "kind": s.kind.value,
        "state": s.state.value,
        "since": long_date(s.since),
        "flags": flags,
        "sources": s.sources,
        "evidence": _source(local, s.evidence_id),
    }


def _side(local: _Local, fact: Fact) -> dict[str, Any]:
    start = tl.effective_start(fact)
    end = tl.effective_end(fact)
    return {
        "state": fact.state.value,
        "when": _span(start, end or start) if start else "date unknown",
        "evidence": _source(local, fact.evidence_id),
    }


# A period lists at most this many contested pieces of evidence, each with at most this
# many that disagree with it; the rest are counted (`tracker conflicts` lists every pair).
# In a busy store a year-long claim disagrees with hundreds of others, and pairs of them
# grow with the square of the evidence.
MAX_CONFLICTS_SHOWN = 50
MAX_SECONDS_SHOWN = 10


def _conflicts(local: _Local, first: date, last: date) -> tuple[list[dict[str, Any]], int, int]:
    """The conflicts whose window (the days both sides cover) meets first..last, one entry
    per contested piece of evidence with what disagrees with it, in the order found
    (channel, then evidence in start order): the entries shown, how many contested
    pieces in all, and how many pairs. Both sides of such a conflict meet first..last,
    so the period's evidence holds them all."""
    shown: list[dict[str, Any]] = []
    contested = pairs = 0
    for channel in local.conflicts:
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
                    "first": _side(local, channel.pool[int(i)]),
                    "others": [_side(local, f) for f in seconds],
                    "more": total - len(seconds),
                }
            )
    return shown, contested, pairs


def _changes(ctx: _Context, local: _Local, first: date, on: date) -> list[dict[str, Any]]:
    """Each change of derived state first..on, in date order, then channel order: a
    change is a day some evidence begins whose decisive state differs from the day
    before it (`unknown` before the first)."""
    found = []
    for rank, key in enumerate(ctx.channels):
        derived = local.derived[key]
        lo, hi = bisect_left(derived.days, first), bisect_right(derived.days, on)
        for i in range(lo, hi):
            best, day = derived.decisive[i], derived.days[i]
            previous = derived.decisive[i - 1].state if i else State.UNKNOWN
            if best.state == previous:
                continue
            end = tl.effective_end(best)
            found.append(
                (
                    day,
                    rank,
                    {
                        "pair": key[0],
                        "kind": key[1].value,
                        "date": long_date(day),
                        "from_state": previous.value,
                        "to_state": best.state.value,
                        "uncertain": end is not None and end > day,
                        "sources": derived.claims.sources(best),
                        "evidence": _source(local, best.evidence_id),
                    },
                )
            )
    found.sort(key=lambda item: (item[0], item[1]))
    return [row for _, _, row in found]


def _others(ctx: _Context, first: date, on: date) -> list[dict[str, Any]]:
    """Evidence that is not asserted and begins first..on, by start, channel, id."""
    ev = ctx.snap.evidence
    start = ctx.start
    picked = np.flatnonzero(
        (ev["modality"].astype(object).to_numpy() != Modality.ASSERTED.value)
        & (start >= first.toordinal())
        & (start <= on.toordinal())
    )
    facts = _facts_of(ctx, picked)
    local = _Local(
        {},
        [],
        {f.evidence_id: f for f in facts},
        dict(
            zip(
                ev["evidence_id"].to_numpy()[picked].tolist(),
                ev["article_index"].to_numpy()[picked].tolist(),
                strict=True,
            )
        ),
        ctx.text,
    )
    facts.sort(
        key=lambda f: (tl.effective_start(f) or date.min, f.pair, f.kind.value, f.evidence_id)
    )
    out = []
    for f in facts:
        begins = tl.effective_start(f)
        assert begins is not None
        out.append(
            {
                "pair": f.pair,
                "kind": f.kind.value,
                "state": f.state.value,
                "modality": f.modality.value,
                "when": _span(begins, tl.effective_end(f) or begins),
                "evidence": _source(local, f.evidence_id),
            }
        )
    return out


def _period_view(ctx: _Context, period: Period, on: date) -> dict[str, Any]:
    local = _local(ctx, period.start, on)
    statuses = [local.derived[key].status_on(on) for key in ctx.channels]
    conflicts_of = {(c.pair, c.kind): c for c in local.conflicts}
    rows = []
    for key, s in zip(ctx.channels, statuses, strict=True):
        flagged = False
        if s.evidence_id is not None:
            channel = conflicts_of[key]
            flagged = s.evidence_id in channel.conflicted()
        rows.append(_status_row(local, s, flagged))
    counts = [
        {"state": state.value, "count": sum(1 for s in statuses if s.state == state)}
        for state in _STATE_ORDER
    ]
    conflicts, contested, pairs = _conflicts(local, period.start, on)
    stale = []
    for s in statuses:
        if not s.stale or s.evidence_id is None:
            continue
        last = _last_known(local.facts_by_id[s.evidence_id])
        stale.append(
            {
                "pair": s.pair,
                "kind": s.kind.value,
                "state": s.state.value,
                "last": long_date(last),
                "days": (on - last).days if last else None,
            }
        )
    published = ctx.published
    n_published = int(
        np.count_nonzero((published >= period.start.toordinal()) & (published <= on.toordinal()))
    )
    return {
        "period": period,
        "on": long_date(on),
        "span": _span(period.start, period.end),
        "complete": on >= period.end,
        "rows": rows,
        "pairs": sorted({r["pair"] for r in rows}),
        "counts": counts,
        "changes": _changes(ctx, local, period.start, on),
        "conflicts": conflicts,
        "conflict_count": contested,
        "conflicts_more": contested - len(conflicts),
        "conflict_pairs": pairs,
        "stale": stale,
        "other": _others(ctx, period.start, on),
        "published": n_published,
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


def _stretches(ctx: _Context, until: date) -> tuple[pd.DataFrame, list[tuple[str, Kind]]]:
    """Every channel's stretches of one derived state (pair, kind, state, start, end,
    last_evidence) for a dense chart, without deriving each day's decisive evidence:
    a day's state needs ranking only when the evidence beginning that day disagrees, and
    a stretch's latest evidence only when it could make the stretch stale by `until`.

    last_evidence is a lower bound of `analysis.timeline`'s (the latest evidence of the
    decisive facts, not of all that corroborates them); where that bound leaves a stretch
    fresh up to its end or `until`, a dense chart draws it the same. The channels where it
    does not are returned, to be taken from `analysis.timeline`.
    """
    ev = ctx.snap.evidence
    ids = ev["evidence_id"].to_numpy()
    accepted = ev["review"].astype(object).to_numpy() == Review.ACCEPTED.value
    confidence = ev["confidence"].to_numpy()
    articles = ev["article_id"].to_numpy()
    states = pd.Categorical(ev["state"]).categories
    horizon = until.toordinal()
    # Per channel made here: its key, and per stretch the state code, start, end and
    # latest evidence as day numbers.
    made: list[tuple[tuple[str, Kind], np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
    exact: list[tuple[str, Kind]] = []
    for key in ctx.channels:
        rows = ctx.rows.get(key)
        if rows is None:
            continue
        rows = rows[ctx.counting[rows]]
        if not len(rows):
            continue
        rows = rows[np.lexsort((ids[rows], ctx.start[rows]))]
        start, end, state = ctx.start[rows], ctx.end[rows], ctx.state[rows]
        known = np.maximum(end, ctx.published[rows])
        first = np.flatnonzero(np.r_[True, start[1:] != start[:-1]])
        low = np.minimum.reduceat(state, first)
        high = np.maximum.reduceat(state, first)
        day_state = low.copy()
        day_known = np.minimum.reduceat(known, first)
        mixed = np.flatnonzero(low != high)
        if len(mixed):
            # Rank each mixed day's evidence as timeline.decisive does (acceptance,
            # sources, confidence, publication, then the lower id), all days at once.
            bounds = np.r_[first, len(rows)]
            size = bounds[mixed + 1] - bounds[mixed]
            ends_at = np.cumsum(size)
            ties = np.arange(int(ends_at[-1])) + np.repeat(bounds[mixed] - (ends_at - size), size)
            sources = tl.source_counts(start, end, state, articles[rows], ctx.quote[rows], ties)
            tied = rows[ties]
            ranked = np.lexsort(
                (
                    -ids[tied],
                    ctx.published[tied],
                    confidence[tied],
                    sources,
                    accepted[tied],
                    np.repeat(np.arange(len(mixed)), size),
                )
            )
            best = ties[ranked[ends_at - 1]]
            day_state[mixed], day_known[mixed] = state[best], known[best]
        runs = np.flatnonzero(np.r_[True, day_state[1:] != day_state[:-1]])
        run_start = start[first[runs]]
        run_end = np.r_[run_start[1:] - 1, _NONE]
        run_known = np.maximum.reduceat(day_known, runs)
        last = np.where(run_end == _NONE, horizon, np.minimum(run_end, horizon))
        tested = run_start <= horizon
        if (tested & (run_known + ctx.policy.stale_days < last)).any():
            exact.append(key)
            continue
        made.append((key, day_state[runs], run_start, run_end, run_known))
    columns = ["pair", "kind", "state", "start", "end", "last_evidence"]
    sizes = [len(m[1]) for m in made]
    frame = pd.DataFrame(
        {
            "pair": np.repeat(np.array([m[0][0] for m in made], dtype=object), sizes),
            "kind": np.repeat(np.array([m[0][1].value for m in made], dtype=object), sizes),
            "state": np.asarray(states, dtype=object)[_joined([m[1] for m in made])],
            "start": _datetimes(_joined([m[2] for m in made])),
            "end": _datetimes(_joined([m[3] for m in made])),
            "last_evidence": _datetimes(_joined([m[4] for m in made])),
        },
        columns=columns,
    )
    if exact:
        # Those channels from whole derivations, each in its place in channel order.
        rank = {key: i for i, key in enumerate(ctx.channels)}
        parts = [frame.assign(rank=np.repeat([rank[m[0]] for m in made], sizes))]
        for key in exact:
            narrow = ctx.snap.narrow(key[0], key[1])
            part = analysis.timeline(narrow, stale_days=ctx.policy.stale_days, until=until)
            parts.append(part[columns].assign(rank=rank[key]))
        whole = pd.concat(parts, ignore_index=True).sort_values("rank", kind="stable")
        frame = whole[columns].astype({"pair": object, "kind": object, "state": object})
        frame = frame.reset_index(drop=True)
    return frame, exact


def _joined(parts: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


def _datetimes(days: np.ndarray) -> np.ndarray:
    out = (days - _EPOCH).astype("datetime64[D]").astype("datetime64[ns]")
    out[days == _NONE] = np.datetime64("NaT")
    return out


class _Charts:
    """The stretches a report's charts draw, made once per report run: from
    `_stretches` while a chart is drawn dense, else from `analysis.timeline`."""

    def __init__(self, ctx: _Context, until: date) -> None:
        self.ctx, self.until = ctx, until
        self._dense: pd.DataFrame | None = None
        self._exact: pd.DataFrame | None = None
        self._rows: list[tuple[str, str]] | None = None

    def dense(self) -> pd.DataFrame:
        if self._dense is None:
            self._dense, _ = _stretches(self.ctx, self.until)
        return self._dense

    def rows(self) -> list[tuple[str, str]]:
        """The channels a dense chart draws (the same for every period)."""
        if self._rows is None:
            self._rows = charts.chart_rows(self.dense(), self.ctx.snap.evidence)
        return self._rows

    def exact(self) -> pd.DataFrame:
        if self._exact is None:
            ctx = self.ctx
            self._exact = analysis.timeline(
                ctx.snap, stale_days=ctx.policy.stale_days, until=self.until
            )
        return self._exact

    def svg(self, period: Period, on: date, max_shapes: int | None = None) -> str:
        ctx = self.ctx
        ev = ctx.snap.evidence
        limit = MAX_CHART_SHAPES if max_shapes is None else max_shapes
        if period.kind in _LOOKBACK:
            first = period.start - _LOOKBACK[period.kind]
        else:
            first = min(ctx.first_start or period.start, period.start).replace(month=1, day=1)
        dense = self.dense()
        # What plot_timeline counts to choose how to draw (its margins are none here).
        last = on if on > first else first + timedelta(days=1)
        shapes = charts.shapes_in_view(dense, ev, first, last)
        if shapes > limit:
            return chart_svg.dense_svg(
                dense,
                self.rows(),
                start=first,
                end=on,
                shapes=shapes,
                highlight=(period.start, on),
                stale_days=ctx.policy.stale_days,
            )
        fig = charts.timeline_figure(
            self.exact(),
            ev,
            start=first,
            end=on,
            highlight=(period.start, on),
            stale_days=ctx.policy.stale_days,
            max_shapes=limit,
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
    Raises ValueError for an unknown period, an end before the start or a bad pair, and
    when evidence a report shows left the store while it was written (its quote is read
    last).
    """
    end = end or date.today()
    _validate(period, start, end, stale_days)
    ctx = _context(engine, pair, stale_days)
    drawn = _Charts(ctx, end)
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
        ctx.text.fill()
        name = f"{prefix}{p.label}"
        links = {
            "previous": f"{prefix}{spans[i - 1].label}" if i > 0 else None,
            "next": f"{prefix}{spans[i + 1].label}" if i + 1 < len(spans) else None,
        }
        svg = drawn.svg(p, on)
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
