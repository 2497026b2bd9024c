"""The extraction rules, one table per rule, each with sentences that must and must not match.

Every sentence here is written for the test; dates are resolved against PUBLISHED, a
Wednesday.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.cues import verb_forms
from tracker.extract import EXTRACTOR_VERSION, extract
from tracker.vocab import Claim, DateHow, Kind, Modality, Precision, State

PUBLISHED = date(2022, 8, 10)

A, P, INT, H = Modality.ASSERTED, Modality.PLANNED, Modality.INTENT, Modality.HYPOTHETICAL
OPEN, SUSP, REJ, REST = State.OPEN, State.SUSPENDED, State.REJECTED, State.RESTORED


def facts(text: str, published: date | None = PUBLISHED) -> set[tuple[str, str, str, str]]:
    return {
        (c.pair, c.kind.value, c.state.value, c.modality.value) for c in extract(text, published)
    }


def asserted(text: str) -> set[tuple[str, str, str]]:
    return {
        (c.pair, c.kind.value, c.state.value) for c in extract(text, PUBLISHED) if c.modality == A
    }


def one(text: str, published: date | None = PUBLISHED) -> Claim:
    found = extract(text, published)
    assert len(found) == 1, found
    return found[0]


def expect(
    pair: str, kind: Kind, state: State, modality: Modality = A
) -> tuple[str, str, str, str]:
    return (pair, kind.value, state.value, modality.value)


# --------------------------------------------------------------------------- suspended


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "China suspended its military-to-military contacts with the United States.",
            expect("CN-US", Kind.MILITARY_RELATIONS, SUSP),
        ),
        (
            "Beijing has frozen all military exchanges with Washington.",
            expect("CN-US", Kind.MILITARY_RELATIONS, SUSP),
        ),
        (
            "Pyongyang cut off the inter-Korean hotline.",
            expect("KP-KR", Kind.DIPLOMATIC_CHANNEL, SUSP),
        ),
        (
            "North Korea severed all communication lines with South Korea.",
            expect("KP-KR", Kind.DIPLOMATIC_CHANNEL, SUSP),
        ),
        (
            "Moscow halted the deconfliction channel with the Pentagon.",
            expect("RU-US", Kind.OPERATIONAL_HOTLINE, SUSP),
        ),
        (
            "Ankara put confidence-building talks with Athens on hold.",
            expect("GR-TR", Kind.DEFENSE_POLICY_TALKS, SUSP),
        ),
        (
            "Beijing called off the defense policy coordination talks with Washington.",
            expect("CN-US", Kind.DEFENSE_POLICY_TALKS, SUSP),
        ),
        (
            "China cancelled a planned call between theater commanders with the United States.",
            expect("CN-US", Kind.THEATER_COMMANDERS, SUSP),
        ),
        (
            "Russia suspended data exchanges with the United States under New START.",
            expect("RU-US", Kind.ARMS_CONTROL, SUSP),
        ),
        (
            "Beijing said it would no longer hold maritime safety talks with Washington.",
            expect("CN-US", Kind.MARITIME_SAFETY_TALKS, SUSP),
        ),
        (
            "The military hotline between India and Pakistan went silent.",
            expect("IN-PK", Kind.OPERATIONAL_HOTLINE, SUSP),
        ),
        (
            "Russia and Ukraine broke off peace talks.",
            expect("RU-UA", Kind.DIPLOMATIC_CHANNEL, SUSP),
        ),
    ],
)
def test_suspended(text: str, fact: tuple[str, str, str, str]) -> None:
    assert fact in facts(text)


# --------------------------------------------------------------------------- rejected


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "China declined a US request for a meeting between Lloyd Austin and Li Shangfu.",
            expect("CN-US", Kind.DEFENSE_MINISTERS, REJ),
        ),
        (
            "Beijing rebuffed repeated Pentagon requests for talks between the two militaries.",
            expect("CN-US", Kind.MILITARY_RELATIONS, REJ),
        ),
        (
            "Seoul's proposals for military talks went unanswered, North Korea having ignored "
            "them.",
            # The two Koreas' military talks are their general-level defense talks.
            expect("KP-KR", Kind.DEFENSE_POLICY_TALKS, REJ),
        ),
        (
            "North Korea has not responded to Seoul's proposal for military talks.",
            expect("KP-KR", Kind.DEFENSE_POLICY_TALKS, REJ),
        ),
        (
            "South Korea proposed military talks with North Korea, but Pyongyang has yet to "
            "respond.",
            expect("KP-KR", Kind.DEFENSE_POLICY_TALKS, REJ),
        ),
        (
            "Iran has ruled out direct talks with the United States.",
            expect("IR-US", Kind.DIPLOMATIC_CHANNEL, REJ),
        ),
        (
            "The United States is not ready to resume military cooperation with Russia.",
            expect("RU-US", Kind.MILITARY_RELATIONS, REJ),
        ),
        (
            "Turkey refused to meet Greek officials for confidence-building talks.",
            expect("GR-TR", Kind.DEFENSE_POLICY_TALKS, REJ),
        ),
        (
            "Officials said there was little chance of talks between the Chinese and American "
            "defense ministers.",
            expect("CN-US", Kind.DEFENSE_MINISTERS, REJ),
        ),
        (
            "Secretary Austin said the PLA had refused to take his calls.",
            expect("CN-US", Kind.DEFENSE_MINISTERS, REJ),
        ),
    ],
)
def test_rejected(text: str, fact: tuple[str, str, str, str]) -> None:
    assert fact in facts(text)


# --------------------------------------------------------------------------- restored


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "The two Koreas restored their military hotline on Monday.",
            expect("KP-KR", Kind.OPERATIONAL_HOTLINE, REST),
        ),
        (
            "China and the United States resumed military-to-military talks.",
            expect("CN-US", Kind.MILITARY_RELATIONS, REST),
        ),
        (
            "Greece and Turkey reopened exploratory talks in Ankara.",
            expect("GR-TR", Kind.DIPLOMATIC_CHANNEL, REST),
        ),
        (
            "Japan re-established the defense hotline with China.",
            expect("CN-JP", Kind.OPERATIONAL_HOTLINE, REST),
        ),
        (
            "The deconfliction line between Russia and the United States is back in operation.",
            expect("RU-US", Kind.OPERATIONAL_HOTLINE, REST),
        ),
        (
            "Athens said confidence-building talks with Turkey were no longer suspended.",
            expect("GR-TR", Kind.DEFENSE_POLICY_TALKS, REST),
        ),
        (
            "The United States and Russia revived strategic stability talks.",
            expect("RU-US", Kind.ARMS_CONTROL, REST),
        ),
    ],
)
def test_restored(text: str, fact: tuple[str, str, str, str]) -> None:
    assert fact in facts(text)


# --------------------------------------------------------------------------- open


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Blinken met Wang Yi in Beijing.", expect("CN-US", Kind.DIPLOMATIC_CHANNEL, OPEN)),
        (
            "Milley spoke with Gerasimov by phone, the Joint Staff said.",
            expect("RU-US", Kind.MILITARY_CHIEFS, OPEN),
        ),
        (
            "Erdogan and Putin held a phone call to discuss Syria.",
            expect("RU-TR", Kind.LEADERS, OPEN),
        ),
        (
            "The DGMOs of India and Pakistan spoke over the hotline.",
            expect("IN-PK", Kind.OPERATIONAL_HOTLINE, OPEN),
        ),
        (
            "Indian and Chinese commanders held the 16th round of corps commander-level talks.",
            expect("CN-IN", Kind.THEATER_COMMANDERS, OPEN),
        ),
        (
            "Japan and China launched a defense hotline.",
            expect("CN-JP", Kind.OPERATIONAL_HOTLINE, OPEN),
        ),
        (
            "A Pentagon spokesman said the deconfliction line with Russia remains open.",
            expect("RU-US", Kind.OPERATIONAL_HOTLINE, OPEN),
        ),
        (
            "The Turkish defense minister met his Greek counterpart in Brussels.",
            expect("GR-TR", Kind.DEFENSE_MINISTERS, OPEN),
        ),
        (
            "Pompeo told Lavrov that the two countries could cooperate on counter-terrorism.",
            expect("RU-US", Kind.DIPLOMATIC_CHANNEL, OPEN),
        ),
        (
            "Xi Jinping and Joe Biden held a video call.",
            expect("CN-US", Kind.LEADERS, OPEN),
        ),
        (
            "The US and Chinese militaries held their first talks in a year.",
            expect("CN-US", Kind.MILITARY_RELATIONS, OPEN),
        ),
        (
            "US and Chinese officials held the military maritime consultative meetings in Hawaii.",
            expect("CN-US", Kind.MARITIME_SAFETY_TALKS, OPEN),
        ),
        (
            "Russian and American generals have kept lines of communication open.",
            expect("RU-US", Kind.MILITARY_RELATIONS, OPEN),
        ),
    ],
)
def test_open(text: str, fact: tuple[str, str, str, str]) -> None:
    assert fact in facts(text)


def test_a_meeting_with_a_past_time_is_a_contact() -> None:
    text = (
        "US and Chinese officials met often; the defense consultative talks in Washington "
        "last month went well."
    )
    claims = [c for c in extract(text, PUBLISHED) if c.kind == Kind.DEFENSE_POLICY_TALKS]
    assert [(c.pair, c.state, c.modality) for c in claims] == [("CN-US", OPEN, A)]
    assert (claims[0].effective_start, claims[0].effective_end) == (
        date(2022, 7, 1),
        date(2022, 7, 31),
    )


def test_a_meeting_with_a_future_time_is_planned() -> None:
    text = "The United States and China will hold defense consultative talks next week."
    assert expect("CN-US", Kind.DEFENSE_POLICY_TALKS, OPEN, P) in facts(text)


# --------------------------------------------------------------------------- modality


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Biden and Xi are scheduled to meet in Bali.", expect("CN-US", Kind.LEADERS, OPEN, P)),
        (
            "Lloyd Austin will meet Chinese President Xi Jinping.",
            expect("CN-US", Kind.MILITARY_RELATIONS, OPEN, P),
        ),
        (
            "Greece and Turkey agreed to resume exploratory talks.",
            expect("GR-TR", Kind.DIPLOMATIC_CHANNEL, REST, P),
        ),
        (
            "Washington hopes to restore military communication with Beijing.",
            expect("CN-US", Kind.MILITARY_RELATIONS, REST, INT),
        ),
        (
            "Russia and the United States agreed on the importance of restoring communication "
            "channels.",
            expect("RU-US", Kind.DIPLOMATIC_CHANNEL, REST, INT),
        ),
        (
            "Seoul called for North Korea to restore the military hotline.",
            expect("KP-KR", Kind.OPERATIONAL_HOTLINE, REST, INT),
        ),
        (
            "It is in everyone's interest to resume dialogue between the intelligence services "
            "of Russia and the United States.",
            expect("RU-US", Kind.INTELLIGENCE_DIALOGUE, REST, INT),
        ),
        (
            "If China resumes military talks with the US, tensions would ease.",
            expect("CN-US", Kind.MILITARY_RELATIONS, REST, H),
        ),
        (
            "Pyongyang threatened to cut the inter-Korean hotline.",
            expect("KP-KR", Kind.DIPLOMATIC_CHANNEL, SUSP, H),
        ),
        (
            "Officials would not say whether Trump and Putin plan to meet.",
            expect("RU-US", Kind.LEADERS, OPEN, H),
        ),
    ],
)
def test_modality(text: str, fact: tuple[str, str, str, str]) -> None:
    assert fact in facts(text)
    assert not asserted(text)


# ------------------------------------------------------------------------- negation, false friends


@pytest.mark.parametrize(
    "text",
    [
        "China did not suspend the hotline with India.",
        "The United States has not restored military contacts with Russia.",
        "Putin and Trump have never met in Moscow.",
        "Seoul denied that the inter-Korean hotline had been cut.",
        "He rejected the claim that military talks with China had been suspended.",
        "Whelan was charged with espionage, a charge he rejects, and Russia kept him in custody.",
        "China strongly rejects the US version of events.",
        "Pompeo cancelled the Moscow leg of his trip to Russia.",
        "Pompeo canceled a visit to Moscow and stopped in Brussels instead.",
        "China refused to provide critical access to US scientists.",
        "Russia's foreign ministry declined to comment on the US report.",
        "A phone call to the Chinese defense ministry seeking comment was not answered.",
        "China suspended imports of soybeans from the United States.",
        "Russia froze the assets of American companies.",
        "China cut the number of flights to the United States.",
        "The court suspended the sentence of the Russian citizen in the United States.",
        "Trump and Putin will attend the G20 summit in Osaka.",
        "Pompeo held urgent talks with his European counterparts in Brussels.",
        "The EU envoy will meet the foreign ministers of Germany, France and Britain.",
        "Mattis told reporters that Russia must prove itself.",
        "NATO allies will have to meet their quota, Mattis told Russia and Turkey.",
        "China and the United States resumed trade talks in Geneva.",
        "Russian forces resumed shelling near Kharkiv as Ukraine restored power.",
        "India and Pakistan opened fire across the Line of Control.",
        "The United States requires Chinese diplomats to give notice in advance of holding "
        "meetings with local officials.",
        "Prior to the meeting, Russian Defense Minister Sergei Shoigu expressed hope for "
        "cooperation with the Pentagon.",
        "The meeting will mark the highest-level military contact between Washington and Moscow "
        "since 2014.",
        "Keep a close eye on the diplomatic exchanges between Washington and Moscow.",
        "The US military declined to release the video of the Russian intercept.",
    ],
)
def test_no_asserted_claim(text: str) -> None:
    assert not asserted(text)


def test_a_cancelled_stop_of_a_trip_is_not_a_suspended_channel() -> None:
    text = (
        "While Pompeo cancelled the Moscow leg of his trip, he will meet Russian Foreign Minister "
        "Sergei Lavrov in Sochi on Tuesday."
    )
    assert facts(text) == {expect("RU-US", Kind.DIPLOMATIC_CHANNEL, OPEN, P)}


def test_a_change_of_state_outranks_the_contact_it_mentions() -> None:
    text = (
        "Beijing said there is little chance of Defense Minister Li Shangfu meeting "
        "with the Americans."
    )
    assert facts(text, date(2023, 5, 1)) == {expect("CN-US", Kind.DEFENSE_MINISTERS, REJ)}


# --------------------------------------------------------------------------- parties


def test_parties_from_the_paragraph_before() -> None:
    text = (
        "Russia and the United States have clashed over Syria for years.\n"
        "Currently, the two militaries communicate by phone at the colonels' level."
    )
    assert facts(text) == {expect("RU-US", Kind.OPERATIONAL_HOTLINE, OPEN)}


def test_we_is_the_speaker() -> None:
    text = (
        "The United States rebuked Russia on Thursday.\n"
        '"We are not in a position right now to collaborate on a military level," Mattis said.'
    )
    claim = one(text, date(2017, 2, 16))
    assert (claim.pair, claim.kind, claim.state, claim.modality) == (
        "RU-US",
        Kind.MILITARY_RELATIONS,
        REJ,
        A,
    )


def test_states_named_as_causes_are_not_parties() -> None:
    text = (
        "Last year, in response to the United States selling arms to Taiwan, China suspended "
        "its military-to-military contacts with the United States."
    )
    assert facts(text) == {expect("CN-US", Kind.MILITARY_RELATIONS, SUSP)}


def test_states_named_as_places_are_not_parties() -> None:
    text = "Dunford held talks with his Russian counterpart Valery Gerasimov in Azerbaijan."
    assert facts(text, date(2017, 2, 16)) == {expect("RU-US", Kind.MILITARY_CHIEFS, OPEN)}


def test_a_us_led_coalition_stands_for_the_us() -> None:
    text = (
        "The US-led coalition and the Russian military, which supports President Bashar al-Assad, "
        "do not cooperate but hold regular phone calls to avoid mid-air mishaps."
    )
    assert facts(text, date(2017, 2, 16)) == {expect("RU-US", Kind.OPERATIONAL_HOTLINE, OPEN)}


def test_two_claims_in_two_clauses() -> None:
    text = (
        "His comments come as Dunford held talks with his Russian counterpart Valery Gerasimov "
        "and as Secretary of State Rex Tillerson met with his opposite number, Sergei Lavrov."
    )
    claims = extract(text, date(2017, 2, 16))
    assert {(c.pair, c.kind, c.state) for c in claims} == {
        ("RU-US", Kind.MILITARY_CHIEFS, OPEN),
        ("RU-US", Kind.DIPLOMATIC_CHANNEL, OPEN),
    }
    tillerson = next(c for c in claims if c.kind == Kind.DIPLOMATIC_CHANNEL)
    assert (
        tillerson.quote
        == "Secretary of State Rex Tillerson met with his opposite number, Sergei Lavrov."
    )


def test_the_kind_follows_the_offices_of_the_people() -> None:
    assert facts("Li Shangfu met with Russian President Vladimir Putin.", date(2023, 4, 20)) == {
        expect("CN-RU", Kind.MILITARY_RELATIONS, OPEN)
    }
    assert facts("Lavrov met Blinken in Geneva.", date(2022, 1, 21)) == {
        expect("RU-US", Kind.DIPLOMATIC_CHANNEL, OPEN)
    }


def test_one_state_alone_is_not_a_pair() -> None:
    assert facts("China suspended military talks.") == set()
    assert facts("Talks were suspended.") == set()


# --------------------------------------------------------------------------- time


def test_relative_time_of_the_clause() -> None:
    claim = one(
        "Li Shangfu met with Russian President Vladimir Putin at the Kremlin last month.",
        date(2023, 4, 30),
    )
    assert (claim.effective_start, claim.effective_end) == (date(2023, 3, 1), date(2023, 3, 31))
    assert claim.precision == Precision.MONTH
    assert claim.date_how == DateHow.RELATIVE


def test_explicit_time() -> None:
    claim = one("Pyongyang cut off all communication lines with Seoul in June 2020.")
    assert (claim.effective_start, claim.effective_end) == (date(2020, 6, 1), date(2020, 6, 30))
    assert claim.date_how == DateHow.EXPLICIT


def test_publication_date_when_no_time_is_named() -> None:
    claim = one("Beijing has frozen all military exchanges with Washington.")
    assert (claim.effective_start, claim.effective_end) == (PUBLISHED, PUBLISHED)
    assert (claim.precision, claim.date_how) == (Precision.DAY, DateHow.PUBLICATION)


def test_no_date_at_all() -> None:
    claim = one("Beijing has frozen all military exchanges with Washington.", None)
    assert (claim.effective_start, claim.effective_end) == (None, None)
    assert claim.precision == Precision.UNKNOWN


def test_the_day_it_was_said_does_not_date_the_state() -> None:
    claim = one(
        "A US official said on Monday that China's attempts at contact had been rejected in "
        "recent months "
        "by North Korea."
    )
    assert claim.precision == Precision.RANGE


def test_a_time_after_since_does_not_date_the_claim() -> None:
    claim = one("The two Koreas restored the military hotline, silent since 2020.")
    assert claim.date_how == DateHow.PUBLICATION


# --------------------------------------------------------------------------- quotes and output


def test_quotes_are_verbatim_and_trimmed() -> None:
    text = (
        "  Filler line.\n\nWASHINGTON, Jan. 7, 2011 — China suspended military talks "
        "with the United States.  \n"
    )
    claim = one(text, date(2011, 1, 7))
    assert text[claim.char_start : claim.char_end] == claim.quote
    assert claim.quote == "China suspended military talks with the United States."


def test_nothing_to_find() -> None:
    assert extract("", PUBLISHED) == []
    assert extract("The weather in Paris was pleasant all week.", PUBLISHED) == []


def test_hard_wrapped_lines_are_one_paragraph() -> None:
    text = "China suspended its military\ncontacts with the United States\nlast year."
    claim = one(text, date(2011, 1, 7))
    assert claim.quote == text
    assert claim.effective_start == date(2010, 1, 1)


WRAPPED_AT_A_CAPITAL = (
    "The defence ministers of the two neighbouring states met\n"
    "Monday in the capital and agreed that China would restore\n"
    "the military hotline with Japan that had been cut in the\n"
    "spring, officials of both ministries said after the talks.\n"
)


def test_a_hard_wrapped_line_that_begins_with_a_capital_goes_on_with_the_sentence() -> None:
    claims = [c for c in extract(WRAPPED_AT_A_CAPITAL, PUBLISHED) if c.state == REST]
    assert len(claims) == 1
    assert claims[0].quote == WRAPPED_AT_A_CAPITAL.strip()
    assert claims[0].effective_start == date(2022, 8, 8)


def test_a_capital_line_of_text_that_is_not_hard_wrapped_begins_a_paragraph() -> None:
    text = (
        "The defence ministers of the two neighbouring states met in the capital\n"
        "Monday to agree that China would restore the military hotline with Japan.\n"
    )
    claim = one(text)
    assert claim.quote == text.split("\n")[1]


def test_a_full_stop_glued_to_the_next_sentence_ends_the_quote() -> None:
    text = (
        "Officials said the line was part of the Treaty.China suspended military talks "
        "with the United States on Monday."
    )
    claim = one(text)
    assert claim.quote == "China suspended military talks with the United States on Monday."
    assert text[claim.char_start : claim.char_end] == claim.quote


def test_a_day_counted_from_the_day_an_earlier_paragraph_named() -> None:
    later = "Two days later, China suspended military talks with Japan."
    text = f"Japan's foreign minister landed in Beijing on Monday, August 1.\n\n{later}"
    assert one(text).effective_start == one(text).effective_end == date(2022, 8, 3)
    # Without a time told before it, the count has nothing to start from: a past event
    # is not dated after publication, and the publication date stands.
    assert one(later).effective_start == one(later).effective_end == date(2022, 8, 10)


def test_an_event_told_after_after_runs_from_the_day_named_before() -> None:
    claim_text = "China suspended military talks with Japan after Tokyo detained the captain."
    text = f"Japan's coast guard detained a trawler captain on Monday, August 1.\n\n{claim_text}"
    claim = one(text)
    assert (claim.effective_start, claim.effective_end) == (date(2022, 8, 1), PUBLISHED)
    assert one(claim_text).date_how == DateHow.PUBLICATION


def test_a_photo_caption_names_no_day_to_count_from() -> None:
    text = (
        "Photo: Japan's foreign minister landed in Beijing on Monday, August 1. (Reuters)\n\n"
        "Two days later, China suspended military talks with Japan."
    )
    assert one(text).effective_start == one(text).effective_end == date(2022, 8, 10)


def test_confidence_and_version() -> None:
    assert EXTRACTOR_VERSION
    for claim in extract("China suspended military talks with the United States.", PUBLISHED):
        assert 0.0 < claim.confidence <= 1.0


# --------------------------------------------------------------------------- later refinements


def test_a_passive_contact_with_a_date() -> None:
    text = "The summit between Kim Jong Un and Moon Jae-in was held in Panmunjom in April 2018."
    claim = one(text)
    assert (claim.pair, claim.kind, claim.state, claim.modality) == ("KP-KR", Kind.LEADERS, OPEN, A)
    assert claim.effective_start == date(2018, 4, 1)


def test_a_channel_that_was_set_up() -> None:
    text = "The hotline between Washington and Moscow was set up in 1963."
    assert facts(text) == {expect("RU-US", Kind.OPERATIONAL_HOTLINE, OPEN)}


def test_an_expectation_is_a_plan() -> None:
    assert facts("Biden said he expects to speak with Xi soon.") == {
        expect("CN-US", Kind.LEADERS, OPEN, P)
    }


def test_a_step_toward_restoring_is_not_a_restoration() -> None:
    text = (
        "The call marks a step toward restoring military communications between China and the US."
    )
    assert not asserted(text)


def test_a_gap_measured_in_months_is_not_the_date() -> None:
    text = (
        "On Monday, for the first time in 21 months, North Korea did not answer the morning "
        "call from South Korea on the liaison line."
    )
    claim = one(text, date(2020, 6, 9))
    assert (claim.pair, claim.state) == ("KP-KR", SUSP)
    assert claim.effective_start == date(2020, 6, 8)


def test_a_time_in_a_relative_clause_dates_something_else() -> None:
    text = (
        "Lloyd Austin spoke with Dong Jun, who was appointed China's defense minister in December."
    )
    claim = one(text, date(2024, 4, 16))
    assert (claim.pair, claim.kind, claim.state) == ("CN-US", Kind.DEFENSE_MINISTERS, OPEN)
    assert claim.date_how == DateHow.PUBLICATION


def test_a_state_in_a_when_clause_is_context() -> None:
    text = (
        "The United States and China have tried to repair ties.\n"
        "Direct military-to-military communication with China was broken off in December 2022 "
        "when House Speaker Nancy Pelosi visited Taiwan."
    )
    claim = one(text, date(2024, 4, 16))
    assert (claim.pair, claim.kind, claim.state) == ("CN-US", Kind.MILITARY_RELATIONS, SUSP)
    assert claim.effective_start == date(2022, 12, 1)


def test_a_subject_listed_before_the_verb_outranks_a_topic_after_it() -> None:
    assert facts("Erdogan and Putin held a phone call to discuss the situation in Syria.") == {
        expect("RU-TR", Kind.LEADERS, OPEN)
    }


# --------------------------------------------------------------------------- verb forms


@pytest.mark.parametrize(
    ("verb", "double", "forms"),
    [
        ("suspend", False, {"suspend", "suspends", "suspended", "suspending"}),
        ("cancel", False, {"cancels", "canceled", "cancelled", "canceling", "cancelling"}),
        ("scrap", False, {"scraps", "scrapped", "scrapping"}),
        ("nix", False, {"nixes", "nixed", "nixing"}),
        ("postpone", False, {"postpones", "postponed", "postponing"}),
        ("defer", True, {"defers", "deferred", "deferring"}),
        ("break", False, {"breaks", "broke", "broken", "breaking"}),
        ("rely", False, {"relies", "relied", "relying"}),
        ("tie", False, {"ties", "tied", "tying"}),
    ],
)
def test_every_form_of_a_cue_verb(verb: str, double: bool, forms: set[str]) -> None:
    irregular = {"break": ["broke", "broken"]}
    found = verb_forms(verb, irregular, double)
    assert forms <= found["base"] | found["past"] | found["ing"]


# --------------------------------------------------------------------------- more ways to say it


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "Washington nixed the planned call between Chinese and American military leaders.",
            expect("CN-US", Kind.MILITARY_CHIEFS, SUSP),
        ),
        (
            "Moscow scrapped plans for talks with Tokyo on the fisheries dispute.",
            expect("JP-RU", Kind.DIPLOMATIC_CHANNEL, SUSP),
        ),
        (
            "Ankara interrupted the hot line with the Russian military.",
            expect("RU-TR", Kind.OPERATIONAL_HOTLINE, SUSP),
        ),
        (
            "Russia aborted all channels of interaction with the Turkish armed forces.",
            expect("RU-TR", Kind.MILITARY_RELATIONS, SUSP),
        ),
        (
            "India has postponed the foreign secretary talks with Pakistan.",
            expect("IN-PK", Kind.DIPLOMATIC_CHANNEL, SUSP),
        ),
        (
            "Athens put off the next round of exploratory talks with Ankara.",
            expect("GR-TR", Kind.DIPLOMATIC_CHANNEL, SUSP),
        ),
        (
            "Seoul and Pyongyang agreed to postpone the general-level talks.",
            expect("KP-KR", Kind.DEFENSE_POLICY_TALKS, SUSP),
        ),
        (
            "The planned summit between Tokyo and Beijing failed to take place.",
            expect("CN-JP", Kind.LEADERS, SUSP),
        ),
        (
            "The meeting of the Indian and Pakistani foreign ministers fell through.",
            expect("IN-PK", Kind.DIPLOMATIC_CHANNEL, SUSP),
        ),
        (
            "The hotline between the two Koreas was cut off in 2016.",
            expect("KP-KR", Kind.DIPLOMATIC_CHANNEL, SUSP),
        ),
        (
            "Seoul reopened the hotlines in May, months after Pyongyang had shut them down.",
            expect("KP-KR", Kind.DIPLOMATIC_CHANNEL, SUSP),
        ),
        (
            "Washington responded by breaking off military contacts with Beijing.",
            expect("CN-US", Kind.MILITARY_RELATIONS, SUSP),
        ),
        (
            "Beijing will suspend its defense policy talks with Washington, the ministry said.",
            expect("CN-US", Kind.DEFENSE_POLICY_TALKS, SUSP),
        ),
        (
            "Pyongyang never picked up the regular check-in call on the inter-Korean liaison line.",
            expect("KP-KR", Kind.DIPLOMATIC_CHANNEL, SUSP),
        ),
        (
            "Pyongyang failed to respond to routine calls from Seoul on the military hotline.",
            expect("KP-KR", Kind.OPERATIONAL_HOTLINE, SUSP),
        ),
        (
            "Seoul's calls on the military hotline went unanswered, North Korea having ignored "
            "them.",
            expect("KP-KR", Kind.OPERATIONAL_HOTLINE, SUSP),
        ),
    ],
)
def test_suspended_more_ways(text: str, fact: tuple[str, str, str, str]) -> None:
    assert fact in facts(text)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "It was the first meeting between the Chinese and Japanese leaders in three years.",
            expect("CN-JP", Kind.LEADERS, REST),
        ),
        (
            "Greek and Turkish diplomats held their first talks since 2016 in Istanbul.",
            expect("GR-TR", Kind.DIPLOMATIC_CHANNEL, REST),
        ),
        (
            "The meeting of Indian and Pakistani envoys in Doha was the first in twelve years.",
            expect("IN-PK", Kind.DIPLOMATIC_CHANNEL, REST),
        ),
        (
            "Athens and Ankara sat down for exploratory talks after a three-year hiatus.",
            expect("GR-TR", Kind.DIPLOMATIC_CHANNEL, REST),
        ),
        (
            "Russia and Japan resumed consultations after a two-year suspension.",
            expect("JP-RU", Kind.DIPLOMATIC_CHANNEL, REST),
        ),
    ],
)
def test_restored_after_a_gap(text: str, fact: tuple[str, str, str, str]) -> None:
    assert fact in facts(text)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "Lloyd Austin held a long engagement with Chinese Defense Minister Dong Jun by video.",
            expect("CN-US", Kind.DEFENSE_MINISTERS, OPEN),
        ),
        (
            "Mid-level American and Chinese defense officials convened in Hawaii to review the "
            "relationship.",
            expect("CN-US", Kind.DEFENSE_POLICY_TALKS, OPEN),
        ),
        (
            "The Moscow-Washington deconfliction channel over Syria is working smoothly.",
            expect("RU-US", Kind.OPERATIONAL_HOTLINE, OPEN),
        ),
        (
            "The hotline between India and Pakistan has proven effective in a crisis.",
            expect("IN-PK", Kind.OPERATIONAL_HOTLINE, OPEN),
        ),
        (
            "Negotiations between Armenia and Azerbaijan concluded in Washington late on Monday.",
            expect("AM-AZ", Kind.DIPLOMATIC_CHANNEL, OPEN),
        ),
        (
            "Qatar hosted the Iranian and American envoys in Doha.",
            expect("IR-US", Kind.DIPLOMATIC_CHANNEL, OPEN),
        ),
        (
            "Beijing and New Delhi opened a new round of corps commander-level talks.",
            expect("CN-IN", Kind.THEATER_COMMANDERS, OPEN),
        ),
        (
            "A statement was issued at the end of three rounds of talks between Sudan and "
            "South Sudan.",
            expect("SD-SS", Kind.DIPLOMATIC_CHANNEL, OPEN),
        ),
        (
            "Blinken met the foreign ministers of France, Germany and the UK in London.",
            expect("GB-US", Kind.DIPLOMATIC_CHANNEL, OPEN),
        ),
    ],
)
def test_open_more_ways(text: str, fact: tuple[str, str, str, str]) -> None:
    assert fact in facts(text)


def test_a_pronoun_stands_for_the_channel_named_before() -> None:
    text = (
        "Israel and Russia set up a hotline over Syria years ago.\n"
        "Israel used it to alert Moscow ahead of the raid."
    )
    assert expect("IL-RU", Kind.OPERATIONAL_HOTLINE, OPEN) in facts(text)
    text = "A hotline between the two Koreas went dead in 2016, but it was reconnected in January."
    claims = [c for c in extract(text, PUBLISHED) if c.state == REST]
    assert [(c.pair, c.kind) for c in claims] == [("KP-KR", Kind.OPERATIONAL_HOTLINE)]
    assert claims[0].effective_start == date(2022, 1, 1)


def test_a_speaker_is_not_a_channel_pronoun() -> None:
    text = "Ankara says it has halted the airspace accord with Moscow over Libya."
    assert not [c for c in extract(text, PUBLISHED) if c.kind == Kind.OPERATIONAL_HOTLINE]


def test_several_channels_in_one_object() -> None:
    text = (
        "Pyongyang ignored the morning calls on the liaison channel and on the army "
        "communication lines, Seoul said."
    )
    assert asserted(text) == {
        ("KP-KR", Kind.DIPLOMATIC_CHANNEL.value, SUSP.value),
        ("KP-KR", Kind.OPERATIONAL_HOTLINE.value, SUSP.value),
    }
    text = "By noon both Koreas had exchanged calls over liaison and military hotlines."
    assert asserted(text) == {
        ("KP-KR", Kind.DIPLOMATIC_CHANNEL.value, OPEN.value),
        ("KP-KR", Kind.OPERATIONAL_HOTLINE.value, OPEN.value),
    }
    text = "Ankara severed its defense contacts with Moscow, including the air-safety hotline."
    assert asserted(text) == {
        ("RU-TR", Kind.MILITARY_RELATIONS.value, SUSP.value),
        ("RU-TR", Kind.OPERATIONAL_HOTLINE.value, SUSP.value),
    }


def test_a_second_noun_that_starts_its_own_clause_is_not_coordinated() -> None:
    text = "China suspended military talks with the US and the hotline remained open."
    assert ("CN-US", Kind.OPERATIONAL_HOTLINE.value, SUSP.value) not in asserted(text)


# --------------------------------------------------------------------------- kinds


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Seoul disconnected the Red Cross line to Pyongyang.", Kind.DIPLOMATIC_CHANNEL),
        ("Pyongyang cut the liaison line with Seoul.", Kind.DIPLOMATIC_CHANNEL),
        ("Pyongyang cut the military line with Seoul.", Kind.OPERATIONAL_HOTLINE),
        (
            "Seoul said inter-Korean military talks stayed on hold through 2009.",
            Kind.DEFENSE_POLICY_TALKS,
        ),
        (
            "North and South Korea resumed general-level talks at Panmunjom.",
            Kind.DEFENSE_POLICY_TALKS,
        ),
        (
            "China halted dialogue between senior military commanders with the United States.",
            Kind.THEATER_COMMANDERS,
        ),
        ("Russia suspended bilateral inspections under the treaty with the US.", Kind.ARMS_CONTROL),
        ("India and Pakistan held nuclear talks in New Delhi.", Kind.ARMS_CONTROL),
        (
            "Beijing suspended the contact and communication mechanism with Taipei.",
            Kind.DIPLOMATIC_CHANNEL,
        ),
        (
            "Contacts between the Israeli and Russian armed forces to avoid clashes in Syrian "
            "skies remain effective.",
            Kind.OPERATIONAL_HOTLINE,
        ),
        (
            "Venezuela's president spurned an offer of direct negotiations with Washington.",
            Kind.DIPLOMATIC_CHANNEL,
        ),
        (
            "Chinese and American military officials held talks in Beijing.",
            Kind.MILITARY_RELATIONS,
        ),
    ],
)
def test_kinds_of_more_channels(text: str, kind: Kind) -> None:
    assert {c.kind for c in extract(text, PUBLISHED)} == {kind}


def test_a_president_rejecting_a_summit_still_names_a_summit() -> None:
    text = "Putin rejected a summit with Biden."
    assert {c.kind for c in extract(text, date(2022, 3, 1))} == {Kind.LEADERS}


# --------------------------------------------------------------------------- parties


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "The North called off the meeting in protest of joint drills between South Korea "
            "and the United States.",
            "KP-KR",
        ),
        ("North and South Korea had their usual phone call at noon.", "KP-KR"),
        (
            "Russia suspended the deconfliction line after US strikes on the Syrian government.",
            "RU-US",
        ),
        ("Moscow announced it would no longer take part in New START.", "RU-US"),
        (
            "Taipei said the mainland had suspended the communication mechanism with the island.",
            "CN-TW",
        ),
    ],
)
def test_the_pair_of_the_channel(text: str, pair: str) -> None:
    assert {c.pair for c in extract(text, PUBLISHED)} == {pair}


def test_a_sentence_that_names_no_state_is_about_the_main_pair() -> None:
    text = (
        "A hotline between Pakistan and India was set up in 1971.\n"
        "Indian and Pakistani officers spoke on the hotline between India and Pakistan.\n"
        "Shelling hit villages in Kashmir and Punjab.\n"
        '"The hotline is working," an army officer told journalists.'
    )
    assert {c.pair for c in extract(text, PUBLISHED)} == {"IN-PK"}


def test_organisations_in_a_list_are_not_parties() -> None:
    text = "Blinken met the foreign ministers of France, the EU and Germany."
    assert {c.pair for c in extract(text, date(2022, 3, 1))} == {"FR-US", "DE-US"}


def test_legislators_meeting_legislators_is_not_a_channel() -> None:
    assert facts("The Speaker of the House met with Filipino lawmakers in Manila.") == set()
    assert facts("Japanese lawmakers met their Chinese counterparts in Beijing.") == set()
    assert facts("US senators held talks with Chinese lawmakers.") == set()


# --------------------------------------------------------------------------- not evidence


@pytest.mark.parametrize(
    "text",
    [
        # photo captions describe a picture
        "Japan's prime minister (L) shakes hands with his Indian counterpart before their "
        "talks in Tokyo.",
        "This picture, released by the army, shows an Indian officer speaking with a "
        "Pakistani officer over the hotline on Friday.",
        "A handout picture released by the ministry shows the Turkish, Russian and Ukrainian "
        "foreign ministers (2R) before their talks in Antalya.",
        "The US defense secretary arrives for a meeting with the Chinese defense minister in "
        "Beijing, Oct. 18, 2005.",
        # a welcome is not a contact; a multilateral summit attended by both is not one
        "A Cuban offer of dialogue with the United States drew praise on Monday from the "
        "US secretary of state.",
        "A proposal for a summit on Cyprus was aired on Friday at a forum in Davos attended "
        "by the Greek and Turkish premiers.",
        "Brazil and Argentina signed a forestry accord at the COP28 summit in December.",
        # planned or hypothetical
        "The dialogue between Serbia and Kosovo was set for May 3.",
        "The coming round of Sudan-Egypt talks is to run for three days.",
        "Scrapping the hotline with Beijing could deepen the rift between Tokyo and China.",
        "Greece told Turkey an hour before the defense ministers' meeting was meant to take place.",
        "India and Pakistan agreed on Tuesday to reopen the border talks.",
        # a participle that qualifies a channel presupposes its state
        "Egyptian papers said little about the reopened hotline with Ethiopia.",
        "Analysts in Seoul discussed the suspended talks with North Korea.",
        # a denial covers the clause it introduces
        "Ankara dismissed claims that its hotline with Athens had been severed.",
        # other idioms
        "The ministry said US demands do not take into account New START limits.",
        "His first comment since the offer of talks with Cuba came in an interview with "
        "American television.",
    ],
)
def test_no_asserted_claim_either(text: str) -> None:
    assert not asserted(text)


def test_a_relative_clause_keeps_its_own_time_and_state() -> None:
    text = "Ankara said the talks with Athens, which were frozen in 2019, would be held soon."
    claims = extract(text, date(2020, 9, 22))
    assert [(c.state, c.modality, c.effective_start) for c in claims if c.modality == A] == [
        (SUSP, A, date(2019, 1, 1))
    ]


# --------------------------------------------------------------------------- time


def test_a_state_that_has_held_since_a_time_began_then() -> None:
    claim = one("Defense talks between Tokyo and Seoul have been frozen since March 2019.")
    assert (claim.state, claim.effective_start, claim.effective_end) == (
        SUSP,
        date(2019, 3, 1),
        PUBLISHED,
    )
    claim = one("Ethiopian and Egyptian delegations have met twice for talks since last week.")
    assert (claim.state, claim.effective_start) == (OPEN, date(2022, 8, 1))


def test_the_gap_after_since_does_not_date_a_restoration() -> None:
    text = (
        "It was the first meeting between the Armenian and Azerbaijani ministers since the "
        "fighting erupted on March 2."
    )
    claim = next(c for c in extract(text, PUBLISHED) if c.state == REST)
    assert claim.date_how == DateHow.PUBLICATION


def test_a_duration_is_not_a_date() -> None:
    text = "In January, US and Chinese defense officials met for two days to discuss defense ties."
    claim = one(text, date(2024, 4, 17))
    assert (claim.effective_start, claim.effective_end) == (date(2024, 1, 1), date(2024, 1, 31))


def test_a_duration_in_a_present_perfect_runs_to_publication() -> None:
    text = "Military talks between China and the United States have been suspended for two years."
    claim = one(text)
    assert (claim.state, claim.effective_start, claim.effective_end) == (
        SUSP,
        date(2020, 8, 10),
        PUBLISHED,
    )
    past = "Military talks between China and the United States were suspended for two years."
    assert one(past).date_how == DateHow.PUBLICATION


def test_a_month_of_last_year_dates_the_claim() -> None:
    text = "North Korea cut off the military hotline with South Korea in June last year."
    claim = one(text)
    assert (claim.effective_start, claim.effective_end) == (date(2021, 6, 1), date(2021, 6, 30))


def test_a_sentence_that_points_back_shares_the_time_before() -> None:
    text = (
        "Ties hit bottom with the May 1999 bombing of an embassy in Belgrade.\n"
        "That attack led Beijing to break off military contacts with Washington."
    )
    claim = one(text, date(2005, 10, 16))
    assert (claim.state, claim.effective_start) == (SUSP, date(1999, 5, 1))


def test_a_sentence_that_does_not_point_back_keeps_the_publication_date() -> None:
    text = (
        "Ties hit bottom with the May 1999 bombing of an embassy in Belgrade.\n"
        "Beijing broke off military contacts with Washington."
    )
    assert one(text, date(2005, 10, 16)).date_how == DateHow.PUBLICATION


def test_a_headline_takes_the_date_the_body_gives_the_same_event() -> None:
    text = (
        "Austin Meets Chinese Defense Minister\n\n"
        "Lloyd Austin met Chinese Defense Minister Dong Jun yesterday by video."
    )
    claims = extract(text, date(2024, 4, 17))
    assert {(c.effective_start, c.effective_end) for c in claims} == {
        (date(2024, 4, 16), date(2024, 4, 16))
    }


def test_a_headline_keeps_its_date_when_the_body_tells_an_older_event() -> None:
    text = (
        "Austin Meets Chinese Defense Minister\n\n"
        "Lloyd Austin first met Chinese Defense Minister Li Shangfu in June 2023."
    )
    claims = extract(text, date(2024, 4, 17))
    assert date(2024, 4, 17) in {c.effective_start for c in claims}


# --------------------------------------------------------------------------- reporting idioms


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "North Korea was unresponsive to the routine opening call on the liaison line with "
            "South Korea.",
            expect("KP-KR", Kind.DIPLOMATIC_CHANNEL, SUSP),
        ),
        (
            "North Korea stopped answering calls from South Korea on the military hotline.",
            expect("KP-KR", Kind.OPERATIONAL_HOTLINE, SUSP),
        ),
        (
            "The liaison line between the two Koreas was again cut off in October.",
            expect("KP-KR", Kind.DIPLOMATIC_CHANNEL, SUSP),
        ),
        (
            "China has dropped a security meeting with US Defense Secretary Jim Mattis.",
            expect("CN-US", Kind.DEFENSE_MINISTERS, SUSP),
        ),
        (
            "The military hotline between India and Pakistan was in normal operation.",
            expect("IN-PK", Kind.OPERATIONAL_HOTLINE, OPEN),
        ),
        (
            "India and China have been engaged in talks on the border since May.",
            expect("CN-IN", Kind.DIPLOMATIC_CHANNEL, OPEN),
        ),
        (
            "The meeting between the Indian and Chinese corps commanders lasted eleven hours.",
            expect("CN-IN", Kind.THEATER_COMMANDERS, OPEN),
        ),
        (
            "Modi and Xi met on the margins of the BRICS summit in Johannesburg.",
            expect("CN-IN", Kind.LEADERS, OPEN),
        ),
        (
            "The two leaders held a brief conversation on the sidelines of the G20 summit, "
            "India and China said.",
            expect("CN-IN", Kind.LEADERS, OPEN),
        ),
        (
            "Seoul and Beijing held defense talks for the first time in five years on Monday.",
            expect("CN-KR", Kind.MILITARY_RELATIONS, REST),
        ),
        (
            "Lloyd Austin spoke with Dong Jun, the first time Austin has spoken to his Chinese "
            "counterpart in more than a year.",
            expect("CN-US", Kind.DEFENSE_MINISTERS, REST),
        ),
    ],
)
def test_reporting_idioms(text: str, fact: tuple[str, str, str, str]) -> None:
    assert fact in facts(text, date(2024, 5, 31))


@pytest.mark.parametrize(
    "text",
    [
        # a purpose, a wish, a first meeting with someone new in office, a first failure
        "The Chinese admiral canceled a visit to the US to meet with his American counterpart.",
        '"The US side expressed its wishes to postpone the dialogue with China," she said.',
        "Biden praised Britain during his first meeting with Rishi Sunak since he became prime "
        "minister.",
        "Pyongyang ignored the liaison call, for the first time since 2019, Seoul's ministry "
        "reported.",
        # an organisation met at the occasion of a conference
        "Lavrov met the NATO secretary general at the OSCE conference.",
    ],
)
def test_idioms_that_are_not_a_contact_or_a_restoration(text: str) -> None:
    states = {state for _, _, state in asserted(text)}
    assert REST.value not in states
    if "Biden" not in text:
        assert OPEN.value not in states


def test_a_summit_as_the_occasion_does_not_name_the_kind() -> None:
    text = "The US Treasury Secretary met China's central bank governor at the G20 summit."
    assert {c.kind for c in extract(text, PUBLISHED)} <= {Kind.DIPLOMATIC_CHANNEL}


def test_a_cue_in_an_after_clause_takes_no_time_from_outside_it() -> None:
    text = (
        "In July 2021, the North restored the hotline with South Korea, about a year after it "
        "severed the line."
    )
    claims = extract(text, date(2023, 4, 10))
    restored = next(c for c in claims if c.state == REST)
    assert restored.effective_start == date(2021, 7, 1)
    assert all(c.effective_start != date(2021, 7, 1) for c in claims if c.state == SUSP)


def test_a_time_in_a_relative_clause_with_a_modal_dates_something_else() -> None:
    text = (
        "Beijing has canceled planned defense talks with Washington that would have seen the "
        "defense secretary visit China later this month."
    )
    claim = one(text, date(2018, 9, 30))
    assert (claim.state, claim.date_how) == (SUSP, DateHow.PUBLICATION)


def test_earlier_in_the_day_is_the_day_the_story_tells() -> None:
    text = (
        "The Chinese official spoke to reporters on Friday night.\n"
        "Earlier in the day, the Chinese foreign minister met his Japanese counterpart."
    )
    claim = one(text, date(2010, 10, 30))
    assert (claim.effective_start, claim.effective_end) == (date(2010, 10, 29), date(2010, 10, 29))


def test_earlier_in_the_day_without_a_day_named_before_is_the_publication_day() -> None:
    text = "Earlier in the day, the Chinese foreign minister met his Japanese counterpart."
    claim = one(text, date(2010, 10, 30))
    assert claim.effective_start == date(2010, 10, 30)


# --------------------------------------------------------------------------- speakers, scope


@pytest.mark.parametrize(
    "text",
    [
        "The deconfliction line with Moscow is still used, a Baghdad-based US spokesman said.",
        "Speaking in Baghdad, the American spokesman said the hotline with Russia was cut.",
        "The US envoy said in Seoul that the talks with Pyongyang were postponed.",
    ],
)
def test_where_a_speaker_sits_is_no_side_of_the_channel(text: str) -> None:
    assert extract(text, PUBLISHED)
    assert all("IQ" not in c.pair and "KR" not in c.pair for c in extract(text, PUBLISHED))


def test_a_state_named_as_a_side_is_still_a_side_next_to_a_speaker_seat() -> None:
    text = "Talks between Iraq and the United States were postponed, the spokesman said in Baghdad."
    assert asserted(text) == {("IQ-US", "diplomatic-channel", "suspended")}


def test_a_metadata_date_line_is_no_part_of_the_quote() -> None:
    text = "date 2022-08-09 China suspended military talks with the United States on Monday."
    claim = one(text)
    assert claim.quote.startswith("China suspended")
    assert claim.effective_start == date(2022, 8, 8)


@pytest.mark.parametrize(
    "text",
    [
        "Japan and South Korea held trade talks on export controls in Tokyo on Monday.",
        "Officials of Japan and South Korea met on Monday to prepare negotiations over trade"
        " restrictions.",
        "Seoul and Tokyo resumed export control talks after a three-year break.",
        "South Korea and Japan held working-level talks to settle their trade row.",
        "South Korea suspended the WTO proceedings against Japan for further talks.",
    ],
)
def test_trade_and_export_control_talks_are_not_a_channel(text: str) -> None:
    assert asserted(text) == set()


def test_a_defense_channel_beside_trade_words_is_still_a_channel() -> None:
    text = "China cancelled the defense ministers' meeting with Japan on Monday."
    assert asserted(text) == {("CN-JP", "defense-ministers", "suspended")}


def test_leaders_talks_that_touch_trade_among_other_topics_are_a_channel() -> None:
    text = "Xi and Biden held talks on Taiwan, tariffs and climate in Bali."
    assert asserted(text) == {("CN-US", "leaders", "open")}


@pytest.mark.parametrize(
    "text",
    [
        "China refuses to negotiate the issue of the islands with Japan.",
        "Azerbaijan declined to negotiate the status of the region with Armenia.",
    ],
)
def test_refusing_to_negotiate_a_territorial_issue_is_a_position(text: str) -> None:
    assert asserted(text) == set()


def test_refusing_to_negotiate_at_all_is_still_a_refusal() -> None:
    assert asserted("China refused to negotiate with Japan.") == {
        ("CN-JP", "diplomatic-channel", "rejected")
    }


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "The hotline between India and Pakistan is still being used, an officer said.",
            ("IN-PK", "operational-hotline", "open"),
        ),
        (
            "The military line between the two Koreas is still working.",
            ("KP-KR", "operational-hotline", "open"),
        ),
        (
            "The hotline between Russia and the United States remains open.",
            ("RU-US", "operational-hotline", "open"),
        ),
        (
            "Seoul suspended the expiry of its intelligence-sharing pact with Tokyo.",
            ("JP-KR", "intelligence-dialogue", "open"),
        ),
        (
            "South Korea terminated its intelligence-sharing pact with Japan.",
            ("JP-KR", "intelligence-dialogue", "suspended"),
        ),
        (
            "Turkey and Israel expelled their ambassadors.",
            ("IL-TR", "diplomatic-channel", "suspended"),
        ),
        (
            "The decision followed a phone conversation between the Turkish president and the"
            " Israeli prime minister.",
            ("IL-TR", "leaders", "open"),
        ),
    ],
)
def test_a_line_still_in_use_and_other_states(text: str, fact: tuple[str, str, str]) -> None:
    assert asserted(text) == {fact}


def test_talks_scheduled_for_a_day_and_postponed_are_suspended_now() -> None:
    claim = one("The talks between Greece and Turkey scheduled for Monday were postponed.")
    assert (claim.pair, claim.state, claim.modality) == ("GR-TR", SUSP, A)
    assert claim.effective_start == PUBLISHED


def test_a_decision_to_postpone_talks_stays_planned() -> None:
    claim = one("Greece and Turkey will postpone the talks scheduled for Monday.")
    assert claim.modality == P


def test_the_last_meeting_before_a_gap_is_open_at_its_date() -> None:
    claim = one("The last summit between India and Pakistan took place in 2015.")
    assert (claim.pair, claim.state, claim.modality) == ("IN-PK", OPEN, A)
    assert claim.effective_start == date(2015, 1, 1)
    assert claim.effective_end == date(2015, 12, 31)


def test_first_time_after_a_year_is_a_restoration_now() -> None:
    text = "The defense ministers of China and Japan met for the first time after 2012."
    found = extract(text, PUBLISHED)
    assert {(c.state, c.effective_start) for c in found} == {(OPEN, PUBLISHED), (REST, PUBLISHED)}


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Mirzoyan met Bayramov in Tbilisi.", ("AM-AZ", "diplomatic-channel", "open")),
        ("Pashinyan and Aliyev met in Brussels.", ("AM-AZ", "leaders", "open")),
        ("Phan Van Giang held talks with Dong Jun.", ("CN-VN", "defense-ministers", "open")),
    ],
)
def test_office_holders_of_more_states(text: str, fact: tuple[str, str, str]) -> None:
    assert asserted(text) == {fact}
