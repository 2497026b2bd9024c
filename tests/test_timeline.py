"""Status derivation (domain.md, "Deriving status") on hand-made facts."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from tracker import timeline
from tracker.timeline import Policy
from tracker.vocab import EVIDENCE_STATES, Fact, Kind, Modality, Precision, Review, State

PAIR, KIND = "CN-US", Kind.MILITARY_RELATIONS


def fact(
    evidence_id: int,
    state: State,
    start: date | None,
    end: date | None = None,
    *,
    article_id: int | None = None,
    published: date | None = None,
    modality: Modality = Modality.ASSERTED,
    review: Review = Review.MACHINE,
    confidence: float = 0.8,
    quote: str | None = None,
) -> Fact:
    return Fact(
        evidence_id=evidence_id,
        article_id=evidence_id if article_id is None else article_id,
        pair=PAIR,
        kind=KIND,
        state=state,
        modality=modality,
        effective_start=start,
        effective_end=end if end is not None else start,
        precision=Precision.DAY,
        confidence=confidence,
        review=review,
        published=published if published is not None else (end or start),
        quote=quote or f"quote {evidence_id}",
    )


D = date


def status(facts: list[Fact], on: date, policy: Policy = Policy()) -> timeline.ChannelStatus:
    return timeline.status_on(PAIR, KIND, facts, on, policy)


def test_no_evidence_is_unknown() -> None:
    assert status([], D(2020, 1, 1)).state == State.UNKNOWN


def test_evidence_after_the_day_does_not_count() -> None:
    facts = [fact(1, State.SUSPENDED, D(2010, 1, 1), D(2010, 12, 31))]
    assert status(facts, D(2009, 6, 1)).state == State.UNKNOWN
    assert status(facts, D(2011, 6, 1)).state == State.SUSPENDED


def test_latest_effective_start_decides() -> None:
    facts = [
        fact(1, State.SUSPENDED, D(2010, 1, 1), D(2010, 12, 31), published=D(2011, 1, 7)),
        fact(2, State.RESTORED, D(2011, 1, 7)),
        fact(3, State.REJECTED, D(2023, 4, 1), D(2023, 5, 31)),
    ]
    assert status(facts, D(2011, 3, 1)).state == State.RESTORED
    assert status(facts, D(2023, 6, 30)).state == State.REJECTED
    assert status(facts, D(2010, 6, 1)).state == State.SUSPENDED


def test_inside_the_interval_is_uncertain() -> None:
    facts = [fact(1, State.SUSPENDED, D(2010, 1, 1), D(2010, 12, 31))]
    assert status(facts, D(2010, 6, 1)).uncertain
    assert not status(facts, D(2011, 1, 1)).uncertain


def test_old_evidence_is_stale_after_the_horizon() -> None:
    facts = [fact(1, State.OPEN, D(2015, 1, 1))]
    assert not status(facts, D(2015, 6, 1), Policy(stale_days=365)).stale
    assert status(facts, D(2016, 6, 1), Policy(stale_days=365)).stale
    assert not status(facts, D(2016, 6, 1), Policy(stale_days=1000)).stale


def test_as_of_uses_only_what_was_published_by_then() -> None:
    facts = [
        fact(1, State.SUSPENDED, D(2010, 1, 1), D(2010, 12, 31), published=D(2010, 3, 1)),
        fact(2, State.RESTORED, D(2010, 11, 1), D(2010, 11, 30), published=D(2011, 1, 7)),
    ]
    assert status(facts, D(2011, 3, 1)).state == State.RESTORED
    assert status(facts, D(2011, 3, 1), Policy(as_of=D(2010, 12, 31))).state == State.SUSPENDED
    assert status(facts, D(2011, 3, 1), Policy(as_of=D(2010, 1, 1))).state == State.UNKNOWN


def test_only_asserted_evidence_decides() -> None:
    facts = [
        fact(1, State.OPEN, D(2017, 2, 1)),
        fact(2, State.RESTORED, D(2017, 2, 10), modality=Modality.INTENT),
        fact(3, State.SUSPENDED, D(2017, 2, 11), modality=Modality.HYPOTHETICAL),
    ]
    assert status(facts, D(2017, 3, 1)).state == State.OPEN


def test_rejected_review_is_ignored_and_accepted_wins_a_tie() -> None:
    facts = [
        fact(1, State.OPEN, D(2017, 2, 1), confidence=0.9),
        fact(2, State.SUSPENDED, D(2017, 2, 1), confidence=0.1, review=Review.ACCEPTED),
        fact(3, State.REJECTED, D(2017, 2, 20), review=Review.REJECTED),
    ]
    result = status(facts, D(2017, 3, 1))
    assert result.state == State.SUSPENDED
    assert result.evidence_id == 2


def test_ties_go_to_more_sources_then_confidence() -> None:
    day = D(2019, 5, 14)
    facts = [
        fact(1, State.OPEN, day, confidence=0.6, article_id=10, quote="they met"),
        fact(2, State.OPEN, day, confidence=0.6, article_id=11, quote="the two met"),
        fact(3, State.SUSPENDED, day, confidence=0.95, article_id=12),
    ]
    result = status(facts, day)
    assert result.state == State.OPEN
    assert result.sources == 2
    facts = [
        fact(1, State.OPEN, day, confidence=0.6),
        fact(3, State.SUSPENDED, day, confidence=0.9),
    ]
    assert status(facts, day).state == State.SUSPENDED


def test_the_same_claim_in_several_articles_is_one_event_with_several_sources() -> None:
    facts = [
        fact(1, State.OPEN, D(2017, 2, 16), article_id=1, quote="They hold regular calls."),
        fact(2, State.OPEN, D(2017, 2, 16), article_id=2, quote="They  hold regular calls."),
        fact(3, State.OPEN, D(2017, 2, 16), article_id=2, quote="A second quote, same article."),
    ]
    result = status(facts, D(2017, 3, 1))
    assert result.sources == 2
    assert set(result.supporting_ids) == {1, 2, 3}


def test_disagreeing_overlapping_evidence_is_a_conflict() -> None:
    facts = [
        fact(1, State.SUSPENDED, D(2017, 4, 7), D(2017, 4, 12)),
        fact(2, State.OPEN, D(2017, 4, 10), D(2017, 4, 11)),
        fact(3, State.REJECTED, D(2017, 4, 11)),
        fact(4, State.OPEN, D(2018, 1, 1)),
    ]
    found = timeline.conflicts(PAIR, KIND, facts)
    assert {(c.first.evidence_id, c.second.evidence_id) for c in found} == {(1, 2), (2, 3)}


def test_intervals_follow_the_changes() -> None:
    facts = [
        fact(1, State.SUSPENDED, D(2010, 1, 1), D(2010, 12, 31), published=D(2011, 1, 7)),
        fact(2, State.RESTORED, D(2011, 1, 7)),
        fact(3, State.OPEN, D(2011, 6, 1)),
        fact(4, State.OPEN, D(2012, 6, 1)),
    ]
    spans = timeline.intervals(PAIR, KIND, facts)
    assert [(s.state, s.start, s.end) for s in spans] == [
        (State.SUSPENDED, D(2010, 1, 1), D(2011, 1, 6)),
        (State.RESTORED, D(2011, 1, 7), D(2011, 5, 31)),
        (State.OPEN, D(2011, 6, 1), None),
    ]
    assert spans[-1].evidence_ids == (3, 4)


def test_summary_reads_as_one_line() -> None:
    facts = [fact(1, State.SUSPENDED, D(2010, 1, 1), D(2010, 12, 31))]
    line = timeline.summary(status(facts, D(2010, 6, 1)))
    assert "\n" not in line
    assert line.startswith("military-relations: suspended since 2010-01-01")
    assert "uncertain" in line
    assert "unknown" in timeline.summary(status([], D(2010, 6, 1)))


days = st.dates(min_value=D(1990, 1, 1), max_value=D(2030, 12, 31))


@st.composite
def facts_strategy(draw: st.DrawFn) -> list[Fact]:
    n = draw(st.integers(min_value=0, max_value=8))
    out = []
    for i in range(n):
        start = draw(days)
        length = draw(st.integers(min_value=0, max_value=400))
        out.append(
            fact(
                i + 1,
                draw(st.sampled_from(EVIDENCE_STATES)),
                start,
                start + timedelta(days=length),
                article_id=draw(st.integers(min_value=1, max_value=4)),
                confidence=draw(st.floats(min_value=0, max_value=1)),
                modality=draw(st.sampled_from(list(Modality))),
            )
        )
    return out


@given(facts_strategy(), days)
def test_status_is_decided_by_counting_evidence_not_after_the_day(
    facts: list[Fact], on: date
) -> None:
    result = status(facts, on)
    counting = [f for f in facts if f.modality == Modality.ASSERTED]
    eligible = [f for f in counting if f.effective_start is not None and f.effective_start <= on]
    if not eligible:
        assert result.state == State.UNKNOWN
        return
    latest = max(f.effective_start for f in eligible if f.effective_start is not None)
    assert result.since == latest
    assert result.state in {f.state for f in eligible if f.effective_start == latest}
    assert 1 <= result.sources <= len({f.article_id for f in counting})


@given(facts_strategy(), days)
def test_the_timeline_agrees_with_status_on_every_day_it_covers(
    facts: list[Fact], on: date
) -> None:
    spans = timeline.intervals(PAIR, KIND, facts)
    covering = [s for s in spans if s.start <= on and (s.end is None or on <= s.end)]
    assert len(covering) <= 1
    expected = status(facts, on).state
    if covering:
        assert covering[0].state == expected
    else:
        assert expected == State.UNKNOWN
    for before, after in pairwise(spans):
        assert before.end is not None and before.end < after.start
        assert before.state != after.state


@given(
    facts_strategy(),
    st.lists(days, min_size=1, max_size=5),
    st.sampled_from([None, D(2000, 1, 1), D(2015, 6, 1)]),
    st.integers(min_value=0, max_value=400),
)
def test_a_derivation_made_once_answers_as_status_on_every_day(
    facts: list[Fact], ons: list[date], as_of: date | None, stale_days: int
) -> None:
    policy = Policy(as_of=as_of)
    derived = timeline.Derivation(PAIR, KIND, facts, policy).under(
        Policy(as_of=as_of, stale_days=stale_days)
    )
    # The days a status can change on, and the days before them, as well as any day.
    starts = [f.effective_start for f in facts if f.effective_start is not None]
    for on in [*ons, *starts, *(d - timedelta(days=1) for d in starts)]:
        expected = timeline.status_on(
            PAIR, KIND, facts, on, Policy(as_of=as_of, stale_days=stale_days)
        )
        assert derived.status_on(on) == expected
        best = derived.decisive_on(on)
        assert best == timeline.decisive(facts, on, policy)
    pool = [f for f in facts if timeline.counts(f, policy)]
    for interval, first in derived.intervals():
        assert first == timeline.decisive(facts, interval.start, policy)
        assert interval.state == first.state
    assert [iv for iv, _ in derived.intervals()] == timeline.intervals(PAIR, KIND, facts, policy)
    assert all(timeline.corroboration(pool)(f) == timeline.corroborating(f, pool) for f in pool)


# ----------------------------------------------------------------------------- conflicts

near = st.dates(min_value=D(2020, 1, 1), max_value=D(2020, 3, 31))


@st.composite
def crowded_facts(draw: st.DrawFn) -> list[Fact]:
    """Many facts over a few months: day-long, long and a few whose end precedes their
    start (bad data the sweep must treat as the definition does)."""
    n = draw(st.integers(min_value=0, max_value=30))
    out = []
    for i in range(n):
        start = draw(near)
        length = draw(st.sampled_from([0, 0, 0, 1, 5, 30, 120, 400, -3]))
        out.append(
            fact(
                i + 1,
                draw(st.sampled_from(EVIDENCE_STATES)),
                start,
                start + timedelta(days=length),
                article_id=draw(st.integers(min_value=1, max_value=6)),
                modality=draw(
                    st.sampled_from([Modality.ASSERTED, Modality.ASSERTED, Modality.PLANNED])
                ),
                quote=draw(st.sampled_from([None, "the same words"])),
            )
        )
    return out


def _disagree(a: Fact, b: Fact) -> bool:
    """The definition: states of opposite polarity, effective intervals overlapping."""
    a0, a1 = timeline.effective_start(a), timeline.effective_end(a)
    b0, b1 = timeline.effective_start(b), timeline.effective_end(b)
    assert a0 and a1 and b0 and b1
    return (a.state in timeline.WORKING) != (b.state in timeline.WORKING) and (
        a0 <= b1 and b0 <= a1
    )


def _quadratic(facts: list[Fact]) -> list[tuple[Fact, Fact]]:
    pool = sorted(
        (f for f in facts if timeline.counts(f, Policy())),
        key=lambda f: (timeline.effective_start(f), f.evidence_id),
    )
    return [(a, b) for i, a in enumerate(pool) for b in pool[i + 1 :] if _disagree(a, b)]


def _window(a: Fact, b: Fact) -> tuple[date, date]:
    return (
        max(timeline.effective_start(a), timeline.effective_start(b)),  # type: ignore[type-var]
        min(timeline.effective_end(a), timeline.effective_end(b)),  # type: ignore[type-var]
    )


@given(crowded_facts(), near, st.integers(min_value=0, max_value=60), st.integers(0, 3))
def test_the_conflict_sweep_equals_the_quadratic_definition(
    facts: list[Fact], first: date, length: int, limit: int
) -> None:
    expected = _quadratic(facts)
    found = timeline.conflicts(PAIR, KIND, facts)
    assert [(c.first, c.second) for c in found] == expected

    index = timeline.ChannelConflicts(PAIR, KIND, facts)
    assert index.conflicted() == {f.evidence_id for pair in expected for f in pair}
    whole = index.counts()
    assert [int(n) for n in whole] == [sum(1 for a, _ in expected if a == f) for f in index.pool]
    # Restricted to the conflicts whose window (the days both cover) meets a period.
    last = first + timedelta(days=length)
    meeting = [
        (a, b) for a, b in expected if _window(a, b)[0] <= last and _window(a, b)[1] >= first
    ]
    counted = index.counts(first, last)
    for i, a in enumerate(index.pool):
        seconds = [b for x, b in meeting if x == a]
        assert counted[i] == len(seconds)
        shown, total, span = index.seconds(i, first, last, limit)
        assert shown == seconds[:limit] and total == len(seconds)
        windows = [_window(a, b) for b in seconds]
        expected_span = (
            (min(w[0] for w in windows), max(w[1] for w in windows)) if windows else None
        )
        assert span == expected_span


@given(crowded_facts())
def test_corroboration_and_sources_equal_the_definition(facts: list[Fact]) -> None:
    pool = [f for f in facts if timeline.counts(f, Policy())]
    same = timeline.corroboration(pool)
    for f in pool:
        assert same(f) == timeline.corroborating(f, pool)
    derived = timeline.Derivation(PAIR, KIND, facts)
    for day in derived.days:
        s = derived.status_on(day)
        best = derived.decisive_on(day)
        assert best is not None and s.sources == timeline.source_count(best, pool)
        ties = [f for f in pool if timeline.effective_start(f) == day]
        assert best in ties
        # The winner has no fewer sources than any tie of equal acceptance.
        assert all(
            timeline.source_count(f, pool) <= s.sources
            for f in ties
            if (f.review == Review.ACCEPTED) == (best.review == Review.ACCEPTED)
        )
