"""Find when an article was published, and say how it was found.

The order of trust is domain.md's ("Articles"): the caller, a sidecar file, the text
itself (a dateline, a "Posted … on" or "Published:" line, a date line under the
headline), the page's HTML metadata, and last an inference: the latest full date the
text mentions, which is a lower bound of the publication date (unless its sentence tells
it as still to come: "will meet on May 3, 2019").

Inside the text, sources of a date are ranked:
1. Labelled lines ("Published", "Updated", "Posted", "First published", "Last modified",
   "Date:", and the "date 2019-04-11" line scrapers put first) and datelines
   ("WASHINGTON, Jan. 7, 2011 —", "- Wire Service - Tuesday, May 6, 2014"). Of these
   the earliest wins: a page that shows "Published" and "Updated" was published first.
2. A bare date line in the head of the article ("Oct. 17, 2019" under a byline); the first
   one wins. A date line that belongs to a page widget ("Today in …", the weather, stock
   tickers, a copyright line) is no publication line, nor one far after every other date
   the text mentions (a clock printed when the page was saved).
3. After the page's HTML date, the stamp of a news portal: a head line that opens with
   a date and a time of day ("2015-11-27 08:32 Agency Editor: …"), or a short one that
   shows them inside ("Source:agency2024-05-21 21:56:05"). A dateline without a year
   then takes the year that puts its day on or before the stamp.
A dateline without a year ("OSLO, June 9 (Agency) —", "ROME, April 11. /Agency/.")
takes its year from another date of the page: the same day shown with a year, a
month-only metadata line ("date 2019-04"), the HTML date, or else, as an inference, the
latest full date the text mentions (the publication is not before it). A weekday shown
with the date ("on Tuesday (May 6)") must agree.

Dates are located here with patterns and only then parsed: python-dateutil's fuzzy mode
would invent a date from stray numbers. Only full dates (day, month and year) count, and
none in the future of today or before 1900.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

import yaml
from dateutil import parser as dateparser

from tracker.vocab import PublishedHow

EARLIEST = date(1900, 1, 1)

# Publication lines stand among the first lines of an article: headline, subtitle,
# byline, date line, dateline. A page with a menu above its headline has them further
# down, so the head also reaches the first line of prose.
HEAD_LINES = 6

# A line with this many words is prose: the head ends with the first one.
PROSE_WORDS = 12

# A labelled publication line is short; a longer one is a sentence that happens to
# start with "Posted" or "Published".
LABELLED_MAX_CHARS = 150
# The head of a page saved as one long line, where a labelled date is still the page's.
FLAT_HEAD_CHARS = 300

# A bare date line this many days after every other full date of the text is a clock the
# page printed when it was saved, not the article's date, when the text has at least
# OUTLIER_OTHERS other dates to judge by.
OUTLIER_DAYS = 365
OUTLIER_OTHERS = 2

# A widget line is short; a longer line that names the weather or a stock index is prose.
WIDGET_MAX_CHARS = 80

# A date line over this many days after the day of the story's dateline is the page's
# clock; a story is often published the day after its dateline.
CLOCK_DAYS = 7

# How far the HTML date may lie from a dateline's day for its year to be taken.
NEAR_DAYS = 31

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|2\d\d\d)"
_ISO = rf"{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
_FULL_BODY = (
    rf"(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}"  # May 12, 2019 / Jan. 7, 2011
    rf"|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"  # 12 May 2019 / 3rd of March 2021
    rf"|{_ISO})(?!\d)"  # 2019-05-12
)
_FULL = rf"(?<![\w.-]){_FULL_BODY}"
# A date line may write a date in numbers, day and month in either order ("21/09/2015",
# "Wed, 05/12/2010"): read only where a number above 12 or the weekday settles the order.
# A date line may also join them with hyphens ("04-12-2019 04:49 IST"), the same sign twice.
_NUMBER_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_NUMERIC_BODY = (
    "(?:"
    + "|".join(rf"{_NUMBER_DAY}{sep}{_NUMBER_DAY}{sep}{_YEAR}" for sep in ("/", r"\.", "-"))
    + r")(?!\d)"
)
_NUMERIC = re.compile(rf"(?P<a>\d{{1,2}})([/.-])(?P<b>\d{{1,2}})\2(?P<y>{_YEAR})")
# A line that is only a date may also put a comma after the day ("17, Dec. 2019"); in
# prose that reads as a number and a month ("page 17, December 2019 issue").
_LINE_BODY = rf"(?:{_FULL_BODY}|{_DAY},\s+{_MONTH}\s+{_YEAR}(?!\d)|{_NUMERIC_BODY})"
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
# a time of day with its zone: "3:07 pm", "10:15 IST", "10:12 UTC+3", "08:15 GMT +2"
_ZONE = r"(?:\(?[a-z]{2,5}\)?)?(?:\s*[+−-]\s*(?:1[0-4]|0?\d)(?::?[0-5]\d)?)?"
_TIME = rf"\d{{1,2}}(?:[:.]\d{{2}}){{1,2}}\s*(?:[ap]\.?\s?m\.?)?(?:\s*{_ZONE})?"
# a time before the date may run into its day: "08:15 GMT +214 March 2018" is +2, 14 March
_TIME_FIRST = (
    r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)?\s*(?:[a-z]{2,5}\s*)?"
    r"(?:[+−-]\s*(?:1[0-4]|0?\d)(?::[0-5]\d)?)?\s*"
)
_LABEL = (
    r"(?:(?:first|last|originally)\s+)?"
    r"(?:published|posted|updated|modified|date(?:\s+published)?|publication\s+date)"
)
# A label standing inside a line ("world Updated: Aug 9, 2008", "Wire Updated - …") is
# written with a capital, as pages print it; in a sentence the word is lower case.
_CAPITAL_LABEL = (
    r"(?-i:(?:(?:First|Last|Originally)\s+(?:[Pp]ublished|[Pp]osted|[Uu]pdated|[Mm]odified)"
    r"|(?:FIRST|LAST|ORIGINALLY)\s+(?:PUBLISHED|POSTED|UPDATED|MODIFIED)"
    r"|Published|Posted|Updated|Modified|PUBLISHED|POSTED|UPDATED|MODIFIED))"
)

FULL_DATE = re.compile(_FULL, re.IGNORECASE)

# One date of a date line, perhaps with a label, a weekday and a time:
# "Sunday, May 12, 2019", "Published: 3 March 2021", "08:15 GMT +2 14 March 2018".
_PIECE = (
    rf"(?:{_LABEL}\s*(?:on|at)?\s*[:\-–—|]?\s*)?(?:{_TIME_FIRST})?(?:{_WEEKDAY},?\s+)?"
    rf"(?P<date>(?:(?<![\w.-])|(?<=[+−-]\d)|(?<=[+−-]\d\d)){_LINE_BODY})"
    rf"(?:\s*(?:,|at|-|–|\||/)?\s*{_TIME})?(?:\s*[-,]\s*{_WEEKDAY})?"
)
_PIECE_PLAIN = _PIECE.replace("(?P<date>", "(?:")

# A line that is only dates, each perhaps with a label, a weekday or a time:
# "Wednesday, May 15, 2019 12:00:03 PM", "August 9, 2008 Updated: August 11, 2008".
DATE_LINE = re.compile(
    rf"{_PIECE}(?:\s*[|,;·•]?\s*{_PIECE_PLAIN})*\.?",
    re.IGNORECASE,
)

# After a label a date may also be written in numbers ("Updated: 04-12-2019 04:49 IST") or
# with two digits of its year, the day first ("Published: 13 MAY 22 12:01 ET"); the year
# may not run into a time ("13 May 22:15" is a day and a time).
# Such a year ends the line or stands before a time or a separator ("22 people" is no year).
_SHORT_YEAR = rf"(?<![\w.-]){_DAY}\s+{_MONTH}\s+\d\d(?=\s*(?:$|[|,·•(]|\d{{1,2}}[:.]\d\d(?!\d)))"
_LABELLED_DATE = rf"(?:{_FULL}|(?<![\w.-]){_NUMERIC_BODY}|{_SHORT_YEAR})"
# A labelled publication line, the label first: "Posted by on February 16, 2017 3:07 pm",
# "Published on 3 March 2021 by …".
_LABELLED = re.compile(rf"\s*{_LABEL}\b.{{0,80}}?(?P<date>{_LABELLED_DATE})", re.IGNORECASE)
# A label inside a line, right before its date: "world Updated: Aug 9, 2008 10:15 IST",
# "By Agency Published Date - 11:05 PM, Fri - 10 March 23".
_LABEL_INSIDE = re.compile(
    rf"(?<!\w){_CAPITAL_LABEL}(?:\s+(?-i:Date|DATE))?\s*(?:on|at)?\s*[:\-–—|]?\s*(?:on\s+)?"
    rf"(?:{_TIME}\s*,?\s*)?(?:{_WEEKDAY}\s*[,\-–—]?\s+)?(?P<date>{_LABELLED_DATE})",
    re.IGNORECASE,
)
# The metadata line a scraper writes first: "date 2019-04-11 …", "Date: 2019-04-11", or
# only the month, "date 2019-04".
_METADATA = re.compile(
    r"\s*date\s*:?\s*(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])(?:-(?P<day>0[1-9]|[12]\d|3[01]))?"
    r"(?![\d-])",
    re.IGNORECASE,
)

# A dateline opening a paragraph: "WASHINGTON, Jan. 7, 2011 —", "MOSCOW, May 14, 2019 (Reuters) -".
_DATELINE = re.compile(
    rf"\s*[A-Z][\w .'’-]{{1,40}}(?:\([^)\n]{{1,30}}\))?,\s*(?:{_WEEKDAY},?\s+)?(?P<date>{_FULL})"
    r"\s*(?:\([^)\n]{1,30}\)\s*)?[-–—]",
    re.IGNORECASE,
)
# A place in capitals, as datelines print it: "BEIJING", "NEW DELHI", "ST. PETERSBURG".
_CITY = r"(?-i:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})"
# A dateline in capitals needs no dash: "OSLO, Oct. 9, 2012 The minister …".
_CAPS_DATELINE = re.compile(
    rf"\s*{_CITY},\s*(?:{_WEEKDAY},?\s+)?(?P<date>{_FULL})\s*(?:\([^)\n]{{1,30}}\)\s*)?"
    r"(?:[-–—:.]|\s+(?-i:[A-Z]))",
    re.IGNORECASE,
)
# A source line: "- Wire Service - Tuesday, May 6, 2014".
_SOURCE_LINE = re.compile(
    rf"\s*[-–—]\s*[^-–—@\n]{{2,60}}?\s*[-–—]\s*(?:{_WEEKDAY},?\s+)?(?P<date>{_FULL})"
    rf"(?:\s*(?:,|at|-|–|\|)?\s*{_TIME})?\s*",
    re.IGNORECASE,
)
# A short head line that ends with a date after a separator: "The Daily Paper, October 9, 2012".
_ENDS_WITH_DATE = re.compile(
    rf"(?P<lead>[^@\n]{{0,60}}?)(?:(?:,|\||·|•|[-–—]\s)\s*(?:{_WEEKDAY},?\s+)?(?P<date>{_FULL})"
    rf"(?:\s*(?:,|at|-|–|\|)?\s*{_TIME})?"
    # A byline that ends in a time and a date in numbers: "Staff writer 15:06 21/09/2015".
    rf"|\s+{_TIME}\s+(?P<numeric>{_NUMERIC_BODY}))",
    re.IGNORECASE,
)
# A head line that opens with a full date and a time of day, the stamp a page prints
# over its story, whatever follows ("2015-11-27 08:32 Agency Editor: …"). It ranks after
# the bare date lines: a stamp may be the time of posting in another zone.
_STAMP = re.compile(
    rf"\s*(?:{_WEEKDAY},?\s+)?(?P<date>{_FULL})\s*(?:,|at|-|–|\|)?\s*{_TIME}",
    re.IGNORECASE,
)
# The same stamp inside a short head line, perhaps glued to the label before it
# ("Source:agency2024-05-21 21:56:05"): the time the page posted the story, on or after
# the day of its dateline.
_STAMP_INSIDE = re.compile(rf"(?P<date>{_ISO}|{_MONTH}\s+{_DAY},?\s+{_YEAR})\s*{_TIME}", re.I)
# A masthead's founding date is the site's, not the article's: "Est. May 19, 1923". It
# bounds nothing either, unlike most dates a text mentions.
_FOUNDED = re.compile(r"\b(?:est|established|founded)\.?\s*[,:]?\s*$", re.IGNORECASE)
# What tells a date as still to come in its sentence: a future verb, a plan, a present
# progressive ("is taking over on"), "upcoming".
_COMING = re.compile(
    r"\b(?:will|shall|won['’]t|(?:is|are)\s+(?:to|due|scheduled|set|expected|planned)|"
    r"(?:is|are)\s+\w+ing|upcoming)\b|['’]ll\b",
    re.IGNORECASE,
)
_STOP = re.compile(r"[.!?][\"”’)]*\s")
# Words before the date of a short line that say it is not the article's date: a
# founding date, or a member's "Joined", "Member since".
_NOT_PUBLICATION = re.compile(
    r"\b(?:est|established|founded|since|joined|born|died)\.?\s*[,:]?\s*$", re.IGNORECASE
)

# Datelines and date lines without a year.
_MONTH_DAY = rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})|(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH}))"
_NO_YEAR = r"(?!,?\s*\d{4})(?![\d:])"
# "OSLO, June 9 (Agency) —", "ROME, April 11. /Agency/.", "LIMA (April 2) --".
_PARTIAL_DATELINE = re.compile(
    rf"\s*{_CITY}(?:,\s*|\s*\(\s*)(?:(?P<wd>{_WEEKDAY}),?\s+)?{_MONTH_DAY}{_NO_YEAR}\s*\)?"
    r"\s*(?:\([^)\n]{1,30}\)\s*)?(?:[-–—:.]|/)",
    re.IGNORECASE,
)
# A dateline with its agency may stand below a page's clutter and name its place in title
# case ("New Delhi, Aug 23 (Agency):"): the first one of the text is the story's.
_AGENCY_DATELINE = re.compile(
    rf"\s*(?-i:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{0,3}}),\s*(?:(?P<wd>{_WEEKDAY}),?\s+)?"
    rf"{_MONTH_DAY}{_NO_YEAR}\s*\((?-i:[A-Z])[^)\n]{{1,30}}\)\s*[-–—:]",
    re.IGNORECASE,
)
# "May 4, 10:12 UTC+3 LISBON", "Friday, June 19": a head line of a day and a time.
_PARTIAL_DATE_LINE = re.compile(
    rf"\s*(?:(?P<wd>{_WEEKDAY}),?\s+)?{_MONTH_DAY}{_NO_YEAR}"
    rf"(?:,?\s*(?:at\s+)?{_TIME})?(?:\s+{_CITY})?\s*",
    re.IGNORECASE,
)
# "on Tuesday (May 6)": a weekday with its date, early in the first paragraph.
_WEEKDAY_HINT = re.compile(
    rf"\b(?P<wd>{_WEEKDAY})\s*\(\s*{_MONTH_DAY}{_NO_YEAR}\s*\)",
    re.IGNORECASE,
)

_MONTH_NUMBER = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_WEEKDAY_NUMBER = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_FULL_WEEKDAY = re.compile(
    r"\b(?-i:(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b", re.IGNORECASE
)
_WEEKDAY_WORD = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b\.?", re.IGNORECASE)


# --- parsing -------------------------------------------------------------------------


def parse_date(text: str, line: str = "") -> date | None:
    """Parse one located full date; None for an impossible one such as "Feb 30, 2019".

    A date in numbers is read day-first or month-first as a number above 12 or a
    weekday shown in its `line` allows; one that stays ambiguous gives None."""
    numeric = _NUMERIC.fullmatch(text.strip())
    if numeric is not None:
        return _numeric_date(numeric, line)
    try:
        return dateparser.parse(text).date()
    except (ValueError, OverflowError):
        return None


def _numeric_date(m: re.Match[str], line: str) -> date | None:
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    readings = set()
    for month, day in ((b, a), (a, b)):  # day first, then month first
        try:
            readings.add(date(year, month, day))
        except ValueError:
            continue
    shown = _WEEKDAY_WORD.search(line)
    if shown is not None and len(readings) > 1:
        weekday = _WEEKDAY_NUMBER[shown.group(1).lower()[:3]]
        readings = {d for d in readings if d.weekday() == weekday}
    if len(readings) > 1 and _day_first_zone().search(line):
        readings = {date(year, b, a)}
    return readings.pop() if len(readings) == 1 else None


def _plausible(day: date | None, today: date) -> date | None:
    """A date that can be a publication date: not before 1900, not after today."""
    return day if day is not None and EARLIEST <= day <= today else None


def mentioned_dates(text: str) -> Iterator[date]:
    """Every full date the text mentions, in order (possibly impossible ones skipped)."""
    for m in FULL_DATE.finditer(text):
        day = parse_date(m.group(0))
        if day is not None:
            yield day


def _mentions(line: str) -> Iterator[date]:
    """The full dates of a line that can bound its publication: not a masthead's "Est. …",
    nor a date its sentence tells as still to come ("will take over on January 1, 2022")."""
    for m in FULL_DATE.finditer(line):
        day = parse_date(m.group(0))
        if day is None or _FOUNDED.search(line, 0, m.start()):
            continue
        begin = max((b.end() for b in _STOP.finditer(line, 0, m.start())), default=0)
        if not _COMING.search(line, begin, m.start()):
            yield day


def is_date_line(line: str) -> bool:
    """Whether a line says nothing but a date (with perhaps a weekday, time or label)."""
    return DATE_LINE.fullmatch(line.strip()) is not None


@dataclass(frozen=True)
class _MonthDay:
    """A date shown without its year, and the weekday shown with it, if any."""

    month: int
    day: int
    weekday: int | None
    # the weekdays the story's first sentence names ("said on Sunday"): recent days
    named: frozenset[int] = frozenset()

    def in_year(self, year: int) -> date | None:
        try:
            found = date(year, self.month, self.day)
        except ValueError:
            return None
        if self.weekday is not None and found.weekday() != self.weekday:
            return None
        return found


def _month_day(m: re.Match[str]) -> _MonthDay | None:
    month = m["m1"] or m["m2"]
    day = m["d1"] or m["d2"]
    number = _MONTH_NUMBER.get(month.rstrip(".").lower())
    if number is None:
        return None
    weekday = _WEEKDAY_NUMBER[m["wd"][:3].lower()] if m["wd"] else None
    return _MonthDay(number, int(day.rstrip("stndrh")), weekday)


# --- widgets -------------------------------------------------------------------------


@cache
def _widget() -> re.Pattern[str]:
    """The lines of page widgets, from chrome.yaml: a date near them is the page's clock."""
    raw: dict[str, Any] = yaml.safe_load(
        resources.files("tracker.data").joinpath("chrome.yaml").read_text(encoding="utf-8")
    )
    return re.compile("|".join(f"(?:{p})" for p in raw["widgets"]), re.IGNORECASE)


@cache
def _day_first_zone() -> re.Pattern[str]:
    """A time zone of countries that write numeric dates day first, from chrome.yaml."""
    raw: dict[str, Any] = yaml.safe_load(
        resources.files("tracker.data").joinpath("chrome.yaml").read_text(encoding="utf-8")
    )
    zones = "|".join(re.escape(z) for z in raw["day_first_zones"])
    return re.compile(rf"\d\s*\(?(?-i:{zones})\b")


# --- the lines of a text -------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    text: str  # stripped, without a leading metadata date
    number: int  # among the non-blank lines, from 0
    head: bool
    widget: bool  # the line belongs to a page widget ("Today in …", the weather)
    near_widget: bool  # the line or a line next to it does


def _lines(text: str) -> list[_Line]:
    raw = [line.strip() for line in text.split("\n") if line.strip()]
    widget = _widget()
    is_widget = [
        len(line) <= WIDGET_MAX_CHARS and widget.fullmatch(line) is not None for line in raw
    ]
    prose = next((n for n, line in enumerate(raw) if len(line.split()) >= PROSE_WORDS), 0)
    head_end = max(HEAD_LINES, prose + 1)
    return [
        _Line(
            line,
            n,
            n < head_end,
            is_widget[n],
            any(is_widget[k] for k in (n - 1, n, n + 1) if 0 <= k < len(raw)),
        )
        for n, line in enumerate(raw)
    ]


def _labelled_dates(line: str) -> list[str]:
    """The dates a labelled line shows: all of a line of dates, else the labelled one.

    A page saved without line breaks is one long line: there only a capitalised label in
    its head counts ("… By a reporter Posted Jan 30, 2010 3:43 AM CST …")."""
    if len(line) > LABELLED_MAX_CHARS:
        inside = _LABEL_INSIDE.search(line, 0, FLAT_HEAD_CHARS)
        return [inside.group("date")] if inside else []
    m = _LABELLED.match(line) or _LABEL_INSIDE.search(line)
    if m is None:
        return []
    if is_date_line(line):
        return [d.group(0) for d in FULL_DATE.finditer(line)]
    return [m.group("date")]


def _dateline(line: str) -> str | None:
    """The date of a dateline or a source line, as located text."""
    for pattern in (_DATELINE, _CAPS_DATELINE, _SOURCE_LINE):
        m = pattern.match(line)
        if m is not None and (pattern is not _SOURCE_LINE or m.end() == len(line)):
            return m.group("date")
    return None


def _date_line(line: str) -> str | None:
    """The date of a bare date line ("May 13, 2019", "The Daily Paper, October 9, 2012")."""
    m = DATE_LINE.fullmatch(line)
    if m is not None:
        return m.group("date")
    m = _ENDS_WITH_DATE.fullmatch(line)
    if m is None or len(m["lead"].split()) > 6 or _NOT_PUBLICATION.search(m["lead"]):
        return None
    return m.group("date") or m.group("numeric")


def _stamp(line: str) -> str | None:
    """The date of a page's stamp: a head line that opens with a date and a time of day,
    or a short one that shows them inside."""
    m = _STAMP.match(line)
    if m is None and len(line) <= LABELLED_MAX_CHARS:
        m = _STAMP_INSIDE.search(line)
    return m.group("date") if m is not None else None


def _partial(line: str) -> _MonthDay | None:
    """A date without a year that a head line shows as the article's."""
    m = _PARTIAL_DATELINE.match(line) or _AGENCY_DATELINE.match(line)
    if m is None:
        m = _PARTIAL_DATE_LINE.fullmatch(line)
    if m is None and len(line.split()) >= PROSE_WORDS:
        m = _WEEKDAY_HINT.search(line, 0, 300)
    return _month_day(m) if m is not None else None


def _story_dateline(line: str) -> _MonthDay | None:
    """The dateline with its agency that opens a story below the head, and the weekdays
    its first sentence names."""
    m = _AGENCY_DATELINE.match(line)
    md = _month_day(m) if m is not None else None
    if m is None or md is None:
        return None
    stop = _STOP.search(line, m.end())
    sentence = line[m.end() : stop.start() if stop else len(line)]
    named = frozenset(_WEEKDAY_NUMBER[w.lower()[:3]] for w in _FULL_WEEKDAY.findall(sentence))
    return replace(md, named=named)


def _metadata(line: str, shown: _Shown, today: date) -> str:
    """Take the metadata date a scraper put first on the line; the rest of the line."""
    m = _METADATA.match(line)
    if m is None:
        return line
    year, month = int(m["year"]), int(m["month"])
    if m["day"] is None:
        shown.month = (year, month) if EARLIEST.year <= year <= today.year else None
    else:
        try:
            day = _plausible(date(year, month, int(m["day"])), today)
        except ValueError:  # "date 2019-02-30"
            day = None
        shown.first += [day] if day else []
    return line[m.end() :].strip()


@dataclass
class _Shown:
    """What the text shows of its date, by rank."""

    first: list[date]  # labelled lines and datelines
    bare: list[date]  # bare date lines of the head
    partial: list[_MonthDay]  # datelines without a year
    stamped: list[date]  # head lines that open with a date and a time of day
    month: tuple[int, int] | None  # the metadata line of a year and month
    mentioned: list[date]  # every plausible full date, widgets and clocks left out


def _shown(text: str, today: date) -> _Shown:
    shown = _Shown([], [], [], [], None, [])
    lines = _lines(text)
    bare_at: list[tuple[date, int]] = []
    stamped_at: list[tuple[date, int]] = []
    left_out: set[int] = set()  # lines whose dates belong to the page, not the article
    for line in lines:
        if line.widget:
            left_out.add(line.number)
            continue
        rest = _metadata(line.text, shown, today) if line.number == 0 else line.text
        for located in _labelled_dates(rest):
            day = _plausible(parse_date(located, rest), today)
            shown.first += [day] if day else []
        located_bare = _date_line(rest)
        if located_bare is not None and line.near_widget:
            left_out.add(line.number)
            continue
        if not line.head:
            if not shown.partial and (story := _story_dateline(rest)) is not None:
                shown.partial.append(story)
            continue
        located_dateline = _dateline(rest)
        if located_dateline is not None:
            day = _plausible(parse_date(located_dateline, rest), today)
            shown.first += [day] if day else []
        elif located_bare is not None:
            day = _plausible(parse_date(located_bare, rest), today)
            bare_at += [(day, line.number)] if day else []
        elif (partial := _story_dateline(rest) or _partial(rest)) is not None:
            shown.partial.append(partial)
        elif (stamp := _stamp(rest)) is not None:
            day = _plausible(parse_date(stamp, rest), today)
            stamped_at += [(day, line.number)] if day else []
    mentions = [
        (day, line.number)
        for line in lines
        if line.number not in left_out
        for day in _mentions(line.text)
        if _plausible(day, today)
    ]
    clocks = {at for day, at in bare_at + stamped_at if _is_clock(day, at, mentions)}
    shown.bare = [day for day, at in bare_at if at not in clocks]
    shown.stamped = [day for day, at in stamped_at if at not in clocks]
    shown.mentioned = [day for day, at in mentions if at not in clocks]
    return shown


def _is_clock(day: date, at: int, mentions: list[tuple[date, int]]) -> bool:
    """Whether a date line is far after every other date of the text: the page's clock."""
    others = [d for d, n in mentions if n != at]
    if len({n for _, n in mentions if n != at}) < OUTLIER_OTHERS:
        return False
    return all(day - d > timedelta(days=OUTLIER_DAYS) for d in others)


# --- completing a date without a year ------------------------------------------------


def _year_shown(md: _MonthDay, shown: _Shown, meta: date | None) -> date | None:
    """The year the page itself gives a day shown without one, or None."""
    for day in shown.first + shown.bare + shown.mentioned:
        if (day.month, day.day) == (md.month, md.day):
            found = md.in_year(day.year)
            if found is not None:
                return found
    if shown.month is not None and shown.month[1] == md.month:
        return md.in_year(shown.month[0])
    if meta is not None:
        for year in (meta.year - 1, meta.year, meta.year + 1):
            found = md.in_year(year)
            if found is not None and abs((found - meta).days) <= NEAR_DAYS:
                return found
    return None


def _year_before(md: _MonthDay, stamp: date) -> date | None:
    """The last such day on or before a page's stamp, within a year: a page posts its
    story on the day of the dateline or later."""
    for year in (stamp.year, stamp.year - 1):
        found = md.in_year(year)
        if found is not None and found <= stamp:
            return found
    return None


def _year_inferred(md: _MonthDay, shown: _Shown) -> date | None:
    """The first such day on or after the latest full date the text mentions, within a year."""
    latest = max(shown.mentioned, default=None)
    if latest is None:
        return None
    for year in (latest.year, latest.year + 1):
        found = md.in_year(year)
        if found is not None and found >= latest:
            return found
    return None


def _is_clock_over(partials: list[_MonthDay], line_day: date) -> bool:
    """Whether a date line shows a day over a week after the day of the story's dateline:
    a clock the page printed when it was saved, not the story's date."""
    if not partials:
        return False
    story = _year_before(partials[0], line_day)
    return story is None or (line_day - story).days > CLOCK_DAYS


def _under_clock(md: _MonthDay, clock: date) -> date | None:
    """The dateline's day under a page's clock: the last one before the clock, if the
    weekdays its first sentence names fit it (a story tells of its day or the day before:
    "said on Sunday"); else the year is unknown."""
    story = _year_before(md, clock)
    if story is None or not md.named:
        return None
    recent = {story.weekday(), (story - timedelta(days=1)).weekday()}
    return story if md.named <= recent else None


# --- the answer ----------------------------------------------------------------------


def text_date(text: str, *, today: date | None = None) -> date | None:
    """The publication date the text shows, by the ranks of the module docstring."""
    day, how, _ = _from_text(text, None, today or date.today())
    return day if how is PublishedHow.TEXT else None


def latest_mentioned(text: str, *, today: date | None = None) -> date | None:
    """The latest plausible full date the text mentions: a lower bound of its publication.

    Dates of page widgets and a clock printed far after every other date are left out.
    """
    return max(_shown(text, today or date.today()).mentioned, default=None)


# The note stored with a publication date that is only the latest date the text mentions.
LOWER_BOUND_NOTE = "a lower bound: the latest date the text mentions"
# How long after the latest date it mentions an article is taken to have appeared.
LOWER_BOUND_REACH = timedelta(days=365)

_Found = tuple[date | None, PublishedHow, str | None]


def _from_text(text: str, meta: date | None, today: date) -> _Found:
    shown = _shown(text, today)
    if shown.first:
        return min(shown.first), PublishedHow.TEXT, None
    for md in shown.partial:
        found = _plausible(_year_shown(md, shown, meta), today)
        if found is not None:
            return found, PublishedHow.TEXT, None
    if shown.bare and not _is_clock_over(shown.partial, shown.bare[0]):
        return shown.bare[0], PublishedHow.TEXT, None
    if shown.bare:
        found = _under_clock(shown.partial[0], shown.bare[0])
        if found is not None:
            return found, PublishedHow.TEXT, None
        # the clock bounds nothing: the story may be years older
        clock = shown.bare[0]
        shown = replace(shown, mentioned=[d for d in shown.mentioned if d != clock])
    if meta is not None:
        return meta, PublishedHow.TEXT, None
    if shown.stamped:
        for md in shown.partial:
            found = _year_before(md, shown.stamped[0])
            if found is not None:
                return found, PublishedHow.TEXT, None
        return shown.stamped[0], PublishedHow.TEXT, None
    for md in shown.partial:
        found = _plausible(_year_inferred(md, shown), today)
        if found is not None:
            return found, PublishedHow.INFERRED, None
    latest = max(shown.mentioned, default=None)
    if latest is not None:
        return latest, PublishedHow.INFERRED, LOWER_BOUND_NOTE
    return None, PublishedHow.UNKNOWN, None


def publication_window(
    published: date | None, note: str | None, today: date | None = None
) -> tuple[date | None, date | None]:
    """The first and last day the article may have appeared. A date that is only a lower
    bound leaves a year after it open (news speaks of its recent past), up to today."""
    if note != LOWER_BOUND_NOTE or published is None:
        return published, published
    return published, min(published + LOWER_BOUND_REACH, today or date.today())


def find_published(
    text: str,
    *,
    cli: date | None,
    sidecar: date | None,
    meta: date | None = None,
    today: date | None = None,
) -> tuple[date | None, PublishedHow]:
    """The article's publication date and how it was found, in domain.md's order of trust.

    `cli` is the caller's date, `sidecar` the one of the file's sidecar, `meta` the one
    the page's HTML metadata gives (found in the page itself, so it counts as TEXT, after
    the dates the article text shows). `today` is only there for tests.
    """
    day, how, _ = find_published_noted(text, cli=cli, sidecar=sidecar, meta=meta, today=today)
    return day, how


def find_published_noted(
    text: str,
    *,
    cli: date | None,
    sidecar: date | None,
    meta: date | None = None,
    today: date | None = None,
) -> _Found:
    """`find_published`, with a note when the date is only a lower bound."""
    if cli is not None:
        return cli, PublishedHow.CLI, None
    if sidecar is not None:
        return sidecar, PublishedHow.SIDECAR, None
    today = today or date.today()
    return _from_text(text, _plausible(meta, today), today)
