"""The compiled cue lexicon: the fast prefilter finds what the plain one finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.cues import cues, lowered_pattern

# Words the prefilter knows, in every case, among words it does not; and characters whose
# escapes must survive the rewrite (\S, \W, \D differ from \s, \w, \d).
WORDS = [
    "suspended",
    "SUSPENDED",
    "Cut Off",
    "hotline",
    "Talks",
    "DGMO",
    "resumed",
    "weather",
    "Stadium",
    "on hold",
    "ON HOLD",
    "re-established",
    "2019",
    "-",
    ",",
    "“",
    "\n",
]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.sampled_from([" ", "  ", "\t"]))
def test_the_lowered_prefilter_matches_where_the_prefilter_matches(
    words: list[str], space: str
) -> None:
    c = cues()
    text = space.join(words)
    assert _spans(c.prefilter_lowered, text.lower()) == _spans(c.prefilter, text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="aAbB1 _-\t.", max_size=20))
def test_escapes_keep_their_case(text: str) -> None:
    original = re.compile(r"\S+\W\D|[A-B]\w\s", re.IGNORECASE)
    lowered = lowered_pattern(original)
    assert not lowered.flags & re.IGNORECASE
    assert _spans(lowered, text.lower()) == _spans(original, text)
