"""Status answered from the store agrees with derivation over the whole history."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
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
