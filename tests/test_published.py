"""Finding an article's publication date and how it was found (tracker.published)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.published import find_published
from tracker.vocab import PublishedHow

TODAY = date(2024, 6, 1)
BODY = (
    "The military-to-military relationship between the United States and China has been "
    "restored, senior defense officials said today."
)


def found(
    text: str,
    *,
    cli: date | None = None,
    sidecar: date | None = None,
    meta: date | None = None,
) -> tuple[date | None, PublishedHow]:
    return find_published(text, cli=cli, sidecar=sidecar, meta=meta, today=TODAY)


def test_caller_date_beats_everything() -> None:
    text = f"WASHINGTON, Jan. 7, 2011 — {BODY}"
    day = date(2020, 2, 2)
    assert found(text, cli=day, sidecar=date(2019, 1, 1)) == (day, PublishedHow.CLI)


def test_sidecar_beats_the_text() -> None:
    text = f"WASHINGTON, Jan. 7, 2011 — {BODY}"
    assert found(text, sidecar=date(2019, 1, 1)) == (date(2019, 1, 1), PublishedHow.SIDECAR)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Headline here\n\nWASHINGTON, Jan. 7, 2011 — {BODY}", date(2011, 1, 7)),
        (f"MOSCOW, May 14, 2019 (Reuters) - {BODY}", date(2019, 5, 14)),
        (f"Posted by on February 16, 2017 3:07 pm\n\n{BODY}", date(2017, 2, 16)),
        (f"Headline here\nPublished: 3 March 2021\n\n{BODY}", date(2021, 3, 3)),
        (f"Headline here\n\nSunday, May 12, 2019\n\n{BODY}", date(2019, 5, 12)),
        (f"Headline here\nWednesday, May 15, 2019 12:00:03 PM\n{BODY}", date(2019, 5, 15)),
        (f"Headline here\nBy Darryl Coote\nOct. 17, 2019\n{BODY}", date(2019, 10, 17)),
        (f"Headline here\n2019-05-12\n{BODY}", date(2019, 5, 12)),
        (f"Headline here\n12 May 2019\n{BODY}", date(2019, 5, 12)),
        (f"Headline here\nMay 12th, 2019\n{BODY}", date(2019, 5, 12)),
        (f"Headline here\nSept. 5, 2019 at 10:30 a.m. EDT\n{BODY}", date(2019, 9, 5)),
        (f"Headline here\n\n17, Dec. 2019\n\nTOKYO, Kyodo - {BODY}", date(2019, 12, 17)),
        (f"Headline here\n4, March 2020\n{BODY}", date(2020, 3, 4)),
    ],
)
def test_the_date_the_text_shows(text: str, expected: date) -> None:
    assert found(text) == (expected, PublishedHow.TEXT)


def test_the_first_bare_date_line_wins() -> None:
    text = f"Headline\nMay 13, 2019\nMay 20, 2019\n\n{BODY}"
    assert found(text) == (date(2019, 5, 13), PublishedHow.TEXT)


def test_a_dateline_beats_a_bare_date_line() -> None:
    text = f"Headline\nMay 13, 2019\n\nBRUSSELS, May 20, 2019 — {BODY}"
    assert found(text) == (date(2019, 5, 20), PublishedHow.TEXT)


def test_a_labelled_line_beats_a_bare_date_line() -> None:
    text = f"Headline\nMay 13, 2019\nPosted on May 20, 2019\n\n{BODY}"
    assert found(text) == (date(2019, 5, 20), PublishedHow.TEXT)


def test_a_labelled_line_counts_anywhere() -> None:
    body = "\n".join([BODY] * 10)
    assert found(f"{body}\nPublished on 4 April 2022 by the desk") == (
        date(2022, 4, 4),
        PublishedHow.TEXT,
    )


def test_a_date_line_deep_in_the_body_is_only_a_mention() -> None:
    body = "\n".join([BODY] * 10)
    assert found(f"{body}\nMay 13, 2019\n{BODY}") == (date(2019, 5, 13), PublishedHow.INFERRED)


def test_a_dateline_without_a_date_gives_nothing() -> None:
    assert found(f"BRUSSELS (Reuters) - {BODY}") == (None, PublishedHow.UNKNOWN)


def test_a_tweet_embed_is_not_a_publication_line() -> None:
    text = f"Headline\n{BODY}\n— Secretary Pompeo (@SecPompeo) May 10, 2019\n{BODY}"
    assert found(text) == (date(2019, 5, 10), PublishedHow.INFERRED)


def test_html_metadata_comes_after_the_text_and_before_inference() -> None:
    meta = date(2023, 5, 5)
    assert found(f"Headline\nMay 13, 2019\n{BODY}", meta=meta) == (
        date(2019, 5, 13),
        PublishedHow.TEXT,
    )
    assert found(f"{BODY} On April 30, 2023 it said so.", meta=meta) == (meta, PublishedHow.TEXT)


def test_inference_takes_the_latest_full_date_mentioned() -> None:
    text = (
        f"{BODY} On March 1, 2023 and on April 30, 2023 spokesmen spoke; "
        "the talks of 10 May and of 2022 carry no full date."
    )
    assert found(text) == (date(2023, 4, 30), PublishedHow.INFERRED)


@pytest.mark.parametrize(
    "line", ["June 5, 2030", "July 1, 1850", "February 30, 2019", "May 2019", "2019"]
)
def test_future_ancient_impossible_and_partial_dates_are_never_publication_dates(
    line: str,
) -> None:
    assert found(f"Headline\n{line}\n{BODY}") == (None, PublishedHow.UNKNOWN)


def test_a_future_html_date_is_ignored() -> None:
    assert found(BODY, meta=date(2030, 1, 1)) == (None, PublishedHow.UNKNOWN)


FORMATS = [
    "%B %d, %Y",
    "%b. %d, %Y",
    "%d %B %Y",
    "%Y-%m-%d",
    "%A, %B %d, %Y %I:%M:%S %p",
    "Published: %d %b %Y",
    "%d, %b. %Y",
]


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=TODAY), st.sampled_from(FORMATS))
def test_a_date_line_round_trips(day: date, fmt: str) -> None:
    line = day.strftime(fmt)
    assert found(f"Some headline here\n{line}\n\n{BODY}") == (day, PublishedHow.TEXT)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_and_answers_consistently(text: str) -> None:
    day, how = found(text)
    assert (day is None) == (how is PublishedHow.UNKNOWN)
    if day is not None:
        assert date(1900, 1, 1) <= day <= TODAY


# --- labelled lines --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Headline\nworld Updated: Aug 9, 2008 10:15 IST\n\n{BODY}", date(2008, 8, 9)),
        (f"Headline (Agency) Updated: 2008-08-09 10:15\n{BODY}", date(2008, 8, 9)),
        (f"Headline\nWire Updated - August 9, 2008 at 10:15 PM.\n\n{BODY}", date(2008, 8, 9)),
        (f"Headline\nLast modified: 9 August 2008\n\n{BODY}", date(2008, 8, 9)),
        (f"Headline\nFirst published on Saturday 9 August 2008\n\n{BODY}", date(2008, 8, 9)),
        (f"Headline\nDate: 2008-08-09\n\n{BODY}", date(2008, 8, 9)),
        (f"Headline\nAugust 9, 2008 Updated: August 11, 2008\n\n{BODY}", date(2008, 8, 9)),
    ],
)
def test_labelled_lines(text: str, expected: date) -> None:
    assert found(text) == (expected, PublishedHow.TEXT)


@pytest.mark.parametrize(
    "text",
    [
        "Headline\nPUBLISHED : Saturday, 9 August, 2008, 6:02am\nUPDATED : 12 August, 2008\n",
        "Headline\nUPDATED : 12 August, 2008\nPUBLISHED : Saturday, 9 August, 2008, 6:02am\n",
        f"Headline\nWire Updated - August 12, 2008\n\n{BODY}\n\nPublished on 9 Aug 2008\n",
    ],
)
def test_the_earliest_of_published_and_updated_is_the_publication(text: str) -> None:
    assert found(text + BODY) == (date(2008, 8, 9), PublishedHow.TEXT)


def test_a_lower_case_label_inside_a_sentence_is_no_label() -> None:
    text = f"{BODY} The report was updated on May 2, 2019 after review."
    assert found(text) == (date(2019, 5, 2), PublishedHow.INFERRED)


@pytest.mark.parametrize(
    "text",
    [
        f"date 2019-04-11 The hotline between the two navies was tested. {BODY}",
        f"Date: 2019-04-11\nHeadline\n\n{BODY}",
        f"DATE 2019-04-11 Headline\n\n{BODY}",
    ],
)
def test_a_leading_metadata_line_is_a_labelled_date(text: str) -> None:
    assert found(text) == (date(2019, 4, 11), PublishedHow.TEXT)


@pytest.mark.parametrize("line", ["date 2019-02-30", "date 0000-01-01", "date 2031-01-01"])
def test_an_impossible_metadata_date_gives_nothing(line: str) -> None:
    assert found(f"{line} {BODY}") == (None, PublishedHow.UNKNOWN)


def test_a_month_metadata_line_counts_only_first() -> None:
    text = f"Headline\n\nROME, April 11. /Agency/. {BODY}\ndate 2019-04"
    assert found(text) == (None, PublishedHow.UNKNOWN)


# --- widgets and clocks ----------------------------------------------------------------

WIDGET = "Today in Lisbon, Portugal\nMar 2, 2021-Tuesday\nLisbon\n  • Humidity\n  • Wind"


def test_a_widget_date_loses_to_a_labelled_line() -> None:
    text = (
        f"Headline | site\n{WIDGET}\n\nHeadline\n\nsection Updated: Aug 9, 2008 10:15 IST\n\n{BODY}"
    )
    assert found(text) == (date(2008, 8, 9), PublishedHow.TEXT)


def test_a_widget_date_is_not_even_a_mention() -> None:
    text = f"Headline\n{WIDGET}\n\n{BODY} Talks were held on May 3, 2008."
    assert found(text) == (date(2008, 5, 3), PublishedHow.INFERRED)
    assert found(f"Headline\n{WIDGET}\n\n{BODY}") == (None, PublishedHow.UNKNOWN)


@pytest.mark.parametrize(
    "line",
    [
        "Copyright © 2024 Some Paper, Jan 3, 2024",
        "Weather\nJan 3, 2024",
        "Jan 3, 2024\nNikkei 225  38,120.5",
        "Jan 3, 2024\n21°C Lisbon",
    ],
)
def test_widget_lines_give_no_date(line: str) -> None:
    assert found(f"Headline\n{line}\n\n{BODY}") == (None, PublishedHow.UNKNOWN)


def test_a_clock_far_after_every_other_date_is_left_out() -> None:
    text = (
        f"Headline\nTuesday, March 5, 2024\n\n{BODY}\nThe envoys met on May 3, 2008.\n"
        "They spoke again on June 9, 2008."
    )
    assert found(text) == (date(2008, 6, 9), PublishedHow.INFERRED)


def test_a_date_line_with_only_one_older_date_is_no_clock() -> None:
    text = f"Headline\nTuesday, March 5, 2024\n\n{BODY}\nThe envoys first met on May 3, 2008."
    assert found(text) == (date(2024, 3, 5), PublishedHow.TEXT)


def test_a_masthead_founding_date_is_no_mention() -> None:
    assert found(f"The Daily Paper\nRiverton, Ohio  Est. May 19, 1923\n\n{BODY}") == (
        None,
        PublishedHow.UNKNOWN,
    )


# --- datelines -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"- Wire Service - Tuesday, May 6, 2014\n\n{BODY}", date(2014, 5, 6)),
        (f"Headline\n- The Daily Paper - Tuesday, May 6, 2014\n\n{BODY}", date(2014, 5, 6)),
        (f"Headline\n08:15 GMT +214 March 2018\n\n{BODY}", date(2018, 3, 14)),
        (f"Headline\n08:15 GMT +2 14 March 2018\n\n{BODY}", date(2018, 3, 14)),
        (f"Headline\n\nOSLO, Oct. 9, 2012 The minister arrived. {BODY}", date(2012, 10, 9)),
        (
            f"Headline\n\n0 Comments Print The Daily Paper, October 9, 2012\n{BODY}",
            date(2012, 10, 9),
        ),
    ],
)
def test_datelines_and_source_lines(text: str, expected: date) -> None:
    assert found(text) == (expected, PublishedHow.TEXT)


def test_a_tweet_signature_is_no_source_line() -> None:
    text = f"Headline\n{BODY}\n- A Minister (@minister) - May 10, 2019\n{BODY}"
    assert found(text) == (date(2019, 5, 10), PublishedHow.INFERRED)


# --- dates without a year --------------------------------------------------------------


def test_a_month_metadata_line_gives_the_year_of_a_dateline() -> None:
    text = f"date 2019-04 ROME, April 11. /Agency/. {BODY}"
    assert found(text) == (date(2019, 4, 11), PublishedHow.TEXT)


def test_a_month_metadata_line_of_another_month_gives_nothing() -> None:
    assert found(f"date 2019-05 ROME, April 11. /Agency/. {BODY}") == (None, PublishedHow.UNKNOWN)


@pytest.mark.parametrize(
    "dateline",
    [
        "SEOUL, June 9 (Agency) —",
        "ROME, June 9. /Agency/.",
        "OSLO (June 9) --",
        "NEW DELHI, 9 June (Agency) -",
        "ST. PETERSBURG, June 9.",
    ],
)
def test_a_dateline_without_a_year_takes_it_from_the_html_date(dateline: str) -> None:
    text = f"Headline\n\n{dateline} {BODY}"
    assert found(text, meta=date(2019, 6, 10)) == (date(2019, 6, 9), PublishedHow.TEXT)


def test_a_dateline_without_a_year_takes_it_from_the_same_day_shown_with_one() -> None:
    text = f"Headline\n\nSEOUL, June 9 (Agency) — {BODY}\nThe ministers met on June 9, 2019 too."
    assert found(text) == (date(2019, 6, 9), PublishedHow.TEXT)


def test_a_dateline_without_a_year_is_inferred_after_the_latest_date_mentioned() -> None:
    text = f"Headline\n\nSEOUL, June 9 (Agency) — {BODY}\nA pact was signed on 2 March 2019."
    assert found(text) == (date(2019, 6, 9), PublishedHow.INFERRED)
    text = f"Headline\n\nSEOUL, Feb. 9 (Agency) — {BODY}\nA pact was signed on 2 March 2019."
    assert found(text) == (date(2020, 2, 9), PublishedHow.INFERRED)


def test_a_date_and_time_line_takes_its_year_from_elsewhere() -> None:
    text = f"date 2017-05\nHeadline\nMay 4, 10:12 UTC+3 LISBON\n\n{BODY}"
    assert found(text) == (date(2017, 5, 4), PublishedHow.TEXT)


def test_a_weekday_with_a_date_must_agree_with_the_year() -> None:
    text = (
        "BERGEN: The ministry said on Friday (May 6) that it was halting the talks with the "
        f"neighbouring state. {BODY} A pact was signed on 1 March 2021."
    )
    # 6 May 2021 was a Thursday; the next Friday 6 May is in 2022
    assert found(text) == (date(2022, 5, 6), PublishedHow.INFERRED)


def test_a_day_without_a_year_and_without_other_dates_gives_nothing() -> None:
    text = (
        "BERGEN: The ministry said on Friday (May 6) that it was halting the talks with the "
        f"neighbouring state. {BODY}"
    )
    assert found(text) == (None, PublishedHow.UNKNOWN)
    assert found(f"Headline\n\nMOSCOW, November 26. {BODY}") == (None, PublishedHow.UNKNOWN)


def test_a_day_without_a_year_in_lower_case_prose_is_no_dateline() -> None:
    text = f"Headline\n\nThe ministers met on June 9. {BODY}\nA pact was signed on 2 March 2019."
    assert found(text) == (date(2019, 3, 2), PublishedHow.INFERRED)


def test_a_number_and_a_month_in_prose_are_no_date() -> None:
    text = f"Headline here\n\n{BODY} The figure is on page 17, December 2019 edition."
    assert found(text) == (None, PublishedHow.UNKNOWN)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("15:06 21/09/2015", date(2015, 9, 21)),
        ("21.09.2015", date(2015, 9, 21)),
        ("09/21/2015", date(2015, 9, 21)),
        ("Wed, 05/12/2010", date(2010, 5, 12)),
        ("Sun, 05/12/2010", date(2010, 12, 5)),
        # A byline that ends in a time and a date in numbers.
        ("Sport staff 15:06 21/09/2015", date(2015, 9, 21)),
        ("By Jane Roe 9.30 am 13/03/2019", date(2019, 3, 13)),
    ],
)
def test_a_numeric_date_line_read_where_the_order_is_settled(line: str, expected: date) -> None:
    assert found(f"Headline here\n{line}\n\n{BODY}") == (expected, PublishedHow.TEXT)


@pytest.mark.parametrize("line", ["04/01/2018", "Sport staff 10:00 04/01/2018"])
def test_an_ambiguous_numeric_date_is_not_guessed(line: str) -> None:
    assert found(f"Headline here\n{line}\n\n{BODY}") == (None, PublishedHow.UNKNOWN)


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=date(1990, 1, 1), max_value=TODAY), st.booleans())
def test_a_numeric_date_with_its_weekday(day: date, day_first: bool) -> None:
    numbers = day.strftime("%d/%m/%Y" if day_first else "%m/%d/%Y")
    got, _ = found(f"Headline here\n{day.strftime('%A')}, {numbers}\n\n{BODY}")
    try:
        other: date | None = date(day.year, day.day, day.month)  # read the other way
    except ValueError:
        other = None
    if other is None or other == day or other.weekday() != day.weekday():
        assert got == day
    else:
        assert got is None


def test_a_forum_member_card_date_is_no_publication_date() -> None:
    text = (
        "Headline of the thread\n\nmember\n\nELITE MEMBER\nNov 4, 2011\n54,790\n-23\n97,440\n"
        f"Country\nChina\n\nJANE ROE\nFri, February 10, 2023 at 1:17 PM GMT+8\n\n{BODY}"
    )
    assert found(text) == (date(2023, 2, 10), PublishedHow.TEXT)


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("2019-03-14 10:05Newswire Editor: A. Writer", date(2019, 3, 14)),
        ("2019-03-14 10:05:33   source: Newswire", date(2019, 3, 14)),
        ("March 14, 2019 10:05 AM EST", date(2019, 3, 14)),
        ("Thursday, 14 March 2019, 10:05 | Staff reporter", date(2019, 3, 14)),
    ],
)
def test_a_head_line_opening_with_a_date_and_a_time_is_the_stamp(
    stamp: str, expected: date
) -> None:
    text = f"Headline of the story\n\n{stamp}\n\n{BODY} On March 1, 2019 it began."
    assert found(text) == (expected, PublishedHow.TEXT)


def test_a_stamp_ranks_after_a_bare_date_line_and_the_html_date() -> None:
    stamp = "2019-03-15 01:05:33   source: Newswire"
    text = f"Headline of the story\n\n{stamp}\n\nMarch 14, 2019\n\n{BODY}"
    assert found(text) == (date(2019, 3, 14), PublishedHow.TEXT)
    assert found(f"Headline\n\n{stamp}\n\n{BODY}", meta=date(2019, 3, 14)) == (
        date(2019, 3, 14),
        PublishedHow.TEXT,
    )


@pytest.mark.parametrize(
    "line",
    [
        # a date without a time of day that opens a sentence of prose
        "2019-03-14 was the day the talks between the two defense ministries resumed.",
        # a stamp deep in the body, in a list of related stories
        None,
    ],
)
def test_what_is_no_stamp(line: str | None) -> None:
    if line is None:
        filler = "\n\n".join(f"Paragraph {n} of the story says little." for n in range(8))
        text = f"Headline\n\n{BODY}\n\n{filler}\n\n2019-03-14 10:05 Related story"
    else:
        text = f"Headline\n\n{line}\n\n{BODY}"
    assert found(text)[1] is not PublishedHow.TEXT


@pytest.mark.parametrize(
    ("stamp", "dateline", "expected"),
    [
        # the portal reposted the story weeks after its dateline
        ("Author:Portal staffSource:news2019-05-21 21:56:05", "OSLO, April 12", date(2019, 4, 12)),
        # a stamp early in January: the dateline's day is in the year before
        ("Source:wire2020-01-03 08:00", "OSLO, Dec. 30", date(2019, 12, 30)),
        ("Newsdesk2021-03-03 10:15 | 3 min read", "ROME, March 2", date(2021, 3, 2)),
    ],
)
def test_a_dateline_without_a_year_takes_it_from_the_stamp_after_it(
    stamp: str, dateline: str, expected: date
) -> None:
    text = f"Headline of the story\n\n{stamp}\n\n{dateline} (Agency) -- {BODY}"
    assert found(text) == (expected, PublishedHow.TEXT)


def test_a_stamp_inside_a_long_line_of_prose_is_no_stamp() -> None:
    prose = (
        "The ministry said in a statement it had sent on 2019-05-21 21:56 that the talks "
        "between the defense ministries of the two countries had been useful and open."
    )
    text = f"Headline of the story\n\n{prose}\n\nOSLO, April 12 (Agency) -- {BODY}"
    assert found(text)[0] != date(2019, 4, 12)


def test_a_labelled_date_in_the_head_of_a_page_saved_as_one_line() -> None:
    prose = "Beijing will suspend the exchanges with Washington, the ministry said. " * 4
    text = f"World News Beijing halts exchanges By A Writer Posted Jan 30, 2010 3:43 AM CST {prose}"
    assert "\n" not in text and len(text) > 150
    assert found(text) == (date(2010, 1, 30), PublishedHow.TEXT)


def test_a_label_deep_in_a_page_saved_as_one_line_is_no_stamp() -> None:
    prose = "The two sides talked about the future of the line and their plans. " * 6
    text = f"{prose}Posted Jan 30, 2010 was when the plan began."
    assert found(text)[1] is not PublishedHow.TEXT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Headline\nUpdated: 3 JUNE 19 08:10 ET\n\n{BODY}", date(2019, 6, 3)),
        (f"Headline\nFirst published: 21 Feb 17\n\n{BODY}", date(2017, 2, 21)),
        (
            f"Headline\nBy Agency Published Date - 9:40 AM, Tue - 14 May 19\n{BODY}",
            date(2019, 5, 14),
        ),
        (f"Headline\nPosted: 30 Nov 98 | 17:02\n\n{BODY}", date(1998, 11, 30)),
    ],
)
def test_a_labelled_date_with_two_digits_of_its_year(text: str, expected: date) -> None:
    assert found(text) == (expected, PublishedHow.TEXT)


@pytest.mark.parametrize(
    "line",
    [
        "Posted 14 May 22:15",  # a day and a time of day, no year
        "Posted on 12 May 22 delegates arrived at the venue.",  # a count, not a year
        "Updated 3 June 19th century maps",
    ],
)
def test_two_digits_after_a_day_and_month_are_no_year_unless_they_end_the_date(
    line: str,
) -> None:
    assert found(f"Headline\n{line}\n\n{BODY}") == (None, PublishedHow.UNKNOWN)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Updated: 04-11-2018 10:12 IST", date(2018, 11, 4)),
        ("• Published: 07/03/2016 18:30 PKT", date(2016, 3, 7)),
        ("Last updated 02.01.2020 09:05 AEDT", date(2020, 1, 2)),
        ("Updated: 04-11-2018 10:12 EST", None),  # month-first zones stay ambiguous
        ("Updated: 04-11-2018", None),  # no zone, no weekday: ambiguous
        ("Updated: 25-11-2018 10:12 EST", date(2018, 11, 25)),  # a day above 12 settles it
        ("Updated: 04-11/2018 10:12 IST", None),  # mixed signs are no date
    ],
)
def test_a_numeric_date_before_a_day_first_time_zone_reads_day_first(
    line: str, expected: date | None
) -> None:
    day, _ = found(f"Headline\n{line}\n\n{BODY}")
    assert day == expected


CLUTTER = "\n".join(
    [
        "Follow us on every network",
        "Breaking: a storm closes the harbour | Markets rally after the budget | "
        "A new bridge opens in the capital after years of delays and disputes",
        "Home | World | Politics",
    ]
)


def test_a_dateline_with_its_agency_below_the_clutter_takes_the_year_shown_with_its_day() -> None:
    text = (
        f"March 2, 2024 09:10 am (IST)\n{CLUTTER}\nOct 4, 2017, at 06:15 pm\n"
        f"Pune, Oct 4 (Agency): The minister on Wednesday said the talks were off. {BODY}"
    )
    assert found(text) == (date(2017, 10, 4), PublishedHow.TEXT)


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [
        # 12 May 2024 was a Sunday: the clock's own year fits "on Sunday"
        ("Pune, May 12 (Agency): The minister on Sunday said", date(2024, 5, 12)),
        # the day before the dateline fits too: "said on Saturday", filed on Sunday
        ("Pune, May 12 (Agency): The minister on Saturday said", date(2024, 5, 12)),
        # 12 May 2024 was no Tuesday: the year is unknown, the clock is no answer
        ("Pune, May 12 (Agency): The minister on Tuesday said", None),
        # no weekday named: nothing tells the year
        ("Pune, May 12 (Agency): The minister said", None),
    ],
)
def test_a_head_date_far_after_the_dateline_is_the_page_clock(
    dateline: str, expected: date | None
) -> None:
    text = f"May 28, 2024 11:05 pm\n{CLUTTER}\n{dateline} the talks were off. {BODY}"
    assert found(text)[0] == expected


@pytest.mark.parametrize(
    "dateline",
    [
        # published the day after the dateline: the date line is the publication's
        "PUNE, May 19 (Agency) - The minister on Sunday said the talks were off.",
        # the same day
        "PUNE, May 20 (Agency) - The minister on Monday said the talks were off.",
    ],
)
def test_a_head_date_within_a_week_of_the_dateline_stays_the_publication(dateline: str) -> None:
    text = f"Headline\nMay 20, 2024\n\n{dateline} {BODY}"
    assert found(text) == (date(2024, 5, 20), PublishedHow.TEXT)


@pytest.mark.parametrize(
    "line",
    [
        "Pune, May 12: The minister on Sunday said the talks were off.",  # no agency
        "The minister in Pune, May 12 (Agency): said the talks were off.",  # not opening
        "pune, May 12 (Agency): the minister on Sunday said the talks were off.",  # lower case
    ],
)
def test_what_is_no_dateline_below_the_clutter(line: str) -> None:
    text = f"May 28, 2024 11:05 pm\n{CLUTTER}\n{line} {BODY}"
    assert found(text) == (date(2024, 5, 28), PublishedHow.TEXT)
