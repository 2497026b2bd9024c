"""More of the ways news words a channel's state, and look-alikes that are not one.
Each rule is tested with sentences written for it, and with near misses."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract import extract
from tracker.vocab import Kind, Modality, State

PUBLISHED = date(2023, 6, 5)


def facts(text: str) -> set[tuple[str, str, str, str]]:
    return {
        (c.pair, c.kind.value, c.state.value, c.modality.value) for c in extract(text, PUBLISHED)
    }


def states(text: str) -> set[tuple[str, State]]:
    return {(c.pair, c.state) for c in extract(text, PUBLISHED) if c.modality is Modality.ASSERTED}


@pytest.mark.parametrize(
    "text",
    [
        "Chinese and American officers held talks in Hawaii, the first such discussions since "
        "2019.",
        "The defense ministers of Japan and South Korea met on Saturday, the first meeting "
        "of its kind in years.",
        "Greek and Turkish diplomats met in Athens, their first talks in decades.",
        "It was the first in-person meeting in recent years between Indian and Pakistani "
        "officials.",
    ],
)
def test_a_first_contact_after_a_gap_is_a_restoration(text: str) -> None:
    assert any(state is State.RESTORED for _, state in states(text)), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Chinese and American officers held talks in Hawaii, the first such discussions of the "
        "day.",
        "The defense ministers of Japan and South Korea met on Saturday for the first time this "
        "week.",
    ],
)
def test_a_first_contact_without_a_gap_is_no_restoration(text: str) -> None:
    assert all(state is not State.RESTORED for _, state in states(text)), facts(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "The United States and China held talks on maritime security in Hawaii.",
            Kind.MARITIME_SAFETY_TALKS,
        ),
        (
            "Chinese and US officials held discussions on maritime safety on Tuesday.",
            Kind.MARITIME_SAFETY_TALKS,
        ),
        (
            "North Korea cut off the military communications hot line with South Korea.",
            Kind.OPERATIONAL_HOTLINE,
        ),
        (
            "The North Korean military cut the communications line with South Korea.",
            Kind.OPERATIONAL_HOTLINE,
        ),
    ],
)
def test_the_kind_named_in_other_words(text: str, kind: Kind) -> None:
    assert {c.kind for c in extract(text, PUBLISHED)} == {kind}


def test_an_unqualified_inter_korean_line_cut_by_the_government_is_the_liaison_line() -> None:
    text = "North Korea cut the communications line with South Korea on Friday."
    assert {c.kind for c in extract(text, PUBLISHED)} == {Kind.DIPLOMATIC_CHANNEL}


@pytest.mark.parametrize(
    "text",
    [
        "North Korea pledged Friday to restore its military hotline with South Korea.",
        "Russia vowed on Monday to resume the deconfliction calls with the United States.",
        "China promised last week to reopen the defense talks with the United States.",
    ],
)
def test_a_pledge_is_not_yet_the_thing(text: str) -> None:
    claims = extract(text, PUBLISHED)
    assert claims and all(c.modality is not Modality.ASSERTED for c in claims), facts(text)


def test_a_pledge_kept_is_asserted() -> None:
    text = "North Korea restored its military hotline with South Korea on Friday."
    assert ("KP-KR", State.RESTORED) in states(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Indian allegation of infiltration was strongly rejected by Pakistan on Tuesday.",
        "Accusations by China that the United States had spied were flatly denied in Washington.",
        "Reports that Greece had violated Turkish airspace were rejected by Athens.",
    ],
)
def test_a_charge_rejected_in_the_passive_is_no_channel(text: str) -> None:
    assert all(state is not State.REJECTED for _, state in states(text)), facts(text)


def test_an_offer_of_talks_rejected_in_the_passive_is_a_rejection() -> None:
    text = "India's offer of talks was rejected by Pakistan on Tuesday."
    assert ("IN-PK", State.REJECTED) in states(text)


@pytest.mark.parametrize(
    "text",
    [
        "China and the United States are yet to resume defense talks.",
        "India and Pakistan have yet to restore the hotline.",
    ],
)
def test_yet_to_resume_is_no_resumption(text: str) -> None:
    assert all(state is not State.RESTORED for _, state in states(text)), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "China's Defence Minister Li Shangfu speaks at a security forum in Singapore on June 4, "
        "2023",
        "US Defense Secretary Lloyd Austin attends talks with his Chinese counterpart, June 4, "
        "2023.",
    ],
)
def test_a_photo_caption_is_no_evidence(text: str) -> None:
    assert extract(text, PUBLISHED) == []


def test_the_same_words_in_the_past_tense_are_evidence() -> None:
    text = (
        "US Defense Secretary Lloyd Austin held talks with his Chinese counterpart on June 4, 2023."
    )
    assert ("CN-US", State.OPEN) in states(text)


@pytest.mark.parametrize(
    "text",
    [
        "The United States and North Korea agreed at the six-party talks last October to a "
        "declaration.",
        "Japan and China resumed trilateral talks with South Korea in Busan.",
    ],
)
def test_a_multilateral_format_is_no_bilateral_channel(text: str) -> None:
    assert facts(text) == set()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "The defense ministers of South Korea and Japan held talks on Saturday.",
            "defense-ministers",
        ),
        (
            "The foreign ministers of India and Pakistan met in New York on Monday.",
            "diplomatic-channel",
        ),
        ("The army chiefs of India and China spoke by phone on Monday.", "military-chiefs"),
    ],
)
def test_one_title_for_both_named_sides_gives_the_kind(text: str, kind: str) -> None:
    assert {c.kind.value for c in extract(text, PUBLISHED)} == {kind}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "The Military Maritime Consultative Agreement Working Group meeting between "
            "China and the United States was held in Honolulu.",
            "maritime-safety-talks",
        ),
        (
            "The Defense Policy Coordination Talks working meeting between Japan and China "
            "was cancelled.",
            "defense-policy-talks",
        ),
    ],
)
def test_a_meeting_of_a_named_channel_is_that_channel(text: str, kind: str) -> None:
    assert {c.kind.value for c in extract(text, PUBLISHED)} == {kind}


def test_two_channels_joined_by_and_keep_their_own_kinds() -> None:
    text = "Pakistan cut the hotline and talks with India stopped on Tuesday."
    kinds = {c.kind.value for c in extract(text, PUBLISHED)}
    assert "operational-hotline" in kinds


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Turkey Suspends Defense Industry Ties With Israel", "military-relations"),
        ("China Halts Military Talks With United States", "military-relations"),
    ],
)
def test_a_title_case_headline_reads_its_modifiers(text: str, kind: str) -> None:
    assert {c.kind.value for c in extract(text, PUBLISHED)} == {kind}


def test_a_capitalised_article_before_military_is_no_state() -> None:
    text = "The Military Band of Greece played as Turkey and Greece resumed exploratory talks."
    assert "military-relations" not in {c.kind.value for c in extract(text, PUBLISHED)}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "India is in no mood to talk to Pakistan until its concerns are met, officials said.",
            "IN-PK",
        ),
        ("Seoul is in no mood for dialogue with Pyongyang, the minister said.", "KP-KR"),
        ("China said the atmosphere was 'not right' for a meeting between Xi and Modi.", "CN-IN"),
        ("Beijing said the time is not right for talks with Washington.", "CN-US"),
    ],
)
def test_idioms_of_refusal(text: str, pair: str) -> None:
    assert (pair, State.REJECTED) in states(text), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "The players were in no mood to talk after India lost to Pakistan.",
        "The atmosphere was not right for a picnic, Indian and Pakistani fans said.",
    ],
)
def test_the_same_idioms_about_something_else(text: str) -> None:
    assert facts(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "The Pakistan Cricket Board has stopped talking to the Indian board.",
        "India and Pakistan resumed bilateral cricket ties in 2012.",
        "The Chinese company Huawei halted talks with the US Commerce Department.",
        "Korean Air suspended its talks with the Japanese airline ANA.",
    ],
)
def test_sports_boards_and_companies_are_no_state_channel(text: str) -> None:
    assert facts(text) == set()


def test_a_delegation_or_team_at_talks_speaks_for_its_state() -> None:
    text = "The Pakistani delegation met the Indian team for talks in Delhi on Monday."
    assert ("IN-PK", State.OPEN) in states(text)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Hours after the earthquake, Mitsotakis called Erdogan and offered help.", "GR-TR"),
        ("Putin calls Erdogan to offer condolences.", "RU-TR"),
        (
            "Greek Prime Minister Kyriakos Mitsotakis called his Turkish counterpart on Monday.",
            "GR-TR",
        ),
    ],
)
def test_calling_a_person_of_the_other_side_is_a_call(text: str, pair: str) -> None:
    assert (pair, State.OPEN) in states(text), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Biden called Xi a dictator on Tuesday.",
        "Washington called Moscow's bluff over Ukraine.",
        "The United States called North Korea a threat to peace.",
        "Turkey called Greece to account for the airspace violations.",
    ],
)
def test_calling_someone_something_is_no_call(text: str) -> None:
    assert facts(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Representatives of Ukraine, Russia, France and Germany met in Paris for talks.",
        "The foreign ministers of India, China and Russia met in Moscow on Friday.",
        "The first such encounter since relations between Moscow and the alliance sank.",
    ],
)
def test_contacts_among_more_than_two_sides_are_no_bilateral_claim(text: str) -> None:
    assert facts(text) == set()


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Russia and Ukraine met in Paris for talks on Friday.", "RU-UA"),
        ("China cut military talks with the United States, Japan and Australia said.", "CN-US"),
    ],
)
def test_two_sides_among_other_names_stay_a_pair(text: str, pair: str) -> None:
    assert pair in {p for p, _ in states(text)}, facts(text)


@pytest.mark.parametrize(
    ("text", "pair", "not_pair"),
    [
        ("Iran refused talks with the US brokered by Oman on Sunday.", "IR-US", "IR-OM"),
        (
            "Japan suspended talks with China over the islands, also claimed by Taiwan.",
            "CN-JP",
            "JP-TW",
        ),
    ],
)
def test_a_mediator_or_claimant_is_no_side(text: str, pair: str, not_pair: str) -> None:
    pairs = {p for p, _ in states(text)}
    assert pair in pairs and not_pair not in pairs, facts(text)
