"""Pairs of states and channel kinds as people type them, turned into canonical values.

A pair is unordered, so it is always written with its two codes in alphabetical order
("CN-US"). People type it many ways ("us-china", "U.S.-China", "United States–China",
"china/us"); every way that names two different known parties is accepted, and anything
else fails with a one-line message that suggests the closest valid value.
"""

from __future__ import annotations

import difflib
import re

from tracker.gazetteer import all_parties, party_for
from tracker.vocab import Kind

# Characters that may join the two sides of a typed pair.
_SEPARATOR = re.compile(r"\s*(?:[-–—/,:|]|\s+and\s+|\s+vs\.?\s+|\s+)\s*")


class UnknownName(ValueError):
    """A pair or kind that names nothing known; `str()` is one line with a suggestion."""


def make_pair(a: str, b: str) -> str:
    """The canonical pair of two party codes: sorted, joined by a hyphen."""
    first, second = sorted((a.upper(), b.upper()))
    return f"{first}-{second}"


def _closest_code(name: str) -> str | None:
    """The known party whose code or name is closest to a name that matched none."""
    parties = all_parties()
    candidates = {code.lower(): code for code in parties}
    candidates.update({n.lower(): code for code, n in parties.items()})
    close = difflib.get_close_matches(name.strip().lower(), list(candidates), n=1, cutoff=0.4)
    return candidates[close[0]] if close else None


def _party(name: str) -> str | None:
    """A typed side of a pair: a code in any case ("cn") or a name."""
    code = name.strip().upper()
    return code if code in all_parties() else party_for(name.strip())


def _splits(text: str) -> list[tuple[str, str]]:
    """Every way to cut the text in two at a separator, left to right."""
    return [(text[: m.start()], text[m.end() :]) for m in _SEPARATOR.finditer(text) if m.start()]


def parse_pair(text: str) -> str:
    """The canonical pair named by `text`, e.g. "us-china" -> "CN-US".

    Tries every separator position, so names that contain a hyphen or a space
    ("Guinea-Bissau", "United States") still split right.
    """
    cleaned = text.strip()
    best_guess: tuple[str | None, str | None] = (None, None)
    for left, right in _splits(cleaned):
        a, b = _party(left), _party(right)
        if a and b and a != b:
            return make_pair(a, b)
        if a and b:
            raise UnknownName(f"a pair needs two different parties, got {text!r}")
        if (a or b) and best_guess == (None, None):
            best_guess = (a or _closest_code(left), b or _closest_code(right))
    a, b = best_guess
    hint = f"; did you mean {make_pair(a, b)}?" if a and b and a != b else ""
    raise UnknownName(f"unknown pair {text!r}{hint}")


def parse_kind(text: str) -> Kind:
    """The channel kind named by `text`: case, spaces and underscores do not matter."""
    key = re.sub(r"[\s_]+", "-", text.strip().lower())
    try:
        return Kind(key)
    except ValueError:
        pass
    close = difflib.get_close_matches(key, [k.value for k in Kind], n=1, cutoff=0.4)
    hint = f"; did you mean {close[0]}?" if close else ""
    raise UnknownName(f"unknown kind {text!r}{hint}")
