"""Cut the text of one input file into articles and clean each of page chrome.

Everything here works on whole lines and only ever drops them: the text an article
keeps is the source's own, so any quote taken from it can be found again verbatim
(domain.md, "Evidence"). Which lines are chrome is data, in `tracker/data/chrome.yaml`.

Lines are the pieces of a text between "\\n" characters; a line is blank when it holds
only white space. Cleaned text has no blank lines at either end and never two blank
lines in a row, and every other line of it is a line of the input.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from tracker.published import FULL_DATE, is_date_line

# A line with this many words is article prose, not a headline, byline or label.
BODY_WORDS = 12

# A duplicated line this long (after normalisation) is a copy of the body, not a
# coincidence such as two equal subheadings.
REPEAT_MIN_CHARS = 40

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


@dataclass(frozen=True)
class _Block:
    """An author box: the marker line plus name and bio lines around it."""

    pattern: re.Pattern[str]
    before: int
    after: int


@dataclass(frozen=True)
class _Rules:
    """The chrome patterns of chrome.yaml, compiled."""

    lines: re.Pattern[str]
    head_lines: re.Pattern[str]
    tail: re.Pattern[str]
    blocks: tuple[_Block, ...]
    join_key: re.Pattern[str]
    stat_key: re.Pattern[str]
    role: re.Pattern[str]


def _union(patterns: Iterable[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _key(names: Iterable[str]) -> re.Pattern[str]:
    """A statistics key, alone ("Joined") or with its value ("Joined: Nov 17, 2017")."""
    keys = "|".join(re.escape(name) for name in names)
    return re.compile(rf"(?:{keys})(?:\s*:\s*(?P<value>.+)|\s*:)?", re.IGNORECASE)


@cache
def _rules() -> _Rules:
    """Load and compile chrome.yaml once per process: it is read on every article."""
    raw: dict[str, Any] = yaml.safe_load(
        resources.files("tracker.data").joinpath("chrome.yaml").read_text(encoding="utf-8")
    )
    forum = raw["forum"]
    return _Rules(
        lines=_union(raw["lines"]),
        head_lines=_union(raw["head_lines"]),
        tail=_union(raw["tail"]),
        blocks=tuple(
            _Block(
                re.compile(b["pattern"], re.IGNORECASE),
                int(b.get("before", 0)),
                int(b.get("after", 0)),
            )
            for b in raw["blocks"]
        ),
        join_key=_key(forum["join_keys"]),
        stat_key=_key(forum["stat_keys"]),
        role=_union(forum["roles"]),
    )


def _is_blank(line: str) -> bool:
    return not line.strip()


def _matches(pattern: re.Pattern[str], line: str) -> bool:
    return pattern.fullmatch(line.strip()) is not None


def _is_body(line: str) -> bool:
    """A line of article prose: long enough that it cannot be a headline or a label."""
    return len(line.split()) >= BODY_WORDS


def has_body(text: str) -> bool:
    """Whether a text holds at least one sentence, i.e. is more than titles and labels."""
    for line in text.split("\n"):
        words = line.split()
        if len(words) >= BODY_WORDS or (len(words) >= 3 and _SENTENCE_END.search(line.strip())):
            return True
    return False


def _tidy(lines: Iterable[str]) -> str:
    """Join kept lines, with no blank line at either end and none doubled."""
    out: list[str] = []
    for line in lines:
        if _is_blank(line):
            if out and out[-1]:
                out.append("")
        else:
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


# --- forum threads -------------------------------------------------------------------


def _next_nonblank(lines: Sequence[str], i: int) -> int:
    while i < len(lines) and _is_blank(lines[i]):
        i += 1
    return i


def _prev_nonblank(lines: Sequence[str], i: int) -> int:
    while i >= 0 and _is_blank(lines[i]):
        i -= 1
    return i


def _is_short(line: str) -> bool:
    """Short enough to be a user name or a member title."""
    text = line.strip()
    return 0 < len(text) <= 40 and len(text.split()) <= 4


def _card_stats_end(lines: Sequence[str], i: int, rules: _Rules) -> int | None:
    """Where the statistics of a member card starting at a join key at `i` end.

    Returns the index after the last value, or None when the join key is not followed
    by any other statistic (then "Joined" is just a word of the article).
    """
    stats = 0
    j = i
    while j < len(lines):
        key = rules.join_key if j == i else rules.stat_key
        m = key.fullmatch(lines[j].strip())
        if m is None:
            break
        stats += j != i
        j += 1
        if m.group("value") is None:
            j = _next_nonblank(lines, j) + 1  # the value stands on the next line
        j = _next_nonblank(lines, j)
    return j if stats else None


def _card_start(lines: Sequence[str], i: int, rules: _Rules) -> int:
    """Where the member card whose join key is at `i` begins: its role lines and name.

    The role lines stand right above the join key; the user name is the short line
    above them. A title the roles list does not know is taken for the name.
    """
    start = i
    k = _prev_nonblank(lines, i - 1)
    while k >= 0 and _matches(rules.role, lines[k]) and i - k <= 6:
        start = k
        k = _prev_nonblank(lines, k - 1)
    if k >= 0 and _is_short(lines[k]) and not _SENTENCE_END.search(lines[k].strip()):
        start = k
    return start


def _member_cards(lines: Sequence[str]) -> list[tuple[int, int]]:
    """The (start, end) line spans of the member cards of a forum thread, in order."""
    rules = _rules()
    cards: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if rules.join_key.fullmatch(lines[i].strip()):
            end = _card_stats_end(lines, i, rules)
            if end is not None:
                floor = cards[-1][1] if cards else 0
                cards.append((max(_card_start(lines, i, rules), floor), end))
                i = end
                continue
        i += 1
    return cards


def split_articles(text: str) -> list[str]:
    """Cut a text into its articles: one per post in a forum thread, else the whole text.

    A thread is recognised by the member cards above its posts; each post runs from
    the end of one card to the start of the next and keeps its own headline and date
    line. What stands above the first card is the thread's title block (site name,
    thread title) and is dropped, unless it holds sentences: then it is an article
    the thread hangs under. Cards themselves are chrome and are dropped; they carry
    the "Joined" date, which is never a publication date.
    """
    lines = text.split("\n")
    cards = _member_cards(lines)
    if not cards:
        return [text]
    head = _tidy(lines[: cards[0][0]])
    posts: list[str] = [head] if has_body(head) else []
    for n, (_, end) in enumerate(cards):
        stop = cards[n + 1][0] if n + 1 < len(cards) else len(lines)
        post = _tidy(lines[end:stop])
        if post:
            posts.append(post)
    return posts


# --- chrome --------------------------------------------------------------------------


def _drop_blocks(lines: list[str], keep: list[bool], rules: _Rules) -> None:
    """Mark author boxes (marker line, name and bio) as dropped."""
    for i, line in enumerate(lines):
        for block in rules.blocks:
            if not _matches(block.pattern, line):
                continue
            keep[i] = False
            k = i
            for _ in range(block.before):
                k = _prev_nonblank(lines, k - 1)
                if k < 0:
                    break
                keep[k] = False
            k = i
            for _ in range(block.after):
                k = _next_nonblank(lines, k + 1)
                if k >= len(lines):
                    break
                keep[k] = False


def strip_chrome(text: str) -> str:
    """Drop the lines of a text that are page chrome, keeping every other line as is.

    Chrome lines go wherever they stand; head labels go only above the first body
    paragraph; a tail marker ("You may also like", "Leave a Reply") ends the article
    once a body paragraph has been seen; author boxes go with their name and bio.
    """
    rules = _rules()
    lines = text.split("\n")
    keep = [True] * len(lines)
    _drop_blocks(lines, keep, rules)
    seen_body = False
    for i, line in enumerate(lines):
        if not keep[i] or _is_blank(line):
            continue
        if _matches(rules.tail, line):
            if seen_body:
                keep[i:] = [False] * (len(lines) - i)
                break
            keep[i] = False
        elif _matches(rules.lines, line) or (not seen_body and _matches(rules.head_lines, line)):
            keep[i] = False
        elif _is_body(line):
            seen_body = True
    return _tidy(line for line, k in zip(lines, keep, strict=True) if k)


# --- repeated bodies -----------------------------------------------------------------

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
_DASHES = re.compile(r"\s*(?:--+|[‐‑‒–—―−])\s*")


def _comparable(line: str) -> str:
    """A line reduced for comparison only: typographic quotes, dashes, spaces and case.

    Two copies of one body often differ only in typography (straight against curly
    quotes, "--" against an em dash); the kept copy is never rewritten.
    """
    text = unicodedata.normalize("NFKC", line).translate(_QUOTES)
    text = _DASHES.sub(" - ", text)
    return " ".join(text.split()).casefold()


def _drop_adjacent(keys: Sequence[str], dropped: list[bool]) -> None:
    """Mark a kept line equal to the kept line above it, whatever its length.

    Such a line is a caption printed twice, as image text and below the image. This
    runs last, so lines that become neighbours when a repeat between them goes are
    caught too.
    """
    above: str | None = None
    for n, key in enumerate(keys):
        if dropped[n]:
            continue
        if key == above:
            dropped[n] = True
        above = key


def collapse_repeats(text: str) -> str:
    """Keep the first copy of a body that a page prints twice, and drop later copies.

    A repeat starts at a long line seen before and runs as far as the lines keep
    matching the earlier copy, in both directions, so short subheadings inside the
    repeated stretch go with it. A line equal to the one right above it is a repeat
    whatever its length; other short lines repeated on their own are left alone.
    """
    lines = text.split("\n")
    content = [i for i, line in enumerate(lines) if not _is_blank(line)]
    keys = [_comparable(lines[i]) for i in content]
    first: dict[str, int] = {}
    dropped = [False] * len(content)
    p = 0
    while p < len(content):
        q = first.setdefault(keys[p], p)
        if q == p or len(keys[p]) < REPEAT_MIN_CHARS:
            p += 1
            continue
        run = 0
        while p + run < len(content) and q + run < p and keys[q + run] == keys[p + run]:
            dropped[p + run] = True
            run += 1
        back = 1
        while q - back >= 0 and p - back >= q + run and not dropped[p - back]:
            if keys[q - back] != keys[p - back]:
                break
            dropped[p - back] = True
            back += 1
        p += run
    _drop_adjacent(keys, dropped)
    gone = {content[n] for n, d in enumerate(dropped) if d}
    return _tidy(line for i, line in enumerate(lines) if i not in gone)


# --- paragraphs and wrapped lines -----------------------------------------------------

# A hard-wrapped line is 40 to 100 characters long and breaks a sentence off; a text is
# hard wrapped when at least WRAPPED_LINES of its lines, and a third of them, are such.
# Pages that print a paragraph a line have few: a menu, a caption, a headline.
WRAP_MIN_CHARS = 40
WRAP_MAX_CHARS = 100
WRAPPED_LINES = 3
WRAPPED_SHARE = 1 / 3

# What ends a line that ends a sentence: a stop, perhaps closed by quotes or brackets;
# a colon, a closing quote or bracket ends a line too.
_LINE_END = re.compile(r"(?:[.!?…:][\"'”’)\]]*|[\"”’)\]])$")
# A line that begins a list item, never a wrapped continuation.
_ITEM_START = re.compile(r"(?:[-–—•·*▪●]\s|\d{1,2}[.)]\s)")
# A scraper's metadata date line: "date 2021-01-25", perhaps with a time.
_DATE_META = re.compile(r"date\s+\d{4}-\d{2}-\d{2}(?:\s+\d{2}:\d{2}(?::\d{2})?)?")
# A line that ends with a clock time or a full date is a headline's date line.
_ENDS_WITH_TIME = re.compile(
    rf"(?:\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?|{FULL_DATE.pattern})$",
    re.IGNORECASE,
)
# A full stop glued to the next sentence ("the Treaty.Officials met"): a word of
# two lower-case letters or more before it, a capitalised word after it.
_GLUED_STOP = re.compile(r"(?<=[a-z]{2})[.!?](?=[A-Z][a-z])")
_ABBREVIATION_BEFORE = re.compile(
    r"(?:^|[^\w.])(?:mr|mrs|ms|dr|gen|col|capt|cmdr|gov|sen|rep|prof|inc|corp|ltd|co|no|vs|etc|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$",
    re.IGNORECASE,
)


def _breaks_sentence(line: str, below: str) -> bool:
    """Whether a line stops in the middle of a sentence that the line below goes on with."""
    text = line.strip()
    return (
        WRAP_MIN_CHARS <= len(text) <= WRAP_MAX_CHARS
        and bool(below.strip())
        and not _LINE_END.search(text)
    )


def is_hard_wrapped(text: str) -> bool:
    """Whether a text was saved with its lines broken at a fixed width, inside sentences."""
    lines = text.split("\n")
    content = sum(1 for line in lines if line.strip())
    broken = sum(1 for n, line in enumerate(lines[:-1]) if _breaks_sentence(line, lines[n + 1]))
    return broken >= WRAPPED_LINES and broken >= WRAPPED_SHARE * content


def _continues(above: str, line: str, wrapped: bool) -> bool:
    """Whether `line` goes on with the sentence of the line `above` it."""
    top, this = above.strip(), line.strip()
    if not top or not this or _LINE_END.search(top) or _ITEM_START.match(this):
        return False
    if _DATE_META.fullmatch(this):
        return False  # "date 2021-01-25" under a headline is a line of its own
    if this[0].islower():
        return True
    return (
        wrapped
        and len(top) >= WRAP_MIN_CHARS
        and not _ENDS_WITH_TIME.search(top)
        and not is_date_line(this)
    )


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the paragraphs of a text, hard-wrapped lines joined.

    The text itself is never changed: a sentence of a wrapped paragraph holds line breaks,
    and a quote of it does too (text[start:end] == quote still holds). A line goes on
    with the line above it when that line does not end a sentence (a stop, a colon, a
    closing quote or bracket) and either the line begins in lower case ("agreed\nto
    reopen"), or the text is hard wrapped (`is_hard_wrapped`) and the line above is a
    wrapped one: at least 40 characters, not ending with a date or a time ("agreed\nTuesday
    to restore", "silent since March\n2016."). A blank line, a list item and a date line
    always begin a paragraph. Spans hold no white space at either end.
    """
    lines = text.split("\n")
    wrapped = is_hard_wrapped(text)
    spans: list[tuple[int, int]] = []
    start = 0
    for n, line in enumerate(lines):
        begin, start = start, start + len(line) + 1
        if not line.strip():
            continue
        first = begin + len(line) - len(line.lstrip())
        last = begin + len(line.rstrip())
        if spans and n > 0 and _continues(lines[n - 1], line, wrapped):
            spans[-1] = (spans[-1][0], last)
        else:
            spans.append((first, last))
    return spans


def split_glued(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence span cut where a full stop is glued to the next sentence.

    Pages that lost the space after a stop ("under the Treaty.Officials met")
    give sentence splitters one sentence where there are two; an abbreviation ("Gen.",
    "Jan.") or a domain name ("news.com") is no such stop.
    """
    spans: list[tuple[int, int]] = []
    cursor = start
    for m in _GLUED_STOP.finditer(text, start, end):
        if _ABBREVIATION_BEFORE.search(text, cursor, m.start()):
            continue
        spans.append((cursor, m.end()))
        cursor = m.end()
    spans.append((cursor, end))
    return spans


# --- titles --------------------------------------------------------------------------


def headline(text: str) -> str | None:
    """The article's headline: its first line, when that line reads like one.

    A headline has a few words and does not end like a sentence or a label; a byline
    or a line carrying a date ("Posted by … on February 16, 2017") is not one.
    """
    title = " ".join(next((line for line in text.split("\n") if not _is_blank(line)), "").split())
    words = title.split()
    if not 3 <= len(words) <= 25 or len(title) > 200 or title[-1] in ".,;:":
        return None
    if title.casefold().startswith("by ") or FULL_DATE.search(title):
        return None
    return title
