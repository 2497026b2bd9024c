"""Data functions over the store: write articles and evidence, read facts back.

Keyword-only, session first. Writes are idempotent and safe under concurrent
writers: they lean on the unique constraints (insert, ignore the conflict, select).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlalchemy import and_, bindparam, case, delete, func, or_, select, union_all, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from tracker.gazetteer import party_name
from tracker.models import metadata, span_days, utcnow
from tracker.published import LOWER_BOUND_NOTE
from tracker.timeline import Policy, counts, effective_start
from tracker.vocab import (
    EVIDENCE_STATES,
    ArticleText,
    Claim,
    Fact,
    Kind,
    Modality,
    Precision,
    PublishedHow,
    Review,
    State,
)

# The Core tables behind the models: typed columns for queries, one name per table.
ARTICLE = metadata.tables["article"]
CHANNEL = metadata.tables["channel"]
EVIDENCE = metadata.tables["evidence"]
PARTY = metadata.tables["party"]


class NotFound(LookupError):
    """A row the caller named does not exist."""


def content_hash(text: str) -> str:
    """The identity of an article: the same text ingested twice is one article."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _insert_ignore(session: Session, table: Any, rows: Sequence[dict[str, Any]]) -> list[Any]:
    """INSERT … ON CONFLICT DO NOTHING, so concurrent writers never collide.

    Returns the primary keys of the rows that were new (drivers' rowcounts are not
    reliable for this statement; RETURNING is, on SQLite and PostgreSQL alike).
    """
    if not rows:
        return []
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        stmt: Any = postgresql.insert(table).on_conflict_do_nothing()
    elif dialect == "sqlite":
        stmt = sqlite.insert(table).on_conflict_do_nothing()
    else:  # pragma: no cover - other databases get a plain insert
        stmt = table.insert()
    stmt = stmt.returning(*table.primary_key.columns)
    # Core execution on the session's connection, one statement for all rows.
    result = session.connection().execute(stmt, rows[0] if len(rows) == 1 else list(rows))
    return [row[0] for row in result.all()]


def ensure_channel(*, session: Session, pair: str, kind: Kind) -> int:
    """The id of the channel (pair, kind), creating it and its parties on first use."""
    a, b = pair.split("-")
    _insert_ignore(
        session,
        PARTY,
        [{"code": code, "name": party_name(code)} for code in sorted({a, b})],
    )
    _insert_ignore(
        session,
        CHANNEL,
        [{"pair": pair, "party_a": a, "party_b": b, "kind": str(kind)}],
    )
    found = session.execute(
        select(CHANNEL.c.id).where(CHANNEL.c.pair == pair, CHANNEL.c.kind == str(kind))
    ).scalar_one()
    return int(found)


def find_article(*, session: Session, text: str) -> int | None:
    """The id of the stored article with exactly this text, if any."""
    found = session.execute(
        select(ARTICLE.c.id).where(ARTICLE.c.content_hash == content_hash(text))
    ).scalar_one_or_none()
    return None if found is None else int(found)


def add_article(*, session: Session, source: str, article: ArticleText) -> tuple[int, bool]:
    """Store an article; returns its id and whether it is new."""
    digest = content_hash(article.text)
    existing = find_article(session=session, text=article.text)
    if existing is not None:
        return existing, False
    inserted = _insert_ignore(
        session,
        ARTICLE,
        [
            {
                "source": source,
                "article_index": article.index,
                "title": article.title,
                "published": article.published,
                "published_how": str(article.published_how),
                "published_note": article.published_note,
                "text": article.text,
                "content_hash": digest,
                "ingested_at": utcnow(),
            }
        ],
    )
    # Another writer may have stored the same text between our look and our insert.
    found = find_article(session=session, text=article.text)
    assert found is not None
    return found, bool(inserted)


def _evidence_row(
    article_id: int,
    channel_id: int,
    claim: Claim,
    version: str,
    review: Review,
    note: str | None = None,
) -> dict[str, Any]:
    """The evidence table's row for a claim of an article."""
    return {
        "article_id": article_id,
        "channel_id": channel_id,
        "state": str(claim.state),
        "effective_start": claim.effective_start,
        "effective_end": claim.effective_end,
        "precision": str(claim.precision),
        "date_how": str(claim.date_how),
        "modality": str(claim.modality),
        "quote": claim.quote,
        "char_start": claim.char_start,
        "char_end": claim.char_end,
        "confidence": claim.confidence,
        "extractor_version": version,
        "review": review.value,
        "note": note,
        "created_at": utcnow(),
    }


def add_claims(*, session: Session, article_id: int, claims: Iterable[Claim], version: str) -> int:
    """Store an article's claims, replacing earlier machine evidence of it.

    Evidence an analyst reviewed survives: a re-extracted claim with the same span is
    not stored twice (the unique constraint keeps the reviewed row).
    """
    session.execute(
        delete(EVIDENCE).where(
            and_(EVIDENCE.c.article_id == article_id, EVIDENCE.c.review == Review.MACHINE.value)
        )
    )
    rows = []
    for claim in claims:
        channel_id = ensure_channel(session=session, pair=claim.pair, kind=claim.kind)
        rows.append(_evidence_row(article_id, channel_id, claim, version, Review.MACHINE))
    _insert_ignore(session, EVIDENCE, rows)
    return len(rows)


def set_published(
    *, session: Session, article_id: int, published: date, how: PublishedHow, note: str
) -> None:
    session.execute(
        update(ARTICLE)
        .where(ARTICLE.c.id == article_id)
        .values(published=published, published_how=str(how), published_note=note)
    )


@dataclass(frozen=True)
class StoredArticle:
    """What re-extraction and date inference need of a stored article."""

    id: int
    source: str
    article_index: int
    text: str
    published: date | None
    published_how: PublishedHow
    published_note: str | None = None


def articles_by_how(*, session: Session, hows: Sequence[PublishedHow]) -> list[StoredArticle]:
    """Articles whose date came from one of `hows` and was not yet dated from a copy."""
    rows = session.execute(
        select(
            ARTICLE.c.id,
            ARTICLE.c.source,
            ARTICLE.c.article_index,
            ARTICLE.c.text,
            ARTICLE.c.published,
            ARTICLE.c.published_how,
            ARTICLE.c.published_note,
        )
        .where(ARTICLE.c.published_how.in_([str(h) for h in hows]))
        .where(
            or_(
                ARTICLE.c.published_note.is_(None),
                ARTICLE.c.published_note == LOWER_BOUND_NOTE,
            )
        )
    ).all()
    return [StoredArticle(r[0], r[1], r[2], r[3], r[4], PublishedHow(r[5]), r[6]) for r in rows]


def sharing_channel(*, session: Session, article_id: int) -> list[StoredArticle]:
    """Dated articles with evidence on a pair that this article also speaks of."""
    mine = (
        select(CHANNEL.c.pair)
        .join(EVIDENCE, EVIDENCE.c.channel_id == CHANNEL.c.id)
        .where(EVIDENCE.c.article_id == article_id)
    )
    dated = [str(h) for h in (PublishedHow.CLI, PublishedHow.SIDECAR, PublishedHow.TEXT)]
    rows = session.execute(
        select(
            ARTICLE.c.id,
            ARTICLE.c.source,
            ARTICLE.c.article_index,
            ARTICLE.c.text,
            ARTICLE.c.published,
            ARTICLE.c.published_how,
        )
        .distinct()
        .join(EVIDENCE, EVIDENCE.c.article_id == ARTICLE.c.id)
        .join(CHANNEL, CHANNEL.c.id == EVIDENCE.c.channel_id)
        .where(CHANNEL.c.pair.in_(mine), ARTICLE.c.published_how.in_(dated))
        .where(ARTICLE.c.id != article_id)
    ).all()
    return [StoredArticle(r[0], r[1], r[2], r[3], r[4], PublishedHow(r[5])) for r in rows]


def quotes_of(*, session: Session, article_id: int) -> list[str]:
    """The quotes of an article's evidence."""
    query = select(EVIDENCE.c.quote).where(EVIDENCE.c.article_id == article_id)
    return [str(q) for q in session.execute(query).scalars().all()]


def _fact_query() -> Any:
    return (
        select(
            EVIDENCE.c.id,
            EVIDENCE.c.article_id,
            CHANNEL.c.pair,
            CHANNEL.c.kind,
            EVIDENCE.c.state,
            EVIDENCE.c.modality,
            EVIDENCE.c.effective_start,
            EVIDENCE.c.effective_end,
            EVIDENCE.c.precision,
            EVIDENCE.c.confidence,
            EVIDENCE.c.review,
            ARTICLE.c.published,
            EVIDENCE.c.quote,
            ARTICLE.c.source,
        )
        .join(CHANNEL, CHANNEL.c.id == EVIDENCE.c.channel_id)
        .join(ARTICLE, ARTICLE.c.id == EVIDENCE.c.article_id)
    )


def _to_fact(r: Any) -> Fact:
    return Fact(
        evidence_id=r[0],
        article_id=r[1],
        pair=r[2],
        kind=Kind(r[3]),
        state=State(r[4]),
        modality=Modality(r[5]),
        effective_start=r[6],
        effective_end=r[7],
        precision=Precision(r[8]),
        confidence=r[9],
        review=Review(r[10]),
        published=r[11],
        quote=r[12],
        source=r[13],
    )


def facts(*, session: Session, pair: str | None = None, kind: Kind | None = None) -> list[Fact]:
    """Every piece of evidence as derivation sees it, optionally for one pair or channel."""
    query = _fact_query()
    if pair is not None:
        query = query.where(CHANNEL.c.pair == pair)
    if kind is not None:
        query = query.where(CHANNEL.c.kind == str(kind))
    return [_to_fact(r) for r in session.execute(query.order_by(EVIDENCE.c.id)).all()]


def _fact_columns(ev: Any, ar: Any) -> tuple[Any, ...]:
    """The columns _row_fact reads, for aliases of evidence and article."""
    return (
        ev.c.id,
        ev.c.article_id,
        ev.c.channel_id,
        ev.c.state,
        ev.c.modality,
        ev.c.effective_start,
        ev.c.effective_end,
        ev.c.precision,
        ev.c.confidence,
        ev.c.review,
        ar.c.published,
        ev.c.quote,
        ar.c.source,
    )


def _counting_in(ev: Any, ar: Any, as_of: bool) -> Any:
    """timeline.counts in SQL under the default policy: asserted or accepted, not
    rejected, and (with `as_of`, the bound parameter) known by then."""
    counted = or_(
        ev.c.review == Review.ACCEPTED.value,
        and_(ev.c.modality == Modality.ASSERTED.value, ev.c.review != Review.REJECTED.value),
    )
    return and_(counted, ar.c.published <= bindparam("as_of")) if as_of else counted


def _sql_day(value: Any) -> date | None:
    """A date from a column or an aggregate over one (SQLite returns the text of a max)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


_STATE_BITS = EVIDENCE_STATES


@dataclass(frozen=True)
class _Window:
    """Where the decisive evidence of one channel on a day can be: its latest counting
    start `day` not after the day, the latest end of the evidence starting then (`reach`),
    and how many days the channel's longest interval spans (`longest`)."""

    channel_id: int
    kind: Kind
    day: date | None
    reach: date | None
    longest: int
    states: tuple[State, ...]


@cache
def _windows_statement(one_kind: bool, as_of: bool) -> Any:
    """Per channel of :pair (and :kind): a backward index scan for its latest counting
    start not after :on, a max over the evidence starting then, and a max over the index
    on interval length."""
    ev, ar = EVIDENCE.alias("e"), ARTICLE.alias("a")
    source = ev.join(ar, ar.c.id == ev.c.article_id) if as_of else ev
    channels = select(CHANNEL.c.id, CHANNEL.c.kind).where(CHANNEL.c.pair == bindparam("pair"))
    if one_kind:
        channels = channels.where(CHANNEL.c.kind == bindparam("kind"))
    latest = (
        select(ev.c.effective_start)
        .select_from(source)
        .where(
            ev.c.channel_id == CHANNEL.c.id,
            ev.c.effective_start <= bindparam("on"),
            _counting_in(ev, ar, as_of),
        )
        .order_by(ev.c.effective_start.desc())
        .limit(1)
        .scalar_subquery()
    )
    days = channels.add_columns(latest.label("day")).cte("days")
    ties, tie_articles = EVIDENCE.alias("t"), ARTICLE.alias("ta")
    tie_source = ties.join(tie_articles, tie_articles.c.id == ties.c.article_id) if as_of else ties
    reach = (
        select(func.max(func.coalesce(ties.c.effective_end, ties.c.effective_start)))
        .select_from(tie_source)
        .where(
            ties.c.channel_id == days.c.id,
            ties.c.effective_start == days.c.day,
            _counting_in(ties, tie_articles, as_of),
        )
        .scalar_subquery()
    )
    longest = (
        select(func.max(span_days()))
        .select_from(EVIDENCE)
        .where(EVIDENCE.c.channel_id == days.c.id)
        .scalar_subquery()
    )
    # The states of the evidence starting on that day, as a sum of distinct powers of two.
    bits = case(
        *((ties.c.state == state.value, 1 << i) for i, state in enumerate(_STATE_BITS)),
        else_=0,
    )
    states = (
        select(func.sum(bits.distinct()))
        .where(ties.c.channel_id == days.c.id, ties.c.effective_start == days.c.day)
        .scalar_subquery()
    )
    return select(
        days.c.id,
        days.c.kind,
        days.c.day,
        reach.label("reach"),
        longest.label("longest"),
        states.label("states"),
    )


def _candidate_parts(n: int, states: int, as_of: bool) -> list[Any]:
    """The evidence of channel :c<n> that can decide its status on :day<n> or corroborate
    what decides it: of each state :s<n>_<i> of the evidence starting on :day<n>, evidence
    whose interval meets :day<n> and starts between :lo<n> (:day<n> minus the longest
    interval) and :hi<n> (the latest end of the evidence starting on :day<n>); and
    evidence quoting one starting on :day<n> (copies of a wire story, wherever their
    dates fall). Each part is a range scan of one index."""
    ev, ar = EVIDENCE.alias(f"e{n}"), ARTICLE.alias(f"a{n}")
    ties = EVIDENCE.alias(f"t{n}")
    channel: Any = bindparam(f"c{n}")
    day: Any = bindparam(f"day{n}")
    at_day = and_(ties.c.channel_id == channel, ties.c.effective_start == day)

    def part(*where: Any) -> Any:
        return (
            select(*_fact_columns(ev, ar))
            .select_from(ev.join(ar, ar.c.id == ev.c.article_id))
            .where(ev.c.channel_id == channel, _counting_in(ev, ar, as_of), *where)
        )

    parts = []
    for i in range(states):
        window = (
            ev.c.state == bindparam(f"s{n}_{i}"),
            ev.c.effective_start >= bindparam(f"lo{n}"),
            ev.c.effective_start <= bindparam(f"hi{n}"),
        )
        parts.append(part(*window, ev.c.effective_end >= day))
        parts.append(part(*window, ev.c.effective_start >= day, ev.c.effective_end.is_(None)))
    parts.append(part(ev.c.quote_key.in_(select(ties.c.quote_key).where(at_day))))
    return parts


@cache
def _candidates_statement(dated: int, states: int, as_of: bool) -> Any:
    """The candidates of `dated` channels with a deciding day, with room for `states`
    states of the evidence starting on that day (_candidate_parts; a state left NULL
    matches nothing), and the evidence of the channels :ids with no effective start,
    whose start is their publication."""
    ev, ar = EVIDENCE.alias("u"), ARTICLE.alias("ua")
    undated = (
        select(*_fact_columns(ev, ar))
        .select_from(ev.join(ar, ar.c.id == ev.c.article_id))
        .where(
            ev.c.channel_id.in_(bindparam("ids", expanding=True)),
            ev.c.effective_start.is_(None),
            _counting_in(ev, ar, as_of),
        )
    )
    parts = [p for n in range(dated) for p in _candidate_parts(n, states, as_of)]
    return union_all(*parts, undated) if parts else undated


@cache
def _channel_statement() -> Any:
    ev, ar = EVIDENCE.alias("e"), ARTICLE.alias("a")
    return (
        select(*_fact_columns(ev, ar))
        .select_from(ev.join(ar, ar.c.id == ev.c.article_id))
        .where(ev.c.channel_id == bindparam("c"))
    )


_STATES = {s.value: s for s in State}
_MODALITIES = {m.value: m for m in Modality}
_PRECISIONS = {p.value: p for p in Precision}
_REVIEWS = {r.value: r for r in Review}


def _row_fact(r: Any, pair: str, kind: Kind) -> Fact:
    return Fact(
        evidence_id=r[0],
        article_id=r[1],
        pair=pair,
        kind=kind,
        state=_STATES[r[3]],
        modality=_MODALITIES[r[4]],
        effective_start=_sql_day(r[5]),
        effective_end=_sql_day(r[6]),
        precision=_PRECISIONS[r[7]],
        confidence=r[8],
        review=_REVIEWS[r[9]],
        published=_sql_day(r[10]),
        quote=r[11],
        source=r[12],
    )


def status_facts(
    *,
    session: Session,
    pair: str,
    on: date,
    kind: Kind | None = None,
    as_of: date | None = None,
) -> dict[Kind, list[Fact]]:
    """The few facts of each channel of a pair (or of one channel) that can decide its
    status on `on` under the default policy, by channel kind; every channel of the pair
    is listed, with no facts if it has none.

    Status is decided by the counting evidence with the latest effective start D not
    after `on`, ranked and supported by the evidence corroborating it (same state,
    overlapping times or the same quote), so only those are read, by index range scans in
    two statements for the whole pair: where D is and how far back an overlap can start
    (_windows_statement), then every channel's candidates (_candidates_statement).
    Evidence with no effective start takes its start from its publication; it is rare
    and always read. When such evidence starts on or after D (and by `on`), it can decide
    the day or tie with D, and that channel is read whole.
    """
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        # A few short index range scans: starting parallel workers costs more than they do.
        conn.exec_driver_sql("SET LOCAL max_parallel_workers_per_gather = 0")
    params: dict[str, Any] = {"pair": pair, "on": on, "kind": str(kind), "as_of": as_of}
    windows = [
        _Window(
            int(cid),
            Kind(k),
            _sql_day(day),
            _sql_day(hi),
            math.ceil(float(span or 0)),
            tuple(s for i, s in enumerate(_STATE_BITS) if int(bits or 0) >> i & 1),
        )
        for cid, k, day, hi, span, bits in conn.execute(
            _windows_statement(kind is not None, as_of is not None), params
        )
    ]
    found: dict[Kind, dict[int, Fact]] = {w.kind: {} for w in windows}
    if windows:
        by_id = {w.channel_id: w for w in windows}
        dated = [w for w in windows if w.day is not None]
        bounds: dict[str, Any] = {"ids": list(by_id), "as_of": as_of}
        for n, w in enumerate(dated):
            assert w.day is not None
            bounds |= {
                f"c{n}": w.channel_id,
                f"day{n}": w.day,
                f"lo{n}": w.day - timedelta(days=w.longest + 1),
                f"hi{n}": w.reach or w.day,
            }
        # Evidence starting on one day rarely holds more than one state: room for one or
        # two keeps the statements few, so each is compiled (and planned) once.
        room = max((len(w.states) for w in dated), default=1)
        room = 1 if room <= 1 else 2 if room == 2 else len(_STATE_BITS)
        for n, w in enumerate(dated):
            bounds |= {f"s{n}_{i}": None for i in range(room)}
            bounds |= {f"s{n}_{i}": state.value for i, state in enumerate(w.states)}
        statement = _candidates_statement(len(dated), room, as_of is not None)
        for r in conn.execute(statement, bounds):
            k = by_id[r[2]].kind
            found[k].setdefault(r[0], _row_fact(r, pair, k))
    policy = Policy(as_of=as_of)
    for w in windows:
        if any(
            f.effective_start is None
            and counts(f, policy)
            and (start := effective_start(f)) is not None
            and start <= on
            and (w.day is None or start >= w.day)
            for f in found[w.kind].values()
        ):
            rows = conn.execute(_channel_statement(), {"c": w.channel_id})
            found[w.kind] = {r[0]: _row_fact(r, pair, w.kind) for r in rows}
    if kind is not None:
        found.setdefault(kind, {})
    return {k: list(facts.values()) for k, facts in found.items()}


def channel_list(*, session: Session, pair: str | None = None) -> list[tuple[str, Kind]]:
    """Every channel that has evidence, optionally of one pair, in a stable order."""
    query = select(CHANNEL.c.pair, CHANNEL.c.kind).order_by(CHANNEL.c.pair, CHANNEL.c.kind)
    if pair is not None:
        query = query.where(CHANNEL.c.pair == pair)
    return [(p, Kind(k)) for p, k in session.execute(query).all()]


EVIDENCE_COLUMNS = (
    "id",
    "source",
    "article_index",
    "published",
    "published_how",
    "pair",
    "kind",
    "state",
    "effective_start",
    "effective_end",
    "precision",
    "date_how",
    "modality",
    "quote",
    "char_start",
    "char_end",
    "confidence",
    "review",
    "extractor_version",
    "article_id",
    "title",
)


def evidence_rows(
    *, session: Session, pair: str | None = None, kind: Kind | None = None
) -> list[dict[str, Any]]:
    """Evidence with its article's metadata, as the `evidence` command prints it."""
    query = (
        select(
            EVIDENCE.c.id,
            ARTICLE.c.source,
            ARTICLE.c.article_index,
            ARTICLE.c.published,
            ARTICLE.c.published_how,
            CHANNEL.c.pair,
            CHANNEL.c.kind,
            EVIDENCE.c.state,
            EVIDENCE.c.effective_start,
            EVIDENCE.c.effective_end,
            EVIDENCE.c.precision,
            EVIDENCE.c.date_how,
            EVIDENCE.c.modality,
            EVIDENCE.c.quote,
            EVIDENCE.c.char_start,
            EVIDENCE.c.char_end,
            EVIDENCE.c.confidence,
            EVIDENCE.c.review,
            EVIDENCE.c.extractor_version,
            ARTICLE.c.id,
            ARTICLE.c.title,
        )
        .join(CHANNEL, CHANNEL.c.id == EVIDENCE.c.channel_id)
        .join(ARTICLE, ARTICLE.c.id == EVIDENCE.c.article_id)
    )
    if pair is not None:
        query = query.where(CHANNEL.c.pair == pair)
    if kind is not None:
        query = query.where(CHANNEL.c.kind == str(kind))
    query = query.order_by(
        CHANNEL.c.pair, CHANNEL.c.kind, EVIDENCE.c.effective_start, EVIDENCE.c.id
    )
    return [dict(zip(EVIDENCE_COLUMNS, row, strict=True)) for row in session.execute(query).all()]


def article_text(*, session: Session, article_id: int) -> str:
    text = session.execute(
        select(ARTICLE.c.text).where(ARTICLE.c.id == article_id)
    ).scalar_one_or_none()
    if text is None:
        raise NotFound(f"no article with id {article_id}")
    return str(text)


def counts_summary(*, session: Session) -> dict[str, int]:
    """How much the store holds, for a line after ingest."""
    return {
        "articles": int(session.execute(select(func.count()).select_from(ARTICLE)).scalar_one()),
        "evidence": int(session.execute(select(func.count()).select_from(EVIDENCE)).scalar_one()),
        "channels": int(session.execute(select(func.count()).select_from(CHANNEL)).scalar_one()),
    }


def published_dates(*, session: Session) -> list[tuple[str, date | None]]:
    """Every article's source and publication date."""
    query = select(ARTICLE.c.source, ARTICLE.c.published).order_by(ARTICLE.c.id)
    return [(str(s), d) for s, d in session.execute(query).all()]


def set_review(*, session: Session, evidence_id: int, review: Review, note: str | None) -> None:
    """Record an analyst's verdict on a piece of evidence."""
    found = session.execute(
        update(EVIDENCE)
        .where(EVIDENCE.c.id == evidence_id)
        .values(review=str(review), note=note)
        .returning(EVIDENCE.c.id)
    ).all()
    if not found:
        raise NotFound(f"no evidence with id {evidence_id}")


def add_reviewed(*, session: Session, article_id: int, claim: Claim, note: str | None) -> int:
    """Store evidence an analyst found; its quote must stand in the article at its offsets."""
    text = article_text(session=session, article_id=article_id)
    if text[claim.char_start : claim.char_end] != claim.quote:
        raise NotFound(f"the quote is not in article {article_id} at {claim.char_start}")
    channel_id = ensure_channel(session=session, pair=claim.pair, kind=claim.kind)
    row = _evidence_row(article_id, channel_id, claim, "analyst", Review.ACCEPTED, note)
    # The same span, channel and state may be a machine row already: the analyst's word wins.
    session.execute(
        delete(EVIDENCE).where(
            EVIDENCE.c.article_id == article_id,
            EVIDENCE.c.channel_id == channel_id,
            EVIDENCE.c.state == str(claim.state),
            EVIDENCE.c.char_start == claim.char_start,
            EVIDENCE.c.char_end == claim.char_end,
        )
    )
    inserted = _insert_ignore(session, EVIDENCE, [row])
    return int(inserted[0])


def article_ids(*, session: Session) -> list[int]:
    return [int(i) for i in session.execute(select(ARTICLE.c.id).order_by(ARTICLE.c.id)).scalars()]


def stored_article(*, session: Session, article_id: int) -> StoredArticle:
    row = session.execute(
        select(
            ARTICLE.c.id,
            ARTICLE.c.source,
            ARTICLE.c.article_index,
            ARTICLE.c.text,
            ARTICLE.c.published,
            ARTICLE.c.published_how,
            ARTICLE.c.published_note,
        ).where(ARTICLE.c.id == article_id)
    ).one_or_none()
    if row is None:
        raise NotFound(f"no article with id {article_id}")
    return StoredArticle(row[0], row[1], row[2], row[3], row[4], PublishedHow(row[5]), row[6])
