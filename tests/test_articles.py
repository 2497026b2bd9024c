"""Cutting texts into articles and cleaning them of page chrome (tracker.articles)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.articles import collapse_repeats, has_body, headline, split_articles, strip_chrome

BODY = (
    "The United States is not yet ready to cooperate militarily with Russia, "
    "Pentagon chief James Mattis said Thursday after talks in Brussels."
)
BODY2 = (
    "Currently, the US-led coalition and the Russian military do not cooperate "
    "but hold regular phone calls to avoid mid-air mishaps."
)


def card(name: str = "Khafee", joined: str = "Nov 17, 2017") -> str:
    """A member card as a saved forum page prints it above a post."""
    return "\n".join(
        [
            name,
            "",
            "Administrator",
            "Staff member",
            "Joined",
            joined,
            "Messages",
            "12,324",
            "Reactions",
            "24,463 1,293 0",
        ]
    )


def thread(*posts: str) -> str:
    head = "US State Dept | News & Updates | World Defense\n\nUS State Dept | News & Updates\n\n"
    return head + "\n \n\n".join(card() + "\n" + post for post in posts)


# --- split_articles ------------------------------------------------------------------


def test_plain_text_is_one_article() -> None:
    text = f"Headline of the day\n\n{BODY}\n\n{BODY2}"
    assert split_articles(text) == [text]


def test_thread_gives_one_article_per_post_in_order() -> None:
    posts = [
        f"First headline\nSunday, May 12, 2019\n\n{BODY}",
        f"Second headline\nMay 13, 2019\n\n{BODY2}",
    ]
    assert split_articles(thread(*posts)) == posts


def test_thread_drops_title_block_and_member_cards() -> None:
    pieces = split_articles(thread(f"Headline\nMay 13, 2019\n\n{BODY}"))
    joined = "\n".join(pieces)
    for chrome in ("World Defense", "Khafee", "Administrator", "Joined", "Nov 17, 2017", "12,324"):
        assert chrome not in joined


def test_member_card_with_extra_fields_and_unknown_title() -> None:
    text = (
        f"{card()}\nPost one\nMay 13, 2019\n{BODY}\n \n"
        "Kusumo\n\nMEMBER\nJoined\nMay 17, 2016\nMessages\n184\nReactions\n300 5 0\n"
        f"Country\nIndonesia\nLocation\nIndonesia\nPost two\nAug. 5, 2020\n\n{BODY2}\n\nTop"
    )
    first, second = split_articles(text)
    assert first == f"Post one\nMay 13, 2019\n{BODY}"
    assert second.startswith("Post two\nAug. 5, 2020")
    assert "Kusumo" not in first + second
    assert "Indonesia" not in second


def test_member_card_with_inline_values() -> None:
    text = (
        f"Thread title\n\njohn_doe\nJoined: Nov 17, 2017\nMessages: 184\n{BODY}\n\n"
        f"jane\nSenior Member\nJoin date: May 2016\nPosts: 12\n{BODY2}"
    )
    assert split_articles(text) == [BODY, BODY2]


def test_a_lone_joined_line_is_not_a_member_card() -> None:
    text = f"Headline\n\nJoined\n\n{BODY}"
    assert split_articles(text) == [text]


def test_thread_keeps_an_article_standing_above_the_first_card() -> None:
    text = f"Page headline\n\n{BODY}\n\n{card()}\nReply headline\n{BODY2}"
    assert split_articles(text) == [f"Page headline\n\n{BODY}", f"Reply headline\n{BODY2}"]


# --- strip_chrome ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "chrome",
    [
        "Connect with us",
        "Hi, what are you looking for?",
        "Tags: , , , , ,",
        "Categories: black sea Cold War II Economy",
        "Facebook and/or on Twitter",
        "Share this",
        "Share this article:",
        "Link:",
        "Top",
        "Screenshot_4.png",
        "State-Department-orders-Chinese-diplomats - Copy.jpg",
        "-",
        "—",
        "Advertisement",
        "© 2019 Some Publisher",
        "Click to expand...",
    ],
)
def test_chrome_lines_are_dropped_wherever_they_stand(chrome: str) -> None:
    text = f"Headline\n\n{BODY}\n\n{chrome}\n\n{BODY2}"
    assert strip_chrome(text) == f"Headline\n\n{BODY}\n\n{BODY2}"


@pytest.mark.parametrize(
    "marker",
    [
        "You may also like",
        "You may also like:",
        "Leave a Reply",
        "Post a Comment",
        "No comments:",
        "Your email address will not be published. Required fields are marked *",
        "Related Articles",
    ],
)
def test_tail_marker_ends_the_article(marker: str) -> None:
    text = f"Headline\n\n{BODY}\n\n{marker}\n\nWorld\n\n{BODY2}\n\nMarch 3, 2024"
    assert strip_chrome(text) == f"Headline\n\n{BODY}"


def test_tail_marker_above_the_body_is_dropped_alone() -> None:
    assert strip_chrome(f"Comments\nHeadline\n{BODY}") == f"Headline\n{BODY}"


def test_section_label_is_dropped_only_above_the_body() -> None:
    text = f"World\n\nUS says not ready yet\n\n-\n\n{BODY}\n\nWorld\n\n{BODY2}"
    assert strip_chrome(text) == f"US says not ready yet\n\n{BODY}\n\nWorld\n\n{BODY2}"


def test_author_box_written_by_goes_with_its_bio() -> None:
    bio = "With 2,400 staff representing 100 different nationalities, AFP covers the world."
    text = f"{BODY}\n\nAFP\nWritten By\n\n{bio}\n\nYou may also like:\n\nTech & Science"
    assert strip_chrome(text) == f"{BODY}\n\nAFP"


@pytest.mark.parametrize(
    "marker", ["Alle Beiträge ansehen von Team GlobDef →", "View all posts by Jane Doe"]
)
def test_author_box_ending_in_view_all_posts_goes_with_name_and_bio(marker: str) -> None:
    text = (
        f"{BODY}\n\nU.S. Department of Defense\n\nFacebook and/or on Twitter\n\n"
        f"Team GlobDef\n\nSeit 2001 ist die Seite im Internet unterwegs.\n\n{marker}"
    )
    assert strip_chrome(text) == f"{BODY}\n\nU.S. Department of Defense"


def test_posted_by_line_stays_as_the_dateline_of_the_text() -> None:
    text = f"Posted by on February 16, 2017 3:07 pm\nTags: , , ,\nCategories: Military\n\n{BODY}"
    assert strip_chrome(text) == f"Posted by on February 16, 2017 3:07 pm\n\n{BODY}"


def test_blank_lines_are_trimmed_and_never_doubled() -> None:
    text = f"\n \nTop\n\nHeadline\n\n\n \n\n{BODY}\n\n\n"
    assert strip_chrome(text) == f"Headline\n\n{BODY}"


def test_kept_lines_are_not_rewritten() -> None:
    line = "Office of the Assistant Secretary of Defense (Public Affairs)\u00a0"
    text = f"{BODY}\r\n\n{line}"
    assert strip_chrome(text) == text


# --- collapse_repeats ------------------------------------------------------------------


def test_a_body_printed_twice_in_different_typography_is_kept_once() -> None:
    first = (
        "Mattis said Thursday after Moscow's defence minister called for better ties.\n\n"
        "- 'Rock solid' commitment -\n\n"
        'He stressed America remained "rock solid" in its support of Article 5 -- NATO\'s '
        "core tenet."
    )
    second = (
        "Mattis said Thursday after Moscow’s defence minister called for better ties.\n\n"
        "– ‘Rock solid’ commitment –\n\n"
        "He stressed America remained “rock solid” in its support of Article 5 — NATO’s "
        "core tenet."
    )
    text = f"Headline\n\n{first}\n\n{second}\n\nAFP"
    assert collapse_repeats(text) == f"Headline\n\n{first}\n\nAFP"


def test_a_caption_printed_twice_in_a_row_is_kept_once() -> None:
    text = f"US Secretary of State Mike Pompeo. AP\nUS Secretary of State Mike Pompeo. AP\n{BODY}"
    assert collapse_repeats(text) == f"US Secretary of State Mike Pompeo. AP\n{BODY}"


def test_short_lines_repeated_apart_are_kept() -> None:
    text = f"Analysis\n\n{BODY}\n\nAnalysis\n\n{BODY2}"
    assert collapse_repeats(text) == text


def test_a_long_line_quoted_again_later_is_dropped() -> None:
    text = f"{BODY}\n\n{BODY2}\n\nA third paragraph.\n\n{BODY}"
    assert collapse_repeats(text) == f"{BODY}\n\n{BODY2}\n\nA third paragraph."


# --- headline and has_body --------------------------------------------------------------


def test_headline_is_the_first_line_when_it_reads_like_one() -> None:
    assert headline(f"\nGates Seeks Sustained Military\u00a0Relationship\n\n{BODY}") == (
        "Gates Seeks Sustained Military Relationship"
    )


@pytest.mark.parametrize(
    "first",
    [BODY, "World", "By Darryl Coote", "Posted by on February 16, 2017 3:07 pm", "Link:"],
)
def test_no_headline_when_the_first_line_is_not_one(first: str) -> None:
    assert headline(f"{first}\n{BODY2}") is None


def test_has_body_needs_a_sentence() -> None:
    assert has_body(BODY)
    assert has_body("I agree with this.")
    assert not has_body("US State Department Updates & News\n \nTop")


# --- properties --------------------------------------------------------------------------

CHROME_LIKE = [
    "",
    " ",
    "Top",
    "-",
    "World",
    "Written By",
    "View all posts by X",
    "You may also like",
    "Joined",
    "Nov 17, 2017",
    "Messages",
    "12",
    "Reactions",
    "Khafee",
    "Administrator",
    "Country",
    BODY,
    BODY2,
    "“" + BODY + "”",
]
texts = st.lists(st.one_of(st.sampled_from(CHROME_LIKE), st.text(max_size=80)), max_size=40).map(
    "\n".join
)


def assert_lines_of(output: str, source: str) -> None:
    source_lines = set(source.split("\n"))
    for line in output.split("\n"):
        assert not line.strip() or line in source_lines


@settings(max_examples=150, deadline=None)
@given(texts)
def test_cleaning_never_raises_and_only_drops_lines(text: str) -> None:
    stripped = strip_chrome(text)
    collapsed = collapse_repeats(text)
    assert_lines_of(stripped, text)
    assert_lines_of(collapsed, text)
    assert_lines_of(collapse_repeats(stripped), text)
    for piece in split_articles(text):
        assert_lines_of(piece, text)


@settings(max_examples=100, deadline=None)
@given(texts)
def test_cleaned_text_has_no_doubled_or_edge_blank_lines(text: str) -> None:
    for out in (strip_chrome(text), collapse_repeats(text)):
        assert "\n\n\n" not in out
        assert out == out.strip("\n")


# --- paragraphs of hard-wrapped text -----------------------------------------------------

WRAPPED = (
    "Envoys of the two neighbouring states said they had\n"
    "agreed Tuesday to restore the liaison line that was cut\n"
    "in the spring, and to hold talks in the first half of\n"
    "next month.\n"
    "The line between the two capitals has been silent since March\n"
    "2016.\n"
    "A third round of talks will follow, officials of both\n"
    "Thursday meetings said.\n"
)


def spans_text(text: str) -> list[str]:
    from tracker.articles import paragraphs

    return [text[start:end] for start, end in paragraphs(text)]


def test_hard_wrapped_lines_are_joined_into_paragraphs_without_rewriting() -> None:
    assert spans_text(WRAPPED) == [
        "Envoys of the two neighbouring states said they had\nagreed Tuesday to restore the "
        "liaison line that was cut\nin the spring, and to hold talks in the first half of\n"
        "next month.",
        "The line between the two capitals has been silent since March\n2016.",
        "A third round of talks will follow, officials of both\nThursday meetings said.",
    ]


def test_a_text_of_one_paragraph_a_line_keeps_its_lines_apart() -> None:
    text = f"Headline of the day without a stop\n{BODY}\nA caption under a photo (Agency)\n{BODY2}"
    assert spans_text(text) == text.split("\n")


def test_a_lower_case_line_goes_on_with_the_line_above() -> None:
    text = f"The ministers said they had\nagreed to talk.\n\n{BODY}"
    assert spans_text(text) == ["The ministers said they had\nagreed to talk.", BODY]


def test_blank_lines_items_and_date_lines_begin_paragraphs_in_wrapped_text() -> None:
    heading = "Talks resume between the two navies (Agency) Updated: 2016-03-04 09:09\n"
    text = heading + WRAPPED + "- the first item of a list of things to\n- and a second item\n"
    got = spans_text(text)
    assert got[0] == heading.strip()
    assert got[-2:] == ["- the first item of a list of things to", "- and a second item"]
    dated = WRAPPED.replace("since March\n2016.", "since the spring and it\nMay 3, 2016")
    assert "May 3, 2016" in spans_text(dated)


def test_spans_hold_no_white_space_at_their_ends() -> None:
    text = "  Indented line of text.  \n\n\tAnother line of text.\t"
    assert spans_text(text) == ["Indented line of text.", "Another line of text."]


def test_is_hard_wrapped() -> None:
    from tracker.articles import is_hard_wrapped

    assert is_hard_wrapped(WRAPPED)
    assert not is_hard_wrapped(f"{BODY}\n{BODY2}\nA short caption here\n{BODY}")
    assert not is_hard_wrapped("")


def test_a_full_stop_glued_to_the_next_sentence_cuts_it() -> None:
    from tracker.articles import split_glued

    text = "The line is part of the Treaty.Officials of both navies spoke on Monday."
    assert [text[s:e] for s, e in split_glued(text, 0, len(text))] == [
        "The line is part of the Treaty.",
        "Officials of both navies spoke on Monday.",
    ]
    for whole in (
        "Officers of the U.S.Navy spoke.",
        "He met Gen.Smith on Monday.",
        "The site news.com reported it.",
        "It was set for Jan.Officials met.",
    ):
        assert split_glued(whole, 0, len(whole)) == [(0, len(whole))]


def test_cleaning_keeps_hard_wrapped_text_as_it_is() -> None:
    text = f"Headline of the wrapped story\n\n{WRAPPED}"
    assert collapse_repeats(strip_chrome(text)) == text.strip("\n")


def test_in_wrapped_text_a_capital_line_goes_on_only_with_an_unfinished_long_line() -> None:
    text = (
        "Short heading of the story\n"
        "The delegates of the two states said on Monday they had agreed\n"
        "Friday to reopen the liaison line, which has been silent since July\n"
        "2004. Both sides will meet again in the border village next\n"
        "Thursday, officials said after the meeting ended.\n"
        "The talks will resume in the spring, a spokesman of the ministry said.\n"
        "Officials of both sides declined to say more about the plans\n"
        "or the talks.\n"
    )
    assert spans_text(text) == [
        "Short heading of the story",
        "The delegates of the two states said on Monday they had agreed\nFriday to reopen the "
        "liaison line, which has been silent since July\n2004. Both sides will meet again in "
        "the border village next\nThursday, officials said after the meeting ended.",
        "The talks will resume in the spring, a spokesman of the ministry said.",
        "Officials of both sides declined to say more about the plans\nor the talks.",
    ]


def test_a_metadata_date_line_under_a_headline_is_a_paragraph_of_its_own() -> None:
    text = f"Greece, Turkey resume talks\ndate 2021-01-25\n\n{BODY}"
    assert spans_text(text) == ["Greece, Turkey resume talks", "date 2021-01-25", BODY]


@pytest.mark.parametrize(
    "teaser",
    [
        "ALSO READ: China suspends military talks with US",
        "Read more: India, Pakistan agree to restore hotline",
        "Related: North Korea cuts liaison line",
        "See also » Japan and China hold summit",
        "WATCH: Leaders meet in Geneva",
    ],
)
def test_a_teaser_for_another_story_is_dropped(teaser: str) -> None:
    text = f"Headline\n\n{BODY}\n\n{teaser}\n\n{BODY2}"
    assert strip_chrome(text) == f"Headline\n\n{BODY}\n\n{BODY2}"


def test_a_sentence_that_speaks_of_reading_stays() -> None:
    text = f"Headline\n\n{BODY}\n\nRead the statement, officials said.\n\n{BODY2}"
    assert strip_chrome(text) == text
