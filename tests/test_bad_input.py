"""Bad input through the command line: one line on stderr, and a store left as it was.

Cases already covered elsewhere are not repeated here (docs/reliability.md lists them
all): bad dates, unknown kinds and the binary file given directly in test_cli.py,
decoding and file finding in test_reading.py, unreachable and unusable databases in
test_db.py.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from tests.test_cli import assert_one_line_error
from tracker import reading, store
from tracker.db import make_engine, open_store, session_scope
from tracker.models import metadata
from tracker.vocab import Kind

Cli = Callable[..., Any]

ARTICLE = (
    "WASHINGTON, March 3, 2021 — China suspended its military-to-military contacts "
    "with the United States on Tuesday, officials said.\n"
)
LATIN = (
    "PARIS, March 3, 2021 - Café société.\n\n"
    "China suspended its military-to-military contacts with the United States on Tuesday, "
    "a naïve résumé of the crisis said.\n"
)
HOSTILE = "'; DROP TABLE article; --"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def table_counts(url: str) -> dict[str, int]:
    """Rows in every table: what a failed command must leave as it was."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return {
                name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
                for name, table in metadata.tables.items()
            }
    finally:
        engine.dispose()


@pytest.fixture
def seeded(cli: Cli, db_url: str, tmp_path: Path) -> dict[str, int]:
    """A store holding one article, and its row counts."""
    result = cli("ingest", write(tmp_path / "seed", "a.txt", ARTICLE))
    assert result.exit_code == 0, result.stderr
    counts = table_counts(db_url)
    assert counts["article"] == 1 and counts["evidence"] >= 1
    return counts


def evidence_json(cli: Cli) -> list[dict[str, Any]]:
    result = cli("evidence", "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows: list[dict[str, Any]] = json.loads(result.stdout)
    return rows


def warnings(result: Any) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("warning: ")]


# --- files named on the command line: refused, nothing written --------------------------

SPARSE_MB = 200


def big_sparse_file(folder: Path) -> Path:
    """A 200 MB file that costs nothing to write: a hole, then one line of text."""
    path = folder / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(SPARSE_MB * 1024 * 1024 - len(ARTICLE))
        handle.seek(0, os.SEEK_END)
        handle.write(ARTICLE.encode("utf-8"))
    return path


BAD_FILES: dict[str, tuple[str, Callable[[Path], Path]]] = {
    "empty": ("empty file", lambda d: write(d, "empty.txt", b"")),
    "white space only": ("only white space", lambda d: write(d, "blank.md", " \n\t\n")),
    "binary with a text name": ("binary file", lambda d: write(d, "photo.txt", b"\x89PNG\0" * 50)),
    "utf-16 without a byte order mark": (
        "binary file",
        lambda d: write(d, "le.txt", ARTICLE.encode("utf-16-le")),
    ),
    "html without an article": (
        "no article text found",
        lambda d: write(
            d, "nav.html", "<html><head><title>Menu</title></head><body></body></html>"
        ),
    ),
    "200 MB": ("over the 50 MB limit", big_sparse_file),
    "broken symbolic link": (
        "broken symbolic link",
        lambda d: _symlink(d / "gone.txt", d / "missing.txt"),
    ),
    "malformed sidecar": (
        "malformed sidecar",
        lambda d: (
            write(d, "a.txt.meta.json", '{"published": "2023-02-30"}'),
            write(d, "a.txt", ARTICLE),
        )[1],
    ),
}


def _symlink(link: Path, target: Path) -> Path:
    link.symlink_to(target)
    return link


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_file_named_directly_is_one_line_and_changes_nothing(
    cli: Cli, db_url: str, tmp_path: Path, seeded: dict[str, int], case: str
) -> None:
    expected, make = BAD_FILES[case]
    good = write(tmp_path, "good.txt", ARTICLE.replace("China", "Russia"))
    bad = make(tmp_path)
    result = cli("ingest", good, bad)  # the good one first: it must not be stored either
    assert_one_line_error(result)
    assert expected in result.stderr
    assert str(bad) in result.stderr, "the message names the file"
    assert table_counts(db_url) == seeded


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # no backend in play
def test_the_size_limit_is_configurable(
    cli: Cli, db_url: str, tmp_path: Path, seeded: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "long.txt", ARTICLE.replace("China", "Russia") * 20)  # ~3 kB
    monkeypatch.setenv(reading.MAX_BYTES_ENV, "0.002")  # 2 kB
    result = cli("ingest", path)
    assert_one_line_error(result)
    assert "over the 2097 bytes limit (set TRACKER_MAX_FILE_MB to raise it)" in result.stderr
    assert table_counts(db_url) == seeded
    monkeypatch.setenv(reading.MAX_BYTES_ENV, "plenty")
    result = cli("ingest", path)
    assert_one_line_error(result)
    assert "TRACKER_MAX_FILE_MB must be a positive number" in result.stderr
    assert table_counts(db_url) == seeded
    monkeypatch.setenv(reading.MAX_BYTES_ENV, "0.01")  # 10 kB: now it fits
    assert cli("ingest", path).exit_code == 0
    assert table_counts(db_url)["article"] == seeded["article"] + 1


# --- the same files inside a folder: skipped with a warning, the rest ingested -----------


def test_bad_files_in_a_folder_are_skipped_with_a_warning_each(
    cli: Cli, db_url: str, tmp_path: Path, seeded: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    bad = {case: make(folder) for case, (_, make) in BAD_FILES.items()}
    locked = write(folder, "locked.txt", ARTICLE.replace("China", "India"))
    good = write(folder, "zz-good.txt", ARTICLE.replace("China", "Russia"))
    real_open = os.open

    def refusing_open(path: Any, flags: int, *args: Any) -> int:
        if Path(path) == locked:  # unreadable whoever runs the test, root included
            raise PermissionError(13, "Permission denied")
        return int(real_open(path, flags, *args))

    monkeypatch.setattr(reading.os, "open", refusing_open)
    monkeypatch.setenv("COLUMNS", "1000")  # see test_warnings_are_one_line_at_any_width
    result = cli("ingest", folder)
    assert result.exit_code == 0, result.stderr
    assert "error" not in result.stderr
    shown = warnings(result)
    # The sidecar case leaves a good a.txt beside its bad sidecar: that file is skipped.
    skipped = {p for case, p in bad.items() if case != "malformed sidecar"}
    skipped |= {folder / "a.txt", locked}
    assert len(shown) == len(skipped), result.stderr
    for path in skipped:
        (line,) = [w for w in shown if w.startswith(f"warning: skipped {path}: ")]
        assert line.count(f"{path}: ") == 1, f"the path is said twice: {line}"
    assert "ingested 1 file(s): 1 new article(s)" in result.stderr
    after = table_counts(db_url)
    assert after["article"] == seeded["article"] + 1
    assert {row["source"] for row in evidence_json(cli)} == {
        str(tmp_path / "seed" / "a.txt"),
        str(good),
    }


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # no backend in play
def test_a_folder_with_nothing_readable_is_one_line(
    cli: Cli, db_url: str, tmp_path: Path, seeded: dict[str, int]
) -> None:
    folder = tmp_path / "junk"
    folder.mkdir()
    _symlink(folder / "gone.md", folder / "missing.md")
    write(folder, "notes.pdf", b"%PDF-1.4")
    write(folder, ".hidden.txt", ARTICLE)
    result = cli("ingest", folder)
    assert_one_line_error(result)
    assert "no readable .txt, .md, .html or .htm file" in result.stderr
    assert table_counts(db_url) == seeded


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # no backend in play
def test_a_folder_of_only_bad_files_warns_and_stores_nothing(
    cli: Cli, db_url: str, tmp_path: Path, seeded: dict[str, int]
) -> None:
    folder = tmp_path / "junk"
    write(folder, "empty.txt", b"")
    write(folder, "photo.txt", b"\x89PNG\0" * 50)
    result = cli("ingest", folder)
    assert result.exit_code == 0, result.stderr
    assert len(warnings(result)) == 2
    assert "ingested 0 file(s)" in result.stderr
    assert table_counts(db_url) == seeded


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # no backend in play
def test_warnings_are_one_line_at_any_width(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    folder = tmp_path / ("a-long-folder-name-" * 4)
    write(folder, "empty.txt", b"")
    write(folder, "good.txt", ARTICLE)
    result = cli("ingest", folder)
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 2, result.stderr
    assert lines[0].startswith("warning: skipped ") and lines[0].endswith(": empty file")
    assert lines[1].startswith("ingested 1 file(s)")


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # no backend in play
def test_an_html_page_of_navigation_only_is_refused(
    cli: Cli, db_url: str, tmp_path: Path, seeded: dict[str, int]
) -> None:
    page = write(tmp_path, "nav.html", "<html><body><nav>Home · About</nav></body></html>")
    assert_one_line_error(cli("ingest", page))
    assert table_counts(db_url) == seeded


# --- encodings that are not UTF-8 are read, not refused --------------------------------


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # no backend in play
@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16", "utf-16-be-bom"])
def test_other_encodings_are_decoded_and_quoted_verbatim(
    cli: Cli, tmp_path: Path, encoding: str
) -> None:
    if encoding == "utf-16-be-bom":
        data = b"\xfe\xff" + LATIN.encode("utf-16-be")
    else:
        data = LATIN.encode(encoding)
    path = write(tmp_path, "fr.txt", data)
    result = cli("ingest", path)
    assert result.exit_code == 0, result.stderr
    (row,) = evidence_json(cli)
    assert row["pair"] == "CN-US"
    assert "naïve résumé" in row["quote"]
    assert row["published"] == "2021-03-03"


# --- names that do not exist: a suggestion --------------------------------------------


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # no backend in play
@pytest.mark.parametrize(
    ("args", "suggestion"),
    [
        (["status", "US-Chna", "--on", "2021-03-04"], "did you mean CN-US?"),
        (["evidence", "--pair", "Rusia-United States"], "did you mean RU-US?"),
        (["timeline", "CN-US", "--kind", "hotline"], "did you mean operational-hotline?"),
        (["evidence", "--kind", "defence-ministers"], "did you mean defense-ministers?"),
    ],
)
def test_unknown_pairs_and_kinds_suggest_the_closest(
    cli: Cli, db_url: str, seeded: dict[str, int], args: list[str], suggestion: str
) -> None:
    result = cli(*args)
    assert_one_line_error(result)
    assert suggestion in result.stderr
    assert table_counts(db_url) == seeded


# --- databases that cannot be used --------------------------------------------------------


def test_ingest_into_an_unreachable_database_is_one_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from tracker.cli import app

    path = write(tmp_path, "a.txt", ARTICLE)
    url = "postgresql+psycopg://tracker:s3cret@127.0.0.1:1/tracker?connect_timeout=3"
    result = CliRunner().invoke(app, ["--db", url, "ingest", str(path)])
    assert_one_line_error(result)
    assert "cannot reach database" in result.stderr
    assert "s3cret" not in result.stderr


def test_a_database_from_a_newer_tracker_is_refused_untouched(
    cli: Cli, db_url: str, tmp_path: Path, seeded: dict[str, int]
) -> None:
    engine = make_engine(db_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_from_the_future'"))
        for args in (["ingest", write(tmp_path, "b.txt", ARTICLE)], ["channels"], ["init"]):
            result = cli(*args)
            assert_one_line_error(result)
            assert "newer than this tracker knows" in result.stderr
        with engine.connect() as conn:
            stamp = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        assert stamp == "ffff_from_the_future"
    finally:
        engine.dispose()
    assert table_counts(db_url) == seeded


# --- untrusted text is data, never SQL --------------------------------------------------


def test_sql_in_names_and_text_is_only_ever_data(
    cli: Cli, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = ARTICLE.replace("officials said", f"officials said{HOSTILE}")
    path = write(tmp_path, f"x{HOSTILE}.txt", body)
    monkeypatch.chdir(tmp_path)
    assert cli("ingest", path.name).exit_code == 0
    before = table_counts(db_url)
    (row,) = evidence_json(cli)
    assert row["source"] == path.name

    for args in (
        ["evidence", "--pair", HOSTILE],
        ["evidence", "--pair", f"CN-US{HOSTILE}"],
        ["evidence", "--kind", HOSTILE],
        ["status", f"US{HOSTILE}-China", "--on", "2021-03-04"],
        ["timeline", "CN-US", "--kind", f"military-relations{HOSTILE}"],
        ["conflicts", "--pair", "' OR '1'='1"],
    ):
        assert_one_line_error(cli(*args))

    # Below the command line's own checks: the store binds whatever it is given.
    engine = open_store(db_url)
    try:
        with session_scope(engine) as session:
            for pair in (HOSTILE, "' OR '1'='1", 'CN-US" OR 1=1 --', "CN-US%", "CN-US\\"):
                assert store.facts(session=session, pair=pair) == []
                assert store.evidence_rows(session=session, pair=pair) == []
                assert store.channel_list(session=session, pair=pair) == []
            assert len(store.facts(session=session, pair="CN-US")) == before["evidence"]
            assert store.facts(session=session, kind=Kind.LEADERS) == []
    finally:
        engine.dispose()
    assert table_counts(db_url) == before
    assert evidence_json(cli)[0]["source"] == path.name


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # no backend in play
@pytest.mark.parametrize("name", ["=1+2.txt", "+SUM(A1).md", "@cmd.txt", "-2+3.txt"])
def test_csv_neutralises_formulas_in_file_names(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, name, ARTICLE)
    assert cli("ingest", "--", name).exit_code == 0
    result = cli("evidence", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["source"] for row in rows] == [f"'{name}"]
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "@", "-", "\t", "\r")), row
