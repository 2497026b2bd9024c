"""Rules for unseen reporting: who the sides of a claim are (speakers, go-betweens,
onlookers and compounds are none; the article's pair fills a side the sentence leaves
out), idioms of state, modality and kinds.

Every sentence here is written for the test; dates are resolved against PUBLISHED, a
Wednesday.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.claims import DIP, HOT, OPEN, PUBLISHED, REJ, REST, SUSP, A, asserted, fact
from tracker.extract import extract
from tracker.vocab import Kind, Modality, State

# --------------------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "An Iraqi official said Iran and Saudi Arabia resumed talks on Monday.",
            {fact("IR-SA", DIP, REST)},
        ),
        (
            "According to a Qatari diplomat, Iran and the United States resumed talks on Monday.",
            {fact("IR-US", DIP, REST)},
        ),
        (
            "Kuwaiti state media reported that Iran and Saudi Arabia suspended talks on Monday.",
            {fact("IR-SA", DIP, SUSP)},
        ),
        (
            "Turkish officials told reporters that Russia cut the hotline with the US on Monday.",
            {fact("RU-US", HOT, SUSP)},
        ),
    ],
)
def test_the_speakers_state_is_no_side_of_what_is_reported(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert asserted(text) == expected


def test_a_speaker_without_other_sides_takes_the_pair_the_article_is_about() -> None:
    text = (
        "Iran and Saudi Arabia held talks in Baghdad in March.\n\n"
        "Iran and Saudi Arabia suspended the talks in April.\n\n"
        'An Iraqi official said on Monday: "The talks resumed last week."'
    )
    claims = asserted(text)
    assert fact("IR-SA", DIP, REST) in claims
    assert not any("IQ" in pair for pair, _, _ in claims)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A pronoun after the verb of saying stands for the speaker, who is a side.
        (
            "Chinese officials said they had cut the hotline with the US on Monday.",
            {fact("CN-US", HOT, SUSP)},
        ),
        # The only other side named: the speaker's state is the second side.
        (
            "A US official said China had refused to take the call on Monday.",
            {fact("CN-US", DIP, REJ)},
        ),
        # Officials who act are sides, not speakers.
        (
            "Japanese officials met their Chinese counterparts in Tokyo on Monday.",
            {fact("CN-JP", DIP, OPEN)},
        ),
    ],
)
def test_a_speaker_who_acts_stays_a_side(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert asserted(text) == expected


# --------------------------------------------------------------------------- go-betweens


@pytest.mark.parametrize(
    "text",
    [
        "The Omani mediator said Iran had resumed talks with the US on Monday.",
        "Omani mediators said talks resumed on Monday between Iran and the United States.",
        "Iran resumed talks with the US on Monday, the Omani mediator said.",
    ],
)
def test_a_go_between_is_never_a_side(text: str) -> None:
    assert asserted(text) == {fact("IR-US", DIP, REST)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran had resumed talks with the US on Monday.", {fact("IR-US", DIP, REST)}),
        ("Iran had suspended talks with the US on Monday.", {fact("IR-US", DIP, SUSP)}),
        # "had" before a noun, or before an adjective, is a contact.
        ("Iran had talks with the US on Monday.", {fact("IR-US", DIP, OPEN)}),
        ("Iran had detailed talks with the US on Monday.", {fact("IR-US", DIP, OPEN)}),
    ],
)
def test_had_before_a_past_participle_is_an_auxiliary(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert asserted(text) == expected


@settings(max_examples=25, deadline=None)
@given(
    speaker=st.sampled_from(["Iraqi", "Omani", "Qatari", "Kuwaiti", "Swiss"]),
    noun=st.sampled_from(["official", "diplomat", "source", "mediator", "spokesman"]),
)
def test_no_speaker_of_any_nationality_becomes_a_side(speaker: str, noun: str) -> None:
    text = f"A {speaker} {noun} said Iran and Saudi Arabia resumed talks on Monday."
    assert asserted(text) == {fact("IR-SA", DIP, REST)}


# --------------------------------------------------------------------------- naming, places


@pytest.mark.parametrize(
    "text",
    [
        "China protested Vietnam's survey near the islands, which Vietnam calls Truong Sa, "
        "on Monday.",
        "The reef -- called Huangyan by Beijing and Panatag by Manila -- lies between China "
        "and the Philippines.",
        "The strait between China and Taiwan, called the Black Ditch by sailors, is narrow.",
        "The islands, which the Chinese call Diaoyu, are claimed by China and Japan.",
    ],
)
def test_call_that_names_is_no_phone_call(text: str) -> None:
    assert asserted(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mitsotakis called Erdogan on Monday.", {fact("GR-TR", Kind.LEADERS, OPEN)}),
        (
            "President Biden called Xi Jinping on Monday to discuss Taiwan.",
            {fact("CN-US", Kind.LEADERS, OPEN)},
        ),
        ("Putin phoned Erdogan on Monday to discuss Syria.", {fact("RU-TR", Kind.LEADERS, OPEN)}),
        (
            "The meeting between Japan and South Korea was called off on Monday.",
            {fact("JP-KR", DIP, SUSP)},
        ),
    ],
)
def test_a_phone_call_and_its_object_stay(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert asserted(text) == expected


def test_every_state_of_a_list_of_places_is_a_place() -> None:
    text = (
        "The US and Russia set up a deconfliction line in 2015.\n\n"
        "The US and Russia used the line again last week.\n\n"
        '"The deconfliction channel remains in use," said a spokeswoman for the US-led mission '
        "operating in Iraq and Syria."
    )
    pairs = {pair for pair, _, _ in asserted(text)}
    assert pairs == {"RU-US"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officials in Iraq and Syria said the US and Russia cut the hotline on Monday.",
            {fact("RU-US", HOT, SUSP)},
        ),
        (
            "The US and Russia held talks on Monday on the fighting in Iraq and Syria.",
            {fact("RU-US", DIP, OPEN)},
        ),
    ],
)
def test_states_listed_as_places_leave_the_sides_alone(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The minister spoke to the press after a meeting of the Lake Chad Contact Group on "
            "Monday.",
            set(),
        ),
        ("A meeting of the Arab League Council was held in Cairo on Monday.", set()),
        # A joint body is the pair's own.
        (
            "A meeting of the India-China Joint Working Group was held in Delhi on Monday.",
            {fact("CN-IN", DIP, OPEN)},
        ),
        (
            "The meeting of the Joint Working Group between India and China was held on Monday.",
            {fact("CN-IN", DIP, OPEN)},
        ),
    ],
)
def test_a_meeting_of_a_body_of_many_states_is_no_bilateral_contact(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert asserted(text) == expected


# --------------------------------------------------------------------------- background


@pytest.mark.parametrize(
    "text",
    [
        "The line between the two Koreas, which was built for crisis talks, is now a relic, "
        "the North said on Monday.",
        "The line between Russia and the US, which has been used to avoid clashes, is a "
        "model for others, the analyst wrote.",
    ],
)
def test_an_undated_relative_clause_describes_the_channel(text: str) -> None:
    assert OPEN.value not in {state for _, _, state in asserted(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The hotline between the two Koreas, which was set up in 2018, was cut on Monday.",
            {fact("KP-KR", DIP, OPEN), fact("KP-KR", DIP, SUSP)},
        ),
        (
            "Russia and the US, which held talks in Geneva on Monday, agreed to meet again.",
            {fact("RU-US", DIP, OPEN)},
        ),
        (
            "The North, which reopened the hotline with South Korea on Monday, said it wanted "
            "talks.",
            {fact("KP-KR", DIP, REST)},
        ),
    ],
)
def test_a_dated_relative_clause_reports(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert asserted(text) == expected


# --------------------------------------------------------------------------- the article's pair

_ABOUT_IRAN_SAUDI = (
    "Iran and Saudi Arabia held talks in Baghdad in January.\n\n"
    "Iran and Saudi Arabia agreed to meet again, officials of Iran and Saudi Arabia said.\n\n"
)


def _pairs_of(text: str, opening: str) -> set[str]:
    """The pairs of the asserted claims whose quote begins with `opening`."""
    return {
        c.pair
        for c in extract(text, PUBLISHED)
        if c.modality == A and text[c.char_start : c.char_end].startswith(opening)
    }


@pytest.mark.parametrize(
    "last",
    [
        "The last such meeting was held in Baghdad on March 3, 2021.",
        "The fifth round of talks had taken place on March 3, 2021.",
    ],
)
def test_a_contact_told_without_sides_is_of_the_pair_the_article_is_about(last: str) -> None:
    assert _pairs_of(_ABOUT_IRAN_SAUDI + last, last[:12]) == {"IR-SA"}


@pytest.mark.parametrize(
    "last",
    [
        # A third state named in the sentence.
        "The last such meeting with Iraq was held on March 3, 2021.",
        # A body that is no state.
        "The last such meeting with NATO was held on March 3, 2021.",
        "The last such meeting of the Arab League was held on March 3, 2021.",
    ],
)
def test_a_contact_with_someone_else_is_not_given_the_articles_pair(last: str) -> None:
    assert "IR-SA" not in _pairs_of(_ABOUT_IRAN_SAUDI + last, last[:12])


def test_no_pair_is_assumed_when_the_article_speaks_of_two() -> None:
    text = (
        "Iran and Saudi Arabia held talks in Baghdad in January.\n\n"
        "Iran and the United States held talks in Oman in February.\n\n"
        "The last such meeting was held on March 3, 2021."
    )
    assert _pairs_of(text, "The last such") == set()


# --------------------------------------------------------------------------- idioms of state


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Talks between Japan and South Korea were put on ice on Monday.",
            {fact("JP-KR", DIP, SUSP)},
        ),
        ("Japan put its talks with South Korea on ice on Monday.", {fact("JP-KR", DIP, SUSP)}),
        (
            "Military talks between China and the US were put on the back burner on Monday.",
            {fact("CN-US", Kind.MILITARY_RELATIONS, SUSP)},
        ),
        (
            "Talks between Japan and China have been in limbo since Monday.",
            {fact("CN-JP", DIP, SUSP)},
        ),
        (
            "The talks between India and Pakistan ground to a halt on Monday.",
            {fact("IN-PK", DIP, SUSP)},
        ),
        (
            "Dialogue between India and Pakistan came to a standstill on Monday.",
            {fact("IN-PK", DIP, SUSP)},
        ),
    ],
)
def test_idioms_of_a_stop(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pakistan avoided any talks with India on Monday.", {fact("IN-PK", DIP, REJ)}),
        ("India boycotted the meeting with Pakistan on Monday.", {fact("IN-PK", DIP, REJ)}),
        (
            "Putin said on Monday that Ukrainian President Zelensky no longer exists for him.",
            {fact("RU-UA", Kind.LEADERS, REJ)},
        ),
        (
            "Tokyo has long pressed for a meeting with China, but Beijing has resisted.",
            {fact("CN-JP", DIP, REJ)},
        ),
        (
            "Hanoi contacted its Chinese counterpart on Monday, but it never responded.",
            {fact("CN-VN", DIP, REJ)},
        ),
        (
            "The Philippines reached out to China on Monday but Beijing did not respond.",
            {fact("CN-PH", DIP, REJ)},
        ),
    ],
)
def test_idioms_of_a_refusal(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # No channel is the subject of what was shelved.
        "The annual tour was put on ice on Monday as relations between Japan and China hit a low.",
        "Japan put its troops on ice on Monday as relations with China soured.",
        # What is kept away from is no channel.
        "Pakistan avoided a war with India on Monday.",
        "India said it had avoided clashes with China on Monday.",
        "The US and Russia hold regular calls to avoid mid-air incidents over Syria.",
        # Pressure resisted is no request for contact.
        "China resisted pressure from the US on Monday.",
        "While India resists pressure by the US on ties with Pakistan, it talks to both.",
        # An answer that came is no refusal.
        "Hanoi contacted its Chinese counterpart on Monday and Beijing responded within hours.",
    ],
)
def test_near_misses_of_the_idioms(text: str) -> None:
    assert REJ.value not in {s for _, _, s in asserted(text)}
    assert SUSP.value not in {s for _, _, s in asserted(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A verb after the event noun says the time is its own, whatever the state's name
        # ends with.
        ("Dialogue between India and Pakistan stalled on Monday.", set()),
        ("Talks between Japan and Korea faltered on Monday.", set()),
        ("The talks between India and Pakistan went ahead on Monday.", {fact("IN-PK", DIP, OPEN)}),
    ],
)
def test_a_verb_between_an_event_and_its_time(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert {c for c in asserted(text) if c[2] == OPEN.value} == expected


# --------------------------------------------------------------------------- third states


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "France and Germany welcomed the restoration of the hotline between the US and "
            "Russia on Monday.",
            {fact("RU-US", HOT, REST)},
        ),
        (
            "Japan said on Monday it was worried after North Korea cut the hotline with South "
            "Korea.",
            {fact("KP-KR", DIP, SUSP)},
        ),
        (
            "In response to the US cutting the hotline with Russia, China said on Monday it "
            "was worried.",
            {fact("RU-US", HOT, SUSP)},
        ),
    ],
)
def test_a_state_that_only_looks_on_is_no_side(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    "last",
    [
        # One side named in the clause of cause, an onlooker in the main clause.
        "Japan said on Monday it was worried after North Korea cut the hotline.",
        "Australia voiced concern on Monday when North Korea suspended the talks.",
    ],
)
def test_an_onlooker_is_not_the_missing_side(last: str) -> None:
    text = (
        "North Korea and South Korea restored their hotline in 2018.\n\n"
        "North Korea and South Korea held talks in Panmunjom in 2019.\n\n" + last
    )
    assert _pairs_of(text, last[:10]) == {"KP-KR"}


def test_without_an_article_pair_the_reacting_state_is_the_missing_side() -> None:
    assert asserted("Seoul protested on Monday after Pyongyang cut the hotline.") == {
        fact("KP-KR", DIP, SUSP)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The main clause speaks of the channel too: its subject is a side.
        (
            "Seoul reopened the hotlines in May, months after Pyongyang had shut them down.",
            {"KP-KR"},
        ),
        # A phrase that is no clause of its own ("over Syria") keeps the sides.
        ("The Moscow-Washington deconfliction channel over Syria is working smoothly.", {"RU-US"}),
        # The cue outside the clause of cause: the states of that clause are context.
        (
            "China suspended military talks with the US on Monday in protest at exercises "
            "between Japan and the US.",
            {"CN-US"},
        ),
    ],
)
def test_near_misses_of_onlookers(text: str, expected: set[str]) -> None:
    assert {pair for pair, _, _ in asserted(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pro-Russian separatists rejected talks with Ukraine on Monday.", set()),
        ("Anti-American protesters rejected talks with Iran on Monday.", set()),
        (
            "Iran rejected talks with the US-backed government of Iraq on Monday.",
            {fact("IQ-IR", DIP, REJ)},
        ),
        (
            "The US-brokered talks between Israel and Jordan resumed on Monday.",
            {fact("IL-JO", DIP, REST)},
        ),
        (
            "A Russian-made jet flew over Turkey on Monday, and Turkey suspended talks with Syria.",
            {fact("SY-TR", DIP, SUSP)},
        ),
        # A state leading a coalition is its side.
        (
            "The US-led coalition and Russia used the deconfliction line on Monday.",
            {fact("RU-US", HOT, OPEN)},
        ),
    ],
)
def test_a_state_inside_a_compound_that_qualifies_something_else_is_no_side(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert asserted(text) == expected


# --------------------------------------------------------------------------- modality


@pytest.mark.parametrize(
    "text",
    [
        "For months the wait has gone on for a resumption of talks between Egypt and Turkey.",
        "India is waiting for the resumption of talks with China.",
        "India and China are awaiting the restoration of the hotline.",
    ],
)
def test_a_change_waited_for_has_not_happened(text: str) -> None:
    assert asserted(text) == set()


def test_waiting_for_a_while_says_nothing_of_the_change() -> None:
    assert asserted("India waited for hours before China resumed talks on Monday.") == {
        fact("CN-IN", DIP, REST)
    }


# --------------------------------------------------------------------------- passive subjects


def test_a_passive_cue_reaches_the_channel_that_opens_its_clause() -> None:
    text = (
        "The talks between Armenia and Azerbaijan, which had run in Brussels for much of the "
        "previous year and had ranged over many disputes, were formally suspended on Monday "
        "by Armenia."
    )
    assert asserted(text) == {fact("AM-AZ", DIP, SUSP)}


@pytest.mark.parametrize(
    "text",
    [
        # The subject is no channel; the channel far before the verb is no subject.
        "The shipment of grain from Russia to Turkey, agreed in talks held in Istanbul in the "
        "spring of last year between officials of both sides, was halted on Monday.",
        "The exhibition of Chinese art that was to open in Tokyo this spring, a project of "
        "museums in both countries, was cancelled on Monday.",
    ],
)
def test_a_passive_cue_needs_a_channel_as_its_subject(text: str) -> None:
    assert SUSP.value not in {s for _, _, s in asserted(text)}


# --------------------------------------------------------------------------- kinds


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Colombia said on Monday it was cutting off contact with Ukrainian President "
            "Volodymyr Zelensky.",
            Kind.LEADERS,
        ),
        ("Ukraine cut all ties with Russian President Vladimir Putin on Monday.", Kind.LEADERS),
        # The leader as the subject speaks for the state.
        ("President Erdogan suspended talks with Israel on Monday.", DIP),
        # Another office as the object is no leader.
        ("Turkey suspended talks with Israeli Foreign Minister Eli Cohen on Monday.", DIP),
        ("Turkey cut ties with Israel on Monday.", DIP),
    ],
)
def test_a_channel_with_a_leader_in_person_is_the_leaders(text: str, kind: Kind) -> None:
    assert {k for _, k, _ in asserted(text)} == {kind.value}


# --------------------------------------------------------------------------- channel nouns


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ottawa said on Monday that the Indian side never answered its idea of a pull-aside.",
            {fact("CA-IN", DIP, REJ)},
        ),
        ("Biden and Xi held a brief pull-aside on Monday.", {fact("CN-US", Kind.LEADERS, OPEN)}),
        (
            "Armenian officials revived the frozen talk process with Azerbaijan on Monday.",
            {fact("AM-AZ", DIP, REST)},
        ),
        (
            "The talks between the foreign ministers of India and China were the first at "
            "ministerial level since March 2020.",
            {fact("CN-IN", DIP, REST)},
        ),
    ],
)
def test_more_names_of_contacts(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A peace process or a plan is no contact of its own.
        "Japan did not respond to the plan for a new airport on Monday.",
        "The peace process between Israel and the Palestinians was suspended on Monday.",
    ],
)
def test_near_misses_of_contact_names(text: str) -> None:
    assert asserted(text) == set()


def test_a_cue_is_found_before_a_paragraph_a_longer_cue_runs_into() -> None:
    text = (
        "Iran and Saudi Arabia have held four rounds of talks in Baghdad since April.\n\n"
        "The talks resumed on Monday after a five-month pause.\n\n"
        "The next round will be held in May."
    )
    assert _pairs_of(text, "The talks resumed") == {"IR-SA"}


def test_a_ministry_that_reports_is_no_side_when_the_article_has_its_pair() -> None:
    last = "North Korea cut the hotline on Monday, the Japanese defense ministry said."
    text = (
        "North Korea and South Korea restored the hotline in 2018.\n\n"
        "North Korea and South Korea held talks in 2019.\n\n" + last
    )
    assert _pairs_of(text, "North Korea cut") == {"KP-KR"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Russian defense ministry said it had suspended the hotline with Turkey on Monday.",
            {fact("RU-TR", HOT, SUSP)},
        ),
        (
            "The Chinese military said on Monday that talks with the US had been suspended.",
            {fact("CN-US", Kind.MILITARY_RELATIONS, SUSP)},
        ),
    ],
)
def test_a_reporting_ministry_of_a_side_stays_its_side(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Tokyo postponed the annual meeting, known as the Japan-India Defence Policy "
            "Dialogue, on Monday.",
            Kind.DEFENSE_POLICY_TALKS,
        ),
        (
            "The meeting of the foreign ministers of Japan and China was cancelled on Monday.",
            DIP,
        ),
        (
            "Talks between the defence ministers of India and China were suspended on Monday.",
            Kind.DEFENSE_MINISTERS,
        ),
        (
            "Moscow and Washington keep a channel open so that their aircraft stay out of each "
            "other's way, a US officer said on Monday.",
            HOT,
        ),
        (
            "Greece and Turkey opened a new channel on Monday to avert accidental clashes over "
            "the Aegean.",
            HOT,
        ),
        (
            "China and the US held talks on Monday on the safety of their vessels at sea.",
            Kind.MARITIME_SAFETY_TALKS,
        ),
        (
            "Since 2022 Beijing has turned down several invitations by the Department of Defense "
            "to hold talks with the US.",
            Kind.MILITARY_RELATIONS,
        ),
        (
            "India and China held another round of military talks on Monday.",
            Kind.THEATER_COMMANDERS,
        ),
    ],
)
def test_the_kind_a_contact_is_named_by(text: str, kind: Kind) -> None:
    assert {k for _, k, _ in asserted(text)} == {kind.value}


def test_a_meeting_of_officeholders_named_after_it_outranks_the_channel_before() -> None:
    text = (
        "Modi and Xi met in Wuhan in April.\n\n"
        "The previous meeting of the special envoys was held on March 2, 2018."
    )
    claims = extract(text, PUBLISHED)
    (last,) = [c for c in claims if text[c.char_start :].startswith("The previous")]
    assert last.kind == DIP


@pytest.mark.parametrize(
    "text",
    [
        # Other ways are no deconfliction, and other military talks keep their kind.
        "Japan and the US held military talks on Monday.",
        "The US and Russia discussed the way forward in Syria on Monday.",
    ],
)
def test_near_misses_of_kinds(text: str) -> None:
    kinds = {k for _, k, _ in asserted(text)}
    assert HOT.value not in kinds and Kind.THEATER_COMMANDERS.value not in kinds


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        (
            "There has been no contact between the two Koreas since June.",
            date(2021, 6, 1),
            date(2021, 6, 30),
        ),
        (
            "There have been no direct talks between Iran and the US since 2018.",
            date(2018, 1, 1),
            date(2018, 12, 31),
        ),
    ],
)
def test_no_contact_since_a_time_dates_the_last_contact(text: str, start: date, end: date) -> None:
    (claim,) = [c for c in extract(text, PUBLISHED) if c.modality == A]
    assert (claim.state, claim.effective_start, claim.effective_end) == (State.OPEN, start, end)


@pytest.mark.parametrize(
    "text",
    [
        "There has been no change in the policy of China toward the US since June.",
        "Moscow has stopped taking part in exercises with Washington.",
    ],
)
def test_near_misses_of_no_contact(text: str) -> None:
    assert asserted(text) == set()


def test_calls_no_longer_taken_are_refused() -> None:
    assert asserted("Moscow has stopped taking calls from Washington.") == {fact("RU-US", DIP, REJ)}


@pytest.mark.parametrize(
    "text",
    [
        "In crises, the Moscow-Washington line goes quiet.",
        "In a crisis, the hotline between the US and China goes unanswered.",
        "Whenever tensions rise, North Korea cuts the hotline with South Korea.",
        "In times of tension, India and Pakistan suspend their talks.",
    ],
)
def test_what_happens_in_crises_is_no_dated_fact(text: str) -> None:
    assert asserted(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The US-China hotline went unanswered during the crisis on Monday.",
            {fact("CN-US", HOT, SUSP)},
        ),
        (
            "Amid the crisis, China cut the hotline with the US on Monday.",
            {fact("CN-US", HOT, SUSP)},
        ),
    ],
)
def test_a_dated_fact_in_a_crisis_stays(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "India said on Monday that talks with Pakistan cannot take place while attacks "
            "continue.",
            {fact("IN-PK", DIP, REJ)},
        ),
        (
            "Seoul said on Monday that the meeting with Tokyo won't take place this month.",
            {fact("JP-KR", DIP, REJ)},
        ),
        # Near misses: a contact held, and the last contact told by a gap.
        (
            "Talks between India and Pakistan were held in Delhi on Monday.",
            {fact("IN-PK", DIP, OPEN)},
        ),
        ("India and Pakistan have not met since 2016.", {fact("IN-PK", DIP, OPEN)}),
    ],
)
def test_a_contact_that_cannot_be_held_is_refused(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # A refusal holds until what "unless" names, before it or after it.
        (
            "Unless Washington changes course, no talks with the US can be held, Moscow said.",
            Modality.ASSERTED,
        ),
        ("Moscow refuses to meet Washington unless sanctions are lifted.", Modality.ASSERTED),
        # Other states under "unless", and any state under "if", are conditions.
        (
            "Unless Washington changes course, Moscow will suspend the talks with the US.",
            Modality.HYPOTHETICAL,
        ),
        (
            "If Washington changes course, no talks with the US will be refused, Moscow said.",
            Modality.HYPOTHETICAL,
        ),
    ],
)
def test_a_refusal_under_unless_holds(text: str, modality: Modality) -> None:
    (claim,) = extract(text, PUBLISHED)
    assert claim.pair == "RU-US" and claim.modality == modality
