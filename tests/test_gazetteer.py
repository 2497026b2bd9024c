"""The gazetteer: names, capitals, institutions, demonyms and people mapped to states."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.gazetteer import all_parties, find_mentions, party_for, party_name, role_of


@pytest.mark.parametrize(
    ("name", "party"),
    [
        ("Washington", "US"),
        ("the Pentagon", "US"),
        ("Pentagon", "US"),
        ("the White House", "US"),
        ("the State Department", "US"),
        ("the United States", "US"),
        ("U.S.", "US"),
        ("us", "US"),
        ("America", "US"),
        ("Beijing", "CN"),
        ("the PLA", "CN"),
        ("China", "CN"),
        ("People's Republic of China", "CN"),
        ("Moscow", "RU"),
        ("the Kremlin", "RU"),
        ("the Soviet Union", "RU"),
        ("USSR", "RU"),
        ("Pyongyang", "KP"),
        ("North Korea", "KP"),
        ("DPRK", "KP"),
        ("Seoul", "KR"),
        ("Republic of Korea", "KR"),
        ("New Delhi", "IN"),
        ("Islamabad", "PK"),
        ("Rawalpindi", "PK"),
        ("Tokyo", "JP"),
        ("Ankara", "TR"),
        ("Türkiye", "TR"),
        ("Athens", "GR"),
        ("Kyiv", "UA"),
        ("Kiev", "UA"),
        ("Tehran", "IR"),
        ("Jerusalem", "IL"),
        ("Taipei", "TW"),
        ("Chinese", "CN"),
        ("Russian", "RU"),
        ("American", "US"),
        ("North Korean", "KP"),
        ("South Korean", "KR"),
        ("Shoigu", "RU"),
        ("Mattis", "US"),
        ("Gerasimov", "RU"),
        ("Dunford", "US"),
        ("Lavrov", "RU"),
        ("Pompeo", "US"),
        ("Tillerson", "US"),
        ("Li Shangfu", "CN"),
        ("Lloyd Austin", "US"),
        ("Kim Jong Un", "KP"),
        ("Erdoğan", "TR"),
        ("Mitsotakis", "GR"),
    ],
)
def test_party_for_known_names(name: str, party: str) -> None:
    assert party_for(name) == party


@pytest.mark.parametrize(
    "name", ["NATO", "the EU", "Austin", "Li", "Kim", "Brussels", "Atlantis", ""]
)
def test_party_for_names_that_are_not_one_state(name: str) -> None:
    assert party_for(name) is None


def test_party_names() -> None:
    parties = all_parties()
    assert len(parties) > 200
    assert parties["US"] == "United States"
    assert party_name("RU") == "Russia"
    assert party_name("kp") == "North Korea"
    assert party_name("XX") == "XX"


def test_roles_follow_the_date() -> None:
    assert role_of("Sergei Shoigu", date(2017, 2, 16)) == "dm"
    assert role_of("Sergei Shoigu", date(2024, 6, 1)) == "nsa"
    assert role_of("Mike Pompeo", date(2017, 6, 1)) == "intel"
    assert role_of("Mike Pompeo", date(2019, 5, 14)) == "fm"
    assert role_of("Mike Pompeo", date(2022, 1, 1)) is None
    assert role_of("Mike Pompeo", None) == "fm"
    assert role_of("Nobody Known", None) is None


def _mentions(text: str, on: date | None = None) -> list[tuple[str, tuple[str, ...], str]]:
    return [(m.text, m.parties, m.category) for m in find_mentions(text, on)]


def test_mentions_prefer_the_longest_name() -> None:
    found = _mentions("People's Republic of China and the Republic of China met.")
    assert found[0] == ("People's Republic of China", ("CN",), "country")
    assert found[1] == ("Republic of China", ("TW",), "country")


def test_mentions_are_case_sensitive() -> None:
    assert _mentions("let us talk") == []
    assert _mentions("WASHINGTON — officials said") == []


def test_places_and_organisations_are_not_states() -> None:
    found = _mentions("NATO ships in the South China Sea and the Indian Ocean")
    assert [f[1] for f in found] == [(), (), ()]
    assert [f[2] for f in found] == ["nonstate", "place", "place"]


def test_a_capital_naming_a_newspaper_is_not_the_state() -> None:
    assert _mentions("The Washington Post reported") == []
    assert _mentions("officials in Washington said")[0][1] == ("US",)


def test_pair_words_name_two_states() -> None:
    assert _mentions("inter-Korean hotline")[0][1:] == (("KP", "KR"), "pair")
    assert _mentions("The two Koreas restored it")[0][1] == ("KP", "KR")


def test_a_distinctive_surname_alone_is_recognised() -> None:
    found = find_mentions("Mattis said Shoigu was wrong.", date(2017, 2, 16))
    assert [(m.text, m.party, m.role) for m in found] == [
        ("Mattis", "US", "dm"),
        ("Shoigu", "RU", "dm"),
    ]


def test_a_common_surname_needs_the_full_name_first() -> None:
    assert _mentions("Li met Putin.") == [("Putin", ("RU",), "person")]
    found = find_mentions("Li Shangfu arrived. Later Li met Putin.", date(2023, 4, 20))
    assert [(m.text, m.person, m.role) for m in found][:2] == [
        ("Li Shangfu", "Li Shangfu", "dm"),
        ("Li", "Li Shangfu", "dm"),
    ]


def test_a_common_surname_after_an_office_title() -> None:
    found = find_mentions("Secretary Austin spoke.", date(2022, 1, 1))
    assert [(m.text, m.party, m.role) for m in found] == [("Austin", "US", "dm")]
    assert find_mentions("Austin is a city in Texas.") == []


def test_full_names_tolerate_a_middle_initial_and_line_breaks() -> None:
    found = find_mentions("Defense Secretary Robert M. Gates and Robert\nGates", date(2011, 1, 7))
    assert [m.person for m in found] == ["Robert Gates", "Robert Gates"]


def test_typographic_apostrophes_match() -> None:
    assert _mentions("the People’s Liberation Army")[0][1] == ("CN",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seoul protested after the North fired a missile.", ("the North", ("KP",))),
        ("The South proposed talks; Pyongyang said no.", ("The South", ("KR",))),
        ("Taipei said the mainland had cut the channel.", ("the mainland", ("CN",))),
        ("Beijing warned the island against the visit.", ("the island", ("TW",))),
    ],
)
def test_a_name_that_stands_for_a_state_in_a_text_about_it(
    text: str, expected: tuple[str, tuple[str, ...]]
) -> None:
    assert expected in [(m.text, m.parties) for m in find_mentions(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Ships crossed the North Sea in the North of the country.",
        "The South has long summers.",
        "The island of Hainan lies off the coast of China.",
        "Travellers reach the mainland by ferry from Greece.",
        "The North Atlantic Council met in Brussels with South Korea.",
    ],
)
def test_without_its_state_such_a_name_is_nobody(text: str) -> None:
    assert not [m for m in find_mentions(text) if m.text.lower().startswith("the ")]


def test_a_pair_written_as_one_phrase() -> None:
    assert _mentions("South and North Korea exchanged calls.")[0][1:] == (("KP", "KR"), "pair")
    assert _mentions("North and South Korea agreed.")[0][1] == ("KP", "KR")
    assert _mentions("North Korea ended North-South military talks.")[1][1] == ("KP", "KR")
    assert not [m for m in find_mentions("The North-South divide in trade") if m.parties]
