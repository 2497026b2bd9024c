"""The pandas API (tracker.analysis) on a small, realistic store built through tracker.store.

`build_sample_store` is also used by the report and export tests.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, update

from tracker import analysis, query, store, timeline
from tracker.db import open_store, session_scope
from tracker.models import Article, Evidence, quote_key
from tracker.timeline import Policy
from tracker.vocab import (
    ArticleText,
    Claim,
    DateHow,
    Kind,
    Modality,
    Precision,
    PublishedHow,
    Review,
    State,
)

D = date
HOSTILE_QUOTE = "<script>alert(1)</script> North Korea cut the inter-Korean military hotline"
FORMULA_QUOTE = '=HYPERLINK("http://example.invalid") the hotline was working through June'


@dataclass(frozen=True)
class C:
    """A claim to place in an article: the quote must occur in the article's text."""

    pair: str
    kind: Kind
    state: State
    quote: str
    start: date | None = None
    end: date | None = None
    precision: Precision = Precision.DAY
    modality: Modality = Modality.ASSERTED
    date_how: DateHow = DateHow.EXPLICIT
    confidence: float = 0.8


@dataclass(frozen=True)
class A:
    source: str
    published: date | None
    text: str
    claims: tuple[C, ...]
    index: int = 0


CN_US, RU_US, KP_KR, IN_PK = "CN-US", "RU-US", "KP-KR", "IN-PK"
MIL, MIN, HOT = Kind.MILITARY_RELATIONS, Kind.DEFENSE_MINISTERS, Kind.OPERATIONAL_HOTLINE
SUSPENDED_2010 = "China suspended its military-to-military contacts with the United States"
CANCELLED_2022 = (
    "China said on Friday it cancelled the China-U.S. Theater Commanders Talk, the Defense "
    "Policy Coordination Talks and the Military Maritime Consultative Agreement meetings."
)

SAMPLE: tuple[A, ...] = (
    A(
        "wire/2010-01-30-taiwan-arms.txt",
        D(2010, 1, 31),
        f"BEIJING, Jan. 30, 2010 — {SUSPENDED_2010} on Saturday after Washington announced "
        "a $6.4 billion arms sale to Taiwan.",
        (C(CN_US, MIL, State.SUSPENDED, SUSPENDED_2010, D(2010, 1, 30), confidence=0.9),),
    ),
    A(
        "wire/2010-01-31-syndicated.txt",
        D(2010, 1, 31),
        f"From our partners. {SUSPENDED_2010}, the defense ministry said.",
        (C(CN_US, MIL, State.SUSPENDED, SUSPENDED_2010, D(2010, 1, 30)),),
    ),
    A(
        "press/2011-01-07-gates.txt",
        D(2011, 1, 7),
        "WASHINGTON, Jan. 7, 2011 — Military ties between the two countries have been restored "
        "after a year-long freeze. Gates is to meet China's defense minister Liang Guanglie on "
        "Jan. 10.",
        (
            C(
                CN_US,
                MIL,
                State.RESTORED,
                "Military ties between the two countries have been restored",
                D(2011, 1, 7),
                date_how=DateHow.PUBLICATION,
            ),
            C(
                CN_US,
                MIN,
                State.OPEN,
                "Gates is to meet China's defense minister Liang Guanglie on Jan. 10",
                D(2011, 1, 10),
                modality=Modality.PLANNED,
            ),
        ),
    ),
    A(
        "press/2011-01-10-meeting.txt",
        D(2011, 1, 10),
        "Gates met Liang Guanglie in Beijing on Monday, the first such visit since 2007.",
        (
            C(
                CN_US,
                MIN,
                State.OPEN,
                "Gates met Liang Guanglie in Beijing on Monday",
                D(2011, 1, 10),
            ),
        ),
    ),
    A(
        "blog/2015-10-20-syria.txt",
        D(2015, 10, 20),
        "The deconfliction line over Syria has been used since October, officials said.",
        (
            C(
                RU_US,
                HOT,
                State.OPEN,
                "The deconfliction line over Syria has been used since October",
                D(2015, 10, 1),
                D(2015, 10, 31),
                Precision.MONTH,
            ),
        ),
    ),
    A(
        "blog/2017-02-16-mattis.txt",
        D(2017, 2, 16),
        "Mattis said “We are not in a position right now to collaborate on a military level”. "
        "Gen. Joseph Dunford is scheduled to meet Gen. Valery Gerasimov in Baku.",
        (
            C(
                RU_US,
                MIL,
                State.REJECTED,
                "“We are not in a position right now to collaborate on a military level”",
                D(2017, 2, 16),
                date_how=DateHow.RELATIVE,
            ),
            C(
                RU_US,
                Kind.MILITARY_CHIEFS,
                State.OPEN,
                "Gen. Joseph Dunford is scheduled to meet Gen. Valery Gerasimov in Baku",
                D(2017, 2, 16),
                modality=Modality.PLANNED,
            ),
        ),
    ),
    A(
        "forum/korea-thread.html",
        D(2020, 6, 10),
        f"{HOSTILE_QUOTE} on June 9, 2020.",
        (C(KP_KR, HOT, State.SUSPENDED, HOSTILE_QUOTE, D(2020, 6, 9)),),
        index=0,
    ),
    A(
        "forum/korea-thread.html",
        D(2020, 7, 1),
        f"{FORMULA_QUOTE} 2020, a poster claimed. Some rejected the claim that the line was "
        "restored.",
        (
            C(
                KP_KR,
                HOT,
                State.OPEN,
                FORMULA_QUOTE,
                D(2020, 6, 1),
                D(2020, 6, 30),
                Precision.MONTH,
            ),
            C(
                KP_KR,
                HOT,
                State.RESTORED,
                "rejected the claim that the line was restored",
                D(2020, 7, 1),
                confidence=0.3,
            ),
        ),
        index=1,
    ),
    A(
        "wire/2021-02-25-dgmo.txt",
        D(2021, 2, 25),
        "The DGMOs of India and Pakistan held discussions over the hotline contact mechanism.",
        (
            C(
                IN_PK,
                HOT,
                State.OPEN,
                "The DGMOs of India and Pakistan held discussions over the hotline",
                D(2021, 2, 25),
            ),
        ),
    ),
    A(
        "news/2022-08-05-pelosi.txt",
        D(2022, 8, 5),
        f"{CANCELLED_2022} Beijing also halted military-to-military contacts with Washington.",
        (
            C(CN_US, Kind.THEATER_COMMANDERS, State.SUSPENDED, CANCELLED_2022, D(2022, 8, 5)),
            C(CN_US, Kind.DEFENSE_POLICY_TALKS, State.SUSPENDED, CANCELLED_2022, D(2022, 8, 5)),
            C(CN_US, Kind.MARITIME_SAFETY_TALKS, State.SUSPENDED, CANCELLED_2022, D(2022, 8, 5)),
            C(
                CN_US,
                MIL,
                State.SUSPENDED,
                "Beijing also halted military-to-military contacts with Washington",
                D(2022, 8, 5),
                date_how=DateHow.RELATIVE,
            ),
        ),
    ),
    A(
        "news/2023-06-02-shangri-la.txt",
        D(2023, 6, 2),
        "China declined a U.S. request for a meeting between Lloyd Austin and Li Shangfu in "
        "Singapore. Austin said he hopes to restore military-to-military communication.",
        (
            C(
                CN_US,
                MIN,
                State.REJECTED,
                "China declined a U.S. request for a meeting between Lloyd Austin and Li Shangfu",
                D(2023, 5, 29),
                D(2023, 6, 2),
                Precision.RANGE,
                date_how=DateHow.RELATIVE,
            ),
            C(
                CN_US,
                MIL,
                State.RESTORED,
                "he hopes to restore military-to-military communication",
                D(2023, 6, 2),
                modality=Modality.INTENT,
            ),
        ),
    ),
    A(
        "news/2023-11-16-woodside.txt",
        D(2023, 11, 16),
        "Biden and Xi agreed on Wednesday to resume high-level military-to-military "
        "communications.",
        (
            C(
                CN_US,
                MIL,
                State.RESTORED,
                "Biden and Xi agreed on Wednesday to resume high-level military-to-military "
                "communications",
                D(2023, 11, 15),
                date_how=DateHow.RELATIVE,
            ),
            C(
                CN_US,
                Kind.LEADERS,
                State.OPEN,
                "Biden and Xi agreed on Wednesday",
                D(2023, 11, 15),
                date_how=DateHow.RELATIVE,
            ),
        ),
    ),
    A(
        "misc/undated-commentary.txt",
        None,
        "Communication channels have been frozen, a commentator wrote.",
        (
            C(
                CN_US,
                Kind.DIPLOMATIC_CHANNEL,
                State.SUSPENDED,
                "Communication channels have been frozen",
                precision=Precision.UNKNOWN,
                date_how=DateHow.PUBLICATION,
            ),
        ),
    ),
)

SAMPLE_CHANNELS = sorted({(c.pair, c.kind) for a in SAMPLE for c in a.claims})


def add_articles(engine: Engine, articles: tuple[A, ...] | list[A]) -> None:
    """Store articles and their claims through tracker.store, as ingest would."""
    with session_scope(engine) as session:
        for art in articles:
            article_id, _ = store.add_article(
                session=session,
                source=art.source,
                article=ArticleText(
                    index=art.index,
                    text=art.text,
                    published=art.published,
                    published_how=PublishedHow.TEXT if art.published else PublishedHow.UNKNOWN,
                ),
            )
            claims = []
            for c in art.claims:
                at = art.text.index(c.quote)
                claims.append(
                    Claim(
                        pair=c.pair,
                        kind=c.kind,
                        state=c.state,
                        modality=c.modality,
                        quote=c.quote,
                        char_start=at,
                        char_end=at + len(c.quote),
                        effective_start=c.start,
                        effective_end=c.end if c.end is not None else c.start,
                        precision=c.precision,
                        date_how=c.date_how,
                        confidence=c.confidence,
                    )
                )
            store.add_claims(session=session, article_id=article_id, claims=claims, version="t1")


def build_sample_store(engine: Engine) -> Engine:
    """The sample articles, plus one piece of machine evidence an analyst rejected."""
    add_articles(engine, SAMPLE)
    with session_scope(engine) as session:
        session.execute(
            update(Evidence)
            .where(Evidence.quote == "rejected the claim that the line was restored")  # type: ignore[arg-type]
            .values(review=Review.REJECTED.value)
        )
    return engine


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """One SQLite sample store shared by the read-only tests of a module."""
    path = tmp_path_factory.mktemp("sample") / "sample.db"
    engine = open_store(f"sqlite:///{path}")
    build_sample_store(engine)
    yield engine
    engine.dispose()


# ----------------------------------------------------------------------------- evidence

VOCAB = {
    "state": [s.value for s in State],
    "kind": [k.value for k in Kind],
    "modality": [m.value for m in Modality],
    "precision": [p.value for p in Precision],
    "review": [r.value for r in Review],
    "date_how": [d.value for d in DateHow],
    "published_how": [p.value for p in PublishedHow],
}


def test_evidence_is_typed_with_the_whole_vocabulary(sample: Engine) -> None:
    frame = analysis.evidence(sample)
    assert len(frame) == sum(len(a.claims) for a in SAMPLE)
    for column, values in VOCAB.items():
        assert isinstance(frame[column].dtype, pd.CategoricalDtype), column
        assert list(frame[column].cat.categories) == values, column
    for column in ("published", "effective_start", "effective_end"):
        assert pd.api.types.is_datetime64_dtype(frame[column]), column
    for column in ("evidence_id", "article_id", "char_start", "char_end", "article_index"):
        assert frame[column].dtype == "int64", column
    assert frame["confidence"].dtype == "float64"
    assert isinstance(frame["quote"].dtype, pd.StringDtype)
    assert frame["evidence_id"].is_unique
    undated = frame[frame["source"] == "misc/undated-commentary.txt"]
    assert undated["published"].isna().all() and undated["effective_start"].isna().all()


def test_evidence_quotes_are_the_article_spans(sample: Engine) -> None:
    frame = analysis.evidence(sample)
    texts = {(a.source, a.index): a.text for a in SAMPLE}
    for row in frame.itertuples():
        assert texts[(row.source, row.article_index)][row.char_start : row.char_end] == row.quote


def test_evidence_filters_by_pair_and_kind(sample: Engine) -> None:
    frame = analysis.evidence(sample, pair="us-cn", kind="military-relations")
    assert set(frame["pair"]) == {CN_US} and set(frame["kind"]) == {MIL.value}
    assert len(frame) == sum(
        1 for a in SAMPLE for c in a.claims if (c.pair, c.kind) == (CN_US, MIL)
    )
    starts = frame["effective_start"].dropna()
    assert starts.is_monotonic_increasing


def test_columnar_read_equals_the_driver_read(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The columnar (ADBC) reader and the SQLAlchemy driver give the same frames, on both
    backends, with a long run of articles without a title before titled ones (SQLite's
    ADBC driver guesses a column's type from its first rows)."""
    build_sample_store(engine)
    untitled = [
        A(f"bulk/{i}.txt", D(2015, 1, 1) + timedelta(days=i % 700), f"Hotline {i} cut.", ())
        for i in range(70_000)
    ]
    add_articles(engine, untitled[:3])
    with session_scope(engine) as session:
        session.execute(
            Article.__table__.insert(),  # type: ignore[attr-defined]
            [
                {
                    "source": a.source,
                    "article_index": 0,
                    "title": None,
                    "published": a.published,
                    "published_how": PublishedHow.TEXT.value,
                    "text": a.text,
                    "content_hash": uuid.uuid4().hex,
                    "ingested_at": datetime(2025, 1, 1, tzinfo=UTC),
                }
                for a in untitled[3:]
            ],
        )
    add_articles(
        engine,
        [
            A(
                "late.txt",
                D(2020, 5, 1),
                "Talks resumed.",
                (C(KP_KR, HOT, State.OPEN, "Talks resumed", D(2020, 5, 1)),),
            )
        ],
    )
    with session_scope(engine) as session:
        session.execute(update(Article).values(title="A title").where(Article.source == "late.txt"))  # type: ignore[arg-type]

    def both(**kw: str) -> tuple[pd.DataFrame, pd.DataFrame]:
        monkeypatch.setenv(analysis.COLUMNAR_ENV, "0")
        driver = analysis.evidence(engine, **kw)
        monkeypatch.delenv(analysis.COLUMNAR_ENV)
        return analysis.evidence(engine, **kw), driver

    for kw in ({}, {"pair": "KP-KR"}, {"pair": "CN-US", "kind": "military-relations"}):
        columnar, driver = both(**kw)
        pd.testing.assert_frame_equal(columnar, driver)
    columnar, _ = both()
    assert "A title" in set(columnar["title"].dropna())
    assert columnar["title"].isna().any()


def test_a_read_sees_what_the_same_process_wrote_before(engine: Engine) -> None:
    """Reads between writes in one process see every write (the columnar reader on
    SQLite once saw the file as of its first read)."""
    seen = []
    for i in range(3):
        add_articles(
            engine,
            [
                A(
                    f"w{i}.txt",
                    D(2020, 1, 1 + i),
                    f"Talks resumed on day {i}.",
                    (C(KP_KR, HOT, State.OPEN, f"Talks resumed on day {i}", D(2020, 1, 1 + i)),),
                )
            ],
        )
        seen.append(len(analysis.evidence(engine)))
    assert seen == [1, 2, 3]


def test_articles_with_ids_far_apart_read_the_same(sample: Engine, engine: Engine) -> None:
    """Evidence finds its article whether the store's article ids are compact or one of
    them is far from the rest."""
    with session_scope(engine) as session:
        session.execute(
            Article.__table__.insert(),  # type: ignore[attr-defined]
            [
                {
                    "id": 10**9,
                    "source": "far.txt",
                    "article_index": 0,
                    "title": None,
                    "published": D(2001, 1, 1),
                    "published_how": PublishedHow.TEXT.value,
                    "text": "Nothing about channels.",
                    "content_hash": uuid.uuid4().hex,
                    "ingested_at": datetime(2025, 1, 1, tzinfo=UTC),
                }
            ],
        )
    build_sample_store(engine)
    far, near = analysis.evidence(engine), analysis.evidence(sample)
    # Ids are the store's own (PostgreSQL's sequences may skip): compare what they point to.
    ids = ["article_id", "channel_id"]
    pd.testing.assert_frame_equal(far.drop(columns=ids), near.drop(columns=ids))


def test_a_read_without_quote_text_carries_quote_keys(sample: Engine) -> None:
    """Without quote text the frame is the same but for the quote column, which holds
    the key of each quote (copies share it); `quotes` reads the text by id."""
    full = analysis.evidence(sample)
    lean = analysis.load(sample, quote_text=False).evidence
    pd.testing.assert_frame_equal(lean.drop(columns="quote"), full.drop(columns="quote"))
    assert lean["quote"].tolist() == [quote_key(q) for q in full["quote"]]
    ids = full["evidence_id"].tolist()
    assert analysis.quotes(sample, [*ids[::2], 10**9]) == dict(
        zip(ids[::2], full["quote"][::2], strict=True)
    )
    assert analysis.quotes(sample, []) == {}


def test_bad_arguments_raise_value_error(sample: Engine) -> None:
    with pytest.raises(ValueError, match="kind"):
        analysis.evidence(sample, kind="smoke-signals")
    with pytest.raises(ValueError, match="pair"):
        analysis.evidence(sample, pair="CNUS")
    with pytest.raises(ValueError, match="on"):
        analysis.status(sample, "31/12/2020")


def test_a_url_works_as_well_as_an_engine(sample: Engine) -> None:
    url = sample.url.render_as_string(hide_password=False)
    pd.testing.assert_frame_equal(analysis.evidence(url), analysis.evidence(sample))


# ----------------------------------------------------------------------------- status


@pytest.mark.parametrize("on", [D(2009, 1, 1), D(2010, 6, 1), D(2020, 6, 20), D(2024, 1, 1)])
def test_status_agrees_with_the_query_layer(sample: Engine, on: date) -> None:
    frame = analysis.status(sample, on)
    assert len(frame) == len(SAMPLE_CHANNELS)
    expected = {
        (s.pair, s.kind.value): s
        for pair in {p for p, _ in SAMPLE_CHANNELS}
        for s in query.statuses(sample, pair, on)
    }
    assert set(zip(frame["pair"], frame["kind"], strict=True)) == set(expected)
    for row in frame.itertuples():
        s = expected[(row.pair, row.kind)]
        assert row.state == s.state.value
        assert row.uncertain == s.uncertain and row.stale == s.stale
        assert row.sources == s.sources
        assert (None if pd.isna(row.evidence_id) else row.evidence_id) == s.evidence_id
        assert (None if pd.isna(row.since) else row.since.date()) == s.since
    assert list(frame["state"].cat.categories) == VOCAB["state"]


def test_status_of_the_sample_history(sample: Engine) -> None:
    frame = analysis.status(sample, "2023-01-01", pair="CN-US").set_index("kind")
    assert frame.loc[MIL.value, "state"] == "suspended"
    assert frame.loc[MIN.value, "state"] == "open"
    assert frame.loc[MIN.value, "stale"]  # last heard of in 2011
    assert frame.loc[Kind.DIPLOMATIC_CHANNEL.value, "state"] == "unknown"  # undated only
    two_sources = analysis.status(sample, "2010-06-01", pair="CN-US", kind="military-relations")
    assert two_sources["sources"].tolist() == [2]
    # What an analyst could have known on 2023-11-01: the restoration was not yet reported.
    before = analysis.status(sample, "2024-01-01", pair="CN-US", as_of="2023-11-01")
    assert before.set_index("kind").loc[MIL.value, "state"] == "suspended"


def test_status_flags_stale_by_the_horizon(sample: Engine) -> None:
    on = D(2021, 2, 25) + timedelta(days=30)
    fresh = analysis.status(sample, on, pair="IN-PK")
    assert not fresh["stale"].any()
    assert analysis.status(sample, on, pair="IN-PK", stale_days=10)["stale"].all()


# ----------------------------------------------------------------------------- timeline


def test_timeline_matches_the_query_intervals(sample: Engine) -> None:
    frame = analysis.timeline(sample, until=D(2024, 1, 1))
    expected = query.intervals(sample)
    assert len(frame) == len(expected)
    got = {
        (r.pair, r.kind, r.start.date(), r.state, tuple(r.evidence_ids)) for r in frame.itertuples()
    }
    assert got == {(i.pair, i.kind.value, i.start, i.state.value, i.evidence_ids) for i in expected}
    assert frame["start"].dtype == "datetime64[ns]"


def test_transitions_and_suspension_spells(sample: Engine) -> None:
    steps = analysis.transitions(sample, pair="CN-US", kind="military-relations")
    assert [(r.date.date(), r.from_state, r.to_state) for r in steps.itertuples()] == [
        (D(2010, 1, 30), "unknown", "suspended"),
        (D(2011, 1, 7), "suspended", "restored"),
        (D(2022, 8, 5), "restored", "suspended"),
        (D(2023, 11, 15), "suspended", "restored"),
    ]
    ev = analysis.evidence(sample).set_index("evidence_id")
    assert all(ev.loc[r.evidence_id, "quote"] == r.quote for r in steps.itertuples())

    spells = analysis.suspension_spells(sample, pair="CN-US")
    mil = spells[spells["kind"] == MIL.value]
    assert mil["days"].tolist() == [
        float((D(2011, 1, 7) - D(2010, 1, 30)).days),
        float((D(2023, 11, 15) - D(2022, 8, 5)).days),
    ]
    ongoing = spells[spells["kind"] == Kind.THEATER_COMMANDERS.value]
    assert ongoing["ongoing"].tolist() == [True] and ongoing["days"].isna().all()
    assert ongoing["end"].isna().all()


def test_sources_per_event_counts_corroboration(sample: Engine) -> None:
    events = analysis.sources_per_event(sample, pair="CN-US", kind="military-relations")
    first = events.iloc[0]
    assert first["state"] == "suspended" and first["sources"] == 2 and first["evidence"] == 2
    # The intent to restore is its own event, not a source of the restoration.
    assert set(events["modality"]) == {"asserted", "intent"}
    assert events["sources"].sum() == len(analysis.evidence(sample, pair="CN-US", kind=MIL))
    rejected = analysis.sources_per_event(sample, pair="KP-KR")
    assert "restored" not in set(rejected["state"])  # analyst-rejected evidence is left out


def test_conflicts_list_disagreeing_evidence(sample: Engine) -> None:
    frame = analysis.conflicts(sample)
    assert len(frame) == 1
    row = frame.iloc[0]
    assert (row["pair"], row["kind"]) == (KP_KR, HOT.value)
    assert {row["first_state"], row["second_state"]} == {"open", "suspended"}


def test_channels_frame(sample: Engine) -> None:
    frame = analysis.channels(sample)
    assert sorted(zip(frame["pair"], frame["kind"], strict=True)) == sorted(
        (p, k.value) for p, k in SAMPLE_CHANNELS
    )
    rows = {(r["pair"], r["kind"]): r for r in query.channel_rows(sample)}
    for r in frame.itertuples():
        assert r.state == str(rows[(r.pair, Kind(r.kind))]["state"])
        assert r.evidence == rows[(r.pair, Kind(r.kind))]["evidence"]


# ----------------------------------------------------------------------------- time in state


def test_time_in_state_sums_to_the_days_covered(sample: Engine) -> None:
    until = D(2024, 12, 31)
    frame = analysis.time_in_state(sample, until=until)
    firsts = (
        analysis.timeline(sample, until=until)
        .groupby(["pair", "kind"], observed=True)["start"]
        .min()
    )
    totals = frame.groupby(["pair", "kind"], observed=True)["days"].sum()
    for key, first in firsts.items():
        assert totals[key] == (until - first.date()).days + 1
    mil = frame[(frame["pair"] == CN_US) & (frame["kind"] == MIL.value)]
    assert mil[(mil["year"] == 2010) & (mil["state"] == "suspended")]["days"].item() == 336


def test_time_in_state_on_both_backends(engine: Engine) -> None:
    build_sample_store(engine)
    frame = analysis.time_in_state(engine, pair="CN-US", until=D(2023, 12, 31))
    assert frame["days"].gt(0).all()
    assert list(frame["state"].cat.categories) == VOCAB["state"]
    status = analysis.status(engine, "2023-12-31", pair="CN-US")
    expected = query.statuses(engine, CN_US, D(2023, 12, 31), policy=Policy())
    assert status["state"].tolist() == [s.state.value for s in _vocab_order(expected)]


def _vocab_order(statuses: list) -> list:  # type: ignore[type-arg]
    order = {k: i for i, k in enumerate(Kind)}
    return sorted(statuses, key=lambda s: (s.pair, order[s.kind]))


DAY0 = D(2018, 10, 1)
claim_specs = st.lists(
    st.tuples(
        st.sampled_from([CN_US, RU_US]),
        st.sampled_from([MIL, HOT]),
        st.sampled_from([State.OPEN, State.SUSPENDED, State.REJECTED, State.RESTORED]),
        st.integers(0, 400),
        st.integers(0, 60),
        st.sampled_from(list(Modality)),
    ),
    min_size=1,
    max_size=10,
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    specs=claim_specs, until_offset=st.integers(0, 520), stale_days=st.sampled_from([0, 30, 365])
)
def test_time_in_state_over_random_stores(
    tmp_path: Path,
    specs: list[tuple[str, Kind, State, int, int, Modality]],
    until_offset: int,
    stale_days: int,
) -> None:
    engine = open_store(f"sqlite:///{tmp_path / uuid.uuid4().hex}.db")
    try:
        articles = []
        for i, (pair, kind, state, offset, span, modality) in enumerate(specs):
            quote = f"claim number {i} about {pair}"
            start = DAY0 + timedelta(days=offset)
            end = start + timedelta(days=span)
            claim = C(pair, kind, state, quote, start, end, modality=modality)
            articles.append(A(f"h/{i}.txt", end, f"Preamble. {quote}.", (claim,)))
        add_articles(engine, articles)
        until = DAY0 + timedelta(days=until_offset)
        frame = analysis.time_in_state(engine, until=until, stale_days=stale_days)
        assert (frame["days"] > 0).all() and (frame["stale_days"] <= frame["days"]).all()

        # The same count, day by day, from the status derivation itself.
        snap = analysis.load(engine)
        policy = Policy(stale_days=stale_days)
        expected: dict[tuple[str, str, int, str], list[int]] = {}
        for (pair, kind), facts in snap.facts.items():
            day = DAY0
            while day <= until:
                s = timeline.status_on(pair, kind, facts, day, policy)
                if s.state != State.UNKNOWN:
                    entry = expected.setdefault((pair, kind.value, day.year, s.state.value), [0, 0])
                    entry[0] += 1
                    entry[1] += int(s.stale)
                day += timedelta(days=1)
        got = {
            (r.pair, r.kind, r.year, r.state): [r.days, r.stale_days] for r in frame.itertuples()
        }
        assert got == expected

        # A channel's days run from its first evidence to `until`.
        spans = analysis.timeline(engine, until=until)
        for (pair, kind), group in frame.groupby(["pair", "kind"], observed=True):
            first = spans[(spans["pair"] == pair) & (spans["kind"] == kind)]["start"].min().date()
            assert group["days"].sum() == (until - first).days + 1
    finally:
        engine.dispose()
