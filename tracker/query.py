"""The questions analysts ask, answered from the store: status, timelines, conflicts.

Each function takes an engine and plain arguments and returns plain rows, so the CLI,
the pandas API and the reports ask the same questions the same way.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from sqlalchemy import Engine

from tracker import store, timeline
from tracker.db import session_scope
from tracker.vocab import ChannelStatus, Fact, Kind


def _facts_by_channel(
    engine: Engine, pair: str | None, kind: Kind | None
) -> dict[tuple[str, Kind], list[Fact]]:
    with session_scope(engine) as session:
        channels = store.channel_list(session=session, pair=pair)
        facts = store.facts(session=session, pair=pair, kind=kind)
    grouped: dict[tuple[str, Kind], list[Fact]] = {
        (p, k): [] for p, k in channels if kind is None or k == kind
    }
    if pair is not None and kind is not None:
        grouped.setdefault((pair, kind), [])
    for fact in facts:
        grouped.setdefault((fact.pair, fact.kind), []).append(fact)
    return grouped


def statuses(
    engine: Engine,
    pair: str,
    on: date,
    *,
    kind: Kind | None = None,
    policy: timeline.Policy = timeline.Policy(),
) -> list[ChannelStatus]:
    """The status of every channel of a pair (or one channel) on day `on`.

    Under the default modalities only the facts that can decide the day are read, for
    all channels of the pair at once (store.status_facts); a policy that counts other
    modalities reads the whole history.
    """
    if policy.modalities != timeline.Policy().modalities:
        grouped = _facts_by_channel(engine, pair, kind)
        return [
            timeline.status_on(p, k, facts, on, policy) for (p, k), facts in sorted(grouped.items())
        ]
    with session_scope(engine) as session:
        found = store.status_facts(session=session, pair=pair, on=on, kind=kind, as_of=policy.as_of)
    return [timeline.status_on(pair, k, facts, on, policy) for k, facts in sorted(found.items())]


def status_row(status: ChannelStatus, policy: timeline.Policy) -> dict[str, Any]:
    row = asdict(status)
    row["as_of"] = policy.as_of
    row["summary"] = timeline.summary(status)
    row["supporting_ids"] = list(status.supporting_ids)
    return row


def intervals(
    engine: Engine,
    pair: str | None = None,
    *,
    kind: Kind | None = None,
    policy: timeline.Policy = timeline.Policy(),
) -> list[timeline.Interval]:
    """The derived history of every channel (of a pair, or one channel)."""
    grouped = _facts_by_channel(engine, pair, kind)
    out: list[timeline.Interval] = []
    for (p, k), facts in sorted(grouped.items()):
        out.extend(timeline.intervals(p, k, facts, policy))
    return out


def conflicts(
    engine: Engine,
    pair: str | None = None,
    *,
    kind: Kind | None = None,
    policy: timeline.Policy = timeline.Policy(),
) -> list[timeline.Conflict]:
    """Disagreeing evidence, channel by channel, for an analyst to settle."""
    grouped = _facts_by_channel(engine, pair, kind)
    out: list[timeline.Conflict] = []
    for (p, k), facts in sorted(grouped.items()):
        out.extend(timeline.conflicts(p, k, facts, policy))
    return out


def conflict_row(conflict: timeline.Conflict) -> dict[str, Any]:
    a, b = conflict.first, conflict.second
    return {
        "pair": conflict.pair,
        "kind": conflict.kind,
        "first_id": a.evidence_id,
        "first_state": a.state,
        "first_start": timeline.effective_start(a),
        "first_end": timeline.effective_end(a),
        "first_quote": a.quote,
        "first_source": a.source,
        "second_id": b.evidence_id,
        "second_state": b.state,
        "second_start": timeline.effective_start(b),
        "second_end": timeline.effective_end(b),
        "second_quote": b.quote,
        "second_source": b.source,
    }


def channel_rows(
    engine: Engine, policy: timeline.Policy = timeline.Policy()
) -> list[dict[str, Any]]:
    """Every channel with how much evidence it has and its latest derived state."""
    rows: list[dict[str, Any]] = []
    for (pair, kind), facts in sorted(_facts_by_channel(engine, None, None).items()):
        starts = [d for f in facts if (d := timeline.effective_start(f)) is not None]
        counting = [f for f in facts if timeline.counts(f, policy)]
        latest = max(
            (d for f in counting if (d := timeline.effective_end(f)) is not None), default=None
        )
        state = (
            timeline.status_on(pair, kind, facts, latest, policy).state
            if latest is not None
            else None
        )
        rows.append(
            {
                "pair": pair,
                "kind": kind,
                "evidence": len(facts),
                "asserted": len(counting),
                "articles": len({f.article_id for f in facts}),
                "first": min(starts, default=None),
                "last": max(starts, default=None),
                "state": state or "unknown",
            }
        )
    return rows
