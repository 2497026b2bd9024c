"""Property-based tests: the extractor and the ingester on arbitrary text and dates.

Whatever the text and the publication date, nothing raises but the one-line InputError
for a file that is not text; every quote is the text between its offsets; every
effective interval runs forwards; every value fits the store's constraints. Random
unicode alone rarely reaches extraction, so most texts are built from the words that
make a channel statement: states, channels, state changes, times, quotes and newlines.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select

from tracker.db import open_store
from tracker.extract import extract
from tracker.ingest import ingest
from tracker.models import metadata
from tracker.reading import InputError
from tracker.store import content_hash
from tracker.vocab import EVIDENCE_STATES, Claim, Kind, Modality, Precision

ARTICLE = metadata.tables["article"]
EVIDENCE = metadata.tables["evidence"]
CHANNEL = metadata.tables["channel"]

STATES = [
    "China",
    "the United States",
    "U.S.",
    "Russia",
    "Moscow",
    "Washington",
    "Beijing",
    "North Korea",
    "South Korea",
    "Seoul",
    "Pyongyang",
    "India",
    "Pakistan",
    "Ukraine",
    "Greece",
    "Turkey",
    "the Pentagon",
    "the Kremlin",
    "Lloyd Austin",
    "Chinese",
    "American",
    "Russian",
]
CHANNELS = [
    "military talks",
    "the military hotline",
    "hotline",
    "defense policy talks",
    "maritime safety talks",
    "military-to-military contacts",
    "deconfliction line",
    "defense ministers",
    "a phone call",
    "diplomatic channels",
    "strategic stability talks",
    "communication channels",
]
ACTIONS = [
    "suspended",
    "restored",
    "resumed",
    "cut off",
    "froze",
    "reopened",
    "rejected",
    "held",
    "agreed to restore",
    "will resume",
    "would not hold",
    "refused",
    "broke off",
    "spoke by",
    "talked with",
    "with",
    "and",
    "between",
    "not",
    "no",
]
TIMES = [
    "last month",
    "on Tuesday",
    "on Monday",
    "last week",
    "next week",
    "in March",
    "in March 2021",
    "since 2019",
    "between 2018 and 2020",
    "from May to June",
    "on Feb. 30",
    "2023-02-30",
    "on January 1, 1",
    "in 9999",
    "31 December 9999",
    "yesterday",
    "earlier this year",
    "two years ago",
    "in the 1990s",
    "Jan. 7, 2011",
    "the following day",
]
PUNCTUATION = [".", ",", ";", ":", "—", "-", "“", "”", '"', "'", "(", ")", "\n", "\n\n", "  ", "…"]
OTHER = ["said", "officials", "Mr.", "WASHINGTON", "BEIJING, March 3 (Reuters) -", "the", "a"]

words = st.one_of(
    st.sampled_from(STATES),
    st.sampled_from(CHANNELS),
    st.sampled_from(ACTIONS),
    st.sampled_from(TIMES),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(OTHER),
    st.text(max_size=4),
)
channel_text = st.lists(words, max_size=40).map(" ".join)
sentence = st.tuples(
    st.sampled_from(STATES),
    st.sampled_from(ACTIONS),
    st.sampled_from(CHANNELS),
    st.sampled_from(["with", "and", "between", "to"]),
    st.sampled_from(STATES),
    st.sampled_from(TIMES),
).map(lambda parts: " ".join(parts) + ".")
statements = st.lists(st.one_of(sentence, channel_text), min_size=1, max_size=6).map(
    lambda parts: "".join(
        itertools.chain.from_iterable(
            (p, sep) for p, sep in zip(parts, itertools.cycle([" ", "\n"]))
        )
    )
)
texts = st.one_of(st.text(max_size=300), channel_text, statements)
published = st.one_of(st.none(), st.dates())  # from 0001-01-01 to 9999-12-31


def check_claim(claim: Claim, text: str) -> None:
    """What the store's constraints and the interface promise of every claim."""
    assert isinstance(claim, Claim)
    assert 0 <= claim.char_start < claim.char_end <= len(text), claim
    assert claim.quote == text[claim.char_start : claim.char_end], claim
    if claim.effective_start is not None and claim.effective_end is not None:
        assert claim.effective_start <= claim.effective_end, claim
    assert 0.0 <= claim.confidence <= 1.0, claim
    a, b = claim.pair.split("-")
    assert a < b, claim.pair
    assert claim.kind in Kind
    assert claim.state in EVIDENCE_STATES
    assert claim.modality in Modality
    assert claim.precision in Precision


@settings(max_examples=500, deadline=None)
@given(text=texts, day=published)
@example(text="China suspended military talks with the United States last month.", day=date.min)
@example(text="China will resume military talks with the United States next week.", day=date.max)
@example(text="Russia cut the hotline with the United States on Feb. 30.", day=None)
def test_extract_never_raises_and_quotes_are_verbatim(text: str, day: date | None) -> None:
    for claim in extract(text, day):
        check_claim(claim, text)


def test_the_vocabulary_reaches_extraction() -> None:
    """The strategy is worth its name: many of its texts do yield claims to check."""
    seen = {"texts": 0, "with_claims": 0}

    @settings(max_examples=100, deadline=None, database=None)
    @given(text=statements, day=st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 1, 1)))
    def run(text: str, day: date) -> None:
        claims = extract(text, day)
        seen["texts"] += 1
        seen["with_claims"] += bool(claims)
        for claim in claims:
            check_claim(claim, text)

    run()
    assert seen["with_claims"] >= 0.2 * seen["texts"], seen


# --- the ingester, end to end, into a real store --------------------------------------


@pytest.fixture(scope="module")
def store_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    folder = tmp_path_factory.mktemp("fuzz-store")
    engine = open_store(f"sqlite:///{folder / 'fuzz.db'}")
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-inbox")


counter = itertools.count()


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    text=st.one_of(texts, statements.map(lambda s: "WASHINGTON, March 3, 2021 — " + s)),
    day=published,
    suffix=st.sampled_from([".txt", ".md", ".html"]),
)
def test_ingest_never_raises_and_stores_only_verbatim_quotes(
    store_engine: Engine, inbox: Path, text: str, day: date | None, suffix: str
) -> None:
    path = inbox / f"{next(counter)}{suffix}"
    path.write_text(text, encoding="utf-8")
    try:
        ingest(store_engine, [path], published=day)
    except InputError as exc:  # not text, or no article: one line naming the file
        message = str(exc)
        assert message.startswith(f"{path}: ") and "\n" not in message
        return
    with store_engine.connect() as conn:
        articles = conn.execute(
            select(ARTICLE.c.id, ARTICLE.c.text, ARTICLE.c.content_hash).where(
                ARTICLE.c.source == str(path)
            )
        ).all()
        for article_id, body, digest in articles:
            assert digest == content_hash(body)
            rows = conn.execute(
                select(
                    EVIDENCE.c.quote,
                    EVIDENCE.c.char_start,
                    EVIDENCE.c.char_end,
                    EVIDENCE.c.effective_start,
                    EVIDENCE.c.effective_end,
                ).where(EVIDENCE.c.article_id == article_id)
            ).all()
            for quote, start, end, effective_start, effective_end in rows:
                assert quote == body[start:end]
                if effective_start is not None and effective_end is not None:
                    assert effective_start <= effective_end
