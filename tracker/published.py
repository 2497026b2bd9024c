"""Find when an article was published, and say how it was found.

The order of trust is domain.md's ("Articles"): the caller, a sidecar file, the text
itself (a dateline, a "Posted … on" or "Published:" line, a date line under the
headline), the page's HTML metadata, and last an inference: the latest full date the
text mentions, which is a lower bound of the publication date.

Dates are located here with patterns and only then parsed with python-dateutil: its
fuzzy mode would invent a date from stray numbers. Only full dates (day, month and
year) count, and none in the future of today or before 1900.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from dateutil import parser as dateparser

from tracker.vocab import PublishedHow

EARLIEST = date(1900, 1, 1)

# Publication lines stand among the first lines of an article: headline, subtitle,
# byline, date line, dateline.
HEAD_LINES = 6

# A labelled publication line is short; a longer one is a sentence that happens to
# start with "Posted" or "Published".
LABELLED_MAX_CHARS = 150

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|2\d\d\d)"
_ISO = rf"{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
_FULL = (
    rf"(?<![\w.-])(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}"  # May 12, 2019 / Jan. 7, 2011
    rf"|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"  # 12 May 2019 / 3rd of March 2021
    rf"|{_ISO})(?!\d)"  # 2019-05-12
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_TIME = r"\d{1,2}(?:[:.]\d{2}){1,2}\s*(?:[ap]\.?\s?m\.?)?(?:\s*\(?[a-z]{2,5}\)?)?"
_LABEL = r"(?:first\s+)?(?:published|posted|date(?:\s+published)?|publication\s+date)"

FULL_DATE = re.compile(_FULL, re.IGNORECASE)

# A line that is only a date, perhaps with a weekday, a time or a label:
# "Sunday, May 12, 2019", "Wednesday, May 15, 2019 12:00:03 PM", "Published: 3 March 2021".
DATE_LINE = re.compile(
    rf"(?:{_LABEL}\s*(?:on)?\s*:?\s*)?(?:{_WEEKDAY},?\s+)?(?P<date>{_FULL})"
    rf"(?:\s*(?:,|at|-|–|\||/)?\s*{_TIME})?",
    re.IGNORECASE,
)

# A labelled publication line, wherever it stands:
# "Posted by on February 16, 2017 3:07 pm", "Published on 3 March 2021 by …".
_LABELLED = re.compile(rf"\s*{_LABEL}\b.{{0,80}}?(?P<date>{_FULL})", re.IGNORECASE)

# A dateline opening a paragraph: "WASHINGTON, Jan. 7, 2011 —", "MOSCOW, May 14, 2019 (Reuters) -".
_DATELINE = re.compile(
    rf"\s*[A-Z][\w .'’-]{{1,40}}(?:\([^)\n]{{1,30}}\))?,\s*(?:{_WEEKDAY},?\s+)?(?P<date>{_FULL})"
    r"\s*(?:\([^)\n]{1,30}\)\s*)?[-–—]",
    re.IGNORECASE,
)


def parse_date(text: str) -> date | None:
    """Parse one located full date; None for an impossible one such as "Feb 30, 2019"."""
    try:
        return dateparser.parse(text).date()
    except (ValueError, OverflowError):
        return None


def _plausible(day: date | None, today: date) -> date | None:
    """A date that can be a publication date: not before 1900, not after today."""
    return day if day is not None and EARLIEST <= day <= today else None


def mentioned_dates(text: str) -> Iterator[date]:
    """Every full date the text mentions, in order (possibly impossible ones skipped)."""
    for m in FULL_DATE.finditer(text):
        day = parse_date(m.group(0))
        if day is not None:
            yield day


def is_date_line(line: str) -> bool:
    """Whether a line says nothing but a date (with perhaps a weekday, time or label)."""
    return DATE_LINE.fullmatch(line.strip()) is not None


def _shown_date(line: str, in_head: bool) -> str | None:
    """The publication date a line shows, as located text, if it is a publication line."""
    stripped = line.strip()
    m = _LABELLED.match(stripped) if len(stripped) <= LABELLED_MAX_CHARS else None
    if m is None and in_head:
        m = DATE_LINE.fullmatch(stripped) or _DATELINE.match(stripped)
    return m.group("date") if m else None


def text_date(text: str, *, today: date | None = None) -> date | None:
    """The publication date the text shows: the first publication line that has one.

    Date lines and datelines count only in the head of the article, where a page puts
    them; a labelled line ("Posted … on …", "Published: …") counts anywhere. Dates in
    tweets and other embeds are never publication lines.
    """
    today = today or date.today()
    seen = 0
    for line in text.split("\n"):
        if not line.strip():
            continue
        seen += 1
        shown = _shown_date(line, seen <= HEAD_LINES)
        day = _plausible(parse_date(shown), today) if shown else None
        if day is not None:
            return day
    return None


def latest_mentioned(text: str, *, today: date | None = None) -> date | None:
    """The latest plausible full date the text mentions: a lower bound of its publication."""
    today = today or date.today()
    days = [d for d in mentioned_dates(text) if _plausible(d, today)]
    return max(days, default=None)


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
    if cli is not None:
        return cli, PublishedHow.CLI
    if sidecar is not None:
        return sidecar, PublishedHow.SIDECAR
    today = today or date.today()
    shown = text_date(text, today=today) or _plausible(meta, today)
    if shown is not None:
        return shown, PublishedHow.TEXT
    latest = latest_mentioned(text, today=today)
    if latest is not None:
        return latest, PublishedHow.INFERRED
    return None, PublishedHow.UNKNOWN
