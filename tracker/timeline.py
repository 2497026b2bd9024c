"""Status derivation: which evidence decides a channel's state on a day, and how sure that is.

Pure functions over `Fact` records; the store fetches the facts, the CLI shows the result.
The rules are domain.md's "Deriving status", one function each.
"""

from __future__ import annotations

import copy
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

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

    def counted(self, sources: Mapping[int, int]) -> None:
        """Take source counts made elsewhere (evidence id to what `sources` gives)."""
        self._sources.update(sources)

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
        return _rank(fact, self.sources(fact))


def _rank(fact: Fact, sources: int) -> tuple[date, bool, int, float, date, int]:
    """Ties go to an analyst's acceptance, more sources, higher confidence, later
    publication; a full tie to the evidence stored first, so answers are stable."""
    return (
        _day(effective_start(fact)),
        fact.review == Review.ACCEPTED,
        sources,
        fact.confidence,
        fact.published or date.min,
        -fact.evidence_id,
    )


def _distinct(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values in order and how often each occurs: `np.unique(values,
    return_counts=True)` by a sort, which numpy does many times faster for integers than
    the hashing its unique uses."""
    ordered = np.sort(values)
    first = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]]) if len(ordered) else ordered
    return ordered[first], np.diff(np.r_[first, len(ordered)])


def source_counts(
    starts: np.ndarray,
    ends: np.ndarray,
    states: np.ndarray,
    articles: np.ndarray,
    quotes: np.ndarray,
    which: np.ndarray,
) -> np.ndarray:
    """`source_count(pool[i], pool)` for each i in `which`, from whole columns of one
    channel's counting facts: effective start and end as day numbers, state and folded
    quote as codes, article ids. Counted with numpy rather than fact by fact: the facts
    of a state overlapping a fact are found per bucket of similar length (as `_Claims`
    does), then the (fact, article) pairs made unique."""
    out = np.zeros(len(which), dtype=np.int64)
    if len(which) == 0:
        return out
    asked: list[np.ndarray] = []
    found: list[np.ndarray] = []

    def gather(query: np.ndarray, lo: np.ndarray, hi: np.ndarray, members: np.ndarray) -> None:
        n = np.maximum(hi - lo, 0)
        total = int(n.sum())
        if total == 0:
            return
        rep = np.repeat(np.arange(len(query)), n)
        pos = np.arange(total) + np.repeat(lo - (np.cumsum(n) - n), n)
        asked.append(query[rep])
        found.append(members[pos])

    span = ends - starts
    bucket = np.searchsorted(np.asarray(_BUCKET_DAYS), span, side="left")
    q_states = states[which]
    for state in np.unique(q_states):
        query = which[q_states == state]
        of_state = np.flatnonzero(states == state)
        for b in np.unique(bucket[of_state]):
            members = of_state[bucket[of_state] == b]
            members = members[np.argsort(starts[members], kind="stable")]
            first = starts[members]
            longest = max(0, int(span[members].max()))
            lo = np.searchsorted(first, starts[query] - longest, side="left")
            hi = np.searchsorted(first, ends[query], side="right")
            before = len(asked)
            gather(query, lo, hi, members)
            if len(asked) > before:
                keep = ends[found[-1]] >= starts[asked[-1]]
                asked[-1], found[-1] = asked[-1][keep], found[-1][keep]
        members = of_state[np.argsort(quotes[of_state], kind="stable")]
        keys = quotes[members]
        lo = np.searchsorted(keys, quotes[query], side="left")
        hi = np.searchsorted(keys, quotes[query], side="right")
        before = len(asked)
        gather(query, lo, hi, members)
        if len(asked) > before:
            # Copies of the quote that overlap were found above: count each fact once.
            q, g = asked[-1], found[-1]
            apart = (starts[g] > ends[q]) | (ends[g] < starts[q])
            asked[-1], found[-1] = q[apart], g[apart]
    if not asked:
        return out
    # Every (fact, found) pair is now distinct; only articles carrying more than one fact
    # of a state can be counted twice, so only their pairs are made unique.
    q, g = np.concatenate(asked), np.concatenate(found)
    per_fact = np.bincount(q, minlength=len(starts))
    width = int(articles.max()) + 1
    by_state = states * width + articles
    values, counts = _distinct(by_state)
    shared = counts[np.searchsorted(values, by_state[g])] > 1
    if shared.any():
        q, g = q[shared], g[shared]
        distinct = _distinct(q * width + articles[g])[0] // width
        per_fact -= np.bincount(q, minlength=len(starts))
        per_fact += np.bincount(distinct, minlength=len(starts))
    return per_fact[which]


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
    if len(ties) == 1:
        return ties[0]
    # A few ties on one day: counting each one's sources with a scan of the pool costs
    # less than indexing the whole pool.
    return max(ties, key=lambda f: _rank(f, source_count(f, pool)))


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

    def __init__(
        self,
        pair: str,
        kind: Kind,
        facts: Sequence[Fact],
        policy: Policy = Policy(),
        sources: Mapping[int, int] | None = None,
    ):
        """`sources`: source counts already made for some facts of the counting pool
        (evidence id to `source_count(fact, pool)`), e.g. all at once with
        `source_counts`; ranking ties then looks them up."""
        self.pair, self.kind, self.policy = pair, kind, policy
        self.pool = [f for f in facts if counts(f, policy)]
        starting: dict[date, list[Fact]] = defaultdict(list)
        for fact in self.pool:
            starting[_day(effective_start(fact))].append(fact)
        self.days = sorted(starting)
        self.claims = _Claims(self.pool)
        self.claims.counted(sources or {})
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


class ChannelConflicts:
    """The conflicts of one channel: counting facts whose states disagree (one working, the
    other not) over overlapping times, found by a sweep over the facts in start order
    rather than by comparing every pair.

    Facts are in pool order (effective start, then id); a conflict (first, second) has the
    first earlier in that order. Every fact overlapping `first` and starting after it
    starts within first's span, so the candidates for `second` are a contiguous run of the
    pool, and counting those of the other polarity is a difference of prefix sums. Only
    facts whose end precedes their start (bad data, rare) need a look of their own.
    """

    def __init__(
        self, pair: str, kind: Kind, facts: Sequence[Fact], policy: Policy = Policy()
    ) -> None:
        self.pair, self.kind = pair, kind
        self.pool = sorted(
            (f for f in facts if counts(f, policy)),
            key=lambda f: (effective_start(f) or date.min, f.evidence_id),
        )
        n = len(self.pool)
        self.starts = np.fromiter(
            (_day(effective_start(f)).toordinal() for f in self.pool), np.int64, n
        )
        self.ends = np.fromiter(
            (_day(effective_end(f)).toordinal() for f in self.pool), np.int64, n
        )
        self.working = np.fromiter((f.state in WORKING for f in self.pool), np.bool_, n)
        self._inverted = np.flatnonzero(self.ends < self.starts).tolist()

    def _last_candidate(self, last: int | None) -> np.ndarray:
        """For each fact, the end of the run of facts starting within its span (and not
        after `last`)."""
        hi = np.searchsorted(self.starts, self.ends, side="right")
        if last is not None:
            hi = np.minimum(hi, np.searchsorted(self.starts, last, side="right"))
        return np.maximum(hi, np.arange(1, len(self.pool) + 1))

    def counts(self, first: date | None = None, last: date | None = None) -> np.ndarray:
        """For each fact in pool order, how many conflicts it is the first of whose window
        (the days both facts cover) meets first..last (inclusive; None: unbounded)."""
        n = len(self.pool)
        if n == 0:
            return np.zeros(0, dtype=np.int64)
        p0 = first.toordinal() if first is not None else None
        on = last.toordinal() if last is not None else None
        starts, ends, working = self.starts, self.ends, self.working
        # A well-formed second (end not before start) overlaps first if it starts in its span.
        good = ends >= starts
        if p0 is not None:
            good &= ends >= p0
        zero = np.zeros(1, dtype=np.int64)
        working_before = np.concatenate((zero, np.cumsum(good & working)))
        idle_before = np.concatenate((zero, np.cumsum(good & ~working)))
        lo = np.arange(1, n + 1)
        hi = self._last_candidate(on)
        found = np.where(
            working, idle_before[hi] - idle_before[lo], working_before[hi] - working_before[lo]
        )
        for j in self._inverted:
            b0, b1 = int(starts[j]), int(ends[j])
            if (on is not None and b0 > on) or (p0 is not None and b1 < p0):
                continue
            found[:j] += (
                (working[:j] != working[j]) & (ends[:j] >= b0) & (starts[:j] <= b1)
            ).astype(np.int64)
        if p0 is not None:
            found[ends < p0] = 0
        return found

    def seconds(
        self, i: int, first: date | None = None, last: date | None = None, limit: int | None = None
    ) -> tuple[list[Fact], int, tuple[date, date] | None]:
        """The facts in conflict with pool[i] as the first, whose window meets first..last:
        the first `limit` of them in pool order, how many in all, and the span of their
        windows."""
        p0 = first.toordinal() if first is not None else None
        on = last.toordinal() if last is not None else None
        a0, a1 = int(self.starts[i]), int(self.ends[i])
        if p0 is not None and a1 < p0:
            return [], 0, None
        hi = int(self._last_candidate(on)[i])
        b0, b1 = self.starts[i + 1 : hi], self.ends[i + 1 : hi]
        floor = a0 if p0 is None else max(a0, p0)
        hits = np.flatnonzero((self.working[i + 1 : hi] != self.working[i]) & (b1 >= floor))
        if len(hits) == 0:
            return [], 0, None
        window = (
            date.fromordinal(int(np.maximum(b0[hits], a0).min())),
            date.fromordinal(int(np.minimum(b1[hits], a1).max())),
        )
        shown = hits if limit is None else hits[:limit]
        return [self.pool[i + 1 + int(k)] for k in shown], len(hits), window

    def pairs(self) -> list[Conflict]:
        """Every conflict, by first then second in pool order."""
        starts, ends = self.starts.tolist(), self.ends.tolist()
        of_state = {
            True: np.flatnonzero(~self.working).tolist(),
            False: np.flatnonzero(self.working).tolist(),
        }
        found: list[Conflict] = []
        for i, a in enumerate(self.pool):
            hi = bisect_right(starts, ends[i])
            if hi <= i + 1:
                continue
            other = of_state[bool(self.working[i])]
            a0 = starts[i]
            for k in range(bisect_right(other, i), bisect_left(other, hi)):
                j = other[k]
                if ends[j] >= a0:
                    found.append(Conflict(self.pair, self.kind, a, self.pool[j]))
        return found

    def conflicted(self) -> set[int]:
        """The evidence ids in any conflict, first or second."""
        if not self.pool:
            return set()
        starts, ends, working = self.starts, self.ends, self.working
        ids = {self.pool[i].evidence_id for i in np.flatnonzero(self.counts())}
        # A well-formed fact is a second if an earlier fact of the other polarity reaches it.
        low = np.iinfo(np.int64).min
        reach_w = np.maximum.accumulate(np.where(working, ends, low))
        reach_i = np.maximum.accumulate(np.where(working, low, ends))
        before_w = np.concatenate(([low], reach_w[:-1]))
        before_i = np.concatenate(([low], reach_i[:-1]))
        second = np.where(working, before_i >= starts, before_w >= starts) & (ends >= starts)
        for j in self._inverted:
            second[j] = bool(
                (
                    (working[:j] != working[j]) & (ends[:j] >= starts[j]) & (starts[:j] <= ends[j])
                ).any()
            )
        ids.update(self.pool[j].evidence_id for j in np.flatnonzero(second))
        return ids


def conflicts(
    pair: str, kind: Kind, facts: Sequence[Fact], policy: Policy = Policy()
) -> list[Conflict]:
    """Pairs of counting facts of one channel whose states disagree over overlapping times."""
    return ChannelConflicts(pair, kind, facts, policy).pairs()


def summary(status: ChannelStatus) -> str:
    """One line an analyst can read: the state, since when, and how sure."""
    if status.state == State.UNKNOWN:
        return f"{status.kind}: unknown (no evidence on or before {status.on.isoformat()})"
    flags = [name for name, on in (("uncertain", status.uncertain), ("stale", status.stale)) if on]
    since = f" since {status.since.isoformat()}" if status.since else ""
    plural = "s" if status.sources != 1 else ""
    tail = f" [{', '.join(flags)}]" if flags else ""
    return f"{status.kind}: {status.state}{since} ({status.sources} source{plural}){tail}"
