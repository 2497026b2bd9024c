"""Status answered from the store agrees with derivation over the whole history."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from tracker import query, store, timeline
from tracker.db import session_scope
from tracker.vocab import (
    EVIDENCE_STATES,
    ArticleText,
    Claim,
    Kind,
    Modality,
    Precision,
    PublishedHow,
    Review,
    State,
)

PAIR = "CN-US"
KINDS = (Kind.MILITARY_RELATIONS, Kind.OPERATIONAL_HOTLINE)
FIRST = date(2010, 1, 1)


def fill(engine: Engine, rng: random.Random, articles: int = 30) -> None:
    """A store of random claims: states, modalities, ranges, reviews, undated ones."""
    with session_scope(engine) as session:
        for i in range(articles):
            published = FIRST + timedelta(days=rng.randrange(3000))
            # Now and then a wire copy: another article's claim, word for word.
            quotes = [
                f"Claim {rng.randrange(i) if i and rng.random() < 0.2 else i}-{j} stands here."
                for j in range(rng.randrange(1, 4))
            ]
            text = f"Article {i}. " + " ".join(dict.fromkeys(quotes))
            article_id, _ = store.add_article(
                session=session,
                source=f"a{i}.txt",
                article=ArticleText(0, text, None, published, PublishedHow.TEXT),
            )
            claims = []
            for quote in quotes:
                at = text.index(quote)
                start = published - timedelta(days=rng.choice([0, 0, 3, 40, 400]))
                end = start + timedelta(days=rng.choice([0, 0, 5, 30, 365]))
                dated = rng.random() > 0.1
                claims.append(
                    Claim(
                        pair=PAIR,
                        kind=rng.choice(KINDS),
                        state=rng.choice(EVIDENCE_STATES),
                        modality=rng.choice([Modality.ASSERTED] * 3 + [Modality.PLANNED]),
                        quote=quote,
                        char_start=at,
                        char_end=at + len(quote),
                        effective_start=start if dated else None,
                        effective_end=end if dated else None,
                        precision=Precision.RANGE,
                        confidence=rng.choice([0.5, 0.7, 0.9]),
                    )
                )
            store.add_claims(session=session, article_id=article_id, claims=claims, version="t")
        ids = [f.evidence_id for f in store.facts(session=session)]
        for evidence_id in rng.sample(ids, k=min(4, len(ids))):
            verdict = rng.choice([Review.ACCEPTED, Review.REJECTED])
            store.set_review(session=session, evidence_id=evidence_id, review=verdict, note=None)


def full_history(engine: Engine, on: date, policy: timeline.Policy) -> list[timeline.ChannelStatus]:
    with session_scope(engine) as session:
        facts = store.facts(session=session, pair=PAIR)
    return [
        timeline.status_on(PAIR, kind, [f for f in facts if f.kind == kind], on, policy)
        for kind in sorted(KINDS)
    ]


def comparable(s: timeline.ChannelStatus) -> tuple[object, ...]:
    return (s.kind, s.state, s.since, s.uncertain, s.stale, s.sources, s.evidence_id)


@pytest.mark.parametrize("seed", range(6))
def test_status_from_the_store_equals_full_derivation(sqlite_url: str, seed: int) -> None:
    from tracker.db import open_store

    engine = open_store(sqlite_url)
    try:
        rng = random.Random(seed)
        fill(engine, rng)
        for _ in range(40):
            on = FIRST + timedelta(days=rng.randrange(3300))
            as_of = rng.choice([None, on, on - timedelta(days=200)])
            policy = timeline.Policy(as_of=as_of)
            fast = query.statuses(engine, PAIR, on, policy=policy)
            assert [comparable(s) for s in fast] == [
                comparable(s) for s in full_history(engine, on, policy)
            ]
    finally:
        engine.dispose()


def test_status_on_both_databases(engine: Engine) -> None:
    rng = random.Random(11)
    fill(engine, rng, articles=12)
    for _ in range(10):
        on = FIRST + timedelta(days=rng.randrange(3300))
        policy = timeline.Policy()
        fast = query.statuses(engine, PAIR, on, policy=policy)
        assert [comparable(s) for s in fast] == [
            comparable(s) for s in full_history(engine, on, policy)
        ]


@settings(max_examples=25, deadline=None)
@given(st.dates(min_value=date(2009, 1, 1), max_value=date(2020, 1, 1)))
def test_one_kind_is_answered_even_without_evidence(on: date) -> None:
    from tracker.db import open_store

    engine = open_store("sqlite://")
    try:
        found = query.statuses(engine, PAIR, on, kind=Kind.ARMS_CONTROL)
        assert [(s.kind, s.state) for s in found] == [(Kind.ARMS_CONTROL, "unknown")]
    finally:
        engine.dispose()


# One claim of a generated store: (kind, state, start day, length, dated, modality,
# review, quote, white space of the quote, published days after the end, confidence).
# Days fall on a coarse grid so that starts, ends and publications often coincide.
_CLAIMS = st.tuples(
    st.sampled_from([KINDS[0], KINDS[0], KINDS[1]]),
    st.sampled_from([State.OPEN, State.OPEN, State.SUSPENDED]),
    st.integers(0, 30).map(lambda n: 10 * n),
    st.sampled_from([0, 0, 10, 30, 100]),
    st.sampled_from([True, True, True, False, "end only"]),
    st.sampled_from([Modality.ASSERTED, Modality.ASSERTED, Modality.PLANNED]),
    st.sampled_from([Review.MACHINE, Review.MACHINE, Review.ACCEPTED, Review.REJECTED]),
    st.integers(0, 1),
    st.sampled_from([" ", "\n", "  "]),
    st.sampled_from([None, 0, 10]),
    st.sampled_from([0.5, 0.9]),
)


def _store_claims(engine: Engine, claims: list[tuple[object, ...]]) -> None:
    """Each claim in its own article; quotes repeat (wire copies), wrapped differently."""
    with session_scope(engine) as session:
        for i, claim_fields in enumerate(claims):
            kind, state, start, length, dated, modality, review, q, space, late, conf = claim_fields
            assert isinstance(start, int) and isinstance(length, int)
            first = FIRST + timedelta(days=start)
            last = first + timedelta(days=length)
            quote = space.join(["Claim", str(q), "stands", "here."])  # type: ignore[attr-defined]
            text = f"Article {i}. {quote}"
            published = None if late is None else last + timedelta(days=late)  # type: ignore[operator]
            article_id, _ = store.add_article(
                session=session,
                source=f"a{i}.txt",
                article=ArticleText(0, text, None, published, PublishedHow.TEXT),
            )
            at = text.index(quote)
            claim = Claim(
                pair=PAIR,
                kind=kind,  # type: ignore[arg-type]
                state=state,  # type: ignore[arg-type]
                modality=modality,  # type: ignore[arg-type]
                quote=quote,
                char_start=at,
                char_end=at + len(quote),
                effective_start=first if dated is True else None,
                effective_end=last if dated else None,
                precision=Precision.RANGE,
                confidence=conf,  # type: ignore[arg-type]
            )
            if review == Review.ACCEPTED:
                store.add_reviewed(session=session, article_id=article_id, claim=claim, note=None)
                continue
            store.add_claims(session=session, article_id=article_id, claims=[claim], version="t")
            if review == Review.REJECTED:
                (fact,) = [f for f in store.facts(session=session) if f.article_id == article_id]
                store.set_review(
                    session=session, evidence_id=fact.evidence_id, review=review, note=None
                )


def test_generated_stores_answer_as_the_whole_history(db_url: str) -> None:
    from tracker.db import open_store

    engine = open_store(db_url)

    m, o = KINDS[0], State.OPEN
    asserted, machine = Modality.ASSERTED, Review.MACHINE

    @settings(max_examples=150, deadline=None)
    # A wire copy wrapped differently, months before the claim that decides the day.
    @example(
        claims=[
            (m, o, 0, 0, True, asserted, machine, 0, " ", 0, 0.5),
            (m, o, 100, 0, True, asserted, machine, 0, "\n", 0, 0.5),
        ],
        days=[120],
        as_of=None,
        one_kind=False,
    )
    # Evidence dated by its end ties with evidence starting that day; a copy of its quote
    # far earlier gives it more sources, so it decides.
    @example(
        claims=[
            (m, o, 100, 0, True, asserted, machine, 1, " ", 0, 0.9),
            (m, o, 90, 10, "end only", asserted, machine, 0, " ", 0, 0.5),
            (m, o, 0, 0, True, asserted, machine, 0, " ", 0, 0.5),
        ],
        days=[120],
        as_of=None,
        one_kind=False,
    )
    @given(
        claims=st.lists(_CLAIMS, min_size=0, max_size=16),
        days=st.lists(st.integers(-1, 70).map(lambda n: 5 * n), min_size=1, max_size=8),
        as_of=st.sampled_from([None, 0, 20, 60]),
        one_kind=st.booleans(),
    )
    def check(
        claims: list[tuple[object, ...]], days: list[int], as_of: int | None, one_kind: bool
    ) -> None:
        with engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM evidence")
            conn.exec_driver_sql("DELETE FROM article")
        _store_claims(engine, claims)
        for offset in days:
            on = FIRST + timedelta(days=offset)
            policy = timeline.Policy(as_of=None if as_of is None else FIRST + timedelta(days=as_of))
            kind = KINDS[0] if one_kind else None
            fast = query.statuses(engine, PAIR, on, kind=kind, policy=policy)
            whole = [
                timeline.status_on(p, k, facts, on, policy)
                for (p, k), facts in sorted(query._facts_by_channel(engine, PAIR, kind).items())
            ]
            # Every field: the state, the deciding quote, its sources and support.
            assert fast == whole

    try:
        check()
    finally:
        engine.dispose()
