"""Periodic reports (tracker.report) on the sample store: content, escaping, determinism."""

from __future__ import annotations

import base64
import html
import io
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib import colors as mpl_colors
from PIL import Image as PILImage
from sqlalchemy import Engine

from tests.test_analysis import (
    FORMULA_QUOTE,
    HOSTILE_QUOTE,
    SAMPLE_CHANNELS,
    build_sample_store,
)
from tracker import analysis, chart_svg, charts
from tracker.db import open_store
from tracker.ingest import ingest
from tracker.report import PERIODS, markdown_text, periods, write_reports
from tracker.vocab import Kind

D = date
SEEDS = Path(__file__).parent.parent / "seeds"
YEARS = [str(y) for y in range(2010, 2025)]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = open_store(f"sqlite:///{tmp_path_factory.mktemp('rs') / 'sample.db'}")
    build_sample_store(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def yearly(sample: Engine, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    out = tmp_path_factory.mktemp("yearly")
    return out, write_reports(
        sample, period="year", start=D(2010, 3, 15), end=D(2024, 12, 31), out=out
    )


def text_of(markup: str) -> str:
    """What a reader sees of HTML: tags dropped, entities decoded, spaces collapsed."""
    without = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S | re.I)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", without)).split())


def test_one_report_per_period_and_an_index(yearly: tuple[Path, list[Path]]) -> None:
    out, paths = yearly
    expected = [out / f"{y}.{ext}" for y in YEARS for ext in ("md", "html", "svg")]
    assert paths == [*expected, out / "index.md", out / "index.html"]
    assert all(p.is_file() and p.stat().st_size > 0 for p in paths)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in paths)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{y}.html"' in index for y in YEARS)
    assert all(f"]({y}.md)" in (out / "index.md").read_text(encoding="utf-8") for y in YEARS)


def test_reports_are_byte_identical_on_rerun(
    sample: Engine, yearly: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    _, paths = yearly
    again = write_reports(
        sample, period="year", start=D(2010, 3, 15), end=D(2024, 12, 31), out=tmp_path
    )
    assert [p.name for p in again] == [p.name for p in paths]
    for first, second in zip(paths, again, strict=True):
        assert first.read_bytes() == second.read_bytes(), first.name


def test_every_channel_is_in_every_report(yearly: tuple[Path, list[Path]]) -> None:
    out, _ = yearly
    for year in YEARS:
        page = text_of((out / f"{year}.html").read_text(encoding="utf-8"))
        md = (out / f"{year}.md").read_text(encoding="utf-8")
        for pair, kind in SAMPLE_CHANNELS:
            assert f"{pair} {kind.value}" in page, (year, pair, kind)
            assert f"| {pair} {kind.value} |" in md, (year, pair, kind)


def test_status_matches_the_analysis_at_the_end_of_each_period(
    sample: Engine, yearly: tuple[Path, list[Path]]
) -> None:
    out, _ = yearly
    for year in ("2010", "2020", "2023"):
        md = (out / f"{year}.md").read_text(encoding="utf-8")
        for row in analysis.status(sample, f"{year}-12-31").itertuples():
            assert f"| {row.pair} {row.kind} | **{row.state}** |" in md, (year, row.pair, row.kind)


def test_untrusted_quotes_are_escaped(yearly: tuple[Path, list[Path]]) -> None:
    out, paths = yearly
    for path in paths:
        raw = path.read_text(encoding="utf-8")
        assert "<script" not in raw.lower(), path.name
    page = (out / "2020.html").read_text(encoding="utf-8")
    assert html.escape(HOSTILE_QUOTE, quote=False) in page
    assert HOSTILE_QUOTE in text_of(page)  # shown to the reader as text
    md = (out / "2020.md").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" not in md  # parentheses are not escaped
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md


def test_html_is_self_contained(yearly: tuple[Path, list[Path]]) -> None:
    out, _ = yearly
    for name in ("2023.html", "index.html"):
        page = (out / name).read_text(encoding="utf-8")
        assert "<link" not in page and " src=" not in page
        for target in re.findall(r'href="([^"]*)"', page):
            assert target.startswith("#") or re.fullmatch(r"[\w.-]+\.(html|md)", target), target
    assert "<svg" in (out / "2023.html").read_text(encoding="utf-8")


def test_changes_conflicts_and_stale_channels(yearly: tuple[Path, list[Path]]) -> None:
    out, _ = yearly
    y2022 = (out / "2022.md").read_text(encoding="utf-8")
    changes = y2022.split("## Changes during the period")[1].split("## Timeline")[0]
    assert "| 5 August 2022 | CN-US military-relations | restored → **suspended** |" in changes
    assert "Beijing also halted military\\-to\\-military contacts" not in changes
    assert "Beijing also halted military-to-military contacts with Washington" in changes
    assert "news/2022-08-05-pelosi.txt" in changes

    y2020 = (out / "2020.md").read_text(encoding="utf-8")
    conflicts = y2020.split("## Conflicts")[1].split("## Stale channels")[0]
    assert "KP-KR operational-hotline" in conflicts
    assert "evidence #" in conflicts and FORMULA_QUOTE.split('"')[0] in conflicts
    assert "No conflicting evidence" in (out / "2023.md").read_text(encoding="utf-8")

    stale = y2020.split("## Stale channels")[1]
    assert "| RU-US military-relations | rejected | 16 February 2017 |" in stale
    assert "IN-PK" not in stale  # no evidence yet in 2020

    y2011 = (out / "2011.md").read_text(encoding="utf-8")
    assert "## Also reported" in y2011 and "Gates is to meet" in y2011


def test_a_period_in_progress_reports_the_status_on_the_end_day(
    sample: Engine, tmp_path: Path
) -> None:
    paths = write_reports(
        sample, period="month", start=D(2023, 11, 1), end=D(2023, 11, 20), out=tmp_path
    )
    assert [p.name for p in paths] == [
        "2023-11.md",
        "2023-11.html",
        "2023-11.svg",
        "index.md",
        "index.html",
    ]
    md = paths[0].read_text(encoding="utf-8")
    assert "status on 20 November 2023 (the period is not over)" in md
    assert "| CN-US military-relations | **restored** |" in md


def test_one_pair(sample: Engine, tmp_path: Path) -> None:
    paths = write_reports(
        sample,
        period="quarter",
        start=D(2022, 7, 1),
        end=D(2022, 9, 30),
        out=tmp_path,
        pair="us-china",
    )
    assert [p.name for p in paths][:3] == [
        "CN-US_2022-Q3.md",
        "CN-US_2022-Q3.html",
        "CN-US_2022-Q3.svg",
    ]
    page = text_of(paths[1].read_text(encoding="utf-8"))
    for pair, kind in SAMPLE_CHANNELS:
        assert (f"{pair} {kind.value}" in page) == (pair == "CN-US")
    assert "CN-US channels" in page


def test_bad_arguments(sample: Engine, tmp_path: Path) -> None:
    for kwargs, message in (
        ({"period": "fortnight", "start": D(2020, 1, 1), "end": None}, "unknown period"),
        ({"period": "month", "start": D(2020, 2, 1), "end": D(2020, 1, 1)}, "before start"),
    ):
        with pytest.raises(ValueError, match=message) as caught:
            write_reports(sample, out=tmp_path / "x", **kwargs)  # type: ignore[arg-type]
        assert "\n" not in str(caught.value)
    with pytest.raises(ValueError, match="pair"):
        write_reports(sample, period="year", start=D(2020, 1, 1), end=None, out=tmp_path, pair="XX")
    assert not (tmp_path / "x").exists()


def test_reports_on_both_backends(engine: Engine, tmp_path: Path) -> None:
    build_sample_store(engine)
    paths = write_reports(
        engine, period="quarter", start=D(2023, 4, 1), end=D(2023, 12, 31), out=tmp_path
    )
    assert [p.name for p in paths if p.suffix == ".html"] == [
        "2023-Q2.html",
        "2023-Q3.html",
        "2023-Q4.html",
        "index.html",
    ]
    q2 = (tmp_path / "2023-Q2.md").read_text(encoding="utf-8")
    assert "| 29 May 2023 | CN-US defense-ministers | open → **rejected** (uncertain) |" in q2
    for pair, kind in SAMPLE_CHANNELS:
        assert f"{pair} {kind.value}" in text_of(
            (tmp_path / "2023-Q4.html").read_text(encoding="utf-8")
        )


@given(
    kind=st.sampled_from(PERIODS),
    start=st.dates(D(1999, 1, 1), D(2030, 12, 31)),
    length=st.integers(0, 800),
)
def test_periods_tile_the_requested_span(kind: str, start: date, length: int) -> None:
    end = start + timedelta(days=length)
    found = periods(kind, start, end)
    assert found[0].start <= start <= found[0].end
    assert found[-1].start <= end <= found[-1].end
    for a, b in pairwise(found):
        assert b.start == a.end + timedelta(days=1)
    labels = [p.label for p in found]
    assert labels == sorted(labels) and len(set(labels)) == len(labels)
    for p in found:
        if kind == "week":
            assert p.start.weekday() == 0 and (p.end - p.start).days == 6
        else:
            assert p.start.day == 1 and (p.end + timedelta(days=1)).day == 1


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        if found := shutil.which(name):
            return found
    return None


def test_the_html_renders_every_channel_in_a_browser(yearly: tuple[Path, list[Path]]) -> None:
    browser = _chromium()
    if browser is None:
        pytest.skip("no chromium binary on PATH (install Debian's chromium to run this test)")
    out, _ = yearly
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                f"--user-data-dir={profile}",
                "--dump-dom",
                (out / "2020.html").as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
    dom = done.stdout
    assert "<svg" in dom
    assert "<script" not in dom.lower()  # the hostile quote stayed text
    seen = text_of(dom)
    assert HOSTILE_QUOTE in seen
    for pair, kind in SAMPLE_CHANNELS:
        assert f"{pair} {kind.value}" in seen, (pair, kind)


def test_markdown_text_is_inert_and_readable() -> None:
    assert str(markdown_text("today's #FAC | a<b> & *c* [x](y)\n`z`")) == (
        "today's \\#FAC \\| a&lt;b&gt; &amp; \\*c\\* \\[x\\](y) \\`z\\`"
    )


def test_charts_have_one_row_per_channel_and_render_deterministically(sample: Engine) -> None:
    snap = analysis.load(sample)
    spans, ev = analysis.timeline(snap, until=D(2024, 1, 1)), analysis.evidence(snap)
    fig = charts.timeline_figure(spans, ev, end=D(2024, 1, 1))
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == [charts.channel_label(p, k) for p, k in _vocab_sorted(SAMPLE_CHANNELS)]
    svg = charts.figure_svg(fig)
    assert svg == charts.figure_svg(charts.timeline_figure(spans, ev, end=D(2024, 1, 1)))
    assert svg.startswith("<svg") and "<dc:date>" not in svg and "<metadata>" not in svg
    assert "CN-US  military-relations" in svg  # labels stay text


def test_a_dense_chart_draws_its_stretches_as_one_image(sample: Engine) -> None:
    snap = analysis.load(sample)
    spans, ev = analysis.timeline(snap, until=D(2024, 1, 1)), analysis.evidence(snap)
    full = charts.timeline_figure(spans, ev, end=D(2024, 1, 1), max_shapes=len(spans) + len(ev))
    assert full.axes[0].get_images() == [] and full.axes[0].get_title(loc="left") == ""
    dense = charts.timeline_figure(spans, ev, end=D(2024, 1, 1), max_shapes=1)
    ax = dense.axes[0]
    (image,) = ax.get_images()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == [charts.channel_label(p, k) for p, k in _vocab_sorted(SAMPLE_CHANNELS)]
    # One row of pixels bands per channel; the stretches' colours are in it.
    pixels = image.get_array()
    assert pixels.shape[0] == len(labels) * 5
    drawn = {tuple(round(c, 3) for c in px[:3]) for px in pixels.reshape(-1, 4) if px[3] > 0}
    colours = {
        tuple(round(c, 3) for c in mpl_colors.to_rgb(charts.STATE_COLOURS[str(s)]))
        for s in spans["state"]
    }
    assert drawn == colours
    assert "not marked" in ax.get_title(loc="left")
    assert charts.figure_svg(dense) == charts.figure_svg(
        charts.timeline_figure(spans, ev, end=D(2024, 1, 1), max_shapes=1)
    )


@pytest.mark.parametrize(
    ("first", "last"), [(D(2010, 1, 1), D(2024, 1, 1)), (D(2017, 1, 1), D(2017, 3, 31))]
)
def test_a_dense_chart_written_as_svg_draws_what_matplotlib_draws(
    sample: Engine, first: date, last: date
) -> None:
    snap = analysis.load(sample)
    spans, ev = analysis.timeline(snap, until=last), analysis.evidence(snap)
    rows = charts.chart_rows(spans, ev)
    shapes = charts.shapes_in_view(spans, ev, first, last)
    drawn = dict(start=first, end=last, highlight=(D(2017, 1, 1), last), stale_days=90)
    svg = chart_svg.dense_svg(spans, rows, shapes=shapes, **drawn)  # type: ignore[arg-type]
    assert svg == chart_svg.dense_svg(spans, rows, shapes=shapes, **drawn)  # type: ignore[arg-type]
    ax = charts.timeline_figure(spans, ev, max_shapes=1, **drawn).axes[0]  # type: ignore[arg-type]
    (image,) = ax.get_images()
    # The same pixels, the same rows, ticks and note.
    (data,) = re.findall(r'href="data:image/png;base64,([^"]+)"', svg)
    with PILImage.open(io.BytesIO(base64.b64decode(data))) as png:
        pixels = np.asarray(png.convert("RGBA"))
    assert (pixels == np.rint(np.asarray(image.get_array()) * 255)).all()
    texts = [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == [charts.channel_label(p, k) for p, k in rows]
    lo, hi = ax.get_xlim()
    ticks = [
        t.get_text()
        for t, x in zip(ax.get_xticklabels(), ax.get_xticks(), strict=True)
        if lo <= x <= hi
    ]
    offset = ax.xaxis.get_major_formatter().get_offset()
    assert texts[0] == ax.get_title(loc="left") == charts.dense_note(shapes)
    assert texts[1 : 1 + len(ticks) + bool(offset)] == ticks + ([offset] if offset else [])
    assert texts[1 + len(ticks) + bool(offset) :][: len(labels)] == labels
    assert "this period" in texts and svg.startswith("<svg")


def test_a_dense_chart_of_no_channels_is_one_empty_row() -> None:
    empty = pd.DataFrame(columns=["pair", "kind", "state", "start", "end", "last_evidence"])
    svg = chart_svg.dense_svg(
        empty, [], start=D(2020, 1, 1), end=D(2020, 12, 31), shapes=0, stale_days=30
    )
    assert svg.startswith("<svg") and "<image" not in svg and "this period" not in svg


def _painted_one_by_one(
    intervals: pd.DataFrame, rows: list[tuple[str, str]], lo: date, hi: date, stale: int
) -> np.ndarray:
    """A dense chart's pixels painted stretch by stretch, fresh part then stale part."""
    days = (hi - lo).days + 1
    per = -(-days // 1100)
    image = np.zeros((len(rows) * 5, -(-days // per), 4))
    for row in intervals.itertuples(index=False):
        if (row.pair, row.kind) not in rows or pd.isna(row.start):
            continue
        first, last = row.start.date(), hi if pd.isna(row.end) else row.end.date()
        if first > hi or last < lo:
            continue
        first, last = max(first, lo), min(last, hi)
        fresh = last
        if not pd.isna(row.last_evidence):
            fresh = max(first - timedelta(days=1), row.last_evidence.date() + timedelta(stale))
        r, g, b, _ = mpl_colors.to_rgba(charts.STATE_COLOURS.get(row.state, "#BBBBBB"))
        top = rows.index((row.pair, row.kind)) * 5
        for a, z, alpha in (
            (first, min(last, fresh), 1.0),
            (max(first, fresh + D.resolution), last, 0.35),
        ):
            if a <= z:
                image[top + 1 : top + 4, (a - lo).days // per : (z - lo).days // per + 1] = (
                    r,
                    g,
                    b,
                    alpha,
                )
    return image


_DAYS = st.one_of(st.none(), st.integers(0, 3000).map(lambda n: D(2010, 1, 1) + timedelta(n)))


@given(
    stretches=st.lists(
        st.tuples(
            st.sampled_from(["AM-ET", "CN-US", "RU-US"]),
            st.sampled_from(["leaders", "hotline"]),
            st.sampled_from(["open", "suspended", "restored", "rejected", "unknown", "odd"]),
            _DAYS,
            _DAYS,
            _DAYS,
        ),
        max_size=40,
    ),
    first=st.integers(0, 2500),
    length=st.sampled_from([0, 1, 30, 400, 1200, 2500]),
    stale=st.sampled_from([0, 30, 365]),
)
def test_dense_pixels_paint_as_stretch_by_stretch(
    stretches: list[tuple[Any, ...]], first: int, length: int, stale: int
) -> None:
    frame = pd.DataFrame(
        stretches, columns=["pair", "kind", "state", "start", "end", "last_evidence"]
    )
    for column in ("start", "end", "last_evidence"):
        frame[column] = pd.to_datetime(frame[column])
    rows = [("AM-ET", "leaders"), ("CN-US", "leaders"), ("CN-US", "hotline")]
    lo = D(2010, 1, 1) + timedelta(first)
    hi = lo + timedelta(length)
    pixels, _ = charts.dense_pixels(frame, rows, lo, hi, stale)
    assert (pixels == _painted_one_by_one(frame, rows, lo, hi, stale)).all()


def _vocab_sorted(channels: list[tuple[str, Kind]]) -> list[tuple[str, str]]:
    order = {k: i for i, k in enumerate(Kind)}
    return [(p, k.value) for p, k in sorted(channels, key=lambda c: (c[0], order[c[1]]))]


def test_a_report_whose_evidence_left_the_store_meanwhile_says_so(
    sample: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Quotes are read after the period is derived; re-extraction may remove evidence.
    monkeypatch.setattr(analysis, "quotes", lambda engine, ids: {})
    with pytest.raises(ValueError, match=r"evidence #\d+ left the store"):
        write_reports(sample, period="year", start=D(2017, 1, 1), end=D(2017, 12, 31), out=tmp_path)


def test_yearly_reports_on_the_seeds(tmp_path: Path) -> None:
    engine = open_store(f"sqlite:///{tmp_path / 'seeds.db'}")
    try:
        ingest(engine, [SEEDS])
        known = analysis.channels(engine)
        assert len(known) > 0
        paths = write_reports(
            engine, period="year", start=D(2010, 1, 1), end=D(2023, 12, 31), out=tmp_path / "out"
        )
        assert len(paths) == 14 * 3 + 2
        page = text_of((tmp_path / "out" / "2023.html").read_text(encoding="utf-8"))
        for row in known.itertuples():
            assert f"{row.pair} {row.kind}" in page
        md = (tmp_path / "out" / "2023.md").read_text(encoding="utf-8")
        for row in analysis.status(engine, "2023-12-31").itertuples():
            assert f"| {row.pair} {row.kind} | **{row.state}** |" in md
    finally:
        engine.dispose()
