"""How many processes an ingest uses when none are asked for, and that it changes nothing."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from tracker.cli import app
from tracker.ingest import default_workers

SEEDS = Path(__file__).parent.parent / "seeds"


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@given(st.integers(min_value=0, max_value=10**7), st.integers(min_value=0, max_value=10**7))
def test_more_files_never_mean_fewer_workers_and_never_more_than_the_cores(a: int, b: int) -> None:
    small, large = sorted((a, b))
    assert 1 <= default_workers(small) <= default_workers(large) <= _cores()


def test_a_few_files_are_read_in_the_process_itself() -> None:
    assert default_workers(0) == 1
    assert default_workers(5) == 1


def test_a_large_input_uses_every_core() -> None:
    assert default_workers(1_000_000) == _cores()


def test_the_default_finds_what_one_worker_finds(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seeds = sorted(p for p in SEEDS.iterdir() if p.suffix in {".txt", ".html"})
    for copy in range(20):
        for seed in seeds:
            shutil.copy(seed, corpus / f"{copy:02d}_{seed.name}")
    if _cores() > 1:
        assert default_workers(len(list(corpus.iterdir()))) > 1
    runner = CliRunner()

    def evidence(name: str, *options: str) -> list[dict[str, Any]]:
        db = ["--db", f"sqlite:///{tmp_path / name}"]
        result = runner.invoke(app, [*db, "ingest", str(corpus), *options])
        assert result.exit_code == 0, result.output
        rows = json.loads(runner.invoke(app, [*db, "evidence", "--format", "json"]).stdout)
        return sorted(rows, key=lambda r: (r["source"], r["article_index"], r["char_start"]))

    assert evidence("default.db") == evidence("one.db", "--workers", "1")
