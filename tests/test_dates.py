"""Time expressions of news text and the intervals they resolve to.

Each case is a sentence of our own, the day it was published, and what the expression in
it must resolve to. Near misses (a verb "may", a "protest march", "2,015 troops") must
resolve to nothing.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from _pytest.mark import ParameterSet
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.dates import (
    TimeExpression,
    _find_times_slowly,
    counted_on,
    day_anchor,
    find_times,
    publication_interval,
    year_anchor,
)
from tracker.extract import extract
from tracker.vocab import DateHow, Precision

D, M, Y, R = Precision.DAY, Precision.MONTH, Precision.YEAR, Precision.RANGE
EXP, REL = DateHow.EXPLICIT, DateHow.RELATIVE

THU = date(2017, 2, 16)  # a Thursday
MAY23 = date(2023, 5, 10)  # a Wednesday in May
JAN11 = date(2011, 1, 7)  # a Friday early in January
NEWYEAR = date(2024, 1, 2)  # a Tuesday just after a year boundary
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def d(text: str) -> date:
    return date.fromisoformat(text)


def only(sentence: str, published: date | None, anchor: date | None = None) -> TimeExpression:
    """The one expression the sentence must hold."""
    found = find_times(sentence, published, anchor=anchor)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


def check(sentence: str, published: date | None, expected: tuple[object, ...]) -> None:
    """expected = (text, earliest, latest, precision, how)."""
    got = only(sentence, published)
    text, earliest, latest, precision, how = expected
    assert (got.text, got.earliest, got.latest, got.precision, got.how) == (
        text,
        earliest if isinstance(earliest, date) else d(str(earliest)),
        latest if isinstance(latest, date) else d(str(latest)),
        precision,
        how,
    )


# ------------------------------------------------------------------------------ tables
# One case a line: sentence | expected text | interval | precision (see `table`)


PRECISIONS = {"d": D, "m": M, "y": Y, "r": R}


def first_day(token: str) -> date:
    """The first day of "2015", "2015-09" or "2015-09-14"."""
    parts = [int(p) for p in token.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def last_day(token: str) -> date:
    """The last day of "2015", "2015-09" or "2015-09-14"."""
    parts = [int(p) for p in token.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(parts[0], parts[1], parts[2])


def table(published: date | None, how: DateHow, rows: str) -> list[ParameterSet]:
    """Cases from lines "sentence | expected text | interval | precision".

    The interval is "first..last" or one token for both; a token is a day (2015-09-14),
    a month (2015-09) or a year (2015), meaning its first day at the start and its last
    day at the end. A shorter last token takes its leading parts from the first:
    "2015-03-01..08" ends on 8 March 2015. The precision is d, m, y or r.
    """
    cases = []
    for line in rows.strip().splitlines():
        sentence, text, interval, precision = (part.strip() for part in line.split(" | "))
        start, _, end = interval.partition("..")
        end = start[: len(start) - len(end)] + end  # "2015-03-01..08": the year and month go on
        expected = (text, first_day(start), last_day(end), PRECISIONS[precision], how)
        cases.append(pytest.param(sentence, published, expected, id=f"{published}: {sentence}"))
    return cases


EXPLICIT = """
Defense chiefs spoke by phone on Jan. 7, 2011, officials said. | Jan. 7, 2011 | 2011-01-07 | d
The hotline was last used on January 7, 2011. | January 7, 2011 | 2011-01-07 | d
Talks broke off on 7 January 2011 in Geneva. | 7 January 2011 | 2011-01-07 | d
Talks broke off on 7th January 2011 in Geneva. | 7th January 2011 | 2011-01-07 | d
The envoys met on January 7th, 2011 at the embassy. | January 7th, 2011 | 2011-01-07 | d
The envoys met on January 7 2011 at the embassy. | January 7 2011 | 2011-01-07 | d
The envoys met on 1 February, 2011 at the embassy. | 1 February, 2011 | 2011-02-01 | d
The line was cut on 2011-01-07 according to the log. | 2011-01-07 | 2011-01-07 | d
The line was cut on 2011/01/07 according to the log. | 2011/01/07 | 2011-01-07 | d
The notice is dated 25/12/2011 and signed by both. | 25/12/2011 | 2011-12-25 | d
The notice is dated 12/25/2011 and signed by both. | 12/25/2011 | 2011-12-25 | d
The notice is dated 25.12.2011 and signed by both. | 25.12.2011 | 2011-12-25 | d
The notice is dated 05/05/2011 and signed by both. | 05/05/2011 | 2011-05-05 | d
WASHINGTON, JAN. 7, 2011 — The defense chiefs met. | JAN. 7, 2011 | 2011-01-07 | d
The ministers met on Thursday, Feb. 16, 2017, in Bonn. | Thursday, Feb. 16, 2017 | 2017-02-16 | d
Dated Thu, Feb 16, 2017, the memo describes the call. | Thu, Feb 16, 2017 | 2017-02-16 | d
A call was held on the 3rd of March, 2015, they said. | the 3rd of March, 2015 | 2015-03-03 | d
The accord was signed on Feb. 29, 2016 in Minsk. | Feb. 29, 2016 | 2016-02-29 | d
Contacts were frozen in May 2023 after the incident. | May 2023 | 2023-05 | m
Contacts were frozen in March of 2015 after the incident. | March of 2015 | 2015-03 | m
The channel was set up in Sept. 2014 by both navies. | Sept. 2014 | 2014-09 | m
The channel was set up in Feb 2016 by both navies. | Feb 2016 | 2016-02 | m
The channel was set up in December, 2009 by both navies. | December, 2009 | 2009-12 | m
The channel was set up in 2010 by both navies. | 2010 | 2010 | y
In 2010 the channel was set up by both navies. | 2010 | 2010 | y
The two sides resumed talks in 2023. | 2023 | 2023 | y
2015's talks were the last for a while. | 2015 | 2015 | y
Talks were held throughout 1999, when relations thawed. | 1999 | 1999 | y
The treaty expires in 2026 unless both extend it. | 2026 | 2026 | y
The talks were postponed to 2025. | 2025 | 2025 | y
No talks have been held since before 2012, officials said. | 2012 | 2012 | y
The dialogue was suspended in the 1990s several times. | 1990s | 1990..1999 | r
The dialogue was suspended in the '90s several times. | '90s | 1990..1999 | r
The dialogue was suspended in the 2000s several times. | 2000s | 2000..2009 | r
The hotline went quiet in late 2015 and stayed so. | late 2015 | 2015-09..2015-12 | r
The hotline went quiet in early 2015 and stayed so. | early 2015 | 2015-01..2015-04 | r
The hotline went quiet in mid-2015 and stayed so. | mid-2015 | 2015-05..2015-08 | r
The hotline went quiet in mid 2015 and stayed so. | mid 2015 | 2015-05..2015-08 | r
The hotline went quiet in late August 2015. | late August 2015 | 2015-08-21..31 | r
The hotline went quiet in early February 2015. | early February 2015 | 2015-02-01..10 | r
The hotline went quiet in mid-June 2015. | mid-June 2015 | 2015-06-11..20 | r
The hotline went quiet by the end of 2015. | the end of 2015 | 2015-10..2015-12 | r
The hotline went quiet at the very start of 2015. | the very start of 2015 | 2015-01..2015-03 | r
It went quiet at the beginning of March 2015. | the beginning of March 2015 | 2015-03-01..08 | r
The line was idle through the first half of 2016. | the first half of 2016 | 2016-01..2016-06 | r
The line was idle in the second half of 2016. | the second half of 2016 | 2016-07..2016-12 | r
The line was idle in the third quarter of 2016. | the third quarter of 2016 | 2016-07..2016-09 | r
Visits stopped in the early 1990s, diplomats say. | early 1990s | 1990..1993 | r
Visits stopped in the mid-1990s, diplomats say. | mid-1990s | 1993..1996 | r
Visits stopped in the late 1990s, diplomats say. | late 1990s | 1996..1999 | r
Exercises were cancelled between 2014 and 2016. | between 2014 and 2016 | 2014..2016 | r
Exercises were cancelled from 2014 to 2016. | from 2014 to 2016 | 2014..2016 | r
Exercises were cancelled from 2014 until 2016. | from 2014 until 2016 | 2014..2016 | r
Exercises were cancelled from March to May 2019. | from March to May 2019 | 2019-03..2019-05 | r
Drills were off between March and May 2019. | between March and May 2019 | 2019-03..2019-05 | r
Off from Dec. 2018 to Feb. 2019. | from Dec. 2018 to Feb. 2019 | 2018-12..2019-02 | r
Off from December to February 2019. | from December to February 2019 | 2018-12..2019-02 | r
Drills were off from March 2014 through 2016. | from March 2014 through 2016 | 2014-03..2016-12 | r
Exercises were cancelled in 2014-2016 amid tension. | 2014-2016 | 2014..2016 | r
Exercises were cancelled in 2014–16 amid tension. | 2014–16 | 2014..2016 | r
Exercises were cancelled in March–May 2019 amid tension. | March–May 2019 | 2019-03..2019-05 | r
Talks were held March 3-5, 2019, in Hanoi. | March 3-5, 2019 | 2019-03-03..05 | r
Talks were held 3–5 March 2019 in Hanoi. | 3–5 March 2019 | 2019-03-03..05 | r
Talks ran from Jan. 3 to Jan. 7, 2011. | from Jan. 3 to Jan. 7, 2011 | 2011-01-03..07 | r
Talks ran between 3 and 7 January 2011. | between 3 and 7 January 2011 | 2011-01-03..07 | r
Inspections took place in 2014 and 2015 under the treaty. | 2014 and 2015 | 2014..2015 | r
Talks were held in March and April 2019 in Hanoi. | March and April 2019 | 2019-03..2019-04 | r
The summit took place in the summer of 2015. | the summer of 2015 | 2015-06..2015-08 | r
The summit took place in autumn 2015. | autumn 2015 | 2015-09..2015-11 | r
The summit took place in the fall of 2015. | the fall of 2015 | 2015-09..2015-11 | r
The line froze in the winter of 2015. | the winter of 2015 | 2014-12..2015-02 | r
It was restored in the last week of March 2015. | the last week of March 2015 | 2015-03-25..31 | r
The line was restored in the first week of 2015. | the first week of 2015 | 2015-01-01..07 | r
It was restored in the second week of May 2019. | the second week of May 2019 | 2019-05-08..14 | r
Exchanges dropped sharply in Q3 2015, the report says. | Q3 2015 | 2015-07..2015-09 | r
Exchanges dropped sharply in 2016 Q1, the report says. | 2016 Q1 | 2016-01..2016-03 | r
"""


@pytest.mark.parametrize(("sentence", "published", "expected"), table(THU, EXP, EXPLICIT))
def test_explicit(sentence: str, published: date, expected: tuple[object, ...]) -> None:
    check(sentence, published, expected)
    # an explicit expression needs no publication date
    check(sentence, None, expected)


# --------------------------------------------------------------------------- weekdays
# A bare weekday is the latest such day on or before publication: a Thursday article
# saying "on Thursday" means that very day. Future tense makes it the next one.

WEEKDAYS_THU = """
China suspended the talks on Thursday, a spokesman said. | Thursday | 2017-02-16 | d
China suspended the talks on Tuesday, a spokesman said. | Tuesday | 2017-02-14 | d
The defense ministers spoke Friday by phone. | Friday | 2017-02-10 | d
On Sunday the hotline rang again after a long silence. | Sunday | 2017-02-12 | d
Officials confirmed the call on Monday morning. | Monday morning | 2017-02-13 | d
Thursday's call lasted an hour, the ministry said. | Thursday | 2017-02-16 | d
The call was made late Wednesday, officials said. | late Wednesday | 2017-02-15 | d
THE CALL WAS MADE ON WEDNESDAY, OFFICIALS SAID. | WEDNESDAY | 2017-02-15 | d
The two defense chiefs will meet on Friday in Munich. | Friday | 2017-02-17 | d
The two defense chiefs will meet on Thursday in Munich. | Thursday | 2017-02-16 | d
The envoys are scheduled to hold talks on Monday. | Monday | 2017-02-20 | d
The talks are set to resume on Thursday, diplomats said earlier. | Thursday | 2017-02-16 | d
A round of talks is due to be held on Tuesday. | Tuesday | 2017-02-21 | d
Seoul plans to reopen the line on Wednesday. | Wednesday | 2017-02-22 | d
Talks are expected to take place on Saturday. | Saturday | 2017-02-18 | d
They’ll meet on Saturday, the envoy said beforehand. | Saturday | 2017-02-18 | d
The ministers will meet next Friday in Munich. | next Friday | 2017-02-17 | d
The ministers will meet next Thursday in Munich. | next Thursday | 2017-02-23 | d
The ministers will meet this coming Monday in Munich. | this coming Monday | 2017-02-20 | d
The ministers met last Thursday in Munich. | last Thursday | 2017-02-09 | d
The ministers met last Wednesday in Munich. | last Wednesday | 2017-02-15 | d
The ministers met this past Sunday in Munich. | this past Sunday | 2017-02-12 | d
The ministers will meet again, officials said on Tuesday. | Tuesday | 2017-02-14 | d
Gen. Li will not call, Mr. Mattis said on Monday. | Monday | 2017-02-13 | d
The talks will go on. Officials met on Tuesday to plan them. | Tuesday | 2017-02-14 | d
The next round of talks was held on Monday in Geneva. | Monday | 2017-02-13 | d
Seoul will restore the line that was cut on Monday. | Monday | 2017-02-13 | d
On Tuesday, the envoy will fly to Seoul for talks. | Tuesday | 2017-02-21 | d
On Friday the two ministers are scheduled to meet in Munich. | Friday | 2017-02-17 | d
On Tuesday, the envoy said he will fly to Seoul. | Tuesday | 2017-02-14 | d
On Tuesday, the two envoys met in Seoul. | Tuesday | 2017-02-14 | d
By Monday, the line had been cut and it will stay so. | Monday | 2017-02-13 | d
"""

WEEKDAYS_NEWYEAR = """
The line was cut on Friday after the drills. | Friday | 2023-12-29 | d
The line will be restored on Friday, Seoul said earlier. | Friday | 2024-01-05 | d
Talks took place on Sunday in Panmunjom. | Sunday | 2023-12-31 | d
The envoys spoke last Tuesday by phone. | last Tuesday | 2023-12-26 | d
The envoys spoke on Tuesday by phone. | Tuesday | 2024-01-02 | d
"""


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    table(THU, REL, WEEKDAYS_THU) + table(NEWYEAR, REL, WEEKDAYS_NEWYEAR),
)
def test_weekdays(sentence: str, published: date, expected: tuple[object, ...]) -> None:
    check(sentence, published, expected)


@pytest.mark.parametrize(
    "sentence", [line.split(" | ")[0] for line in WEEKDAYS_THU.strip().splitlines()]
)
def test_relative_needs_publication(sentence: str) -> None:
    assert find_times(sentence, None) == []


# ------------------------------------------------------------------ calendar relatives

RELATIVE_THU = """
The ministers spoke today by phone. | today | 2017-02-16 | d
The ministers will speak tonight by phone. | tonight | 2017-02-16 | d
The ministers spoke yesterday by phone. | yesterday | 2017-02-15 | d
The ministers spoke yesterday afternoon by phone. | yesterday afternoon | 2017-02-15 | d
The ministers will speak tomorrow by phone. | tomorrow | 2017-02-17 | d
The ministers spoke the day before yesterday. | the day before yesterday | 2017-02-14 | d
The ministers spoke by phone late last night. | last night | 2017-02-15 | d
The envoy said this morning that the channel is open. | this morning | 2017-02-16 | d
The hotline was tested this week, both sides said. | this week | 2017-02-13..19 | r
The hotline was tested last week, both sides said. | last week | 2017-02-06..12 | r
The hotline will be tested next week, both sides said. | next week | 2017-02-20..26 | r
The hotline was tested earlier this week, both sides said. | earlier this week | 2017-02-13..16 | r
The hotline will be tested later this week, both sides said. | later this week | 2017-02-16..19 | r
The hotline was tested this past week, both sides said. | this past week | 2017-02-09..16 | r
The line was tested over the past week. | over the past week | 2017-02-09..16 | r
Talks were suspended last month after the drills. | last month | 2017-01 | m
Talks were suspended earlier this month after the drills. | earlier this month | 2017-02-01..16 | r
Talks were suspended earlier in the month. | earlier in the month | 2017-02-01..16 | r
Talks were suspended this month after the drills. | this month | 2017-02 | m
Talks will resume later this month, the ministry said. | later this month | 2017-02-16..28 | r
Talks will resume next month, the ministry said. | next month | 2017-03 | m
China cut off the military hotline last year. | last year | 2016 | y
Contacts have improved this year, officials say. | this year | 2017 | y
Contacts will improve next year, officials say. | next year | 2018 | y
Contacts improved earlier this year, officials say. | earlier this year | 2017-01-01..02-16 | r
Contacts may improve later this year, officials say. | later this year | 2017-02-16..12-31 | r
Contacts improved last quarter, officials say. | last quarter | 2016-10..2016-12 | r
The hotline went quiet late last year. | late last year | 2016-09..2016-12 | r
The hotline went quiet at the end of last year. | the end of last year | 2016-10..2016-12 | r
The hotline went quiet at the end of the year. | the end of the year | 2017-10..2017-12 | r
The hotline went quiet early this year. | early this year | 2017-01..2017-04 | r
The hotline will be tested early next month. | early next month | 2017-03-01..10 | r
The hotline went quiet in mid-January. | mid-January | 2017-01-11..20 | r
The hotline went quiet in late December. | late December | 2016-12-21..31 | r
It went quiet in the last decade, experts say. | in the last decade | 2007-02-16..2017-02-16 | r
No calls were made in the past 24 hours. | in the past 24 hours | 2017-02-15..16 | r
The last call was made 48 hours ago, officials said. | 48 hours ago | 2017-02-14 | d
The last call was made twelve hours ago, officials said. | twelve hours ago | 2017-02-15..16 | r
The line has been silent for hours, officials said. | for hours | 2017-02-15..16 | r
Quiet over the past weeks and months. | over the past weeks and months | 2016-08-16..2017-02-16 | r
Envoys met the other day in Geneva. | the other day | 2017-02-09..16 | r
Earlier in the day, the North cut the liaison line. | Earlier in the day | 2017-02-16 | d
The call finally took place later in the evening. | later in the evening | 2017-02-16 | d
The ministers met over the summer in Jakarta. | over the summer | 2016-06..2016-08 | r
The ministers will meet over the summer in Jakarta. | over the summer | 2017-06..2017-08 | r
The ministers met during the winter in Jakarta. | during the winter | 2016-12..2017-02 | r
Talks will be in the first week of next month. | the first week of next month | 2017-03-01..07 | r
The hotline was restored in the last week of March. | the last week of March | 2016-03-25..31 | r
Visits scheduled for Sunday were suspended by Beijing. | Sunday | 2017-02-19 | d
The meeting, which had been scheduled for Sunday, was cancelled. | Sunday | 2017-02-12 | d
The dialogue, set for mid-October, may not take place. | mid-October | 2017-10-11..20 | r
"""

RELATIVE_OTHER = [
    *table(
        JAN11,
        REL,
        "Last year, China cut off the military hotline. | Last year | 2010 | y",
    ),
    *table(
        JAN11,
        REL,
        "Talks were suspended last month after the drills. | last month | 2010-12 | m",
    ),
    *table(
        date(2016, 12, 5),
        REL,
        "Talks will resume next month, the ministry said. | next month | 2017-01 | m",
    ),
    *table(
        date(2016, 12, 31),
        REL,
        "Talks resumed earlier this month. | earlier this month | 2016-12 | r",
    ),
    *table(
        date(2016, 3, 31),
        REL,
        "Talks resumed a month ago. | a month ago | 2016-02 | m",
    ),
]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"), table(THU, REL, RELATIVE_THU) + RELATIVE_OTHER
)
def test_calendar_relatives(sentence: str, published: date, expected: tuple[object, ...]) -> None:
    check(sentence, published, expected)


# ---------------------------------------------------------------------- months, days
# "last August" is the latest August strictly before the publication month; "in August"
# the latest on or before it, unless the sentence says it is coming.

MONTHS_MAY23 = """
Military talks were suspended last August. | last August | 2022-08 | m
Military talks were suspended last May. | last May | 2022-05 | m
Military talks were suspended last March. | last March | 2023-03 | m
Military talks were suspended this past January. | this past January | 2023-01 | m
Military talks were suspended in August. | August | 2022-08 | m
Military talks were suspended in March. | March | 2023-03 | m
Military talks were suspended in May. | May | 2023-05 | m
Military talks were suspended during April. | April | 2023-04 | m
Military talks were suspended in Oct. and have not resumed. | Oct. | 2022-10 | m
Military talks were suspended in july, a forum post says. | july | 2022-07 | m
The defense chiefs will meet in August in Singapore. | August | 2023-08 | m
The defense chiefs are expected to meet in March. | March | 2024-03 | m
The defense chiefs are due to meet in May. | May | 2023-05 | m
The defense chiefs will meet next March. | next March | 2024-03 | m
The defense chiefs met this March. | this March | 2023-03 | m
The ministers have not met since the talks in Jan. ended. | Jan. | 2023-01 | m
The defense chiefs met in mid-April. | mid-April | 2023-04-11..20 | r
The defense chiefs met in late May. | late May | 2022-05-21..31 | r
The defense chiefs will meet in late June. | late June | 2023-06-21..30 | r
The defense chiefs met between March and April. | between March and April | 2023-03..2023-04 | r
The defense chiefs met from January to March. | from January to March | 2023-01..2023-03 | r
The defense chiefs met from November to February. | from November to February | 2022-11..2023-02 | r
"""

MONTHS_JAN11 = """
Military talks were suspended in December. | December | 2010-12 | m
Military talks were suspended last December. | last December | 2010-12 | m
Military talks were suspended last January. | last January | 2010-01 | m
Military talks will resume in February. | February | 2011-02 | m
The North cut the lines in June last year. | June last year | 2010-06 | m
The North cut the lines in June of last year. | June of last year | 2010-06 | m
The lines were restored in January this year. | January this year | 2011-01 | m
The envoys will meet in August next year. | August next year | 2012-08 | m
The envoys met in November this year. | November this year | 2011-11 | m
"""


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    table(MAY23, REL, MONTHS_MAY23) + table(JAN11, REL, MONTHS_JAN11),
)
def test_months_without_year(sentence: str, published: date, expected: tuple[object, ...]) -> None:
    check(sentence, published, expected)


DAYS_MAY23 = """
The ministers met on Sept. 12 in Beijing. | Sept. 12 | 2022-09-12 | d
The ministers met on Sep 12 in Beijing. | Sep 12 | 2022-09-12 | d
The ministers met on May 3 in Beijing. | May 3 | 2023-05-03 | d
The ministers met on May 10 in Beijing. | May 10 | 2023-05-10 | d
The ministers met on May 11 in Beijing. | May 11 | 2022-05-11 | d
The ministers met on 12 September in Beijing. | 12 September | 2022-09-12 | d
The ministers met on the 2nd of May in Beijing. | the 2nd of May | 2023-05-02 | d
The ministers met on Feb. 29 in Beijing. | Feb. 29 | 2020-02-29 | d
The ministers will meet on May 11 in Beijing. | May 11 | 2023-05-11 | d
The ministers will meet on Jan. 3 in Beijing. | Jan. 3 | 2024-01-03 | d
The ministers met on May 3-4 in Beijing. | May 3-4 | 2023-05-03..04 | r
"""

DAYS_JAN11 = """
The ministers met on Dec. 30 in Beijing. | Dec. 30 | 2010-12-30 | d
The ministers met on Jan. 7 in Beijing. | Jan. 7 | 2011-01-07 | d
They met from Dec. 30 to Jan. 2 in Beijing. | from Dec. 30 to Jan. 2 | 2010-12-30..2011-01-02 | r
"""


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    table(MAY23, REL, DAYS_MAY23) + table(JAN11, REL, DAYS_JAN11),
)
def test_days_without_year(sentence: str, published: date, expected: tuple[object, ...]) -> None:
    check(sentence, published, expected)


# --------------------------------------------------------------------------- spans

SPANS_MAY23 = """
Military contacts have been frozen since 2014. | since 2014 | 2014-01-01..2023-05-10 | r
Military contacts have been frozen since August. | since August | 2022-08-01..2023-05-10 | r
Military contacts have been frozen since last year. | since last year | 2022-01-01..2023-05-10 | r
Military contacts have been frozen since March 2019. | since March 2019 | 2019-03-01..2023-05-10 | r
Contacts were frozen since Jan. 7, 2011. | since Jan. 7, 2011 | 2011-01-07..2023-05-10 | r
Contacts were frozen ever since late 2015. | ever since late 2015 | 2015-09-01..2023-05-10 | r
Military contacts have been frozen since the 1990s. | since the 1990s | 1990-01-01..2023-05-10 | r
Military contacts have been frozen since Tuesday. | since Tuesday | 2023-05-09..10 | r
Frozen since the summer of 2019. | since the summer of 2019 | 2019-06-01..2023-05-10 | r
Contacts ran from 2019 to the present. | from 2019 to the present | 2019-01-01..2023-05-10 | r
Contacts ran from 2019 until now. | from 2019 until now | 2019-01-01..2023-05-10 | r
Contacts were frozen from 2019 onwards. | from 2019 onwards | 2019-01-01..2023-05-10 | r
The chiefs spoke for the first time in two years. | in two years | 2021-05-10..2023-05-10 | r
A first time in more than a decade. | in more than a decade | 2013-05-10..2023-05-10 | r
The chiefs spoke for the first time in years. | in years | 2018-05-10..2023-05-10 | r
The line has been silent for more than a year. | for more than a year | 2022-05-10..2023-05-10 | r
No calls took place in the past two years. | in the past two years | 2021-05-10..2023-05-10 | r
No calls took place over the past year. | over the past year | 2022-05-10..2023-05-10 | r
No calls took place over the last 18 months. | over the last 18 months | 2021-11-10..2023-05-10 | r
No calls over the past couple of months. | over the past couple of months | 2023-02-10..05-10 | r
No calls took place in the past few weeks. | in the past few weeks | 2023-04-12..05-10 | r
No calls in the past several months. | in the past several months | 2022-11-10..2023-05-10 | r
No calls took place in the past decade. | in the past decade | 2013-05-10..2023-05-10 | r
No calls during the past three days. | during the past three days | 2023-05-07..10 | r
No calls took place in the last two years. | in the last two years | 2021-05-10..2023-05-10 | r
No calls for the past two years. | for the past two years | 2021-05-10..2023-05-10 | r
The hotline has gone unanswered in recent months. | in recent months | 2022-11-10..2023-05-10 | r
The hotline has gone unanswered in recent weeks. | in recent weeks | 2023-03-29..05-10 | r
The hotline has gone unanswered in recent days. | in recent days | 2023-05-03..10 | r
The hotline has gone unanswered in recent years. | in recent years | 2018-05-10..2023-05-10 | r
Calls went unanswered over recent months. | over recent months | 2022-11-10..2023-05-10 | r
Beijing recently declined a request for a call. | recently | 2022-05-10..2023-05-10 | r
Beijing has declined recent requests for a call. | recent | 2022-05-10..2023-05-10 | r
Beijing has until recently declined requests for a call. | recently | 2022-05-10..2023-05-10 | r
Contacts have lately been rare. | lately | 2022-11-10..2023-05-10 | r
Contacts have been rare of late. | of late | 2022-11-10..2023-05-10 | r
The line has been silent for months. | for months | 2022-11-10..2023-05-10 | r
The line has been silent for two years. | for two years | 2021-05-10..2023-05-10 | r
The line has been silent for nearly a year. | for nearly a year | 2022-05-10..2023-05-10 | r
The line has been silent for weeks. | for weeks | 2023-03-29..05-10 | r
The line has been silent for years. | for years | 2018-05-10..2023-05-10 | r
The ministers haven't spoken for weeks. | for weeks | 2023-03-29..05-10 | r
Talks are expected to resume in the coming weeks. | in the coming weeks | 2023-05-10..06-21 | r
Talks are expected to resume in the coming months. | in the coming months | 2023-05-10..11-10 | r
Talks will resume over the next two years. | over the next two years | 2023-05-10..2025-05-10 | r
Talks will resume within the next few days. | within the next few days | 2023-05-10..14 | r
The defense chiefs met over the weekend. | over the weekend | 2023-05-06..07 | r
The defense chiefs met at the weekend. | at the weekend | 2023-05-06..07 | r
The defense chiefs met last weekend. | last weekend | 2023-05-06..07 | r
The defense chiefs will meet this weekend. | this weekend | 2023-05-13..14 | r
The defense chiefs will meet over the weekend. | over the weekend | 2023-05-13..14 | r
The defense chiefs will meet next weekend. | next weekend | 2023-05-20..21 | r
The defense chiefs met three weeks ago. | three weeks ago | 2023-04-16..22 | r
The defense chiefs met a couple of weeks ago. | a couple of weeks ago | 2023-04-16..29 | r
The defense chiefs met a few years ago. | a few years ago | 2019..2021 | r
The defense chiefs met several months ago. | several months ago | 2022-11..2023-02 | r
The defense chiefs met a decade ago. | a decade ago | 2011..2015 | r
The defense chiefs met years ago. | years ago | 2018..2021 | r
The ministers met last summer in Jakarta. | last summer | 2022-06..2022-08 | r
The ministers met last winter in Jakarta. | last winter | 2022-12..2023-02 | r
The ministers met this spring in Jakarta. | this spring | 2023-03..2023-05 | r
The ministers will meet next spring in Jakarta. | next spring | 2024-03..2024-05 | r
The ministers will meet this fall in Jakarta. | this fall | 2023-09..2023-11 | r
"""

SPANS_OTHER = [
    *table(
        date(2023, 5, 7),
        REL,
        "The defense chiefs met over the weekend. | over the weekend | 2023-05-06..07 | r",
    ),
    *table(
        date(2023, 5, 7),
        REL,
        "The defense chiefs met last weekend. | last weekend | 2023-04-29..30 | r",
    ),
    *table(
        date(2023, 10, 5),
        REL,
        "The ministers met last summer in Jakarta. | last summer | 2023-06..2023-08 | r",
    ),
    *table(
        date(2023, 7, 5),
        REL,
        "The ministers met last summer in Jakarta. | last summer | 2022-06..2022-08 | r",
    ),
]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"), table(MAY23, REL, SPANS_MAY23) + SPANS_OTHER
)
def test_spans(sentence: str, published: date, expected: tuple[object, ...]) -> None:
    check(sentence, published, expected)


AGO_MAY23 = """
The ministers met two days ago in Hanoi. | two days ago | 2023-05-08 | d
The ministers met 2 days ago in Hanoi. | 2 days ago | 2023-05-08 | d
The ministers met a day ago in Hanoi. | a day ago | 2023-05-09 | d
The ministers met about a month ago in Hanoi. | about a month ago | 2023-04 | m
The ministers met a month ago in Hanoi. | a month ago | 2023-04 | m
The ministers met six months ago in Hanoi. | six months ago | 2022-11 | m
The ministers met a year ago in Hanoi. | a year ago | 2022 | y
The ministers met two years ago in Hanoi. | two years ago | 2021 | y
"""


@pytest.mark.parametrize(("sentence", "published", "expected"), table(MAY23, REL, AGO_MAY23))
def test_ago(sentence: str, published: date, expected: tuple[object, ...]) -> None:
    check(sentence, published, expected)


def test_since_without_publication_keeps_the_start() -> None:
    """Without a publication date "since 2014" cannot end; its year is still explicit."""
    check(
        "Contacts have been frozen since 2014.", None, ("2014", "2014-01-01", "2014-12-31", Y, EXP)
    )


# --------------------------------------------------------------------------- anchored


def test_the_day_before_anchors_on_the_previous_date() -> None:
    found = find_times(
        "The defense chiefs met on Jan. 7, 2011; the day before, the line was tested.", MAY23
    )
    assert [(f.text, f.earliest) for f in found] == [
        ("Jan. 7, 2011", d("2011-01-07")),
        ("the day before", d("2011-01-06")),
    ]


def test_the_previous_day_without_anchor_is_before_publication() -> None:
    check(
        "The line had been tested the previous day.",
        MAY23,
        ("the previous day", "2023-05-09", "2023-05-09", D, REL),
    )


def test_the_day_before_an_event_is_not_resolved() -> None:
    assert find_times("The line was tested the day before the summit.", MAY23) == []


def test_anchored_expressions_follow_the_previous_date() -> None:
    sentence = (
        "Talks were held on Jan. 7, 2011, the line was cut later that day, a call came "
        "the following day, and the same week both sides met again; the next month they "
        "resumed, and a year later they stopped."
    )
    found = find_times(sentence, MAY23)
    assert [(f.text, f.earliest, f.latest, f.precision) for f in found] == [
        ("Jan. 7, 2011", d("2011-01-07"), d("2011-01-07"), D),
        ("later that day", d("2011-01-07"), d("2011-01-07"), D),
        ("the following day", d("2011-01-08"), d("2011-01-08"), D),
        ("the same week", d("2011-01-03"), d("2011-01-09"), R),
        ("the next month", d("2011-02-01"), d("2011-02-28"), M),
        ("a year later", d("2012-01-01"), d("2012-12-31"), Y),
    ]
    assert all(f.how == REL for f in found[1:])


def test_later_that_evening_is_the_day_named_before() -> None:
    found = find_times("The call was set for Monday morning but came later that evening.", THU)
    assert [(f.text, f.earliest) for f in found] == [
        ("Monday morning", d("2017-02-13")),
        ("later that evening", d("2017-02-13")),
    ]


def test_anchored_expressions_resolve_without_publication_when_anchored() -> None:
    found = find_times(
        "The defense chiefs met on 7 January 2011 and spoke again two days later.", None
    )
    assert [(f.text, f.earliest) for f in found] == [
        ("7 January 2011", d("2011-01-07")),
        ("two days later", d("2011-01-09")),
    ]


def test_days_later_anchors_on_the_previous_date() -> None:
    found = find_times(
        "Talks broke off on March 3, 2019, and two days later the line went dead.", MAY23
    )
    assert [(f.text, f.earliest, f.precision) for f in found] == [
        ("March 3, 2019", d("2019-03-03"), D),
        ("two days later", d("2019-03-05"), D),
    ]


# ------------------------------------------------------------------------- near misses

NEAR_MISSES = [
    "The talks may resume if both sides agree.",
    "Thousands joined a protest march in the capital.",
    "Protesters march on the embassy every week end.",
    "Some 2,015 troops took part in the drills.",
    "The Su-35 and F-35 fighters flew nearby.",
    "The budget reached $2015 million, officials said.",
    "The 1987 treaty limited intermediate-range missiles.",
    "Russia left the 2002 agreement, diplomats noted.",
    "The fleet has 2015 ships, a report claims.",
    "An august body of retired generals urged restraint.",
    "She said the ministers had a long talk about sanctions.",
    "The memo numbered 07/01/2011 was not released.",  # day and month can be read both ways
    "Jan Kowalski, the envoy, declined to comment.",
    "The drill was a dec. 7 minute affair.",
    "The sun rose over the Yellow Sea.",
    "The defense chief will mar the talks with his remarks.",
    "Figures rose 2015 percent, a report claims.",
    "Troop numbers were raised to 2000 soldiers, officials said.",
    "A total of 1990 sorties were flown by the air force.",
    "The ministry decided the market would not decline.",
    "Officers at the headquarters declined to comment.",
    "The Arab Spring changed the region, analysts say.",
    "He said the fall of the city was a turning point.",
    "Marines will march past the monument.",
    "They met at noon.",
    "The talks will resume in two years, if at all.",
    "The ministers met.",
    "",
]


@pytest.mark.parametrize("sentence", NEAR_MISSES)
def test_near_misses(sentence: str) -> None:
    assert find_times(sentence, MAY23) == []


def test_a_year_needs_a_year_context() -> None:
    """A bare four-digit number is not a year; after "in" it is."""
    assert find_times("A total of 1990 sorties were flown.", MAY23) == []
    assert [f.text for f in find_times("A total of 1990 sorties were flown in 1990.", MAY23)] == [
        "1990"
    ]


def test_impossible_dates_are_skipped() -> None:
    assert find_times("The memo is dated Feb. 30, 2011.", MAY23) == []
    assert find_times("The memo is dated 2011-02-30.", MAY23) == []


def test_several_expressions_in_order() -> None:
    sentence = (
        "China suspended military contacts in January 2010 over arms sales, restored them "
        "in early 2011, and on Thursday cut them again."
    )
    found = find_times(sentence, THU)
    assert [(f.text, f.precision) for f in found] == [
        ("January 2010", M),
        ("early 2011", R),
        ("Thursday", D),
    ]


def test_publication_interval_is_the_day() -> None:
    assert publication_interval(THU) == (THU, THU)


# ------------------------------------------------------------------------- properties

dates = st.dates(min_value=date(1950, 1, 1), max_value=date(2050, 12, 31))


@settings(max_examples=300)
@given(text=st.text(max_size=300), published=st.one_of(st.none(), dates))
def test_arbitrary_text_never_breaks(text: str, published: date | None) -> None:
    check_well_formed(text, find_times(text, published))


TIME_WORDS = [
    "in", "on", "since", "last", "next", "this", "the", "over", "past", "for", "from", "to",
    "between", "and", "early", "late", "mid-", "ago", "will", "said", "recently", "recent",
    "weeks", "months", "year", "month", "week", "day", "days", "weekend", "decade", "two",
    "a", "few", "couple", "of", "earlier", "later", "today", "yesterday", "tomorrow",
    "Jan.", "January", "May", "March", "Sept.", "August", "Thursday", "Friday", "Monday",
    "summer", "winter", "2015", "1990s", "'90s", "2014-16", "7", "12th", "2011-01-07",
    "25/12/2011", ",", ".", ";", "-", "–", "before", "after", "previous", "coming", "end",
    "hours", "Q3", "same", "other", "that", "ever", "very", "beginning", "present", "now",
    "until", "through", "half", "quarter", "several", "years", "scheduled", "is", "had",
    "been", "fall", "spring", "and", "2011", "Dec.", "Thu,", "16,", "first", "'", "’",
    "\n", "  ", "may", "march", "june", "after", "following", "Japan", "detained", "shot",
    "were", "evening", "Treaty.Officials", "\n\n", "supposed", "due",
]  # fmt: skip


@settings(max_examples=500)
@given(
    words=st.lists(st.sampled_from(TIME_WORDS), max_size=30),
    published=st.one_of(st.none(), dates),
    anchor=st.one_of(st.none(), dates),
)
def test_time_words_in_any_order(
    words: list[str], published: date | None, anchor: date | None
) -> None:
    """Shuffled time words: well-formed results, the same as a plain left-to-right search."""
    text = " ".join(words)
    found = find_times(text, published, anchor=anchor)
    check_well_formed(text, found)
    assert found == _find_times_slowly(text, published, anchor=anchor)


def check_well_formed(text: str, found: list[TimeExpression]) -> None:
    end = 0
    for expression in found:
        assert text[expression.start : expression.end] == expression.text
        assert expression.earliest <= expression.latest
        assert expression.start >= end
        assert expression.end > expression.start
        end = expression.end
        if expression.precision == D:
            assert expression.earliest == expression.latest
        if expression.precision == M:
            assert expression.earliest.day == 1
            assert expression.latest == month_end(expression.earliest)
        if expression.precision == Y:
            assert (expression.earliest.month, expression.earliest.day) == (1, 1)
            assert expression.latest == date(expression.earliest.year, 12, 31)


def month_end(day: date) -> date:
    return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


@given(published=dates, weekday=st.sampled_from(WEEKDAYS))
def test_on_weekday_is_within_the_week_ending_at_publication(published: date, weekday: str) -> None:
    found = only(f"The two sides spoke on {weekday}, officials said.", published)
    assert published - timedelta(days=6) <= found.earliest == found.latest <= published
    assert found.earliest.weekday() == WEEKDAYS.index(weekday)


@given(published=dates, weekday=st.sampled_from(WEEKDAYS))
def test_will_on_weekday_is_within_the_week_starting_at_publication(
    published: date, weekday: str
) -> None:
    found = only(f"The two sides will speak on {weekday}.", published)
    assert published <= found.earliest == found.latest <= published + timedelta(days=6)
    assert found.earliest.weekday() == WEEKDAYS.index(weekday)


@given(published=dates)
def test_last_month_is_the_whole_previous_month(published: date) -> None:
    found = only("Talks were suspended last month.", published)
    previous = published.replace(day=1) - timedelta(days=1)
    assert (found.earliest, found.latest, found.precision) == (previous.replace(day=1), previous, M)


@given(published=dates)
def test_last_year_is_the_previous_calendar_year(published: date) -> None:
    found = only("Last year talks were suspended.", published)
    year = published.year - 1
    assert (found.earliest, found.latest, found.precision) == (
        date(year, 1, 1),
        date(year, 12, 31),
        Y,
    )


@given(published=dates, month=st.integers(1, 12))
def test_last_month_name_is_strictly_before_the_publication_month(
    published: date, month: int
) -> None:
    name = calendar.month_name[month]
    found = only(f"Talks were suspended last {name}.", published)
    assert found.earliest.month == month
    assert found.earliest < published.replace(day=1)
    assert found.earliest >= date(published.year - 1, published.month, 1)


@given(published=dates, month=st.integers(1, 12))
def test_in_month_is_the_latest_on_or_before_publication(published: date, month: int) -> None:
    name = calendar.month_name[month]
    found = only(f"Talks were suspended in {name}.", published)
    assert found.earliest.month == month
    assert found.earliest <= published
    assert found.earliest > date(published.year - 1, published.month, 1)


# ---------------------------------------------------------------------- hard wrapping
# Saved pages break lines inside sentences. A single line break is white space between
# the words of an expression, and it does not end the sentence whose tense decides a
# bare weekday; a blank line does.

WRAPPED = [
    ("Contacts have been frozen since March\n2014.", "since March\n2014", "2014-03-01", THU),
    ("The envoys spoke\nFriday about the line.", "Friday", "2017-02-10", THU),
    ("The two sides will meet on\nFriday in Seoul.", "Friday", "2017-02-17", THU),
    ("The two sides\nwill meet on Friday in Seoul.", "Friday", "2017-02-17", THU),
    ("Drills were off from March\nto May 2019.", "from March\nto May 2019", "2019-03-01", THU),
    ("The envoys met on Jan.\n7, 2011 in Geneva.", "Jan.\n7, 2011", "2011-01-07", THU),
    ("The envoys met in\n2015 in Geneva.", "2015", "2015-01-01", THU),
    ("The envoys met in \n2015 in Geneva.", "2015", "2015-01-01", THU),
    ("The envoys met in 2014 and \n2015 in Geneva.", "2014 and \n2015", "2014-01-01", THU),
    ("No calls were made over the past\ntwo years.", "over the past\ntwo years", "2015-02-16", THU),
]


@pytest.mark.parametrize(("sentence", "text", "earliest", "published"), WRAPPED)
def test_a_line_break_is_white_space(
    sentence: str, text: str, earliest: str, published: date
) -> None:
    got = only(sentence, published)
    assert (got.text, got.earliest) == (text, d(earliest))


def test_a_blank_line_ends_the_sentence() -> None:
    got = only("The two sides will talk again.\n\nThe envoys met Friday in Seoul.", THU)
    assert got.earliest == d("2017-02-10")


def test_a_full_stop_without_a_space_ends_the_sentence() -> None:
    """A page that lost the space after a stop still has two sentences."""
    found = find_times("The line set up in 2018 is the Treaty.Officials will meet Friday.", THU)
    assert [(f.text, f.earliest) for f in found] == [
        ("2018", d("2018-01-01")),
        ("Friday", d("2017-02-17")),
    ]
    # the future of the first sentence does not reach into the second
    got = find_times("The line will be the Treaty.Officials met Friday.", THU)
    assert [(f.text, f.earliest) for f in got] == [("Friday", d("2017-02-10"))]


def test_an_abbreviation_glued_to_a_name_is_no_sentence_end() -> None:
    got = only("The envoys said the U.S.Navy will sail on Friday.", THU)
    assert got.earliest == d("2017-02-17")


# -------------------------------------------------------------------------- anchoring
# A day the preceding sentences named anchors "earlier in the day", "the same day",
# "that evening" and "two days later": the extractor hands it over as `anchor`.

FRI = date(2010, 10, 29)
SAT = date(2010, 10, 30)

ANCHORED = [
    ("Earlier in the day, the foreign ministers met.", "Earlier in the day", FRI),
    ("The foreign ministers met earlier in the day.", "earlier in the day", FRI),
    ("The line was cut later that day.", "later that day", FRI),
    ("The line was cut the same day.", "the same day", FRI),
    ("The ministers spoke that evening by phone.", "that evening", FRI),
    ("The ministers spoke that night by phone.", "that night", FRI),
    ("The line was restored the following day.", "the following day", SAT),
    ("The line was restored two days later.", "two days later", date(2010, 10, 31)),
    ("The line had been tested the day before.", "the day before", date(2010, 10, 28)),
]


@pytest.mark.parametrize(("sentence", "text", "expected"), ANCHORED)
def test_anchored_expressions_count_from_the_anchor(
    sentence: str, text: str, expected: date
) -> None:
    got = only(sentence, date(2010, 11, 2), anchor=FRI)
    assert (got.text, got.earliest, got.latest, got.how) == (text, expected, expected, REL)


@pytest.mark.parametrize(("sentence", "text", "expected"), ANCHORED)
def test_without_an_anchor_they_count_from_publication(
    sentence: str, text: str, expected: date
) -> None:
    got = only(sentence, FRI)
    assert (got.text, got.earliest) == (text, expected)


def test_a_day_named_in_the_text_beats_the_anchor() -> None:
    found = find_times(
        "The ministers met on Oct. 20, 2010 and spoke again later that day.", SAT, anchor=FRI
    )
    assert [(f.text, f.earliest) for f in found] == [
        ("Oct. 20, 2010", d("2010-10-20")),
        ("later that day", d("2010-10-20")),
    ]


def test_the_anchor_leaves_other_expressions_alone() -> None:
    found = find_times(
        "On Friday the ministers met; talks resumed today.", date(2010, 11, 3), anchor=SAT
    )
    assert [(f.text, f.earliest) for f in found] == [
        ("Friday", d("2010-10-29")),
        ("today", d("2010-11-03")),
    ]


def test_that_day_needs_its_noun() -> None:
    """ "that" before other words is no time: "said that daily calls resumed"."""
    assert find_times("Officials said that daily calls resumed.", SAT, anchor=FRI) == []


def test_day_anchor_carries_the_anchor_from_sentence_to_sentence() -> None:
    first = find_times("The summit failed on Friday, officials said.", SAT)
    anchor = day_anchor(first)
    assert anchor == FRI
    second = find_times("Talks were held in 2009 and in late 2010.", SAT, anchor=anchor)
    assert day_anchor(second, anchor) == FRI  # years and ranges name no day
    third = find_times("Earlier in the day, the ministers met.", SAT, anchor=anchor)
    assert [f.earliest for f in third] == [FRI]
    assert day_anchor([], None) is None


# ------------------------------------------------------------------ events after events


def test_an_event_after_after_counts_from_the_anchor_to_publication() -> None:
    got = only(
        "Athens froze military contacts after Ankara expelled the naval attaché.",
        SAT,
        anchor=date(2010, 9, 7),
    )
    assert (got.text, got.earliest, got.latest, got.precision, got.how) == (
        "Ankara expelled",
        d("2010-09-07"),
        SAT,
        R,
        REL,
    )


def test_an_event_counts_from_a_day_named_before_it_in_the_text() -> None:
    found = find_times(
        "A frigate fired on a tanker on Sept. 7, and Athens froze contacts following "
        "Ankara's navy seized the crew.",
        SAT,
    )
    assert [(f.text, f.earliest, f.latest) for f in found] == [
        ("Sept. 7", d("2010-09-07"), d("2010-09-07")),
        ("Ankara's navy seized", d("2010-09-07"), SAT),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # no anchor at all
        "Athens froze military contacts after Ankara expelled the naval attaché.",
        # an event with a time of its own is dated by it
        "Moscow cut the line after Turkey shot down a jet on Tuesday.",
        # no clause: a noun after "after"
        "Moscow cut the line after talks in Geneva.",
        # a subject in lower case is not told as an event here
        "Moscow cut the line after the talks collapsed.",
    ],
)
def test_what_is_not_an_event_after_an_anchor(sentence: str) -> None:
    anchor = date(2010, 9, 7) if "Ankara" not in sentence else None
    found = find_times(sentence, SAT, anchor=anchor)
    assert all(f.earliest != date(2010, 9, 7) for f in found)


# ----------------------------------------------------------------- plans told in the past
# "were scheduled for July 21": the plan was made before publication; the day it names
# is the one nearer publication, before or after it.

JUL06 = date(2006, 7, 16)

PLANS = """
The drills were scheduled for July 21. | July 21 | 2006-07-21 | d
The talks had been scheduled for July 2. | July 2 | 2006-07-02 | d
The talks were originally set for Aug. 3 in the capital. | Aug. 3 | 2006-08-03 | d
The envoys were due to meet in August. | August | 2006-08 | m
The envoys were supposed to meet in June. | June | 2006-06 | m
The envoys were expected to meet on the 18th of July. | the 18th of July | 2006-07-18 | d
Talks were held on July 21. | July 21 | 2005-07-21 | d
Talks were held on the 12th of July. | the 12th of July | 2006-07-12 | d
Talks were held on the 20th of July. | the 20th of July | 2005-07-20 | d
The line was set up in August. | August | 2005-08 | m
The two sides agreed to reopen the talks in August. | August | 2006-08 | m
The two sides agreed to hold the talks in early August. | early August | 2006-08-01..10 | r
Both agreed to meet between August and October. | between August and October | 2006-08..2006-10 | r
The talks were held in early August. | early August | 2005-08-01..10 | r
Both said they agreed that the talks in late August failed. | late August | 2005-08-21..31 | r
"""


@pytest.mark.parametrize(("sentence", "published", "expected"), table(JUL06, REL, PLANS))
def test_plans_told_in_the_past(
    sentence: str, published: date, expected: tuple[object, ...]
) -> None:
    check(sentence, published, expected)


def test_since_last_week_runs_from_the_start_of_last_week_to_publication() -> None:
    check(
        "Delegations have held three rounds of talks since last week.",
        date(2022, 3, 10),
        ("since last week", "2022-02-28", "2022-03-10", R, REL),
    )


def test_a_year_named_after_a_month_is_not_a_second_expression() -> None:
    found = find_times("The North cut the lines in June, last year's talks having failed.", JAN11)
    assert [f.text for f in found] == ["June", "last year"]


def test_a_range_of_parts_agreed_on_before_publication_lies_ahead() -> None:
    sentence = (
        "The two sides agreed Friday to reopen the talks sometime between late February "
        "and early March."
    )
    found = find_times(sentence, date(2006, 2, 4))
    assert [(f.text, f.earliest, f.latest) for f in found] == [
        ("Friday", d("2006-02-03"), d("2006-02-03")),
        ("late February", d("2006-02-21"), d("2006-02-28")),
        ("early March", d("2006-03-01"), d("2006-03-10")),
    ]
    held = "The talks were held between late February and early March."
    assert [f.earliest.year for f in find_times(held, date(2006, 2, 4))] == [2005, 2005]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Seoul restored the line on Friday, a day after Pyongyang offered talks.", "2010-10-28"),
        (
            "Seoul restored the line on Friday, two days after Pyongyang offered talks.",
            "2010-10-27",
        ),
        ("Seoul restored the line on Friday, a week after Pyongyang offered talks.", "2010-10-22"),
    ],
)
def test_a_gap_after_a_day_counts_back_from_that_day(sentence: str, expected: str) -> None:
    found = find_times(sentence, SAT)
    assert [(f.text, f.earliest, f.latest) for f in found] == [
        ("Friday", d("2010-10-29"), d("2010-10-29")),
        ("Pyongyang offered", d(expected), d(expected)),
    ]


def test_a_vague_gap_after_a_day_is_a_range_before_it() -> None:
    found = find_times("Seoul restored the line on Friday, a few days after Pyongyang asked.", SAT)
    assert (found[-1].earliest, found[-1].latest) == (d("2010-10-25"), d("2010-10-27"))


def test_a_gap_without_a_day_of_its_own_names_no_day() -> None:
    assert find_times("The line was restored a day after Pyongyang asked for it.", SAT) == []


@pytest.mark.parametrize(
    ("sentence", "event", "expected"),
    [
        (
            "In July 2009 the North restored the line, about a year after it severed it.",
            "it severed",
            (d("2008-07-01"), d("2008-07-31")),
        ),
        (
            "In 2008 the two sides met again, two years after they cut the line.",
            "they cut",
            (d("2006-01-01"), d("2006-12-31")),
        ),
        (
            "The talks resumed on Friday, three weeks after the two sides suspended them.",
            "the two sides suspended",
            (d("2010-10-08"), d("2010-10-08")),
        ),
        (
            "In March the envoys met, a few months after their governments froze the talks.",
            "their governments froze",
            (d("2009-11-01"), d("2010-01-31")),
        ),
    ],
)
def test_a_gap_after_any_time_of_the_sentence_counts_back_from_it(
    sentence: str, event: str, expected: tuple[date, date]
) -> None:
    found = {f.text: (f.earliest, f.latest) for f in find_times(sentence, SAT)}
    assert found[event] == expected


def test_an_event_counted_back_is_no_year_for_a_later_that_year() -> None:
    found = find_times("In July 2009 the North restored the line, a year after it cut it.", SAT)
    assert [f.earliest.year for f in found] == [2009, 2008]
    assert year_anchor(found) == 2009


@pytest.mark.parametrize(
    "sentence",
    [
        "The defense chiefs met for two days in the capital.",
        "The ministers talked for three hours.",
        "The line was cut for months.",
        "The line had been cut for a year when talks resumed.",
        "The talks will be suspended for two weeks.",
        "Contacts have been frozen, and talks held for two days failed.",
        # a relative clause is no participle set off by commas
        "The ministers, who met for two days, agreed to talk again.",
        "The envoys, after talks for two days, flew home.",
    ],
)
def test_a_duration_outside_a_present_perfect_is_no_time(sentence: str) -> None:
    assert find_times(sentence, MAY23) == []


@pytest.mark.parametrize(
    ("sentence", "first"),
    [
        ("The talks, frozen for two years, resumed on Monday.", d("2021-05-10")),
        ("The hotline, largely suspended for a year, works again.", d("2022-05-10")),
        ("The dialogue, broken off for months, was revived.", d("2022-11-10")),
    ],
)
def test_a_duration_after_a_participle_set_off_by_commas_is_the_span_up_to_publication(
    sentence: str, first: date
) -> None:
    spans = [(f.earliest, f.latest) for f in find_times(sentence, MAY23) if f.precision == R]
    assert spans == [(first, MAY23)]


# --- "that year": the year named before ----------------------------------------------

THAT_YEAR_PUBLISHED = date(2023, 6, 5)


@pytest.mark.parametrize(
    ("phrase", "year", "expected"),
    [
        ("in August that year", 2015, (date(2015, 8, 1), date(2015, 8, 31))),
        ("later that year", 2015, (date(2015, 1, 1), date(2015, 12, 31))),
        ("the same year", 2011, (date(2011, 1, 1), date(2011, 12, 31))),
        ("the following year", 2011, (date(2012, 1, 1), date(2012, 12, 31))),
    ],
)
def test_that_year_is_the_year_named_before(
    phrase: str, year: int, expected: tuple[date, date]
) -> None:
    found = find_times(phrase, THAT_YEAR_PUBLISHED, year=year)
    assert [(t.earliest, t.latest) for t in found] == [expected]
    assert [
        (t.earliest, t.latest) for t in _find_times_slowly(phrase, THAT_YEAR_PUBLISHED, year=year)
    ] == [expected]


def test_a_year_named_in_the_same_sentence_comes_first() -> None:
    found = find_times("in 2019 and in August that year", THAT_YEAR_PUBLISHED, year=2015)
    assert [(t.earliest, t.latest) for t in found][-1] == (date(2019, 8, 1), date(2019, 8, 31))


def test_a_month_of_that_year_without_a_year_named_is_left_unresolved() -> None:
    assert find_times("in August that year", THAT_YEAR_PUBLISHED) == []


@given(st.integers(min_value=1950, max_value=2030))
def test_year_anchor_is_the_last_single_year(year: int) -> None:
    times = find_times(f"in March {year} and then in 1990", THAT_YEAR_PUBLISHED)
    assert year_anchor(times) == 1990
    assert year_anchor(find_times(f"in March {year}", THAT_YEAR_PUBLISHED), 1980) == year
    assert year_anchor([], 1980) == 1980


def test_extraction_carries_the_year_across_paragraphs() -> None:
    text = (
        "In July 2021, North Korea restored the hotline with South Korea.\n\n"
        "North Korea again did not answer calls from South Korea on the liaison line in "
        "August that year."
    )
    claims = extract(text, THAT_YEAR_PUBLISHED)
    suspended = [c for c in claims if c.state.value == "suspended"]
    assert suspended
    assert (suspended[0].effective_start, suspended[0].effective_end) == (
        date(2021, 8, 1),
        date(2021, 8, 31),
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("After two days, the envoys met.", (d("2010-10-24"), d("2010-10-24"))),
        ("Three weeks later, the line was cut.", (d("2010-11-12"), d("2010-11-12"))),
        ("Within a week, talks resumed.", (d("2010-10-22"), d("2010-10-29"))),
        ("After a few days, talks resumed.", (d("2010-10-24"), d("2010-10-26"))),
    ],
)
def test_a_sentence_counting_on_from_the_time_before(
    sentence: str, expected: tuple[date, date]
) -> None:
    before = find_times("The envoys arrived on Friday, October 22.", SAT)[0]
    found = counted_on(sentence, before)
    assert found is not None
    assert (found.earliest, found.latest) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "After two days of talks, the envoys met.",
        "After talks, the envoys met.",
        "The envoys met two days later.",
    ],
)
def test_what_does_not_count_on(sentence: str) -> None:
    before = find_times("The envoys arrived on Friday, October 22.", SAT)[0]
    assert counted_on(sentence, before) is None


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("The November incident froze relations.", date(2015, 11, 1), date(2015, 11, 30)),
        ("After the June summit, talks resumed.", date(2016, 6, 1), date(2016, 6, 30)),
        ("Since the March clashes the line has been silent.", date(2016, 3, 1), date(2016, 3, 31)),
    ],
)
def test_a_month_that_names_an_event_is_the_month_before_publication(
    text: str, first: date, last: date
) -> None:
    times = find_times(text, date(2016, 6, 29))
    assert [(t.earliest, t.latest) for t in times] == [(first, last)]


@pytest.mark.parametrize(
    "text",
    ["The march ended in the square.", "The May plan was never tried.", "Ask the June team."],
)
def test_a_month_before_another_noun_or_in_lower_case_is_no_time(text: str) -> None:
    assert find_times(text, date(2016, 6, 29)) == []


def test_a_month_after_foresees_is_the_next_one() -> None:
    times = find_times(
        "The White House foresees talks continuing in early September.", date(2019, 7, 31)
    )
    assert [(t.earliest.year, t.earliest.month) for t in times] == [(2019, 9)]
