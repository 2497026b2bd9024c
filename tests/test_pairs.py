"""Typed pairs and kinds turned into canonical values, with helpful errors."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.gazetteer import all_parties
from tracker.pairs import UnknownName, make_pair, parse_kind, parse_pair
from tracker.vocab import Kind


@pytest.mark.parametrize(
    "text",
    [
        "CN-US",
        "US-CN",
        "us-china",
        "United States-China",
        "US–China",
        "US—China",
        "U.S.-China",
        "china/us",
        "China / the United States",
        "Washington-Beijing",
        "USA vs China",
        "China and the US",
        " cn-us ",
    ],
)
def test_parse_pair_accepts_common_spellings(text: str) -> None:
    assert parse_pair(text) == "CN-US"


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("North Korea-South Korea", "KP-KR"),
        ("Guinea-Bissau-US", "GW-US"),
        ("India-Pakistan", "IN-PK"),
        ("Greece–Turkey", "GR-TR"),
        ("Russia-Turkey", "RU-TR"),
        ("ru-us", "RU-US"),
    ],
)
def test_parse_pair_other_pairs(text: str, pair: str) -> None:
    assert parse_pair(text) == pair


def test_unknown_pair_suggests_the_closest() -> None:
    with pytest.raises(UnknownName) as err:
        parse_pair("US-CNN")
    message = str(err.value)
    assert "\n" not in message
    assert message == "unknown pair 'US-CNN'; did you mean CN-US?"


@pytest.mark.parametrize("text", ["", "foo", "US", "US-US", "Atlantis-Lemuria", "NATO-Russia"])
def test_parse_pair_rejects(text: str) -> None:
    with pytest.raises(UnknownName):
        parse_pair(text)


def test_unknown_name_is_a_value_error() -> None:
    assert issubclass(UnknownName, ValueError)


@pytest.mark.parametrize(
    "text",
    ["military-relations", "Military Relations", "military_relations", " MILITARY-RELATIONS "],
)
def test_parse_kind(text: str) -> None:
    assert parse_kind(text) is Kind.MILITARY_RELATIONS


def test_parse_kind_every_kind() -> None:
    for kind in Kind:
        assert parse_kind(kind.value) is kind
        assert parse_kind(kind.value.replace("-", " ").title()) is kind


def test_unknown_kind_suggests() -> None:
    with pytest.raises(
        UnknownName, match=r"unknown kind 'hotline'; did you mean operational-hotline\?"
    ):
        parse_kind("hotline")
    with pytest.raises(UnknownName, match=r"unknown kind 'zzz'$"):
        parse_kind("zzz")


def test_make_pair_sorts() -> None:
    assert make_pair("US", "CN") == "CN-US"
    assert make_pair("cn", "us") == "CN-US"


CODES = sorted(all_parties())


@given(st.sampled_from(CODES), st.sampled_from(CODES))
def test_parse_pair_round_trips_codes(a: str, b: str) -> None:
    if a == b:
        with pytest.raises(UnknownName):
            parse_pair(f"{a}-{b}")
        return
    pair = parse_pair(f"{a}-{b}")
    assert pair == make_pair(a, b) == parse_pair(f"{b}/{a}")
    assert pair.split("-") == sorted([a, b])
