"""Finding, reading and cleaning input files (tracker.reading), seeds included."""

from __future__ import annotations

import csv
import json
import os
import socket
from datetime import date
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tracker import reading
from tracker.reading import (
    DEFAULT_MAX_BYTES,
    InputError,
    Skipped,
    input_files,
    read_articles,
    read_text,
)
from tracker.vocab import ArticleText, PublishedHow

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
BODY = (
    "The United States is not yet ready to cooperate militarily with Russia, "
    "Pentagon chief James Mattis said Thursday after talks in Brussels."
)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for property tests: hypothesis runs many examples in one test call."""
    return tmp_path_factory.mktemp("scratch")


def seed(prefix: str) -> Path:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


def one_line_error(excinfo: pytest.ExceptionInfo[InputError]) -> str:
    message = str(excinfo.value)
    assert message and "\n" not in message
    return message


# --- input_files ---------------------------------------------------------------------


def test_a_file_given_directly_is_yielded_as_is(tmp_path: Path) -> None:
    path = tmp_path / "notes.weird.MD"
    path.write_text(BODY)
    assert list(input_files([path])) == [path]


def test_a_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as excinfo:
        list(input_files([tmp_path / "nope.txt"]))
    assert "nope.txt: no such file" in one_line_error(excinfo)


def test_an_unsupported_suffix_given_directly_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(InputError) as excinfo:
        list(input_files([path]))
    assert "report.pdf: unsupported file type" in one_line_error(excinfo)


def test_a_folder_is_walked_recursively_in_name_order(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.html", "a/c/d.md", "a.htm", "skip.pdf", ".hidden/x.txt", "e.json"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(BODY)
    found = [p.relative_to(tmp_path).as_posix() for p in input_files([tmp_path])]
    assert found == ["a/c/d.md", "a/z.html", "a.htm", "b.txt"]


def test_a_broken_symlink_in_a_folder_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(BODY)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    assert list(input_files([tmp_path])) == [
        Skipped(tmp_path / "gone.txt", "broken symbolic link"),
        tmp_path / "good.txt",
    ]


def test_a_broken_symlink_given_directly_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="broken symbolic link"):
        list(input_files([tmp_path / "gone.txt"]))


def test_a_file_that_cannot_be_opened_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Works for root too: the open itself fails, whatever the file's mode.
    locked = tmp_path / "locked.txt"
    locked.write_text(BODY)
    (tmp_path / "open.txt").write_text(BODY)
    real_open = os.open

    def refusing_open(path: os.PathLike[str] | str, flags: int, *args: int) -> int:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(reading.os, "open", refusing_open)
    assert list(input_files([tmp_path])) == [
        Skipped(locked, "cannot read: Permission denied"),
        tmp_path / "open.txt",
    ]


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads files whatever their mode"
)
def test_a_file_without_read_permission_is_skipped(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(BODY)
    locked.chmod(0)
    try:
        assert list(input_files([tmp_path])) == [Skipped(locked, "cannot read: Permission denied")]
    finally:
        locked.chmod(0o644)


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs Unix domain sockets")
def test_a_socket_with_a_text_suffix_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # socket paths are short-limited: bind a relative name
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind("sock.txt")
        assert list(input_files([tmp_path])) == [
            Skipped(tmp_path / "sock.txt", "not a regular file")
        ]


# --- read_text -------------------------------------------------------------------------

TEXT = "Mattis said “We are not in a position” — café, naïve, Größe.\nSecond line"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_unicode_files_decode(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.txt"
    data = TEXT.encode(encoding)
    if encoding == "utf-16-le":
        data = b"\xff\xfe" + data
    elif encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    assert read_text(path) == TEXT


def test_cp1252_and_latin1_files_decode(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("“Größe” – café".encode("cp1252"))
    assert read_text(path) == "“Größe” – café"
    text = b"A caf\xe9 in Paris, a na\xefve reader and one stray byte \x81 in a sentence."
    path.write_bytes(text)  # 0x81 is unassigned in cp1252, so only latin-1 decodes it
    assert read_text(path) == text.decode("latin-1")


def test_line_ends_become_newlines(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"one\r\ntwo\rthree\n")
    assert read_text(path) == "one\ntwo\nthree\n"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b" \n\t\r\n ", "file holds only white space"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
        (bytes(range(1, 32)) * 20, "binary file, not text"),
        (b"\xff\xfe\x00\xd8", "not valid UTF-16 text"),
    ],
)
def test_unusable_files_are_input_errors(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as excinfo:
        read_text(path)
    assert one_line_error(excinfo) == f"{path}: {message}"


def test_a_file_over_the_limit_is_an_input_error_naming_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 2048)
    with pytest.raises(InputError) as excinfo:
        read_text(path, max_bytes=1024)
    assert "big.txt: file is 2048 bytes, over the 1024 bytes limit" in one_line_error(excinfo)
    assert read_text(path, max_bytes=4096) == "x" * 2048


def test_the_limit_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 2048)
    monkeypatch.setenv("TRACKER_MAX_FILE_MB", "0.001")
    with pytest.raises(InputError, match="TRACKER_MAX_FILE_MB"):
        read_text(path)
    assert read_text(path, max_bytes=DEFAULT_MAX_BYTES) == "x" * 2048
    monkeypatch.setenv("TRACKER_MAX_FILE_MB", "lots")
    with pytest.raises(InputError, match="positive number of megabytes"):
        read_text(path)


def test_a_folder_or_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder"):
        read_text(tmp_path)
    with pytest.raises(InputError, match="cannot read"):
        read_text(tmp_path / "missing.txt")


printable = st.characters(blacklist_categories=("Cc", "Cs"))
texts = st.text(alphabet=st.one_of(printable, st.just("\n")), min_size=1).filter(str.strip)


@settings(max_examples=100, deadline=None)
@given(texts, st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_unicode_round_trip(scratch: Path, text: str, encoding: str) -> None:
    assume(not text.startswith("\ufeff"))  # a leading BOM is taken for the encoding's mark
    path = scratch / "a.txt"
    path.write_bytes(text.encode(encoding))
    assert read_text(path) == text


latin1 = st.characters(min_codepoint=0x20, max_codepoint=0xFF, blacklist_categories=("Cc",))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=latin1, min_size=1).filter(str.strip))
def test_latin1_round_trip(scratch: Path, text: str) -> None:
    data = text.encode("latin-1")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        assume(text.isascii())  # other bytes that happen to be UTF-8 read as UTF-8
    path = scratch / "a.txt"
    path.write_bytes(data)
    assert read_text(path) == text


# --- sidecar ---------------------------------------------------------------------------


def dated_file(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(f"Some headline here\nMay 13, 2019\n\n{BODY}")
    return path


def test_a_sidecar_gives_date_and_title(tmp_path: Path) -> None:
    path = dated_file(tmp_path)
    meta = {"published": "2019-05-14", "title": "From the sidecar", "site": "Example"}
    (tmp_path / "a.txt.meta.json").write_text(json.dumps(meta))
    (article,) = read_articles(path)
    assert (article.published, article.published_how) == (date(2019, 5, 14), PublishedHow.SIDECAR)
    assert article.title == "From the sidecar"
    (article,) = read_articles(path, published=date(2019, 5, 20))
    assert (article.published, article.published_how) == (date(2019, 5, 20), PublishedHow.CLI)


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "[]",
        "{}",
        '{"published": "13 May 2019"}',
        '{"published": "2019-02-30"}',
        '{"published": "2019-05-13", "title": 7}',
    ],
)
def test_a_malformed_sidecar_is_an_input_error(tmp_path: Path, content: str) -> None:
    path = dated_file(tmp_path)
    (tmp_path / "a.txt.meta.json").write_text(content)
    with pytest.raises(InputError) as excinfo:
        read_articles(path)
    assert one_line_error(excinfo).startswith(f"{tmp_path / 'a.txt.meta.json'}: malformed sidecar")


# --- HTML ------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><title>Gates Seeks Talks | Defense News</title>{meta}</head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>Gates Seeks Sustained Military Relationship with China</h1>
<p>{dateline}The military-to-military relationship between the United States and China
has been restored, and this gives Defense Secretary Robert M. Gates the chance to discuss
substantive issues with his Chinese counterparts next week, senior defense officials said.</p>
<p>Gates also will travel to Tokyo and to Seoul, South Korea, in the weeklong trip, and
officials see the visit as a chance to press for a dialogue that continues to function.</p>
</article></main><footer><p>Share this</p></footer></body></html>
"""


def test_an_html_page_gives_its_main_text_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(meta="", dateline="WASHINGTON, Jan. 7, 2011 — "))
    (article,) = read_articles(path)
    assert article.title == "Gates Seeks Sustained Military Relationship with China"
    assert (article.published, article.published_how) == (date(2011, 1, 7), PublishedHow.TEXT)
    assert "has been restored" in article.text
    assert "Share this" not in article.text and "Home" not in article.text


def test_html_metadata_dates_an_undated_text(tmp_path: Path) -> None:
    meta = '<meta property="article:published_time" content="2011-01-08T10:00:00Z">'
    path = tmp_path / "page.txt"  # sniffed as HTML by its content
    path.write_text(PAGE.format(meta=meta, dateline=""))
    (article,) = read_articles(path)
    assert (article.published, article.published_how) == (date(2011, 1, 8), PublishedHow.TEXT)


def test_an_html_page_without_article_text_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    with pytest.raises(InputError) as excinfo:
        read_articles(path)
    assert one_line_error(excinfo) == f"{path}: no article text found in the HTML page"


def test_a_text_file_of_nothing_but_chrome_gives_no_article(tmp_path: Path) -> None:
    path = tmp_path / "chrome.txt"
    path.write_text("Connect with us\n\nTop\n-\n")
    assert read_articles(path) == []


# --- the seeds -------------------------------------------------------------------------

THREAD = [
    (date(2019, 5, 12), "US Secretary of State heads to Russia for talks with Putin and Lavrov"),
    (
        date(2019, 5, 13),
        "US Embassy in Iraq advises citizens against all travel amid tensions with Iran",
    ),
    (date(2019, 5, 13), "Mike Pompeo in Brussels for Iran talks as tensions escalate"),
    (
        date(2019, 5, 13),
        "Pompeo shares details on 'escalating' Iran threats in Brussels: U.S. State Department",
    ),
    (date(2019, 5, 14), "Pompeo tells Russia: we're committed to improving ties"),
    (date(2019, 5, 15), "Pompeo threatens Russian Foreign Minister Lavrov with new sanctions"),
    (date(2019, 10, 17), "State Department orders Chinese diplomats to report official meetings"),
    (date(2020, 5, 5), "Trump's Anti-China Rhetoric Aimed at Boosting US Leverage"),
    (
        date(2020, 8, 5),
        "Military Alliances, Partnerships Strengthened Through Defense Strategy Execution",
    ),
]


def test_seed_000_forum_thread_gives_one_dated_article_per_post() -> None:
    articles = read_articles(seed("000"))
    assert [(a.published, a.title) for a in articles] == THREAD
    assert [a.index for a in articles] == list(range(len(THREAD)))
    assert {a.published_how for a in articles} == {PublishedHow.TEXT}


def test_seed_000_quotes_survive_in_the_right_post() -> None:
    articles = read_articles(seed("000"))
    assert "Recently these channels have been frozen" in articles[5].text
    assert (
        "Secretary of State Mike Pompeo told Russian Foreign Minister Sergei Lavrov on Tuesday"
        in articles[4].text
    )
    assert articles[4].text.startswith("Pompeo tells Russia: we're committed to improving ties")


@pytest.mark.parametrize(
    ("prefix", "published", "how", "title"),
    [
        ("001", date(2017, 2, 16), PublishedHow.TEXT, None),
        ("002", date(2023, 4, 30), PublishedHow.INFERRED, None),
        (
            "003",
            None,
            PublishedHow.UNKNOWN,
            "US says not ready yet for military collaboration with Russia",
        ),
        (
            "004",
            date(2011, 1, 7),
            PublishedHow.TEXT,
            "Gates Seeks Sustained Military Relationship with China",
        ),
    ],
)
def test_single_article_seeds(
    prefix: str, published: date | None, how: PublishedHow, title: str | None
) -> None:
    (article,) = read_articles(seed(prefix))
    assert (article.index, article.published, article.published_how, article.title) == (
        0,
        published,
        how,
        title,
    )


def test_seed_003_repeated_body_is_kept_once() -> None:
    (article,) = read_articles(seed("003"))
    assert (
        article.text.count("do not cooperate but hold regular phone calls to avoid mid-air mishaps")
        == 1
    )
    assert "“rock solid”" not in article.text  # the first, straight-quoted copy is the one kept
    assert '"rock solid"' in article.text


def test_seed_004_keeps_its_dateline_and_drops_the_author_box() -> None:
    (article,) = read_articles(seed("004"))
    assert "WASHINGTON, Jan. 7, 2011 — The military-to-military relationship" in article.text
    assert "GlobDef" not in article.text and "Facebook" not in article.text


SEED_PREFIXES = ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_seed_text_is_verbatim_and_free_of_chrome(prefix: str) -> None:
    path = seed(prefix)
    source_lines = set(path.read_text(encoding="utf-8").split("\n"))
    for article in read_articles(path):
        for line in article.text.split("\n"):
            assert not line.strip() or line in source_lines
        for chrome in (
            "You may also like",
            "Joined",
            "Leave a Reply",
            "Written By",
            "Tags:",
            "Screenshot_",
        ):
            assert chrome not in article.text


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_reading_a_seed_twice_gives_the_same_articles(prefix: str) -> None:
    assert read_articles(seed(prefix)) == read_articles(seed(prefix))


# --- properties ------------------------------------------------------------------------

lines = st.one_of(
    st.sampled_from(["", "Top", "Joined", "Messages", "12", "Khafee", "You may also like", BODY]),
    st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=60),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(lines, min_size=1, max_size=30).map("\n".join).filter(str.strip))
def test_read_articles_never_raises_and_keeps_source_lines(scratch: Path, text: str) -> None:
    path = scratch / "a.txt"
    path.write_text(text, encoding="utf-8")
    articles = read_articles(path)
    source_lines = set(text.removeprefix("\ufeff").split("\n"))
    assert [a.index for a in articles] == list(range(len(articles)))
    for article in articles:
        assert isinstance(article, ArticleText) and article.text.strip()
        assert all(not line.strip() or line in source_lines for line in article.text.split("\n"))


def test_the_seed_manifest_agrees_with_the_dates_pages_show() -> None:
    with (SEEDS / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for name in {row["file"] for row in rows}:
        articles = read_articles(SEEDS / name)
        listed = [row for row in rows if row["file"] == name]
        assert [int(row["article_index"]) for row in listed] == [a.index for a in articles]
        for row, article in zip(listed, articles, strict=True):
            shown = date.fromisoformat(row["published_shown"]) if row["published_shown"] else None
            if shown is None:
                assert article.published_how is not PublishedHow.TEXT
            else:
                assert (article.published, article.published_how) == (shown, PublishedHow.TEXT)
