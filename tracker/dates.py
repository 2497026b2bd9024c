"""Time expressions in news text, resolved to calendar intervals.

Every claim needs the time at which its state held or began (domain.md, "Evidence"), and
news text gives it as a full date ("Jan. 7, 2011"), a month or a year, or relative to the
day the article appeared ("on Thursday", "last August", "in recent months"). General date
libraries resolve such words against the clock of the machine, prefer the future, and put
a bare weekday in another week (anchors.md, "Known pitfalls"); here every relative
expression is anchored on the publication date by rules written out below and tested one
by one.

How it works: each family of expressions (full dates, months, weekdays, "last month",
"since …", "over the past …", …) is one regular expression, built once at import from the
word lists of `tracker/data/temporal.yaml`, and one resolver that turns its match into
an inclusive interval. Families are tried at word starts, left to right, first family
first; a match its resolver cannot resolve (an impossible date, a relative expression
without a publication date) falls through to the next family, then to the next word.
Two shortcuts keep a sentence cheap (a few microseconds when it names no time): only
words shortly before a "core" stem (a digit, a month, a unit such as "week", a vague word
such as "recent") are tried, and at each only the families that can begin with that
word. `_find_times_slowly` does without both, and the tests hold the two to each other.

Conventions:
- Plain prepositions are not part of an expression ("in 2015" gives "2015", "on Thursday"
  gives "Thursday"); words that change the interval are ("since 2014", "last August",
  "over the past two years", "between 2014 and 2016").
- A four-digit number is a year only where something says it is: a preposition before
  it ("in 2015", "since 2014", "by 2015"), "'s" after it ("2015's"), a month, a part
  ("late 2015") or a range. "The 1987 treaty" is deliberately not a year: a treaty, a
  summit or a law named by its year dates the thing, not the claim about it ("Russia
  suspended the 1987 treaty" happened long after 1987).
- Words that bound an interval ("before 2015", "by March", "until 2016") give the
  interval of what they govern; the bound itself is left to the caller.
- Words that count from a day told before them ("earlier in the day", "the same day",
  "two days later") count from the last day named in the text, or in the sentences
  before it (the caller's `anchor`), and only then from the publication date.
- A single line break is white space: hard-wrapped text ("since July\n2014") keeps its
  expressions and its sentences whole. A blank line ends a sentence.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from typing import Any

import yaml

from tracker.vocab import DateHow, Precision


@dataclass(frozen=True)
class TimeExpression:
    """One time expression of a text and the inclusive interval it denotes."""

    start: int
    end: int
    text: str
    earliest: date
    latest: date
    precision: Precision
    how: DateHow


def publication_interval(published: date) -> tuple[date, date]:
    """The interval a claim gets when its sentence names no time: the day it was published."""
    return (published, published)


# --------------------------------------------------------------------------- word lists


def _load() -> dict[str, Any]:
    text = resources.files("tracker.data").joinpath("temporal.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


_DATA = _load()


def _norm(phrase: str) -> str:
    """The key under which a matched phrase is looked up: lower case, single spaces."""
    return " ".join(phrase.lower().replace("’", "'").split())


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, any white space between words."""
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        pieces = [re.escape(piece).replace("'", "['’]") for piece in word.split()]
        parts.append(r"\s+".join(pieces))
    return "|".join(parts)


def _first_words(phrases: Iterable[str]) -> set[str]:
    return {_norm(phrase).split()[0] for phrase in phrases}


def _leading_word(phrase: str) -> str:
    found = re.match(r"\w+", phrase)
    return found.group() if found else phrase


def _cased(words: Iterable[str]) -> list[str]:
    """A word as written in running text and in an all-capitals dateline."""
    return [form for word in words for form in (word, word.upper())]


_MONTH_OF: dict[str, int] = {}
_MONTH_NAMES: list[str] = []
_MONTH_CASED: list[str] = []
_MONTH_ABBR: list[str] = []
for _entry in _DATA["months"]:
    for _key, _into in (
        ("names", _MONTH_NAMES),
        ("cased", _MONTH_CASED),
        ("abbreviations", _MONTH_ABBR),
    ):
        for _name in _entry.get(_key, []):
            _into.append(_name)
            _MONTH_OF[_name.lower()] = _entry["number"]

_WEEKDAY_OF: dict[str, int] = {}
_WEEKDAY_NAMES: list[str] = []
_WEEKDAY_ABBR: list[str] = []
for _number, _entry in enumerate(_DATA["weekdays"]):
    for _name in _entry.get("names", []):
        _WEEKDAY_NAMES.append(_name)
        _WEEKDAY_OF[_name.lower()] = _number
    for _name in _entry.get("abbreviations", []):
        _WEEKDAY_ABBR.append(_name)
        _WEEKDAY_OF[_name.lower()] = _number

# a counting word -> (least, most)
_COUNT_OF: dict[str, tuple[int, int]] = {
    _norm(word): (int(n), int(n)) for word, n in _DATA["numbers"].items()
}
_COUNT_OF.update(
    {_norm(word): (int(lo), int(hi)) for word, (lo, hi) in _DATA["vague_counts"].items()}
)

_UNIT_OF: dict[str, str] = {
    "hour": "hour",
    "hours": "hour",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "fortnight": "fortnight",
    "fortnights": "fortnight",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "decade": "decade",
    "decades": "decade",
}


def _span_of(raw: dict[str, int]) -> tuple[str, int]:
    """A span of the word list ({months: 6}) as (unit, count)."""
    ((unit, count),) = raw.items()
    return _UNIT_OF[unit], int(count)


_PLURAL_SPAN: dict[str, tuple[str, int]] = {
    _UNIT_OF[unit]: _span_of(span) for unit, span in _DATA["plural_spans"].items()
}
_PLURAL_SPAN["fortnight"] = ("week", 6)

# a vague phrase -> (unit, count, runs into the future)
_VAGUE_OF: dict[str, tuple[str, int, bool]] = {}
for _entry in _DATA["vague"]:
    _unit, _amount = _span_of(_entry["span"])
    for _phrase in _entry["phrases"]:
        _VAGUE_OF[_norm(_phrase)] = (_unit, _amount, _entry.get("direction") == "future")

_PART_OF: dict[str, tuple[float, float]] = {
    _norm(word): (float(lo), float(hi)) for word, (lo, hi) in _DATA["parts"].items()
}
_WEEK_OF_MONTH: dict[str, tuple[int, int]] = {
    word: (int(first), int(last)) for word, (first, last) in _DATA["weeks_of_month"].items()
}
_HOLIDAY_OF: dict[str, tuple[int, int]] = {
    _norm(name).lower(): (int(month), int(day))
    for name, (month, day) in (_DATA.get("holidays") or {}).items()
}
_SEASON_OF: dict[str, tuple[int, int]] = {
    name: (int(s["start"]), int(s["months"])) for name, s in _DATA["seasons"].items()
}

# ------------------------------------------------------------------------------ patterns

_MON_NAME = rf"(?:{_alt(_MONTH_NAMES)}|(?-i:{_alt(_cased(_MONTH_CASED))}))"
_MON_ABBR = rf"(?-i:{_alt(_cased(_MONTH_ABBR))})"
# a month next to a day or a year: "Jan 7", "Sept. 12", "May 2023"
_MON = rf"(?:{_MON_NAME}(?!\w)(?!\.\w)|{_MON_ABBR}\.?(?!\w))"
# a month standing alone after a preposition: a full name, or an abbreviation with its stop
_MON_ALONE = rf"(?:{_MON_NAME}(?!\w)|{_MON_ABBR}\.)"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\w)"
_YEAR = (
    r"(?:19[0-9]{2}|20[0-9]{2}|2100)(?![0-9])(?![.,][0-9])(?!\s*%)"
    r"(?!\s+(?:percent|per\s+cent|million|billion|trillion|thousand)\b)"
)
_WD = rf"(?:{_alt(_WEEKDAY_NAMES)})(?!\w)"
# Nouns of events a month may name: "the November incident", "the June summit".
_EVENT_NOUNS = (
    r"(?:incident|attack|clash(?:es)?|crash|shooting|downing|summit|meeting|talks|visit|"
    r"elections?|collision|standoff|stand-off|agreement|accord|deal|strikes?|raid|coup|"
    r"invasion|incursion|truce|ceasefire|call|round|session|skirmish|row|spat|shootdown)\b"
)
_WD_ANY = rf"(?:{_alt(_WEEKDAY_NAMES)}|(?-i:{_alt(_cased(_WEEKDAY_ABBR))})\.?)(?!\w)"
_NUM = rf"(?:[0-9]{{1,3}}(?![0-9,.])|(?:{_alt(_COUNT_OF)})(?!\w))"
_UNIT = r"(?:hours?|days?|weeks?|fortnights?|months?|years?|decades?)(?!\w)"
_UNIT_PLURAL = r"(?:hours|days|weeks|fortnights|months|years|decades)(?!\w)"
_SEASON = rf"(?:{_alt(_SEASON_OF)})(?!\w)"
_DASH = r"(?:\s*[-–—]\s*)"
# "before"/"after" anchor on an earlier time only where nothing follows them in the clause
# ("the day before," but not "the day before the summit")
_CLAUSE_END = r"(?=\s*(?:[,.;:!?)\]\"”]|$|and\b|when\b|but\b))"
_FUTURE_REF = r"(?:the\s+present(?:\s+day)?|date|now|today)(?!\w)"

# The words that let a bare four-digit number or a bare month name be read as a time.
# After a weak one ("to", "for", "of", "around") a number is a year only at the end of a
# clause: "postponed to 2025." but not "raised to 2000 troops".
_STRONG_CONTEXT = [
    "in", "since", "during", "throughout", "through", "until", "till", "before", "after",
    "by", "from", "circa", "year",
]  # fmt: skip
_WEAK_CONTEXT = ["to", "for", "of", "around", "on"]
_CLAUSE_AFTER = r"(?=\s*(?:[,.;:!?)\]\"”]|$)|\s+(?:and|or)\b)"


def _after(words: Iterable[str]) -> str:
    """Right after one of the words and a space, or a space and a line break ("in \\n2015")."""
    return "(?:" + "|".join(rf"(?<=\b{w}\s)|(?<=\b{w}\s\s)" for w in words) + ")"


_AFTER_STRONG = _after(_STRONG_CONTEXT)
_AFTER_WEAK = _after(_WEAK_CONTEXT)
_AFTER_CONTEXT = f"(?:{_AFTER_STRONG}|{_AFTER_WEAK})"
_AFTER_IN = _after(["in", "during", "throughout"])


def _part_norm() -> str:
    """The part words of the word list; "end of" may stand as "the very end of"."""
    forms = []
    for word in _PART_OF:
        if word.endswith(" of"):
            forms.append(rf"(?:the\s+)?(?:very\s+)?{_alt([word])}\s+")
        else:
            forms.append(rf"{_alt([word])}(?:\s*-\s*|\s+)")
    return "(?:" + "|".join(sorted(forms, key=len, reverse=True)) + ")"


def _pd(p: str) -> str:
    """A date, a month or a year that may stand at either end of a range."""
    return (
        rf"(?:{_WD_ANY},?\s+)?"
        rf"(?:(?P<{p}m1>{_MON})\s+(?P<{p}d1>{_DAY})(?:,?\s+(?P<{p}y1>{_YEAR}))?"
        rf"|(?:the\s+)?(?P<{p}d2>{_DAY})(?:\s+of)?\s+(?P<{p}m2>{_MON})(?:,?\s+(?P<{p}y2>{_YEAR}))?"
        rf"|(?P<{p}m3>{_MON}),?\s+(?:of\s+)?(?P<{p}y3>{_YEAR})"
        rf"|(?P<{p}m4>{_MON_ALONE})"
        rf"|(?P<{p}y4>{_YEAR}))"
    )


_FAMILY_PATTERNS: list[tuple[str, str]] = [
    (
        "iso",
        rf"(?<![0-9./-])(?P<y>{_YEAR})(?P<s1>[-/])(?P<m>0[1-9]|1[0-2])(?P<s2>[-/])"
        r"(?P<d>0[1-9]|[12][0-9]|3[01])(?![0-9])",
    ),
    (
        "numeric",
        r"(?<![0-9./-])(?P<a>[0-9]{1,2})(?P<s1>[-/.])(?P<b>[0-9]{1,2})(?P<s2>[-/.])"
        rf"(?P<y>{_YEAR})(?![-/.][0-9])",
    ),
    (
        "range",
        rf"between\s+{_pd('a')}\s+and\s+{_pd('b')}"
        rf"|from\s+{_pd('c')}(?:{_DASH}|\s+(?:to|until|till|through|thru|into)\s+){_pd('d')}"
        rf"|{_pd('e')}(?:{_DASH}|\s+(?:through|thru)\s+){_pd('f')}"
        rf"|{_AFTER_IN}{_pd('g')},?\s+(?:and|or)\s+{_pd('h')}"
        rf"|(?:between\s+|from\s+)?(?P<im>{_MON})\s+(?P<id1>{_DAY})"
        rf"(?:{_DASH}|\s+(?:to|through|and)\s+)(?P<id2>{_DAY})(?:,?\s+(?P<iy>{_YEAR}))?"
        rf"|(?:between\s+|from\s+)?(?P<jd1>{_DAY})(?:{_DASH}|\s+(?:to|and)\s+)(?P<jd2>{_DAY})"
        rf"\s+(?P<jm>{_MON})"
        rf"(?:,?\s+(?P<jy>{_YEAR}))?"
        rf"|(?P<ky1>{_YEAR}){_DASH}(?P<ky2>[0-9]{{2}}(?:[0-9]{{2}})?)(?![0-9])",
    ),
    ("since", r"(?:ever\s+)?since\s+(?:the\s+(?=[0-9'’‘]))?(?P<inner>{INNER})"),
    (
        "fromnow",
        r"from\s+(?:the\s+(?=[0-9'’‘]))?(?P<inner>{INNER})"
        r"(?:\s+(?:to|until|till)\s+" + _FUTURE_REF + r"|\s+on(?:wards?)?(?!\w))",
    ),
    (
        "date",
        rf"(?:{_WD_ANY},?\s+)?(?:(?P<m1>{_MON})\s+(?P<d1>{_DAY})(?:,?\s+(?P<y1>{_YEAR}))?"
        rf"|(?:the\s+)?(?P<d2>{_DAY})(?:\s+of)?\s+(?P<m2>{_MON})(?:,?\s+(?P<y2>{_YEAR}))?)",
    ),
    (
        "holiday",
        rf"(?P<hol>{_alt(_HOLIDAY_OF)})(?!\w)(?:,?\s+(?:in\s+|of\s+)?(?P<y>{_YEAR}))?",
    ),
    (
        "part",
        rf"(?P<part>{_part_norm()})(?:the\s+)?"
        rf"(?:(?P<c>(?:19|20)[0-9]0)['’]?s(?!\w)"
        rf"|(?P<m>{_MON_ALONE})(?:,?\s+(?:of\s+)?(?P<y>{_YEAR}))?"
        rf"|(?P<y2>{_YEAR})"
        rf"|(?P<rel>last|this|next|the\s+current|current)\s+(?P<unit>week|month|year|decade)(?!\w)"
        rf"|(?P<unit2>week|month|year|decade)(?!\w)"
        rf"|(?P<wd>{_WD}))",
    ),
    (
        "weekof",
        rf"the\s+(?P<ord>{_alt(_WEEK_OF_MONTH)})\s+week\s+of\s+(?:the\s+)?"
        rf"(?:(?P<m>{_MON_ALONE})(?:,?\s+(?P<y>{_YEAR}))?|(?P<y2>{_YEAR})"
        r"|(?P<rel>last|this|next)\s+(?P<unit>month|year)|(?P<unit2>month|year))(?!\w)",
    ),
    (
        "quarter",
        rf"Q(?P<q>[1-4])\s+(?:of\s+)?(?P<y>{_YEAR})|(?P<y2>{_YEAR})\s*Q(?P<q2>[1-4])(?!\w)",
    ),
    (
        "season",
        rf"(?:the\s+)?(?P<s2>{_SEASON})(?:\s+of)?\s+(?P<y>{_YEAR})"
        rf"|(?P<rel>this\s+past|this\s+coming|last|this|next|past|previous|coming"
        r"|(?:over|during|in|through|throughout)\s+the)"
        rf"\s+(?P<s1>{_SEASON})(?!\s+of\b)",
    ),
    ("monthyear", rf"(?P<m>{_MON}),?\s+(?:of\s+)?(?P<y>{_YEAR})"),
    (
        "decade",
        r"(?P<c>(?:19|20)[0-9]0)['’]?s(?!\w)|['’‘](?P<dd>[0-9]0)s(?!\w)"
        r"|(?<=\bthe\s)(?P<dd2>[0-9]0)s(?!\w)",
    ),
    (
        "past",
        rf"(?:(?:over|in|during|for|within|throughout)\s+)?"
        rf"(?:the\s+(?:past|last)\s+(?:(?P<n>{_NUM})\s+)?|(?:past|last)\s+(?P<n2>{_NUM})\s+"
        rf"|(?<=\btime\s)in\s+(?:(?:more\s+than|over|nearly|almost|about)\s+)?(?:(?P<n3>{_NUM})\s+)?)"
        rf"(?P<unit>{_UNIT})(?:\s+(?:and|or)\s+(?P<unitb>{_UNIT_PLURAL}))?(?!\s+of\b)",
    ),
    (
        "ahead",
        rf"(?:(?:over|in|during|within)\s+)the\s+(?:next|coming)\s+(?:(?P<n>{_NUM})\s+)?(?P<unit>{_UNIT})"
        rf"|the\s+(?:next|coming)\s+(?P<n2>{_NUM})\s+(?P<unit2>{_UNIT})",
    ),
    ("vague", rf"(?:{_alt(_VAGUE_OF)})(?!\w)"),
    (
        "for",
        r"for\s+(?:(?:nearly|almost|about|around|roughly|some|close\s+to|more\s+than|over"
        r"|at\s+least)\s+)?"
        rf"(?:(?P<n>{_NUM})\s+(?P<unit>{_UNIT})|(?P<unit2>{_UNIT_PLURAL}))"
        r"(?!\s+(?:ago|earlier|later|before|after|from|of)\b)",
    ),
    (
        "ago",
        r"(?:(?:about|around|roughly|nearly|almost|some|just|only)\s+)?"
        rf"(?:(?P<n>{_NUM})\s+(?P<unit>{_UNIT})|(?P<unit2>{_UNIT_PLURAL}))\s+ago(?!\w)",
    ),
    (
        "anchored",
        rf"the\s+(?P<u1>day|week|month|year)\s+(?:(?P<dir1>earlier|later)(?!\w)|(?P<dir1b>before|after|prior){_CLAUSE_END})"
        r"|the\s+(?P<dir2>previous|preceding|next|following|prior|same)\s+(?P<u2>day|week|month|year)(?!\w)"
        r"|(?:earlier|later)\s+(?:in\s+the\s+(?P<u4>day|morning|afternoon|evening)"
        r"|that\s+(?P<u5>day|week|month|year|morning|afternoon|evening|night))(?!\w)"
        r"|that\s+same\s+(?P<u6>day|week|month|year)(?!\w)"
        r"|that\s+(?P<u7>day|morning|afternoon|evening|night)(?!\w)"
        rf"|(?P<n>{_NUM})\s+(?P<u3>{_UNIT})\s+(?:(?P<dir3>earlier|later)(?!\w)"
        rf"|(?P<dir4>before|after|prior){_CLAUSE_END})",
    ),
    (
        "calendar",
        r"(?P<mod>earlier|later)\s+(?:this|in\s+the)\s+(?P<u1>week|month|year)(?!\w)"
        r"|(?P<rel>this\s+past|this\s+coming|the\s+current|the\s+coming|this|last|next)\s+"
        r"(?P<u2>week|month|year|decade|quarter)(?!\w)",
    ),
    (
        "weekend",
        r"(?P<rel>this\s+past|this\s+coming|the\s+coming|the\s+past|the\s+previous|this|last|next"
        r"|over\s+the|at\s+the|during\s+the|on\s+the|the)\s+weekend(?!\w)",
    ),
    (
        "relday",
        r"(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
        r"|(?:earlier|later)\s+today|today|tonight|yesterday|tomorrow"
        r"|this\s+(?:morning|afternoon|evening)|last\s+night)"
        r"(?:\s+(?:morning|afternoon|evening|night))?(?!\w)",
    ),
    (
        "weekday",
        r"(?:(?P<rel>this\s+past|this\s+coming|last|this|next|past|previous|coming)\s+)?"
        rf"(?P<wd>{_WD})(?:\s+(?:morning|afternoon|evening|night))?",
    ),
    # A month that names an event ("the November incident", "the June summit"): the
    # month nearest before publication, as a month named alone.
    (
        "attr_month",
        rf"(?<=\bthe\s)(?=[A-Z])(?P<m>{_MON_NAME})(?!\w)(?=\s+(?:[a-z][\w-]*\s+)?{_EVENT_NOUNS})",
    ),
    (
        "month",
        r"(?:(?P<rel>this\s+past|this\s+coming|last|this|next|past|previous|coming)\s+"
        rf"|{_AFTER_CONTEXT})(?P<m>{_MON_ALONE})"
        r"(?:,?\s+(?:of\s+)?(?P<yrel>last|this|next|that|the\s+same)\s+year(?![\w'’]))?",
    ),
    (
        "year",
        rf"{_AFTER_STRONG}(?P<y>{_YEAR})|{_AFTER_WEAK}(?P<y3>{_YEAR}){_CLAUSE_AFTER}"
        rf"|(?P<y2>{_YEAR})(?=['’]s\b)",
    ),
]

# families allowed after "since" and in "from … to date": all but the compound ones, and
# also a bare month or year ("since August", "since 2014")
_INNER_EXCLUDED = {"range", "since", "fromnow"}
_INNER_EXTRA = [("bare_month", rf"(?P<m>{_MON_ALONE})"), ("bare_year", rf"(?P<y>{_YEAR})")]

_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_FLAGS = re.IGNORECASE


def _branch(pattern: str) -> str:
    """The pattern with its named groups made plain, to be one branch of a larger one."""
    return _NAMED_GROUP.sub("(?:", pattern)


_INNER_PATTERNS = [(n, p) for n, p in _FAMILY_PATTERNS if n not in _INNER_EXCLUDED] + _INNER_EXTRA
_INNER = "|".join(rf"(?:{_branch(p)})" for _, p in _INNER_PATTERNS)
_FAMILY_PATTERNS = [(n, p.replace("{INNER}", _INNER)) for n, p in _FAMILY_PATTERNS]

_GUARD = r"(?<![\w$£€¥#@])"
_COMBINED = re.compile(
    _GUARD + "(?:" + "|".join(rf"(?P<{n}>{_branch(p)})" for n, p in _FAMILY_PATTERNS) + ")",
    _FLAGS,
)
_COMBINED_INNER = re.compile(
    _GUARD + "(?:" + "|".join(rf"(?P<{n}>{_branch(p)})" for n, p in _INNER_PATTERNS) + ")",
    _FLAGS,
)
_FAMILY = {n: re.compile(p, _FLAGS) for n, p in _FAMILY_PATTERNS + _INNER_EXTRA}
_ORDER = [n for n, _ in _FAMILY_PATTERNS]
_INNER_ORDER = [n for n, _ in _INNER_PATTERNS]

# The first words each family can begin with ("#digit" and the like name word classes).
# At a word only the families that can begin with it are tried.
_REL = {"this", "last", "next", "past", "previous", "coming"}
_SPAN_PREPS = {"over", "in", "during", "within", "throughout", "for"}
_THE_UNITS = {"the day", "the week", "the month", "the year"}
_STARTS_OF: dict[str, set[str]] = {
    "iso": {"#digit"},
    "numeric": {"#digit"},
    "range": {"between", "from", "the #digit", "#digit", "#month", "#weekday"},
    "since": {"since", "ever"},
    "fromnow": {"from"},
    "date": {"the #digit", "#digit", "#month", "#weekday"},
    "holiday": {"#holiday"},
    "part": {"#part", "the #part", "very", "the very"},
    "weekof": {"the #weekof"},
    "quarter": {"q1", "q2", "q3", "q4", "#digit"},
    "season": _REL | {"the #season", "#season", "over", "during", "in", "through", "throughout"},
    "monthyear": {"#month"},
    "decade": {"#digit", "#apostrophe"},
    "past": _SPAN_PREPS | {"past", "last", "the past", "the last"},
    "ahead": _SPAN_PREPS | {"the next", "the coming"},
    "vague": {"#vague", "the #vague"},
    "for": {"for"},
    "ago": {
        "#number",
        "#unitplural",
        "#digit",
        "about",
        "around",
        "roughly",
        "nearly",
        "almost",
        "some",
        "just",
        "only",
    },
    "anchored": _THE_UNITS
    | {
        "the previous",
        "the preceding",
        "the next",
        "the following",
        "the prior",
        "the same",
        "#number",
        "#digit",
        "earlier",
        "later",
        "that",
    },
    "calendar": {"earlier", "later", "this", "last", "next", "the current", "the coming"},
    "weekend": {
        "this",
        "last",
        "next",
        "over",
        "at",
        "during",
        "on",
        "the weekend",
        "the coming",
        "the past",
        "the previous",
    },
    "relday": {
        "the day",
        "earlier",
        "later",
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "this",
        "last",
    },
    "weekday": _REL | {"#weekday"},
    "attr_month": {"#month"},
    "month": _REL | {"#month"},
    "year": {"#digit"},
}


def _after_the(phrases: Iterable[str]) -> set[str]:
    """The second words of the phrases that begin with "the"."""
    return {p.split()[1] for p in map(_norm, phrases) if p.startswith("the ")}


_WORD_CLASSES: dict[str, set[str]] = {
    "#month": set(_MONTH_OF),
    "#weekday": set(_WEEKDAY_OF),
    "#number": _first_words(_COUNT_OF),
    "#part": _first_words(_PART_OF),
    "#season": set(_SEASON_OF),
    "#holiday": {_leading_word(name) for name in _HOLIDAY_OF},
    "#vague": _first_words(_VAGUE_OF),
    "#unitplural": {unit for unit in _UNIT_OF if unit.endswith("s")},
    "#weekof": set(_WEEK_OF_MONTH),
}
# "the" begins a dozen families: at "the" the word after it decides
_WORD_CLASSES.update({f"the {k}": {f"the {w}" for w in v} for k, v in _WORD_CLASSES.items()})
_WORD_CLASSES["the #vague"] = {f"the {w}" for w in _after_the(_VAGUE_OF)}
_DISPATCH: dict[str, tuple[str, ...]] = {}
for _name in _ORDER:
    for _start in _STARTS_OF[_name]:
        for _word in _WORD_CLASSES.get(_start, {_start}):
            _DISPATCH[_word] = (*_DISPATCH.get(_word, ()), _name)


# Every time expression holds one of these "core" stems (lower case): a digit, a month
# stem, a unit, a season, a vague word. A text without any cannot hold one, and an
# expression never starts more than _WINDOW_WORDS words (_WINDOW characters) before its
# first core stem ("ever since the very beginning of the 1990s"). Only there are the
# families tried: trying them at every word costs several microseconds a word, and the
# extractor calls this for every sentence it reads.
def _core_stems() -> tuple[str, ...]:
    stems = {"hour", "day", "week", "month", "year", "decade", "night", "quarter", "tomorrow",
             "morning", "afternoon", "evening"}  # fmt: skip
    stems |= {name.lower()[:3] for name in _MONTH_OF} | set(_SEASON_OF)
    stems |= {_leading_word(name) for name in _HOLIDAY_OF if not any(s in name for s in stems)}
    for phrase in _VAGUE_OF:
        if not any(stem in phrase for stem in stems):
            stems.add(phrase.split()[-1])
    # a stem that holds another is found through it (not through a month stem, which
    # counts only in a month name: "decade" holds "dec")
    months = {name.lower()[:3] for name in _MONTH_OF}
    absorbing = stems - months
    return tuple(sorted(s for s in stems if not any(o != s and o in s for o in absorbing)))


_CORE_STEMS = _core_stems()
# Stems that may stand inside a word ("Thursday", "weekend", "tonight"); the others only
# begin one, and a month stem begins a month name only with a capital ("May", not "may",
# "market" or "decided") unless it begins a full name that is no English word ("june").
_STEMS_INSIDE = frozenset({"day", "week", "night"})
_MONTH_STEMS = frozenset(name.lower()[:3] for name in _MONTH_OF)
_LOWER_MONTHS = frozenset(name.lower() for name in _MONTH_NAMES)
_WINDOW = 80  # characters
_WINDOW_WORDS = 8
_DIGIT = re.compile(r"[0-9]")
_WORD_STARTS = re.compile(r"(?<![\w$£€¥#@])[\w'’‘]")
_WORD = re.compile(r"\w+")
_SECOND_WORD = re.compile(r"\s+(\w+)")


def _apostrophes(words: Iterable[str]) -> tuple[str, ...]:
    """Lower-case words, also spelt with the typographic apostrophe."""
    return tuple(sorted({form for w in words for form in (w.lower(), w.lower().replace("'", "’"))}))


_FUTURE_MARKERS = _apostrophes(_DATA["future_markers"])
_REPORTING_VERBS = _apostrophes(_DATA["reporting_verbs"])
_PAST_AUXILIARIES = frozenset(_DATA["past_auxiliaries"])
_BACK_TO_PAST = _REPORTING_VERBS + _apostrophes(_PAST_AUXILIARIES)
_SENTENCE_REACH = 600  # characters looked back for the start of a sentence
# A sentence ends at a stop and white space, at a stop glued to the next sentence
# ("the Treaty.Officials"), and at a blank line. A single line break is hard wrapping, not
# an end: "frozen since March\n2014." is one sentence.
_BOUNDARY = re.compile(r"[.!?;]['\"’”)\]]*\s|(?<=[a-z]{2})[.!?](?=[A-Z][a-z])|\n[^\S\n]*\n")
_ABBREVIATIONS = frozenset(a.lower() for a in _DATA["abbreviations"])
# A plan told in the past: "were scheduled for", "had been due to", "was originally set to".
_PAST_PLAN = re.compile(
    rf"\b(?:{_alt(_PAST_AUXILIARIES)})\s+(?:been\s+)?(?:\w+ly\s+)?(?:{_alt(_DATA['plans'])})\b"
    rf"|\b(?:{_alt(_DATA['agreements'])})\s+(?:[\w-]+\s+){{0,3}}?to\s+[a-z]+\b"
)

# An event told as a clause after "after" or "following": a subject that begins with a
# capital ("Ankara", "the United States", "Ankara's navy") and then a past verb.
_PAST_VERB = rf"(?:[a-z]+ed|{_alt(_DATA['irregular_past'])})"
_EVENT = re.compile(
    r"(?<![\w-])(?:after|following)\s+(?P<event>(?:the\s+)?(?-i:[A-Z])[\w'’.-]*"
    rf"(?:\s+[\w'’.-]+){{0,4}}?\s+(?:had\s+)?{_PAST_VERB}(?!\w))",
    re.IGNORECASE,
)
_CLAUSE_STOP = re.compile(r"[,;:.!?]|\s[-–—]\s|$")
# A present perfect, the tense of a state that has held up to now: "has been silent",
# "have not met", "has long refused".
_PRESENT_PERFECT = re.compile(
    r"\b(?:has|have|hasn['’]t|haven['’]t|['’]ve)\s+(?:\w+\s+){0,2}?\w+(?:ed|en|t|wn|ne|un|ng)\b"
)
_PUNCTUATION = re.compile(r"[,;:!?]")
# A participle set off by a comma, as of a state that held until the sentence's event:
# "the talks, frozen for two years, resumed".
_APPOSITIVE_PARTICIPLE = re.compile(
    r",\s+(?:(?:largely|mostly|effectively|virtually)\s+)?[a-z]+(?:ed|en|cut|shut)"
    r"(?:\s+(?:off|down|up))?\s+$"
)
# "a day after Pyongyang restored the line": how long before the day named earlier.
_GAP_BEFORE = re.compile(rf"(?<!\w)(?P<n>{_NUM})\s+(?P<unit>{_UNIT})\s+$", re.IGNORECASE)
_DIGITS = re.compile(r"[0-9]+")
_COUNTED_EVENT = re.compile(
    rf"(?<!\w)(?P<n>{_NUM})\s+(?P<unit>{_UNIT})\s+after\s+(?P<event>(?:the\s+)?[\w'’.-]+"
    rf"(?:\s+[\w'’.-]+){{0,4}}?\s+(?:had\s+)?{_PAST_VERB}(?!\w))",
    re.IGNORECASE,
)
# A present tense before "N years after ...": the count runs back from publication.
_PRESENT_BEFORE = re.compile(
    r"\b(?:comes|come|is|are|marks|mark|follows|happens|takes\s+place)\s+(?:\w+\s+){0,2}$"
)

# ------------------------------------------------------------------------ date arithmetic


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


def _shift(day: date, unit: str, count: int) -> date:
    """The day `count` units after `day` (before it for a negative count)."""
    if unit == "day":
        return day + timedelta(days=count)
    if unit == "hour":  # to whole days, outwards: twelve hours ago may be yesterday
        days = -(-abs(count) // 24)
        return day + timedelta(days=days if count >= 0 else -days)
    if unit == "week":
        return day + timedelta(weeks=count)
    if unit == "fortnight":
        return day + timedelta(weeks=2 * count)
    if unit == "month":
        return _add_months(day, count)
    if unit == "year":
        return _add_months(day, 12 * count)
    return _add_months(day, 120 * count)


def _week(day: date) -> tuple[date, date]:
    """The Monday-to-Sunday week that holds `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _month(day: date) -> tuple[date, date]:
    return day.replace(day=1), _month_end(day.year, day.month)


def _year(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def _quarter(day: date) -> tuple[date, date]:
    first = 3 * ((day.month - 1) // 3) + 1
    return date(day.year, first, 1), _month_end(day.year, first + 2)


def _decade(day: date) -> tuple[date, date]:
    first = day.year - day.year % 10
    return date(first, 1, 1), date(first + 9, 12, 31)


def _unit_around(day: date, unit: str) -> tuple[date, date]:
    """The calendar unit (week, month, year, decade, quarter) that holds `day`."""
    if unit == "week":
        return _week(day)
    if unit == "month":
        return _month(day)
    if unit == "year":
        return _year(day.year)
    if unit == "quarter":
        return _quarter(day)
    return _decade(day)


def _unit_step(unit: str) -> tuple[str, int]:
    """One calendar unit as a shift: a quarter is three months."""
    return ("month", 3) if unit == "quarter" else (unit, 1)


def _precision_of(unit: str) -> Precision:
    return {"day": Precision.DAY, "month": Precision.MONTH, "year": Precision.YEAR}.get(
        unit, Precision.RANGE
    )


# ------------------------------------------------------------------------------ resolving

_Interval = tuple[date, date, Precision, DateHow]


@dataclass
class _Context:
    text: str
    low: str  # text.lower(), same length: no letter of English text changes its length
    published: date | None
    found: list[TimeExpression]
    anchor: date | None = None  # the last day named before the text (find_times)
    year: int | None = None  # the last year named before the text ("that year")


def _month_number(token: str) -> int:
    return _MONTH_OF[token.rstrip(".").lower()]


def _day_number(token: str) -> int:
    match = _DIGITS.match(token)
    return int(match.group()) if match else 0


def _count(token: str | None) -> tuple[int, int] | None:
    """A counting word or number as (least, most); None when there is none."""
    if token is None:
        return None
    if token[0].isdigit():
        n = int(token)
        return (n, n)
    return _COUNT_OF.get(_norm(token))


def _sentence_start(text: str, start: int) -> int:
    """Where the sentence that holds `start` begins.

    A full stop after an abbreviation ("Gen.", "U.S.") or an initial does not end one.
    """
    begin = max(0, start - _SENTENCE_REACH)
    for boundary in _BOUNDARY.finditer(text, begin, start):
        stop = boundary.start()
        if text[stop] == ".":
            first = stop
            while first > 0 and (text[first - 1].isalnum() or text[first - 1] == "."):
                first -= 1
            word = text[first:stop].lower()
            if word in _ABBREVIATIONS or len(word) == 1:
                continue
        begin = boundary.end()
    return begin


def _word_at(low: str, at: int, end: int) -> bool:
    """Whether low[at:end] stands as a word of its own."""
    before = at == 0 or not low[at - 1].isalnum() or not low[at].isalnum()
    return before and (end >= len(low) or not low[end].isalnum())


def _last_word(low: str, words: tuple[str, ...], begin: int, end: int) -> tuple[int, int]:
    """Where the last of `words` stands in low[begin:end] as a word: (start, end), or (-1, -1)."""
    last = (-1, -1)
    for word in words:
        at = low.rfind(word, begin, end)
        while at >= 0:
            if _word_at(low, at, at + len(word)):
                last = max(last, (at, at + len(word)))
                break
            at = low.rfind(word, begin, at + len(word) - 1)
    return last


def _is_future(ctx: _Context, start: int) -> bool:
    """Whether the sentence, before `start`, speaks of something still to come.

    A future marker ("will", "is due to", "scheduled for") counts unless a past auxiliary
    stands right before it ("had been scheduled for Sunday"), or a reporting verb or a
    past auxiliary follows it: in "the ministers will meet, officials said on Thursday"
    and in "will restore the line that was cut on Friday" the day is past.
    """
    begin = _sentence_start(ctx.text, start)
    at, end = _last_word(ctx.low, _FUTURE_MARKERS, begin, start)
    if at < 0:
        return _fronted_future(ctx, begin, start)
    before = ctx.low[max(begin, at - 8) : at].split()
    if before and before[-1] in _PAST_AUXILIARIES:
        return False
    return _last_word(ctx.low, _BACK_TO_PAST, end, start)[0] < 0


def _is_past_plan(ctx: _Context, start: int) -> bool:
    """Whether the time, in its sentence, is the date of a plan told in the past.

    "The drills were scheduled for May 21" may be said before or after 21 May: the
    plan was made before publication, the date it names may lie on either side. A
    reporting verb after the plan ends it ("was due to meet, he said on Monday").
    """
    begin = _sentence_start(ctx.text, start)
    plans = [m.end() for m in _PAST_PLAN.finditer(ctx.low, begin, start)]
    if not plans:
        return False
    return _last_word(ctx.low, _REPORTING_VERBS, plans[-1], start)[0] < 0


_FRONTING = frozenset({"", "on", "by", "at", "late on", "early on", "and on", "then on"})
_MAIN_CLAUSE_CHARS = 80


def _fronted_future(ctx: _Context, begin: int, start: int) -> bool:
    """Whether a time fronted before its clause ("On Tuesday, he will travel") is future.

    News often opens a sentence with the time: the tense then comes after it, in the
    first words of the main clause.
    """
    lead = " ".join(ctx.low[begin:start].replace(",", " ").split())
    if lead not in _FRONTING:
        return False
    stop = min(len(ctx.low), start + _MAIN_CLAUSE_CHARS)
    for mark in ".;!?":
        found = ctx.low.find(mark, start, stop)
        if found >= 0:
            stop = found
    at, _ = _first_word(ctx.low, _FUTURE_MARKERS, start, stop)
    if at < 0:
        return False
    return _first_word(ctx.low, _BACK_TO_PAST, start, at)[0] < 0


def _first_word(low: str, words: tuple[str, ...], begin: int, end: int) -> tuple[int, int]:
    """Where the first of `words` stands in low[begin:end] as a word: (start, end), or (-1, -1)."""
    first = (len(low) + 1, -1)
    for word in words:
        at = low.find(word, begin, end)
        while at >= 0:
            if _word_at(low, at, at + len(word)) and at + len(word) <= end:
                first = min(first, (at, at + len(word)))
                break
            at = low.find(word, at + 1, end)
    return first if first[1] >= 0 else (-1, -1)


def _weekday_day(weekday: int, published: date, rel: str | None, future: bool) -> date:
    """The day of a weekday named relative to the publication date."""
    today = published.weekday()
    if rel in ("last", "previous"):
        return published - timedelta(days=(today - weekday - 1) % 7 + 1)
    if rel == "next":
        return published + timedelta(days=(weekday - today - 1) % 7 + 1)
    if rel == "this":
        return _week(published)[0] + timedelta(days=weekday)
    if rel in ("coming", "this coming") or (rel is None and future):
        return published + timedelta(days=(weekday - today) % 7)
    return published - timedelta(days=(today - weekday) % 7)


def _month_year(month: int, published: date, rel: str | None, future: bool) -> int:
    """The year of a month named without one ("last August", "in March")."""
    here = published.month
    if rel in ("last", "previous"):
        return published.year if month < here else published.year - 1
    if rel == "next":
        return published.year if month > here else published.year + 1
    if rel == "this":
        return published.year
    if rel in ("coming", "this coming") or (rel is None and future):
        return published.year if month >= here else published.year + 1
    return published.year if month <= here else published.year - 1


def _day_year(month: int, day: int, published: date, future: bool) -> date | None:
    """A day and month without a year: the latest on or before publication (or the next)."""
    step = 1 if future else -1
    year = published.year
    for _ in range(9):  # 29 February comes back within eight years
        try:
            candidate = date(year, month, day)
        except ValueError:
            candidate = None
        if candidate is not None and (candidate >= published if future else candidate <= published):
            return candidate
        year += step
    return None


def _resolve_iso(m: re.Match[str], ctx: _Context) -> _Interval | None:
    if m["s1"] != m["s2"]:
        return None
    day = date(int(m["y"]), int(m["m"]), int(m["d"]))
    return day, day, Precision.DAY, DateHow.EXPLICIT


def _resolve_numeric(m: re.Match[str], ctx: _Context) -> _Interval | None:
    """A numeric date, only when day and month cannot be mistaken for each other."""
    if m["s1"] != m["s2"]:
        return None
    a, b = int(m["a"]), int(m["b"])
    if a == b:
        month, day = a, b
    elif a > 12 >= b:
        month, day = b, a
    elif b > 12 >= a:
        month, day = a, b
    else:
        return None
    found = date(int(m["y"]), month, day)
    return found, found, Precision.DAY, DateHow.EXPLICIT


_Partial = tuple[int | None, int | None, int | None]


def _partial(m: re.Match[str], p: str) -> _Partial:
    """(year, month, day) of a range end, each None where the text does not give it."""
    for mk, dk, yk in ((f"{p}m1", f"{p}d1", f"{p}y1"), (f"{p}m2", f"{p}d2", f"{p}y2")):
        if m[mk]:
            year = int(m[yk]) if m[yk] else None
            return year, _month_number(m[mk]), _day_number(m[dk])
    if m[f"{p}m3"]:
        return int(m[f"{p}y3"]), _month_number(m[f"{p}m3"]), None
    if m[f"{p}m4"]:
        return None, _month_number(m[f"{p}m4"]), None
    return int(m[f"{p}y4"]), None, None


def _range_of(a: _Partial, b: _Partial, ctx: _Context, start: int) -> _Interval | None:
    """The interval from the start of `a` to the end of `b`, sharing a year if one lacks it."""
    ya, ma, da = a
    yb, mb, db = b
    how = DateHow.EXPLICIT
    if yb is None and ya is None:
        if ctx.published is None or mb is None:
            return None
        future = _is_future(ctx, start)
        if not future and _is_past_plan(ctx, start):
            # a plan told in the past: the range that ends nearer publication
            p = ctx.published
            ends = [_day_year(mb, db or 1, p, coming) for coming in (False, True)]
            if db is None:
                ends = [_month_end(_month_year(mb, p, None, c), mb) for c in (False, True)]
            end_day = _nearest(ends[0], ends[1], p)
            if end_day is None:
                return None
            yb = end_day.year
        elif db is not None:
            end_day = _day_year(mb, db, ctx.published, future)
            if end_day is None:
                return None
            yb = end_day.year
        else:
            yb = _month_year(mb, ctx.published, None, future)
        how = DateHow.RELATIVE
    in_order = (ma or 1, da or 1) <= (mb or 12, db or 31)
    if ya is None:
        assert yb is not None
        ya = yb if in_order else yb - 1
    if yb is None:
        yb = ya if in_order else ya + 1
    earliest = date(ya, ma or 1, da or 1)
    if mb is None:
        latest = date(yb, 12, 31)
    elif db is None:
        latest = _month_end(yb, mb)
    else:
        latest = date(yb, mb, db)
    if earliest >= latest:
        return None
    return earliest, latest, Precision.RANGE, how


def _resolve_range(m: re.Match[str], ctx: _Context) -> _Interval | None:
    start = m.start()
    for a, b in (("a", "b"), ("c", "d"), ("e", "f"), ("g", "h")):
        if m.group(f"{b}m1", f"{b}m2", f"{b}m3", f"{b}m4", f"{b}y4") != (None,) * 5:
            return _range_of(_partial(m, a), _partial(m, b), ctx, start)
    if m["im"]:
        month, year = _month_number(m["im"]), m["iy"]
        first, last = _day_number(m["id1"]), _day_number(m["id2"])
    elif m["jm"]:
        month, year = _month_number(m["jm"]), m["jy"]
        first, last = _day_number(m["jd1"]), _day_number(m["jd2"])
    else:
        y1, y2 = int(m["ky1"]), m["ky2"]
        end_year = int(y2) if len(y2) == 4 else y1 - y1 % 100 + int(y2)
        if not y1 < end_year <= 2100:
            return None
        return date(y1, 1, 1), date(end_year, 12, 31), Precision.RANGE, DateHow.EXPLICIT
    given = int(year) if year else None
    return _range_of((given, month, first), (given, month, last), ctx, start)


def _resolve_inner(ctx: _Context, start: int, end: int) -> _Interval | None:
    """The interval of the expression inside "since …" or "from … to date"."""
    m = _COMBINED_INNER.match(ctx.text, start, end)
    if m is None or m.end() != end or m.lastgroup is None:
        return None
    for name in _INNER_ORDER[_INNER_ORDER.index(m.lastgroup) :]:
        fm = _FAMILY[name].fullmatch(ctx.text, start, end)
        if fm is not None:
            got = _RESOLVERS[name](fm, ctx)
            if got is not None:
                return got
    return None


def _resolve_since(m: re.Match[str], ctx: _Context) -> _Interval | None:
    """From the start of what follows to the publication date."""
    if ctx.published is None:
        return None
    inner = _resolve_inner(ctx, m.start("inner"), m.end("inner"))
    if inner is None or inner[0] > ctx.published:
        return None
    return inner[0], ctx.published, Precision.RANGE, DateHow.RELATIVE


def _resolve_date(m: re.Match[str], ctx: _Context) -> _Interval | None:
    if m["m1"]:
        month, day, year = _month_number(m["m1"]), _day_number(m["d1"]), m["y1"]
    else:
        month, day, year = _month_number(m["m2"]), _day_number(m["d2"]), m["y2"]
    if year:
        found = date(int(year), month, day)
        return found, found, Precision.DAY, DateHow.EXPLICIT
    if ctx.published is None:
        return None
    future = _is_future(ctx, m.start())
    resolved = _day_year(month, day, ctx.published, future)
    if not future and _is_past_plan(ctx, m.start()):
        resolved = _nearest(resolved, _day_year(month, day, ctx.published, True), ctx.published)
    if resolved is None:
        return None
    return resolved, resolved, Precision.DAY, DateHow.RELATIVE


def _nearest(past: date | None, coming: date | None, published: date) -> date | None:
    """Of the last and the next such day, the one nearer publication (the last on a tie)."""
    if past is None or coming is None:
        return past or coming
    return coming if (coming - published) < (published - past) else past


def _slice(earliest: date, latest: date, unit: str, lo: float, hi: float) -> tuple[date, date]:
    """The part [lo, hi] (fractions) of an interval, counted in whole sub-units."""
    if unit == "year":  # in months
        first, last = round(12 * lo), max(round(12 * hi), round(12 * lo) + 1)
        return date(earliest.year, first + 1, 1), _month_end(earliest.year, last)
    if unit == "decade":  # in years, rounded outwards: "the early 1990s" reach 1993
        first, last = math.floor(10 * lo), math.ceil(10 * hi)
        return date(earliest.year + first, 1, 1), date(earliest.year + last - 1, 12, 31)
    if unit == "month":  # in days of a nominal 30-day month: early 1-10, mid 11-20, late 21-end
        first = round(30 * lo) + 1
        last = latest.day if hi >= 1 else max(round(30 * hi), first)
        return earliest.replace(day=first), earliest.replace(day=last)
    days = (latest - earliest).days + 1
    first, last = round(days * lo), max(round(days * hi), round(days * lo) + 1)
    return earliest + timedelta(days=first), earliest + timedelta(days=last - 1)


def _resolve_holiday(m: re.Match[str], ctx: _Context) -> _Interval | None:
    """A day known by name: "Christmas Day in 2015", "on New Year's Eve"."""
    month, day = _HOLIDAY_OF[_norm(m["hol"]).lower()]
    if m["y"]:
        found = date(int(m["y"]), month, day)
        return found, found, Precision.DAY, DateHow.EXPLICIT
    if ctx.published is None:
        return None
    resolved = _day_year(month, day, ctx.published, _is_future(ctx, m.start()))
    if resolved is None:
        return None
    return resolved, resolved, Precision.DAY, DateHow.RELATIVE


def _resolve_part(m: re.Match[str], ctx: _Context) -> _Interval | None:
    """ "late 2015", "mid-August", "the end of last year", "the early 1990s"."""
    part = _norm(m["part"]).removeprefix("the ").removeprefix("very ").rstrip(" -")
    lo, hi = _PART_OF[part]
    p = ctx.published
    how = DateHow.EXPLICIT
    if m["c"]:
        base, unit = (date(int(m["c"]), 1, 1), date(int(m["c"]) + 9, 12, 31)), "decade"
    elif m["y2"]:
        base, unit = _year(int(m["y2"])), "year"
    elif m["m"]:
        month = _month_number(m["m"])
        if m["y"]:
            year = int(m["y"])
        elif p is None:
            return None
        else:
            future = _is_future(ctx, m.start())
            year, how = _month_year(month, p, None, future), DateHow.RELATIVE
            # "met in late May" in an article of 10 May is last year's late May
            first, last = _slice(*_month(date(year, month, 1)), "month", lo, hi)
            if not future and first > p:
                year -= 1
            elif future and last < p:
                year += 1
            if not future and _is_past_plan(ctx, m.start()):
                # a plan told in the past: the nearer of the last and the next such part
                past_end = _slice(*_month(date(year, month, 1)), "month", lo, hi)[1]
                coming = _slice(*_month(date(year + 1, month, 1)), "month", lo, hi)[0]
                if coming - p < p - past_end:
                    year += 1
        base, unit = _month(date(year, month, 1)), "month"
    elif m["wd"]:
        if p is None or part not in ("early", "late"):
            return None
        day = _weekday_day(_WEEKDAY_OF[m["wd"].lower()], p, None, _is_future(ctx, m.start()))
        return day, day, Precision.DAY, DateHow.RELATIVE
    else:
        if p is None:
            return None
        unit = (m["unit"] or m["unit2"]).lower()
        rel = _norm(m["rel"]) if m["rel"] else "this"
        step = {"last": -1, "next": 1}.get(rel, 0)
        base = _unit_around(_shift(p, unit, step), unit)
        how = DateHow.RELATIVE
    earliest, latest = _slice(base[0], base[1], unit, lo, hi)
    return earliest, latest, Precision.RANGE, how


def _resolve_weekof(m: re.Match[str], ctx: _Context) -> _Interval | None:
    """ "the last week of March", "the first week of next month": days of a month."""
    first_day, last_day = _WEEK_OF_MONTH[_norm(m["ord"])]
    p = ctx.published
    how = DateHow.EXPLICIT
    if m["m"]:
        month = _month_number(m["m"])
        if m["y"]:
            year = int(m["y"])
        elif p is None:
            return None
        else:
            year = _month_year(month, p, None, _is_future(ctx, m.start()))
            how = DateHow.RELATIVE
    elif m["y2"]:
        year, month = int(m["y2"]), 12 if first_day < 0 else 1
    else:
        if p is None:
            return None
        unit = (m["unit"] or m["unit2"]).lower()
        step = {"last": -1, "next": 1}.get(_norm(m["rel"] or "this"), 0)
        anchor = _shift(p, unit, step)
        year = anchor.year
        month = anchor.month if unit == "month" else (12 if first_day < 0 else 1)
        how = DateHow.RELATIVE
    end = _month_end(year, month).day
    first = first_day if first_day > 0 else end + 1 + first_day
    last = last_day if last_day > 0 else end + 1 + last_day
    return date(year, month, first), date(year, month, last), Precision.RANGE, how


def _resolve_quarter(m: re.Match[str], ctx: _Context) -> _Interval | None:
    """ "Q3 2015": a calendar quarter."""
    quarter, year = int(m["q"] or m["q2"]), int(m["y"] or m["y2"])
    first, last = _quarter(date(year, 3 * quarter - 2, 1))
    return first, last, Precision.RANGE, DateHow.EXPLICIT


def _season_instance(name: str, year: int) -> tuple[date, date]:
    """The season `name` that begins in `year`."""
    start_month, months = _SEASON_OF[name]
    first = date(year, start_month, 1)
    last = _add_months(first, months - 1)
    return first, _month_end(last.year, last.month)


def _resolve_season(m: re.Match[str], ctx: _Context) -> _Interval | None:
    if m["y"]:
        name = m["s2"].lower()
        year = int(m["y"])
        if _SEASON_OF[name][0] == 12:
            year -= 1  # the winter of 2015 holds January 2015
        first, last = _season_instance(name, year)
        return first, last, Precision.RANGE, DateHow.EXPLICIT
    p = ctx.published
    if p is None:
        return None
    name = m["s1"].lower()
    rel = _norm(m["rel"])
    seasons = [_season_instance(name, y) for y in range(p.year - 2, p.year + 2)]
    if rel.endswith(" the"):  # "over the summer": the latest begun by publication, or to come
        if _is_future(ctx, m.start()):
            first, last = next(s for s in seasons if s[1] >= p)
        else:
            first, last = [s for s in seasons if s[0] <= p][-1]
    elif rel in ("last", "past", "previous", "this past"):
        first, last = [s for s in seasons if s[1] < p][-1]
    elif rel in ("next", "coming", "this coming"):
        first, last = next(s for s in seasons if s[0] > p)
    else:
        first, last = min(
            seasons,
            key=lambda s: (
                0 if s[0] <= p <= s[1] else min(abs((s[0] - p).days), abs((p - s[1]).days))
            ),
        )
    return first, last, Precision.RANGE, DateHow.RELATIVE


def _resolve_monthyear(m: re.Match[str], ctx: _Context) -> _Interval | None:
    first, last = _month(date(int(m["y"]), _month_number(m["m"]), 1))
    return first, last, Precision.MONTH, DateHow.EXPLICIT


def _resolve_decade(m: re.Match[str], ctx: _Context) -> _Interval | None:
    if m["c"]:
        first = int(m["c"])
    else:
        two = int(m["dd"] or m["dd2"])
        now = ctx.published.year if ctx.published else 2010
        first = 2000 + two if 2000 + two <= now else 1900 + two
    return date(first, 1, 1), date(first + 9, 12, 31), Precision.RANGE, DateHow.EXPLICIT


def _back(p: date, unit: str, count: int) -> _Interval:
    return _shift(p, unit, -count), p, Precision.RANGE, DateHow.RELATIVE


def _forward(p: date, unit: str, count: int) -> _Interval:
    return p, _shift(p, unit, count), Precision.RANGE, DateHow.RELATIVE


def _resolve_past(m: re.Match[str], ctx: _Context) -> _Interval | None:
    """ "over the past two years": the span that ends on the publication date."""
    if ctx.published is None:
        return None
    unit = _UNIT_OF[m["unit"].lower()]
    counted = _count(m["n"] or m["n2"] or m["n3"])
    if m["unitb"]:  # "over the past weeks and months": the longer of the two
        spans = (_PLURAL_SPAN[unit], _PLURAL_SPAN[_UNIT_OF[m["unitb"].lower()]])
        first = min(_shift(ctx.published, span_unit, -n) for span_unit, n in spans)
        return first, ctx.published, Precision.RANGE, DateHow.RELATIVE
    if counted is None:
        count = 1 if m["unit"].lower() == unit else _PLURAL_SPAN[unit][1]
        if m["unit"].lower() != unit:
            unit = _PLURAL_SPAN[unit][0]
    else:
        count = counted[1]
    return _back(ctx.published, unit, count)


def _resolve_ahead(m: re.Match[str], ctx: _Context) -> _Interval | None:
    """ "over the next two years": the span that starts on the publication date."""
    if ctx.published is None:
        return None
    word = (m["unit"] or m["unit2"]).lower()
    unit = _UNIT_OF[word]
    counted = _count(m["n"] or m["n2"])
    if counted is not None:
        return _forward(ctx.published, unit, counted[1])
    if word == unit:
        return _forward(ctx.published, unit, 1)
    span_unit, span = _PLURAL_SPAN[unit]
    return _forward(ctx.published, span_unit, span)


def _resolve_vague(m: re.Match[str], ctx: _Context) -> _Interval | None:
    if ctx.published is None:
        return None
    unit, count, future = _VAGUE_OF[_norm(m.group())]
    return (_forward if future else _back)(ctx.published, unit, count)


def _resolve_for(m: re.Match[str], ctx: _Context) -> _Interval | None:
    """ "has been silent for two years", "have not met for months": the span up to
    publication.

    Only a present perfect in the clause makes a duration such a span: "met for two
    days", "had been cut for a year" or "will be suspended for two weeks" say how long
    something lasted, not when, and give no time. "For more than a year" gives the year:
    where the state surely held.
    """
    if ctx.published is None:
        return None
    begin = _sentence_start(ctx.text, m.start())
    perfect = [p.end() for p in _PRESENT_PERFECT.finditer(ctx.low, begin, m.start())]
    if (
        not perfect or _PUNCTUATION.search(ctx.low, perfect[-1], m.start()) is not None
    ) and not _APPOSITIVE_PARTICIPLE.search(ctx.low, begin, m.start()):
        return None
    if m["unit"]:
        unit = _UNIT_OF[m["unit"].lower()]
        counted = _count(m["n"])
        if counted is None:
            return None
        count = counted[1]
    else:
        unit, count = _PLURAL_SPAN[_UNIT_OF[m["unit2"].lower()]]
    return _back(ctx.published, unit, count)


def _ago(p: date, unit: str, least: int, most: int) -> _Interval:
    """The time `least`..`most` units before `p`, as wide as the unit makes it."""
    if unit == "hour":
        earliest, latest = _shift(p, "hour", -most), p - timedelta(days=least // 24)
        precision = Precision.DAY if earliest == latest else Precision.RANGE
        return earliest, latest, precision, DateHow.RELATIVE
    if unit == "day":
        earliest, latest = _shift(p, "day", -most), _shift(p, "day", -least)
        return (
            earliest,
            latest,
            Precision.DAY if least == most else Precision.RANGE,
            DateHow.RELATIVE,
        )
    if unit in ("week", "fortnight"):
        weeks = 2 if unit == "fortnight" else 1
        earliest = _shift(p, "week", -most * weeks) - timedelta(days=3)
        latest = _shift(p, "week", -least * weeks) + timedelta(days=3)
        return earliest, min(latest, p), Precision.RANGE, DateHow.RELATIVE
    if unit == "decade":
        earliest = date(p.year - 10 * most - 2, 1, 1)
        latest = date(p.year - 10 * least + 2, 12, 31)
        return earliest, min(latest, p), Precision.RANGE, DateHow.RELATIVE
    earliest = _unit_around(_shift(p, unit, -most), unit)[0]
    latest = _unit_around(_shift(p, unit, -least), unit)[1]
    precision = _precision_of(unit) if least == most else Precision.RANGE
    return earliest, min(latest, p), precision if latest <= p else Precision.RANGE, DateHow.RELATIVE


def _resolve_ago(m: re.Match[str], ctx: _Context) -> _Interval | None:
    if ctx.published is None:
        return None
    if m["unit"]:
        unit = _UNIT_OF[m["unit"].lower()]
        counted = _count(m["n"])
        if counted is None:
            return None
        least, most = counted
    else:
        unit = _UNIT_OF[m["unit2"].lower()]
        least, most = _COUNT_OF["some"]
    return _ago(ctx.published, unit, least, most)


_FINER = {
    "hour": (Precision.DAY,),
    "day": (Precision.DAY,),
    "week": (Precision.DAY,),
    "month": (Precision.DAY, Precision.MONTH),
    "year": (Precision.DAY, Precision.MONTH, Precision.YEAR),
}


def _resolve_anchored(m: re.Match[str], ctx: _Context) -> _Interval | None:
    """ "the day before", "the following week", "two days later": from the last time named.

    The anchor is the latest expression earlier in the text that is at least as fine as
    the unit; without one, for a year the year the sentences before named ("later that
    year"), else the day they named (find_times' `anchor`), else the publication date.
    """
    word = (m["u1"] or m["u2"] or m["u3"] or m["u4"] or m["u5"] or m["u6"] or m["u7"]).lower()
    unit = _UNIT_OF.get(word, "day")  # "later that evening" is the same day
    direction = _norm(m["dir1"] or m["dir1b"] or m["dir2"] or m["dir3"] or m["dir4"] or "same")
    sign = -1 if direction in ("before", "earlier", "prior", "previous", "preceding") else 1
    if direction == "same":
        sign = 0
    fine = _FINER.get(unit, (Precision.DAY, Precision.MONTH, Precision.YEAR))
    anchor = next((e for e in reversed(ctx.found) if e.precision in fine), None)
    if anchor is not None:
        base = anchor.earliest
    elif unit == "year" and ctx.year is not None:
        base = date(ctx.year, 1, 1)
    elif ctx.anchor is not None:
        base = ctx.anchor
    elif ctx.published is not None:
        base = ctx.published
    else:
        return None
    if m["n"]:
        counted = _count(m["n"])
        if counted is None or counted[0] != counted[1]:
            return None
        count = counted[0]
    else:
        count = 1
    if unit == "hour":
        target = base + timedelta(days=sign * round(count / 24))
        return target, target, Precision.DAY, DateHow.RELATIVE
    if unit in ("day", "fortnight", "decade") or (m["n"] and unit == "week"):
        target = _shift(base, unit, sign * count)
        if unit == "day":
            return target, target, Precision.DAY, DateHow.RELATIVE
        lo, hi = sorted((target - timedelta(days=3), target + timedelta(days=3)))
        return lo, hi, Precision.RANGE, DateHow.RELATIVE
    first, last = _unit_around(_shift(base, unit, sign * count), unit)
    return first, last, _precision_of(unit), DateHow.RELATIVE


def _resolve_calendar(m: re.Match[str], ctx: _Context) -> _Interval | None:
    """ "last month", "this year", "earlier this month", "next week", "this past year"."""
    p = ctx.published
    if p is None:
        return None
    if m["mod"]:
        unit = m["u1"].lower()
        first, last = _unit_around(p, unit)
        if _norm(m["mod"]) == "earlier":
            return first, p, Precision.RANGE, DateHow.RELATIVE
        return p, last, Precision.RANGE, DateHow.RELATIVE
    unit = m["u2"].lower()
    rel = _norm(m["rel"])
    if rel == "this past":
        return _back(p, *_unit_step(unit))
    if rel == "the coming":
        step_unit, step = _unit_step(unit)
        return p + timedelta(days=1), _shift(p, step_unit, step), Precision.RANGE, DateHow.RELATIVE
    sign = {"last": -1, "next": 1}.get(rel, 0)
    step_unit, step = _unit_step(unit)
    first, last = _unit_around(_shift(p, step_unit, sign * step), unit)
    return first, last, _precision_of(unit), DateHow.RELATIVE


def _resolve_weekend(m: re.Match[str], ctx: _Context) -> _Interval | None:
    """The Saturday and Sunday meant; bare "the weekend" is the latest one begun by publication."""
    p = ctx.published
    if p is None:
        return None
    rel = _norm(m["rel"])
    this_saturday = _week(p)[0] + timedelta(days=5)
    if rel in ("last", "the past", "the previous", "this past"):
        saturday = (
            this_saturday
            if this_saturday + timedelta(days=1) < p
            else this_saturday - timedelta(days=7)
        )
    elif rel == "this":
        saturday = this_saturday
    elif rel == "next":
        saturday = this_saturday + timedelta(days=7)
    elif rel in ("this coming", "the coming") or _is_future(ctx, m.start()):
        saturday = (
            this_saturday
            if this_saturday + timedelta(days=1) >= p
            else this_saturday + timedelta(days=7)
        )
    else:
        saturday = this_saturday if this_saturday <= p else this_saturday - timedelta(days=7)
    return saturday, saturday + timedelta(days=1), Precision.RANGE, DateHow.RELATIVE


_RELDAY_OFFSET = {
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
    "yesterday": -1,
    "last night": -1,
    "tomorrow": 1,
}


def _resolve_relday(m: re.Match[str], ctx: _Context) -> _Interval | None:
    if ctx.published is None:
        return None
    day = ctx.published + timedelta(days=_RELDAY_OFFSET.get(_norm(m["word"]), 0))
    return day, day, Precision.DAY, DateHow.RELATIVE


def _resolve_weekday(m: re.Match[str], ctx: _Context) -> _Interval | None:
    if ctx.published is None:
        return None
    rel = _norm(m["rel"]) if m["rel"] else None
    future = rel is None and _is_future(ctx, m.start())
    rel = {"past": "this past", "this past": None}.get(rel, rel) if rel else None
    day = _weekday_day(_WEEKDAY_OF[m["wd"].lower()], ctx.published, rel, future)
    return day, day, Precision.DAY, DateHow.RELATIVE


def _resolve_month(m: re.Match[str], ctx: _Context) -> _Interval | None:
    """A month without a year: the latest one begun by publication, unless said to come."""
    if ctx.published is None:
        return None
    month = _month_number(m["m"])
    if m["yrel"] and _norm(m["yrel"]) in ("that", "the same"):  # "in August that year"
        named = year_anchor(ctx.found, ctx.year)  # the last year this text or the one before named
        if named is None:
            return None
        first, last = _month(date(named, month, 1))
        return first, last, Precision.MONTH, DateHow.RELATIVE
    if m["yrel"]:  # "in June last year": that year's month, whatever the tense
        year = ctx.published.year + {"last": -1, "this": 0, "next": 1}[m["yrel"].lower()]
        first, last = _month(date(year, month, 1))
        return first, last, Precision.MONTH, DateHow.RELATIVE
    rel = _norm(m["rel"]) if m["rel"] else None
    rel = {"past": "last", "this past": "last"}.get(rel, rel) if rel else None
    future = rel is None and _is_future(ctx, m.start())
    year = _month_year(month, ctx.published, rel, future)
    if rel is None and not future and _is_past_plan(ctx, m.start()):
        coming = _month_year(month, ctx.published, None, True)
        months_back = (ctx.published.month - month) % 12
        months_ahead = (month - ctx.published.month) % 12
        year = coming if months_ahead < months_back else year
    first, last = _month(date(year, month, 1))
    return first, last, Precision.MONTH, DateHow.RELATIVE


def _resolve_year(m: re.Match[str], ctx: _Context) -> _Interval | None:
    first, last = _year(int(m["y"] or m["y2"] or m["y3"]))
    return first, last, Precision.YEAR, DateHow.EXPLICIT


def _month_alone(m: re.Match[str], ctx: _Context) -> _Interval | None:
    if ctx.published is None:
        return None
    month = _month_number(m["m"])
    year = _month_year(month, ctx.published, None, False)
    first, last = _month(date(year, month, 1))
    return first, last, Precision.MONTH, DateHow.RELATIVE


def _resolve_bare_year(m: re.Match[str], ctx: _Context) -> _Interval | None:
    first, last = _year(int(m["y"]))
    return first, last, Precision.YEAR, DateHow.EXPLICIT


_RESOLVERS: dict[str, Callable[[re.Match[str], _Context], _Interval | None]] = {
    "iso": _resolve_iso,
    "numeric": _resolve_numeric,
    "range": _resolve_range,
    "since": _resolve_since,
    "fromnow": _resolve_since,
    "date": _resolve_date,
    "holiday": _resolve_holiday,
    "part": _resolve_part,
    "weekof": _resolve_weekof,
    "quarter": _resolve_quarter,
    "season": _resolve_season,
    "monthyear": _resolve_monthyear,
    "decade": _resolve_decade,
    "past": _resolve_past,
    "ahead": _resolve_ahead,
    "vague": _resolve_vague,
    "for": _resolve_for,
    "ago": _resolve_ago,
    "anchored": _resolve_anchored,
    "calendar": _resolve_calendar,
    "weekend": _resolve_weekend,
    "relday": _resolve_relday,
    "weekday": _resolve_weekday,
    "month": _resolve_month,
    "year": _resolve_year,
    "bare_month": _month_alone,
    "attr_month": _month_alone,
    "bare_year": _resolve_bare_year,
}


def _try(name: str, ctx: _Context, start: int) -> TimeExpression | None:
    fm = _FAMILY[name].match(ctx.text, start)
    if fm is None or fm.end() == start:
        return None
    try:
        got = _RESOLVERS[name](fm, ctx)
    except (ValueError, OverflowError, KeyError, IndexError, StopIteration):
        # an impossible date ("Feb. 30"), or arithmetic past the calendar's ends
        return None
    if got is None:
        return None
    earliest, latest, precision, how = got
    if earliest > latest:
        return None
    return TimeExpression(fm.start(), fm.end(), fm.group(), earliest, latest, precision, how)


def _core_positions(text: str, low: str) -> list[int]:
    """Where the core stems of time expressions stand in the text, in order."""
    found = [m.start() for m in _DIGIT.finditer(low)] if _DIGIT.search(low) else []
    for stem in _CORE_STEMS:
        at = low.find(stem)
        while at >= 0:
            if _is_core(text, low, at, stem):
                found.append(at)
            at = low.find(stem, at + 1)
    found.sort()
    return found


def _is_core(text: str, low: str, at: int, stem: str) -> bool:
    if stem in _STEMS_INSIDE:
        return True
    if at > 0 and low[at - 1].isalpha():
        return False
    if stem in _MONTH_STEMS and not text[at].isupper():
        word = _WORD.match(low, at)
        return word is not None and word.group() in _LOWER_MONTHS
    return True


def _families_at(ctx: _Context, start: int) -> tuple[str, ...]:
    """The families that can begin with the word at `start` (and, after "the", the next)."""
    first = ctx.text[start]
    if first.isdigit():
        return _DISPATCH["#digit"]
    if first in "'’‘":
        return _DISPATCH["#apostrophe"]
    word = _WORD.match(ctx.low, start)
    if word is None:
        return ()
    if word.group() != "the":
        return _DISPATCH.get(word.group(), ())
    second = _SECOND_WORD.match(ctx.low, word.end())
    if second is None:
        return ()
    token = second.group(1)
    return _DISPATCH.get("the #digit" if token[0].isdigit() else f"the {token}", ())


def _at(ctx: _Context, start: int, families: Iterable[str]) -> TimeExpression | None:
    """The expression that starts at `start`, from the first family that resolves one."""
    for name in families:
        found = _try(name, ctx, start)
        if found is not None:
            return found
    return None


def _context(
    text: str, published: date | None, anchor: date | None = None, year: int | None = None
) -> _Context:
    low = text.lower()
    if len(low) != len(text):  # a rare letter whose lower case is longer (İ)
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _Context(text, low, published, [], anchor, year)


def find_times(
    text: str, published: date | None, *, anchor: date | None = None, year: int | None = None
) -> list[TimeExpression]:
    """Every time expression of `text`, in order and without overlaps, resolved.

    Relative expressions are resolved against `published`; without it they are left out
    and only the explicit ones are returned. Where expressions could overlap, the one
    that starts first wins, and of those the one whose family comes first.

    `anchor` is the day the text before this one last named (`day_anchor` of the times of
    the preceding sentences). Expressions that count from a day named before them
    ("earlier in the day", "the same day", "that evening", "two days later") count from
    the latest such day of this text, else from `anchor`, else from the publication
    date. With an anchor, an event told without a time after "after" or "following"
    ("after Ankara expelled the attaché") is dated from the anchor to publication.
    `year` is the year the text before last named (`year_anchor`): what "that year" is.
    """
    ctx = _context(text, published, anchor, year)
    cores = _core_positions(ctx.text, ctx.low)
    if not cores:
        return _events(ctx)
    end = 0  # nothing before this can start an expression any more
    for core in cores:
        while end <= core:
            starts = [
                w.start() for w in _WORD_STARTS.finditer(text, max(end, core - _WINDOW), core + 1)
            ]
            found = None
            for start in starts[-_WINDOW_WORDS:]:
                found = _at(ctx, start, _families_at(ctx, start))
                if found is not None:
                    break
            if found is None:
                end = core + 1
                break
            ctx.found.append(found)
            end = found.end
    return _events(ctx)


def _find_times_slowly(
    text: str, published: date | None, *, anchor: date | None = None, year: int | None = None
) -> list[TimeExpression]:
    """find_times without its shortcuts: the reference the tests hold it to."""
    ctx = _context(text, published, anchor, year)
    pos = 0
    while (m := _COMBINED.search(text, pos)) is not None:
        found = _at(ctx, m.start(), _ORDER[_ORDER.index(m.lastgroup or "") :])
        if found is None:
            pos = m.start() + 1
            continue
        ctx.found.append(found)
        pos = found.end
    return _events(ctx)


# A clause told in the past: a past auxiliary or a past verb (not an infinitive, "to
# cut"), and no present or future verb ("talks were postponed", "the ministers had a
# call"; not "the line is cut"). A past progressive in reported speech is a present
# moved back ("said it was cutting the line": cutting as it spoke), and so is "would".
_PAST_TOLD = re.compile(
    rf"\b(?:{_alt(_PAST_AUXILIARIES)}|(?<!\bto\s){_PAST_VERB})\b", re.IGNORECASE
)
_NOT_PAST = re.compile(
    rf"(?<![\w'’])(?:is|are|am|remains?|continues?|stays?|would|{_alt(_FUTURE_MARKERS)})"
    r"(?![\w'’])|\b(?:was|were)\s+(?:\w+ly\s+)?\w+ing\b",
    re.IGNORECASE,
)
_PERFECT_AUXILIARY = re.compile(r"(?<![\w'’])(?:has|have|['’]ve)(?![\w'’])", re.IGNORECASE)
# "had put a pause on the talks": a past before the story's past.
_PAST_PERFECT = re.compile(
    rf"\bhad\s+(?:(?:not|never|already|also|long|just|been)\s+)*(?:[a-z]+en|{_PAST_VERB})\b",
    re.IGNORECASE,
)


def told_in_past(clause: str, *, perfect: bool = False) -> bool:
    """Whether a clause tells a past event: "talks were postponed", "the two ministers
    had a call", not "the line is cut" nor "the talks will resume". A present perfect
    ("has restored the line") and a past perfect ("had cut the line") count only with
    `perfect`: the one reaches the time of speaking, the other lies before the story."""
    if not _PAST_TOLD.search(clause) or _NOT_PAST.search(clause):
        return False
    return perfect or not (_PERFECT_AUXILIARY.search(clause) or _PAST_PERFECT.search(clause))


def told_in_present_perfect(clause: str) -> bool:
    """Whether a clause tells a past event in the present perfect: "the lines have been
    restored", not "had been restored" nor "are restored"."""
    return (
        told_in_past(clause, perfect=True)
        and _PERFECT_AUXILIARY.search(clause) is not None
        and _PAST_PERFECT.search(clause) is None
    )


# A sentence that opens by counting on from the time told before: "After two days, ...",
# "Two weeks later, ...", "Within a month, ...".
_GAP_OPENING = re.compile(
    rf"[\W_]*(?:(?:after|within)\s+(?:about\s+|some\s+|nearly\s+)?(?P<n>{_NUM})\s+"
    rf"(?P<unit>{_UNIT})|(?P<n2>{_NUM})\s+(?P<unit2>{_UNIT})\s+later)\s*,",
    re.IGNORECASE,
)


def opens_by_counting(sentence: str) -> bool:
    """Whether a sentence opens by counting on from the time told before."""
    return _GAP_OPENING.match(sentence) is not None


def counted_on(sentence: str, before: TimeExpression) -> TimeExpression | None:
    """The time of a sentence that opens by counting on from `before`, the last time the
    text told ("In October India announced a deal. After two days, the leaders met."):
    `before` moved on by the count, located on the opening words. None for any other
    sentence."""
    m = _GAP_OPENING.match(sentence)
    if m is None:
        return None
    counted = _count(m["n"] or m["n2"])
    if counted is None:
        return None
    unit = _UNIT_OF[(m["unit"] or m["unit2"]).lower()]
    within = m.group(0).lower().lstrip(" \t\n\"'“‘").startswith("within")
    first = before.earliest if within else _shift(before.earliest, unit, counted[0])
    last = _shift(before.latest, unit, counted[1])
    precision = Precision.DAY if first == last else Precision.RANGE
    return TimeExpression(
        m.start(), m.end(), sentence[m.start() : m.end()], first, last, precision, before.how
    )


# An event dated by counting ("a year after it severed the line") ends in its past verb.
_EVENT_TEXT = re.compile(rf"\b{_PAST_VERB}$", re.IGNORECASE)


def year_anchor(times: Iterable[TimeExpression], year: int | None = None) -> int | None:
    """The year the last expression of `times` that lies within one year names, else
    `year`: what a later "that year" refers to. An event dated by counting names no
    year: "that year" goes back to one the text wrote."""
    for t in times:
        if t.earliest.year == t.latest.year and not _EVENT_TEXT.search(t.text):
            year = t.earliest.year
    return year


def day_anchor(times: Iterable[TimeExpression], anchor: date | None = None) -> date | None:
    """The day the last day-precise expression of `times` names, else `anchor`.

    The extractor carries this from sentence to sentence and hands it to `find_times`
    as the anchor of the next one.
    """
    for t in times:
        if t.precision == Precision.DAY:
            anchor = t.earliest
    return anchor


def _counted_back(ctx: _Context) -> list[TimeExpression]:
    """Events told after "N years after" in the present tense ("It comes four years after
    the two countries expelled ambassadors"): counted back from publication, in whole
    months or years."""
    if ctx.published is None:
        return []
    found = []
    for m in _COUNTED_EVENT.finditer(ctx.text):
        counted = _count(m["n"])
        if not counted or not _PRESENT_BEFORE.search(ctx.low, max(0, m.start() - 40), m.start()):
            continue
        unit = _UNIT_OF[m["unit"].lower()]
        first = _shift(ctx.published, unit, -counted[1])
        last = _shift(ctx.published, unit, -counted[0])
        precision = Precision.DAY if first == last else Precision.RANGE
        if unit in ("month", "year"):
            first, last = _unit_around(first, unit)[0], _unit_around(last, unit)[1]
            same = first.year == last.year and (unit == "year" or first.month == last.month)
            precision = (
                (Precision.YEAR if unit == "year" else Precision.MONTH) if same else precision
            )
        start, end = m.start("event"), m.end("event")
        found.append(
            TimeExpression(
                start, end, ctx.text[start:end], first, last, precision, DateHow.RELATIVE
            )
        )
    return found


def _counted_from_before(ctx: _Context, taken: list[TimeExpression]) -> list[TimeExpression]:
    """Events told after "N units after" that follow a time of their sentence ("In July
    2021 the North restored the line, about a year after it severed it"): counted back
    from that time, whatever its precision. A day counted back from a day comes from the
    older rule of `_events`, which knows capitalised subjects only."""
    found = []
    for m in _COUNTED_EVENT.finditer(ctx.text):
        counted = _count(m["n"])
        start, end = m.start("event"), m.end("event")
        if not counted or any(t.start < end and t.end > start for t in ctx.found + taken):
            continue
        earlier = [t for t in ctx.found if t.end <= m.start()]
        if not earlier:
            continue
        unit, base = _UNIT_OF[m["unit"].lower()], earlier[-1]
        first = _shift(base.earliest, unit, -counted[1])
        last = _shift(base.latest, unit, -counted[0])
        precision = base.precision if counted[0] == counted[1] else Precision.RANGE
        found.append(
            TimeExpression(start, end, ctx.text[start:end], first, last, precision, base.how)
        )
    return found


def _events(ctx: _Context) -> list[TimeExpression]:
    """The found expressions, with events told after "after" dated from the anchor.

    "Athens froze contacts after Ankara expelled the attaché": the expulsion is the
    last event the text dated, so the claim holds from that day on, to publication. Only
    a clause with a subject and a past verb is an event, and only one with no time of
    its own.
    """
    if "after" not in ctx.low and "following" not in ctx.low:
        return ctx.found
    events: list[TimeExpression] = _counted_back(ctx)
    events += _counted_from_before(ctx, events)
    for m in _EVENT.finditer(ctx.text):
        start, end = m.start("event"), m.end("event")
        clause_end = _CLAUSE_STOP.search(ctx.text, end)
        stop = clause_end.start() if clause_end else len(ctx.text)
        if any(t.start < stop and t.end > start for t in ctx.found + events):
            continue
        earlier = [t for t in ctx.found if t.end <= start and t.precision == Precision.DAY]
        gap = _GAP_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start())
        counted = _count(gap["n"]) if gap else None
        if earlier and gap and counted:
            # "on Wednesday, a day after Pyongyang restored the line": the day before
            unit, day = _UNIT_OF[gap["unit"].lower()], earlier[-1].earliest
            first, last = _shift(day, unit, -counted[1]), _shift(day, unit, -counted[0])
            precision = Precision.DAY if first == last else Precision.RANGE
            events.append(
                TimeExpression(
                    start, end, ctx.text[start:end], first, last, precision, DateHow.RELATIVE
                )
            )
            continue
        anchor = earlier[-1].earliest if earlier else ctx.anchor
        if anchor is None:
            continue
        latest = max(anchor, ctx.published) if ctx.published else anchor
        precision = Precision.DAY if latest == anchor else Precision.RANGE
        events.append(
            TimeExpression(
                start, end, ctx.text[start:end], anchor, latest, precision, DateHow.RELATIVE
            )
        )
    if not events:
        return ctx.found
    return sorted(ctx.found + events, key=lambda t: t.start)
