"""A report derives each period from the evidence that decides its days, and draws dense
charts from stretches made without ranking every day: both give the files that
derivation over the whole history gives, on generated stores."""

from __future__ import annotations

import random
import tempfile
from datetime import date
from pathlib import Path
from typing import Any
from unittest import mock

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from tests.test_query import KINDS, _store_claims
from tracker import report, timeline
from tracker.db import open_store
from tracker.vocab import Modality, Review, State

# Claims as tests.test_query stores them (kind, state, start day, length, dated,
# modality, review, quote, white space, published days after the end, confidence),
# drawn uniformly from a seed: crowded stores with starts on a coarse grid (many ties of
# disagreeing states, decided by sources), long intervals reaching across periods, a
# few quotes copied far apart, publications long after the claim (staleness).
# (Hypothesis' own choices favour the simplest values, which rarely crowd a day.)
_CHOICES: tuple[tuple[object, ...], ...] = (
    (KINDS[0], KINDS[0], KINDS[0], KINDS[1]),
    (State.OPEN, State.SUSPENDED, State.REJECTED, State.RESTORED),
    tuple(30 * n for n in range(15)),
    (0, 0, 20, 45, 100, 400),
    (True, True, True, True, False, "end only"),
    (Modality.ASSERTED,) * 5 + (Modality.PLANNED,),
    (Review.MACHINE,) * 6 + (Review.ACCEPTED, Review.REJECTED),
    (0, 1, 2, 3),
    (" ", "\n"),
    (None, 0, 0, 10, 300),
    (0.5, 0.5, 0.5, 0.9),
)


def _store_of(seed: int, size: int) -> list[tuple[object, ...]]:
    rng = random.Random(seed)
    return [tuple(rng.choice(c) for c in _CHOICES) for _ in range(size)]


STORES = st.builds(_store_of, st.integers(0, 2**32), st.integers(10, 30))
CROWDED = st.builds(_store_of, st.integers(0, 2**32), st.integers(30, 60))


SPANS = {
    "month": (date(2009, 11, 1), date(2011, 2, 14)),
    "quarter": (date(2009, 10, 1), date(2011, 3, 31)),
    "year": (date(2009, 1, 1), date(2011, 6, 30)),
}


@pytest.fixture
def store(db_url: str) -> Any:
    engine = open_store(db_url)
    try:
        yield engine
    finally:
        engine.dispose()


def _reset(engine: Engine, claims: list[tuple[object, ...]]) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM evidence")
        conn.exec_driver_sql("DELETE FROM article")
    _store_claims(engine, claims)


def _files(engine: Engine, period: str, stale_days: int) -> dict[str, bytes]:
    start, end = SPANS[period]
    with tempfile.TemporaryDirectory() as out:
        paths = report.write_reports(
            engine, period=period, start=start, end=end, out=Path(out), stale_days=stale_days
        )
        return {p.name: p.read_bytes() for p in paths}


def _whole_history(ctx: Any, key: Any, first: date, on: date) -> np.ndarray:
    """Every counting row of the channel: what deriving the whole history reads."""
    rows = ctx.rows.get(key)
    if rows is None:
        return np.zeros(0, dtype=np.int64)
    return rows[ctx.counting[rows]]  # type: ignore[no-any-return]


def test_a_period_reads_as_the_whole_history(store: Engine) -> None:
    @settings(max_examples=60, deadline=None)
    @given(
        claims=STORES,
        period=st.sampled_from(sorted(SPANS)),
        stale_days=st.sampled_from([30, 365]),
    )
    def check(claims: list[tuple[object, ...]], period: str, stale_days: int) -> None:
        _reset(store, claims)
        # Charts aside (the next test): status, changes, conflicts, stale, other evidence.
        with mock.patch.object(report._Charts, "svg", lambda *a, **k: "<svg/>\n"):
            local = _files(store, period, stale_days)
            with mock.patch.object(report, "_local_rows", _whole_history):
                whole = _files(store, period, stale_days)
            # Ties ranked by sources counted one by one, not all at once with numpy.
            with mock.patch.object(report, "_tie_sources", lambda ctx, rows: {}):
                one_by_one = _files(store, period, stale_days)
        assert local == whole == one_by_one

    check()


def test_dense_charts_draw_as_the_whole_history(store: Engine) -> None:
    @settings(max_examples=30, deadline=None)
    # Stretches that go stale within the chart: their channels are derived exactly.
    @example(claims=_store_of(2, 50), stale_days=90)
    @given(
        claims=CROWDED,
        stale_days=st.sampled_from([30, 90, 365]),
    )
    def check(claims: list[tuple[object, ...]], stale_days: int) -> None:
        _reset(store, claims)
        # Every chart dense: its stretches from _stretches, then from analysis.timeline.
        with mock.patch.object(report, "MAX_CHART_SHAPES", 0):
            fast = _files(store, "year", stale_days)
            with mock.patch.object(report._Charts, "dense", report._Charts.exact):
                exact = _files(store, "year", stale_days)
        assert fast == exact

    check()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 60),
            st.sampled_from([-3, 0, 0, 1, 5, 40, 400]),
            st.integers(0, 1),
            st.integers(0, 5),
            st.integers(0, 3),
        ),
        min_size=1,
        max_size=30,
    ),
    st.data(),
)
def test_source_counts_equal_counting_fact_by_fact(
    rows: list[tuple[int, int, int, int, int]], data: st.DataObject
) -> None:
    """timeline.source_counts gives source_count(fact, pool) (inverted intervals too)."""
    from tracker.vocab import Fact, Kind, Modality, Precision, Review, State

    states = [State.OPEN, State.SUSPENDED]
    base = date(2020, 1, 1).toordinal()
    pool = [
        Fact(
            evidence_id=i + 1,
            article_id=article,
            pair="CN-US",
            kind=Kind.MILITARY_RELATIONS,
            state=states[state],
            modality=Modality.ASSERTED,
            effective_start=date.fromordinal(base + start),
            effective_end=date.fromordinal(base + start + length),
            precision=Precision.DAY,
            confidence=0.5,
            review=Review.MACHINE,
            published=None,
            quote=f"quote {quote}",
            source="s",
        )
        for i, (start, length, state, article, quote) in enumerate(rows)
    ]
    which = np.array(
        sorted(data.draw(st.sets(st.integers(0, len(pool) - 1), min_size=1))), dtype=np.int64
    )
    counted = timeline.source_counts(
        np.array([base + r[0] for r in rows], dtype=np.int64),
        np.array([base + r[0] + r[1] for r in rows], dtype=np.int64),
        np.array([r[2] for r in rows], dtype=np.int64),
        np.array([r[3] for r in rows], dtype=np.int64),
        np.array([r[4] for r in rows], dtype=np.int64),
        which,
    )
    assert counted.tolist() == [timeline.source_count(pool[i], pool) for i in which.tolist()]
