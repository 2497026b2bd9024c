"""The controlled vocabulary of the domain and the plain records that flow between stages.

Every stage (ingest, extract, timeline, report) speaks in these types, so each can be
tested alone: none of them touches the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Kind(StrEnum):
    """What a channel carries (domain.md, "Channel kinds")."""

    MILITARY_RELATIONS = "military-relations"
    DEFENSE_MINISTERS = "defense-ministers"
    MILITARY_CHIEFS = "military-chiefs"
    THEATER_COMMANDERS = "theater-commanders"
    OPERATIONAL_HOTLINE = "operational-hotline"
    MARITIME_SAFETY_TALKS = "maritime-safety-talks"
    DEFENSE_POLICY_TALKS = "defense-policy-talks"
    INTELLIGENCE_DIALOGUE = "intelligence-dialogue"
    DIPLOMATIC_CHANNEL = "diplomatic-channel"
    LEADERS = "leaders"
    ARMS_CONTROL = "arms-control"


class State(StrEnum):
    """The state of a channel; `unknown` is only ever derived, never extracted."""

    OPEN = "open"
    SUSPENDED = "suspended"
    REJECTED = "rejected"
    RESTORED = "restored"
    UNKNOWN = "unknown"


EVIDENCE_STATES: tuple[State, ...] = (State.OPEN, State.SUSPENDED, State.REJECTED, State.RESTORED)


class Precision(StrEnum):
    """How finely the effective interval of a claim is known."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    RANGE = "range"
    UNKNOWN = "unknown"


class DateHow(StrEnum):
    """How the effective interval of a claim was found."""

    EXPLICIT = "explicit"
    RELATIVE = "relative"
    PUBLICATION = "publication"


class PublishedHow(StrEnum):
    """Where an article's publication date came from, in order of trust."""

    CLI = "cli"
    SIDECAR = "sidecar"
    TEXT = "text"
    INFERRED = "inferred"
    UNKNOWN = "unknown"


class Modality(StrEnum):
    """Whether a claim states a fact or something planned, hoped for or conditional."""

    ASSERTED = "asserted"
    PLANNED = "planned"
    INTENT = "intent"
    HYPOTHETICAL = "hypothetical"


class Review(StrEnum):
    """An analyst's verdict on a piece of evidence."""

    MACHINE = "machine"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


@dataclass(frozen=True)
class ArticleText:
    """One article found in an input file, cleaned of page chrome."""

    index: int
    text: str
    title: str | None = None
    published: date | None = None
    published_how: PublishedHow = PublishedHow.UNKNOWN
    # What more there is to say of the date: that it is only a lower bound, for one.
    published_note: str | None = None


@dataclass(frozen=True)
class Claim:
    """One extracted statement that a channel was in a state at a time.

    `quote == text[char_start:char_end]` on the article text it was extracted from.
    """

    pair: str
    kind: Kind
    state: State
    modality: Modality
    quote: str
    char_start: int
    char_end: int
    effective_start: date | None = None
    effective_end: date | None = None
    precision: Precision = Precision.UNKNOWN
    date_how: DateHow = DateHow.PUBLICATION
    confidence: float = 0.5


@dataclass(frozen=True)
class Fact:
    """What status derivation needs to know of one stored piece of evidence."""

    evidence_id: int
    article_id: int
    pair: str
    kind: Kind
    state: State
    modality: Modality
    effective_start: date | None
    effective_end: date | None
    precision: Precision
    confidence: float
    review: Review
    published: date | None
    quote: str
    source: str = ""


@dataclass(frozen=True)
class ChannelStatus:
    """The derived status of one channel on one day, with the evidence that decides it."""

    pair: str
    kind: Kind
    on: date
    state: State
    since: date | None = None
    uncertain: bool = False
    stale: bool = False
    sources: int = 0
    quote: str | None = None
    evidence_id: int | None = None
    source: str | None = None
    published: date | None = None
    supporting_ids: tuple[int, ...] = field(default_factory=tuple)
