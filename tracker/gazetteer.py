"""What in a text stands for a state: names, capitals, institutions, demonyms and people.

Mapping a name to a party is data, not code (domain.md, "Parties"): everything here is read
from three files under `tracker/data/`, once per process:

- `parties.csv` (code, name, variants): every ISO 3166-1 country under its usual English
  name, with official names and common variants ("the United States", "U.S.", "America").
  "The Soviet Union", "USSR" and "Soviet" map to RU, the state that continues the Soviet
  Union's treaties, seat and channels (the Washington-Moscow hotline, arms control).
- `aliases.csv` (alias, party, category, requires): capitals and seats of government,
  institutions that speak for a state ("the Pentagon", "the PLA", "the Kremlin"), demonyms
  ("Chinese", "North Korean"), words naming a pair at once ("inter-Korean" is KP-KR), and
  names that must be recognised precisely so that they are *not* taken for a state:
  organisations ("NATO", "the EU") and places named after a country ("the South China
  Sea"). A name that stands for a state only in a text about it ("the North" for North
  Korea, "the mainland" for China) lists in `requires` the states (any of them) that the
  text must name otherwise; it never precedes another capitalised word ("the North
  Atlantic").
- `officeholders.csv` (name, party, role, from, to, variants, surname, distinctive): who
  held which office when. A person maps to a party; the role, looked up on the article's
  date, helps choose the kind of channel. A surname alone is recognised when it is
  marked distinctive (Mattis, Shoigu), after the person's full name has appeared earlier
  in the same text, or right after an office title ("Secretary Austin").

Matching is case-sensitive: proper names are capitalised, and "us" is not the US.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from importlib import resources

# Categories of an alias that do not stand for any state.
NON_STATE = "nonstate"
PLACE = "place"
PERSON = "person"
COUNTRY = "country"
PAIR = "pair"
DEMONYM = "demonym"

# A capital followed by these words names a newspaper, a school or a treaty, not the state.
# "Jr." or "Sr." names another person: "Donald Trump Jr." is not the president. (A
# numeral may be the holder's own: "Lloyd J. Austin III" is the secretary.)
_GENERATION_AFTER = re.compile(r",?\s+(?:Jr|Sr)\b\.?")
_NOT_THE_STATE_AFTER = re.compile(
    r"\s+(?:Post|Times|Examiner|Free Beacon|Institute|University|Review|Quarterly|Journal|"
    r"Declaration|Treaty|Convention|Protocol|Accords?|Agreement|Consensus|Naval)\b"
)
# How far into a text a headline may run: a surname there may precede the full name.
_HEADLINE_ZONE = 300
# Office titles before a bare surname ("Secretary Austin", "Gen. Li").
_TITLE_WORDS = (
    r"(?:Secretary|Minister|President|Premier|Chancellor|Gen\.|General|Adm\.|Admiral|"
    r"Chairman|Marshal|Ayatollah|Lt\.\s+Gen\.|Lieutenant\s+General|Maj\.\s+Gen\.|Major\s+General)"
)


@dataclass(frozen=True)
class Term:
    """One way of naming something: the party (or parties, for a pair) and what it is."""

    parties: tuple[str, ...]
    category: str
    person: str | None = None


@dataclass(frozen=True)
class Tenure:
    """One office held by one person over an interval (open-ended when `end` is None)."""

    person: str
    party: str
    role: str
    start: date | None
    end: date | None


@dataclass(frozen=True)
class Mention:
    """A span of text that names a state, a pair of states, or something that is not one."""

    start: int
    end: int
    text: str
    parties: tuple[str, ...]
    category: str
    role: str | None = None
    person: str | None = None

    @property
    def party(self) -> str | None:
        """The single party named, or None for a pair, an organisation or a place."""
        return self.parties[0] if len(self.parties) == 1 else None


@dataclass(frozen=True)
class _Gazetteer:
    names: dict[str, str]
    terms: dict[str, Term]
    tenures: dict[str, tuple[Tenure, ...]]
    surnames: dict[str, tuple[str, ...]]  # surname -> persons who bear it
    lookup: dict[str, str]  # normalised name -> party code, for party_for
    pattern: re.Pattern[str]
    titled_surname: re.Pattern[str]
    contextual: dict[str, tuple[Term, frozenset[str]]]  # name -> term, states it requires
    context_pattern: re.Pattern[str] | None


def _rows(filename: str) -> Iterator[dict[str, str]]:
    text = resources.files("tracker.data").joinpath(filename).read_text(encoding="utf-8")
    yield from csv.DictReader(text.splitlines())


def _date(text: str) -> date | None:
    return date.fromisoformat(text) if text.strip() else None


def _spellings(name: str) -> set[str]:
    """A name with both straight and curly apostrophes, so either typography matches."""
    return {name, name.replace("'", "’"), name.replace("’", "'")}


def _normalise(name: str) -> str:
    """The key for case-insensitive lookups: lower case, no dots, single spaces, no 'the'."""
    key = " ".join(name.replace("’", "'").replace(".", "").lower().split())
    return key[4:] if key.startswith("the ") else key


# Between the words of a name: any run of spaces or a line break, and in a person's name
# perhaps a middle initial ("Robert M. Gates").
_NAME_GAP = r"\s+(?:[A-Z]\.\s+)?"

_Trie = dict[str, "_Trie"]


def _trie_regex(names: list[str]) -> str:
    """One regex for many names, shared prefixes factored out (a trie), so that matching
    costs about the same for two thousand names as for twenty. Longer names win."""
    trie: _Trie = {}
    for name in names:
        node = trie
        for char in " ".join(name.split()):
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        branches = [
            (_NAME_GAP if char == " " else re.escape(char)) + emit(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def _add_term(terms: dict[str, Term], name: str, term: Term) -> None:
    """Register a name; one that starts in lower case ("the two Koreas") also matches
    at the start of a sentence."""
    names = _spellings(name)
    if name[:1].islower():
        names |= _spellings(name[0].upper() + name[1:])
    for spelling in names:
        terms.setdefault(spelling, term)


def _load_parties(terms: dict[str, Term], lookup: dict[str, str]) -> dict[str, str]:
    names: dict[str, str] = {}
    for row in _rows("parties.csv"):
        code, name = row["code"], row["name"]
        names[code] = name
        for variant in [name, *filter(None, row["variants"].split("|"))]:
            _add_term(terms, variant, Term((code,), COUNTRY))
            lookup.setdefault(_normalise(variant), code)
    return names


def _load_aliases(
    terms: dict[str, Term],
    lookup: dict[str, str],
    contextual: dict[str, tuple[Term, frozenset[str]]],
) -> None:
    for row in _rows("aliases.csv"):
        alias, party, category = row["alias"], row["party"], row["category"]
        parties = tuple(p for p in party.split("-") if p) if category == PAIR else ()
        if category != PAIR and party:
            parties = (party,)
        requires = frozenset(filter(None, (row.get("requires") or "").split("|")))
        if requires:
            names = _spellings(alias)
            if alias[:1].islower():
                names |= _spellings(alias[0].upper() + alias[1:])
            for spelling in names:
                contextual.setdefault(spelling, (Term(parties, category), requires))
            continue
        _add_term(terms, alias, Term(parties, category))
        if len(parties) == 1:
            lookup.setdefault(_normalise(alias), parties[0])


def _load_people(
    terms: dict[str, Term], lookup: dict[str, str]
) -> tuple[dict[str, tuple[Tenure, ...]], dict[str, tuple[str, ...]]]:
    tenures: dict[str, list[Tenure]] = {}
    surnames: dict[str, list[str]] = {}
    for row in _rows("officeholders.csv"):
        person, party = row["name"], row["party"]
        tenure = Tenure(person, party, row["role"], _date(row["from"]), _date(row["to"]))
        tenures.setdefault(person, []).append(tenure)
        for name in [person, *filter(None, row["variants"].split("|"))]:
            _add_term(terms, name, Term((party,), PERSON, person))
            lookup.setdefault(_normalise(name), party)
        for surname in filter(None, row["surname"].split("|")):
            if person not in surnames.setdefault(surname, []):
                surnames[surname].append(person)
            if row["distinctive"] == "yes":
                _add_term(terms, surname, Term((party,), PERSON, person))
                lookup.setdefault(_normalise(surname), party)
    return (
        {k: tuple(v) for k, v in tenures.items()},
        {k: tuple(v) for k, v in surnames.items()},
    )


@functools.cache
def _gazetteer() -> _Gazetteer:
    terms: dict[str, Term] = {}
    lookup: dict[str, str] = {}
    contextual: dict[str, tuple[Term, frozenset[str]]] = {}
    names = _load_parties(terms, lookup)
    _load_aliases(terms, lookup, contextual)
    tenures, surnames = _load_people(terms, lookup)
    pattern = re.compile(r"(?<![\w@#])" + _trie_regex(list(terms)) + r"(?![\w])")
    plain = sorted({s for s in surnames if s not in terms}, key=len, reverse=True)
    titled = re.compile(
        r"\b" + _TITLE_WORDS + r"\s+(?P<surname>" + "|".join(map(re.escape, plain)) + r")(?![\w])"
    )
    context_pattern = (
        re.compile(
            r"(?<![\w@#-])" + _trie_regex(list(contextual)) + r"(?![\w-])(?!\s+(?:[A-Z]|of\b))"
        )
        if contextual
        else None
    )
    return _Gazetteer(
        names, terms, tenures, surnames, lookup, pattern, titled, contextual, context_pattern
    )


# --------------------------------------------------------------------------- public API


def party_for(name: str) -> str | None:
    """The party a name stands for ("Washington" -> "US", "Shoigu" -> "RU"), else None.

    Case and dots do not matter here ("u.s." is the US): this serves names typed by a
    person, not running text. A two-letter code counts in capitals only ("LI" is
    Liechtenstein, "Li" is nobody in particular).
    """
    g = _gazetteer()
    if name.strip() in g.names:
        return name.strip()
    return g.lookup.get(_normalise(name))


def party_name(code: str) -> str:
    """The usual English name of a party; the code itself when it is not a known party."""
    return _gazetteer().names.get(code.upper(), code)


def all_parties() -> dict[str, str]:
    """Every known party: code -> name."""
    return dict(_gazetteer().names)


def role_of(person: str, on: date | None) -> str | None:
    """The office a person held on a day; without a day, the most recent one they held.

    None when they held none of the recorded offices that day: a former minister still
    speaks for the state, but not through the channel of his former office.
    """
    tenures = _gazetteer().tenures.get(person, ())
    if not tenures:
        return None
    if on is None:
        return max(tenures, key=lambda t: t.start or date.min).role
    for tenure in tenures:
        if (tenure.start is None or tenure.start <= on) and (
            tenure.end is None or on <= tenure.end
        ):
            return tenure.role
    return None


def _term_for(matched: str) -> Term | None:
    terms = _gazetteer().terms
    key = " ".join(matched.split())
    term = terms.get(key)
    if term is None:
        term = terms.get(re.sub(r" [A-Z]\.(?= )", "", key))
    return term


def _another_generation(matched: str, text: str, end: int) -> bool:
    """Whether "Jr." or "Sr." after a name makes it another person than the holder the
    name stands for; not where the holder's own name has it ("Joseph F. Dunford Jr.")."""
    suffix = _GENERATION_AFTER.match(text, end)
    if suffix is None:
        return False
    word = suffix.group().strip(" ,.")
    return all(_term_for(f"{matched} {word}{dot}") is None for dot in (".", ""))


def _static_mentions(text: str, on: date | None) -> list[Mention]:
    found = []
    for m in _gazetteer().pattern.finditer(text):
        term = _term_for(m.group())
        if term is None:
            continue
        if term.category == "capital" and _NOT_THE_STATE_AFTER.match(text, m.end()):
            continue
        if term.person and _another_generation(m.group(), text, m.end()):
            continue
        role = role_of(term.person, on) if term.person else None
        found.append(
            Mention(m.start(), m.end(), m.group(), term.parties, term.category, role, term.person)
        )
    return found


def _surname_mentions(text: str, on: date | None, static: list[Mention]) -> list[Mention]:
    """Bare surnames of people named in full earlier in the text, and titled surnames."""
    g = _gazetteer()
    first_seen: dict[str, int] = {}
    for mention in static:
        if mention.person and mention.person not in first_seen:
            first_seen[mention.person] = mention.end
    found: list[Mention] = []
    for surname, persons in g.surnames.items():
        if surname in g.terms:
            continue
        seen = [p for p in persons if p in first_seen]
        if not seen:
            continue
        for m in re.finditer(r"(?<![\w])" + re.escape(surname) + r"(?![\w])", text):
            earlier = [p for p in seen if first_seen[p] <= m.start()]
            if not earlier and m.start() < _HEADLINE_ZONE and len(seen) == 1:
                earlier = seen  # a headline names by surname whom the body names in full
            if earlier:
                person = max(earlier, key=lambda p: first_seen[p])
                party = g.tenures[person][0].party
                found.append(
                    Mention(
                        m.start(), m.end(), m.group(), (party,), PERSON, role_of(person, on), person
                    )
                )
    for m in g.titled_surname.finditer(text):
        persons = g.surnames.get(m.group("surname"), ())
        parties = {g.tenures[p][0].party for p in persons}
        if len(parties) != 1:
            continue
        serving = [p for p in persons if role_of(p, on)] if on else list(persons)
        holder = serving[0] if len(serving) == 1 else None
        role = role_of(holder, on) if holder else None
        start = m.start("surname")
        found.append(
            Mention(start, m.end(), m.group("surname"), (parties.pop(),), PERSON, role, holder)
        )
    return found


def _contextual_mentions(text: str, static: list[Mention]) -> list[Mention]:
    """Names that stand for a state in a text that names that state (or its neighbour)
    otherwise: "the North" in an article about the two Koreas."""
    g = _gazetteer()
    if g.context_pattern is None:
        return []
    named = {p for m in static if m.category not in (NON_STATE, PLACE) for p in m.parties}
    taken = [(m.start, m.end) for m in static]
    found = []
    for m in g.context_pattern.finditer(text):
        term, requires = g.contextual[" ".join(m.group().split())]
        if not requires & named or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        found.append(Mention(m.start(), m.end(), m.group(), term.parties, term.category))
    return found


def find_mentions(text: str, on: date | None = None) -> list[Mention]:
    """Every mention of a state, a pair, an organisation or a country-named place, in order.

    `on` is the article's date: it decides which office a named person held.
    """
    static = _static_mentions(text, on)
    taken = [(m.start, m.end) for m in static]
    extra = [
        m
        for m in _surname_mentions(text, on, static)
        if not any(s < m.end and m.start < e for s, e in taken)
    ]
    merged = sorted(static + extra + _contextual_mentions(text, static), key=lambda m: m.start)
    result: list[Mention] = []
    for mention in merged:
        if result and mention.start < result[-1].end:
            continue
        result.append(mention)
    return result
