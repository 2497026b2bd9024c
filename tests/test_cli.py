"""The command-line contract (docs/interface.md): formats, errors, and a store left as it was."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from tracker.db import open_store
from tracker.models import Article, Evidence

Cli = Callable[..., Any]

ARTICLE = (
    "WASHINGTON, March 3, 2021 — China suspended its military-to-military contacts "
    "with the United States on Tuesday, officials said.\n"
)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def counts(db_url: str) -> tuple[int, int]:
    engine = open_store(db_url)
    try:
        with Session(engine) as session:
            articles = session.execute(select(func.count()).select_from(Article)).scalar_one()
            evidence = session.execute(select(func.count()).select_from(Evidence)).scalar_one()
            return int(articles), int(evidence)
    finally:
        engine.dispose()


def assert_one_line_error(result: Any) -> None:
    assert result.exit_code != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_init_creates_the_schema(cli: Cli) -> None:
    result = cli("init")
    assert result.exit_code == 0, result.stderr
    assert "database ready" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["status", "US-Atlantis", "--on", "2020-01-01"],
        ["status", "CN-US", "--on", "2023-02-30"],
        ["status", "CN-US", "--on", "yesterday"],
        ["status", "CN-US", "--on", "2020-01-01", "--as-of", "2020-13-01"],
        ["status", "CN-US", "--on", "2020-01-01", "--kind", "military-relation"],
        ["status", "CN-US", "--on", "2020-01-01", "--format", "xml"],
        ["evidence", "--pair", "CN-CN"],
        ["evidence", "--kind", "naval-dance"],
        ["timeline", "nowhere-US"],
        ["ingest", "does/not/exist.txt"],
        ["ingest", "--published", "2021-02-29", "x.txt"],
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    cli: Cli, db_url: str, tmp_path: Path, args: list[str]
) -> None:
    assert cli("ingest", write(tmp_path, "a.txt", ARTICLE)).exit_code == 0
    before = counts(db_url)
    assert_one_line_error(cli(*args))
    assert counts(db_url) == before


def test_unknown_names_get_a_suggestion(cli: Cli) -> None:
    result = cli("status", "CN-US", "--on", "2020-01-01", "--kind", "militry-relations")
    assert_one_line_error(result)
    assert "military-relations" in result.stderr


def test_binary_file_is_refused_and_the_store_kept(cli: Cli, db_url: str, tmp_path: Path) -> None:
    assert cli("ingest", write(tmp_path, "a.txt", ARTICLE)).exit_code == 0
    before = counts(db_url)
    blob = tmp_path / "blob.txt"
    blob.write_bytes(bytes(range(256)) * 64)
    assert_one_line_error(cli("ingest", blob))
    assert counts(db_url) == before


def test_json_is_one_array_and_nothing_else(cli: Cli, tmp_path: Path) -> None:
    assert cli("ingest", write(tmp_path, "a.txt", ARTICLE)).exit_code == 0
    for args in (
        ["evidence"],
        ["status", "US-CN", "--on", "2021-03-04"],
        ["timeline", "cn-us"],
        ["channels"],
        ["conflicts"],
    ):
        result = cli(*args, "--format", "json")
        assert result.exit_code == 0, result.stderr
        assert isinstance(json.loads(result.stdout), list)


def test_the_same_pair_in_any_spelling(cli: Cli, tmp_path: Path) -> None:
    assert cli("ingest", write(tmp_path, "a.txt", ARTICLE)).exit_code == 0
    answers = {
        cli("status", spelling, "--on", "2021-03-04", "--format", "json").stdout
        for spelling in ("CN-US", "US-CN", "us-china", "United States-China", "US–China")
    }
    assert len(answers) == 1
    assert json.loads(answers.pop())[0]["pair"] == "CN-US"


def test_csv_neutralises_formulas(cli: Cli, tmp_path: Path) -> None:
    text = (
        "WASHINGTON, March 3, 2021 — =HYPERLINK(1) China suspended its military-to-military "
        "contacts with the United States on Tuesday.\n"
    )
    assert cli("ingest", write(tmp_path, "a.txt", text)).exit_code == 0
    result = cli("evidence", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    for row in csv.DictReader(io.StringIO(result.stdout)):
        for value in row.values():
            assert not value.startswith(("=", "+", "@"))


def test_unreachable_database_is_one_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from tracker.cli import app

    url = "postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=3"
    result = CliRunner().invoke(app, ["--db", url, "channels"])
    assert_one_line_error(result)


def test_console_script_reports_usage_errors_in_one_line(tmp_path: Path) -> None:
    env = {**os.environ, "TRACKER_DATABASE_URL": f"sqlite:///{tmp_path / 't.db'}"}
    done = subprocess.run(
        [sys.executable, "-c", "from tracker.cli import main; main()", "status", "CN-US"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert "--on" in done.stderr
