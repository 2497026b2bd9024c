"""The compiled cue lexicon: patterns rewritten for lower-cased text find what the
patterns as written find."""

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
    "START",
    "start",
    "New START",
    "talks",
    "froze",
    "Rebuffed",
    "2019",
    "-",
    ",",
    "“",
    "\n",
]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _every_cue_pattern() -> list[re.Pattern[str]]:
    c = cues()
    patterns = [c.prefilter, *(cue.pattern for cue in c.states), *c.false_friends]
    return patterns + [noun.pattern for noun in c.kinds]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.sampled_from([" ", "  ", "\t"]))
def test_lowered_cue_patterns_match_where_the_patterns_match(words: list[str], space: str) -> None:
    text = space.join(words)
    for pattern in _every_cue_pattern():
        lowered = lowered_pattern(pattern)
        if lowered is not None:
            assert _spans(lowered, text.lower()) == _spans(pattern, text), pattern.pattern[:80]


def test_a_pattern_with_a_case_sensitive_part_is_not_lowered() -> None:
    c = cues()
    assert c.prefilter_cased is not None
    assert lowered_pattern(c.prefilter_cased) is None
    assert c.prefilter_cased.search("under New START") and not c.prefilter_cased.search(
        "a fresh start"
    )
    assert lowered_pattern(re.compile("abc")) is None  # case-sensitive already


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="aAbB1 _-\t.", max_size=20))
def test_escapes_keep_their_case(text: str) -> None:
    original = re.compile(r"\S+\W\D|[A-B]\w\s", re.IGNORECASE)
    lowered = lowered_pattern(original)
    assert lowered is not None and not lowered.flags & re.IGNORECASE
    assert _spans(lowered, text.lower()) == _spans(original, text)
