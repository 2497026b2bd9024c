"""Data functions over the store: write articles and evidence, read facts back.

Keyword-only, session first. Writes are idempotent and safe under concurrent
writers: they lean on the unique constraints (insert, ignore the conflict, select).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from tracker.gazetteer import party_name
from tracker.models import metadata, utcnow
from tracker.published import LOWER_BOUND_NOTE
from tracker.vocab import (
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


def _counting(as_of: date | None) -> Any:
    """The SQL twin of timeline.counts for the default policy: asserted or accepted, not
    rejected, and known by `as_of`."""
    counted = or_(
        EVIDENCE.c.review == Review.ACCEPTED.value,
        and_(
            EVIDENCE.c.modality == Modality.ASSERTED.value,
            EVIDENCE.c.review != Review.REJECTED.value,
        ),
    )
    return counted if as_of is None else and_(counted, ARTICLE.c.published <= as_of)


def status_facts(
    *, session: Session, pair: str, kind: Kind, on: date, as_of: date | None = None
) -> list[Fact]:
    """The few facts of one channel that can decide its status on `on`.

    Status is decided by the latest effective start not after `on` and the facts that
    corroborate it (same state, overlapping times), so only those are read: a range scan
    on (channel, effective start) instead of the channel's whole history. Facts with no
    effective start (dated by their publication) are few and always read.
    """
    channel = session.execute(
        select(CHANNEL.c.id).where(CHANNEL.c.pair == pair, CHANNEL.c.kind == str(kind))
    ).scalar_one_or_none()
    if channel is None:
        return []
    joined = EVIDENCE.join(ARTICLE, ARTICLE.c.id == EVIDENCE.c.article_id)
    mine = and_(EVIDENCE.c.channel_id == channel, _counting(as_of))
    latest = session.execute(
        select(func.max(EVIDENCE.c.effective_start))
        .select_from(joined)
        .where(mine, EVIDENCE.c.effective_start <= on)
    ).scalar_one_or_none()
    query = _fact_query().where(EVIDENCE.c.channel_id == channel, _counting(as_of))
    undated = query.where(EVIDENCE.c.effective_start.is_(None))
    found = [_to_fact(r) for r in session.execute(undated).all()]
    if latest is None:
        return found
    reach = session.execute(
        select(func.max(func.coalesce(EVIDENCE.c.effective_end, EVIDENCE.c.effective_start)))
        .select_from(joined)
        .where(mine, EVIDENCE.c.effective_start == latest)
    ).scalar_one()
    window = query.where(
        EVIDENCE.c.effective_start <= reach,
        func.coalesce(EVIDENCE.c.effective_end, EVIDENCE.c.effective_start) >= latest,
    )
    found.extend(_to_fact(r) for r in session.execute(window).all())
    # Copies of one wire story carry the same quote under other dates: they corroborate
    # the claims that can win the day (undated ones fall back to their publication).
    contenders = [f for f in found if (f.effective_start or f.published or latest) >= latest]
    seen = {f.evidence_id for f in found}
    copies = query.where(EVIDENCE.c.quote.in_(sorted({f.quote for f in contenders})))
    rows = session.execute(copies).all()
    found.extend(f for f in map(_to_fact, rows) if f.evidence_id not in seen)
    return found


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
