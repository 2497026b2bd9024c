"""The pandas view of the store: evidence, status, timelines and the questions analysts ask.

Every function takes a database (a URL string or an Engine) and returns a typed
DataFrame: dates are ``datetime64``, the controlled vocabulary (state, kind, modality,
precision, review, …) is categorical with every category of `tracker.vocab` present,
text is ``string``. The store is read once per call with SQL (`pandas.read_sql` over a
select); derivation then runs in memory with the same rules as the CLI
(`tracker.timeline`), so a frame and a `tracker status` answer never disagree.

To ask several questions of one store without reading it again, `load` it once and pass
the `Snapshot` wherever a database is expected. Pairs are accepted in any form the CLI
takes (`CN-US`, `us-china`, `US–China`); an unknown pair or kind raises ValueError::

    snap = analysis.load("sqlite:///tracker.db")
    analysis.status(snap, "2020-01-01")
    analysis.suspension_spells(snap, pair="CN-US")
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property
from typing import Any, Final, cast

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from sqlalchemy import Connection, Engine, Select, Table, select

from tracker import timeline as tl
from tracker.db import open_store
from tracker.models import metadata
from tracker.pairs import parse_kind, parse_pair
from tracker.vocab import (
    ChannelStatus,
    DateHow,
    Fact,
    Kind,
    Modality,
    Precision,
    PublishedHow,
    Review,
    State,
)

__all__ = [
    "DATE_HOW_DTYPE",
    "KIND_DTYPE",
    "MODALITY_DTYPE",
    "PRECISION_DTYPE",
    "PUBLISHED_HOW_DTYPE",
    "REVIEW_DTYPE",
    "STATE_DTYPE",
    "Snapshot",
    "channels",
    "conflicts",
    "evidence",
    "load",
    "quotes",
    "sources_per_event",
    "status",
    "suspension_spells",
    "time_in_state",
    "timeline",
    "transitions",
]

# The vocabulary as pandas dtypes. Category order is the order of tracker.vocab, so
# sorting a frame by kind follows the domain's list, not the alphabet.
STATE_DTYPE = pd.CategoricalDtype([s.value for s in State])
KIND_DTYPE = pd.CategoricalDtype([k.value for k in Kind])
MODALITY_DTYPE = pd.CategoricalDtype([m.value for m in Modality])
PRECISION_DTYPE = pd.CategoricalDtype([p.value for p in Precision])
REVIEW_DTYPE = pd.CategoricalDtype([r.value for r in Review])
DATE_HOW_DTYPE = pd.CategoricalDtype([d.value for d in DateHow])
PUBLISHED_HOW_DTYPE = pd.CategoricalDtype([p.value for p in PublishedHow])

DATETIME: Final = "datetime64[ns]"
TEXT = pd.StringDtype()

# States in which a channel does not work: a spell of them is a suspension.
NOT_WORKING = frozenset({State.SUSPENDED, State.REJECTED})

_EVIDENCE_TYPES: dict[str, Any] = {
    "evidence_id": "int64",
    "article_id": "int64",
    "channel_id": "int64",
    "source": TEXT,
    "article_index": "int64",
    "title": TEXT,
    "published": DATETIME,
    "published_how": PUBLISHED_HOW_DTYPE,
    "pair": TEXT,
    "kind": KIND_DTYPE,
    "state": STATE_DTYPE,
    "effective_start": DATETIME,
    "effective_end": DATETIME,
    "precision": PRECISION_DTYPE,
    "date_how": DATE_HOW_DTYPE,
    "modality": MODALITY_DTYPE,
    "quote": TEXT,
    "char_start": "int64",
    "char_end": "int64",
    "confidence": "float64",
    "review": REVIEW_DTYPE,
    "extractor_version": TEXT,
}
EVIDENCE_COLUMNS: tuple[str, ...] = tuple(_EVIDENCE_TYPES)

_CHANNEL_TYPES: dict[str, Any] = {
    "channel_id": "int64",
    "pair": TEXT,
    "party_a": TEXT,
    "party_b": TEXT,
    "kind": KIND_DTYPE,
}


@dataclass(frozen=True)
class Snapshot:
    """One read of the store: its evidence (a frame) and its channels; the derivation
    facts, built from the frame when first asked for.

    Pass it instead of a database to ask many questions of one read.
    """

    evidence: pd.DataFrame
    channels: pd.DataFrame
    pair: str | None = None
    kind: Kind | None = None

    @cached_property
    def facts(self) -> dict[tuple[str, Kind], list[Fact]]:
        """The facts of every channel (channels without evidence too), in frame order."""
        grouped: dict[tuple[str, Kind], list[Fact]] = {
            (str(p), Kind(k)): []
            for p, k in zip(self.channels["pair"], self.channels["kind"], strict=True)
        }
        for fact in _facts(self.evidence):
            grouped.setdefault((fact.pair, fact.kind), []).append(fact)
        return grouped

    @cached_property
    def derivations(self) -> dict[tuple[str, Kind], tl.Derivation]:
        """Each channel's history derived once under the default policy."""
        return {
            (p, k): tl.Derivation(p, k, facts, tl.Policy()) for (p, k), facts in self.facts.items()
        }

    def derived(self, policy: tl.Policy) -> list[tuple[tuple[str, Kind], tl.Derivation]]:
        """Each channel's derivation under `policy`, in frame order (pair, then kind).

        Which fact decides a day does not depend on the staleness horizon, so under the
        default modalities and no `as_of` the derivations are made once per snapshot.
        """
        order = {k: i for i, k in enumerate(Kind)}
        keys = sorted(self.facts, key=lambda key: (key[0], order[key[1]]))
        default = tl.Policy()
        if (policy.as_of, policy.modalities) != (default.as_of, default.modalities):
            return [(key, tl.Derivation(key[0], key[1], self.facts[key], policy)) for key in keys]
        return [(key, self.derivations[key].under(policy)) for key in keys]

    def narrow(self, pair: str | None = None, kind: str | Kind | None = None) -> Snapshot:
        """The same read restricted to one pair and/or one kind."""
        the_pair = _pair(pair)
        the_kind = _kind(kind)
        if the_pair is None and the_kind is None:
            return self
        ev, ch = self.evidence, self.channels
        if the_pair is not None:
            ev, ch = ev[ev["pair"] == the_pair], ch[ch["pair"] == the_pair]
        if the_kind is not None:
            ev, ch = ev[ev["kind"] == the_kind.value], ch[ch["kind"] == the_kind.value]
        return Snapshot(
            evidence=ev.reset_index(drop=True),
            channels=ch.reset_index(drop=True),
            pair=the_pair or self.pair,
            kind=the_kind or self.kind,
        )


# --------------------------------------------------------------------------- helpers


def _pair(pair: str | None) -> str | None:
    """A pair in canonical form (`CN-US`) from `CN-US`, `us-china`, `US–China`, …"""
    return None if pair is None else parse_pair(pair)


def _kind(kind: str | Kind | None) -> Kind | None:
    if kind is None or isinstance(kind, Kind):
        return kind
    return parse_kind(kind)


def _day(value: date | str | pd.Timestamp | None, name: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):  # pandas Timestamps too
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"{name}: invalid date {value!r}, expected YYYY-MM-DD") from None


def typed_frame(frame: pd.DataFrame, types: dict[str, Any]) -> pd.DataFrame:
    """The frame with exactly these columns, in this order, of these dtypes."""
    out = pd.DataFrame(index=frame.index)
    for column, dtype in types.items():
        values = frame[column] if column in frame.columns else pd.Series(None, index=frame.index)
        if dtype == DATETIME:
            out[column] = pd.to_datetime(values, errors="coerce").astype(DATETIME)
        elif dtype == "object":
            out[column] = values.astype(object)
        else:
            if isinstance(dtype, pd.CategoricalDtype) and not _plain_text(values):
                values = values.map(lambda v: None if v is None else str(v), na_action="ignore")
            out[column] = values.astype(dtype)
    return out.reset_index(drop=True)


def _plain_text(values: pd.Series) -> bool:
    """Whether a column holds only str (not enum members) and missing values."""
    if values.dtype != object:
        return False
    kinds = {type(v) for v in values.drop_duplicates().tolist() if v is not None and v == v}
    return kinds <= {str}


def _engine(db: str | Engine) -> tuple[Engine, bool]:
    if isinstance(db, Engine):
        return db, False
    if isinstance(db, str):
        return open_store(db), True
    raise TypeError(f"expected a database URL or an Engine, not {type(db).__name__}")


# The tables as SQLAlchemy Core sees them: typed columns for the selects below.
ARTICLE: Table = metadata.tables["article"]
CHANNEL: Table = metadata.tables["channel"]
EVIDENCE: Table = metadata.tables["evidence"]


def _channel_select(pair: str | None, kind: Kind | None) -> Select[Any]:
    ch = CHANNEL.c
    query = select(ch.id.label("channel_id"), ch.pair, ch.party_a, ch.party_b, ch.kind)
    if pair is not None:
        query = query.where(ch.pair == pair)
    if kind is not None:
        query = query.where(ch.kind == kind.value)
    return query


def _sort_channels(frame: pd.DataFrame, *more: str) -> pd.DataFrame:
    keys = ["pair", "kind", *more]
    return frame.sort_values(keys, kind="stable", na_position="last").reset_index(drop=True)


def _dates(values: pd.Series) -> list[date | None]:
    """Python dates (None where missing) from a datetime64 column, in one conversion."""
    days = values.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    return cast(list[date | None], days.astype(object).tolist())


def _members(values: pd.Series, enum: Any) -> list[Any] | None:
    """A vocabulary column as enum members, through its categorical codes; None if some
    value is missing or outside the vocabulary."""
    if not isinstance(values.dtype, pd.CategoricalDtype):
        return None
    codes = values.cat.codes.to_numpy()
    if len(codes) and codes.min() < 0:
        return None
    try:
        members = np.array([enum(c) for c in values.cat.categories] + [None], dtype=object)
    except ValueError:
        return None
    return cast(list[Any], members[codes].tolist())


def _facts(frame: pd.DataFrame) -> list[Fact]:
    """Derivation records for the rows of an evidence frame (in memory, no SQL)."""
    enums = [
        _members(frame[column], enum)
        for column, enum in (
            ("kind", Kind),
            ("state", State),
            ("modality", Modality),
            ("precision", Precision),
            ("review", Review),
        )
    ]
    if all(e is not None for e in enums) and frame["quote"].notna().all():
        # Every value already of its type: the records straight from the columns.
        kinds, states, modalities, precisions, reviews = cast(list[list[Any]], enums)
        return list(
            map(
                Fact,
                frame["evidence_id"].tolist(),
                frame["article_id"].tolist(),
                frame["pair"].astype(object).tolist(),
                kinds,
                states,
                modalities,
                _dates(frame["effective_start"]),
                _dates(frame["effective_end"]),
                precisions,
                frame["confidence"].tolist(),
                reviews,
                _dates(frame["published"]),
                frame["quote"].astype(object).tolist(),
                frame["source"].astype(object).where(frame["source"].notna(), "").tolist(),
            )
        )
    return _facts_one_by_one(frame)


def facts_of(frame: pd.DataFrame) -> list[Fact]:
    """Derivation records for the rows of an evidence frame (or a part of one)."""
    return _facts(frame)


def _facts_one_by_one(frame: pd.DataFrame) -> list[Fact]:
    """`_facts` for a frame whose columns are not all of their types, value by value."""
    kinds = {k.value: k for k in Kind}
    states = {s.value: s for s in State}
    modalities = {m.value: m for m in Modality}
    precisions = {p.value: p for p in Precision}
    reviews = {r.value: r for r in Review}
    sources = frame["source"].astype(object).where(frame["source"].notna(), "").tolist()
    columns = [
        frame["evidence_id"].tolist(),
        frame["article_id"].tolist(),
        frame["pair"].astype(object).tolist(),
        frame["kind"].astype(object).tolist(),
        frame["state"].astype(object).tolist(),
        frame["modality"].astype(object).tolist(),
        _dates(frame["effective_start"]),
        _dates(frame["effective_end"]),
        frame["precision"].astype(object).tolist(),
        frame["confidence"].tolist(),
        frame["review"].astype(object).tolist(),
        _dates(frame["published"]),
        frame["quote"].astype(object).tolist(),
        sources,
    ]
    return [
        Fact(
            evidence_id=int(eid),
            article_id=int(aid),
            pair=str(pair),
            kind=kinds[kind],
            state=states[state],
            modality=modalities[modality],
            effective_start=start,
            effective_end=end,
            precision=precisions[precision],
            confidence=float(confidence),
            review=reviews[review],
            published=published,
            quote=str(quote),
            source=str(source),
        )
        for (
            eid,
            aid,
            pair,
            kind,
            state,
            modality,
            start,
            end,
            precision,
            confidence,
            review,
            published,
            quote,
            source,
        ) in zip(*columns, strict=True)
    ]


def _rows(conn: Connection, sql: str) -> list[tuple[Any, ...]]:
    """The rows of a statement straight from the driver's cursor, with no per-value
    conversion in Python."""
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql)
        return list(cursor.fetchall())
    finally:
        cursor.close()


# Set TRACKER_COLUMNAR=0 to read through the SQLAlchemy driver only (the frames are the
# same; it is slower on large stores).
COLUMNAR_ENV = "TRACKER_COLUMNAR"
# Rows per Arrow batch of the SQLite ADBC driver (its default, 1,024, costs a third more).
_SQLITE_BATCH_ROWS = 65536


def _columnar_target(conn: Connection) -> tuple[str, str] | None:
    """Which ADBC driver could read this store, and the URI it takes; None when none can
    (an in-memory or URI-style SQLite database, another dialect, or switched off)."""
    if os.environ.get(COLUMNAR_ENV, "1").strip() in ("0", "false", "no", "off"):
        return None
    url = conn.engine.url
    backend = url.get_backend_name()
    if backend == "sqlite":
        database = url.database or ""
        if not database or database == ":memory:" or database.startswith("file:") or url.query:
            return None
        return backend, database
    if backend == "postgresql":
        return backend, url.set(drivername="postgresql").render_as_string(hide_password=False)
    return None


@contextmanager
def _columnar(conn: Connection) -> Iterator[Any]:
    """An ADBC connection to the store `conn` reads, in one read transaction, or None when
    no ADBC driver is installed or can connect (then the SQLAlchemy driver reads).

    On SQLite the write-ahead log is first checkpointed into the database file: the ADBC
    driver carries its own copy of SQLite, which in a process whose other copy (Python's
    sqlite3) wrote the store read the file as it was before those writes."""
    target = _columnar_target(conn)
    handle = None
    if target is not None:
        try:
            if target[0] == "sqlite":
                import adbc_driver_sqlite.dbapi as driver

                conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
            else:
                import adbc_driver_postgresql.dbapi as driver  # type: ignore[no-redef]
            handle = driver.connect(target[1])
        except Exception:  # no driver, or it cannot reach the store: read the slow way
            handle = None
    try:
        yield handle
    finally:
        if handle is not None:
            handle.close()


def _fetch(conn: Connection, adbc: Any, sql: str, width: int, text: frozenset[int]) -> list[Any]:
    """The columns of a statement: numbers as numpy arrays, the columns in `text` as
    pyarrow large strings. Through ADBC the values never become Python objects."""
    if adbc is None:
        columns: list[Any] = _columns(_rows(conn, sql), width)
        for i in text:
            columns[i] = pa.array(columns[i], type=pa.large_string())
        return columns
    cursor = adbc.cursor()
    try:
        if conn.dialect.name == "sqlite":
            cursor.adbc_statement.set_options(
                **{"adbc.sqlite.query.batch_rows": str(_SQLITE_BATCH_ROWS)}
            )
        cursor.execute(sql)
        table = cursor.fetch_arrow_table()
    finally:
        cursor.close()
    out: list[Any] = []
    for i in range(width):
        column = table.column(i)
        if i in text:
            out.append(column.cast(pa.large_string()).combine_chunks())
        else:
            out.append(column.to_numpy())
    return out


def _read(conn: Connection, query: Select[Any]) -> pd.DataFrame:
    """A (small) select as a frame."""
    sql = str(query.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql)
        names = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    finally:
        cursor.close()
    return pd.DataFrame.from_records(rows, columns=names, coerce_float=True)


# Reading a million rows is bound by the Python objects the driver makes for them, so the
# evidence is read as numbers wherever it can be: a vocabulary column as its index in the
# vocabulary (-1: missing or unknown), a date as days since 1970 (_NO_DAY: missing), the
# pair and kind through the channel id, the article's columns once per article.
_NO_DAY = -(10**7)
_EPOCH_DAYS = {
    "sqlite": "CAST(julianday({}) - 2440587.5 AS INTEGER)",
    "postgresql": "({} - DATE '1970-01-01')",
}


def _day_sql(column: str, dialect: str) -> str:
    return (
        f"COALESCE({_EPOCH_DAYS.get(dialect, _EPOCH_DAYS['postgresql']).format(column)}, {_NO_DAY})"
    )


def _code_sql(column: str, dtype: pd.CategoricalDtype) -> str:
    whens = " ".join(f"WHEN '{value}' THEN {i}" for i, value in enumerate(dtype.categories))
    return f"CASE {column} {whens} ELSE -1 END"


def _channel_filter(pair: str | None, kind: Kind | None) -> str:
    """SQL restricting evidence `e` to the channels of a pair and/or kind (both checked
    against the vocabulary by the caller, so safe as literals)."""
    where = []
    if pair is not None:
        where.append(f"c.pair = '{pair}'")
    if kind is not None:
        where.append(f"c.kind = '{kind.value}'")
    if not where:
        return ""
    return f" WHERE e.channel_id IN (SELECT c.id FROM channel c WHERE {' AND '.join(where)})"


def _columns(rows: list[tuple[Any, ...]], width: int) -> list[np.ndarray]:
    table = np.array(rows, dtype=object) if rows else np.empty((0, width), dtype=object)
    table = table.reshape(len(rows), width)
    return [table[:, i] for i in range(width)]


def _datetimes(days: np.ndarray) -> np.ndarray:
    numbers = days.astype(np.int64)
    out = numbers.astype("datetime64[D]").astype(DATETIME)
    out[numbers == _NO_DAY] = np.datetime64("NaT")
    return out


def _text(values: Any) -> Any:
    """A text column (TEXT) from a pyarrow string array, or from str and None (converted by
    pyarrow in one pass)."""
    if TEXT.storage == "pyarrow":
        try:
            if not isinstance(values, pa.Array):
                values = pa.array(values, type=pa.large_string())
            return pd.arrays.ArrowStringArray(values.cast(pa.large_string()))
        except (pa.ArrowException, TypeError):
            pass
    if isinstance(values, pa.Array):
        values = np.array(values.to_pylist(), dtype=object)
    return pd.array(values, dtype=TEXT)


def _categorical(codes: np.ndarray, dtype: pd.CategoricalDtype) -> pd.Categorical:
    return pd.Categorical.from_codes(codes.astype(np.int64), dtype=dtype)


def _positions(keys: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """The position in `ids` (distinct) of each of `keys` (every key is among `ids`): by a
    table indexed by id when the ids are compact, as a table's keys usually are (a million
    look-ups in a few milliseconds), else by a sort."""
    if len(ids) and int(ids.min()) >= 0 and int(ids.max()) < 4 * len(ids) + 1024:
        table = np.zeros(int(ids.max()) + 1, dtype=np.int64)
        table[ids] = np.arange(len(ids))
        return table[keys]
    order = np.argsort(ids, kind="stable")
    return order[np.searchsorted(ids[order], keys)]


def _read_evidence(
    conn: Connection,
    channels: pd.DataFrame,
    pair: str | None,
    kind: Kind | None,
    quote_text: bool = True,
) -> pd.DataFrame:
    """The evidence frame in _EVIDENCE_TYPES, in frame order, in two statements; without
    `quote_text`, the quote column holds each quote's stored key instead of its text."""
    dialect = conn.dialect.name
    quote = "e.quote" if quote_text else "e.quote_key"
    where = _channel_filter(pair, kind)
    with _columnar(conn) as adbc:
        evidence = _fetch(
            conn,
            adbc,
            "SELECT e.id, e.article_id, e.channel_id, "
            f"{_code_sql('e.state', STATE_DTYPE)}, {_code_sql('e.precision', PRECISION_DTYPE)}, "
            f"{_code_sql('e.date_how', DATE_HOW_DTYPE)}, "
            f"{_code_sql('e.modality', MODALITY_DTYPE)}, {_code_sql('e.review', REVIEW_DTYPE)}, "
            f"{_day_sql('e.effective_start', dialect)}, {_day_sql('e.effective_end', dialect)}, "
            f"{quote}, e.char_start, e.char_end, CAST(e.confidence AS REAL), "
            f"e.extractor_version FROM evidence e{where}",
            15,
            frozenset({10, 14}),
        )
        # A missing title is read as '' with a flag: SQLite's ADBC driver guesses a
        # column's type from its first rows, and a run of NULLs would read as numbers.
        articles = _fetch(
            conn,
            adbc,
            "SELECT a.id, a.source, a.article_index, COALESCE(a.title, ''), "
            f"{_day_sql('a.published', dialect)}, "
            f"{_code_sql('a.published_how', PUBLISHED_HOW_DTYPE)}, "
            "CASE WHEN a.title IS NULL THEN 1 ELSE 0 END FROM article a"
            + (f" WHERE a.id IN (SELECT e.article_id FROM evidence e{where})" if where else ""),
            7,
            frozenset({1, 3}),
        )
    no_title = pa.array(articles[6].astype(np.int64) != 0, type=pa.bool_())
    articles[3] = pc.if_else(no_title, pa.scalar(None, pa.large_string()), articles[3])
    # The frame's order (pair, kind in vocabulary order, effective start with missing
    # last, id) from numbers: `channels` is already in (pair, kind) order, so a channel's
    # rank is the position of the first channel of its pair and kind.
    channel_ids = channels["channel_id"].to_numpy(dtype=np.int64)
    pairs = channels["pair"].astype(object).to_numpy()
    kind_codes = pd.Categorical(channels["kind"], dtype=KIND_DTYPE).codes.astype(np.int64)
    same = np.zeros(len(channels), dtype=bool)
    same[1:] = (pairs[1:] == pairs[:-1]) & (kind_codes[1:] == kind_codes[:-1])
    rank = np.maximum.accumulate(np.where(same, 0, np.arange(len(channels))))
    channel_id = evidence[2].astype(np.int64)
    of_channel = _positions(channel_id, channel_ids)
    start = evidence[8].astype(np.int64)
    order = np.lexsort(
        (
            evidence[0].astype(np.int64),
            np.where(start == _NO_DAY, np.iinfo(np.int64).max, start),
            rank[of_channel],
        )
    )
    evidence = [c.take(order) if isinstance(c, pa.Array) else c[order] for c in evidence]
    of_channel = of_channel[order]
    (eid, aid, cid, state, precision, date_how, modality, review, start, end) = evidence[:10]
    quote, char_start, char_end, confidence, version = evidence[10:]
    article_ids = articles[0].astype(np.int64)
    article_id = aid.astype(np.int64)

    at = _positions(article_id, article_ids)

    def of_article(values: np.ndarray) -> np.ndarray:
        return values[at]

    frame = {
        "evidence_id": eid.astype(np.int64),
        "article_id": article_id,
        "channel_id": cid.astype(np.int64),
        "source": _text(articles[1]).take(at),
        "article_index": of_article(articles[2]).astype(np.int64),
        "title": _text(articles[3]).take(at),
        "published": _datetimes(of_article(articles[4])),
        "published_how": _categorical(of_article(articles[5]), PUBLISHED_HOW_DTYPE),
        "pair": _text(pa.array(pairs, type=pa.large_string()).take(of_channel)),
        "kind": _categorical(kind_codes[of_channel], KIND_DTYPE),
        "state": _categorical(state, STATE_DTYPE),
        "effective_start": _datetimes(start),
        "effective_end": _datetimes(end),
        "precision": _categorical(precision, PRECISION_DTYPE),
        "date_how": _categorical(date_how, DATE_HOW_DTYPE),
        "modality": _categorical(modality, MODALITY_DTYPE),
        "quote": _text(quote),
        "char_start": char_start.astype(np.int64),
        "char_end": char_end.astype(np.int64),
        "confidence": confidence.astype(np.float64),
        "review": _categorical(review, REVIEW_DTYPE),
        "extractor_version": _text(version),
    }
    return pd.DataFrame(frame, columns=list(_EVIDENCE_TYPES))


def load(
    db: str | Engine | Snapshot,
    *,
    pair: str | None = None,
    kind: str | Kind | None = None,
    quote_text: bool = True,
) -> Snapshot:
    """Read the store once (two selects) into a `Snapshot`, optionally for one pair/kind.

    `db` is a SQLAlchemy URL (the schema is created or upgraded on first use), an
    Engine, or a Snapshot (narrowed to `pair`/`kind` without reading again).

    With `quote_text=False` the quote column holds each quote's key (its white space
    folded, then hashed) instead of its text: copies of a quote still share it, so
    derivation gives the same answers, and reading a million rows skips most of their
    bytes. `quotes` reads the text of the evidence that needs it.
    """
    if isinstance(db, Snapshot):
        return db.narrow(pair, kind)
    the_pair, the_kind = _pair(pair), _kind(kind)
    engine, owned = _engine(db)
    try:
        with engine.connect() as conn:
            ch = _sort_channels(
                typed_frame(_read(conn, _channel_select(None, None)), _CHANNEL_TYPES)
            )
            raw = _read_evidence(conn, ch, the_pair, the_kind, quote_text)
    finally:
        if owned:
            engine.dispose()
    if the_pair is not None:
        ch = ch[ch["pair"] == the_pair]
    if the_kind is not None:
        ch = ch[ch["kind"] == the_kind.value]
    ch = ch.reset_index(drop=True)
    return Snapshot(evidence=raw, channels=ch, pair=the_pair, kind=the_kind)


# Evidence ids per statement when reading quotes by id (well under the bound parameters
# SQLite and PostgreSQL take).
_IDS_PER_SELECT = 5000


def quotes(engine: Engine, evidence_ids: Iterable[int]) -> dict[int, str]:
    """The quote text of each piece of evidence asked for (ids not stored are left out)."""
    ids = sorted(set(evidence_ids))
    found: dict[int, str] = {}
    with engine.connect() as conn:
        for i in range(0, len(ids), _IDS_PER_SELECT):
            chunk = ids[i : i + _IDS_PER_SELECT]
            rows = conn.execute(
                select(EVIDENCE.c.id, EVIDENCE.c.quote).where(EVIDENCE.c.id.in_(chunk))
            )
            found.update((int(row[0]), str(row[1])) for row in rows)
    return found


def _channel_items(snap: Snapshot) -> list[tuple[tuple[str, Kind], list[Fact]]]:
    """Channels in frame order: by pair, then kind in vocabulary order."""
    order = {k: i for i, k in enumerate(Kind)}
    return sorted(snap.facts.items(), key=lambda item: (item[0][0], order[item[0][1]]))


def _frame(rows: Sequence[dict[str, Any]], types: dict[str, Any]) -> pd.DataFrame:
    return typed_frame(pd.DataFrame(list(rows), columns=list(types)), types)


# --------------------------------------------------------------------------- evidence


def evidence(
    db: str | Engine | Snapshot, *, pair: str | None = None, kind: str | Kind | None = None
) -> pd.DataFrame:
    """One row per piece of evidence, with its article's metadata.

    Columns: evidence_id, article_id, channel_id, source, article_index, title,
    published, published_how, pair, kind, state, effective_start, effective_end,
    precision, date_how, modality, quote, char_start, char_end, confidence, review,
    extractor_version. Sorted by pair, kind (vocabulary order), effective start, id.
    """
    return load(db, pair=pair, kind=kind).evidence.copy()


def channels(
    db: str | Engine | Snapshot, *, stale_days: int = tl.DEFAULT_STALE_DAYS
) -> pd.DataFrame:
    """Every channel with how much evidence it has and its latest derived state.

    Columns: channel_id, pair, party_a, party_b, kind, evidence, asserted, articles,
    first, last (earliest and latest effective start), state (at the latest date its
    counting evidence reaches; unknown when none counts).
    """
    snap = load(db)
    policy = tl.Policy(stale_days=stale_days)
    ids = {
        (str(p), str(k)): int(i)
        for p, k, i in zip(
            snap.channels["pair"], snap.channels["kind"], snap.channels["channel_id"], strict=True
        )
    }
    rows = []
    for (pair, kind), facts in _channel_items(snap):
        starts = [d for f in facts if (d := tl.effective_start(f)) is not None]
        counting = [f for f in facts if tl.counts(f, policy)]
        latest = max((d for f in counting if (d := tl.effective_end(f)) is not None), default=None)
        state = (
            tl.status_on(pair, kind, facts, latest, policy).state
            if latest is not None
            else State.UNKNOWN
        )
        a, b = pair.split("-")
        rows.append(
            {
                "channel_id": ids.get((pair, kind.value), -1),
                "pair": pair,
                "party_a": a,
                "party_b": b,
                "kind": kind,
                "evidence": len(facts),
                "asserted": len(counting),
                "articles": len({f.article_id for f in facts}),
                "first": min(starts, default=None),
                "last": max(starts, default=None),
                "state": state,
            }
        )
    return _frame(
        rows,
        {
            **_CHANNEL_TYPES,
            "evidence": "int64",
            "asserted": "int64",
            "articles": "int64",
            "first": DATETIME,
            "last": DATETIME,
            "state": STATE_DTYPE,
        },
    )


# --------------------------------------------------------------------------- status

_STATUS_TYPES: dict[str, Any] = {
    "pair": TEXT,
    "kind": KIND_DTYPE,
    "on": DATETIME,
    "as_of": DATETIME,
    "state": STATE_DTYPE,
    "since": DATETIME,
    "uncertain": "bool",
    "stale": "bool",
    "sources": "int64",
    "evidence_id": "Int64",
    "quote": TEXT,
    "source": TEXT,
    "published": DATETIME,
    "supporting_ids": "object",
    "summary": TEXT,
}


def status_rows(snap: Snapshot, on: date, policy: tl.Policy) -> list[ChannelStatus]:
    """The derived status of every channel of the snapshot on day `on`."""
    return [tl.status_on(p, k, facts, on, policy) for (p, k), facts in _channel_items(snap)]


def status(
    db: str | Engine | Snapshot,
    on: date | str,
    *,
    pair: str | None = None,
    kind: str | Kind | None = None,
    as_of: date | str | None = None,
    stale_days: int = tl.DEFAULT_STALE_DAYS,
) -> pd.DataFrame:
    """The status of every channel (of a pair, or one channel) on day `on`.

    `as_of` keeps only articles published on or before that day (what an analyst
    could have known then). Columns: pair, kind, on, as_of, state (unknown included),
    since, uncertain, stale, sources, evidence_id (of the decisive evidence), quote,
    source, published, supporting_ids, summary.
    """
    day = _day(on, "on")
    assert day is not None
    if stale_days < 0:
        raise ValueError("stale_days: must be zero or more days")
    policy = tl.Policy(stale_days=stale_days, as_of=_day(as_of, "as_of"))
    snap = load(db, pair=pair, kind=kind)
    rows = [
        {
            "pair": s.pair,
            "kind": s.kind,
            "on": s.on,
            "as_of": policy.as_of,
            "state": s.state,
            "since": s.since,
            "uncertain": s.uncertain,
            "stale": s.stale,
            "sources": s.sources,
            "evidence_id": s.evidence_id,
            "quote": s.quote,
            "source": s.source,
            "published": s.published,
            "supporting_ids": list(s.supporting_ids),
            "summary": tl.summary(s),
        }
        for s in status_rows(snap, day, policy)
    ]
    return _frame(rows, _STATUS_TYPES)


# --------------------------------------------------------------------------- timeline

_TIMELINE_TYPES: dict[str, Any] = {
    "pair": TEXT,
    "kind": KIND_DTYPE,
    "state": STATE_DTYPE,
    "start": DATETIME,
    "end": DATETIME,
    "evidence_ids": "object",
    "sources": "int64",
    "uncertain": "bool",
    "uncertain_until": DATETIME,
    "stale": "bool",
    "last_evidence": DATETIME,
    "quote": TEXT,
}


def _last_known(facts: Iterable[Fact]) -> date | None:
    """The latest day the evidence speaks of: its effective end or its publication."""
    days = [d for f in facts for d in (tl.effective_end(f), f.published) if d is not None]
    return max(days, default=None)


def timeline(
    db: str | Engine | Snapshot,
    *,
    pair: str | None = None,
    kind: str | Kind | None = None,
    stale_days: int = tl.DEFAULT_STALE_DAYS,
    until: date | str | None = None,
) -> pd.DataFrame:
    """Each channel's history: consecutive stretches (intervals) of one derived state.

    Columns: pair, kind, state, start, end (inclusive; NaT for the current stretch),
    evidence_ids (the evidence behind the stretch), sources (distinct articles),
    uncertain (the decisive evidence covers a span, so the change may come later than
    `start`), uncertain_until (the end of that span), stale (the stretch runs on more
    than `stale_days` past its latest evidence, up to its end or, for the current
    stretch, `until`, default today),
    last_evidence, quote (of the evidence that opens the stretch).
    """
    snap = load(db, pair=pair, kind=kind)
    horizon = _day(until, "until") or date.today()
    policy = tl.Policy(stale_days=stale_days)
    rows = []
    for (p, k), derived in snap.derived(policy):
        by_id = {f.evidence_id: f for f in derived.pool}
        for iv, best in derived.intervals():
            behind = [by_id[i] for i in iv.evidence_ids]
            last = _last_known(behind)
            upto = iv.end if iv.end is not None else max(horizon, iv.start)
            rows.append(
                {
                    "pair": p,
                    "kind": k,
                    "state": iv.state,
                    "start": iv.start,
                    "end": iv.end,
                    "evidence_ids": list(iv.evidence_ids),
                    "sources": len({f.article_id for f in behind}),
                    "uncertain": iv.uncertain,
                    "uncertain_until": tl.effective_end(best) if iv.uncertain else None,
                    "stale": last is not None and (upto - last).days > stale_days,
                    "last_evidence": last,
                    "quote": iv.quote,
                }
            )
    return _frame(rows, _TIMELINE_TYPES)


_TRANSITION_TYPES: dict[str, Any] = {
    "pair": TEXT,
    "kind": KIND_DTYPE,
    "date": DATETIME,
    "from_state": STATE_DTYPE,
    "to_state": STATE_DTYPE,
    "evidence_id": "int64",
    "sources": "int64",
    "uncertain": "bool",
    "quote": TEXT,
    "source": TEXT,
    "article_index": "int64",
    "published": DATETIME,
}


def transition_rows(snap: Snapshot, policy: tl.Policy = tl.Policy()) -> list[dict[str, Any]]:
    """Each change of derived state, channel by channel, with the evidence that makes it."""
    index_of = dict(
        zip(
            snap.evidence["evidence_id"].tolist(),
            snap.evidence["article_index"].tolist(),
            strict=True,
        )
    )
    rows = []
    for (p, k), derived in snap.derived(policy):
        previous = State.UNKNOWN
        for iv, best in derived.intervals():
            rows.append(
                {
                    "pair": p,
                    "kind": k,
                    "date": iv.start,
                    "from_state": previous,
                    "to_state": iv.state,
                    "evidence_id": best.evidence_id,
                    "sources": len({f.article_id for f in derived.claims.corroborating(best)}),
                    "uncertain": iv.uncertain,
                    "quote": best.quote,
                    "source": best.source,
                    "article_index": index_of.get(best.evidence_id, 0),
                    "published": best.published,
                }
            )
            previous = iv.state
    return rows


def transitions(
    db: str | Engine | Snapshot, *, pair: str | None = None, kind: str | Kind | None = None
) -> pd.DataFrame:
    """Each change of a channel's derived state, the first (from `unknown`) included.

    Columns: pair, kind, date, from_state, to_state, evidence_id (the decisive
    evidence), sources, uncertain, quote, source, article_index, published.
    """
    return _frame(transition_rows(load(db, pair=pair, kind=kind)), _TRANSITION_TYPES)


# --------------------------------------------------------------------------- questions


def _split_by_year(start: date, end: date) -> Iterable[tuple[int, int]]:
    """(year, days) for the inclusive span start..end."""
    day = start
    while day <= end:
        year_end = min(date(day.year, 12, 31), end)
        yield day.year, (year_end - day).days + 1
        day = year_end + timedelta(days=1)


def _segments(
    derived: tl.Derivation,
) -> Iterable[tuple[date, date | None, State, date | None]]:
    """Stretches over which one piece of evidence decides: (start, end or None, state,
    the latest day that evidence speaks of). Status only changes where evidence starts."""
    days = derived.days
    for i, (day, best) in enumerate(zip(days, derived.decisive, strict=True)):
        end = days[i + 1] - timedelta(days=1) if i + 1 < len(days) else None
        yield day, end, best.state, _last_known([best])


def time_in_state(
    db: str | Engine | Snapshot,
    *,
    pair: str | None = None,
    kind: str | Kind | None = None,
    until: date | str | None = None,
    stale_days: int = tl.DEFAULT_STALE_DAYS,
) -> pd.DataFrame:
    """How many days each channel spent in each state, year by year.

    Counts every day from the channel's first evidence to `until` (inclusive; default
    today). Days before the first evidence are not counted (nothing covers them), so
    a channel's days sum to ``until - first start + 1``. Columns: pair, kind, year,
    state, days, stale_days (how many of those days the status was stale: its evidence
    more than `stale_days` old, so the state is carried forward, not observed). Only
    rows with days > 0.
    """
    horizon = _day(until, "until") or date.today()
    snap = load(db, pair=pair, kind=kind)
    policy = tl.Policy(stale_days=stale_days)
    totals: dict[tuple[str, Kind, int, State], list[int]] = {}

    def add(key: tuple[str, Kind, State], first: date, last: date, stale: bool) -> None:
        for year, days in _split_by_year(first, last):
            entry = totals.setdefault((key[0], key[1], year, key[2]), [0, 0])
            entry[0] += days
            entry[1] += days if stale else 0

    for (p, k), derived in snap.derived(policy):
        for start, end, state, known in _segments(derived):
            last = horizon if end is None else min(end, horizon)
            if start > last:
                continue
            # Stale from the first day more than stale_days after the evidence's last day.
            turn = known + timedelta(days=stale_days + 1) if known else start
            if turn > start:
                add((p, k, state), start, min(last, turn - timedelta(days=1)), False)
            if turn <= last:
                add((p, k, state), max(start, turn), last, True)
    rows = [
        {"pair": p, "kind": k, "year": y, "state": s, "days": d, "stale_days": sd}
        for (p, k, y, s), (d, sd) in totals.items()
    ]
    out = _frame(
        rows,
        {
            "pair": TEXT,
            "kind": KIND_DTYPE,
            "year": "int64",
            "state": STATE_DTYPE,
            "days": "int64",
            "stale_days": "int64",
        },
    )
    return _sort_channels(out, "year", "state")


_SPELL_TYPES: dict[str, Any] = {
    "pair": TEXT,
    "kind": KIND_DTYPE,
    "start": DATETIME,
    "end": DATETIME,
    "days": "float64",
    "ongoing": "bool",
    "start_state": STATE_DTYPE,
    "end_state": STATE_DTYPE,
    "start_precision": PRECISION_DTYPE,
    "end_precision": PRECISION_DTYPE,
    "start_evidence_id": "int64",
    "end_evidence_id": "Int64",
    "start_quote": TEXT,
    "end_quote": TEXT,
}


def suspension_spells(
    db: str | Engine | Snapshot, *, pair: str | None = None, kind: str | Kind | None = None
) -> pd.DataFrame:
    """Each spell a channel did not work: from suspension (or rejection) to restoration.

    A spell begins when the derived state turns `suspended` or `rejected` and ends on
    the first day it is `open` or `restored` again; consecutive suspended and rejected
    stretches are one spell. Columns: pair, kind, start, end (NaT if ongoing), days
    (end - start; NaN if ongoing), ongoing, start_state, end_state, start_precision,
    end_precision (how finely the evidence dates each end: a `year` start is only known
    to fall in that year), start_evidence_id, end_evidence_id, start_quote, end_quote.
    """
    snap = load(db, pair=pair, kind=kind)
    policy = tl.Policy()
    rows: list[dict[str, Any]] = []
    for (p, k), derived in snap.derived(policy):
        spell: dict[str, Any] | None = None
        for iv, best in derived.intervals():
            if iv.state in NOT_WORKING and spell is None:
                spell = {
                    "pair": p,
                    "kind": k,
                    "start": iv.start,
                    "end": None,
                    "days": np.nan,
                    "ongoing": True,
                    "start_state": iv.state,
                    "end_state": None,
                    "start_precision": best.precision,
                    "end_precision": None,
                    "start_evidence_id": best.evidence_id,
                    "end_evidence_id": None,
                    "start_quote": best.quote,
                    "end_quote": None,
                }
            elif iv.state in tl.WORKING and spell is not None:
                spell.update(
                    end=iv.start,
                    days=float((iv.start - spell["start"]).days),
                    ongoing=False,
                    end_state=iv.state,
                    end_precision=best.precision,
                    end_evidence_id=best.evidence_id,
                    end_quote=best.quote,
                )
                rows.append(spell)
                spell = None
        if spell is not None:
            rows.append(spell)
    return _frame(rows, _SPELL_TYPES)


def _events(facts: Sequence[Fact]) -> list[list[Fact]]:
    """Groups of facts making the same claim (same state and modality, overlapping
    times or the same quote), closed under that relation."""
    parent = list(range(len(facts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    position = {f.evidence_id: i for i, f in enumerate(facts)}
    by_modality: dict[Modality, list[Fact]] = {}
    for fact in facts:
        by_modality.setdefault(fact.modality, []).append(fact)
    for peers in by_modality.values():
        same = tl.corroboration(peers)
        for fact in peers:
            i = position[fact.evidence_id]
            for other in same(fact):
                parent[root(position[other.evidence_id])] = root(i)
    groups: dict[int, list[Fact]] = {}
    for i, fact in enumerate(facts):
        groups.setdefault(root(i), []).append(fact)
    return list(groups.values())


def sources_per_event(
    db: str | Engine | Snapshot, *, pair: str | None = None, kind: str | Kind | None = None
) -> pd.DataFrame:
    """Corroboration: each event (one claim, however many articles carry it) and its sources.

    Evidence an analyst rejected is left out. Columns: pair, kind, state, modality,
    start, end, sources (distinct articles), evidence (pieces), evidence_ids,
    first_published, last_published, quote (of the earliest evidence).
    """
    snap = load(db, pair=pair, kind=kind)
    rows = []
    for (p, k), facts in _channel_items(snap):
        kept = [f for f in facts if f.review != Review.REJECTED]
        for group in _events(kept):
            group.sort(key=lambda f: (tl.effective_start(f) or date.max, f.evidence_id))
            starts = [d for f in group if (d := tl.effective_start(f)) is not None]
            ends = [d for f in group if (d := tl.effective_end(f)) is not None]
            published = [f.published for f in group if f.published is not None]
            rows.append(
                {
                    "pair": p,
                    "kind": k,
                    "state": group[0].state,
                    "modality": group[0].modality,
                    "start": min(starts, default=None),
                    "end": max(ends, default=None),
                    "sources": len({f.article_id for f in group}),
                    "evidence": len(group),
                    "evidence_ids": sorted(f.evidence_id for f in group),
                    "first_published": min(published, default=None),
                    "last_published": max(published, default=None),
                    "quote": group[0].quote,
                }
            )
    out = _frame(
        rows,
        {
            "pair": TEXT,
            "kind": KIND_DTYPE,
            "state": STATE_DTYPE,
            "modality": MODALITY_DTYPE,
            "start": DATETIME,
            "end": DATETIME,
            "sources": "int64",
            "evidence": "int64",
            "evidence_ids": "object",
            "first_published": DATETIME,
            "last_published": DATETIME,
            "quote": TEXT,
        },
    )
    order = out["evidence_ids"].map(lambda ids: ids[0] if ids else 0)
    out = out.assign(_first=order)
    return _sort_channels(out, "start", "_first").drop(columns="_first")


_CONFLICT_TYPES: dict[str, Any] = {
    "pair": TEXT,
    "kind": KIND_DTYPE,
    "first_id": "int64",
    "first_state": STATE_DTYPE,
    "first_start": DATETIME,
    "first_end": DATETIME,
    "first_quote": TEXT,
    "first_source": TEXT,
    "second_id": "int64",
    "second_state": STATE_DTYPE,
    "second_start": DATETIME,
    "second_end": DATETIME,
    "second_quote": TEXT,
    "second_source": TEXT,
}


def conflicts(
    db: str | Engine | Snapshot, *, pair: str | None = None, kind: str | Kind | None = None
) -> pd.DataFrame:
    """Pairs of counting evidence of one channel whose states disagree over overlapping
    times, for an analyst to settle. One row per pair of evidence (first, second)."""
    snap = load(db, pair=pair, kind=kind)
    rows = []
    for (p, k), facts in _channel_items(snap):
        for c in tl.conflicts(p, k, facts, tl.Policy()):
            row: dict[str, Any] = {"pair": p, "kind": k}
            for prefix, f in (("first", c.first), ("second", c.second)):
                row |= {
                    f"{prefix}_id": f.evidence_id,
                    f"{prefix}_state": f.state,
                    f"{prefix}_start": tl.effective_start(f),
                    f"{prefix}_end": tl.effective_end(f),
                    f"{prefix}_quote": f.quote,
                    f"{prefix}_source": f.source,
                }
            rows.append(row)
    return _frame(rows, _CONFLICT_TYPES)
