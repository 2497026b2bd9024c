"""Generate a realistic news corpus of any size for the ingest benchmark.

Most articles are irrelevant news (sports, business, weather, science, culture,
local politics) whose words often look like channel cues in another sense ("the
coach met the press", "talks with the union", "the airport reopened"). A few percent
speak of a channel between two states ("China suspended military-to-military talks
with the United States on Tuesday"), some of them as wire stories printed by several
outlets, a copy now and then without any date. Files are plain text, Markdown and
HTML pages with navigation, share bars, related links, cookie notices, scripts and
footers; publication dates come from datelines, date lines, HTML metadata, sidecar
files, or nowhere.

Everything is drawn from one seed, article by article, so a corpus is the same on
every machine and is written as a stream (memory stays flat whatever its size)::

    python benchmarks/corpus.py OUT --articles 10000 [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path

FORMAT_VERSION = 3
MANIFEST = "corpus.json"
FILES_PER_FOLDER = 500

FIRST_DAY = date(2005, 1, 1)
LAST_DAY = date(2024, 12, 31)

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SHORT_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.")
SHORT_MONTHS += ("Nov.", "Dec.")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# --------------------------------------------------------------------------- the world


@dataclass(frozen=True)
class Side:
    """One state as news English names it."""

    name: str  # "China", "the United States"
    adj: str  # "Chinese"
    capital: str  # "Beijing"
    defense: str  # "the Chinese Defense Ministry"


SIDES = {
    "US": Side("the United States", "American", "Washington", "the Pentagon"),
    "CN": Side("China", "Chinese", "Beijing", "China's Defense Ministry"),
    "KP": Side("North Korea", "North Korean", "Pyongyang", "the Korean People's Army"),
    "KR": Side("South Korea", "South Korean", "Seoul", "South Korea's Defense Ministry"),
    "IN": Side("India", "Indian", "New Delhi", "the Indian Army"),
    "PK": Side("Pakistan", "Pakistani", "Islamabad", "the Pakistani military"),
    "RU": Side("Russia", "Russian", "Moscow", "the Russian Defense Ministry"),
    "UA": Side("Ukraine", "Ukrainian", "Kyiv", "Ukraine's General Staff"),
    "JP": Side("Japan", "Japanese", "Tokyo", "Japan's Defense Ministry"),
    "GR": Side("Greece", "Greek", "Athens", "the Greek Defense Ministry"),
    "TR": Side("Turkey", "Turkish", "Ankara", "the Turkish Defense Ministry"),
    "AM": Side("Armenia", "Armenian", "Yerevan", "Armenia's Defense Ministry"),
    "AZ": Side("Azerbaijan", "Azerbaijani", "Baku", "Azerbaijan's Defense Ministry"),
    "IR": Side("Iran", "Iranian", "Tehran", "Iran's armed forces"),
    "TW": Side("Taiwan", "Taiwanese", "Taipei", "Taiwan's Defense Ministry"),
    "VN": Side("Vietnam", "Vietnamese", "Hanoi", "Vietnam's Defense Ministry"),
    "PH": Side("the Philippines", "Philippine", "Manila", "the Philippine military"),
    "TH": Side("Thailand", "Thai", "Bangkok", "the Thai army"),
    "KH": Side("Cambodia", "Cambodian", "Phnom Penh", "the Cambodian army"),
}

PAIRS = (
    ("CN", "US"),
    ("KP", "KR"),
    ("IN", "PK"),
    ("RU", "US"),
    ("RU", "UA"),
    ("CN", "JP"),
    ("GR", "TR"),
    ("AM", "AZ"),
    ("IR", "US"),
    ("CN", "IN"),
    ("CN", "TW"),
    ("CN", "VN"),
    ("CN", "PH"),
    ("KH", "TH"),
    ("KP", "US"),
)

# Channel nouns as reporters write them; the extractor decides their kind.
CHANNELS = (
    "military-to-military talks",
    "military talks",
    "the military hotline",
    "their military hotline",
    "defense policy talks",
    "maritime safety talks",
    "the deconfliction line",
    "military communication lines",
    "the hotline",
    "strategic stability talks",
    "defense consultative talks",
    "military contacts",
    "the direct telephone link",
    "diplomatic channels",
    "theater commanders' talks",
    "intelligence dialogue",
)

CITIES = (
    "London",
    "Paris",
    "Chicago",
    "Toronto",
    "Sydney",
    "Madrid",
    "Berlin",
    "Lagos",
    "Nairobi",
    "Sao Paulo",
    "Denver",
    "Manchester",
    "Lyon",
    "Osaka",
    "Auckland",
    "Dublin",
    "Boston",
    "Seattle",
    "Milan",
    "Vancouver",
)
TEAMS = (
    "the Lions",
    "the Rovers",
    "City",
    "the Hawks",
    "United",
    "the Rangers",
    "the Tigers",
    "the Comets",
    "the Mariners",
    "Athletic",
    "the Wolves",
    "the Panthers",
    "the Falcons",
    "Olympique",
    "the Sharks",
)
COMPANIES = (
    "Northwind Logistics",
    "Helix Pharmaceuticals",
    "Bluewater Energy",
    "Crescent Foods",
    "Atlas Motors",
    "Vireo Software",
    "Granite Bank",
    "Solstice Airlines",
    "Marlow Retail",
    "Quanta Semiconductors",
    "Evergreen Paper",
    "Orion Telecom",
    "Kestrel Mining",
    "Lumen Media",
    "Pioneer Insurance",
)
PEOPLE = (
    "Maria Lopez",
    "James Carter",
    "Aisha Bello",
    "Tom Becker",
    "Priya Natarajan",
    "Lucas Moreau",
    "Emma Lindqvist",
    "Daniel Okafor",
    "Sofia Rossi",
    "Henry Walsh",
    "Yuki Tanaka",
    "Olivia Brooks",
    "Samuel Adeyemi",
    "Chloe Martin",
    "Noah Fischer",
)
OUTLETS = (
    ("Reuters", "reuters"),
    ("AP", "apnews"),
    ("AFP", "afp"),
    ("The Daily Courier", "dailycourier"),
    ("Global Times Review", "gtreview"),
    ("Asia Monitor", "asiamonitor"),
    ("Evening Standard Online", "eveningstandard"),
    ("Metro Herald", "metroherald"),
)
WORDS = (
    "steady",
    "sharp",
    "modest",
    "record",
    "surprising",
    "long-awaited",
    "unexpected",
    "welcome",
    "cautious",
    "bold",
    "narrow",
    "broad",
    "quiet",
    "busy",
    "late",
    "early",
)


def pick(rng: random.Random, items: Sequence[str]) -> str:
    return items[rng.randrange(len(items))]


# --------------------------------------------------------------------------- filler news


def _n(rng: random.Random, lo: int, hi: int) -> int:
    return rng.randint(lo, hi)


# Each topic is a list of sentence makers; many use channel-like words in another sense.
def _sports(rng: random.Random) -> str:
    t1, t2 = rng.sample(TEAMS, 2)
    who = pick(rng, PEOPLE)
    return pick(
        rng,
        (
            f"{t1} beat {t2} {_n(rng, 1, 5)}-{_n(rng, 0, 3)} on {pick(rng, WEEKDAYS)} "
            f"in front of {_n(rng, 8, 75)},{_n(rng, 100, 999)} fans.",
            f"Coach {who} met reporters after training and said the squad was in "
            f"{pick(rng, WORDS)} shape ahead of the {pick(rng, CITIES)} derby.",
            f"The striker was suspended for {_n(rng, 2, 5)} matches after a "
            f"{pick(rng, WORDS)} challenge in the {_n(rng, 10, 89)}th minute.",
            f"Contract talks between {t1} and their captain broke down last week, "
            f"according to people familiar with the negotiations.",
            f"{who} scored twice as {t1} held on for a {pick(rng, WORDS)} win away at {t2}.",
            f"The league said the match was called off because of a waterlogged pitch "
            f"in {pick(rng, CITIES)}.",
            f"{t2} have won {_n(rng, 3, 9)} of their last {_n(rng, 10, 15)} games and sit "
            f"{_n(rng, 2, 8)} points clear at the top of the table.",
            f"Fans were told to arrive early because the east stand will stay closed "
            f"for repairs until {pick(rng, MONTHS)}.",
        ),
    )


def _business(rng: random.Random) -> str:
    co = pick(rng, COMPANIES)
    who = pick(rng, PEOPLE)
    return pick(
        rng,
        (
            f"{co} reported quarterly revenue of ${_n(rng, 2, 90)}.{_n(rng, 1, 9)} billion, "
            f"a {pick(rng, WORDS)} rise of {_n(rng, 2, 19)} percent from a year earlier.",
            f"Shares of {co} fell {_n(rng, 1, 9)}.{_n(rng, 1, 9)} percent after the company "
            f"cut its full-year forecast.",
            f"The central bank cut interest rates by {_n(rng, 1, 5) * 25} basis points, "
            f"its first move since {pick(rng, MONTHS)}.",
            f"Chief executive {who} told analysts on a conference call that demand "
            f"remained {pick(rng, WORDS)} in {pick(rng, CITIES)}.",
            f"{co} opened a new plant in {pick(rng, CITIES)} that will employ "
            f"{_n(rng, 2, 40) * 50} people.",
            f"Wage talks with the union resumed on {pick(rng, WEEKDAYS)} after a "
            f"{_n(rng, 2, 9)}-day strike at the {pick(rng, CITIES)} depot.",
            f"Regulators suspended trading in the stock for an hour after the "
            f"{pick(rng, WORDS)} announcement.",
            f"The board met on {pick(rng, WEEKDAYS)} to approve a share buyback of "
            f"up to ${_n(rng, 1, 20)} billion.",
            f"{co} said it would close {_n(rng, 3, 40)} stores and restore its dividend next year.",
        ),
    )


def _weather(rng: random.Random) -> str:
    city = pick(rng, CITIES)
    return pick(
        rng,
        (
            f"Temperatures in {city} are expected to reach {_n(rng, 18, 39)} degrees "
            f"Celsius by {pick(rng, WEEKDAYS)}, forecasters said.",
            f"Heavy rain closed {_n(rng, 2, 30)} roads around {city} and the airport "
            f"reopened only late in the evening.",
            f"A storm cut power to about {_n(rng, 2, 90)},000 homes overnight, the utility said.",
            f"The weather service issued a {pick(rng, WORDS)} warning for coastal areas "
            f"and told residents to avoid unnecessary travel.",
            f"Ferry services were suspended for a second day as winds gusted to "
            f"{_n(rng, 60, 130)} kilometers an hour.",
            f"Snow is forecast for higher ground, with up to {_n(rng, 5, 40)} centimeters "
            f"possible above {_n(rng, 3, 9)}00 meters.",
        ),
    )


def _science(rng: random.Random) -> str:
    who = pick(rng, PEOPLE)
    return pick(
        rng,
        (
            f"Researchers led by {who} said the {pick(rng, WORDS)} findings could change "
            f"how hospitals screen for the disease.",
            f"The probe will spend {_n(rng, 2, 9)} years mapping the surface before "
            f"its mission is terminated in {_n(rng, 2030, 2040)}.",
            f"The study followed {_n(rng, 1, 90)},{_n(rng, 100, 999)} adults for more than "
            f"a decade.",
            f"Engineers restored contact with the satellite after a {_n(rng, 2, 30)}-hour "
            f"outage caused by a software fault.",
            f"The trial was halted early because the results were {pick(rng, WORDS)}, "
            f"the university said.",
            f"Scientists from {_n(rng, 5, 40)} countries met in {pick(rng, CITIES)} to "
            f"compare measurements.",
        ),
    )


def _culture(rng: random.Random) -> str:
    who = pick(rng, PEOPLE)
    city = pick(rng, CITIES)
    return pick(
        rng,
        (
            f"The festival opened in {city} with a {pick(rng, WORDS)} performance by {who}.",
            f"Tickets for the {_n(rng, 2, 9)}-night run sold out within minutes, the "
            f"organisers said.",
            f"The museum reopened its east wing after a {_n(rng, 2, 6)}-year renovation "
            f"costing {_n(rng, 5, 90)} million euros.",
            f"{who}'s new novel follows three sisters who meet again after decades apart.",
            f"Critics called the production {pick(rng, WORDS)} but praised its lead actor.",
            "The gallery cancelled the exhibition after a dispute with the lender.",
        ),
    )


def _local(rng: random.Random) -> str:
    who = pick(rng, PEOPLE)
    city = pick(rng, CITIES)
    return pick(
        rng,
        (
            f"The {city} city council voted {_n(rng, 5, 12)} to {_n(rng, 0, 5)} to approve "
            f"the new budget.",
            f"Mayor {who} held talks with residents about the {pick(rng, WORDS)} plan to "
            f"close the library on weekends.",
            "Police said the road would remain closed while investigators worked at the scene.",
            f"Bus services on {_n(rng, 2, 9)} routes were suspended during the marathon.",
            "The school board rejected a proposal to move classes online.",
            "Residents were told to boil tap water until further notice.",
            "Negotiations over the stadium lease have been put on hold until the autumn, "
            "council officials said.",
        ),
    )


def _trade(rng: random.Random) -> str:
    a, b = rng.sample(sorted(SIDES), 2)
    sa, sb = SIDES[a], SIDES[b]
    return pick(
        rng,
        (
            f"{sa.adj} exports to {sb.name} rose {_n(rng, 2, 30)} percent last year, "
            f"customs data showed.",
            f"Tourist arrivals from {sa.name} to {sb.name} have recovered to "
            f"{_n(rng, 60, 110)} percent of their earlier level.",
            f"{sa.adj} carmakers are expanding in {sb.name}, where sales of electric "
            f"vehicles doubled.",
            f"A {sa.adj} trade delegation met business leaders in {sb.capital} to discuss "
            f"investment in ports.",
            f"{sa.adj} airlines resumed direct flights to {sb.capital} in {pick(rng, MONTHS)}.",
        ),
    )


TOPICS: tuple[Callable[[random.Random], str], ...] = (
    _sports,
    _business,
    _weather,
    _science,
    _culture,
    _local,
    _trade,
)
TOPIC_NAMES = ("Sports", "Business", "Weather", "Science", "Culture", "Local", "World")

HEADLINES = {
    "Sports": ("{team} edge rivals in late thriller", "Injury worries ahead of derby"),
    "Business": ("{co} shares slide on weak outlook", "{co} to expand in {city}"),
    "Weather": ("Storm brings travel chaos to {city}", "Heat wave set to continue"),
    "Science": ("New study links sleep and memory", "Probe sends first images home"),
    "Culture": ("{city} festival opens to packed crowds", "Museum wing reopens"),
    "Local": ("Council approves {city} budget", "Road closures planned for marathon"),
    "World": ("Trade between neighbours picks up", "Tourism rebounds across the region"),
}


def _plain(rng: random.Random, topic: int) -> str:
    """A sentence of the topic with no word the extractor looks for."""
    who, city, co = pick(rng, PEOPLE), pick(rng, CITIES), pick(rng, COMPANIES)
    n, m = _n(rng, 2, 90), _n(rng, 2, 12)
    common = (
        f"{who}, who has covered the {TOPIC_NAMES[topic].lower()} beat for {m} years, "
        f"said the mood in {city} was {pick(rng, WORDS)}.",
        f"More than {n} percent of people asked in a survey said they expected "
        f"{pick(rng, WORDS)} changes over the next {m} months.",
        f"The figures for {pick(rng, MONTHS)} will be published at the end of the quarter.",
        f"Local newspapers gave the story {pick(rng, WORDS)} coverage on their front pages.",
    )
    by_topic = (
        (
            f"The home side dominated possession but needed a {pick(rng, WORDS)} finish "
            f"to take the lead after {n} minutes.",
            f"{pick(rng, TEAMS).title()} travel to {city} next weekend for their "
            f"{m}th away game of the season.",
            f"Attendance has averaged {n},000 this season, up from last year.",
        ),
        (
            f"Analysts expect {co} to post earnings of {m}.{n} cents a share.",
            f"Sales in the {pick(rng, WORDS)} quarter were driven by strong demand for "
            f"{pick(rng, ('phones', 'trucks', 'software', 'flights', 'insurance'))}.",
            f"The company employs about {n},000 people in {m} countries.",
        ),
        (
            f"Rainfall in {city} was {n} percent above the long-term average.",
            f"Forecasters expect a {pick(rng, WORDS)} end to the week with sunny spells.",
            f"Night-time temperatures could drop to {m} degrees in rural areas.",
        ),
        (
            f"The paper was published in a peer-reviewed journal and involved {n} researchers.",
            f"The team used data collected over {m} years by {pick(rng, WORDS)} sensors.",
            f"{who} said further work would be needed before any treatment could be offered.",
        ),
        (
            f"The exhibition runs until {pick(rng, MONTHS)} and features {n} works.",
            f"The band's {pick(rng, WORDS)} third album reached number {m} in the charts.",
            f"{who} wrote the screenplay over {m} years.",
        ),
        (
            f"The plan will cost about {n} million and take {m} years to complete.",
            f"Residents of {city} can comment on the proposals until {pick(rng, MONTHS)}.",
            f"Volunteers collected {n} bags of litter from the river banks.",
        ),
        (
            f"Economists expect growth of {m}.{n % 10} percent this year.",
            f"Shipping volumes through the port rose for the {m}th month in a row.",
            "The currency weakened slightly against the dollar.",
        ),
    )
    return pick(rng, (*common, *by_topic[topic]))


def _filler_paragraph(rng: random.Random, topic: int, cue_share: float = 0.2) -> str:
    """Sentences of one topic; `cue_share` of them use a channel word in another sense."""
    maker = TOPICS[topic]
    return " ".join(
        maker(rng) if rng.random() < cue_share else _plain(rng, topic)
        for _ in range(rng.randint(2, 5))
    )


# --------------------------------------------------------------------------- channel news


def _when(rng: random.Random, published: date) -> str:
    """A time expression, relative or explicit, or none (the claim takes the publication)."""
    past = published - timedelta(days=rng.randint(20, 400))
    options = (
        f"on {WEEKDAYS[(published - timedelta(days=rng.randint(1, 6))).weekday()]}",
        "last month",
        "last week",
        "earlier this year",
        f"on {MONTHS[past.month - 1]} {past.day}",
        f"in {MONTHS[past.month - 1]} {past.year}",
        f"in early {past.year}",
        "two weeks ago",
        "",
        "",
    )
    return pick(rng, options)


def _channel_sentence(rng: random.Random, a: str, b: str, published: date) -> str:
    """One sentence stating a channel's state, in one of many shapes."""
    if rng.random() < 0.5:
        a, b = b, a
    sa, sb = SIDES[a], SIDES[b]
    ch = pick(rng, CHANNELS)
    when = _when(rng, published)
    w = f" {when}" if when else ""
    months = rng.randint(2, 30)
    shapes = (
        f"{sa.name} suspended {ch} with {sb.name}{w}, citing {sb.adj} military drills.",
        f"{sa.name} and {sb.name} restored {ch}{w} after a {months}-month hiatus.",
        f"{sa.adj} and {sb.adj} officers spoke over the hotline{w}, "
        f"{sa.defense} said in a statement.",
        f"{sa.name} rejected a {sb.adj} request for {ch}{w}.",
        f"Calls on {ch} between {sa.name} and {sb.name} went unanswered{w}, officials said.",
        f"The defense ministers of {sa.name} and {sb.name} held talks in {pick(rng, CITIES)}{w}.",
        f"{sa.name} cut off the military hotline with {sb.name}{w} in protest.",
        f"{sa.name} has yet to respond to a {sb.adj} proposal for {ch}, "
        f"a spokesperson for {sb.defense} said.",
        f"{sa.name} and {sb.name} agreed to resume {ch}{w}, ending a freeze that "
        f"began {months} months earlier.",
        f"{sa.capital} froze {ch} with {sb.capital}{w} after the incident.",
        f"{sa.name} said {ch} with {sb.name} remained open{w} despite the tensions.",
        f"{sa.adj} Defense Minister spoke by phone with his {sb.adj} counterpart{w}, "
        f"the first such call in {months} months.",
        f"{sa.name} will resume {ch} with {sb.name} next month, officials said.",
        f"If {sb.name} stops the drills, {sa.name} would restore {ch}, the minister said.",
        f"{sa.name} declined a {sb.adj} invitation to hold {ch}{w}.",
        f"{sa.name} and {sb.name} held a round of {ch}{w} in {pick(rng, CITIES)}.",
    )
    if {a, b} == {"KP", "KR"} and rng.random() < 0.4:
        return pick(
            rng,
            (
                f"The two Koreas restored their military hotline{w}.",
                f"North Korea did not answer calls on the inter-Korean liaison hotline{w}, "
                f"the Unification Ministry said.",
                f"Inter-Korean military talks were suspended{w} after the balloon launches.",
            ),
        )
    if {a, b} == {"IN", "PK"} and rng.random() < 0.4:
        return pick(
            rng,
            (
                f"India and Pakistan's DGMOs spoke over the hotline{w}.",
                f"The DGMOs of India and Pakistan held talks on the hotline{w} and agreed "
                f"to observe the ceasefire.",
            ),
        )
    return pick(rng, shapes)


def _cap(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _background(rng: random.Random, a: str, b: str, k: int = 1) -> str:
    """`k` different sentences of context: what the two states quarrel about."""
    sa, sb = SIDES[a], SIDES[b]
    options = (
        f"Relations between {sa.name} and {sb.name} have been strained by a dispute "
        f"over {pick(rng, ('the border', 'fishing rights', 'sanctions', 'airspace'))}.",
        f"Analysts in {sa.capital} said the move reflected {pick(rng, WORDS)} "
        f"domestic pressure on the government.",
        f"{sb.adj} officials have repeatedly accused {sa.name} of provocations.",
        f"Trade between the two countries reached ${_n(rng, 2, 600)} billion last year.",
        f"Diplomats said a summit between the two leaders was unlikely before {pick(rng, MONTHS)}.",
        f"The {sa.adj} foreign ministry spokesperson gave no further details.",
        "Military analysts warned that accidents were more likely without "
        "regular communication between the two forces.",
    )
    return " ".join(_cap(s) for s in rng.sample(options, k))


def _channel_body(rng: random.Random, published: date) -> tuple[list[str], str]:
    """Paragraphs of a channel story, and its pair (for its headline)."""
    a, b = pick(rng, [f"{x}-{y}" for x, y in PAIRS]).split("-")
    first = _cap(_channel_sentence(rng, a, b, published))
    paragraphs = [first + " " + _background(rng, a, b)]
    for _ in range(rng.randint(3, 7)):
        if rng.random() < 0.35:
            paragraphs.append(_cap(_channel_sentence(rng, a, b, published)))
        else:
            paragraphs.append(_background(rng, a, b, rng.randint(2, 4)))
    return paragraphs, f"{SIDES[a].adj}-{SIDES[b].adj} military channel in focus"


# --------------------------------------------------------------------------- rendering


@dataclass(frozen=True)
class Story:
    """One article before it is written out: its words and how it shows its date."""

    headline: str
    paragraphs: list[str]
    published: date
    city: str
    outlet: tuple[str, str]
    author: str
    section: str


def _long(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def _dateline(rng: random.Random, story: Story) -> str:
    day = story.published
    city = story.city.upper()
    return pick(
        rng,
        (
            f"{city}, {_long(day)} — ",
            f"{city}, {SHORT_MONTHS[day.month - 1]} {day.day} ({story.outlet[0]}) - ",
            f"{city} ({story.outlet[0]}) — ",
        ),
    )


def _date_line(rng: random.Random, day: date) -> str:
    return pick(
        rng,
        (
            f"{WEEKDAYS[day.weekday()]}, {_long(day)}",
            f"Published: {day.day} {MONTHS[day.month - 1]} {day.year}",
            f"Posted on {_long(day)} {rng.randint(1, 12)}:{rng.randint(0, 59):02d} pm",
            day.isoformat(),
        ),
    )


def render_text(rng: random.Random, story: Story, dating: str) -> str:
    """A saved article as text: headline, byline, date line or dateline, some chrome."""
    lines = []
    if rng.random() < 0.3:
        lines += [story.section, ""]
    lines += [story.headline, ""]
    lines.append(f"By {story.author}")
    if dating == "dateline_and_line":
        lines.append(_date_line(rng, story.published))
    lines.append("")
    for i, para in enumerate(story.paragraphs):
        if i == 0 and dating.startswith("dateline"):
            para = _dateline(rng, story) + para
        lines += [para, ""]
        if i == 2 and rng.random() < 0.3:
            lines += ["Advertisement", ""]
    if rng.random() < 0.5:
        lines += ["Share this article", ""]
    if rng.random() < 0.4:
        lines += ["Related articles:", *(f"- {pick(rng, HEADLINES['World'])}" for _ in range(3))]
    return "\n".join(lines).rstrip() + "\n"


def render_markdown(rng: random.Random, story: Story, dating: str) -> str:
    body = [f"# {story.headline}", "", f"*By {story.author}*", ""]
    if dating != "none":
        body += [f"*{_date_line(rng, story.published)}*", ""]
    for para in story.paragraphs:
        body += [para, ""]
    return "\n".join(body)


def _nav(rng: random.Random, site: str) -> str:
    items = [*TOPIC_NAMES, "Opinion", "Video", "Podcasts", "Newsletters", "Markets"]
    items += ["Defense", "Asia", "Europe", "Americas", "Africa", "Middle East", "Climate"]
    links = "".join(f'<li><a href="/{i.lower()}/">{i}</a></li>' for i in items)
    return (
        f'<header class="site-header"><a class="logo" href="/">{site}</a>'
        f'<nav class="main-nav"><ul>{links}</ul></nav>'
        '<form class="search" action="/search"><input name="q" placeholder="Search">'
        "<button>Search</button></form></header>"
    )


def _footer(rng: random.Random, site: str, year: int) -> str:
    cols = []
    for title in ("Company", "Sections", "Follow us", "Legal"):
        links = "".join(
            f'<li><a href="/{title.lower()}/{n}">{title} link {n}</a></li>' for n in range(8)
        )
        cols.append(f"<div class='col'><h4>{title}</h4><ul>{links}</ul></div>")
    return (
        f"<footer>{''.join(cols)}<p>© {year} {site}. All rights reserved.</p>"
        "<p>Terms of use · Privacy policy · Cookie settings · Accessibility</p></footer>"
    )


def _aside(rng: random.Random) -> str:
    items = []
    for _ in range(8):
        h = pick(rng, HEADLINES[pick(rng, TOPIC_NAMES)]).format(
            team=pick(rng, TEAMS), co=pick(rng, COMPANIES), city=pick(rng, CITIES)
        )
        items.append(f'<li><a href="/story/{rng.randrange(10**8)}">{h}</a></li>')
    return f"<aside class='most-read'><h3>Most read</h3><ol>{''.join(items)}</ol></aside>"


_SCRIPT = (
    "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
    "gtag('js',new Date());gtag('config','G-XXXX');"
    + "var ads=["
    + ",".join(f"'slot-{n}'" for n in range(40))
    + "];"
    + "</script>"
)
_STYLE = (
    "<style>"
    + "".join(f".c{n}{{margin:{n}px;padding:{n % 7}px;color:#{n:06x}}}" for n in range(120))
    + "</style>"
)


def render_html(rng: random.Random, story: Story, dating: str) -> str:
    """A saved web page: head metadata, navigation, the article, asides, footer, scripts."""
    site, slug = story.outlet
    day = story.published
    meta = ""
    if dating in ("meta", "meta_and_dateline"):
        meta = (
            '<meta property="article:published_time" '
            f'content="{day.isoformat()}T08:{rng.randint(10, 59)}:00Z">'
            f'<script type="application/ld+json">{{"@type":"NewsArticle","headline":'
            f'{json.dumps(story.headline)},"datePublished":"{day.isoformat()}"}}</script>'
        )
    paras = []
    for i, para in enumerate(story.paragraphs):
        if i == 0 and dating in ("dateline", "meta_and_dateline"):
            para = _dateline(rng, story) + para
        paras.append(f"<p>{para}</p>")
        if i == 1:
            paras.append('<div class="ad-slot" id="ad-1">Advertisement</div>')
    share = (
        '<div class="share"><a href="#">Share on Facebook</a><a href="#">Tweet</a>'
        '<a href="#">Email</a><a href="#">Copy link</a></div>'
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{story.headline} | {site}</title>"
        f'<meta name="description" content="{story.paragraphs[0][:150]}">'
        f"{meta}{_STYLE}{_SCRIPT}</head><body>"
        '<div class="cookie-banner">We use cookies to improve your experience. '
        "<button>Accept all</button><button>Manage</button></div>"
        f"{_nav(rng, site)}<main><article>"
        f'<div class="breadcrumb"><a href="/">Home</a> › <a href="/{story.section.lower()}/">'
        f"{story.section}</a></div>"
        f"<h1>{story.headline}</h1>"
        f'<div class="byline">By <a href="/authors/{slug}">{story.author}</a></div>'
        f"{share}{''.join(paras)}{share}"
        "<div class='newsletter'>Sign up for our daily newsletter</div>"
        f"</article>{_aside(rng)}</main>{_footer(rng, site, day.year)}{_SCRIPT}</body></html>"
    )


# --------------------------------------------------------------------------- the corpus


@dataclass
class CorpusStats:
    """What a generated corpus holds: enough to tell whether two runs are comparable."""

    articles: int
    seed: int
    html_share: float = 0.5
    channel_share: float = 0.04
    format_version: int = FORMAT_VERSION
    files: int = 0
    bytes: int = 0
    html: int = 0
    text: int = 0
    markdown: int = 0
    channel: int = 0
    wire_copies: int = 0
    duplicates: int = 0
    sidecars: int = 0
    undated: int = 0
    seconds: float = 0.0
    by_dating: dict[str, int] = field(default_factory=dict)


def _day(rng: random.Random) -> date:
    return FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))


def _filler_story(rng: random.Random, published: date) -> Story:
    topic = rng.randrange(len(TOPICS))
    section = TOPIC_NAMES[topic]
    headline = pick(rng, HEADLINES[section]).format(
        team=pick(rng, TEAMS).removeprefix("the ").title(),
        co=pick(rng, COMPANIES),
        city=pick(rng, CITIES),
    )
    paragraphs = [_filler_paragraph(rng, topic) for _ in range(rng.randint(5, 12))]
    # A national paper mixes topics: a weather or trade item under a business story.
    if rng.random() < 0.3:
        paragraphs.insert(rng.randrange(len(paragraphs)), _filler_paragraph(rng, 6))
    return Story(
        headline,
        paragraphs,
        published,
        pick(rng, CITIES),
        pick(rng, OUTLETS),
        pick(rng, PEOPLE),
        section,
    )


def _channel_story(rng: random.Random, published: date) -> Story:
    paragraphs, headline = _channel_body(rng, published)
    a = _filler_paragraph(rng, 6)
    paragraphs.insert(rng.randint(2, len(paragraphs)), a)
    city = pick(rng, [s.capital for s in SIDES.values()])
    return Story(
        headline, paragraphs, published, city, pick(rng, OUTLETS), pick(rng, PEOPLE), "World"
    )


def _dating(rng: random.Random, kind: str) -> str:
    """How an article shows its date (or does not): the mix a scraped corpus has."""
    r = rng.random()
    if kind == "html":
        if r < 0.55:
            return "meta"
        return "meta_and_dateline" if r < 0.8 else "dateline" if r < 0.9 else "none"
    if kind == "md":
        return "line" if r < 0.7 else "none"
    return "dateline" if r < 0.45 else "dateline_and_line" if r < 0.7 else "none"


def _render(rng: random.Random, story: Story, kind: str, dating: str) -> str:
    if kind == "html":
        return render_html(rng, story, dating)
    if kind == "md":
        return render_markdown(rng, story, dating)
    return render_text(rng, story, dating)


def _kind(rng: random.Random, html_share: float) -> str:
    r = rng.random()
    return "html" if r < html_share else "md" if r < html_share + 0.05 else "txt"


def iter_articles(
    articles: int, seed: int, *, html_share: float = 0.5, channel_share: float = 0.04
) -> Iterator[tuple[str, str, date | None, str]]:
    """(relative path, content, sidecar date or None, dating) for each file of the corpus."""
    written = 0
    index = 0
    while written < articles:
        rng = random.Random(f"{seed}:{index}")
        index += 1
        published = _day(rng)
        channel = rng.random() < channel_share
        story = _channel_story(rng, published) if channel else _filler_story(rng, published)
        # A wire story runs in two or three outlets, with their own chrome and headline;
        # some copies carry no date at all.
        copies = 1 + (rng.randint(1, 2) if channel and rng.random() < 0.35 else 0)
        for copy in range(copies):
            if written >= articles:
                break
            outlet = pick(rng, OUTLETS) if copy else story.outlet
            headline = story.headline if copy == 0 else f"{story.headline} ({outlet[0]})"
            version = Story(
                headline,
                story.paragraphs,
                story.published,
                story.city,
                outlet,
                story.author,
                story.section,
            )
            kind = _kind(rng, html_share)
            dating = "none" if copy and rng.random() < 0.5 else _dating(rng, kind)
            content = _render(rng, version, kind, dating)
            sidecar = published if dating != "none" and rng.random() < 0.03 else None
            folder = f"{written // FILES_PER_FOLDER:04d}"
            tag = "ch" if channel else "news"
            name = f"{folder}/{written:07d}_{tag}{'_copy' if copy else ''}.{kind}"
            yield name, content, sidecar, dating
            written += 1
            # An aggregator saves the same page twice now and then.
            if rng.random() < 0.003 and written < articles:
                yield f"{folder}/{written:07d}_dup.{kind}", content, None, dating
                written += 1


def generate(
    out: Path,
    articles: int,
    seed: int = 7,
    *,
    html_share: float = 0.5,
    channel_share: float = 0.04,
) -> CorpusStats:
    """Write the corpus under `out` (which must be empty or absent) and a manifest."""
    started = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    if any(out.iterdir()):
        raise SystemExit(f"{out} is not empty")
    stats = CorpusStats(articles, seed, html_share, channel_share)
    for name, content, sidecar, dating in iter_articles(
        articles, seed, html_share=html_share, channel_share=channel_share
    ):
        path = out / name
        path.parent.mkdir(exist_ok=True)
        data = content.encode("utf-8")
        path.write_bytes(data)
        stats.files += 1
        stats.bytes += len(data)
        suffix = path.suffix
        stats.html += suffix == ".html"
        stats.text += suffix == ".txt"
        stats.markdown += suffix == ".md"
        stats.channel += "_ch" in name
        stats.wire_copies += "_copy" in name
        stats.duplicates += "_dup" in name
        stats.undated += dating == "none" and sidecar is None
        stats.by_dating[dating] = stats.by_dating.get(dating, 0) + 1
        if sidecar is not None:
            meta = {"published": sidecar.isoformat(), "site": "generated"}
            path.with_name(path.name + ".meta.json").write_text(json.dumps(meta))
            stats.sidecars += 1
    stats.seconds = round(time.perf_counter() - started, 2)
    (out / MANIFEST).write_text(json.dumps(asdict(stats), indent=2) + "\n")
    return stats


def existing(
    out: Path, articles: int, seed: int, html_share: float = 0.5, channel_share: float = 0.04
) -> CorpusStats | None:
    """The stats of a corpus already generated under `out` with these settings, if any."""
    try:
        raw = json.loads((out / MANIFEST).read_text())
    except (OSError, ValueError):
        return None
    stats = CorpusStats(**raw)
    wanted = (articles, seed, html_share, channel_share, FORMAT_VERSION)
    if (
        stats.articles,
        stats.seed,
        stats.html_share,
        stats.channel_share,
        stats.format_version,
    ) != wanted:
        return None
    return stats


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write (must be empty or absent)")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--html-share", type=float, default=0.5)
    parser.add_argument("--channel-share", type=float, default=0.04)
    args = parser.parse_args(argv)
    stats = generate(
        args.out,
        args.articles,
        args.seed,
        html_share=args.html_share,
        channel_share=args.channel_share,
    )
    print(json.dumps(asdict(stats), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
