"""An analyst's hand: review verdicts and evidence added by people."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

Cli = Callable[..., Any]

ARTICLE = (
    "SEOUL, June 9, 2023 — North Korea did not answer the routine calls on the inter-Korean "
    "military hotline on Friday, the South's defense ministry said. The line had worked "
    "since 2021.\n"
)


def evidence(cli: Cli) -> list[dict[str, Any]]:
    result = cli("evidence", "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows: list[dict[str, Any]] = json.loads(result.stdout)
    return rows


def ingest(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert cli("ingest", path).exit_code == 0


def test_added_evidence_is_checked_against_the_article(cli: Cli, tmp_path: Path) -> None:
    ingest(cli, tmp_path)
    article = 1
    bad = cli(
        "evidence",
        "add",
        "--article",
        str(article),
        "--pair",
        "KP-KR",
        "--kind",
        "operational-hotline",
        "--state",
        "open",
        "--quote",
        "words not in the article",
    )
    assert bad.exit_code == 1 and "not found" in bad.stderr
    good = cli(
        "evidence",
        "add",
        "--article",
        str(article),
        "--pair",
        "KR-KP",
        "--kind",
        "operational-hotline",
        "--state",
        "open",
        "--quote",
        "The line had worked since 2021",
        "--start",
        "2021-01-01",
        "--end",
        "2023-06-08",
        "--note",
        "read by hand",
    )
    assert good.exit_code == 0, good.stderr
    added = [r for r in evidence(cli) if r["review"] == "accepted"]
    assert len(added) == 1
    row = added[0]
    assert (row["pair"], row["state"], row["effective_start"]) == ("KP-KR", "open", "2021-01-01")
    assert ARTICLE.find("The line had worked") == row["char_start"]


def test_rejected_evidence_stops_counting_and_survives_reextraction(
    cli: Cli, tmp_path: Path
) -> None:
    ingest(cli, tmp_path)
    rows = [r for r in evidence(cli) if r["modality"] == "asserted"]
    assert rows, "the article states a refused hotline call"
    target = rows[0]
    before = json.loads(
        cli(
            "status",
            target["pair"],
            "--kind",
            target["kind"],
            "--on",
            "2023-06-30",
            "--format",
            "json",
        ).stdout
    )
    assert before[0]["state"] == target["state"]
    for row in rows:
        if (row["pair"], row["kind"]) == (target["pair"], target["kind"]):
            assert cli("review", str(row["id"]), "--reject").exit_code == 0
    assert cli("reextract").exit_code == 0
    after = json.loads(
        cli(
            "status",
            target["pair"],
            "--kind",
            target["kind"],
            "--on",
            "2023-06-30",
            "--format",
            "json",
        ).stdout
    )
    assert after[0]["state"] == "unknown"
    kept = {r["id"]: r["review"] for r in evidence(cli)}
    assert kept[target["id"]] == "rejected"


def test_review_needs_one_verdict_and_a_real_id(cli: Cli, tmp_path: Path) -> None:
    ingest(cli, tmp_path)
    assert cli("review", "1").exit_code == 1
    assert cli("review", "1", "--accept", "--reject").exit_code == 1
    missing = cli("review", "999", "--accept")
    assert missing.exit_code == 1 and "999" in missing.stderr
