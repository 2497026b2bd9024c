"""Turn input files into cleaned, dated articles.

This is the one place that touches input files. It finds them (`input_files`), reads
and decodes them with clear errors for what cannot be read (`read_text`), and runs
the whole pipeline for one file (`read_articles`): HTML to main text, articles cut
out, chrome dropped, a repeated body collapsed, a publication date found for each.
Every error about an input is an `InputError` whose message is one line naming the
file, so the command line can print it as it is.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tracker.articles import collapse_repeats, has_body, headline, split_articles, strip_chrome
from tracker.published import find_published_noted
from tracker.vocab import ArticleText

SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MAX_BYTES_ENV = "TRACKER_MAX_FILE_MB"
SIDECAR_SUFFIX = ".meta.json"
SIDECAR_MAX_BYTES = 1024 * 1024

# More control characters than this share of a text means it is not text at all.
MAX_CONTROL_SHARE = 0.02
# The control characters (Unicode category Cc) that are not white space.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")

# Byte order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html)\b", re.IGNORECASE)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class InputError(Exception):
    """An input that cannot be used; the message is one line that names the file."""


@dataclass(frozen=True)
class Skipped:
    """A file inside a folder that cannot be read, and why; the rest of the folder goes on."""

    path: Path
    reason: str


@dataclass(frozen=True)
class Sidecar:
    """What `<file name>.meta.json` says about the file next to it."""

    published: date
    title: str | None = None
    site: str | None = None


# --- finding files -------------------------------------------------------------------


def _supported(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def _check_readable(path: Path) -> str | None:
    """Why a file inside a folder cannot be read, or None when it can.

    Opening it is the only test that holds for every user (root reads files whose mode
    forbids it) and for every kind of file; O_NONBLOCK keeps a FIFO from hanging us.
    """
    if path.is_symlink() and not path.exists():
        return "broken symbolic link"
    if not path.is_file():
        return "not a regular file"
    try:
        os.close(os.open(path, os.O_RDONLY | os.O_NONBLOCK))
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    return None


def _walk(folder: Path) -> Iterator[Path | Skipped]:
    """The supported files under a folder, depth first in name order.

    Hidden entries (".git", ".DS_Store") are not inputs; linked folders are not followed,
    so a link loop cannot trap the walk.
    """
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        yield Skipped(folder, f"cannot list folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            yield from _walk(entry)
        elif _supported(entry):
            reason = _check_readable(entry)
            yield entry if reason is None else Skipped(entry, reason)


def input_files(paths: Sequence[Path]) -> Iterator[Path | Skipped]:
    """The input files named by paths: files as given, folders walked recursively.

    A path given directly must exist and have a supported suffix, or the whole call is
    wrong (InputError). Inside a folder only supported suffixes are taken, and a file
    that cannot be read is reported as Skipped so the rest can still be ingested.
    """
    for path in paths:
        if path.is_dir():
            yield from _walk(path)
        elif path.is_symlink() and not path.exists():
            raise InputError(f"{path}: broken symbolic link")
        elif not path.exists():
            raise InputError(f"{path}: no such file or folder")
        elif not _supported(path):
            expected = ", ".join(SUFFIXES)
            raise InputError(f"{path}: unsupported file type, expected one of {expected}")
        else:
            yield path


# --- reading text --------------------------------------------------------------------


def _size(n: int) -> str:
    """A size for a message: megabytes, the unit of TRACKER_MAX_FILE_MB, or bytes when small."""
    return f"{n / (1024 * 1024):.4g} MB" if n >= 1024 * 1024 else f"{n} bytes"


def max_bytes_limit(max_bytes: int | None = None) -> int:
    """The size limit of one input file: the parameter, else TRACKER_MAX_FILE_MB, else 50 MB."""
    if max_bytes is not None:
        return max_bytes
    raw = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_BYTES
    try:
        megabytes = float(raw)
    except ValueError:
        megabytes = -1.0
    if not 0 < megabytes < float("inf"):
        raise InputError(f"{MAX_BYTES_ENV} must be a positive number of megabytes, not {raw!r}")
    return int(megabytes * 1024 * 1024)


def _read_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes, refusing folders, devices and files over the limit."""
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a file")
    if path.exists() and not path.is_file():
        raise InputError(f"{path}: not a regular file")
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(
                f"{path}: file is {_size(size)}, over the {_size(limit)} limit"
                f" (set {MAX_BYTES_ENV} to raise it)"
            )
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > limit:  # the file grew while we read it
        raise InputError(f"{path}: file is over the {_size(limit)} limit")
    return data


def _is_binary(text: str) -> bool:
    """Whether decoded text is mostly not text: too many control characters."""
    return len(_CONTROLS.findall(text)) > MAX_CONTROL_SHARE * len(text)


def _decode(data: bytes, path: Path) -> str:
    """Decode bytes: a byte order mark decides; else UTF-8, else cp1252, else latin-1.

    NUL bytes without a UTF-16 or UTF-32 mark mean a binary file. latin-1 decodes any
    byte, so it is last: the control characters it then yields mark binary data.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise InputError(f"{path}: not valid {codec.upper()} text") from None
    if b"\x00" in data:
        raise InputError(f"{path}: binary file, not text")
    for codec in ("utf-8", "cp1252"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def read_text(path: Path, *, max_bytes: int | None = None) -> str:
    """The text of a file, decoded, with line ends made "\\n".

    Raises InputError for a file that is missing, unreadable, over the size limit,
    binary, empty or only white space.
    """
    data = _read_bytes(path, max_bytes_limit(max_bytes))
    if not data:
        raise InputError(f"{path}: empty file")
    text = _decode(data, path)
    if _is_binary(text):
        raise InputError(f"{path}: binary file, not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{path}: file holds only white space")
    return text


# --- sidecar -------------------------------------------------------------------------


def sidecar_path(path: Path) -> Path:
    """Where the metadata of an input file lives: `<file name>.meta.json` beside it."""
    return path.with_name(path.name + SIDECAR_SUFFIX)


def _optional_str(raw: dict[str, Any], key: str, where: Path) -> str | None:
    value = raw.get(key)
    if value is not None and not isinstance(value, str):
        raise InputError(f"{where}: malformed sidecar, {key!r} must be a string")
    return value


def read_sidecar(path: Path) -> Sidecar | None:
    """The sidecar of an input file, or None when there is none.

    A sidecar is the caller's word on the file, so one that cannot be trusted is an
    error rather than silently ignored.
    """
    where = sidecar_path(path)
    if not where.exists():
        return None
    try:
        raw = json.loads(_decode(_read_bytes(where, SIDECAR_MAX_BYTES), where))
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: malformed sidecar, not JSON ({exc.msg})") from None
    if not isinstance(raw, dict):
        raise InputError(f"{where}: malformed sidecar, expected a JSON object")
    published = raw.get("published")
    if not isinstance(published, str) or not _ISO_DAY.fullmatch(published):
        raise InputError(f"{where}: malformed sidecar, 'published' must be YYYY-MM-DD")
    try:
        day = date.fromisoformat(published)
    except ValueError:
        raise InputError(f"{where}: malformed sidecar, no such date {published!r}") from None
    return Sidecar(day, _optional_str(raw, "title", where), _optional_str(raw, "site", where))


# --- the pipeline --------------------------------------------------------------------


@dataclass(frozen=True)
class _Page:
    """The main text of a file, with what an HTML page says about itself."""

    text: str
    title: str | None = None
    published: date | None = None


def _is_html(path: Path, text: str) -> bool:
    return path.suffix.lower() in HTML_SUFFIXES or _HTML_START.match(text) is not None


def _html_page(html: str) -> _Page:
    """The main text, title and date of an HTML page, by trafilatura.

    htmldate's extensive search would guess a date from the article text; the text is
    dated here instead, so only the page's metadata is asked for. (trafilatura is
    imported here: loading it takes half a second that only HTML input needs.)
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        deduplicate=False,
        date_extraction_params={
            "original_date": True,
            "extensive_search": False,
            "max_date": date.today().isoformat(),
        },
    )
    text = getattr(doc, "text", None) or ""
    day: date | None = None
    raw_date = getattr(doc, "date", None)
    if raw_date:
        try:
            day = date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            day = None
    title = getattr(doc, "title", None)
    return _Page(text, title or None, day)


def read_articles(
    path: Path, *, published: date | None = None, max_bytes: int | None = None
) -> list[ArticleText]:
    """The cleaned, dated articles of one input file, in order (index 0, 1, 2 …).

    `published` is the caller's publication date and overrides any other. A forum
    thread gives one article per post; a post that is nothing but chrome (a thread
    title, a signature) is dropped. A file that is all chrome gives no article. The
    page title and HTML date apply only when the file holds a single article.

    Raises InputError for a file read_text refuses, a malformed sidecar, or an HTML page
    with no article text (a page of navigation only, an error page).
    """
    text = read_text(path, max_bytes=max_bytes)
    sidecar = read_sidecar(path)
    html = _is_html(path, text)
    page = _html_page(text) if html else _Page(text)
    pieces = split_articles(page.text)
    cleaned = [collapse_repeats(strip_chrome(piece)) for piece in pieces]
    # An HTML page must hold a sentence to be an article; a plain text file is kept as
    # given (a short note is still someone's text), unless it is one of several pieces.
    kept = [c for c in cleaned if c and ((len(cleaned) == 1 and not html) or has_body(c))]
    if html and not kept:
        raise InputError(f"{path}: no article text found in the HTML page")
    single = len(kept) == 1
    articles: list[ArticleText] = []
    for index, body in enumerate(kept):
        day, how, note = find_published_noted(
            body,
            cli=published,
            sidecar=sidecar.published if sidecar else None,
            meta=page.published if single else None,
        )
        title = ((sidecar.title if sidecar else None) or page.title) if single else None
        articles.append(ArticleText(index, body, title or headline(body), day, how, note))
    return articles
