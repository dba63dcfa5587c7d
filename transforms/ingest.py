"""Ingest: input folder -> raw.articles + ops.rejected_files.

Every file under the input folder is visited recursively in sorted order (deterministic) and either becomes
one or more article rows or one or more rejection rows with a reason a person understands. One bad file
never stops the run.

Decisions (documented here because callers rely on them):
- Formats: .txt, .md, .html/.htm, .json (object or list of objects), .jsonl, .jsonl.gz (also .json.gz,
  .ndjson). Anything else is rejected as an unsupported file type.
- Hidden files (name starting with '.', e.g. .DS_Store) are rejected with reason "hidden file"; hidden
  directories (.git, .cache) are not descended into and not reported (they are tooling, not input).
- Symbolic links to files are followed; symbolic links to directories are not followed (this is what
  prevents loops) and are reported as rejected; a link that loops or dangles is rejected.
- Size limit: `max_file_bytes` (default 20 MB) applies to single-article files (txt, md, html, json) and is
  checked with stat() before any byte is read. JSON Lines files are streamed record by record, so the limit
  applies to each record (line); a .gz stream is additionally capped at `max_stream_bytes` decompressed.
- Decoding detects rather than guesses: BOM (UTF-8, UTF-16 LE/BE), then BOM-less UTF-16 (alternating NUL
  bytes), strict UTF-8 (or UTF-8 with a few corrupt bytes, which become U+FFFD), Windows-1256 only when
  most non-ASCII characters come out as Arabic letters, Windows-1252 when bytes 0x80-0x9F are present and
  decode as its punctuation, Latin-1 last, and only when the result is not full of control characters;
  otherwise the file is rejected as undecodable.
- Content hash: sha256 of the file's raw bytes; for JSON Lines, of the record's line (without its line
  ending); for a JSON list, of the element re-serialised canonically. Same hash twice = one article (the
  lexicographically first source_file is kept); an edited file is a new version (new hash).
"""

from __future__ import annotations

import codecs
import errno
import gzip
import hashlib
import json
import os
import re
import stat
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from transforms.schemas import RAW_ARTICLES, REJECTED_FILES, conform, empty

DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_STREAM_BYTES = 8 * 1024 * 1024 * 1024

TEXT_EXTS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".json.gz")

# Magic numbers of binary formats that are sometimes renamed to .txt.
_MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"MZ", "a Windows executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 audio file"),
    (b"\x00\x00\x01\x00", "an icon image"),
]
_RIFF = b"RIFF"

_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
_C1_OR_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


# --------------------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------------------


@dataclass
class Article:
    source_file: str
    content_sha256: str
    format: str
    encoding: str
    raw_text: str
    meta_title: str | None = None
    meta_date: str | None = None
    meta_url: str | None = None
    meta_id: str | None = None
    meta_outlet: str | None = None


@dataclass
class Rejection:
    source_file: str
    reason: str
    content_sha256: str | None = None


@dataclass
class IngestOptions:
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    max_stream_bytes: int = DEFAULT_MAX_STREAM_BYTES
    extra: dict = field(default_factory=dict)


class DecodeError(ValueError):
    """Bytes that are not text in any supported encoding (or are binary)."""


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _sha(b: bytes) -> str:
    return hashlib.sha256(b).hexdigest()


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


# --------------------------------------------------------------------------------------------------------
# Decoding
# --------------------------------------------------------------------------------------------------------


def sniff_binary(data: bytes) -> str | None:
    """A description of the binary format when the bytes are clearly not text, else None."""
    head = data[:16]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            if magic == b"MZ" and b"\x00" not in data[:512]:
                continue  # 'MZ' is also a plausible start of text
            return what
    if head.startswith(_RIFF) and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return "a RIFF media file"
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when NUL bytes alternate like BOM-less UTF-16 text, else None."""
    n = len(sample) - (len(sample) % 2)
    if n < 4:
        return None
    even_nul = sample[0:n:2].count(0) / (n / 2)
    odd_nul = sample[1:n:2].count(0) / (n / 2)
    if odd_nul > 0.6 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.6 and odd_nul < 0.05:
        return "utf-16-be"
    return None


_NON_ASCII = re.compile("[^\x00-\x7f]")
_C1_BYTES = re.compile(rb"[\x80-\x9f]")


def _looks_arabic(text: str) -> bool:
    """Most non-ASCII characters are Arabic letters (a random byte soup or Latin-1 text is not)."""
    sample = text[:20000]
    ar = len(_ARABIC_LETTER.findall(sample))
    non_ascii = len(_NON_ASCII.findall(sample))
    return ar >= 3 and ar >= 0.6 * non_ascii


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    return len(_C1_OR_CONTROL.findall(sample)) / len(sample)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode raw bytes to (text, encoding name). Raises DecodeError for binary or undecodable data.

    Encoding names: utf-8, utf-8-sig, utf-16 (with BOM or detected LE/BE), cp1256, cp1252, latin-1.
    """
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as e:
            raise DecodeError(f"starts with a UTF-8 byte-order mark but is not valid UTF-8 (byte {e.start})") from e
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as e:
            raise DecodeError("starts with a UTF-16 byte-order mark but is not valid UTF-16") from e
    what = sniff_binary(data)
    if what:
        raise DecodeError(f"binary content: the bytes are {what}, not text")
    sample = data[:65536]
    if b"\x00" in sample:
        enc16 = _utf16_without_bom(sample)
        if enc16:
            try:
                return data.decode(enc16), "utf-16"
            except UnicodeDecodeError:
                pass
        raise DecodeError("binary content: contains NUL bytes, so it is not a text file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # UTF-8 text with a few corrupt bytes (e.g. a truncated multi-byte character) stays UTF-8, with
        # U+FFFD for the bad bytes; legacy single-byte text has (almost) no valid multi-byte sequences.
        lenient = data.decode("utf-8", errors="replace")
        bad = lenient.count("\ufffd")
        good = sum(1 for c in lenient if ord(c) > 127) - bad
        if good >= 20 * bad and _control_share(lenient) < 0.01:
            return lenient, "utf-8"
    else:
        if _control_share(text) > 0.05:
            raise DecodeError("binary content: mostly control characters")
        return text, "utf-8"
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_arabic(text) and _control_share(text) < 0.01:
        return text, "cp1256"
    if _C1_BYTES.search(data):
        # bytes 0x80-0x9F are control characters in Latin-1 but punctuation (“ ” ’ – …) in Windows-1252
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            if _control_share(text) < 0.01:
                return text, "cp1252"
    text = data.decode("latin-1")
    if _control_share(text) < 0.01:
        return text, "latin-1"
    raise DecodeError(
        "undecodable: not valid UTF-8 or UTF-16, not Arabic Windows-1256, and full of control characters as Latin-1"
    )


_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")  # a JSON escape that may decode to a lone surrogate


def _fix_surrogates(obj: object) -> object:
    """Lone surrogates (only JSON escapes produce them) become U+FFFD, recursively."""
    if isinstance(obj, str):
        try:
            obj.encode("utf-8")
        except UnicodeEncodeError:
            return _SURROGATE.sub("\ufffd", obj)
        return obj
    if isinstance(obj, dict):
        return {_fix_surrogates(k): _fix_surrogates(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_fix_surrogates(v) for v in obj]
    return obj


def normalize_text(text: str) -> str:
    """NFC, with line endings unified to \\n (lone surrogates are handled where JSON is parsed)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


# --------------------------------------------------------------------------------------------------------
# Format readers
# --------------------------------------------------------------------------------------------------------

_BLOCK_TAG = re.compile(
    r"<(/?)(p|div|br|hr|h[1-6]|li|ul|ol|tr|td|th|table|section|article|blockquote|pre|figure|figcaption|"
    r"header|footer|main|aside|dd|dt|dl|address)\b",
    re.IGNORECASE,
)
_DROP_TAGS = "script, style, noscript, nav, template, svg, iframe, form, button, select, textarea, head"
_META_DATE_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "sailthru.date",
    "parsely-pub-date",
)


def _squash_ws(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", out).strip()


def html_to_text(html: str) -> tuple[str, dict[str, str | None]]:
    """Visible text of an HTML page (block elements become paragraph breaks) and its title/date/site meta."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    marked = _BLOCK_TAG.sub(lambda m: "\n\n<" + m.group(1) + m.group(2), html)
    tree = HTMLParser(marked)
    meta: dict[str, str | None] = {"title": None, "date": None, "site_name": None, "url": None}
    t = tree.css_first("title")
    if t is not None:
        meta["title"] = _squash_ws(t.text()) or None
    for node in tree.css("meta"):
        attrs = node.attributes
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").strip().lower()
        content = (attrs.get("content") or "").strip()
        if not key or not content:
            continue
        if key == "og:site_name" and not meta["site_name"]:
            meta["site_name"] = content
        elif key in _META_DATE_KEYS and not meta["date"]:
            meta["date"] = content
        elif key == "og:url" and not meta["url"]:
            meta["url"] = content
        elif key == "og:title" and not meta["title"]:
            meta["title"] = content
    if not meta["date"]:
        tnode = tree.css_first("time[datetime]")
        if tnode is not None:
            meta["date"] = (tnode.attributes.get("datetime") or "").strip() or None
    for node in tree.css(_DROP_TAGS):
        node.decompose()
    root = tree.body or tree.root
    text = root.text(deep=True, separator="") if root is not None else ""
    return _squash_ws(text.replace("\xa0", " ")), meta


_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE)
_MD_EMPH = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def markdown_to_text(md: str) -> str:
    """Markdown reduced to plain text: heading marks, images, link targets and bold markers removed."""
    md = _MD_IMAGE.sub("", md)
    md = _MD_LINK.sub(r"\1", md)
    md = _MD_HEADING.sub("", md)
    md = _MD_EMPH.sub(r"\2", md)
    return md


def _str_or_none(v: object) -> str | None:
    if v is None:
        return None
    if isinstance(v, str):
        v = v.strip()
        return v or None
    if isinstance(v, (int, float)):
        return str(v)
    return None


def _record_to_article(rec: object, source_file: str, sha: str, fmt: str) -> Article | Rejection:
    if not isinstance(rec, dict):
        return Rejection(source_file, f"JSON value is a {type(rec).__name__}, not an article object", sha)
    text = rec.get("text")
    if not (isinstance(text, str) and text.strip()) and isinstance(rec.get("body"), str):
        text = rec.get("body")
    if not isinstance(text, str):
        has = "text" in rec or "body" in rec
        why = "its 'text'/'body' field is not a string" if has else "it has no 'text' or 'body' field"
        return Rejection(source_file, f"record is not an article: {why}", sha)
    if not text.strip():
        return Rejection(source_file, "record has an empty 'text'/'body' (nothing to read)", sha)
    return Article(
        source_file=source_file,
        content_sha256=sha,
        format=fmt,
        encoding="json",
        raw_text=normalize_text(text),
        meta_title=_nfc_or_none(_str_or_none(rec.get("title") or rec.get("headline"))),
        meta_date=_str_or_none(
            rec.get("date") or rec.get("published") or rec.get("published_date") or rec.get("pubdate")
        ),
        meta_url=_str_or_none(rec.get("url")),
        meta_id=_str_or_none(rec.get("id")),
        meta_outlet=_nfc_or_none(_str_or_none(rec.get("source") or rec.get("outlet"))),
    )


def _nfc_or_none(s: str | None) -> str | None:
    return normalize_text(s) if s else s


def _iter_json_lines(lines: Iterable[bytes], rel: str, max_record_bytes: int) -> Iterator[Article | Rejection]:
    for lineno, raw in enumerate(lines, start=1):
        line = raw.rstrip(b"\r\n")
        if not line.strip():
            continue  # blank lines separate nothing in JSON Lines
        where = f"{rel}#L{lineno}"
        if len(line) > max_record_bytes:
            yield Rejection(where, f"line {lineno} is {_mb(len(line))}, above the limit of {_mb(max_record_bytes)}")
            continue
        sha = _sha(line)
        try:
            try:
                rec = json.loads(line)
            except UnicodeDecodeError:
                rec = json.loads(decode_bytes(line)[0])  # a legacy-encoded line (e.g. Windows-1256)
        except (ValueError, RecursionError) as e:
            msg = str(e).splitlines()[0][:120]
            yield Rejection(where, f"line {lineno} is not valid JSON ({msg})", sha)
            continue
        if _SURROGATE_ESCAPE.search(line):
            rec = _fix_surrogates(rec)
        rid = _str_or_none(rec.get("id")) if isinstance(rec, dict) else None
        source_file = f"{rel}#{rid}" if rid else f"{rel}#{lineno}"
        got = _record_to_article(rec, source_file, sha, "jsonl")
        if isinstance(got, Rejection):
            # rejected records are named by line number: that is what a person needs to find them
            got.source_file = where
            got.reason = f"line {lineno}{f' (id {rid})' if rid else ''}: {got.reason}"
        yield got


def _iter_gzip_lines(path: Path, rel: str, max_stream_bytes: int) -> Iterator[bytes | Rejection]:
    """Lines of a gzip file; a truncated/corrupt stream ends with one Rejection describing the loss."""
    lineno = 0
    total = 0
    try:
        with gzip.open(path, "rb") as fh:
            for line in fh:
                lineno += 1
                total += len(line)
                if total > max_stream_bytes:
                    yield Rejection(
                        f"{rel}#L{lineno}",
                        f"decompressed stream exceeds {_mb(max_stream_bytes)}; stopped reading at line {lineno}",
                    )
                    return
                yield line
    except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as e:
        if lineno == 0 and isinstance(e, gzip.BadGzipFile):
            yield Rejection(rel, "not a gzip file although the name ends in .gz")
            return
        yield Rejection(
            f"{rel}#L{lineno + 1}",
            f"compressed file is truncated or corrupt after line {lineno} "
            f"({type(e).__name__}: {e}); the {lineno} lines before it were kept, the rest is lost",
        )


def _read_limited(path: Path, limit: int) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(limit + 1)


def _format_of(name: str) -> str | None:
    low = name.lower()
    if low.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if low.endswith(".json"):
        return "json"
    return TEXT_EXTS.get(os.path.splitext(low)[1])


def read_file(path: Path, rel: str, opts: IngestOptions) -> Iterator[Article | Rejection]:
    """Articles and rejections from one regular file (never raises for bad content)."""
    fmt = _format_of(path.name)
    if fmt is None:
        ext = "".join(path.suffixes[-2:]) or "(none)"
        yield Rejection(rel, f"unsupported file type '{ext}': expected .txt, .md, .html, .json, .jsonl or .jsonl.gz")
        return
    if fmt == "jsonl":
        if path.name.lower().endswith(".gz"):
            tail: list[Rejection] = []

            def _only_lines() -> Iterator[bytes]:
                for item in _iter_gzip_lines(path, rel, opts.max_stream_bytes):
                    if isinstance(item, Rejection):
                        tail.append(item)
                    else:
                        yield item

            yield from _iter_json_lines(_only_lines(), rel, opts.max_file_bytes)
            yield from tail
        else:
            with open(path, "rb") as fh:
                what = sniff_binary(fh.read(16))
                fh.seek(0)
                if what and not what.startswith("gzip"):
                    yield Rejection(rel, f"binary content: the bytes are {what}, not JSON Lines")
                    return
                if what:
                    yield Rejection(rel, "gzip-compressed data in a file not named .gz: rename it to .jsonl.gz")
                    return
                yield from _iter_json_lines(fh, rel, opts.max_file_bytes)
        return

    data = _read_limited(path, opts.max_file_bytes)
    if len(data) > opts.max_file_bytes:
        yield Rejection(rel, f"file is larger than the limit of {_mb(opts.max_file_bytes)}")
        return
    sha = _sha(data)
    if not data:
        yield Rejection(rel, "empty file (0 bytes)", sha)
        return
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as e:
        yield Rejection(rel, str(e), sha)
        return
    text = normalize_text(text)
    if not text.strip():
        yield Rejection(rel, "whitespace only: the file has no text", sha)
        return

    if fmt == "json":
        try:
            obj = json.loads(text)
        except (ValueError, RecursionError) as e:
            yield Rejection(rel, f"not valid JSON ({str(e).splitlines()[0][:120]})", sha)
            return
        if _SURROGATE_ESCAPE.search(text.encode("utf-8", "surrogatepass")):
            obj = _fix_surrogates(obj)
        if isinstance(obj, list):
            if not obj:
                yield Rejection(rel, "JSON list is empty: no articles", sha)
            for i, rec in enumerate(obj):
                rid = _str_or_none(rec.get("id")) if isinstance(rec, dict) else None
                rsha = _sha(json.dumps(rec, sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass"))
                got = _record_to_article(rec, f"{rel}#{rid or i}", rsha, "json")
                if isinstance(got, Rejection):
                    got.source_file = f"{rel}#{i}"
                    got.reason = f"item {i}{f' (id {rid})' if rid else ''}: {got.reason}"
                yield got
        else:
            got = _record_to_article(obj, rel, sha, "json")
            yield got
        return

    meta: dict[str, str | None] = {}
    if fmt == "html":
        try:
            text, meta = html_to_text(text)
        except Exception as e:  # a parser failure must not stop the run
            yield Rejection(rel, f"HTML could not be parsed ({type(e).__name__})", sha)
            return
        if not text.strip():
            yield Rejection(rel, "HTML page has no visible text (only scripts, styles or navigation)", sha)
            return
        text = normalize_text(text)
    elif fmt == "md":
        text = markdown_to_text(text)
    yield Article(
        source_file=rel,
        content_sha256=sha,
        format=fmt,
        encoding=encoding,
        raw_text=text,
        meta_title=_nfc_or_none(meta.get("title")),
        meta_date=meta.get("date"),
        meta_url=meta.get("url"),
        meta_outlet=_nfc_or_none(meta.get("site_name")),
    )


# --------------------------------------------------------------------------------------------------------
# Folder walk
# --------------------------------------------------------------------------------------------------------


def _list(root: Path, rel: str) -> list[str] | Rejection:
    try:
        return sorted(os.listdir(root / rel if rel else root))
    except OSError as e:
        return Rejection(rel or ".", f"folder could not be listed ({e.strerror or e})")


def _walk(root: Path) -> Iterator[tuple[Path, str] | Rejection]:
    """(path, relative posix path) of candidate files in sorted depth-first order, plus rejections for odd
    entries. Iterative (no recursion limit on deep trees); folder symlinks are never followed."""
    first = _list(root, "")
    if isinstance(first, Rejection):
        yield first
        return
    stack: list[tuple[str, Iterator[str]]] = [("", iter(first))]
    while stack:
        rel, names = stack[-1]
        name = next(names, None)
        if name is None:
            stack.pop()
            continue
        r = f"{rel}/{name}" if rel else name
        p = root / r
        try:
            lst = os.lstat(p)
        except OSError as e:
            yield Rejection(r, f"could not be inspected ({e.strerror or e})")
            continue
        is_link = stat.S_ISLNK(lst.st_mode)
        if is_link:
            try:
                st = os.stat(p)
            except OSError as e:
                if e.errno == errno.ELOOP:
                    yield Rejection(r, "symbolic link loop: the link points (eventually) back to itself")
                else:
                    yield Rejection(r, f"broken symbolic link ({e.strerror or e})")
                continue
        else:
            st = lst
        if stat.S_ISDIR(st.st_mode):
            if name.startswith("."):
                continue  # hidden directories (.git, caches) are not input
            if is_link:
                yield Rejection(r, "symbolic link to a folder: not followed (prevents loops)")
                continue
            sub = _list(root, r)
            if isinstance(sub, Rejection):
                yield sub
            else:
                stack.append((r, iter(sub)))
            continue
        if name.startswith("."):
            yield Rejection(r, "hidden file (name starts with '.'): not an article")
            continue
        if not stat.S_ISREG(st.st_mode):
            kind = "a FIFO (named pipe)" if stat.S_ISFIFO(st.st_mode) else "a device or socket"
            yield Rejection(r, f"not a regular file: it is {kind}")
            continue
        yield p, r


def iter_ingest(input_dir: Path, *, options: IngestOptions | None = None) -> Iterator[Article | Rejection]:
    """Stream every article and rejection under input_dir (sorted, deterministic, never raises per file)."""
    opts = options or IngestOptions()
    root = Path(input_dir)
    if not root.is_dir():
        yield Rejection(str(input_dir), "input folder does not exist or is not a folder")
        return
    for item in _walk(root):
        if isinstance(item, Rejection):
            yield item
            continue
        path, rel = item
        try:
            if _format_of(path.name) in ("txt", "md", "html", "json"):
                size = os.stat(path).st_size
                if size > opts.max_file_bytes:
                    yield Rejection(rel, f"file is {_mb(size)}, above the limit of {_mb(opts.max_file_bytes)}")
                    continue
            yield from read_file(path, rel, opts)
        except PermissionError:
            yield Rejection(rel, "unreadable: permission denied")
        except IsADirectoryError:
            yield Rejection(rel, "unreadable: it is a folder")
        except OSError as e:
            yield Rejection(rel, f"unreadable: {e.strerror or type(e).__name__}")
        except Exception as e:  # last line of defence: one bad file never stops the run
            yield Rejection(rel, f"could not be read ({type(e).__name__}: {str(e)[:200]})")


ARTICLE_FIELDS = [
    "source_file",
    "content_sha256",
    "format",
    "encoding",
    "raw_text",
    "meta_title",
    "meta_date",
    "meta_url",
    "meta_id",
    "meta_outlet",
]


def articles_frame(articles: list[Article], ingested_at: datetime, known: pl.DataFrame | None) -> pl.DataFrame:
    """RAW_ARTICLES frame of a list of Article records (not yet deduplicated)."""
    from transforms.common import stable_id

    if not articles:
        return empty(RAW_ARTICLES)
    cols = {f: [getattr(a, f) for a in articles] for f in ARTICLE_FIELDS}
    cols["article_id"] = [stable_id(s) for s in cols["content_sha256"]]
    df = pl.DataFrame(cols, schema={**{f: pl.String for f in cols}})
    df = df.with_columns(pl.lit(ingested_at, dtype=pl.Datetime("us")).alias("ingested_at"))
    if known is not None and known.height:
        k = (
            known.select(
                pl.col("content_sha256").cast(pl.String),
                pl.col("ingested_at").cast(pl.Datetime("us")).alias("_known_at"),
            )
            .group_by("content_sha256")
            .agg(pl.col("_known_at").min())
        )
        df = (
            df.join(k, on="content_sha256", how="left")
            .with_columns(pl.coalesce("_known_at", "ingested_at").alias("ingested_at"))
            .drop("_known_at")
        )
    return conform(df, RAW_ARTICLES)


def rejections_frame(rejections: list[Rejection], rejected_at: datetime) -> pl.DataFrame:
    if not rejections:
        return empty(REJECTED_FILES)
    df = pl.DataFrame(
        {
            "source_file": [r.source_file for r in rejections],
            "content_sha256": [r.content_sha256 for r in rejections],
            "reason": [r.reason for r in rejections],
        },
        schema={"source_file": pl.String, "content_sha256": pl.String, "reason": pl.String},
    ).with_columns(pl.lit(rejected_at, dtype=pl.Datetime("us")).alias("rejected_at"))
    return conform(df, REJECTED_FILES)


def iter_ingest_batches(
    input_dir: Path,
    *,
    known: pl.DataFrame | None = None,
    batch_size: int = 5000,
    options: IngestOptions | None = None,
    clock: Callable[[], datetime] | None = None,
) -> Iterator[tuple[pl.DataFrame, pl.DataFrame]]:
    """(raw_articles, rejected_files) in batches of about batch_size articles, deduplicated across batches.

    Within the stream the first occurrence of a content hash wins; files are visited in sorted order so
    that is the lexicographically first source_file within one file tree walk.
    """
    now = (clock or _utc_now)()
    seen: set[str] = set()
    arts: list[Article] = []
    rejs: list[Rejection] = []
    for item in iter_ingest(input_dir, options=options):
        if isinstance(item, Rejection):
            rejs.append(item)
            continue
        if item.content_sha256 in seen:
            continue
        seen.add(item.content_sha256)
        arts.append(item)
        if len(arts) >= batch_size:
            yield articles_frame(arts, now, known), rejections_frame(rejs, now)
            arts, rejs = [], []
    if arts or rejs:
        yield articles_frame(arts, now, known), rejections_frame(rejs, now)


def ingest_folder(
    input_dir: Path,
    *,
    known: pl.DataFrame | None = None,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    clock: Callable[[], datetime] | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Read every file under input_dir. `known` (content_sha256, ingested_at) keeps first-ingested times.

    Returns (raw_articles, rejected_files) conforming to RAW_ARTICLES and REJECTED_FILES. Duplicate
    content (same hash under several names) is one article, kept under its lexicographically first name.
    """
    opts = IngestOptions(max_file_bytes=max_file_bytes)
    now = (clock or _utc_now)()
    arts: list[Article] = []
    rejs: list[Rejection] = []
    for item in iter_ingest(input_dir, options=opts):
        (rejs if isinstance(item, Rejection) else arts).append(item)
    raw = articles_frame(arts, now, known)
    if raw.height:
        raw = raw.sort("source_file").unique(subset="content_sha256", keep="first", maintain_order=True)
    return raw, rejections_frame(rejs, now)


def keep_first_rejected_at(rejected: pl.DataFrame, previous: pl.DataFrame | None) -> pl.DataFrame:
    """The same input rejected again for the same reason keeps the time it was first rejected.

    `previous` is the last run's rejected_files (or None). A rejection is "the same" when its source_file,
    content_sha256 and reason all match, so reruns on unchanged input give identical ops.rejected_files.
    """
    if previous is None or previous.is_empty() or rejected.is_empty():
        return rejected
    keys = ["source_file", "content_sha256", "reason"]
    first = previous.group_by(keys).agg(pl.col("rejected_at").min().alias("_first"))
    return (
        rejected.join(first, on=keys, how="left", nulls_equal=True)
        .with_columns(pl.coalesce("_first", "rejected_at").alias("rejected_at"))
        .select(rejected.columns)
    )
