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
    routine: State | None = None
    coexist: bool = False
    # The channel the cue itself names ("recalled its ambassador": the embassies).
    kind: Kind | None = None
    # An adverbial that reports no event of its own ("after a three-year hiatus"): its
    # claim is as sure as the verb of its clause.
    adjunct: bool = False


@dataclass(frozen=True)
class KindNoun:
    """A noun phrase that names a kind of channel; `event` if it names a single contact."""

    kind: Kind
    pattern: re.Pattern[str]
    event: bool
    specificity: int
    hint: bool = False
    purpose: bool = False
    pair: tuple[str, str] | None = None
    bare: bool = False


@dataclass(frozen=True)
class Cues:
    """Everything compiled from cues.yaml."""

    states: tuple[StateCue, ...]
    kinds: tuple[KindNoun, ...]
    # The kind a line named without a qualifier is between these two states.
    bare_line_kinds: dict[tuple[str, str], Kind]
    # The kind military talks are between these two states.
    military_talks_kinds: dict[tuple[str, str], Kind]
    # The cue prefilter in two parts: what ignores case, and what does not ("START").
    prefilter: re.Pattern[str]
    prefilter_cased: re.Pattern[str] | None
    generic: re.Pattern[str]
    generic_event: re.Pattern[str]
    requests: re.Pattern[str]
    routine_calls: re.Pattern[str]
    event_gap_verbs: re.Pattern[str]
    event_wishes: re.Pattern[str]
    event_opinions: re.Pattern[str]
    event_enders: re.Pattern[str]
    anaphoric_openings: re.Pattern[str]
    modifiers: tuple[tuple[Kind, re.Pattern[str]], ...]
    # The same modifiers after the noun and its partner: "talks with China's military".
    modifiers_after: tuple[tuple[Kind, re.Pattern[str]], ...]
    blocking: re.Pattern[str]
    titles: tuple[tuple[str, re.Pattern[str]], ...]
    # The titles with a plural ending too: "the Prime Ministers of the two countries".
    plural_titles: tuple[tuple[str, re.Pattern[str]], ...]
    role_kinds: dict[str, Kind]
    military_roles: frozenset[str]
    non_channel_roles: frozenset[str]
    modality: tuple[tuple[Modality, re.Pattern[str]], ...]
    modality_window: int
    # After a cue that is its clause's subject: a predicate that makes it a wish.
    subject_wishes: re.Pattern[str]
    negation: re.Pattern[str]
    negation_window: int
    denial: re.Pattern[str]
    false_friends: tuple[re.Pattern[str], ...]
    clause_blockers: tuple[re.Pattern[str], ...]
    captions: tuple[re.Pattern[str], ...]
    bilateral: re.Pattern[str]
    counterpart: re.Pattern[str]
    adjuncts: re.Pattern[str]
    event_adjuncts: re.Pattern[str]
    places: re.Pattern[str]
    place_nouns: re.Pattern[str]
    seat_before: re.Pattern[str]
    seat_after: re.Pattern[str]
    # What, after a state's name, makes it a body of that state that is no side of a
    # channel: "the Pakistan Cricket Board", "the Indian board".
    bodies_after: re.Pattern[str]
    # A state's name qualifying whoever reports ("an Iraqi official said"), and before it
    # "according to"; a pronoun after the verb of saying that makes the speaker a side.
    speakers_after: re.Pattern[str]
    mediators_after: re.Pattern[str]
    compound_before: re.Pattern[str]
    compound_after: re.Pattern[str]
    speakers_cited: re.Pattern[str]
    citing_before: re.Pattern[str]
    speaker_pronoun: re.Pattern[str]
    counted_people: re.Pattern[str]
    speech_verbs: re.Pattern[str]
    first_person: re.Pattern[str]
    clause_breaks: re.Pattern[str]


def _words(pattern: str) -> re.Pattern[str]:
    """A pattern that matches whole words only."""
    return re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w])", _FLAGS)


# `<verb>` in a pattern stands for every form of the verb; `<verb:past>` for its past
# forms, `<verb:ing>` for its gerund; `<verb+>` doubles the final consonant ("omit+").
_VERB = re.compile(r"(?<!\?P)<([a-z]+)(\+)?(?::(past|ing|base))?>")
_VOWELS = "aeiou"


def _doubles(verb: str, forced: bool) -> bool:
    """Whether a verb doubles its final consonant before -ed and -ing ("scrap", "snub")."""
    if forced:
        return True
    syllables = len(re.findall(r"[aeiouy]+", verb))
    return syllables == 1 and bool(re.search(r"(?:^|[^aeiou])[aeiou][^aeiouwxy]$", verb))


def verb_forms(
    verb: str, irregular: dict[str, list[str]], forced: bool = False
) -> dict[str, set[str]]:
    """The forms of an English verb, by what they are: base (with -s), past, -ing."""
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        third = verb + "es"
    elif verb.endswith("y") and verb[-2:-1] not in _VOWELS:
        third = verb[:-1] + "ies"
    else:
        third = verb + "s"
    if verb.endswith("ie"):
        past, ing = {verb + "d"}, {verb[:-2] + "ying"}
    elif verb.endswith("e"):
        past = {verb + "d"}
        ing = {verb + "ing" if verb.endswith(("ee", "ye", "oe")) else verb[:-1] + "ing"}
    elif verb.endswith("y") and verb[-2:-1] not in _VOWELS:
        past, ing = {verb[:-1] + "ied"}, {verb + "ing"}
    elif _doubles(verb, forced):
        past, ing = {verb + verb[-1] + "ed"}, {verb + verb[-1] + "ing"}
    elif re.search(r"[^aeiou][aeiou]l$", verb):
        # British and American spellings: "cancelled", "canceled".
        past, ing = {verb + "ed", verb + "led"}, {verb + "ing", verb + "ling"}
    else:
        past, ing = {verb + "ed"}, {verb + "ing"}
    if verb in irregular:
        past = set(irregular[verb])
    return {"base": {verb, third}, "past": past, "ing": ing}


def _expand(pattern: str, irregular: dict[str, list[str]]) -> str:
    """A pattern with every `<verb>` written out as the alternation of its forms."""

    def forms(m: re.Match[str]) -> str:
        found = verb_forms(m.group(1), irregular, bool(m.group(2)))
        wanted = [m.group(3)] if m.group(3) else ["base", "past", "ing"]
        words = sorted({w for part in wanted for w in found[part]}, key=lambda w: (-len(w), w))
        return "(?:" + "|".join(words) + ")"

    return _VERB.sub(forms, pattern)


def _expand_all(node: Any, irregular: dict[str, list[str]]) -> Any:
    if isinstance(node, str):
        return _expand(node, irregular)
    if isinstance(node, list):
        return [_expand_all(item, irregular) for item in node]
    if isinstance(node, dict):
        return {key: _expand_all(value, irregular) for key, value in node.items()}
    return node


def _load() -> dict[str, Any]:
    text = resources.files("tracker.data").joinpath("cues.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    irregular = data.pop("irregular_verbs", {}) or {}
    expanded: dict[str, Any] = _expand_all(data, irregular)
    return expanded


def _state_cues(data: dict[str, Any]) -> tuple[StateCue, ...]:
    cues = []
    for state, entries in data["states"].items():
        for entry in entries:
            routine = entry.get("routine")
            cues.append(
                StateCue(
                    State(state),
                    _words(entry["pattern"]),
                    entry["needs"],
                    entry.get("rank", 1),
                    State(routine) if routine else None,
                    bool(entry.get("coexist")),
                    Kind(entry["kind"]) if entry.get("kind") else None,
                    bool(entry.get("adjunct")),
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
                    bool(entry.get("purpose")),
                    _pair(entry.get("pair")),
                    bool(entry.get("bare")),
                )
            )
    return tuple(nouns)


def _pair(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    first, second = value.split("-")
    return first, second


def _sorted_pair(value: str) -> tuple[str, str]:
    first, second = sorted(value.split("-"))
    return first, second


def _prefilter(data: dict[str, Any]) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """One pattern for every state cue and event noun: a text without a hit says nothing.
    Split in two: the pieces that ignore case, and those with a case-sensitive part."""
    pieces = [e["pattern"] for entries in data["states"].values() for e in entries]
    pieces += [
        e["pattern"] for entries in data["kinds"].values() for e in entries if e.get("event")
    ]
    pieces.append(data["generic_event_nouns"])
    cased = [p for p in pieces if "(?-i" in p]
    caseless = [p for p in pieces if "(?-i" not in p]
    return (
        _words("|".join(f"(?:{p})" for p in caseless)),
        _words("|".join(f"(?:{p})" for p in cased)) if cased else None,
    )


@functools.cache
def lowered_pattern(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A case-insensitive pattern rewritten for lower-cased text: its letters lowered,
    its escapes (\\S, \\W, \\D) kept, compiled without IGNORECASE; about three times
    faster. None for a pattern with a case-sensitive part ("(?-i:START)"), which lowered
    text would lose.

    On `text.lower()` it matches where the original matches on `text`, as long as
    lowering keeps the text's length (true but for a few letters such as "İ").
    """
    if "(?-i" in pattern.pattern or not pattern.flags & re.IGNORECASE:
        return None
    out: list[str] = []
    chars = iter(pattern.pattern)
    for ch in chars:
        if ch == "\\":
            out += [ch, next(chars, "")]
        else:
            out.append(ch.lower())
    return re.compile("".join(out), pattern.flags & ~re.IGNORECASE)


@functools.cache
def cues() -> Cues:
    """The compiled cues, built on first use."""
    data = _load()
    modality = data["modality"]
    prefilter, prefilter_cased = _prefilter(data)
    return Cues(
        states=_state_cues(data),
        kinds=_kind_nouns(data),
        bare_line_kinds={
            _sorted_pair(pair): Kind(kind)
            for pair, kind in (data.get("bare_line_kinds") or {}).items()
        },
        military_talks_kinds={
            _sorted_pair(pair): Kind(kind)
            for pair, kind in (data.get("military_talks_kinds") or {}).items()
        },
        prefilter=prefilter,
        prefilter_cased=prefilter_cased,
        generic=_words(data["generic_nouns"]),
        generic_event=_words(data["generic_event_nouns"]),
        requests=_words(data["request_nouns"]),
        routine_calls=_words(data["routine_calls"]),
        event_gap_verbs=re.compile(data["event_gap_verbs"], _FLAGS),
        event_wishes=re.compile(data["event_wishes"], _FLAGS),
        event_opinions=re.compile(data["event_opinions"], _FLAGS),
        event_enders=re.compile(data["event_enders"], _FLAGS),
        anaphoric_openings=re.compile(data["anaphoric_openings"]),
        modifiers=tuple((Kind(k), _words(p)) for k, p in data["modifiers"].items()),
        modifiers_after=tuple(
            (
                Kind(k),
                re.compile(
                    r"\s+(?:with|between)\s+\S+\s+" + _words(p).pattern + r"(?!\s+(?-i:[A-Z]))",
                    _FLAGS,
                ),
            )
            for k, p in data["modifiers"].items()
        ),
        blocking=_words(data["blocking_modifiers"]),
        titles=tuple((role, _words(p)) for role, p in data["titles"].items()),
        plural_titles=tuple(
            (role, re.compile(r"(?<![\w-])(?:" + p + r")(?:s|es)?(?![\w])", _FLAGS))
            for role, p in data["titles"].items()
        ),
        role_kinds={role: Kind(kind) for role, kind in data["role_kinds"].items()},
        military_roles=frozenset(data["military_roles"]),
        non_channel_roles=frozenset(data["non_channel_roles"]),
        modality=(
            (Modality.HYPOTHETICAL, re.compile(modality["hypothetical"], _FLAGS)),
            (Modality.INTENT, re.compile(modality["intent"], _FLAGS)),
            (Modality.PLANNED, re.compile(modality["planned"], _FLAGS)),
        ),
        modality_window=int(data["modality_window"]),
        subject_wishes=re.compile(data["subject_wishes"], _FLAGS),
        negation=re.compile(data["negation"], _FLAGS),
        negation_window=int(data["negation_window"]),
        denial=re.compile(data["denial"], _FLAGS),
        false_friends=tuple(re.compile(p, _FLAGS) for p in data["false_friends"]),
        clause_blockers=tuple(re.compile(p, _FLAGS) for p in data["clause_blockers"]),
        captions=tuple(re.compile(p, _FLAGS | re.MULTILINE) for p in data["captions"]),
        bilateral=re.compile(data["bilateral"], _FLAGS),
        counterpart=re.compile(data["counterpart"], _FLAGS),
        adjuncts=re.compile(data["adjuncts"], _FLAGS),
        event_adjuncts=re.compile(data["event_adjuncts"], _FLAGS),
        places=re.compile(data["places"]),
        place_nouns=re.compile(data["place_nouns"], _FLAGS),
        seat_before=re.compile(data["seat_before"], _FLAGS),
        seat_after=re.compile(data["seat_after"], _FLAGS),
        bodies_after=re.compile(data["bodies_after"], _FLAGS),
        speakers_after=re.compile(data["speaker_nouns"] + data["speaker_verbs"], _FLAGS),
        mediators_after=re.compile(data["mediators_after"], _FLAGS),
        compound_before=re.compile(data["compound_before"], _FLAGS),
        compound_after=re.compile(data["compound_after"], _FLAGS),
        speakers_cited=re.compile(data["speaker_nouns"], _FLAGS),
        citing_before=re.compile(data["citing_before"], _FLAGS),
        speaker_pronoun=re.compile(data["speaker_pronoun"], _FLAGS),
        counted_people=re.compile(data["counted_people"], _FLAGS),
        speech_verbs=re.compile(data["speech_verbs"], _FLAGS),
        first_person=re.compile(data["first_person"]),
        clause_breaks=re.compile(data["clause_breaks"], _FLAGS),
    )
