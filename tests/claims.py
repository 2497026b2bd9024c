"""Shorthands for tests of extraction rules: the asserted claims of a sentence as tuples."""

from __future__ import annotations

from datetime import date

from tracker.extract import extract
from tracker.vocab import Kind, Modality, State

# A Wednesday.
PUBLISHED = date(2021, 7, 28)

A = Modality.ASSERTED
OPEN, SUSP, REJ, REST = State.OPEN, State.SUSPENDED, State.REJECTED, State.RESTORED
HOT, DIP = Kind.OPERATIONAL_HOTLINE, Kind.DIPLOMATIC_CHANNEL


def asserted(text: str, published: date = PUBLISHED) -> set[tuple[str, str, str]]:
    """(pair, kind, state) of every asserted claim of a text."""
    return {
        (c.pair, c.kind.value, c.state.value) for c in extract(text, published) if c.modality == A
    }


def fact(pair: str, kind: Kind, state: State) -> tuple[str, str, str]:
    return (pair, kind.value, state.value)
