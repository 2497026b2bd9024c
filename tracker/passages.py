"""Verbatim passages shared between articles: the trace a wire story leaves in its copies.

Two articles that share a long run of words are copies of one story (or one quotes the
other), so an undated copy may take its date from a dated one. Comparison ignores case,
punctuation and the style of quotation marks, which copies change freely.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MIN_SHARED_WORDS = 12

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


def words(text: str) -> list[str]:
    """The text as lower-case words, apostrophes unified, punctuation dropped."""
    return [w.replace("’", "'").casefold() for w in _WORD.findall(text)]


def shingles(text: str, size: int = MIN_SHARED_WORDS) -> set[tuple[str, ...]]:
    """Every run of `size` consecutive words."""
    ws = words(text)
    return {tuple(ws[i : i + size]) for i in range(len(ws) - size + 1)}


def shares_passage(passages: Iterable[str], text: str, min_words: int = MIN_SHARED_WORDS) -> bool:
    """Whether any of `passages` shares a run of `min_words` words with `text`."""
    wanted: set[tuple[str, ...]] = set()
    for passage in passages:
        wanted |= shingles(passage, min_words)
    if not wanted:
        return False
    return not wanted.isdisjoint(shingles(text, min_words))
