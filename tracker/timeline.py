"""Status derivation: which evidence decides a channel's state on a day, and how sure that is.

Pure functions over `Fact` records; the store fetches the facts, the CLI shows the result.
The rules are domain.md's "Deriving status", one function each.
"""

from __future__ import annotations

import copy
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.vocab import ChannelStatus, Fact, Kind, Modality, Review, State

DEFAULT_STALE_DAYS = 365

# States that say the channel works, and those that say it does not: evidence of
# opposite polarity over overlapping times disagrees.
WORKING = frozenset({State.OPEN, State.RESTORED})


@dataclass(frozen=True)
class Policy:
    """The knobs of derivation: what counts, and when an answer grows stale."""

    stale_days: int = DEFAULT_STALE_DAYS
    as_of: date | None = None
    modalities: frozenset[Modality] = frozenset({Modality.ASSERTED})


@dataclass(frozen=True)
class Interval:
    """A stretch of days over which a channel's derived state holds (end inclusive)."""

    pair: str
    kind: Kind
    state: State
    start: date
    end: date | None
    evidence_ids: tuple[int, ...]
    uncertain: bool
    quote: str


@dataclass(frozen=True)
class Conflict:
    """Two pieces of evidence for one channel whose states disagree over overlapping times."""

    pair: str
    kind: Kind
    first: Fact
    second: Fact


def effective_start(fact: Fact) -> date | None:
    """When the stated state held or began: the interval's start, else the publication."""
    return fact.effective_start or fact.effective_end or fact.published


def effective_end(fact: Fact) -> date | None:
    return fact.effective_end or fact.effective_start or fact.published


def known_on(fact: Fact, as_of: date | None) -> bool:
    """Could an analyst have read this on day `as_of`? Undated articles cannot be placed."""
    if as_of is None:
        return True
    return fact.published is not None and fact.published <= as_of


def counts(fact: Fact, policy: Policy) -> bool:
    """Whether a fact takes part in deciding status under the policy."""
    if fact.review == Review.REJECTED:
        return False
    if fact.review != Review.ACCEPTED and fact.modality not in policy.modalities:
        return False
    return effective_start(fact) is not None and known_on(fact, policy.as_of)


def _overlaps(a: Fact, b: Fact) -> bool:
    a0, a1, b0, b1 = effective_start(a), effective_end(a), effective_start(b), effective_end(b)
    if a0 is None or a1 is None or b0 is None or b1 is None:
        return False
    return a0 <= b1 and b0 <= a1


def _same_claim(a: Fact, b: Fact) -> bool:
    if a.state != b.state:
        return False
    return _overlaps(a, b) or " ".join(a.quote.split()) == " ".join(b.quote.split())


def corroborating(fact: Fact, facts: Iterable[Fact]) -> list[Fact]:
    """The facts that make the same claim: same state, overlapping times or the same quote."""
    return [other for other in facts if _same_claim(fact, other)]


def source_count(fact: Fact, facts: Iterable[Fact]) -> int:
    """How many distinct articles carry the claim (syndicated duplicates share one text hash)."""
    return len({other.article_id for other in corroborating(fact, facts)})


def _folded(quote: str) -> str:
    return " ".join(quote.split())


# Corroborating facts are looked up in buckets of facts of similar length: a fact
# overlapping [s, e] starts no earlier than s minus the longest interval of its bucket, so
# a day-long fact looks only at the facts starting within its own span, and only the few
# long facts make a year-wide scan.
_BUCKET_DAYS = (0, 31, 92, 366)


def _bucket(days: int) -> int:
    return bisect_left(_BUCKET_DAYS, days)


class _Claims:
    """The counting facts of one channel, indexed so that corroboration needs no full scan.

    Facts of a state are sorted by start within buckets of similar length (day numbers):
    those overlapping a fact start no earlier than its start minus the longest interval of
    their bucket, and no later than its end. Source counts (all that ranking needs) are
    cached apart from the lists of corroborating facts (which only decisive facts need).
    """

    def __init__(self, pool: Sequence[Fact]) -> None:
        groups: dict[tuple[State, int], list[tuple[int, int, int, Fact]]] = defaultdict(list)
        self._by_quote: dict[tuple[State, str], list[Fact]] = defaultdict(list)
        for fact in pool:
            start, end = effective_start(fact), effective_end(fact)
            if start is not None and end is not None:
                s, e = start.toordinal(), end.toordinal()
                groups[(fact.state, _bucket(e - s))].append((s, fact.evidence_id, e, fact))
            self._by_quote[(fact.state, _folded(fact.quote))].append(fact)
        self._by_state: dict[State, list[tuple[list[int], list[int], list[Fact], int]]] = (
            defaultdict(list)
        )
        for (state, _), items in sorted(groups.items()):
            items.sort(key=lambda item: (item[0], item[1]))
            starts = [item[0] for item in items]
            ends = [item[2] for item in items]
            longest = max(0, max(e - s for s, e in zip(starts, ends, strict=True)))
            self._by_state[state].append((starts, ends, [item[3] for item in items], longest))
        self._cache: dict[int, list[Fact]] = {}
        self._sources: dict[int, int] = {}

    def _overlapping(self, fact: Fact) -> Iterator[Fact]:
        start, end = effective_start(fact), effective_end(fact)
        if start is None or end is None:
            return
        s, e = start.toordinal(), end.toordinal()
        for starts, ends, facts, longest in self._by_state.get(fact.state, ()):
            lo = bisect_left(starts, s - longest)
            hi = bisect_right(starts, e, lo)
            for j in range(lo, hi):
                if ends[j] >= s:
                    yield facts[j]

    def corroborating(self, fact: Fact) -> list[Fact]:
        """What `corroborating(fact, pool)` returns, in evidence order."""
        if fact.evidence_id in self._cache:
            return self._cache[fact.evidence_id]
        found = {f.evidence_id: f for f in self._overlapping(fact)}
        for other in self._by_quote.get((fact.state, _folded(fact.quote)), []):
            found.setdefault(other.evidence_id, other)
        result = [found[i] for i in sorted(found)]
        self._cache[fact.evidence_id] = result
        self._sources[fact.evidence_id] = len({f.article_id for f in result})
        return result

    def sources(self, fact: Fact) -> int:
        """How many distinct articles carry the claim: `source_count(fact, pool)`."""
        count = self._sources.get(fact.evidence_id)
        if count is None:
            articles = {f.article_id for f in self._overlapping(fact)}
            articles.update(
                f.article_id for f in self._by_quote.get((fact.state, _folded(fact.quote)), [])
            )
            count = self._sources[fact.evidence_id] = len(articles)
        return count

    def rank(self, fact: Fact) -> tuple[date, bool, int, float, date, int]:
        """Ties go to an analyst's acceptance, more sources, higher confidence, later
        publication; a full tie to the evidence stored first, so answers are stable."""
        return (
            _day(effective_start(fact)),
            fact.review == Review.ACCEPTED,
            self.sources(fact),
            fact.confidence,
            fact.published or date.min,
            -fact.evidence_id,
        )


def corroboration(pool: Sequence[Fact]) -> Callable[[Fact], list[Fact]]:
    """`corroborating(fact, pool)` for many facts of one pool, each without a scan."""
    return _Claims(pool).corroborating


def _day(value: date | None) -> date:
    return value if value is not None else date.min


def _best_of(ties: Sequence[Fact], claims: Callable[[], _Claims]) -> Fact:
    if len(ties) == 1:
        return ties[0]
    index = claims()
    return max(ties, key=index.rank)


def decisive(facts: Sequence[Fact], on: date, policy: Policy = Policy()) -> Fact | None:
    """The counting fact with the latest effective start not after `on`, ties broken by
    an analyst's acceptance, then more sources, higher confidence, later publication."""
    pool = [f for f in facts if counts(f, policy)]
    candidates = [f for f in pool if (effective_start(f) or date.max) <= on]
    if not candidates:
        return None
    # Only facts sharing the latest start can win, so only they pay for counting sources.
    latest = max(effective_start(f) or date.min for f in candidates)
    ties = [f for f in candidates if effective_start(f) == latest]
    return _best_of(ties, lambda: _Claims(pool))


def _status(
    pair: str, kind: Kind, best: Fact, support: Sequence[Fact], on: date, policy: Policy
) -> ChannelStatus:
    start, end = effective_start(best), effective_end(best)
    assert start is not None and end is not None
    last_known = max(end, best.published or end)
    return ChannelStatus(
        pair=pair,
        kind=kind,
        on=on,
        state=best.state,
        since=start,
        uncertain=start <= on < end,
        stale=(on - last_known) > timedelta(days=policy.stale_days),
        sources=len({f.article_id for f in support}),
        quote=best.quote,
        evidence_id=best.evidence_id,
        source=best.source,
        published=best.published,
        supporting_ids=tuple(sorted(f.evidence_id for f in support)),
    )


def status_on(
    pair: str, kind: Kind, facts: Sequence[Fact], on: date, policy: Policy = Policy()
) -> ChannelStatus:
    """The state of one channel on day `on`, from the facts of that channel."""
    best = decisive(facts, on, policy)
    if best is None:
        return ChannelStatus(pair=pair, kind=kind, on=on, state=State.UNKNOWN)
    pool = [f for f in facts if counts(f, policy)]
    return _status(pair, kind, best, corroborating(best, pool), on, policy)


class Derivation:
    """One channel's history derived once: the decisive fact of every day some counting
    fact begins, from which status on any day, the intervals and the transitions follow
    without deriving again.

    Status can only change on a day some counting fact begins; between two such days the
    decisive fact is the one decided on the earlier day.
    """

    def __init__(self, pair: str, kind: Kind, facts: Sequence[Fact], policy: Policy = Policy()):
        self.pair, self.kind, self.policy = pair, kind, policy
        self.pool = [f for f in facts if counts(f, policy)]
        starting: dict[date, list[Fact]] = defaultdict(list)
        for fact in self.pool:
            starting[_day(effective_start(fact))].append(fact)
        self.days = sorted(starting)
        self.claims = _Claims(self.pool)
        # On a day some fact begins, the latest start not after it is that day itself.
        self.decisive = [_best_of(starting[day], lambda: self.claims) for day in self.days]
        self._intervals: list[tuple[Interval, Fact]] | None = None

    def under(self, policy: Policy) -> Derivation:
        """This derivation under a policy that counts the same facts (another staleness
        horizon), without deriving again."""
        if policy == self.policy:
            return self
        assert (policy.as_of, policy.modalities) == (self.policy.as_of, self.policy.modalities)
        other = copy.copy(self)
        other.policy = policy
        return other

    def decisive_on(self, on: date) -> Fact | None:
        """What `decisive(facts, on, policy)` returns."""
        i = bisect_right(self.days, on)
        return self.decisive[i - 1] if i else None

    def status_on(self, on: date) -> ChannelStatus:
        """What `status_on(pair, kind, facts, on, policy)` returns."""
        best = self.decisive_on(on)
        if best is None:
            return ChannelStatus(pair=self.pair, kind=self.kind, on=on, state=State.UNKNOWN)
        return _status(self.pair, self.kind, best, self.claims.corroborating(best), on, self.policy)

    def intervals(self) -> list[tuple[Interval, Fact]]:
        """The channel's history (`intervals`), each stretch with the fact that decides its
        first day. Made once; the staleness horizon does not change it."""
        if self._intervals is None:
            self._intervals = self._make_intervals()
        return self._intervals

    def _make_intervals(self) -> list[tuple[Interval, Fact]]:
        # Runs of decisions of one state make one stretch.
        runs: list[list[int]] = []
        for i, best in enumerate(self.decisive):
            if runs and self.decisive[runs[-1][0]].state == best.state:
                runs[-1].append(i)
            else:
                runs.append([i])
        out: list[tuple[Interval, Fact]] = []
        days = self.days
        for run in runs:
            first, last = run[0], run[-1]
            best, day = self.decisive[first], days[first]
            end = days[last + 1] - timedelta(days=1) if last + 1 < len(days) else None
            ids = {f.evidence_id for i in run for f in self.claims.corroborating(self.decisive[i])}
            fact_end = effective_end(best)
            uncertain = fact_end is not None and fact_end > day
            interval = Interval(
                self.pair,
                self.kind,
                best.state,
                day,
                end,
                tuple(sorted(ids)),
                uncertain,
                best.quote,
            )
            out.append((interval, best))
        return out


def intervals(
    pair: str, kind: Kind, facts: Sequence[Fact], policy: Policy = Policy()
) -> list[Interval]:
    """The channel's history: consecutive stretches of one derived state.

    Status can only change on a day some counting fact begins, so deriving it at those
    days and merging equal neighbours gives the whole timeline.
    """
    return [iv for iv, _ in Derivation(pair, kind, facts, policy).intervals()]


def conflicts(
    pair: str, kind: Kind, facts: Sequence[Fact], policy: Policy = Policy()
) -> list[Conflict]:
    """Pairs of counting facts of one channel whose states disagree over overlapping times."""
    pool = sorted(
        (f for f in facts if counts(f, policy)),
        key=lambda f: (effective_start(f) or date.min, f.evidence_id),
    )
    found: list[Conflict] = []
    for i, a in enumerate(pool):
        for b in pool[i + 1 :]:
            if (effective_start(b) or date.max) > (effective_end(a) or date.min):
                break
            if (a.state in WORKING) != (b.state in WORKING) and _overlaps(a, b):
                found.append(Conflict(pair, kind, a, b))
    return found


def summary(status: ChannelStatus) -> str:
    """One line an analyst can read: the state, since when, and how sure."""
    if status.state == State.UNKNOWN:
        return f"{status.kind}: unknown (no evidence on or before {status.on.isoformat()})"
    flags = [name for name, on in (("uncertain", status.uncertain), ("stale", status.stale)) if on]
    since = f" since {status.since.isoformat()}" if status.since else ""
    plural = "s" if status.sources != 1 else ""
    tail = f" [{', '.join(flags)}]" if flags else ""
    return f"{status.kind}: {status.state}{since} ({status.sources} source{plural}){tail}"
