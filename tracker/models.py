"""The relational model: parties, channels, articles and the evidence that links them.

Calendar facts (publication and effective dates) are stored as DATE, instants as UTC.
Uniqueness lives in constraints, so concurrent ingests cannot duplicate rows.
"""

import hashlib
from collections.abc import Iterable
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Column,
    DateTime,
    Index,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import Integer
from sqlmodel import Field, SQLModel

from tracker.vocab import (
    EVIDENCE_STATES,
    DateHow,
    Kind,
    Modality,
    Precision,
    PublishedHow,
    Review,
)

# Named constraints from the first migration on: SQLite batch migrations need names.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata: MetaData = SQLModel.metadata


def _in(column: str, values: Iterable[StrEnum]) -> str:
    return f"{column} IN ({', '.join(repr(v.value) for v in values)})"


def utcnow() -> datetime:
    return datetime.now(UTC)


def quote_key(quote: str) -> str:
    """The key of a quote with its white space folded: copies of one wire story that wrap
    their lines differently share it, so the store can find them with an index."""
    return hashlib.md5(" ".join(quote.split()).encode("utf-8"), usedforsecurity=False).hexdigest()


def _quote_key_default(context: Any) -> str:
    return quote_key(context.get_current_parameters()["quote"])


class span_days(FunctionElement[int]):
    """How many days an evidence's effective interval spans, in the database's date
    arithmetic: the key of the index that bounds how far back an overlap can start."""

    type = Integer()
    inherit_cache = True
    name = "span_days"


@compiles(span_days, "sqlite")
def _span_days_sqlite(element: span_days, compiler: SQLCompiler, **kw: Any) -> str:
    return "(julianday(effective_end) - julianday(effective_start))"


@compiles(span_days)
def _span_days(element: span_days, compiler: SQLCompiler, **kw: Any) -> str:
    return "(effective_end - effective_start)"


class Party(SQLModel, table=True):
    """A state, by ISO 3166-1 alpha-2 code."""

    code: str = Field(primary_key=True, max_length=8)
    name: str = Field(max_length=200)


class PartyAlias(SQLModel, table=True):
    """A name that stands for a party in text: a country name, capital, institution or person."""

    __tablename__ = "party_alias"
    alias: str = Field(primary_key=True, max_length=200)
    party_code: str = Field(foreign_key="party.code", index=True, max_length=8)
    category: str = Field(default="name", max_length=40)


class Channel(SQLModel, table=True):
    """A communication channel: an unordered pair of parties and a kind."""

    __table_args__ = (
        UniqueConstraint("pair", "kind", name="uq_channel_pair_kind"),
        CheckConstraint(_in("kind", Kind), name="kind"),
    )
    id: int | None = Field(default=None, primary_key=True)
    pair: str = Field(index=True, max_length=17)
    party_a: str = Field(foreign_key="party.code", max_length=8)
    party_b: str = Field(foreign_key="party.code", max_length=8)
    kind: str = Field(max_length=40)


class Article(SQLModel, table=True):
    """One article: a file, or one post of a forum thread, with its cleaned text."""

    __table_args__ = (
        UniqueConstraint("content_hash", name="uq_article_content_hash"),
        CheckConstraint(_in("published_how", PublishedHow), name="published_how"),
        Index("ix_article_published", "published"),
        Index("ix_article_source_index", "source", "article_index"),
    )
    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(sa_column=Column(Text, nullable=False))
    article_index: int = Field(default=0)
    title: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    published: date | None = Field(default=None)
    published_how: str = Field(default=PublishedHow.UNKNOWN.value, max_length=20)
    published_note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    text: str = Field(sa_column=Column(Text, nullable=False))
    content_hash: str = Field(max_length=64)
    ingested_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False)
    )


class Evidence(SQLModel, table=True):
    """One quote of one article asserting one state of one channel at one time."""

    __table_args__ = (
        UniqueConstraint(
            "article_id", "channel_id", "state", "char_start", "char_end", name="uq_evidence_claim"
        ),
        CheckConstraint(_in("state", EVIDENCE_STATES), name="state"),
        CheckConstraint(_in("precision", Precision), name="precision"),
        CheckConstraint(_in("date_how", DateHow), name="date_how"),
        CheckConstraint(_in("modality", Modality), name="modality"),
        CheckConstraint(_in("review", Review), name="review"),
        CheckConstraint("char_start >= 0 AND char_end > char_start", name="span"),
        CheckConstraint("confidence >= 0 AND confidence <= 1", name="confidence"),
        CheckConstraint(
            "effective_start IS NULL OR effective_end IS NULL OR effective_start <= effective_end",
            name="interval",
        ),
        Index("ix_evidence_channel_effective", "channel_id", "effective_start"),
        # Status on a day reads only the evidence that can decide it (store.status_facts):
        # the latest start by channel and state, how far back an overlapping interval can
        # begin, and copies of a quote.
        Index(
            "ix_evidence_channel_state_span",
            "channel_id",
            "state",
            "effective_start",
            "effective_end",
        ),
        Index("ix_evidence_channel_span", "channel_id", span_days()),
        Index("ix_evidence_channel_quote", "channel_id", "quote_key"),
    )
    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    channel_id: int = Field(foreign_key="channel.id", ondelete="CASCADE")
    state: str = Field(max_length=20)
    effective_start: date | None = Field(default=None)
    effective_end: date | None = Field(default=None)
    precision: str = Field(default=Precision.UNKNOWN.value, max_length=20)
    date_how: str = Field(default=DateHow.PUBLICATION.value, max_length=20)
    modality: str = Field(default=Modality.ASSERTED.value, max_length=20)
    quote: str = Field(sa_column=Column(Text, nullable=False))
    # quote_key(quote), filled in on insert.
    quote_key: str = Field(sa_column=Column(String(32), nullable=False, default=_quote_key_default))
    char_start: int
    char_end: int
    confidence: float = Field(default=0.5)
    extractor_version: str = Field(default="", max_length=40)
    review: str = Field(default=Review.MACHINE.value, max_length=20)
    note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False)
    )
