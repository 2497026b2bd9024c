"""Who a sentence is about: the states behind its names, titles, pronouns and context.

A claim needs two different states. A sentence names them in many ways: directly
("China"), through a capital or institution ("the Pentagon"), a demonym ("his Russian
counterpart"), a person ("Shoigu"), an office ("the US Secretary of Defense"), a
first-person pronoun inside a quotation ("we", spoken by Mattis), or not at all ("the
two militaries", resolved from the states the article has been talking about).

Not every state named in a sentence is a party to the channel: one named inside a
phrase of cause or time ("in response to the US selling arms to Taiwan", "in protest at
exercises between Japan and the US"), as a place or a target ("talks in Azerbaijan",
"Iraq's airspace", "strikes on the Libyan government") or in a relative clause is
context. Those are kept as *weak* actors, used only when the strong ones do not make a
pair; a word naming a pair ("inter-Korean") is never a place.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from tracker.cues import Cues
from tracker.gazetteer import DEMONYM, NON_STATE, PAIR, PERSON, PLACE, Mention

# A state's possessive or an article between a state and the title it qualifies.
_GLUE = re.compile(r"^(?:[’']s)?\s*(?:the\s+)?$")
_TITLE_TO_PERSON = re.compile(
    r"^[\s,]*(?:(?:Gen\.|General|Adm\.|Admiral|Lt\.?\s+Gen\.|Maj\.?\s+Gen\.|"
    r"Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Marshal|Col\.|Colonel)\s+)?$"
)
_RELATIVE = re.compile(r",\s*(?:which|who|whose|where|whom)\b[^,;]*", re.IGNORECASE)
_BARE_RELATIVE = re.compile(
    r"\b(?:that|which|who)\s+(?:has|have|had|was|were|is|are|would|will|could|should|might|"
    r"may|can)\b[^,;]*"
    # "the hotline that started in 2017 has been inactive": ends before the main verb
    r"|\b(?:that|which)\s+(?!(?:lasted|ended|continued|concluded)\b)(?:started|began|begun|\w+ed)\b"
    r"[^,;]*?"
    r"(?=\s+(?:has|have|had|is|are|was|were|remains?|remained)\s|[.!?]?[\"'”’)]*\s*$)",
    re.IGNORECASE,
)
# A phrase of cause or time ends at a comma or a dash, or where "with" brings in the
# counterpart of the verb ("suspended talks over Taiwan with the US"). "between" does not
# end it: "in protest at exercises between Japan and the US" is all context.
_ZONE_END = re.compile(r"[,;:“”\"]|\s[—–]\s|\swith\s")
_CLAUSE_END = re.compile(r"[,;:“”\"]|\s[—–]\s")
# A phrase of cause or time rarely runs longer than this; past it, names are parties again.
_ZONE_LENGTH = 120
_JOINED = re.compile(r"^\s*[-–—/]\s*$")
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
# After two demonyms joined by "and": a plural noun they both qualify.
_PLURAL_HEAD = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*s\b")
_AND = re.compile(r"^\s*(?:and|&)\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Actor:
    """A stretch of text that stands for a state (or for something that is not one)."""

    start: int
    end: int
    parties: tuple[str, ...]
    category: str
    role: str | None = None
    person: str | None = None
    weak: bool = False

    @property
    def party(self) -> str | None:
        """The single state this actor stands for, if it stands for exactly one."""
        return self.parties[0] if len(self.parties) == 1 else None

    @property
    def is_state(self) -> bool:
        """Whether this actor stands for one state."""
        return self.party is not None and self.category not in (NON_STATE, PLACE)


def _title_spans(text: str, start: int, end: int, cues: Cues) -> list[tuple[int, int, str]]:
    """Office titles in text[start:end], longest first where they overlap."""
    found = []
    # Plural titles too: "the U.S. and Chinese defense chiefs".
    for role, pattern in cues.plural_titles:
        found += [(m.start(), m.end(), role) for m in pattern.finditer(text, start, end)]
    found.sort(key=lambda t: (-(t[1] - t[0]), t[0]))
    kept: list[tuple[int, int, str]] = []
    for span in found:
        if all(span[1] <= k[0] or k[1] <= span[0] for k in kept):
            kept.append(span)
    return sorted(kept)


def _attach(text: str, actors: list[Actor], title: tuple[int, int, str]) -> None:
    """Give a title's role to the actor it qualifies: the person named after it, a state
    inside it ("the top US general") or the state just before it ("China's defense
    minister")."""
    t_start, t_end, role = title
    for i, actor in enumerate(actors):
        if (
            actor.category == PERSON
            and actor.start >= t_end
            and _TITLE_TO_PERSON.match(text[t_end : actor.start])
        ):
            actors[i] = replace(actor, role=role)
            return
    for i, actor in enumerate(actors):
        # A state inside the title ("the top US general"), or a name whose last word opens
        # it ("the U.S. military" before "military chief").
        inside = t_start <= actor.start and actor.end <= t_end
        if (inside or actor.start < t_start < actor.end <= t_end) and actor.is_state:
            actors[i] = replace(actor, role=role)
            return
    for i, actor in reversed(list(enumerate(actors))):
        if actor.end <= t_start and actor.is_state and _GLUE.match(text[actor.end : t_start]):
            actors[i] = replace(actor, role=role)
            # "the U.S. and Chinese defense chiefs": both states hold the office.
            plural = text[t_end - 1] == "s"
            other = actors[i - 1] if i > 0 else None
            if plural and other and other.is_state and _AND.match(text[other.end : actor.start]):
                actors[i - 1] = replace(other, role=role)
            return


def _adjunct_phrases(text: str, start: int, end: int, cues: Cues) -> list[tuple[int, int, int]]:
    """Phrases of cause or time in text[start:end]: where each opens, where its opening
    words end, and where it ends."""
    phrases = []
    for m in cues.adjuncts.finditer(text, start, end):
        stop = _ZONE_END.search(text, m.end(), min(end, m.end() + _ZONE_LENGTH))
        phrases.append(
            (m.start(), m.end(), stop.start() if stop else min(end, m.end() + _ZONE_LENGTH))
        )
    return phrases


def _weak_zones(text: str, start: int, end: int, cues: Cues) -> list[tuple[int, int]]:
    """Spans of a sentence that hold causes, times and relative clauses."""
    zones = [(lo, hi) for lo, _, hi in _adjunct_phrases(text, start, end, cues)]
    zones += [(m.start(), m.end()) for m in _RELATIVE.finditer(text, start, end)]
    return zones


def adjunct_at(
    text: str, start: int, end: int, position: int, cues: Cues
) -> tuple[int, int] | None:
    """The clause of cause or time of a sentence that holds a position ("... concerned
    after North Korea cut the hotline"), from after its opening words to its end."""
    for opening, inner, _ in _adjunct_phrases(text, start, end, cues):
        if not cues.event_adjuncts.fullmatch(text, opening, inner):
            continue
        # A clause runs on past "with" ("after North Korea cut the line with the South").
        stop = _CLAUSE_END.search(text, inner, min(end, inner + _ZONE_LENGTH))
        if inner <= position < (stop.start() if stop else min(end, inner + _ZONE_LENGTH)):
            return (inner, stop.start() if stop else min(end, inner + _ZONE_LENGTH))
    return None


def relative_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Relative clauses of a sentence (", who was appointed in December,", "a line that
    has been severed for two years")."""
    spans = [(m.start(), m.end()) for m in _RELATIVE.finditer(text, start, end)]
    return spans + [(m.start(), m.end()) for m in _BARE_RELATIVE.finditer(text, start, end)]


def is_seat(text: str, start: int, end: int, cues: Cues) -> bool:
    """Whether a name at text[start:end] says where a speaker sits ("a Baghdad-based
    spokesman", "said in Seoul") rather than a side of a channel."""
    before = text[max(0, start - 60) : start]
    return bool(cues.seat_after.match(text, end) or cues.seat_before.search(before))


def is_speaker(text: str, start: int, end: int, sentence_end: int, cues: Cues) -> bool:
    """Whether a state's name at text[start:end] only qualifies whoever reports the
    sentence's news ("an Iraqi official said", "according to Omani sources"), and no
    pronoun after the verb of saying makes that speaker a side ("... said they had cut")."""
    before = text[max(0, start - 40) : start]
    if not (
        cues.speakers_after.match(text, end)
        or (cues.citing_before.search(before) and cues.speakers_cited.match(text, end))
    ):
        return False
    return not cues.speaker_pronoun.search(text, end, sentence_end)


def sentence_actors(
    text: str, start: int, end: int, mentions: Sequence[Mention], cues: Cues
) -> list[Actor]:
    """The actors of one sentence, with roles from titles and weak flags set."""
    actors = [
        Actor(m.start, m.end, m.parties, m.category, m.role, m.person)
        for m in mentions
        if start <= m.start and m.end <= end
    ]
    for title in _title_spans(text, start, end, cues):
        _attach(text, actors, title)
    zones = _weak_zones(text, start, end, cues)
    result = []
    for actor in actors:
        before = text[max(start, actor.start - 60) : actor.start]
        if actor.category != PAIR and is_seat(text, actor.start, actor.end, cues):
            continue  # where the speaker sits is no side of the channel
        if actor.is_state and cues.mediators_after.match(text, actor.end):
            continue  # "the Omani mediator": a go-between, never a side
        if cues.compound_after.match(text, actor.end) or cues.compound_before.search(before):
            continue  # "pro-Russian separatists", "a US-backed government"
        if actor.is_state and cues.bodies_after.match(text, actor.end):
            continue  # "the Indian board": a body of its own, not the state
        if (
            actor.category == DEMONYM
            and text[actor.end - 1 : actor.end] == "s"
            and cues.counted_people.search(before)
        ):
            continue  # "three Russians": persons of a nationality, not their state
        # A word naming a pair ("inter-Korean") is never a place.
        weak = (
            (actor.category != PAIR and bool(cues.places.search(before)))
            or (actor.is_state and is_speaker(text, actor.start, actor.end, end, cues))
            or bool(cues.place_nouns.match(text, actor.end))
            or any(s <= actor.start < e for s, e in zones)
        )
        result.append(replace(actor, weak=weak) if weak else actor)
    return result


def joined_pair(text: str, actors: Sequence[Actor], lo: int, hi: int) -> tuple[str, str] | None:
    """Two states written as one pair in text[lo:hi]: "US-Russia", "between X and Y",
    or a word that names a pair ("inter-Korean")."""
    inside = [a for a in actors if lo <= a.start and a.end <= hi and not a.weak]
    for actor in inside:
        if actor.category == PAIR and len(actor.parties) == 2:
            return (actor.parties[0], actor.parties[1])
    for a, b in itertools.pairwise(inside):
        if not (a.is_state and b.is_state) or a.party == b.party:
            continue
        gap = text[a.end : b.start]
        if _JOINED.match(gap):
            return (a.party or "", b.party or "")
        if _AND.match(gap) and _BETWEEN.search(text[max(lo, a.start - 12) : a.start]):
            return (a.party or "", b.party or "")
        # "the Greek and Turkish envoys", "U.S. and Indian defense officials".
        if _AND.match(gap) and b.category == DEMONYM and _PLURAL_HEAD.match(text, b.end, hi):
            return (a.party or "", b.party or "")
    return None


def rank_parties(actors: Sequence[Actor], anchor: int) -> list[str]:
    """Distinct parties of the given actors, nearest to the anchor first."""
    best: dict[str, int] = {}
    for actor in actors:
        if not actor.is_state or actor.party is None:
            continue
        distance = min(abs(actor.start - anchor), abs(actor.end - anchor))
        if actor.party not in best or distance < best[actor.party]:
            best[actor.party] = distance
    return sorted(best, key=lambda p: best[p])


@dataclass
class Salience:
    """How much an article has been talking about each state, up to a point in it."""

    mentions: Sequence[Mention]

    def ranked(self, before: int, paragraph_start: int, exclude: set[str]) -> list[str]:
        """States by weight: every earlier mention counts, those in the same paragraph
        and the last stretch of text count more."""
        weights: dict[str, float] = {}
        for m in self.mentions:
            if m.end > before:
                break
            if m.category in (NON_STATE, PLACE):
                continue
            weight = 1.0
            if m.start >= paragraph_start:
                weight += 2.0
            if before - m.start < 1500:
                weight += 1.0
            for party in m.parties:
                if party not in exclude:
                    weights[party] = weights.get(party, 0.0) + weight
        return sorted((p for p in weights if weights[p] >= 2.0), key=lambda p: -weights[p])


def speaker_party(
    text: str,
    sentences: Sequence[tuple[int, int]],
    index: int,
    actors_of: dict[int, list[Actor]],
    cues: Cues,
) -> str | None:
    """The state of whoever speaks the quotation in sentence `index`: named next to a
    verb of saying in that sentence, else in the next one, else in earlier ones."""
    order = [index, index + 1, *range(index - 1, max(-1, index - 4), -1)]
    for i in order:
        if not 0 <= i < len(sentences) or i not in actors_of:
            continue
        s_start, s_end = sentences[i]
        for verb in cues.speech_verbs.finditer(text, s_start, s_end):
            near = [
                a
                for a in actors_of[i]
                if a.is_state
                and (0 <= verb.start() - a.end <= 40 or 0 <= a.start - verb.end() <= 25)
            ]
            if near:
                near.sort(key=lambda a: min(abs(verb.start() - a.end), abs(a.start - verb.end())))
                return near[0].party
    return None


def inside_quotation(text: str, paragraph_start: int, position: int) -> bool:
    """Whether a position lies inside quotation marks opened earlier in its paragraph."""
    before = text[paragraph_start:position]
    if before.count("“") > before.count("”"):
        return True
    return before.count('"') % 2 == 1
