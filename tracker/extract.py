"""From article text to claims: which channel between which two states was in which state, when.

The extractor reads like an analyst skimming for a few kinds of sentence, so it is built
to be cheap on everything else:

1. One compiled pattern of every cue word scans the text; only paragraphs with a hit are
   split into sentences (sentence splitting is the costly step). Photo captions and
   credits are skipped: they describe a picture and restate the story.
2. In a candidate sentence, each state cue ("suspended", "went unanswered", "held talks")
   counts only if what it needs is near it in the same clause: a channel noun, a request,
   someone to meet, or a pronoun for a channel named just before ("cut them off").
   Readings that are about something else ("rejected the claim", "cancelled the Moscow leg
   of his trip") are dropped, and so are negated and denied cues and participles that
   only qualify a channel ("the restored hotlines").
3. The two states come from the clause (a pair written as one: "between X and Y", "the
   Greek and Turkish envoys"; the subject and the object of a contact, each
   member of a listed object), then the sentence, then a channel that names its pair
   ("New START"), then the pair the article is about, then whoever speaks a quoted
   "we", then the states the article has been about (parties.py). States named as
   causes, places or occasions are context.
4. The kind of channel comes from the nouns near the cue ("hotline", "defense consultative
   talks", what a generic noun is of), else from the offices of the people involved (two
   defense ministers, two chiefs of staff), else from a word before a generic noun
   ("military talks"). A cue that governs several channels ("the liaison channel and the
   military hotlines") gives a claim for each.
5. Modal words just before the cue make a claim planned, intended or hypothetical; such
   claims are returned too, with their modality.
6. The time is the time expression of the clause nearest the cue (from tracker.dates),
   else the time of the sentence before for a sentence that points back to it ("That
   incident ..."), else the publication date; a claim dated only by publication takes
   the date of the same claim elsewhere in the article when that one is recent (a
   headline and its body).

Every claim's quote is a clause or sentence of the text, verbatim:
`text[char_start:char_end] == quote`.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import pysbd

from tracker.articles import paragraphs as article_paragraphs
from tracker.articles import split_glued
from tracker.cues import Cues, KindNoun, StateCue, cues, lowered_pattern
from tracker.dates import (
    TimeExpression,
    counted_on,
    day_anchor,
    find_times,
    opens_by_counting,
    told_in_past,
    told_in_present_perfect,
    year_anchor,
)
from tracker.gazetteer import DEMONYM, NON_STATE, PAIR, PERSON, PLACE, Mention, find_mentions
from tracker.parties import (
    Actor,
    Salience,
    adjunct_at,
    inside_quotation,
    is_seat,
    joined_pair,
    rank_parties,
    relative_clauses,
    sentence_actors,
    speaker_party,
)
from tracker.vocab import Claim, DateHow, Kind, Modality, Precision, State

EXTRACTOR_VERSION = "rules-2025.1"

_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Z.'’-]+)*)(?:\s*\([^)]{1,40}\))?"
    r"(?:,\s*[A-Z][a-z]{2,}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*[—–-]{1,2}\s+"
)
# A metadata line glued before a sentence ("date 2022-07-07 China suspended ...") is no
# part of what the sentence says.
_METADATA = re.compile(r"[ \t]*date[ \t]+\d{4}-\d{2}-\d{2}(?:[ \t]+\d{2}:\d{2}(?::\d{2})?)?[ \t]+")
_PRONOUN_SUBJECT = re.compile(
    r"\b(?:it|they)\s+(?:(?:was|were|is|are|had|has|have|been|being|later|then|also|now|"
    r"subsequently|again|partially|fully)\s+){1,3}$",
    re.I,
)
_NO_OBJECT = re.compile(
    r"\s*(?:[,.;:!?\"”’)]|$|(?:in|on|at|after|since|last|this|for|by|until|again|later|"
    r"earlier|yesterday|today|when|because|following|amid|as|and|but)\b|\d)",
    re.I,
)
_PRONOUN_OBJECT = re.compile(r"\s+(?:it|them)\b", re.I)
# A clause that opens with a pronoun as its subject.
_PRONOUN_OPENING = re.compile(r"[\W_]*(?:(?:and|but|so|yet)\s+)?(?:it|they)\s", re.I)
# Between two members of a list of people of states: the rest of the first one (title,
# name) and then the list gap: "US Defense Secretary Lloyd Austin and ROK counterpart ...",
# "his Vietnamese counterpart Phung Quang Thanh and ROK counterpart ...".
_LISTED_ITEM_GAP = re.compile(
    r"(?:[\s,]+(?:(?-i:[A-Z][\w.’'-]*)|counterparts?|opposite\s+numbers?|defen[cs]e|foreign|"
    r"prime|ministers?|secretar(?:y|ies)|chiefs?|generals?|presidents?|envoys?|ambassadors?|"
    r"deputy|vice|top|senior|of|state))*"
    r"\s*(?:,\s*|\s+)(?:(?:and|or)\s+)?(?:(?:the|his|her|their|its)\s+)?",
    re.I,
)
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our|these|those|this|that)\s+"
    r"(?:(?:newly|recently|now|long|once|previously)[-\s]+)?$",
    re.I,
)
_OCCASION = re.compile(
    r"\b(?:at|during|on\s+the\s+(?:sidelines|margins)\s+of|on\s+the\s+sidelines|ahead\s+of|"
    r"under|(?:mediated|hosted|brokered|facilitated|organi[sz]ed|sponsored)\s+by)\s+"
    r"(?:the\s+|a\s+|an\s+|"
    r"this\s+|last\s+)?(?:[\w’'-]+\s+){0,3}$",
    re.I,
)
_OF_KIND = re.compile(r"\s+(?:for|of)\s+(?:[\w-]+\s+)?", re.I)
_DEFINITE = re.compile(
    r"\b(?:the|these|those|this|that|such|its|their|both)\s+(?:[\w-]+\s+){0,2}$", re.I
)
# A verb of speaking, perhaps with where it was said ("said in a statement on", "told
# reporters at a briefing on").
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|added|noted|stated|reported|confirmed)\s+"
    r"(?:(?:\w+\s+)?(?:in|at|during)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|post|tweet|interview|briefing|conference|release|message|speech|"
    r"address)\s+)?(?:\w+\s+){0,2}$",
    re.I,
)
# How far before a time its verb of speaking may stand.
_SPEECH_REACH = 60
# A clause that opens a sentence and leans on the next: "While ...,", "After agreeing to
# resume talks, the two met on Monday" (the agreement does not govern the meeting).
_SUBORDINATE_OPENING = re.compile(
    r"(?:(?:While|Although|Though|Whereas)\b|(?:After|Before|Since|Upon|Despite|Without)\s+[a-z]+ing\b)"
    r"[^,;]{3,200},\s+"
)
# At most two lower-case words between a modifier and its noun ("military and security
# talks"); a capitalised word means the modifier belongs to a title ("Defense Minister").
_ADJACENT = re.compile(r"^(?:[-\s]+(?:and\s+|or\s+)?[a-z][\w-]*){0,2}[-\s]+$")
# The same, where words may have capitals: a compound name ("the MMCA Working Group
# meeting"), a headline in title case.
_ADJACENT_ANY_CASE = re.compile(r"^(?:[-\s]+(?:and\s+|or\s+)?[A-Za-z][\w-]*){0,2}[-\s]+$")
# What may stand between "told" and the person told: titles, names, possessives.
_TOLD_GAP = re.compile(
    r"^(?:[\s,]+(?:the|his|her|their|its|a|an|and|visiting|then|new|former|senior|top|"
    r"[A-Z][\w.’'-]*|"
    r"foreign|defen[cs]e|minister|secretary|president|prime|of|state|general|chief|deputy|vice|"
    r"counterparts?|envoys?|ambassadors?|ministers|secretaries))*[\s,]*$"
)
_GERUND_AFTER_PREPOSITION = re.compile(
    r"\b(?:of|for|before|after|without|about|on|from|in|toward|towards|in\s+advance\s+of|"
    r"instead\s+of|against)\s+(?:\w+ly\s+)?$",
    re.I,
)
# A full stop, a closing quotation mark perhaps, and a capital: a sentence break.
_QUOTED_BREAK = re.compile(r"[.!?]([\"”’]?)\s+(?=[\"“‘]?[A-Z])")
_ABBREVIATIONS = frozenset(
    [
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Gen",
        "Adm",
        "Col",
        "Lt",
        "Maj",
        "Sgt",
        "Capt",
        "Cmdr",
        "Gov",
        "Sen",
        "Rep",
        "Rev",
        "St",
        "Sr",
        "Jr",
        "Prof",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "Corp",
        "Inc",
        "Ltd",
        "Co",
        "vs",
        "No",
        "U",
        "S",
        "Ph",
    ]
)
# A stop after a lower-case word, perhaps a closing quotation mark, then a capital: a
# sentence break for any splitter, unless the word is an abbreviation ("etc. Then").
_SAFE_BREAK = re.compile(r"\b([a-z]{2,})[.!?][\"”’)]?(\s+)(?=[\"“‘(]?[A-Z])")
# A stop followed by more of the text: a place where a sentence may end.
_INNER_STOP = re.compile(r"[.!?…][\"”’)\]]*\s")
_CLOSING_ONLY = re.compile(r"[\"”’)\]]+")
_LOWER_ABBREVIATIONS = frozenset(["etc", "vs", "approx", "incl", "esp", "viz", "cf", "al"])
_BEFORE_WINDOW = 70
# The longest a photo caption and its credit run, in characters.
_CAPTION_MAX = 600
# How far into a text its head (headline, standfirst) runs, in characters.
_HEAD_CHARS = 600
_HEADLINE_CHARS = 150
# How recent a dated claim must be for an undated twin to be the same event.
_SAME_EVENT_DAYS = 7
_OBJECT_WINDOW = 45
# What a generic channel noun is of: "talks between theater commanders", "a meeting of
# maritime safety officials", "talks on confidence-building measures".
_COMPLEMENT = re.compile(
    r"(?:\s+(?:between|of|on|among|at|with|involving)|,?\s+(?:known\s+as|called|dubbed))\s+"
    r"(?:the\s+|their\s+|its\s+)?(?:[\w’'.-]+\s+){0,3}$",
    re.I,
)
# Between a verb and its channel object only articles and modifiers: "cut off all
# communication lines", "launched a defense hotline"; not "cut back tensions after talks".
_OBJECT_GAP = re.compile(
    r"[\s,]*(?:(?:plans?\s+(?:for|to\s+hold)|off|down|up|all|of|most|virtually|almost|nearly|"
    r"practically|the|its|their|his|her|our|a|an|"
    r"any|every|remaining|existing|planned|scheduled|upcoming|proposed|next|rounds?\s+of|"
    r"direct|regular|bilateral|official|formal|two|both|such|these|those|this|that|new|several|"
    r"some|various|key|military|defen[cs]e|security|diplomatic|communications?|liaison|"
    r"telephone|phone|emergency|crisis|joint|annual|routine|senior|strategic|ministerial|"
    r"border|naval|army|maritime|[\w]+-[\w-]+|[A-Z][\w.’']*)[\s,]+)*$"
)
# "the attempts to reach out to China's military in recent months have been rejected"
_REQUEST_WINDOW = 110
# "the two" standing for two people named before.
_THE_TWO = re.compile(
    r"\b[Tt]he\s+two\b(?!\s+(?:countries|nations|states|governments|sides|capitals))"
)
# Requests that are for contact whatever follows them.
_CONTACT_REQUEST = re.compile(
    r"(?:(?:the\s+)?(?:tele)?phones?|(?:phone\s+)?calls?|invitations?|overtures?|outreach|"
    r"messages?|contacted|reached\s+out|(?:tried|attempted|sought)\s+to\s+(?:contact|reach|call|phone))",
    re.I,
)
# Verbs of getting in touch: "attempts to reach", "a request to meet".
_CONTACT_VERBS = r"reach|contact|call|talk|meet|speak|engage|communicate|phone"
# After a request noun, words that make it a request for contact: "attempts to reach out".
_CONTACT_ASKED = re.compile(
    rf"\s+(?:to|for)\s+(?:{_CONTACT_VERBS}|a\s+(?:call|meeting|conversation))",
    re.I,
)
# After a request noun, an infinitive of anything but contact (or of a channel's making
# and mending) makes it a request for that thing: "ignored attempts by its officials to
# have them returned", "calls to free him".
_OTHER_ASKED = re.compile(
    r"\s+(?:(?:by|from|of)\s+[^,;.]{0,60}?\s+)?to\s+"
    rf"(?!(?:{_CONTACT_VERBS}|resume|restore|hold|arrange|set|open|discuss|negotiate|visit|"
    r"establish|re-?establish|revive|start|restart|begin|launch|have\s+(?:talks|a\s+call|"
    r"a\s+meeting)|get|sit|reopen|re-?open|pick|answer|respond|reply|return\s+(?:the\s+|his\s+|"
    r"her\s+|their\s+)?(?:calls?|messages?))\b)[a-z]",
    re.I,
)
_AFTER_WINDOW = 90
# A passive verb after its subject: "were suspended", "was “temporarily halted”".
_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|been|being|is|are)\s+(?:[\"“‘']?\w+ly\s+)?[\"“‘']?$", re.IGNORECASE
)
# Between a cue and the leader its channel is with: "cut off contact with Venezuelan
# President", "severed ties with President".
_WITH_LEADER = re.compile(
    r"(?:\s+(?:all\s+|any\s+|direct\s+|personal\s+)?(?:contacts?|ties|talks|dialogue|"
    r"communications?|relations))?\s+with\s+(?:[\w’'.-]+\s+){0,4}",
    re.IGNORECASE,
)
# How far into its clause the noun that is its subject may start ("The marathon talks").
_SUBJECT_REACH = 30
# How far back (in characters) a pronoun ("it", "them") finds the channel it stands for.
_ANTECEDENT_REACH = 400
# "for the first time in 21 months": a measure of a gap, not the date of the claim.
_FIRST_TIME = re.compile(r"\bfirst\s+(?:\w+\s+){0,2}?time\s+(?:in\s+|since\s+|after\s+)?$", re.I)
# How far after an event noun its time may stand: near, or after a complement that
# names who met ("a video call between the premiers of Spain, Italy and the EU on Friday").
# A copula right before the time gives the event's own time: "The first call was on May
# 13", "the last meeting was in 2019".
_COPULA_TIME = re.compile(r"\s+(?:was|were)\s+(?:(?:held|last\s+held)\s+)?(?:on\s+|in\s+)?", re.I)
_EVENT_TIME_NEAR = 45
_EVENT_TIME_REACH = 110
_COMPLEMENT_GAP = re.compile(r"\s+(?:between|with|among|involving|of)\s+[^;:]*?\s+$", re.I)
# Between a verb and its first channel object: no other verb ("ignored the usual morning
# call over the liaison channel").
_OBJECT_LEAD = re.compile(r"[^.;:!?]{0,80}?", re.S)
# Between two channels the cue governs together.
_COORDINATION = re.compile(
    r"(?:\s+(?:between|with|of|to|among|on|in)\s+[^;:.]{0,60}?)?"
    r"(?:[\s,]*(?:and|or|as\s+well\s+as|plus|along\s+with|including|in\s+addition\s+to)\s+"
    r"|,\s+)(?:[\w’'-]+\s+){0,3}",
    re.I,
)
# Times that bound or measure rather than date: "since 2016", "before the talks", "for
# two years" (find_times gives a duration only in a present perfect: the span up to
# publication).
_CONTEXTUAL_TIMES = re.compile(
    r"^(?:since|before|after|ahead of|by|until|till|for(?!\s+the\b))\b", re.I
)
# The event a count is taken from ("spoke on Tuesday, a day after the ban was imposed"):
# a time told after "after" or "before" is a reference point, not the day the story tells.
_REFERENCE_POINT = re.compile(r"\b(?:after|before)\s+$", re.I)
_REFERENCE_REACH = 12
_REFERENCE_WORD = re.compile(r"\b(?:after|before|since|until)\b", re.I)
# A time that bounds a gap rather than dates the event: "first time after 2012".
_BOUND_JUST_BEFORE = re.compile(
    r"\b(?:since|before|until|first\s+(?:[\w-]+\s+){0,3}?after)\s+$", re.I
)
_BOUND_BEFORE = re.compile(r"\b(?:since|before|ahead\s+of|until)\s+(?:\w+\s+){0,5}$", re.I)
# What dates a state that has held up to publication: "has been frozen since March 2019",
# "has been suspended for two years".
_SINCE = re.compile(r"(?:since|for)\b", re.I)
_SINCE_WORD = re.compile(r"\bsince\b", re.I)
# The slot of a contact that was called off: "scheduled for next week".
_SLOT_BEFORE = re.compile(r"\b(?:scheduled|slated|planned|set|due)\s+(?:for|on|in)\s+$", re.I)
# A modal denial inside a contact cue that spans words ("talks cannot be held").
_MODAL_NOT = re.compile(
    r"\b(?:can|could|will|would|should|must|may|might|shall)\s*(?:not|n[’']t)\b|\bcannot\b|"
    r"\bwon[’']t\b",
    re.I,
)
_NOT = re.compile(r"\b(?:not|never|no)\b|n[’']t\b", re.I)
_SINCE_NEXT = re.compile(r"\s+(?:since|for)\b", re.I)
_PARTICIPLE_END = re.compile(r"(?:ed|en|cut|shut|down|off|hold)$", re.I)
_PERFECT = re.compile(
    r"\b(?:has|have|had|having)\s+(?:(?:not|never|already|also|long|just|largely|mostly)\s+)?"
    r"(?:been\s+)?\w+",
    re.I,
)
_HEADLINE_TO = re.compile(r"(?<![\w-])to\s+$", re.I)
# A sentence that ends with a stop, perhaps inside quotes or brackets (no headline).
_STOP_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
# "to" before a contact cue is a purpose ("flew to Washington to meet"), but not after
# "used" or "continue" ("will continue to use the line").
_TO_BEFORE = re.compile(
    r"(?<!\bused\s)(?<!\bcontinue\s)(?<!\bcontinues\s)(?<!\bcontinued\s)\bto\s+$", re.I
)
# A cue inside a clause opened by one of these ("a year after it severed the line") takes
# no time from outside that clause.
_SUBORDINATOR = re.compile(
    r"\b(?:after|before|since|until|when|once|as\s+soon\s+as)\s+(?:[\w’'-]+\s+){1,5}$", re.I
)
# A "when" clause that follows its main clause ("the effort Saturday fell flat, when the
# minister declined ...") tells what happened at the main clause's time: a cue inside it
# falls back on that time when it has none of its own.
_WHEN = re.compile(r"when\b", re.I)
# Future words that announce a decision when they go with a suspension.
_DECIDED = frozenset(["will", "shall", "’ll", "'ll"])
# A contact named as the setting of an aim is presupposed: "sought to mend ties in their
# first call since the crash" (the aim is the mending, the call happened).
_DEFINITE_SETTING = re.compile(r"\b(?:in|during|at)\s+(?:their|the|its|his|her)\s+$", re.I)
# "will continue to use the line", "will not affect the line": in use now, and after.
_CONTINUE = re.compile(
    r"\s+(?:continue|keep)\s+(?:to\s+|on\s+)?|\s*(?:not|n[’']t)\s+(?:affect|disrupt|interrupt|touch)\b",
    re.I,
)
# A cue whose verb is in the past: "declined", "turned down", "called off".
_PAST_CUE = re.compile(r"[A-Za-z]+ed\b(?!\s+(?:to|by)\b)")
_DONE = re.compile(r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?\w+ed\b", re.I)
_SCHEDULED = re.compile(r"scheduled|slated|planned|upcoming|to\s+be\s+held", re.I)
_CONDITIONAL = re.compile(r"\b(?:if|unless|whether)\b", re.I)
_SUBJECT_MODAL = re.compile(r"\b(?:would|could|might|may|will)\b")
# A gerund or a noun of action ("suspending", "resumption", "revival", "reinstatement").
_ACTION_WORD = re.compile(r"(?:ing|ion|al|ment)$")
_SUBJECT_OPENING = re.compile(
    r"[\W_]*(?:(?:but|and|so|yet)\s+)?(?:(?:the|a|an|any|an?\s+early|a\s+swift|a\s+full)\s+)?",
    re.I,
)
_ADJECTIVE_GAP = re.compile(r"(?:\s+[\w’'-]+){0,2}\s+")
# The end of a sentence, or of a line that ends in a number (a dateline, a timestamp).
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+|(?<=\d)[ \t]*\n\s*")
# Times that name the day the story is telling: "earlier in the day", "that evening".
_SAME_DAY = re.compile(
    r"(?:(?:earlier|later)\s+(?:in\s+)?(?:the|that)\s+day|(?:on\s+)?the\s+same\s+day|"
    r"(?:on\s+)?that\s+(?:same\s+)?(?:day|morning|afternoon|evening|night))\b",
    re.I,
)
# How far back the day a story is telling may have been named.
_NARRATIVE_REACH = 1500
# How far back the sentence before may start.
_PREVIOUS_REACH = 400
# A sentence of prose ends with a stop; a head line (a date line, a byline) does not.
_STOPPED = re.compile(r"[.!?][\"”’)]*$")
# How far into a sentence its opening words reach ("Two weeks later,").
_OPENING_REACH = 30
# "Since then": a stretch from the time told before to publication.
_SINCE_THEN = re.compile(r"\bsince\s+then\b", re.I)
# Days named from the moment of speaking.
_SPEAKERS_DAY = re.compile(r"today|tonight|yesterday|tomorrow", re.I)
# How many characters before a cue show the tense of its clause.
_TENSE_REACH = 60
# How many days before it was told a reported event without a time of its own may lie.
_REPORTED_REACH = 6
# What a line joins: "hotlines between the two armies", "the line of the two navies".
_LINE_COMPLEMENT = re.compile(r"\s+(?:between|of|linking|connecting|for)\s+", re.I)
# A participle of making with its agent: "set up by the council in 2014".
_PARTICIPLE = re.compile(
    r"\b(?:set\s+up|established|created|founded|built|launched|opened|installed|signed|"
    r"drawn\s+up|agreed|introduced|formed|adopted)\s+by\b"
    r"[^,;]*?(?=[,;]|$|\s+(?:had|has|have|was|were|is|are|will|would|could|did)\b)",
    re.I,
)
_AUXILIARY_BEFORE = re.compile(
    r"\b(?:was|were|be|been|being|is|are|am|has|have|had|get|gets|got)\s+(?:\w+ly\s+)?$", re.I
)
# Between a title and the two sides that hold it: "the Prime Ministers of the two countries".
_SHARED_AFTER = re.compile(r"\s+(?:of|from|for)\s+", re.I)
# "South Korea and Japan", "the United States and China": two names joined by "and".
_TWO_NAMED = re.compile(
    r"(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}\s+and\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}"
)
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
# What stands between the members of a list: "Ukraine, Russia, France and Germany".
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")
# From a cue to the one state a change is made with: "severed diplomatic ties with ".
_WITH_ONE = re.compile(r"[\w’'-]*(?:\s+[\w’'-]+){0,5}?\s+with\s+(?:the\s+)?")
# "between Moscow and the alliance": the two sides of a channel, as written.
_BETWEEN_AND = re.compile(
    r"\bbetween\s+(?:the\s+)?[\w.’'-]+(?:\s+[\w.’'-]+){0,3}?\s+and\s+(?:the\s+)?[\w.’'-]+(?:\s+[\w.’'-]+){0,2}",
    re.I,
)
_COORDINATED = re.compile(r"\b(?:and|or|nor)\b", re.I)
_SHARED_BEFORE = re.compile(r"\b(?:the\s+two|both)\s+(?:countries[’']\s+|sides[’']\s+)?$", re.I)
# A count of contacts: "two summits", "three times", "several rounds of talks".
_COUNTED_CONTACTS = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|multiple|a\s+few|"
    r"a\s+number\s+of|dozens\s+of)\s+(?:[\w-]+\s+){0,2}?(?:times|summits|meetings|rounds|calls|"
    r"conversations|talks|visits|sessions)\b",
    re.I,
)
_FIRST_BEFORE = re.compile(r"\bfirst\b", re.I)
_COUNTED_GAP = re.compile(r"\b\w+\s+(?:days?|weeks?|months?|years?|decades?)\s+after\s+$", re.I)
_AFTER_TIMES = re.compile(r"\b(?:after|following|since)\s+(?:\w+\s+){0,9}$", re.I)

Span = tuple[int, int]


@dataclass(frozen=True)
class _Noun:
    """A channel noun found in a sentence: its kind if it says one, and what qualifies it."""

    start: int
    end: int
    kind: Kind | None
    event: bool
    specificity: int
    definite: bool = False
    hint: bool = False
    purpose: bool = False
    pair: tuple[str, str] | None = None
    bare: bool = False


@dataclass
class _Sentence:
    """One candidate sentence with everything found in it."""

    start: int
    end: int
    paragraph_start: int
    clauses: list[Span]
    actors: list[Actor]
    nouns: list[_Noun]
    times: list[TimeExpression]
    cue_starts: list[int] = field(default_factory=list)
    hits: list[tuple[int, int, StateCue]] = field(default_factory=list)


@dataclass
class _Candidate:
    """A claim under construction, before deduplication."""

    pair: str
    kind: Kind
    state: State
    modality: Modality
    span: Span
    clause: Span
    time: TimeExpression | None
    confidence: float
    anchor: int
    after_time: bool = False
    whole_sentence: bool = False
    adjunct: bool = False


@dataclass
class _Article:
    """What extraction knows of the article so far."""

    text: str
    published: date | None
    mentions: list[Mention]
    salience: Salience
    cues: Cues
    last_kind: Kind | None = None
    # Whether the channel last named was one of no concern here ("talks on export
    # controls"): "such meetings" after it refer to it.
    last_blocked: bool = False
    # The headline is about a channel of no concern ("US-China trade talks end"): the
    # generic talks the article refers back to later are those.
    head_blocked: bool = False
    main_pair: tuple[str, str] | None = None
    # The main pair when no other pair comes near it: what a sentence naming no other
    # state speaks of ("The last such meeting was held in May").
    sole_pair: tuple[str, str] | None = None
    sentences: list[Span] = field(default_factory=list)
    actors_of: dict[int, list[Actor]] = field(default_factory=dict)
    # The last day the sentences read so far named: what "earlier in the day" counts from.
    anchor: date | None = None
    # The last year they named: what "that year" is.
    year: int | None = None
    # The last past time they named: what "since then" and "two days later" count from.
    told: TimeExpression | None = None


# --------------------------------------------------------------------------- segmentation


@functools.cache
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def _rough_sentences(text: str, paragraph: Span) -> list[Span]:
    """A paragraph cut only where any splitter would cut it: a stop after a lower-case
    word that is no abbreviation, then a capital. Each piece holds one or more sentences."""
    start, end = paragraph
    spans: list[Span] = []
    cursor = start
    for m in _SAFE_BREAK.finditer(text, start, end):
        if m.group(1) in _LOWER_ABBREVIATIONS:
            continue
        spans.append((cursor, m.start(2)))
        cursor = m.end()
    spans.append((cursor, end))
    return spans


# Where a prefilter match runs over the end of a sentence or a paragraph.
_CROSSES_SENTENCE = re.compile(r"[.!?][\"”’']?\s|\n")


class _Hits:
    """Where the cue prefilter matches in a text, found in one scan, asked of any span."""

    def __init__(self, c: Cues, text: str) -> None:
        lowered, fast = text.lower(), lowered_pattern(c.prefilter)
        if fast is not None and len(lowered) == len(text):
            matches = fast.finditer(lowered)
        else:
            matches = c.prefilter.finditer(text)
        found = []
        for m in matches:
            found.append((m.start(), m.end()))
            if _CROSSES_SENTENCE.search(m.group()):
                # A match that runs over a sentence's end ("talks resumed on Monday. ...
                # will be held") must not hide the cues it swallowed: look again inside.
                inner = c.prefilter.search(text, m.start() + 1, m.end())
                while inner is not None:
                    found.append((inner.start(), inner.end()))
                    inner = c.prefilter.search(text, inner.start() + 1, m.end())
        found.sort()
        if c.prefilter_cased is not None:
            found = sorted(found + [(m.start(), m.end()) for m in c.prefilter_cased.finditer(text)])
        self._starts = [s for s, _ in found]
        self._ends = [e for _, e in found]

    def within(self, span: Span) -> bool:
        """Whether a match lies wholly inside `span`."""
        i = bisect.bisect_left(self._starts, span[0])
        while i < len(self._starts) and self._starts[i] < span[1]:
            if self._ends[i] <= span[1]:
                return True
            i += 1
        return False


def _sentences(text: str, paragraph: Span, wanted: _Hits) -> list[Span]:
    """Sentence spans of a paragraph. The costly splitter runs only on the pieces in
    which `wanted` occurs; a piece without it stays whole, since no claim comes from it."""
    spans: list[Span] = []
    for piece in _rough_sentences(text, paragraph):
        spans += _split(text, piece) if wanted.within(piece) else [piece]
    return spans


def _split(text: str, paragraph: Span) -> list[Span]:
    """Sentence spans of a piece of text, found with pysbd and located back in the text."""
    start, end = paragraph
    # Line breaks inside a paragraph are wrapping, not sentence ends; a space keeps offsets.
    flat = re.sub(r"[\r\n]", " ", text[start:end])
    spans: list[Span] = []
    if not _INNER_STOP.search(flat.rstrip()):
        # No stop before the last one: one sentence, whatever the splitter would say.
        core = flat.strip()
        first = start + flat.index(core) if core else start
        return _sentences_within(text, first, first + len(core)) or [(start, end)]
    cursor = 0
    for piece in _segmenter().segment(flat):
        core = piece.strip()
        if not core:
            continue
        found = flat.find(core, cursor)
        if found < 0:
            return [(start, end)]
        if spans and _CLOSING_ONLY.fullmatch(core):
            # A quotation closed after its last stop, cut off on its own: it ends the sentence.
            spans[-1] = (spans[-1][0], start + found + len(core))
            cursor = found + len(core)
            continue
        spans += _sentences_within(text, start + found, start + found + len(core))
        cursor = found + len(core)
    return spans or [(start, end)]


def _sentences_within(text: str, start: int, end: int) -> list[Span]:
    """A sentence the splitter gave, cut further where a quotation or a glued stop
    hides a break."""
    return [s for quoted in _split_quoted(text, start, end) for s in split_glued(text, *quoted)]


def _abbreviation_stop(text: str, start: int, stop: int) -> bool:
    """Whether the stop at `stop` ends an abbreviation or an initial ("Mr.", "U.S.", "J.")."""
    word = re.search(r"(\w+)\W*$", text[max(start, stop - 12) : stop + 1])
    return bool(word and (word.group(1) in _ABBREVIATIONS or len(word.group(1)) < 2))


def _split_quoted(text: str, start: int, end: int) -> list[Span]:
    """Sentences pysbd leaves joined inside a quotation ("We agreed. Recently ...")."""
    spans: list[Span] = []
    cursor = start
    for m in _QUOTED_BREAK.finditer(text, start, end):
        if _abbreviation_stop(text, cursor, m.start()):
            continue
        spans.append((cursor, m.start() + 1 + len(m.group(1))))
        cursor = m.end()
    spans.append((cursor, end))
    return spans


def _clauses(text: str, start: int, end: int, c: Cues) -> list[Span]:
    """Clauses of a sentence, cut at the conjunctions and semicolons that join them."""
    cuts: list[Span] = []
    opening = _SUBORDINATE_OPENING.match(text, start, end)
    if opening:
        cuts.append(
            (
                opening.end() - len(opening.group()) + len(opening.group().rstrip(", ")),
                opening.end(),
            )
        )
    cuts += [(m.start(), m.end()) for m in c.clause_breaks.finditer(text, start, end)]
    clauses: list[Span] = []
    cursor = start
    for cut_start, cut_end in sorted(cuts):
        if cut_start > cursor:
            clauses.append((cursor, cut_start))
        cursor = max(cursor, cut_end)
    if cursor < end:
        clauses.append((cursor, end))
    return clauses or [(start, end)]


def _caption(text: str, paragraph: Span, c: Cues) -> bool:
    """Whether a paragraph is a photo caption or credit rather than reporting. A paragraph
    longer than any caption holds reporting too (a page saved as one line of text)."""
    if paragraph[1] - paragraph[0] > _CAPTION_MAX:
        return False
    return any(p.search(text, *paragraph) for p in c.captions)


def _skip_dateline(text: str, start: int, end: int) -> int:
    """Where a sentence's own words begin, after a dateline such as "WASHINGTON, Jan. 7 —"."""
    m = _METADATA.match(text, start, end)
    if m:
        start = m.end()
    m = _DATELINE.match(text, start, end)
    return m.end() if m else start


# --------------------------------------------------------------------------- nouns and cues


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _modifier_kind(text: str, start: int, end: int, clause: Span, c: Cues) -> Kind | None:
    """The kind a word before a generic channel noun gives it ("military talks")."""
    before = text[max(clause[0], start - 40) : start]
    after = text[end : min(clause[1], end + 30)]
    # In a headline written in title case every word has a capital, titles or not.
    adjacent = _ADJACENT_ANY_CASE if _title_case(text[clause[0] : clause[1]]) else _ADJACENT
    for (kind, pattern), (_, following) in zip(c.modifiers, c.modifiers_after, strict=True):
        for m in pattern.finditer(before):
            if adjacent.match(before[m.end() :]):
                return kind
        if following.match(after):
            return kind
    return None


def _channel_nouns(text: str, sentence: Span, clauses: list[Span], c: Cues) -> list[_Noun]:
    """Kind nouns and unblocked generic channel nouns of a sentence."""
    start, end = sentence
    nouns: list[_Noun] = []
    for noun in c.kinds:
        nouns += [_kind_noun(m, noun) for m in noun.pattern.finditer(text, start, end)]
    # A kind noun inside a longer one is part of it: "hotline" in "Red Cross hotline"; the
    # longer one keeps the pair the shorter names ("New START inspections").
    kept: list[_Noun] = []
    for n in nouns:
        if any(_inside(n, o) for o in nouns):
            continue
        pair = n.pair or next((o.pair for o in nouns if o.pair and _inside(o, n)), None)
        kept.append(replace(n, pair=pair) if pair != n.pair else n)
    nouns = kept
    for m in c.generic.finditer(text, start, end):
        if any(_overlaps((m.start(), m.end()), (n.start, n.end)) for n in nouns):
            continue
        clause = next((cl for cl in clauses if cl[0] <= m.start() < cl[1]), sentence)
        if c.blocking.search(text, max(clause[0], m.start() - 30), m.start()):
            continue
        if any(
            not n.hint and _OF_KIND.fullmatch(text, n.end, m.start())
            for n in nouns
            if n.end <= m.start()
        ):
            continue  # "a hotline for crisis communication": part of the hotline
        definite = bool(_DEFINITE.search(text, max(clause[0], m.start() - 25), m.start()))
        kind = _modifier_kind(text, m.start(), m.end(), clause, c) or _compound_kind(
            text, nouns, m.start()
        )
        nouns.append(_Noun(m.start(), m.end(), kind, False, 0, definite and kind is None))
    return sorted(nouns, key=lambda n: n.start)


def _title_case(text: str) -> bool:
    """Whether a line is written in title case ("Turkey Suspends Defense Ties With Israel")."""
    words = [w for w in _WORD.findall(text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _compound_kind(text: str, nouns: Sequence[_Noun], start: int) -> Kind | None:
    """The kind of a generic noun that heads a compound after a named channel: "the
    Military Maritime Consultative Agreement working group meeting"."""
    for n in nouns:
        between = text[n.end : start] if n.end <= start else ""
        joined = _COORDINATED.search(between)  # "the hotline and talks" are two things
        named = n.kind is not None and not n.hint and between.strip()
        if named and not joined and _ADJACENT_ANY_CASE.match(between):
            return n.kind
    return None


def _inside(inner: _Noun, outer: _Noun) -> bool:
    """Whether a noun lies within a longer one of the same sort (both hints or neither)."""
    return (
        outer.start <= inner.start
        and inner.end <= outer.end
        and outer.end - outer.start > inner.end - inner.start
        and outer.hint == inner.hint
    )


def _kind_noun(m: re.Match[str], noun: KindNoun) -> _Noun:
    return _Noun(
        m.start(),
        m.end(),
        noun.kind,
        noun.event,
        noun.specificity,
        hint=noun.hint,
        purpose=noun.purpose,
        pair=noun.pair,
        bare=noun.bare,
    )


def _cue_hits(text: str, start: int, end: int, c: Cues) -> list[tuple[int, int, StateCue]]:
    """State cues of a sentence: where two overlap the higher-ranked, longer one wins, and
    none that overlaps a false friend is kept."""
    found = []
    for cue in c.states:
        found += [(m.start(), m.end(), cue) for m in cue.pattern.finditer(text, start, end)]
    found.sort(key=lambda h: (-h[2].rank, -(h[1] - h[0]), h[0]))
    friends = [(m.start(), m.end()) for p in c.false_friends for m in p.finditer(text, start, end)]
    kept: list[tuple[int, int, StateCue]] = []
    for hit in found:
        span = (hit[0], hit[1])
        if any(
            _overlaps(span, (k[0], k[1])) and not (hit[2].coexist or k[2].coexist) for k in kept
        ):
            continue
        if any(_overlaps(span, f) for f in friends):
            continue
        kept.append(hit)
    return sorted(kept, key=lambda h: h[0])


def _near(nouns: Sequence[_Noun], lo: int, hi: int, hints: bool = False) -> list[_Noun]:
    """Channel nouns that reach into text[lo:hi] (with `hints`, kind hints too)."""
    return [n for n in nouns if n.end > lo and n.start < hi and (hints or not n.hint)]


def _needs_met(
    art: _Article,
    sent: _Sentence,
    hit: tuple[int, int, StateCue],
    clause: Span,
    across: bool = False,
) -> bool:
    """Whether what a cue needs is near it: a channel noun, a request, or someone."""
    start, end, cue = hit
    before = (max(clause[0], start - _BEFORE_WINDOW), start)
    after = (end, min(clause[1], end + _AFTER_WINDOW))
    channel_before = _near(sent.nouns, before[0], end)
    channel_after = _near(sent.nouns, start, after[1])
    if cue.needs == "none":
        return True
    if cue.needs == "channel":
        return bool(channel_before or channel_after) or _passive_of_subject(art, sent, hit, clause)
    if cue.needs == "after":
        return bool(channel_after)
    if cue.needs == "subject":
        return any(n.end <= end for n in channel_before)
    if cue.needs == "event":
        return any(n.event or _is_event(art, n) for n in _near(sent.nouns, before[0], after[1]))
    if cue.needs == "contact":
        if art.cues.negation.search(art.text, clause[0], start):
            return False
        return any(
            n.event or _is_event(art, n) for n in _near(sent.nouns, before[0], after[1])
        ) or any(
            h[2].state == State.OPEN and clause[0] <= h[0] < clause[1] and h[0] != start
            for h in sent.hits
        )
    if cue.needs == "before":
        # A pronoun for a channel named earlier in the sentence or just before it.
        return (
            bool([n for n in sent.nouns if n.end <= start and not n.hint])
            or _recent_kind(art, sent) is not None
        )
    if cue.needs == "object":
        objects = _near(sent.nouns, end, min(clause[1], end + _OBJECT_WINDOW))
        return any(_OBJECT_GAP.match(art.text, end, n.start) for n in objects if n.start >= end)
    if cue.needs == "request":
        c = art.cues
        reach = (max(clause[0], start - _REQUEST_WINDOW), start)
        if channel_before or channel_after:
            return True
        found = c.requests.search(art.text, *reach) or c.requests.search(art.text, *after)
        if found:
            if _OTHER_ASKED.match(art.text, found.end()):
                return False
            # A call or an invitation is a contact asked for; an offer, a bid or a
            # proposal may be of anything ("dismissed the offer of a probe") unless a
            # channel is named in the sentence or just before it.
            return bool(
                _CONTACT_REQUEST.fullmatch(found.group())
                or _CONTACT_ASKED.match(art.text, found.end())
                or _near(sent.nouns, sent.start, sent.end)
                or _recent_kind(art, sent) is not None
                or art.cues.generic.search(
                    art.text, max(0, sent.start - _ANTECEDENT_REACH), sent.start
                )
            )
        # "X proposed talks, but Y has yet to respond": the request is in the clause before.
        return (
            across
            and cue.rank > 1
            and bool(
                c.requests.search(art.text, sent.start, clause[0])
                or _near(sent.nouns, sent.start, clause[0])
            )
        )
    if cue.needs == "pair" and (
        _two_sides(art, sent)
        or any(n.specificity for n in channel_before + channel_after)
        or _of_sole_pair(art, sent, channel_before + channel_after)
    ):
        return True
    return _someone_after(art, sent, hit, clause, person_only=cue.needs == "person")


def _passive_of_subject(
    art: _Article, sent: _Sentence, hit: tuple[int, int, StateCue], clause: Span
) -> bool:
    """Whether a cue in the passive has a channel noun as the subject that opens its
    clause, however long the phrases between them ("The talks between the two
    rivals, held every month since the spring, were suspended")."""
    if not _PASSIVE_BEFORE.search(art.text, max(clause[0], hit[0] - 20), hit[0]):
        return False
    opening = [n for n in sent.nouns if clause[0] <= n.start < clause[0] + _SUBJECT_REACH]
    return any(not n.hint for n in opening[:1])


def _of_sole_pair(art: _Article, sent: _Sentence, nouns: Sequence[_Noun]) -> bool:
    """Whether a contact named by a channel noun ("the last such meeting was held in
    May") is one of the pair the whole article is about: the sentence names no state
    outside that pair and no body that is no state ("the football federation shunned talks
    with its rival"), and no other pair comes near it in the article."""
    if art.sole_pair is None or not nouns:
        return False
    if any(a.category == NON_STATE and not a.weak for a in sent.actors):
        return False
    named = {a.party for a in sent.actors if a.is_state and not a.weak}
    return named <= set(art.sole_pair)


def _pronoun_for_channel(
    art: _Article, sent: _Sentence, hit: tuple[int, int, StateCue], clause: Span
) -> bool:
    """Whether a pronoun next to the cue stands for a channel named before it: "it was
    restored", "they were suspended", "cut them off"."""
    start, end, _ = hit
    text = art.text
    subject = _PRONOUN_SUBJECT.search(text, max(clause[0], start - 30), start)
    if subject:
        # "it was reconnected last spring", not "Ankara says it has halted the accord":
        # no object after the verb, and no speaker the pronoun could stand for.
        if not _NO_OBJECT.match(text, end, clause[1]) or _SPEECH_BEFORE.search(
            text, max(clause[0], subject.start() - 20), subject.start()
        ):
            return False
    elif not _PRONOUN_OBJECT.match(text, end, min(clause[1], end + 12)):
        return False
    earlier = [n for n in sent.nouns if n.end <= start and not n.hint and n.kind is not None]
    return bool(earlier) or _recent_kind(art, sent) is not None


def _recent_kind(art: _Article, sent: _Sentence) -> Kind | None:
    """The kind of the last channel named in the text just before this sentence."""
    lo = max(0, sent.start - _ANTECEDENT_REACH)
    last: tuple[int, Kind] | None = None
    for noun in art.cues.kinds:
        if noun.hint or noun.purpose:
            continue
        for m in noun.pattern.finditer(art.text, lo, sent.start):
            if last is None or m.end() > last[0]:
                last = (m.end(), noun.kind)
    return last[1] if last else None


def _routine(art: _Article, sent: _Sentence, hit: tuple[int, int, StateCue], clause: Span) -> bool:
    """Whether an unanswered call was a routine one or went over a standing line."""
    lo = max(clause[0], hit[0] - _BEFORE_WINDOW)
    return bool(art.cues.routine_calls.search(art.text, lo, min(clause[1], hit[1] + _AFTER_WINDOW)))


def _two_sides(art: _Article, sent: _Sentence) -> bool:
    """Whether a sentence names two states, or says there are two sides."""
    parties = {a.party for a in sent.actors if a.is_state and not a.weak}
    pairs = [a for a in sent.actors if a.category == PAIR and len(a.parties) == 2 and not a.weak]
    return (
        len(parties) >= 2
        or bool(pairs)
        or bool(art.cues.bilateral.search(art.text, sent.start, sent.end))
    )


def _someone_after(
    art: _Article, sent: _Sentence, hit: tuple[int, int, StateCue], clause: Span, person_only: bool
) -> bool:
    """Whether a contact cue has someone of a state as its object (or two subjects)."""
    start, end, _ = hit
    c = art.cues
    window = art.text[end : min(clause[1], end + 60)]
    following = [
        a
        for a in sent.actors
        if end <= a.start < min(clause[1], end + 80)
        and a.category != PLACE
        and not _occasion(art.text, a, clause)
    ]
    if following and following[0].category == NON_STATE:
        return False
    if c.counterpart.match(window.lstrip(" ,")) or re.match(
        r"\s*(?:with\s+)?(?:his|her|their|its)\s+(?:\w+\s+){0,2}(?:counterparts?|opposite\s+numbers?)",
        window,
    ):
        return True
    if person_only:
        told = [a for a in following if a.is_state and (a.category == PERSON or a.role)]
        return bool(told) and bool(_TOLD_GAP.match(art.text[end : told[0].start]))
    for actor in following:
        if actor.weak and c.places.search(art.text[max(clause[0], actor.start - 60) : actor.start]):
            continue
        if actor.is_state:
            return True
    subjects = {a.party for a in sent.actors if clause[0] <= a.start < start and a.is_state}
    return len(subjects) >= 2 or bool(c.bilateral.search(art.text, clause[0], start))


def _negated(art: _Article, hit_start: int, clause: Span) -> bool:
    c = art.cues
    window = art.text[max(clause[0], hit_start - c.negation_window) : hit_start]
    return bool(c.negation.search(window) or c.denial.search(art.text, clause[0], hit_start))


def _non_finite(art: _Article, start: int, clause: Span) -> bool:
    """Whether a cue is a gerund governed by a preposition ("in advance of holding
    meetings"): it names a kind of act, not one that happened."""
    word = re.match(r"\w+", art.text[start : start + 30])
    if not word or not word.group().lower().endswith("ing"):
        return False
    if not _GERUND_AFTER_PREPOSITION.search(art.text, max(clause[0], start - 25), start):
        return False
    # "the importance of restoring channels" still says something: an intent.
    window = (max(clause[0], start - art.cues.modality_window), start)
    return not any(p.search(art.text, *window) for _, p in art.cues.modality)


def _led_by_organisation(sent: _Sentence, clause: Span, start: int) -> bool:
    """Whether the subject of a contact is an organisation and no state ("the EU's envoy
    held talks ...")."""
    before = [a for a in sent.actors if clause[0] <= a.start < start and not a.weak]
    return any(a.category == "nonstate" for a in before) and not any(a.is_state for a in before)


def _blocked(art: _Article, clause: Span) -> bool:
    return any(p.search(art.text, *clause) for p in art.cues.clause_blockers)


# --------------------------------------------------------------------------- pair


def _pair_for(
    art: _Article,
    sent: _Sentence,
    index: int,
    clause: Span,
    anchor: tuple[int, int],
    contact: bool = False,
) -> tuple[tuple[str, str], float] | None:
    """The two states of a claim and how sure we are of them (1.0 = both named nearby)."""
    text, c = art.text, art.cues
    joined = joined_pair(text, sent.actors, *clause)
    if joined:
        return joined, 1.0
    if c.bilateral.search(text, *clause) and not any(
        a.is_state and not a.weak and clause[0] <= a.start < clause[1] for a in sent.actors
    ):
        joined = joined_pair(text, sent.actors, sent.start, sent.end)
        if joined:
            return joined, 0.95
        if _two_sides_named(art, clause):
            # "the defence ministers of the two countries": the pair the article is about.
            ranked = art.salience.ranked(sent.start, sent.paragraph_start, set())
            sides = art.main_pair or tuple(ranked[:2])
            if len(sides) == 2:
                return (sides[0], sides[1]), 0.9 if art.main_pair else 0.8
    in_clause = [a for a in sent.actors if clause[0] <= a.start < clause[1]]
    # An organisation that names a channel ("the Red Cross hotline") is not its object.
    named = [
        a
        for a in in_clause
        if not any(n.start <= a.start and a.end <= n.end for n in sent.nouns if not n.hint)
        and not _occasion(text, a, clause)
    ]
    if _object_is_not_a_state(named, anchor):
        return None
    mid = (anchor[0] + anchor[1]) // 2
    chosen = rank_parties([a for a in in_clause if not a.weak], mid)
    if contact:
        chosen = _subject_and_object(art, in_clause, anchor, chosen)
    certainty = 1.0
    main = list(art.main_pair or ())
    if _PRONOUN_OPENING.match(text, clause[0], clause[1]):
        # "Moscow ... and it is shutting down a line with the US": the pronoun stands for
        # the sentence's subject, which the next steps would not find by nearness.
        subject = _pronoun_subject(art, sent, clause)
        if len(chosen) < 2 and subject and subject not in chosen:
            chosen.append(subject)
            certainty = 0.95
    for pool, penalty in (
        ([a for a in sent.actors if not a.weak], 0.95),
        (None, 0.9),
        ([a for a in in_clause if a.weak], 0.9),
        ([a for a in sent.actors if a.weak], 0.85),
    ):
        if len(chosen) >= 2:
            break
        if pool is None:
            # A channel that names its pair ("New START"), else the article's main pair,
            # when the sentence names one side of it or none.
            implied = [list(n.pair) for n in sent.nouns if n.pair] + ([main] if main else [])
            fitting = next((p for p in implied if set(chosen) <= set(p)), None)
            if fitting is None:
                continue
            extra = [p for p in fitting if p not in chosen]
        else:
            extra = [p for p in _by_salience(art, sent, rank_parties(pool, mid)) if p not in chosen]
        if extra:
            chosen += extra
            certainty = min(certainty, penalty)
    if len(chosen) < 2:
        spoken = _first_person_party(art, sent, index, clause)
        if spoken and spoken not in chosen:
            chosen.append(spoken)
            certainty = min(certainty, 0.85)
    if not chosen and not _two_sides(art, sent) and art.sole_pair is None:
        # A sentence that names no side, in an article about several pairs: any guess
        # from what the article talks about most is a guess between pairs.
        return None
    if len(chosen) < 2:
        context = art.salience.ranked(sent.start, sent.paragraph_start, set(chosen))
        chosen += context[: 2 - len(chosen)]
        certainty = min(certainty, 0.75 if len(chosen) == 2 else 0.0)
    if len(chosen) < 2 or chosen[0] == chosen[1]:
        return None
    return (chosen[0], chosen[1]), certainty


def _pronoun_subject(art: _Article, sent: _Sentence, clause: Span) -> str | None:
    """The state a clause-opening "it" or "they" stands for: the first state named as a
    subject earlier in the sentence."""
    earlier = [a for a in sent.actors if a.is_state and not a.weak and a.end <= clause[0]]
    return earlier[0].party if earlier else None


def _two_sides_named(art: _Article, clause: Span) -> bool:
    """Whether a clause speaks of both sides ("of the two countries", "both sides"), not
    only of one side's counterpart."""
    c = art.cues
    return any(
        not c.counterpart.fullmatch(m.group()) for m in c.bilateral.finditer(art.text, *clause)
    )


def _subject_and_object(
    art: _Article, in_clause: Sequence[Actor], anchor: Span, ranked: list[str]
) -> list[str]:
    """For a contact ("X met Y"), the state just before the cue and the first state after
    it. States listed after the first object ("met ministers of France, Germany and the
    UK") are not a second side; without a subject before the cue, the subject is found
    outside the clause."""
    # The cue may hold its object ("called Xi"); a state in a phrase of cause or purpose
    # ("... to discuss Taiwan") is an object only when no other state is.
    after = [
        a
        for a in in_clause
        if a.start > anchor[0]
        and a.is_state
        and not art.cues.places.search(art.text[max(0, a.start - 60) : a.start])
    ]
    after = [a for a in after if not a.weak] or after
    subjects = rank_parties(
        [a for a in in_clause if a.end <= anchor[0] and a.is_state and not a.weak], anchor[0]
    )
    if not after or len(subjects) >= 2:
        return subjects if len(subjects) >= 2 else ranked
    obj = after[0].party
    before = [
        a for a in in_clause if a.end <= anchor[0] and a.is_state and not a.weak and a.party != obj
    ]
    if before:
        subject = min(before, key=lambda a: anchor[0] - a.end).party
        return [p for p in (subject, obj) if p]
    return [obj] if obj else []


def _by_salience(art: _Article, sent: _Sentence, parties: list[str]) -> list[str]:
    """Parties reordered so that those the article talks about most come first."""
    ranked = art.salience.ranked(sent.start, sent.paragraph_start, set())
    order = {p: i for i, p in enumerate(ranked)}
    return sorted(parties, key=lambda p: order.get(p, len(order)))


def _occasion(text: str, actor: Actor, clause: Span) -> bool:
    """Whether an actor names the occasion of a contact ("on the margins of the G20
    summit", "at the ASEAN meeting"), not its counterpart."""
    return bool(_OCCASION.search(text, max(clause[0], actor.start - 60), actor.start))


def _object_is_not_a_state(in_clause: Sequence[Actor], anchor: tuple[int, int]) -> bool:
    """Whether the cue is about contact with an organisation ("talks with NATO", "met his
    European counterparts") or led by one (the EU's envoy "will meet ...")."""
    after = [a for a in in_clause if anchor[1] <= a.start <= anchor[1] + 45]
    before = [a for a in in_clause if a.end <= anchor[0] and anchor[0] - a.end <= 25]
    first_after = after[0] if after else None
    last_before = before[-1] if before else None
    return any(
        a is not None and a.party is None and a.category == "nonstate" and not a.weak
        for a in (first_after, last_before)
    )


def _first_person_party(art: _Article, sent: _Sentence, index: int, clause: Span) -> str | None:
    """The state of the speaker when the clause says "we" or "our" inside a quotation."""
    for m in art.cues.first_person.finditer(art.text, *clause):
        if inside_quotation(art.text, sent.paragraph_start, m.start()):
            return speaker_party(art.text, art.sentences, index, art.actors_of, art.cues)
    return None


# --------------------------------------------------------------------------- kind


def _roles(sent: _Sentence, clause: Span, party: str, anchor: int) -> list[str]:
    """Roles of a party's actors, in the clause first, nearest to the cue first."""
    for lo, hi in (clause, (sent.start, sent.end)):
        found = [a for a in sent.actors if lo <= a.start < hi and a.party == party and a.role]
        if found:
            found.sort(key=lambda a: abs(a.start - anchor))
            return [a.role for a in found if a.role]
    return []


def _shared_role(
    art: _Article, clause: Span, sent: _Sentence | None = None, pair: tuple[str, str] | None = None
) -> str | None:
    """The office both sides hold when a title names them together: "the Prime Ministers
    of the two countries", "the DGMOs of both sides", "both defence ministers", "the
    defense ministers of South Korea and Japan"."""
    text, c = art.text, art.cues
    for role, pattern in c.plural_titles:
        for m in pattern.finditer(text, *clause):
            after = _SHARED_AFTER.match(text, m.end(), clause[1])
            if after and c.bilateral.match(text, after.end(), clause[1]):
                return role
            if after and sent is not None and pair is not None:
                m2 = _TWO_NAMED.match(text, after.end(), clause[1])
                named = {
                    a.party
                    for a in sent.actors
                    if m2 and after.end() <= a.start < m2.end() and a.is_state
                }
                if m2 and set(pair) <= named:
                    return role
            if _SHARED_BEFORE.search(text, max(clause[0], m.start() - 20), m.start()):
                return role
    return None


def _side_kind(roles: list[str], c: Cues) -> Kind | None:
    """The kind one side's offices point to; several military offices mean the military."""
    kinds = [c.role_kinds[r] for r in roles if r in c.role_kinds]
    if not kinds:
        return None
    if len(set(kinds)) > 1 and all(r in c.military_roles for r in roles if r in c.role_kinds):
        return Kind.MILITARY_RELATIONS
    return kinds[0]


def _role_kind(
    art: _Article, sent: _Sentence, clause: Span, pair: tuple[str, str], anchor: int
) -> Kind | None:
    """The kind the offices of the two sides point to: two defense ministers meet as
    defense ministers; a minister meeting a president is military if either side is."""
    c = art.cues
    roles = [_roles(sent, clause, party, anchor) for party in pair]
    if not (roles[0] or roles[1]):
        shared = _shared_role(art, clause, sent, pair)
        if shared:
            roles = [[shared], [shared]]
    counterpart = c.counterpart.search(art.text, *clause)
    if counterpart and bool(roles[0]) != bool(roles[1]):
        roles = [roles[0] or roles[1], roles[1] or roles[0]]
    kinds = [_side_kind(r, c) for r in roles]
    known = [k for k in kinds if k]
    if not known:
        return None
    if len(known) == 1 or known[0] == known[1]:
        return known[0]
    military = {c.role_kinds[r] for r in c.military_roles if r in c.role_kinds}
    if any(k in military for k in known):
        return Kind.MILITARY_RELATIONS
    if Kind.DIPLOMATIC_CHANNEL in known:
        return Kind.DIPLOMATIC_CHANNEL
    return known[0]


def _leader_as_object(art: _Article, sent: _Sentence, clause: Span, anchor: Span) -> bool:
    """Whether the channel a cue acts on is with a leader in person: "broke off contact
    with President Maduro" is the leaders' channel, whatever the other side."""
    for actor in sent.actors:
        if not (anchor[1] <= actor.start < clause[1]) or actor.role is None:
            continue
        if art.cues.role_kinds.get(actor.role) != Kind.LEADERS:
            return False
        return bool(_WITH_LEADER.fullmatch(art.text, anchor[1], actor.start))
    return False


def _office_of(art: _Article, noun: _Noun, clause: Span) -> Kind | None:
    """The kind of the office that holds a contact, named as its complement: "the last
    meeting of the special envoys", "talks between the defence ministers"."""
    c = art.cues
    hi = min(clause[1], noun.end + 40)
    for role, pattern in c.plural_titles:
        for m in pattern.finditer(art.text, noun.end, hi):
            if role in c.role_kinds and _COMPLEMENT.match(art.text, noun.end, m.start()):
                return c.role_kinds[role]
    return None


def _noun_kind(
    art: _Article, sent: _Sentence, clause: Span, anchor: Span
) -> tuple[Kind | None, bool]:
    """The kind named near the cue, and whether only a generic word named it.

    The channel noun nearest the cue decides: its own kind ("hotline"), the word before
    it ("military talks"), what it is of ("talks between theater commanders"), what it
    refers back to ("these channels"); else a kind hint in reach ("China's military").
    """
    lo, hi = max(clause[0], anchor[0] - _BEFORE_WINDOW), min(clause[1], anchor[1] + _AFTER_WINDOW)

    def distance(n: _Noun) -> tuple[int, int]:
        # A verb's object follows it: a noun after the cue counts as three times nearer.
        return (max(0, anchor[0] - n.end, (n.start - anchor[1]) // 3), -n.specificity)

    # A meeting named as the occasion of a contact ("met at the summit", "on the sidelines
    # of the forum") does not say the contact's kind.
    channels = sorted(
        (n for n in _near(sent.nouns, lo, hi) if not _OCCASION.search(art.text, lo, n.start)),
        key=distance,
    )
    if channels:
        nearest = channels[0]
        if nearest.kind is not None and nearest.specificity > 0:
            return nearest.kind, False
        complement = [
            n
            for n in _near(sent.nouns, nearest.end, min(clause[1], nearest.end + 40), hints=True)
            if n.kind is not None
            and n.start >= nearest.end
            and _COMPLEMENT.match(art.text, nearest.end, n.start)
        ]
        if complement:
            # "a call between Chinese and American military leaders": the most specific
            # noun of the complement, not the first word that hints at a kind.
            best = max(complement, key=lambda n: (n.specificity, n.end))
            return best.kind, False
        office = _office_of(art, nearest, clause)
        if office is not None:
            return office, False
        if nearest.kind is not None:
            return nearest.kind, True
        if nearest.definite:
            # "such communications", "these channels": the channel named just before.
            earlier = [n for n in sent.nouns if n.end <= nearest.start and n.kind is not None]
            if earlier:
                return earlier[-1].kind, False
            if art.last_kind is not None:
                return art.last_kind, False
    hints = sorted(
        (n for n in _near(sent.nouns, lo, hi, hints=True) if n.kind is not None and n.hint),
        key=distance,
    )
    if hints:
        return hints[0].kind, not channels
    return None, True


def _hotline_purpose(sent: _Sentence, clause: Span, specific: bool) -> bool:
    """Whether the clause says the contact serves to avoid incidents (a hotline's job),
    or, for a claim whose kind no specific noun gave, names a hotline ("the line was
    still up and both sides keep talking")."""
    return any(
        (n.purpose or (not specific and n.kind == Kind.OPERATIONAL_HOTLINE and not n.hint))
        and clause[0] <= n.start < clause[1]
        for n in sent.nouns
    )


def _bare_line_kind(
    art: _Article, sent: _Sentence, clause: Span, anchor: Span, pair: tuple[str, str]
) -> Kind | None:
    """Between states whose line named without a qualifier is a channel of its own (the
    inter-Korean "hotline" is the liaison line), the kind of the lines near the cue when
    none is qualified: a military line if the last line named before was one ("a military
    hotline ... The North had shut down the hotline"), else the pair's own."""
    first, second = sorted(pair)
    own = art.cues.bare_line_kinds.get((first, second))
    if own is None:
        return None
    lo, hi = max(clause[0], anchor[0] - _BEFORE_WINDOW), min(clause[1], anchor[1] + _AFTER_WINDOW)
    if any(n.purpose and clause[0] <= n.start < clause[1] for n in sent.nouns):
        return None  # "a hotline to prevent clashes" is a hotline
    lines = [n for n in _near(sent.nouns, lo, hi) if n.kind == Kind.OPERATIONAL_HOTLINE]
    if not lines or not all(n.bare and not _military_complement(art, n, clause) for n in lines):
        return None
    before = lines[0].start
    if any(
        n.hint and n.kind == Kind.MILITARY_RELATIONS and clause[0] <= n.start < before
        for n in sent.nouns
    ):
        return None  # "the North Korean military cut the line": the military line
    named = [
        (n.end, n.kind)
        for n in sent.nouns
        if n.end <= before and not (n.hint or n.purpose or n.bare) and n.kind is not None
    ]
    if not named:
        lo = max(0, sent.start - _ANTECEDENT_REACH)
        for noun in art.cues.kinds:
            if noun.hint or noun.purpose or noun.bare:
                continue
            named += [(m.end(), noun.kind) for m in noun.pattern.finditer(art.text, lo, sent.start)]
    lines_named = [k for _, k in sorted(named) if k in (Kind.OPERATIONAL_HOTLINE, own)]
    if lines_named and lines_named[-1] == Kind.OPERATIONAL_HOTLINE:
        return None
    return own


def _military_complement(art: _Article, noun: _Noun, clause: Span) -> bool:
    """Whether a line is said to join military bodies ("hotlines between the two armies")."""
    after = art.text[noun.end : min(clause[1], noun.end + 45)]
    if not _LINE_COMPLEMENT.match(after):
        return False
    military = dict(art.cues.modifiers).get(Kind.MILITARY_RELATIONS)
    return bool(military and military.search(after))


def _kind_for(
    art: _Article,
    sent: _Sentence,
    clause: Span,
    anchor: Span,
    pair: tuple[str, str],
    contact: bool,
    whole_sentence: bool = False,
    refers_back: bool = False,
) -> tuple[Kind, float]:
    """The channel kind of a claim and how sure we are of it."""
    noun_kind, generic = _noun_kind(art, sent, clause, anchor)
    if noun_kind is None and refers_back:
        earlier = [n.kind for n in sent.nouns if n.end <= anchor[0] and n.kind and not n.hint]
        noun_kind = earlier[-1] if earlier else _recent_kind(art, sent)
        contact = False
    if noun_kind is None and whole_sentence:
        # "X proposed military talks, but Y has yet to respond": the channel is named in
        # another clause of the sentence.
        noun_kind, generic = _noun_kind(art, sent, (sent.start, sent.end), (sent.start, sent.end))
    role_kind = _role_kind(art, sent, clause, pair, anchor[0])
    # A head of state who refuses or halts "talks" speaks for the state: the channel is
    # the governments' unless the other side is a leader too.
    if (
        not contact
        and noun_kind is None
        and role_kind == Kind.LEADERS
        and not all(_roles(sent, clause, party, anchor[0]) for party in pair)
        and not _leader_as_object(art, sent, clause, anchor)
    ):
        role_kind = None
    kind = (role_kind or noun_kind) if contact else (noun_kind or role_kind)
    certainty = 1.0 if kind and not (generic and kind == noun_kind) else 0.9
    if kind == Kind.OPERATIONAL_HOTLINE:
        bare = _bare_line_kind(art, sent, clause, anchor, pair)
        if bare is not None:
            return bare, certainty
    specific = kind is not None and kind == noun_kind and not generic
    if kind in (None, Kind.MILITARY_RELATIONS, Kind.DIPLOMATIC_CHANNEL) and _hotline_purpose(
        sent, clause, specific
    ):
        return Kind.OPERATIONAL_HOTLINE, 1.0
    if kind is None and art.last_kind is not None and _THE_TWO.search(art.text, *clause):
        # "Before that call, the two spoke on Feb. 18": the two people of the channel the
        # text has been telling of.
        return art.last_kind, 0.85
    if kind is None:
        return Kind.DIPLOMATIC_CHANNEL, 0.8
    if kind == Kind.MILITARY_RELATIONS:
        first, second = sorted(pair)
        talks = art.cues.military_talks_kinds.get((first, second))
        reach = (sent.start, sent.end) if whole_sentence else clause
        lo = max(reach[0], anchor[0] - _BEFORE_WINDOW)
        hi = min(reach[1], anchor[1] + _AFTER_WINDOW)
        if talks is not None and art.cues.generic_event.search(art.text, lo, hi):
            return talks, certainty
    return kind, certainty


# --------------------------------------------------------------------------- modality, time


def _modality(art: _Article, sent: _Sentence, clause: Span, anchor: Span, state: State) -> Modality:
    """What the words before the cue make of the claim: fact, plan, wish or condition."""
    c, text = art.cues, art.text
    after = _CONDITIONAL.search(text, anchor[1], clause[1])
    if after and state == State.REJECTED and after.group().lower() == "unless":
        # "has yet to agree to resume talks unless ...": the refusal holds; "unless" names
        # what would end it.
        after = None
    before = [m for m in _CONDITIONAL.finditer(text, sent.start, anchor[0])]
    if state == State.REJECTED:
        # "Unless Washington changes course, no talks can be held": the refusal holds now,
        # "unless" names what would end it.
        before = [m for m in before if m.group().lower() != "unless"]
    if before or after:
        return Modality.HYPOTHETICAL
    if _gerund_subject(art, clause, anchor):
        # "Suspending the agreement would sour relations": a gerund subject under a modal.
        modal = _SUBJECT_MODAL.search(text, anchor[1], clause[1])
        if modal:
            will = modal.group().lower() == "will"
            return Modality.PLANNED if will else Modality.HYPOTHETICAL
        if c.subject_wishes.search(text, anchor[1], clause[1]):
            # "Resumption of talks is one of the preconditions": a condition, not an event.
            return Modality.INTENT
    # A contact cue that spans words ("the summit was meant to take place") carries
    # its modal words inside it.
    window = (
        max(clause[0], anchor[0] - c.modality_window),
        anchor[1] if state == State.OPEN else anchor[0],
    )
    for modality, pattern in c.modality:
        if state == State.REJECTED and modality == Modality.INTENT:
            continue
        for m in pattern.finditer(text, *window):
            if _attributive(sent, text, m):
                continue
            word = m.group().lower()
            if state == State.REJECTED and word == "unless":
                continue  # the refusal holds until what "unless" names
            if modality == Modality.INTENT and _DEFINITE_SETTING.search(text, m.end(), anchor[0]):
                continue  # "sought to heal ties in their first call": the call took place
            if word in _DECIDED and _CONTINUE.match(text, m.end()):
                continue  # "will continue to use the line": in use now, and after
            reported_will = word == "would" and bool(
                c.speech_verbs.search(text, sent.start, m.start())
            )
            if state == State.SUSPENDED and (
                word.startswith("agree")
                or word in _DECIDED
                or reported_will
                or _SCHEDULED.fullmatch(word)
            ):
                # "agreed to postpone the meeting", "Beijing will suspend the talks" (or,
                # reported, "said the talks would be suspended"): the agreement or the
                # announced decision is the act; "the talks scheduled for Monday were
                # postponed": the schedule is what was given up.
                continue
            if reported_will:
                return Modality.PLANNED  # "said talks would resume next month": "will"
            return modality
    if _HEADLINE_TO.search(text, max(clause[0], anchor[0] - 4), anchor[0]) and not _STOP_END.search(
        text, sent.start, sent.end
    ):
        # A headline's "N. Korea to restore lines": what will be done.
        return Modality.PLANNED
    if state == State.OPEN and _TO_BEFORE.search(text, max(clause[0], anchor[0] - 20), anchor[0]):
        # "flew to Washington to meet his counterpart": a purpose, not a contact reported.
        return Modality.INTENT
    return Modality.ASSERTED


def _attributive(sent: _Sentence, text: str, m: re.Match[str]) -> bool:
    """Whether a modal word is an adjective of a channel noun ("a planned meeting", "the
    proposed talks"): it describes the channel, not the claim."""
    word = m.group().lower()
    if not (word.endswith("ed") or word == "upcoming"):
        return False
    return any(
        0 < n.start - m.end() <= 25 and _ADJECTIVE_GAP.fullmatch(text, m.end(), n.start)
        for n in sent.nouns
        if not n.hint
    )


def _gerund_subject(art: _Article, clause: Span, anchor: Span) -> bool:
    """Whether the cue is a gerund or a noun of action that opens its clause ("Suspending
    the line would ...", "The resumption of talks is ...")."""
    word = art.text[anchor[0] : anchor[1]].split()[0].lower()
    return _ACTION_WORD.search(word) is not None and bool(
        _SUBJECT_OPENING.fullmatch(art.text, clause[0], anchor[0])
    )


def _time_for(
    art: _Article, sent: _Sentence, clause: Span, anchor: Span, state: State = State.OPEN
) -> tuple[TimeExpression | None, bool]:
    """The time that dates the claim and whether it only bounds it from below ("after
    talks on Monday"): the clause's own time nearest the cue, else a past time elsewhere
    in the sentence ("in late 2015 ..., although both sides agreed to ..."), else, for a
    sentence that opens by pointing back ("That clash ...", "The accord was reached ..."),
    the time of the sentence before."""
    found = _time_in(art, sent, clause, anchor, clause, state=state)
    for other in sent.clauses:
        if found[0] is not None:
            break
        if other != clause and not any(other[0] <= s < other[1] for s in sent.cue_starts):
            found = _time_in(art, sent, clause, anchor, other, past_only=True, state=state)
    if found[0] is not None and _SAME_DAY.match(found[0].text):
        # "earlier in the day": the day the story is telling, not the publication day.
        day = _narrative_day(art, sent)
        if day is not None:
            return day, found[1]
    if found[0] is None and art.cues.anaphoric_openings.match(art.text, sent.start, sent.end):
        before = _previous_time(art, sent)
        if before is not None:
            return before, False
    since_then = _SINCE_THEN.search(art.text, clause[0], clause[1])
    if found[0] is None and since_then is not None:
        span = _since_then(art, since_then)
        if span is not None:
            return span, False
    if opens_by_counting(art.text[sent.start : sent.end]) and (
        found[0] is None or found[0].start < sent.start + _OPENING_REACH
    ):
        # "Two days later, ...": counted from the time told before, or from nothing.
        found = (_counted_on(art, sent), False)
        if found[0] is not None:
            return found
    if found[0] is None or _spoken(art.text, clause, anchor, found[0]):
        time = _reported_time(art, sent, clause, anchor, found[0])
        return time, found[1] and time is found[0]
    if _SPEAKERS_DAY.fullmatch(found[0].text) and inside_quotation(
        art.text, sent.paragraph_start, found[0].start
    ):
        return _quoted_day(art, sent, found[0]), found[1]
    return found


def _quoted_day(art: _Article, sent: _Sentence, t: TimeExpression) -> TimeExpression:
    """A "today" or "yesterday" inside quotation marks counts from the day the words were
    spoken: the day the sentence gives its speaker ("'Today we cut the line,' he said on
    Monday"), else the day the sentence before gives a speaker, in the week before
    publication ("The ministry said on Thursday ... 'Today the line was cut,' he said")."""
    said = [
        u
        for u in sent.times
        if u.precision == Precision.DAY
        and _SPEECH_BEFORE.search(art.text, max(sent.start, u.start - _SPEECH_REACH), u.start)
        and not inside_quotation(art.text, sent.paragraph_start, u.start)
    ]
    spoken = said[0] if said else _recent_day_before(art, sent, spoken=True)
    if spoken is None or art.published is None:
        return t
    offset = t.earliest - art.published
    return replace(
        t, earliest=spoken.earliest + offset, latest=spoken.latest + offset, how=spoken.how
    )


def _since_then(art: _Article, m: re.Match[str]) -> TimeExpression | None:
    """ "Since then": from the last past time the text named before, to publication."""
    before = art.told
    if art.published is None or before is None:
        return None
    return TimeExpression(
        m.start(),
        m.end(),
        m.group(0),
        before.earliest,
        art.published,
        Precision.RANGE,
        DateHow.RELATIVE,
    )


def _counted_on(art: _Article, sent: _Sentence) -> TimeExpression | None:
    """The time of a sentence that opens by counting on from the time told before
    ("After two days, ...", "Two weeks later, ..."), if it is not after publication."""
    before = art.told
    if before is None:
        return None
    t = counted_on(art.text[sent.start : sent.end], before)
    if t is None or (art.published is not None and t.earliest > art.published):
        return None
    latest = min(t.latest, art.published) if art.published else t.latest
    return replace(t, start=t.start + sent.start, end=t.end + sent.start, latest=latest)


def _reported_time(
    art: _Article, sent: _Sentence, clause: Span, anchor: Span, said: TimeExpression | None
) -> TimeExpression | None:
    """The time of a past event that its sentence dates only by when it was told ("the
    talks resumed, the agency said on Saturday") or not at all: the day the sentence
    before names, when that lies in the week before publication ("The ministry said on
    Monday ... Talks were postponed."); else the event happened on or before the telling,
    in the days before it. A present or future clause keeps the time it was told."""
    told = art.text[max(clause[0], anchor[0] - _TENSE_REACH) : min(clause[1], anchor[1] + 40)]
    if said is None and (told_in_past(told) or told_in_present_perfect(told)):
        lead_day = _speakers_day_after_lead(art, sent, clause, anchor)
        if lead_day is not None:
            return lead_day
    if not told_in_past(told, perfect=said is not None):
        return said
    if told_in_past(told):
        day = _recent_day_before(art, sent)
        if day is not None:
            return day
    if said is None:
        return None
    return replace(
        said,
        earliest=said.earliest - timedelta(days=_REPORTED_REACH),
        precision=Precision.RANGE,
    )


def _spoken(text: str, clause: Span, anchor: Span, t: TimeExpression) -> bool:
    """Whether a time dates the telling ("said on Monday that ..."), not the event."""
    return bool(
        _SPEECH_BEFORE.search(text, max(clause[0], t.start - _SPEECH_REACH), t.start)
    ) and not (anchor[0] <= t.start - 1 <= anchor[1] + 30)


def _narrative_day(art: _Article, sent: _Sentence) -> TimeExpression | None:
    """The last day the text named before this sentence ("the envoy spoke on Tuesday ...
    Later that day, ..." is Tuesday)."""
    lo = max(0, sent.start - _NARRATIVE_REACH)
    days = [
        t
        for t in find_times(art.text[lo : sent.start], art.published)
        if t.precision == Precision.DAY
        and not _SAME_DAY.match(t.text)
        and not _CONTEXTUAL_TIMES.match(t.text)
        and (art.published is None or t.latest <= art.published)
    ]
    return days[-1] if days else None


def _sentence_before(art: _Article, sent: _Sentence) -> str:
    """The text of the sentence before this one (or of the line, for a head line): as the
    paragraph was split, else the last one of the text before."""
    starts = [s for s, _ in art.sentences]
    at = bisect.bisect_left(starts, sent.start)
    if 0 < at < len(starts) and starts[at] == sent.start:
        start, end = art.sentences[at - 1]
        return art.text[start:end].strip()
    lo = max(0, sent.start - _PREVIOUS_REACH)
    window = art.text[lo : sent.start].rstrip()
    breaks = [
        m.end()
        for m in _SENTENCE_END.finditer(window)
        if m.end() < len(window) and not _abbreviation_stop(window, 0, m.start())
    ]
    return window[breaks[-1] if breaks else 0 :]


def _sentence_after(art: _Article, sent: _Sentence) -> str:
    """The text of the sentence after this one, in its paragraph or the next."""
    window = art.text[sent.end : sent.end + _PREVIOUS_REACH]
    lead = len(window) - len(window.lstrip())
    stops = [
        m.start()
        for m in _SENTENCE_END.finditer(window, lead)
        if not _abbreviation_stop(window, lead, m.start())
    ]
    return window[lead : stops[0] + 1 if stops else len(window)]


def _speakers_day_after_lead(
    art: _Article, sent: _Sentence, clause: Span, anchor: Span
) -> TimeExpression | None:
    """The day a story's lead happened when it names none ("The lines have been
    restored."): the day the speaker of the very next sentence told it, in the week before
    publication ("The ministry said on Monday the lines were back in operation"). An
    event told after "after" or "before" is only a reference point of the lead's own."""
    if art.published is None or _STOPPED.search(_sentence_before(art, sent)):
        return None
    if _REFERENCE_WORD.search(art.text, clause[0], anchor[0]):
        return None
    after = _sentence_after(art, sent)
    days = [
        t
        for t in _past_times(art, after)
        if t.precision == Precision.DAY
        and (art.published - t.latest).days <= _SAME_EVENT_DAYS
        and _SPEECH_BEFORE.search(after, max(0, t.start - _SPEECH_REACH), t.start)
    ]
    return days[0] if days else None


def _told_past(art: _Article, t: TimeExpression) -> bool:
    """Whether a time names a past moment of its own, not a bound ("since 2015")."""
    return not _CONTEXTUAL_TIMES.match(t.text) and (
        art.published is None or t.latest <= art.published
    )


def _past_times(art: _Article, text: str) -> list[TimeExpression]:
    return [t for t in find_times(text, art.published) if _told_past(art, t)]


def _previous_time(art: _Article, sent: _Sentence) -> TimeExpression | None:
    """The first past time named in the sentence before this one."""
    times = _past_times(art, _sentence_before(art, sent))
    return times[0] if times else None


def _recent_day_before(
    art: _Article, sent: _Sentence, spoken: bool = False
) -> TimeExpression | None:
    """The day the sentence before names, if it lies in the week before publication (with
    `spoken`, only a day someone spoke on: "said on Thursday"). A head line (a date line,
    a byline) is no sentence of the story."""
    before = _sentence_before(art, sent)
    if art.published is None or not _STOPPED.search(before):
        return None
    days = [
        t
        for t in _past_times(art, before)
        if t.precision == Precision.DAY
        and (art.published - t.latest).days <= _SAME_EVENT_DAYS
        and not _REFERENCE_POINT.search(before, max(0, t.start - _REFERENCE_REACH), t.start)
        and (not spoken or _SPEECH_BEFORE.search(before, max(0, t.start - _SPEECH_REACH), t.start))
    ]
    # The last: a dateline's day ("ANKARA, July 6 -") comes before the story's own.
    return days[-1] if days else None


def _time_in(
    art: _Article,
    sent: _Sentence,
    clause: Span,
    anchor: Span,
    area: Span,
    past_only: bool = False,
    state: State = State.OPEN,
) -> tuple[TimeExpression | None, bool]:
    text = art.text
    usable = []
    relatives = relative_clauses(text, sent.start, sent.end)
    participles = _participle_phrases(text, sent.start, sent.end)
    # "the dialogue has been frozen since March 2019": a state that has held since a time
    # began then (the time runs to the publication date).
    lasting = state != State.RESTORED and bool(
        _PERFECT.search(text, max(clause[0], anchor[0] - 25), anchor[1])
        # "the talks, suspended since late 2015, resumed": a participle that has held since
        or (
            _PARTICIPLE_END.search(text, anchor[0], anchor[1])
            and _SINCE_NEXT.match(text, anchor[1])
        )
    )
    # "had not met since June 2011": the time after "since" is the last contact's.
    last_contact = state == State.OPEN and bool(_NOT.search(text, anchor[0], anchor[1]))
    opener = _SUBORDINATOR.search(text, max(clause[0], anchor[0] - 50), anchor[0])
    # "..., when X declined": the main clause's time, if the clause names none itself.
    shares_main = (
        opener is not None
        and _WHEN.match(opener.group(0)) is not None
        and text[clause[0] : opener.start()].rstrip().endswith(",")
    )
    for t in sent.times:
        if not (area[0] <= t.start < area[1]):
            continue
        outside = opener is not None and t.start < opener.start()
        if outside and not shares_main:
            continue
        if _CONTEXTUAL_TIMES.match(t.text) and not (
            (lasting or last_contact or _contacts_since(art, anchor, t, state))
            and t.start >= anchor[1]
            and _SINCE.match(t.text)
        ):
            continue
        if any(s <= t.start < e and not s <= anchor[0] < e for s, e in relatives):
            continue
        if any(s <= t.start < e and not s <= anchor[0] < e for s, e in participles):
            continue
        if _FIRST_TIME.search(text, max(area[0], t.start - 30), t.start):
            continue
        # "the first meeting since the war began on February 24": the time dates the gap,
        # for the meeting as a restoration and as a contact alike.
        first = (
            state == State.OPEN
            and not last_contact
            and bool(_FIRST_BEFORE.search(text, max(clause[0], anchor[0] - 30), t.start))
        )
        gap = (
            _SINCE_WORD.search(text, anchor[0], t.start)
            if state == State.RESTORED or first
            else None
        )
        if gap and not _closed_before(sent, gap.start(), t):
            continue
        if (
            state == State.SUSPENDED
            and t.start >= anchor[1]
            and text[anchor[0] : anchor[1]].lower().endswith("ed")
            and _SLOT_BEFORE.search(text, max(anchor[1], t.start - 30), t.start)
        ):
            continue  # "cancelled the talks scheduled for next week": the slot given up
        if past_only and (art.published is None or t.latest >= art.published):
            continue
        lo = max(clause[0], t.start - 40)
        bound = _BOUND_BEFORE.search(text[lo : t.start])
        if (
            bound
            and art.cues.adjuncts.search(text, lo, t.start)
            and not _closed_before(sent, lo + bound.start(), t)
        ):
            continue
        said = _spoken(text, clause, anchor, t)
        usable.append((said, outside, max(0, anchor[0] - t.end, t.start - anchor[1]), t))
    if not usable:
        return None, False
    usable.sort(key=lambda u: (u[0], u[1], u[2]))
    best = usable[0][3]
    if last_contact and _SINCE_WORD.match(best.text):
        point = find_times("in" + best.text[len("since") :], art.published)
        if point:
            best = replace(point[0], start=best.start, end=best.end, text=best.text)
    lo = max(clause[0], best.start - 60)
    before = text[lo : best.start]
    after = _AFTER_TIMES.search(before)
    # "four years after the two countries expelled ...": the event's own time, counted back.
    lower_bound = (
        after is not None
        and not _closed_before(sent, lo + after.start(), best)
        and not _COUNTED_GAP.search(before)
        and not last_contact
    )
    return best, lower_bound


def _closed_before(sent: _Sentence, start: int, t: TimeExpression) -> bool:
    """Whether a phrase that opens at `start` ("since 2015", "since the war began") has
    its own time before `t`: then `t` dates the main verb ("held their first talks since
    2015 on Monday"), not the phrase."""
    return any(u is not t and start <= u.start and u.end <= t.start for u in sent.times)


def _contacts_since(art: _Article, anchor: Span, t: TimeExpression, state: State) -> bool:
    """Whether contacts are counted since a time ("held two summits since 2018", "have
    met three times since 2019"): they took place between then and publication. Not "the
    first talks since 2016", which measures a gap."""
    return (
        state == State.OPEN
        and t.text.lower().startswith("since")
        and bool(_COUNTED_CONTACTS.search(art.text, anchor[0], t.start))
        and not _FIRST_BEFORE.search(art.text, max(0, anchor[0] - 30), t.start)
    )


def _participle_phrases(text: str, start: int, end: int) -> list[Span]:
    """Participle phrases that qualify a noun ("the channel set up by the two offices in
    2014"): their times date the noun's making, not the sentence's verb."""
    spans = []
    for m in _PARTICIPLE.finditer(text, start, end):
        if not _AUXILIARY_BEFORE.search(text, max(start, m.start() - 25), m.start()):
            spans.append((m.start(), m.end()))
    return spans


def _interval(
    art: _Article, time: TimeExpression | None, lower_bound: bool
) -> tuple[date | None, date | None, Precision, DateHow]:
    if time is not None:
        end = time.latest
        if lower_bound and art.published and art.published > end:
            return time.earliest, art.published, Precision.RANGE, time.how
        return time.earliest, end, time.precision, time.how
    if art.published is not None:
        return art.published, art.published, Precision.DAY, DateHow.PUBLICATION
    return None, None, Precision.UNKNOWN, DateHow.PUBLICATION


# --------------------------------------------------------------------------- claims


def _candidate(
    art: _Article,
    sent: _Sentence,
    index: int,
    clause: Span,
    anchor: Span,
    state: State,
    strength: float,
    contact: bool,
    whole_sentence: bool = False,
    refers_back: bool = False,
) -> _Candidate | None:
    told, told_clause = _told_in_adjunct(art, sent, clause, anchor)
    found = _pair_for(art, told, index, told_clause, anchor, contact)
    if found is None:
        return None
    (a, b), pair_certainty = found
    kind, kind_certainty = _kind_for(
        art, sent, clause, anchor, (a, b), contact, whole_sentence, refers_back
    )
    modality = _modality(art, sent, clause, anchor, state)
    time, lower_bound = _time_for(art, sent, clause, anchor, state)
    if time and modality == Modality.ASSERTED and art.published and time.earliest > art.published:
        if (
            state == State.SUSPENDED
            and _DONE.search(art.text, max(clause[0], anchor[0] - 20), anchor[1])
        ) or (
            state in (State.SUSPENDED, State.REJECTED)
            and _PAST_CUE.match(art.text, anchor[0])
            and time.start >= anchor[1]
        ):
            # "The talks scheduled for Monday were postponed", "has turned down the
            # invitation to meet next week": the future day is the slot given up, the
            # postponement or the refusal itself is already reported.
            time = None
        else:
            modality = Modality.PLANNED
    first, second = sorted((a, b))
    confidence = round(max(0.05, min(0.95, strength * pair_certainty * kind_certainty)), 2)
    return _Candidate(
        f"{first}-{second}",
        kind,
        state,
        modality,
        clause,
        clause,
        time,
        confidence,
        anchor[0],
        lower_bound,
    )


def _told_in_adjunct(
    art: _Article, sent: _Sentence, clause: Span, anchor: Span
) -> tuple[_Sentence, Span]:
    """The sentence and clause whose states are the sides of a cue. A cue inside a phrase
    of cause or time ("Japan was concerned after North Korea cut the hotline") tells of
    the states named in that phrase; those outside it are weak: a missing side comes
    first from the pair the article is about, and only then from them ("Seoul
    protested after Pyongyang cut the line")."""
    inner = adjunct_at(art.text, sent.start, sent.end, anchor[0], art.cues)
    if inner is None or not any(h[0] == anchor[0] for h in sent.hits):
        return sent, clause
    inside = sentence_actors(art.text, inner[0], inner[1], art.mentions, art.cues)
    if not any(a.is_state and not a.weak for a in inside):
        return sent, clause
    outside = [replace(a, weak=True) for a in sent.actors if not inner[0] <= a.start < inner[1]]
    actors = sorted(inside + outside, key=lambda a: a.start)
    return replace(sent, actors=actors), (max(clause[0], inner[0]), min(clause[1], inner[1]))


def _cue_candidates(art: _Article, sent: _Sentence, index: int) -> list[_Candidate]:
    found = []
    for hit in sent.hits:
        start, end, cue = hit
        clause = next((cl for cl in sent.clauses if cl[0] <= start < cl[1]), None)
        if clause is None or _blocked(art, clause):
            continue
        whole = False
        refers_back = cue.needs == "before"
        if not _needs_met(art, sent, hit, clause):
            if cue.needs in ("channel", "object") and _pronoun_for_channel(art, sent, hit, clause):
                refers_back = True  # "... but it was reconnected in May"
            elif not _needs_met(art, sent, hit, clause, across=True):
                continue
            else:
                whole = True
        if _negated(art, start, clause) or _non_finite(art, start, clause):
            continue
        if (
            cue.state == State.OPEN
            and cue.needs in ("pair", "actor", "person")
            and _MODAL_NOT.search(art.text, start, end)
        ):
            continue  # "talks cannot be held": a contact denied, not one reported
        if _attributive_cue(art, sent, start, end):
            continue  # "the restored hotlines": the state is presupposed, not reported
        if cue.state == State.OPEN and _undated_background(art, sent, start):
            continue  # "the line, which was built for crisis talks, is a relic"
        if _refers_to_blocked(art, sent, clause, (start, end)):
            continue  # "the resumption of such meetings" after talks on export controls
        contact = cue.state == State.OPEN and cue.needs in ("actor", "person", "pair")
        if contact and (
            _led_by_organisation(sent, clause, start) or _between_legislators(art, sent, clause)
        ):
            continue
        state = cue.state
        if cue.routine is not None and _routine(art, sent, hit, clause):
            state = cue.routine
        strength = 0.85 if cue.needs != "person" else 0.7
        candidate = _candidate(
            art,
            sent,
            index,
            clause,
            (start, end),
            state,
            strength + 0.03 * (cue.rank - 1),
            contact,
            whole,
            refers_back=refers_back,
        )
        if candidate:
            candidate.whole_sentence = whole
            candidate.adjunct = cue.adjunct
            if cue.kind is not None:
                candidate.kind = cue.kind
            found.append(candidate)
            for kind in _coordinated_kinds(art, sent, clause, (start, end), candidate.kind):
                found.append(replace(candidate, kind=kind))
            if contact:
                found += [
                    replace(candidate, pair=pair)
                    for pair in _listed_pairs(art, sent, clause, (start, end), candidate.pair)
                ]
    return found


def _listed_pairs(
    art: _Article, sent: _Sentence, clause: Span, anchor: Span, pair: str
) -> list[str]:
    """Further pairs of a contact with a list of states: "met the ministers of France,
    Germany and the UK" is a contact with each; organisations in the list are not."""
    listed = [
        a
        for a in sent.actors
        if anchor[1] <= a.start < clause[1] and a.category not in (PLACE, PAIR) and not a.weak
    ]
    sides = pair.split("-")
    first = next((i for i, a in enumerate(listed) if a.is_state and a.party in sides), None)
    if first is None:
        return []
    subject = next((p for p in sides if p != listed[first].party), None)
    pairs: list[str] = []
    for previous, actor in itertools.pairwise(listed[first:]):
        if not _LISTED_ITEM_GAP.fullmatch(art.text, previous.end, actor.start):
            break
        if actor.is_state and actor.party and subject and actor.party not in sides:
            new = "-".join(sorted((subject, actor.party)))
            if new not in pairs:
                pairs.append(new)
    return pairs


def _between_legislators(art: _Article, sent: _Sentence, clause: Span) -> bool:
    """Whether a contact is between members of legislatures ("a delegation of senators
    met lawmakers in Manila"): not a channel between states."""
    roles = {a.role for a in sent.actors if clause[0] <= a.start < clause[1] and a.role}
    return bool(roles) and roles <= art.cues.non_channel_roles


def _attributive_cue(art: _Article, sent: _Sentence, start: int, end: int) -> bool:
    """Whether a one-word cue is a participle qualifying a channel noun after a
    determiner ("the suspended talks", "its restored hotline")."""
    word = art.text[start:end]
    if not word.isalpha() or not word.lower().endswith(("ed", "en")):
        return False
    if not _DETERMINER_BEFORE.search(art.text, max(sent.start, start - 30), start):
        return False
    return any(
        not n.hint and 0 < n.start - end <= 25 and _ADJECTIVE_GAP.fullmatch(art.text, end, n.start)
        for n in sent.nouns
    )


def _undated_background(art: _Article, sent: _Sentence, start: int) -> bool:
    """Whether a cue lies in a relative clause that names no time ("the line that was built
    for crisis talks", "talks, which have been held regularly,"): it describes the channel
    the sentence is about, it does not report a contact of its own."""
    for lo, hi in relative_clauses(art.text, sent.start, sent.end):
        if lo <= start < hi:
            return not any(lo <= t.start < hi for t in sent.times)
    return False


def _coordinated_kinds(
    art: _Article, sent: _Sentence, clause: Span, anchor: Span, kind: Kind
) -> list[Kind]:
    """Kinds of further channels the cue governs, joined to its object by "and", "or",
    "as well as", "including": "ignored calls on the liaison channel and on the
    military hotlines" is about two channels."""
    text = art.text
    after = [n for n in sent.nouns if anchor[1] <= n.start < min(clause[1], anchor[1] + 150)]
    if not after or not _OBJECT_LEAD.fullmatch(text, anchor[1], after[0].start):
        return []
    kinds: list[Kind] = []
    previous = after[0]
    for noun in after[1:]:
        if noun.start < previous.end:
            continue
        gap = (previous.end, noun.start)
        if not _COORDINATION.fullmatch(text, *gap):
            if (
                noun.hint
                or not text[gap[0] : gap[1]].strip()
                or _COMPLEMENT_GAP.fullmatch(text, *gap)
            ):
                # "theater commanders talks": the head noun of the same channel.
                previous = noun if noun.end > previous.end else previous
                continue
            break
        if noun.hint:
            continue
        if any(noun.end <= h[0] <= noun.end + 40 for h in sent.hits):
            break  # "... and the hotline remained open": the subject of another cue
        if noun.kind is not None and noun.kind != kind and noun.kind not in kinds:
            kinds.append(noun.kind)
        previous = noun
    return kinds


def _event_candidates(
    art: _Article, sent: _Sentence, index: int, taken: list[Span]
) -> list[_Candidate]:
    """Contacts named by an event noun and a past time: "the talks in Washington last month"."""
    found = []
    c, text = art.cues, art.text
    for noun in sent.nouns:
        if noun.hint or not (noun.event or _is_event(art, noun)):
            continue
        if any(_overlaps((noun.start, noun.end), t) for t in taken):
            continue
        clause = next((cl for cl in sent.clauses if cl[0] <= noun.start < cl[1]), None)
        if clause is None or _blocked(art, clause) or _negated(art, noun.start, clause):
            continue
        if _refers_to_blocked(art, sent, clause, (noun.start, noun.end)):
            continue  # "optimism about the talks last week" after trade talks
        time = next(
            (
                t
                for t in sent.times
                if noun.end <= t.start <= noun.end + _EVENT_TIME_REACH
                and t.start < clause[1]
                and not _CONTEXTUAL_TIMES.match(t.text)
                and not _BOUND_JUST_BEFORE.search(text, max(clause[0], t.start - 40), t.start)
                # "their first talks in four years": the gap, not the talks' time
                and not any(
                    h[0] <= t.start < h[1] and h[2].state == State.RESTORED for h in sent.hits
                )
            ),
            None,
        )
        if time is None or art.published is None or time.earliest > art.published:
            continue
        # The time must be the noun's own ("the talks in Geneva last week"), not that of
        # a verb after it ("an offer of talks drew praise on Monday", "the summit is
        # to run for three days").
        if c.event_gap_verbs.search(text, noun.end, time.start) and not _COPULA_TIME.fullmatch(
            text, noun.end, time.start
        ):
            continue
        if noun.end + _EVENT_TIME_NEAR < time.start and not _COMPLEMENT_GAP.match(
            text, noun.end, time.start
        ):
            continue
        # "proposals for direct talks", "the idea of a summit": a contact wished for.
        if c.event_wishes.search(text, max(clause[0], noun.start - 40), noun.start):
            continue
        if c.event_opinions.search(text, max(clause[0], noun.start - 60), noun.start):
            continue  # "praised the talks last week": the opinion's time, not the talks'
        if c.event_enders.search(text, max(clause[0], noun.start - 60), noun.start):
            continue  # "ended the dialogue in 2008": not a contact held then
        # A false friend may run on past the noun: "a meeting of ministers from ten countries".
        reach = (max(clause[0], noun.start - 40), clause[1])
        if any(
            _overlaps((m.start(), m.end()), (noun.start, noun.end))
            for f in c.false_friends
            for m in f.finditer(text, *reach)
        ):
            continue
        candidate = _candidate(
            art, sent, index, clause, (noun.start, noun.end), State.OPEN, 0.7, True
        )
        if candidate:
            candidate.time, candidate.after_time = time, False
            found.append(candidate)
    return found


def _is_event(art: _Article, noun: _Noun) -> bool:
    """Whether a generic noun names one contact ("talks", "a phone call")."""
    return bool(art.cues.generic_event.fullmatch(art.text, noun.start, noun.end))


def _restored_by_contact(candidates: list[_Candidate]) -> list[_Candidate]:
    """A restoration told by a contact ("the defense chiefs held talks for the first time
    in 18 months") is of the channel of that contact, whatever other channel the clause
    names after it ("... as they seek to rebuild military-to-military ties")."""
    contacts = [c for c in candidates if c.state == State.OPEN]
    out = []
    for cand in candidates:
        if cand.state == State.RESTORED:
            told_by = [
                c
                for c in contacts
                if c.clause == cand.clause and c.pair == cand.pair and c.anchor < cand.anchor
            ]
            if told_by:
                cand = replace(cand, kind=told_by[-1].kind)
        out.append(cand)
    return out


def _prefer_changes(candidates: list[_Candidate]) -> list[_Candidate]:
    """In one clause, a change of state outranks a contact on the same channel or in its
    reach: "little chance of Li meeting the Americans" is a refusal, not a meeting. A
    change only planned or wished for leaves a contact reported as fact alone: "after
    agreeing to resume talks, the two met on Monday"."""
    changes = [c for c in candidates if c.state != State.OPEN]

    def shadowed(c: _Candidate) -> bool:
        return any(
            ch.clause == c.clause
            and 0 <= c.anchor - ch.anchor <= _AFTER_WINDOW
            and (ch.modality == Modality.ASSERTED or c.modality != Modality.ASSERTED)
            for ch in changes
        )

    return [c for c in candidates if c.state != State.OPEN or not shadowed(c)]


def _quote_span(art: _Article, sent: _Sentence, cand: _Candidate) -> Span:
    """The clause if it names one of the parties, else the whole sentence; trimmed."""
    lo, hi = cand.clause
    parties = set(cand.pair.split("-"))
    if cand.whole_sentence or not any(
        lo <= a.start < hi and a.party in parties for a in sent.actors
    ):
        lo, hi = sent.start, sent.end
    lo = _skip_dateline(art.text, lo, hi)
    chunk = art.text[lo:hi]
    lo += len(chunk) - len(chunk.lstrip(" \t\n,;—–-"))
    hi -= len(chunk) - len(chunk.rstrip())
    return lo, hi


def _to_claim(art: _Article, sent: _Sentence, cand: _Candidate) -> Claim:
    start, end = _quote_span(art, sent, cand)
    earliest, latest, precision, how = _interval(art, cand.time, cand.after_time)
    return Claim(
        pair=cand.pair,
        kind=cand.kind,
        state=cand.state,
        modality=cand.modality,
        quote=art.text[start:end],
        char_start=start,
        char_end=end,
        effective_start=earliest,
        effective_end=latest,
        precision=precision,
        date_how=how,
        confidence=cand.confidence,
    )


def _each_with_one(art: _Article, sent: _Sentence, cand: _Candidate) -> list[str]:
    """Pairs of a change made by each state of a listed subject with one state: "Saudi
    Arabia, the UAE, Bahrain and Egypt severed ties with Qatar" is four severances, not a
    multilateral channel. Empty unless the clause has that shape."""
    if cand.state == State.OPEN:
        return []
    text, clause = art.text, cand.clause
    before = [a for a in sent.actors if clause[0] <= a.start < cand.anchor and not a.weak]
    runs = _state_runs(text, before)
    run = runs[-1] if runs else []
    if len({a.party for a in run}) < 2:
        return []
    with_at = _WITH_ONE.match(text, cand.anchor, clause[1])
    if with_at is None:
        return []
    other = next((a for a in sent.actors if a.is_state and a.start == with_at.end()), None)
    if other is None or other.party is None or other.category == DEMONYM:
        return []  # "resumed talks with Turkish mediation": a manner, not the other side
    gap = _LIST_GAP.match(text, other.end, clause[1])
    if gap and any(a.is_state and a.start == gap.end() for a in sent.actors):
        return []  # "with Ukraine, Moldova and Poland": a list on both sides
    pairs = [
        "-".join(sorted((a.party, other.party))) for a in run if a.party and a.party != other.party
    ]
    return list(dict.fromkeys(pairs))


def _multilateral(art: _Article, sent: _Sentence, clause: Span, pair: str) -> bool:
    """Whether the clause speaks of a contact among more than two sides: the pair is
    part of a list of three or more states ("Ukraine, Russia, France and Germany met"),
    or the channel runs between a state and an organisation ("relations between Moscow
    and the alliance")."""
    parties = set(pair.split("-"))
    actors = [a for a in sent.actors if clause[0] <= a.start < clause[1]]
    if len({a.party for a in actors if a.is_state}) < 2:
        # "the leaders of France, Germany, and Russia - have not met": a clause that names
        # one side at most takes its list from the sentence.
        actors = list(sent.actors)
    if any(_is_state_list(run, parties) for run in _state_runs(art.text, actors)):
        return True
    return any(
        any(a.category == NON_STATE for a in sides) and any(a.is_state for a in sides)
        for _, sides in _between_sides(art, actors, clause)
    )


def _between_others(art: _Article, sent: _Sentence, cand: _Candidate) -> bool:
    """Whether the channel near the claim runs "between" two sides that are no states
    ("contract talks between Olympique and their captain"), whatever states the text
    names elsewhere. Only for a clause that names no state itself."""
    if any(a.is_state and cand.clause[0] <= a.start < cand.clause[1] for a in sent.actors):
        return False
    return any(
        not sides and not art.cues.bilateral.search(art.text, *span)
        for span, sides in _between_sides(art, sent.actors, cand.clause)
    )


def _between_sides(
    art: _Article, actors: Sequence[Actor], clause: Span
) -> Iterator[tuple[Span, list[Actor]]]:
    """Each "between X and Y" of a clause, with the actors named in it."""
    for m in _BETWEEN_AND.finditer(art.text, *clause):
        yield (m.start(), m.end()), [a for a in actors if m.start() <= a.start < m.end()]


def _state_runs(text: str, actors: Sequence[Actor]) -> list[list[Actor]]:
    """The runs of states a text lists one after another ("Saudi Arabia, the UAE and
    Egypt"), in order; any other actor or words between two states end a run."""
    runs: list[list[Actor]] = []
    run: list[Actor] = []
    for actor in actors:
        if run and actor.is_state and _LIST_GAP.fullmatch(text, run[-1].end, actor.start):
            run.append(actor)
            continue
        if run:
            runs.append(run)
        run = [actor] if actor.is_state else []
    if run:
        runs.append(run)
    return runs


def _is_state_list(run: list[Actor], parties: set[str]) -> bool:
    named = {a.party for a in run if a.party}
    return len(named) >= 3 and parties <= named


def _sentence_claims(art: _Article, sent: _Sentence, index: int) -> list[Claim]:
    sent.hits = _cue_hits(art.text, sent.start, sent.end, art.cues)
    sent.cue_starts = [h[0] for h in sent.hits]
    sent.cue_starts += [n.start for n in sent.nouns if n.event or _is_event(art, n)]
    candidates = _cue_candidates(art, sent, index)
    taken = [(c.anchor, c.anchor + 1) for c in candidates]
    candidates += _event_candidates(art, sent, index, taken)
    candidates = _prefer_changes(_restored_by_contact(_adjuncts_follow_verbs(candidates)))
    kept: list[_Candidate] = []
    for c in candidates:
        each = _each_with_one(art, sent, c)
        if each:
            kept += [replace(c, pair=pair) for pair in each]
        elif not _multilateral(art, sent, c.clause, c.pair) and not _between_others(art, sent, c):
            kept.append(c)
    candidates = kept
    best: dict[tuple[str, Kind, State, Modality, Span], _Candidate] = {}
    for cand in candidates:
        key = (cand.pair, cand.kind, cand.state, cand.modality, cand.clause)
        if key not in best or (cand.time is not None, cand.confidence) > (
            best[key].time is not None,
            best[key].confidence,
        ):
            best[key] = cand
    claims = [_to_claim(art, sent, c) for c in sorted(best.values(), key=lambda c: c.anchor)]
    if claims:
        art.last_kind = claims[-1].kind
        art.last_blocked = False
    else:
        named = [n.kind for n in sent.nouns if n.kind is not None]
        if named:
            art.last_kind = named[-1]
        art.last_blocked = _last_named_blocked(art, sent)
    return claims


def _adjuncts_follow_verbs(candidates: list[_Candidate]) -> list[_Candidate]:
    """An adverbial that counts a gap reports no event of its own: "after a three-year
    hiatus, the two sides agreed to resume talks" is an agreement, not a restoration.
    Its claim takes the modality of the verb's claim in the same clause, for the pair."""
    out = []
    for cand in candidates:
        if cand.adjunct and cand.modality == Modality.ASSERTED:
            verbs = sorted(
                (
                    o
                    for o in candidates
                    if not o.adjunct and o.pair == cand.pair and o.clause == cand.clause
                ),
                key=lambda o: o.anchor,
            )
            if verbs and all(v.modality != Modality.ASSERTED for v in verbs):
                cand = replace(cand, modality=verbs[0].modality)
        out.append(cand)
    return out


def _headline(art: _Article, sent: _Sentence) -> bool:
    """Whether a sentence is the article's headline: short, near the top, with no stop."""
    line = art.text[sent.start : sent.end].strip()
    return sent.start < _HEAD_CHARS and len(line) <= _HEADLINE_CHARS and not _STOP_END.search(line)


def _last_named_blocked(art: _Article, sent: _Sentence) -> bool:
    """Whether the last channel noun of a sentence without claims is one of no concern
    ("a meeting on export controls", "trade talks"); a noun that refers back ("such
    meetings") keeps what it refers to."""
    c, text = art.cues, art.text
    friends = [
        (m.start(), m.end())
        for p in (*c.false_friends, *c.clause_blockers)
        for m in p.finditer(text, sent.start, sent.end)
    ]
    # A clause about something else blocks every channel noun in it ("trade negotiators
    # resumed talks").
    friends += [cl for cl in sent.clauses if _blocked(art, cl)]
    last: tuple[int, bool | None] | None = None
    for m in c.generic.finditer(text, sent.start, sent.end):
        span = (m.start(), m.end())
        blocked = bool(c.blocking.search(text, max(sent.start, m.start() - 30), m.start())) or any(
            _overlaps(span, f) for f in friends
        )
        kept = next((n for n in sent.nouns if (n.start, n.end) == span), None)
        refers = kept is not None and kept.definite
        last = (m.end(), True if blocked else (None if refers else False))
    for n in sent.nouns:
        if n.kind is not None and not n.hint and (last is None or n.end > last[0]):
            last = (n.end, False)
    if last is None or last[1] is None:
        return art.last_blocked
    return last[1]


def _refers_to_blocked(art: _Article, sent: _Sentence, clause: Span, anchor: Span) -> bool:
    """Whether the channel nearest a cue only refers back ("such meetings", "the talks")
    to a channel of no concern named before ("talks on export controls")."""
    if not (art.last_blocked or art.head_blocked):
        return False
    lo, hi = max(clause[0], anchor[0] - _BEFORE_WINDOW), min(clause[1], anchor[1] + _AFTER_WINDOW)
    near = sorted(
        _near(sent.nouns, lo, hi),
        key=lambda n: (max(0, anchor[0] - n.end, (n.start - anchor[1]) // 3), -n.specificity),
    )
    if not near or not near[0].definite:
        return False
    return not any(n.kind is not None and not n.hint for n in sent.nouns if n.end <= near[0].start)


def _sentence(art: _Article, span: Span, paragraph_start: int, index: int) -> _Sentence:
    start = _skip_dateline(art.text, *span)
    end = span[1]
    clauses = _clauses(art.text, start, end, art.cues)
    times = [
        TimeExpression(
            t.start + start, t.end + start, t.text, t.earliest, t.latest, t.precision, t.how
        )
        for t in find_times(art.text[start:end], art.published, anchor=art.anchor, year=art.year)
    ]
    return _Sentence(
        start,
        end,
        paragraph_start,
        clauses,
        art.actors_of[index],
        _channel_nouns(art.text, (start, end), clauses, art.cues),
        times,
    )


def extract(text: str, published: date | None) -> list[Claim]:
    """Every claim about a channel between two states that the text makes, in text order."""
    c = cues()
    every = [p for p in article_paragraphs(text) if not _caption(text, p, c)]
    cued_at = _Hits(c, text)
    paragraphs = [p for p in every if cued_at.within(p)]
    if not paragraphs:
        return []
    mentions = find_mentions(text, published)
    if not _names_two_states(text, mentions, c):
        return []
    # States named as places ("in Libya", "Iraq's airspace") are not what the text is about.
    salient = [m for m in mentions if not _named_as_place(text, m, c)]
    art = _Article(text, published, mentions, Salience(salient), c)
    split = []
    for paragraph in paragraphs:
        sentences = _sentences(text, paragraph, cued_at)
        cued = {i for i, span in enumerate(sentences) if cued_at.within(span)}
        actors = {i: sentence_actors(text, s, e, mentions, c) for i, (s, e) in enumerate(sentences)}
        split.append((paragraph, sentences, actors, cued))
    counts = _pair_counts(text, split)
    art.main_pair = _main_pair(counts)
    art.sole_pair = _sole_pair(counts)
    candidates = {
        paragraph: (sentences, actors, cued) for paragraph, sentences, actors, cued in split
    }
    claims: list[Claim] = []
    for paragraph in every:
        if paragraph not in candidates:
            # No cue here, but the days it names are what later sentences count from.
            _read_times(art, paragraph)
            continue
        art.sentences, art.actors_of, cued = candidates[paragraph]
        for index, span in enumerate(art.sentences):
            if index not in cued:
                _read_times(art, span)
                continue
            sent = _sentence(art, span, paragraph[0], index)
            found = _sentence_claims(art, sent, index)
            if not found and art.last_blocked and _headline(art, sent):
                art.head_blocked = True
            claims += found
            _move_on(art, sent.times)
    return _same_event_dates(claims, published)


def extract_between(text: str, earliest: date | None, latest: date | None) -> list[Claim]:
    """The claims of a text published on a day between `earliest` and `latest`.

    Dates the text gives relative to its publication ("on Thursday", "last month") are
    counted from both ends and span the two; dates it names in full are the same either
    way. With one day known this is `extract`.
    """
    claims = extract(text, earliest)
    if earliest is None or latest is None or latest <= earliest or not claims:
        return claims
    late = {_same_claim(c): c for c in extract(text, latest)}
    widened = []
    for claim in claims:
        other = late.get(_same_claim(claim))
        if other is None or claim.effective_end is None or other.effective_end is None:
            widened.append(claim)
        elif other.effective_end > claim.effective_end:
            widened.append(
                replace(claim, effective_end=other.effective_end, precision=Precision.RANGE)
            )
        else:
            widened.append(claim)
    return widened


def _same_claim(c: Claim) -> tuple[object, ...]:
    return (c.char_start, c.char_end, c.pair, c.kind, c.state, c.modality)


def _names_two_states(text: str, mentions: Sequence[Mention], c: Cues) -> bool:
    """Whether a text names two states, or a channel that names its own pair ("New
    START"): a channel joins two states, so a text that names fewer says nothing of one."""
    if len({party for m in mentions for party in m.parties}) >= 2:
        return True
    return any(noun.pair and noun.pattern.search(text) for noun in c.kinds)


def _read_times(art: _Article, span: Span) -> None:
    """Move on the day and the year the text last named past `span`."""
    _move_on(
        art,
        find_times(art.text[span[0] : span[1]], art.published, anchor=art.anchor, year=art.year),
    )


def _move_on(art: _Article, times: Sequence[TimeExpression]) -> None:
    """The day, the year and the past time the text last named, once `times` have been
    read."""
    art.anchor = day_anchor(times, art.anchor)
    art.year = year_anchor(times, art.year)
    past = [t for t in times if _told_past(art, t)]
    art.told = past[-1] if past else art.told


def _named_as_place(text: str, mention: Mention, c: Cues) -> bool:
    before = text[max(0, mention.start - 60) : mention.start]
    return bool(
        c.places.search(before)
        or c.place_nouns.match(text, mention.end)
        or is_seat(text, mention.start, mention.end, c)
    )


def _pair_counts(
    text: str, split: list[tuple[Span, list[Span], dict[int, list[Actor]], set[int]]]
) -> dict[tuple[str, str], int]:
    """How often the article's channel sentences name each pair, written as a pair
    ("between X and Y", "US-Russia", counting twice) or as the only two states they name."""
    counts: dict[tuple[str, str], int] = {}
    for _, sentences, actors_of, cued in split:
        for index, (start, end) in enumerate(sentences):
            if index not in cued:
                continue
            actors = actors_of[index]
            joined = joined_pair(text, actors, start, end)
            strong = {a.party for a in actors if a.is_state and not a.weak and a.party}
            if joined:
                key, weight = joined, 2
            elif len(strong) == 2:
                first, second = sorted(strong)
                key, weight = (first, second), 1
            else:
                continue
            key = (min(key), max(key))
            counts[key] = counts.get(key, 0) + weight
    return counts


def _main_pair(counts: dict[tuple[str, str], int]) -> tuple[str, str] | None:
    """The pair the article is about: the one its channel sentences name most."""
    if not counts:
        return None
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] >= 2 else None


def _sole_pair(counts: dict[tuple[str, str], int]) -> tuple[str, str] | None:
    """The pair the article is about when it dominates: every other pair together is
    named less than half as often (a short text that names one pair once has it too)."""
    if not counts:
        return None
    best = max(counts, key=lambda k: counts[k])
    others = sum(n for pair, n in counts.items() if pair != best)
    return best if 2 * others < counts[best] else None


def _same_event_dates(claims: list[Claim], published: date | None) -> list[Claim]:
    """A claim that only the publication date dates (a headline in the present tense, a
    lead that names no day) takes the date of the same claim elsewhere in the article
    when that one names a day in the week before publication: "Gates Meets Chinese
    Counterpart" over "... met Liang Guanglie on Monday"."""
    if published is None:
        return claims
    recent = [
        c
        for c in claims
        if c.date_how != DateHow.PUBLICATION
        and c.modality == Modality.ASSERTED
        and c.effective_end is not None
        and 0 <= (published - c.effective_end).days <= _SAME_EVENT_DAYS
    ]
    out = []
    for claim in claims:
        if claim.date_how == DateHow.PUBLICATION and claim.modality == Modality.ASSERTED:
            same = [
                c
                for c in recent
                if (c.pair, c.kind, c.state) == (claim.pair, claim.kind, claim.state)
            ]
            if same:
                twin = min(same, key=lambda c: abs(c.char_start - claim.char_start))
                claim = replace(
                    claim,
                    effective_start=twin.effective_start,
                    effective_end=twin.effective_end,
                    precision=twin.precision,
                    date_how=twin.date_how,
                )
        out.append(claim)
    return out
