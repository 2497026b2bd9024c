"""Measure the channel tracker: ingest against its floor, status queries, frames, reports.

Two modes, each in one run on one set of data:

Corpus mode (the default) generates a corpus (benchmarks/corpus.py) and measures, on
the same files: (a) the floor, every file read and its raw text inserted with Core
executemany in batches; (b) `tracker.ingest.ingest` in a child process, once per
`--workers` value, each into an empty store; then, on the store the last ingest made,
(c) status queries, (d) the pandas frames and (e) a yearly report::

    python benchmarks/run.py --articles 10000 [--workers 1,2] [--db URL] [--keep DIR]

Store mode builds a large store directly (synthetic evidence over ~200 channels and 20
years, inserted with Core executemany) and measures (c), (d) and (e) at scale::

    python benchmarks/run.py --evidence 1000000 [--db URL] [--budget 300]

`--parse-only` reads and extracts the corpus in this process, without a store, so that
a profiler sees the work the ingest workers do::

    pyinstrument benchmarks/run.py --parse-only --articles 1000

Both modes also check that `tracker.query.statuses` answers exactly as derivation over
the whole history of the channels does.

`--db` takes a SQLite URL (a file is made per store) or a PostgreSQL server URL whose
user may create databases: each store is then a new database on that server, dropped
at the end unless `--keep` is given. Every measurement after the ingest runs in a child
process under `--budget` seconds; one that does not finish is reported as such, with
what it did finish. Peak memory is getrusage's ru_maxrss (the largest single process:
the child and, once reaped, its worker processes) and, for the ingest, the peak of the
summed resident memory of the child and its workers, sampled every 0.1 s.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import corpus as corpus_gen
from sqlalchemy import (
    Column,
    Engine,
    Integer,
    MetaData,
    Table,
    Text,
    create_engine,
    func,
    select,
    text,
)
from sqlalchemy.engine import make_url

from tracker import query, timeline
from tracker.db import make_engine, open_store
from tracker.models import metadata
from tracker.reading import SUFFIXES
from tracker.vocab import Kind, Modality, Precision, Review, State

ARTICLE = metadata.tables["article"]
CHANNEL = metadata.tables["channel"]
EVIDENCE = metadata.tables["evidence"]
PARTY = metadata.tables["party"]

MB = 1_000_000
LOADED = datetime(2025, 1, 1, tzinfo=UTC)
FLOOR_BATCH = 1000
INSERT_BATCH = 10_000


def say(line: str = "") -> None:
    print(line, flush=True)


def pct(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


# --------------------------------------------------------------------------- databases


class Stores:
    """Fresh, empty databases: SQLite files in a folder, or databases on a server."""

    def __init__(self, base: str | None, folder: Path, keep: bool) -> None:
        self.folder = folder
        self.keep = keep
        self.made: list[str] = []
        self.server = make_url(base) if base and not base.startswith("sqlite") else None
        self.admin: Engine | None = None
        if self.server is not None:
            self.admin = create_engine(self.server, isolation_level="AUTOCOMMIT")

    @property
    def backend(self) -> str:
        return "postgresql" if self.server is not None else "sqlite"

    def new(self, purpose: str) -> str:
        if self.server is None:
            path = self.folder / f"{purpose}.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            url = f"sqlite:///{path}"
        else:
            assert self.admin is not None
            name = f"bench_{purpose}_{uuid.uuid4().hex[:8]}"
            with self.admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            url = self.server.set(database=name).render_as_string(hide_password=False)
            self.made.append(name)
        return url

    def version(self) -> str:
        if self.admin is None:
            import sqlite3

            return f"SQLite {sqlite3.sqlite_version}"
        with self.admin.connect() as conn:
            return str(conn.execute(text("SHOW server_version")).scalar_one()).join(
                ("PostgreSQL ", "")
            )

    def close(self) -> None:
        if self.admin is None:
            return
        if not self.keep:
            with self.admin.connect() as conn:
                for name in self.made:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.admin.dispose()


def shown(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


# --------------------------------------------------------------------------- budgets


@dataclass
class Limited:
    """What a measurement run under a time budget reported before it ended or was stopped."""

    samples: dict[str, list[float]]
    extra: dict[str, Any]
    finished: bool
    seconds: float
    error: str | None = None


def _child(fn: Callable[..., None], args: tuple[Any, ...], queue: Any) -> None:
    def emit(kind: str, name: str, value: Any) -> None:
        queue.put((kind, name, value))

    try:
        fn(emit, *args)
        emit("extra", "peak_rss_mb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        emit("done", "", None)
    except BaseException as exc:  # report, do not hang the parent
        emit("error", "", f"{type(exc).__name__}: {exc}")


def limited(fn: Callable[..., None], args: tuple[Any, ...], budget: float) -> Limited:
    """Run fn(emit, *args) in a child process for at most `budget` seconds."""
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(fn, args, queue), daemon=True)
    started = time.perf_counter()
    proc.start()
    out = Limited({}, {}, False, 0.0)
    while True:
        left = budget - (time.perf_counter() - started)
        try:
            kind, name, value = queue.get(timeout=max(0.05, min(1.0, left)))
        except Exception:
            if left <= 0:
                proc.kill()
                break
            if not proc.is_alive() and queue.empty():
                out.error = f"child exited with status {proc.exitcode}"
                break
            continue
        if kind == "sample":
            out.samples.setdefault(name, []).append(value)
        elif kind == "extra":
            out.extra[name] = value
        elif kind == "done":
            out.finished = True
            break
        elif kind == "error":
            out.error = value
            break
    proc.join(timeout=10)
    out.seconds = time.perf_counter() - started
    return out


# --------------------------------------------------------------------------- (a) the floor


def corpus_files(folder: Path) -> list[Path]:
    """The files the tracker would read, in its order (name order, depth first)."""
    found: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [
            Path(root) / n
            for n in sorted(names)
            if not n.startswith(".") and Path(n).suffix.lower() in SUFFIXES
        ]
    return found


def floor(folder: Path, url: str) -> dict[str, Any]:
    """Read every file and insert its raw text, batched: what no ingest can beat."""
    engine = make_engine(url)  # the tracker's connection settings, nothing else
    meta = MetaData()
    table = Table(
        "floor_article",
        meta,
        Column("id", Integer, primary_key=True),
        Column("source", Text, nullable=False),
        Column("text", Text, nullable=False),
    )
    meta.create_all(engine)
    started = time.perf_counter()
    files = corpus_files(folder)
    size = 0
    batch: list[dict[str, str]] = []
    for path in files:
        data = path.read_bytes()
        size += len(data)
        batch.append({"source": str(path), "text": data.decode("utf-8", errors="replace")})
        if len(batch) >= FLOOR_BATCH:
            with engine.begin() as conn:
                conn.execute(table.insert(), batch)
            batch = []
    if batch:
        with engine.begin() as conn:
            conn.execute(table.insert(), batch)
    seconds = time.perf_counter() - started
    engine.dispose()
    return {"seconds": seconds, "files": len(files), "bytes": size}


# --------------------------------------------------------------------------- (b) ingest

# The ingest runs in its own process so that its memory is its own. It calls
# tracker.ingest.ingest and times two of its steps by wrapping them where ingest()
# looks them up; a step the module no longer has is reported as null.
_INGEST_RUNNER = r"""
import json, sys, time
started = time.perf_counter()
from pathlib import Path
from tracker import ingest as ing
from tracker.db import open_store
url, folder, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
engine = open_store(url)
ready = time.perf_counter()
steps = {}
def timed(name):
    fn = getattr(ing, name, None)
    if fn is None:
        return
    steps[name] = 0.0
    def wrapper(*args, **kwargs):
        t = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            steps[name] += time.perf_counter() - t
    setattr(ing, name, wrapper)
timed("store_parsed")
timed("date_from_copies")
report = ing.ingest(engine, [Path(folder)], workers=workers)
done = time.perf_counter()
print(json.dumps({
    "startup": ready - started,
    "ingest": done - ready,
    "steps": steps,
    "files": report.files,
    "articles_new": report.articles_new,
    "articles_known": report.articles_known,
    "evidence": report.evidence,
    "dated_by_copies": report.dated_by_copies,
    "skipped": len(report.skipped),
}))
"""


def _tree_rss(pid: int) -> tuple[int, int]:
    """Summed resident bytes of a process and its descendants, and how many there are."""
    try:
        import psutil
    except ImportError:  # pragma: no cover - psutil is optional
        return 0, 0
    try:
        top = psutil.Process(pid)
        procs = [top, *top.children(recursive=True)]
    except psutil.Error:
        return 0, 0
    total = 0
    for p in procs:
        with suppress(psutil.Error):
            total += p.memory_info().rss
    return total, len(procs)


def ingest(folder: Path, url: str, workers: int, work: Path) -> dict[str, Any]:
    out_path, err_path = work / f"ingest-{workers}.out", work / f"ingest-{workers}.err"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", _INGEST_RUNNER, url, str(folder), str(workers)],
            stdout=out,
            stderr=err,
        )
        peak = [0, 0]
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                rss, n = _tree_rss(proc.pid)
                peak[0], peak[1] = max(peak[0], rss), max(peak[1], n)
                stop.wait(0.1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        stop.set()
        sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"ingest --workers {workers} failed:\n{err_path.read_text()[-3000:]}")
    result = json.loads(out_path.read_text().strip().splitlines()[-1])
    result.update(
        workers=workers,
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        maxrss_mb=usage.ru_maxrss / 1024,
        tree_rss_mb=peak[0] / MB,
        processes=peak[1],
    )
    return result


def store_summary(url: str) -> dict[str, Any]:
    engine = make_engine(url)
    # UTF-8 bytes of the cleaned article text the store holds.
    size = (
        "sum(octet_length(text))"
        if engine.dialect.name == "postgresql"
        else "sum(length(CAST(text AS BLOB)))"
    )
    with engine.connect() as conn:
        text_bytes = conn.execute(text(f"SELECT {size} FROM article")).scalar_one()
        hows = dict(
            conn.execute(
                select(ARTICLE.c.published_how, func.count()).group_by(ARTICLE.c.published_how)
            ).all()
        )
        counts = {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (ARTICLE, EVIDENCE, CHANNEL)
        }
    engine.dispose()
    return {"text_bytes": int(text_bytes or 0), "published_how": hows, **counts}


# --------------------------------------------------------------------------- store mode


def _words(line: str) -> tuple[str, ...]:
    return tuple(line.split())


# Enough pairs for ~200 channels at five kinds each; real ISO codes, so that every
# party row the store needs exists in the tracker's gazetteer.
STORE_PARTIES = _words(
    "US CN RU UA KP KR IN PK JP GR TR AM AZ IR IL TW VN PH TH KH SA EG ET ER RS DE FR GB PL BY"
)
STORE_KINDS = (
    Kind.MILITARY_RELATIONS,
    Kind.OPERATIONAL_HOTLINE,
    Kind.DEFENSE_MINISTERS,
    Kind.DIPLOMATIC_CHANNEL,
    Kind.LEADERS,
)
QUOTE_WORDS = _words(
    "officials said the talks were held in a constructive atmosphere after months of tension "
    "over drills near the border while the hotline went unanswered and envoys met"
)


def _store_pairs(channels: int) -> list[str]:
    pairs = []
    codes = STORE_PARTIES
    for i, a in enumerate(codes):
        for b in codes[i + 1 :]:
            pairs.append("-".join(sorted((a, b))))
    rng = random.Random(11)
    rng.shuffle(pairs)
    return pairs[: max(1, channels // len(STORE_KINDS))]


def build_store(url: str, evidence: int, channels: int, years: int, seed: int) -> dict[str, Any]:
    """A store of `evidence` rows over `channels` channels and `years` years, via Core.

    Coverage is skewed as in the news (a few pairs get most of it: weight 1/rank^0.8);
    claims come as events with 1-5 sources each, in articles holding 1-3 claims;
    precision, modality and review follow the extractor's usual mix.
    """
    from tracker.gazetteer import party_name

    started = time.perf_counter()
    engine = open_store(url)
    rng = random.Random(seed)
    pairs = _store_pairs(channels)
    first = date(2024 - years + 1, 1, 1)
    span_days = (date(2024, 12, 31) - first).days
    with engine.begin() as conn:
        codes = sorted({c for p in pairs for c in p.split("-")})
        conn.execute(PARTY.insert(), [{"code": c, "name": party_name(c)} for c in codes])
        rows = [
            {"pair": p, "party_a": p[:2], "party_b": p[3:], "kind": str(k)}
            for p in pairs
            for k in STORE_KINDS
        ]
        conn.execute(CHANNEL.insert(), rows)
        ids = conn.execute(
            select(CHANNEL.c.id, CHANNEL.c.pair, CHANNEL.c.kind).order_by(CHANNEL.c.id)
        ).all()
    weights = [1 / (1 + pairs.index(p)) ** 0.8 for _, p, _ in ids]
    now = date(2025, 1, 1)
    created = time.perf_counter()
    article_id = 0
    made = 0
    evidence_rows: list[dict[str, Any]] = []
    article_rows: list[dict[str, Any]] = []

    def flush(force: bool = False) -> None:
        nonlocal evidence_rows, article_rows
        if not force and len(evidence_rows) < INSERT_BATCH:
            return
        with engine.begin() as conn:
            if article_rows:
                conn.execute(ARTICLE.insert(), article_rows)
            if evidence_rows:
                conn.execute(EVIDENCE.insert(), evidence_rows)
        evidence_rows, article_rows = [], []

    states = [State.OPEN, State.SUSPENDED, State.RESTORED, State.REJECTED]
    while made < evidence:
        channel_id, pair, kind = rng.choices(ids, weights)[0]
        state = rng.choices(states, (5, 2, 2, 1))[0]
        start = first + timedelta(days=rng.randrange(span_days))
        precision = rng.choices(
            [Precision.DAY, Precision.MONTH, Precision.YEAR, Precision.RANGE], (75, 15, 4, 6)
        )[0]
        if precision == Precision.MONTH:
            start = start.replace(day=1)
            end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        elif precision == Precision.YEAR:
            start, end = date(start.year, 1, 1), date(start.year, 12, 31)
        elif precision == Precision.RANGE:
            end = start + timedelta(days=rng.randint(2, 90))
        else:
            end = start
        words = rng.sample(QUOTE_WORDS, 14)
        quote = f"{pair} {kind} {state}: " + " ".join(words) + "."
        for _ in range(min(evidence - made, rng.choices((1, 2, 3, 4, 5), (50, 25, 12, 8, 5))[0])):
            article_id += 1
            published = min(end + timedelta(days=rng.randint(0, 3)), now)
            article_rows.append(
                {
                    "id": article_id,
                    "source": f"synthetic/{article_id:08d}.txt",
                    "article_index": 0,
                    "title": f"Story {article_id}",
                    "published": published,
                    "published_how": "text",
                    "published_note": None,
                    "text": quote,
                    "content_hash": f"{article_id:064x}",
                    "ingested_at": LOADED,
                }
            )
            for n in range(rng.choice((1, 1, 1, 2, 3))):
                if made >= evidence:
                    break
                modality = rng.choices(list(Modality), (92, 4, 2, 2))[0]
                review = rng.choices(list(Review), (97, 2, 1))[0]
                evidence_rows.append(
                    {
                        "article_id": article_id,
                        "channel_id": channel_id,
                        "state": str(state),
                        "effective_start": start,
                        "effective_end": end,
                        "precision": str(precision),
                        "date_how": "explicit" if n == 0 else "relative",
                        "modality": str(modality),
                        "quote": quote,
                        "char_start": n * len(quote),
                        "char_end": (n + 1) * len(quote),
                        "confidence": round(rng.uniform(0.5, 0.95), 2),
                        "extractor_version": "synthetic",
                        "review": str(review),
                        "note": None,
                        "created_at": LOADED,
                    }
                )
                made += 1
            flush()
    flush(force=True)
    inserted = time.perf_counter()
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text(f"SELECT setval('article_id_seq', {article_id})"))
            conn.commit()
            conn.execution_options(isolation_level="AUTOCOMMIT")
        conn.execute(text("ANALYZE"))
        conn.commit()
    engine.dispose()
    return {
        "evidence": made,
        "articles": article_id,
        "channels": len(ids),
        "pairs": len(pairs),
        "schema_seconds": created - started,
        "insert_seconds": inserted - created,
        "analyze_seconds": time.perf_counter() - inserted,
    }


# --------------------------------------------------------------------------- (c) status


def busiest(url: str) -> dict[str, Any]:
    """The channel and pair with the most evidence, a median channel, and the date span."""
    engine = make_engine(url)
    with engine.connect() as conn:
        per_channel = conn.execute(
            select(CHANNEL.c.pair, CHANNEL.c.kind, func.count(EVIDENCE.c.id).label("n"))
            .join(EVIDENCE, EVIDENCE.c.channel_id == CHANNEL.c.id)
            .group_by(CHANNEL.c.pair, CHANNEL.c.kind)
            .order_by(func.count(EVIDENCE.c.id).desc(), CHANNEL.c.pair, CHANNEL.c.kind)
        ).all()
        lo, hi = conn.execute(
            select(func.min(EVIDENCE.c.effective_start), func.max(EVIDENCE.c.effective_start))
        ).one()
    engine.dispose()
    if not per_channel:
        raise SystemExit("the store holds no evidence: nothing to query")
    per_pair: dict[str, int] = {}
    for pair, _, n in per_channel:
        per_pair[pair] = per_pair.get(pair, 0) + n
    top_pair = max(per_pair, key=lambda p: (per_pair[p], p))
    median = per_channel[len(per_channel) // 2]
    return {
        "channel": (per_channel[0][0], per_channel[0][1], per_channel[0][2]),
        "median_channel": (median[0], median[1], median[2]),
        "pair": (top_pair, per_pair[top_pair], sum(1 for p, _, _ in per_channel if p == top_pair)),
        "first": date.fromisoformat(str(lo)[:10]),
        "last": date.fromisoformat(str(hi)[:10]),
    }


def random_days(first: date, last: date, n: int, seed: int) -> list[date]:
    rng = random.Random(seed)
    span = (last - first).days + 60
    return [first + timedelta(days=rng.randrange(span)) for _ in range(n)]


def _status_child(
    emit: Callable[[str, str, Any], None],
    url: str,
    targets: list[tuple[str, str, str | None]],
    days: list[date],
) -> None:
    engine = make_engine(url)
    fn = query.statuses
    for name, pair, kind in targets:
        k = Kind(kind) if kind else None
        fn(engine, pair, days[0], kind=k)  # warm: connection, caches
        for day in days:
            t = time.perf_counter()
            fn(engine, pair, day, kind=k)
            emit("sample", name, time.perf_counter() - t)
    engine.dispose()


def full_history_statuses(
    engine: Engine, pair: str, on: date, *, kind: Kind | None = None
) -> list[Any]:
    """Status derived from every fact of the pair: the reference answer."""
    grouped = query._facts_by_channel(engine, pair, kind)
    return [timeline.status_on(p, k, f, on) for (p, k), f in sorted(grouped.items())]


def _agree_child(
    emit: Callable[[str, str, Any], None],
    url: str,
    targets: list[tuple[str, str, str | None]],
    days: list[date],
) -> None:
    """The status query against derivation over the whole history."""
    engine = make_engine(url)
    for _, pair, kind in targets:
        k = Kind(kind) if kind else None
        for day in days:
            reference = full_history_statuses(engine, pair, day, kind=k)
            same = query.statuses(engine, pair, day, kind=k) == reference
            emit("sample", "same" if same else "different", 1.0)
    engine.dispose()


# --------------------------------------------------------------------------- (d), (e)


def _frames_child(emit: Callable[[str, str, Any], None], url: str, on: date) -> None:
    from tracker import analysis

    engine = make_engine(url)
    for name, call in (
        ("evidence()", lambda: analysis.evidence(engine)),
        ("status()", lambda: analysis.status(engine, on)),
        ("timeline()", lambda: analysis.timeline(engine, until=on)),
    ):
        t = time.perf_counter()
        frame = call()
        emit("sample", name, time.perf_counter() - t)
        emit("extra", f"{name} rows", len(frame))
    engine.dispose()


def _report_child(
    emit: Callable[[str, str, Any], None], url: str, first: date, last: date, out: str
) -> None:
    """Yearly reports from first to last: what `tracker report --period year` writes."""
    from tracker import report

    engine = make_engine(url)
    t = time.perf_counter()
    written = report.write_reports(engine, period="year", start=first, end=last, out=Path(out))
    emit("sample", "yearly report", time.perf_counter() - t)
    emit("extra", "files", len(written))
    engine.dispose()


# --------------------------------------------------------------------------- reporting


class Results:
    """Every figure, printed as it comes and kept for --json."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}

    def put(self, key: str, value: Any, line: str | None = None) -> None:
        self.data[key] = value
        if line:
            say(line)


def report_samples(results: Results, key: str, got: Limited, label: str, budget: float) -> None:
    for name, values in sorted(got.samples.items()):
        med, p95 = statistics.median(values), pct(values, 0.95)
        results.put(
            f"{key}.{name}",
            {"n": len(values), "median": med, "p95": p95, "max": max(values)},
            f"  {label} {name}: median {ms(med)}, p95 {ms(p95)} over {len(values)} days",
        )
    if not got.finished:
        why = got.error or f"stopped after {budget:.0f} s budget"
        done = ", ".join(f"{n}: {len(v)}" for n, v in got.samples.items()) or "nothing"
        results.put(f"{key}.unfinished", why, f"  {label}: NOT FINISHED ({why}); done {done}")


def measure_queries(
    results: Results, url: str, n: int, seed: int, budget: float, agree_days: int
) -> None:
    info = busiest(url)
    (cp, ck, cn), (mp_, mk, mn), (pp, pn, pk) = (
        info["channel"],
        info["median_channel"],
        info["pair"],
    )
    results.put(
        "targets",
        {"channel": [cp, ck, cn], "median_channel": [mp_, mk, mn], "pair": [pp, pn, pk]},
        f"(c) status queries: busiest channel {cp} {ck} ({cn} evidence), median channel "
        f"{mp_} {mk} ({mn}), busiest pair {pp} ({pn} evidence over {pk} channels); "
        f"{n} random days {info['first']}..{info['last']}",
    )
    days = random_days(info["first"], info["last"], n, seed)
    targets = [
        ("channel (busiest)", cp, ck),
        ("channel (median)", mp_, mk),
        ("pair (busiest)", pp, None),
    ]
    got = limited(_status_child, (url, targets, days), budget)
    report_samples(results, "status", got, "query.statuses", budget)
    check = limited(_agree_child, (url, targets, days[:agree_days]), budget)
    tail = "" if check.finished else " (stopped by the budget)"
    same = len(check.samples.get("same", []))
    different = len(check.samples.get("different", []))
    results.put(
        "status.agreement",
        {"same": same, "different": different, "finished": check.finished},
        f"  answers == derivation over the whole history on {same} of "
        f"{same + different} checked (target, day){tail}",
    )


def measure_frames(results: Results, url: str, on: date, budget: float) -> None:
    got = limited(_frames_child, (url, on), budget)
    for name, values in got.samples.items():
        rows = got.extra.get(f"{name} rows")
        results.put(
            f"frames.{name}",
            {"seconds": values[0], "rows": rows},
            f"(d) analysis.{name}: {values[0]:.2f} s ({rows} rows)",
        )
    results.put("frames.peak_rss_mb", got.extra.get("peak_rss_mb"))
    if got.extra.get("peak_rss_mb"):
        results.put(
            "frames.rss",
            None,
            f"    peak memory of that process: {got.extra['peak_rss_mb']:.0f} MB",
        )
    if not got.finished:
        why = got.error or f"stopped after {budget:.0f} s budget"
        results.put("frames.unfinished", why, f"(d) frames NOT FINISHED: {why}")


def measure_report(
    results: Results, url: str, first: date, last: date, out: Path, budget: float
) -> None:
    """(e) one year's report (the middle year of the span: `tracker report --period year
    --start Y-01-01 --end Y-12-31`), then the report with yearly periods over the whole span."""
    middle = (first.year + last.year) // 2
    for key, label, start, end in (
        ("report.one_year", f"one year ({middle})", date(middle, 1, 1), date(middle, 12, 31)),
        ("report", f"{first.year}..{last.year}", date(first.year, 1, 1), last),
    ):
        got = limited(_report_child, (url, start, end, str(out / key)), budget)
        if got.finished:
            seconds = got.samples["yearly report"][0]
            results.put(
                f"{key}.seconds",
                seconds,
                f"(e) yearly report, {label}: {seconds:.2f} s, {got.extra.get('files')} files, "
                f"peak memory {got.extra.get('peak_rss_mb', 0):.0f} MB",
            )
        else:
            why = got.error or f"stopped after {budget:.0f} s budget"
            results.put(f"{key}.unfinished", why, f"(e) yearly report, {label} NOT FINISHED: {why}")


# --------------------------------------------------------------------------- main


def environment(stores: Stores) -> dict[str, Any]:
    here = Path(__file__).resolve().parent.parent
    commit = subprocess.run(
        ["git", "-C", str(here), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "-C", str(here), "status", "--porcelain", "tracker"], capture_output=True, text=True
    ).stdout.strip()
    return {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "database": stores.version(),
        "commit": commit + (" + uncommitted changes in tracker/" if dirty else ""),
    }


@contextmanager
def workspace(keep: Path | None) -> Iterator[Path]:
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        yield keep
        return
    folder = Path(tempfile.mkdtemp(prefix="tracker-bench-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def parse_only(folder: Path, results: Results) -> None:
    """Read and extract every file in this process, no database: the part workers run.

    Run it under a profiler to see where that time goes, e.g.
    `pyinstrument benchmarks/run.py --parse-only --articles 1000`.
    """
    from tracker.extract import extract
    from tracker.reading import InputError, read_articles

    reading = extracting = 0.0
    size = text_bytes = claims = 0
    files = corpus_files(folder)
    for path in files:
        size += path.stat().st_size
        t = time.perf_counter()
        try:
            articles = read_articles(path)
        except InputError:
            continue
        u = time.perf_counter()
        for article in articles:
            text_bytes += len(article.text.encode("utf-8"))
            claims += len(extract(article.text, article.published))
        reading += u - t
        extracting += time.perf_counter() - u
    total = reading + extracting
    results.put(
        "parse_only",
        {
            "files": len(files),
            "reading": reading,
            "extracting": extracting,
            "claims": claims,
            "text_bytes": text_bytes,
        },
        f"parse only: {total:.2f} s for {len(files)} files ({total / len(files) * 1000:.1f} ms "
        f"a file): reading {reading:.2f} s, extraction {extracting:.2f} s; {claims} claims; "
        f"{size / MB / total:.2f} MB/s of files, {text_bytes / MB / total:.2f} MB/s of "
        "article text",
    )


def prepare_corpus(args: argparse.Namespace, work: Path, results: Results) -> Path:
    folder: Path = args.corpus or work / f"corpus-{args.articles}-{args.seed}"
    stats = corpus_gen.existing(folder, args.articles, args.seed)
    if stats is None:
        if folder.exists() and any(folder.iterdir()):
            raise SystemExit(f"{folder} holds something else than this corpus")
        stats = corpus_gen.generate(folder, args.articles, args.seed)
        made = f"generated in {stats.seconds:.1f} s"
    else:
        made = "reused"
    results.put(
        "corpus",
        vars(stats),
        f"corpus: {stats.files} files, {stats.bytes / MB:.1f} MB ({stats.html} HTML, "
        f"{stats.text} text, {stats.markdown} Markdown; {stats.channel} about channels, "
        f"{stats.wire_copies} wire copies, {stats.undated} undated), {made}",
    )
    return folder


def corpus_mode(args: argparse.Namespace, stores: Stores, work: Path, results: Results) -> None:
    folder = prepare_corpus(args, work, results)
    fl = floor(folder, stores.new("floor"))
    results.put(
        "floor",
        fl,
        f"(a) floor: {fl['seconds']:.2f} s to read {fl['files']} files and insert their raw "
        f"text ({fl['bytes'] / MB / fl['seconds']:.1f} MB/s)",
    )
    last_url = ""
    for workers in args.workers:
        url = stores.new(f"ingest_w{workers}")
        got = ingest(folder, url, workers, work)
        summary = store_summary(url)
        got["store"] = summary
        cores = min(workers, os.cpu_count() or 1)
        seconds = got["ingest"]
        text_mb = summary["text_bytes"] / MB
        steps = got["steps"]
        parse = seconds - sum(v for v in steps.values() if v is not None)
        got.update(
            ratio_to_floor=seconds / fl["seconds"],
            input_mb_per_s_per_core=fl["bytes"] / MB / seconds / cores,
            text_mb_per_s_per_core=text_mb / seconds / cores,
        )
        results.put(f"ingest.w{workers}", got)
        say(
            f"(b) ingest --workers {workers}: {seconds:.2f} s "
            f"({got['ratio_to_floor']:.1f}x the floor), "
            f"{got['input_mb_per_s_per_core']:.2f} MB/s/core of files, "
            f"{got['text_mb_per_s_per_core']:.2f} MB/s/core of article text "
            f"({text_mb:.1f} MB stored); CPU {got['cpu']:.1f} s over {cores} core(s); "
            f"process start {got['startup']:.2f} s not counted"
        )
        say(
            f"    steps: reading+extraction (waited for) {parse:.2f} s, "
            + ", ".join(f"{k} {v:.2f} s" for k, v in steps.items())
        )
        say(
            f"    {got['articles_new']} new articles, {got['articles_known']} known, "
            f"{got['evidence']} evidence, {got['dated_by_copies']} dated from copies, "
            f"{got['skipped']} skipped; store: {summary['article']} articles, "
            f"{summary['evidence']} evidence, {summary['channel']} channels"
        )
        say(
            f"    peak memory: ru_maxrss {got['maxrss_mb']:.0f} MB (largest single process), "
            f"sampled sum over {got['processes']} process(es) {got['tree_rss_mb']:.0f} MB"
        )
        last_url = url
    if len(args.workers) >= 2:
        one = results.data.get("ingest.w1")
        two = results.data.get(f"ingest.w{args.workers[-1]}")
        if one and two:
            speedup = one["ingest"] / two["ingest"]
            results.put(
                "ingest.speedup",
                speedup,
                f"(b) --workers {args.workers[-1]} is {speedup:.2f}x as fast as --workers 1",
            )
    after_ingest(args, results, last_url, work)


def after_ingest(args: argparse.Namespace, results: Results, url: str, work: Path) -> None:
    info = busiest(url)
    measure_frames(results, url, info["last"] - timedelta(days=180), args.budget)
    measure_report(results, url, info["first"], info["last"], work / "reports", args.budget)
    measure_queries(results, url, args.queries, args.seed, args.budget, args.agree)


def store_mode(args: argparse.Namespace, stores: Stores, work: Path, results: Results) -> None:
    url = stores.new(f"store_{args.evidence}")
    built = build_store(url, args.evidence, args.channels, args.years, args.seed)
    results.put(
        "store",
        built,
        f"store: {built['evidence']} evidence, {built['articles']} articles, "
        f"{built['channels']} channels ({built['pairs']} pairs) over {args.years} years; "
        f"inserted in {built['insert_seconds']:.1f} s",
    )
    after_ingest(args, results, url, work)


def workers_list(value: str) -> list[int]:
    return [int(v) for v in value.split(",") if v.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="corpus size (corpus mode)")
    parser.add_argument("--evidence", type=int, help="build a store of this many evidence rows")
    parser.add_argument("--db", help="SQLite URL, or a PostgreSQL server URL (default: SQLite)")
    parser.add_argument("--workers", type=workers_list, default=[1, 2], help="e.g. 1,2")
    parser.add_argument("--keep", type=Path, help="keep corpus, stores and reports in DIR")
    parser.add_argument("--corpus", type=Path, help="generate into (or reuse) this folder")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--queries", type=int, default=200, help="random days per status target")
    parser.add_argument("--agree", type=int, default=50, help="days checked against derivation")
    parser.add_argument("--channels", type=int, default=200, help="channels (store mode)")
    parser.add_argument("--years", type=int, default=20, help="years of evidence (store mode)")
    parser.add_argument("--budget", type=float, default=300, help="seconds per measurement")
    parser.add_argument("--json", type=Path, help="also write every figure here")
    parser.add_argument(
        "--parse-only", action="store_true", help="only read and extract the corpus, no store"
    )
    args = parser.parse_args(argv)
    results = Results()
    with workspace(args.keep) as work:
        stores = Stores(args.db, work, keep=args.keep is not None)
        try:
            env = environment(stores)
            results.put(
                "environment",
                env,
                f"tracker at {env['commit']}; Python {env['python']}, {env['database']}, "
                f"{env['cpus']} CPUs",
            )
            if args.parse_only:
                parse_only(prepare_corpus(args, work, results), results)
            elif args.evidence:
                store_mode(args, stores, work, results)
            else:
                corpus_mode(args, stores, work, results)
            if args.keep is not None and stores.made:
                say("kept databases: " + ", ".join(stores.made))
        finally:
            stores.close()
    results.put(
        "benchmark_peak_rss_mb",
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        f"peak memory of this benchmark process (ru_maxrss): "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB",
    )
    if args.json:
        args.json.write_text(json.dumps(results.data, indent=2, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
