"""The words that signal a channel's state, kind and modality, compiled once from data.

The knowledge lives in `tracker/data/cues.yaml` (what English says), this module only
turns it into compiled patterns and small lookups that the extractor asks questions of.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from tracker.vocab import Kind, Modality, State

_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class StateCue:
    """One way of saying a state: the pattern, what it needs nearby, and its precedence."""

    state: State
    pattern: re.Pattern[str]
    needs: str
    rank: int


@dataclass(frozen=True)
class KindNoun:
    """A noun phrase that names a kind of channel; `event` if it names a single contact."""

    kind: Kind
    pattern: re.Pattern[str]
    event: bool
    specificity: int
    hint: bool = False


@dataclass(frozen=True)
class Cues:
    """Everything compiled from cues.yaml."""

    states: tuple[StateCue, ...]
    kinds: tuple[KindNoun, ...]
    prefilter: re.Pattern[str]
    generic: re.Pattern[str]
    generic_event: re.Pattern[str]
    requests: re.Pattern[str]
    modifiers: tuple[tuple[Kind, re.Pattern[str]], ...]
    blocking: re.Pattern[str]
    titles: tuple[tuple[str, re.Pattern[str]], ...]
    role_kinds: dict[str, Kind]
    military_roles: frozenset[str]
    modality: tuple[tuple[Modality, re.Pattern[str]], ...]
    modality_window: int
    negation: re.Pattern[str]
    negation_window: int
    false_friends: tuple[re.Pattern[str], ...]
    clause_blockers: tuple[re.Pattern[str], ...]
    bilateral: re.Pattern[str]
    counterpart: re.Pattern[str]
    adjuncts: re.Pattern[str]
    places: re.Pattern[str]
    speech_verbs: re.Pattern[str]
    first_person: re.Pattern[str]
    clause_breaks: re.Pattern[str]


def _words(pattern: str) -> re.Pattern[str]:
    """A pattern that matches whole words only."""
    return re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w])", _FLAGS)


def _load() -> dict[str, Any]:
    text = resources.files("tracker.data").joinpath("cues.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _state_cues(data: dict[str, Any]) -> tuple[StateCue, ...]:
    cues = []
    for state, entries in data["states"].items():
        for entry in entries:
            cues.append(
                StateCue(
                    State(state), _words(entry["pattern"]), entry["needs"], entry.get("rank", 1)
                )
            )
    return tuple(cues)


def _kind_nouns(data: dict[str, Any]) -> tuple[KindNoun, ...]:
    """Kind nouns in file order; earlier kinds in the file are the more specific ones."""
    nouns = []
    kinds = list(data["kinds"].items())
    for position, (kind, entries) in enumerate(kinds):
        for entry in entries:
            nouns.append(
                KindNoun(
                    Kind(kind),
                    _words(entry["pattern"]),
                    bool(entry.get("event")),
                    len(kinds) - position,
                    bool(entry.get("hint")),
                )
            )
    return tuple(nouns)


def _prefilter(data: dict[str, Any]) -> re.Pattern[str]:
    """One pattern for every state cue and event noun: a text without a hit says nothing."""
    pieces = [e["pattern"] for entries in data["states"].values() for e in entries]
    pieces += [
        e["pattern"] for entries in data["kinds"].values() for e in entries if e.get("event")
    ]
    pieces.append(data["generic_event_nouns"])
    return _words("|".join(f"(?:{p})" for p in pieces))


@functools.cache
def cues() -> Cues:
    """The compiled cues, built on first use."""
    data = _load()
    modality = data["modality"]
    return Cues(
        states=_state_cues(data),
        kinds=_kind_nouns(data),
        prefilter=_prefilter(data),
        generic=_words(data["generic_nouns"]),
        generic_event=_words(data["generic_event_nouns"]),
        requests=_words(data["request_nouns"]),
        modifiers=tuple((Kind(k), _words(p)) for k, p in data["modifiers"].items()),
        blocking=_words(data["blocking_modifiers"]),
        titles=tuple((role, _words(p)) for role, p in data["titles"].items()),
        role_kinds={role: Kind(kind) for role, kind in data["role_kinds"].items()},
        military_roles=frozenset(data["military_roles"]),
        modality=(
            (Modality.HYPOTHETICAL, re.compile(modality["hypothetical"], _FLAGS)),
            (Modality.INTENT, re.compile(modality["intent"], _FLAGS)),
            (Modality.PLANNED, re.compile(modality["planned"], _FLAGS)),
        ),
        modality_window=int(data["modality_window"]),
        negation=re.compile(data["negation"], _FLAGS),
        negation_window=int(data["negation_window"]),
        false_friends=tuple(re.compile(p, _FLAGS) for p in data["false_friends"]),
        clause_blockers=tuple(re.compile(p, _FLAGS) for p in data["clause_blockers"]),
        bilateral=re.compile(data["bilateral"], _FLAGS),
        counterpart=re.compile(data["counterpart"], _FLAGS),
        adjuncts=re.compile(data["adjuncts"], _FLAGS),
        places=re.compile(data["places"]),
        speech_verbs=re.compile(data["speech_verbs"], _FLAGS),
        first_person=re.compile(data["first_person"]),
        clause_breaks=re.compile(data["clause_breaks"], _FLAGS),
    )
