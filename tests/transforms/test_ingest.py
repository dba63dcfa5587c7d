"""Ingest: decoding detection, every rejection reason, hashing/versioning, first-ingested times."""

from __future__ import annotations

import builtins
import gzip
import hashlib
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest

from transforms import ingest as ingest_mod
from transforms.common import stable_id
from transforms.ingest import DecodeError, decode_bytes, ingest_folder, iter_ingest_batches
from transforms.schemas import RAW_ARTICLES, REJECTED_FILES

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "hostile"))
from make_hostile import ARABIC, ENGLISH, check_outcome, make_hostile

T0 = datetime(2026, 1, 2, 3, 4, 5)
T1 = datetime(2026, 6, 7, 8, 9, 10)


def _ingest(folder: Path, now: datetime = T0, **kw):
    return ingest_folder(folder, clock=lambda: now, **kw)


def _reasons(rejected: pl.DataFrame) -> dict[str, str]:
    return dict(zip(rejected["source_file"], rejected["reason"], strict=True))


# ---- decoding ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("Algeria said «yes».".encode(), "Algeria said «yes».", "utf-8"),
        (b"\xef\xbb\xbfRabat \xe2\x80\x93 talks", "Rabat – talks", "utf-8-sig"),
        ("\ufeffقال المصدر".encode("utf-16-le"), "قال المصدر", "utf-16"),
        ("\ufeffقال المصدر".encode("utf-16-be"), "قال المصدر", "utf-16"),
        ("Hello Algiers".encode("utf-16-le"), "Hello Algiers", "utf-16"),  # no BOM: alternating NULs
        (ARABIC.encode("cp1256"), ARABIC, "cp1256"),
        ("Le ministre a déclaré à Alger".encode("latin-1"), "Le ministre a déclaré à Alger", "latin-1"),
        ("He said “it’s over” – café".encode("cp1252"), "He said “it’s over” – café", "cp1252"),
    ],
)
def test_decode_detects_encoding(data: bytes, text: str, encoding: str) -> None:
    assert decode_bytes(data) == (text, encoding)


def test_cp1256_arabic_comes_out_as_arabic_not_latin() -> None:
    text, enc = decode_bytes("الجزائر والمغرب".encode("cp1256"))
    assert enc == "cp1256"
    assert text == "الجزائر والمغرب"


def test_mostly_valid_utf8_keeps_its_text_with_a_replacement_character() -> None:
    raw = ARABIC.encode()
    text, enc = decode_bytes(raw[:41] + raw[42:])
    assert enc == "utf-8"
    assert text.count("\ufffd") == 1
    assert "الجزائر" in text


@pytest.mark.parametrize(
    ("data", "keyword"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
        (b"\xff\xd8\xff\xe0JFIF", "JPEG image"),
        (b"%PDF-1.5\n", "PDF document"),
        (b"PK\x03\x04rest", "ZIP archive"),
        (b"abc\x00def\x00", "NUL bytes"),
        (bytes(range(0x80, 0xA0)) * 10, "undecodable"),
    ],
)
def test_decode_rejects_binary_and_undecodable(data: bytes, keyword: str) -> None:
    with pytest.raises(DecodeError, match=keyword):
        decode_bytes(data)


# ---- folder ingest ----------------------------------------------------------------------------------


def test_seed_folder_ingests_five_articles(sample_dir: Path) -> None:
    raw, rejected = _ingest(sample_dir)
    assert raw.schema == pl.Schema(RAW_ARTICLES)
    assert rejected.schema == pl.Schema(REJECTED_FILES)
    assert rejected.height == 0
    assert raw["source_file"].to_list() == sorted(p.name for p in sample_dir.glob("*.txt"))
    assert set(raw["encoding"]) == {"utf-8"}
    assert set(raw["format"]) == {"txt"}
    first = raw.row(0, named=True)
    data = (sample_dir / first["source_file"]).read_bytes()
    assert first["content_sha256"] == hashlib.sha256(data).hexdigest()
    assert first["article_id"] == stable_id(first["content_sha256"])
    assert raw["ingested_at"].to_list() == [T0] * 5
    # seed 003 is Arabic and arrives intact (NFC)
    ar = raw.filter(pl.col("source_file").str.starts_with("003"))["raw_text"][0]
    assert "مسؤول جزائري: التنسيق مع المغرب متواصل رغما عن الأزمات" in ar


def test_hostile_folder_every_file_ingested_or_rejected_with_reason(tmp_path: Path) -> None:
    expected = make_hostile(tmp_path / "in")
    raw, rejected = _ingest(tmp_path / "in")
    assert check_outcome(expected, raw, rejected) == []
    # nothing silently dropped: every top-level file is either an article, a rejection or a known duplicate
    names = {p.relative_to(tmp_path / "in").as_posix() for p in (tmp_path / "in").rglob("*") if not p.is_dir()}
    seen = {s.split("#")[0] for s in raw["source_file"]} | {s.split("#")[0] for s in rejected["source_file"]}
    assert names - seen == {"valid/dup_b.txt"}


def test_truncated_gzip_keeps_records_before_the_cut(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"r{i}", "text": f"Story number {i}. " + "x" * 200}) for i in range(300)]
    blob = gzip.compress(("\n".join(lines) + "\n").encode(), mtime=0)
    (tmp_path / "feed.jsonl.gz").write_bytes(blob[: int(len(blob) * 0.6)])
    raw, rejected = _ingest(tmp_path)
    assert 0 < raw.height < 300
    # the kept records are exactly the first ones
    assert set(raw["source_file"]) == {f"feed.jsonl.gz#r{i}" for i in range(raw.height)}
    assert rejected.height == 1
    assert "truncated" in rejected["reason"][0]
    assert rejected["source_file"][0] == f"feed.jsonl.gz#L{raw.height + 1}"


def test_jsonl_record_fields_and_line_hash(tmp_path: Path) -> None:
    rec = {"id": "ant:1", "source": "ant_multisource", "date": "Sun, 18 Feb 2018 21:35:43 +0400",
           "title": "عنوان", "url": "http://example.com/a", "text": "نص الخبر هنا."}
    line = json.dumps(rec, ensure_ascii=False).encode()
    (tmp_path / "a.jsonl").write_bytes(line + b"\r\n" + json.dumps({"body": "Second story."}).encode() + b"\n")
    raw, rejected = _ingest(tmp_path)
    assert rejected.height == 0
    r0, r1 = raw.sort("source_file").iter_rows(named=True)
    assert r0["source_file"] == "a.jsonl#2" and r0["raw_text"] == "Second story."
    assert r1["source_file"] == "a.jsonl#ant:1"
    assert r1["content_sha256"] == hashlib.sha256(line).hexdigest()
    assert (r1["meta_title"], r1["meta_date"], r1["meta_url"], r1["meta_id"], r1["meta_outlet"]) == (
        "عنوان", rec["date"], rec["url"], "ant:1", "ant_multisource")
    assert r1["format"] == "jsonl"


def test_same_bytes_twice_is_one_article_under_the_first_name(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(ENGLISH)
    (tmp_path / "a copy.txt").write_text(ENGLISH)
    (tmp_path / "c.txt").write_text(ENGLISH + " Edited.")
    raw, _ = _ingest(tmp_path)
    assert raw["source_file"].to_list() == ["a copy.txt", "c.txt"]
    assert raw["article_id"].n_unique() == 2


def test_known_hashes_keep_their_first_ingested_time(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_text("An article seen in an earlier run.")
    raw1, _ = ingest_folder(tmp_path, clock=lambda: T0)
    (tmp_path / "new.txt").write_text("An article that is new today.")
    raw2, _ = ingest_folder(tmp_path, known=raw1.select("content_sha256", "ingested_at"), clock=lambda: T1)
    times = dict(zip(raw2["source_file"], raw2["ingested_at"], strict=True))
    assert times == {"new.txt": T1, "old.txt": T0}
    # an edited file is a new version: new hash, new id, new time
    (tmp_path / "old.txt").write_text("An article seen in an earlier run, now edited.")
    raw3, _ = ingest_folder(tmp_path, known=raw2.select("content_sha256", "ingested_at"), clock=lambda: T1)
    old3 = raw3.filter(pl.col("source_file") == "old.txt").row(0, named=True)
    assert old3["ingested_at"] == T1
    assert old3["article_id"] not in set(raw1["article_id"])


def test_oversized_file_rejected_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open(tmp_path / "huge.txt", "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (tmp_path / "small.txt").write_text("Small but fine.")
    opened: list[str] = []
    real_open = builtins.open

    def spy(file, *a, **k):
        opened.append(str(file))
        return real_open(file, *a, **k)

    monkeypatch.setattr(builtins, "open", spy)
    raw, rejected = _ingest(tmp_path)
    assert raw["source_file"].to_list() == ["small.txt"]
    assert _reasons(rejected) == {"huge.txt": "file is 50.0 MB, above the limit of 20.0 MB"}
    assert not any(p.endswith("huge.txt") for p in opened)


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x" * 2000)
    _, rejected = ingest_folder(tmp_path, max_file_bytes=1000, clock=lambda: T0)
    assert "above the limit" in rejected["reason"][0]


def test_permission_denied_is_a_rejection_not_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # tests run as root, where chmod 000 is still readable: simulate the OS refusing instead
    (tmp_path / "locked.txt").write_text("secret")
    (tmp_path / "open.txt").write_text("Readable article text.")
    real_open = builtins.open

    def guarded(file, *a, **k):
        if str(file).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *a, **k)

    monkeypatch.setattr(builtins, "open", guarded)
    raw, rejected = _ingest(tmp_path)
    assert raw["source_file"].to_list() == ["open.txt"]
    assert _reasons(rejected) == {"locked.txt": "unreadable: permission denied"}


def test_unexpected_reader_error_is_contained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("First article.")
    (tmp_path / "b.html").write_text("<p>Second article.</p>")

    def boom(_html: str):
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(ingest_mod, "html_to_text", boom)
    raw, rejected = _ingest(tmp_path)
    assert raw["source_file"].to_list() == ["a.txt"]
    assert "HTML could not be parsed" in _reasons(rejected)["b.html"]


def test_html_title_meta_and_paragraphs(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_text(
        "<html><head><title>Talks | Site</title><meta property='og:site_name' content='Site'>"
        "<meta name='date' content='2020-01-05'><script>var s='NO';</script><style>p{}</style></head>"
        "<body><nav>Home News</nav><h1>Talks</h1><p>First &amp; one.</p><div>Second<br>line</div></body></html>",
        encoding="utf-8",
    )
    raw, _ = _ingest(tmp_path)
    r = raw.row(0, named=True)
    assert r["raw_text"] == "Talks\n\nFirst & one.\n\nSecond\n\nline"
    assert (r["meta_title"], r["meta_outlet"], r["meta_date"], r["format"]) == ("Talks | Site", "Site", "2020-01-05", "html")


def test_batches_deduplicate_across_batches(tmp_path: Path) -> None:
    lines = [json.dumps({"id": str(i), "text": f"Story {i % 7}."}) for i in range(30)]
    (tmp_path / "f.jsonl").write_text("\n".join(lines))
    batches = list(iter_ingest_batches(tmp_path, batch_size=3, clock=lambda: T0))
    raw = pl.concat([b[0] for b in batches])
    # identical lines would share a hash; these differ by id, so all 30 are distinct versions
    assert raw.height == 30
    (tmp_path / "g.jsonl").write_text("\n".join(lines))  # same lines again in a second file
    raw2 = pl.concat([b[0] for b in iter_ingest_batches(tmp_path, batch_size=4, clock=lambda: T0)])
    assert raw2.height == 30
    assert raw2["source_file"].str.starts_with("f.jsonl#").all()


def test_missing_input_folder_is_reported(tmp_path: Path) -> None:
    raw, rejected = _ingest(tmp_path / "nope")
    assert raw.height == 0
    assert "does not exist" in rejected["reason"][0]


def test_jsonl_legacy_encoded_line_and_binary_jsonl(tmp_path: Path) -> None:
    line = json.dumps({"id": "w1", "text": "قال المصدر الأمني"}, ensure_ascii=False).encode("cp1256")
    (tmp_path / "legacy.jsonl").write_bytes(line + b"\n")
    (tmp_path / "image.jsonl").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (tmp_path / "packed.jsonl").write_bytes(gzip.compress(b'{"text": "x"}\n'))
    raw, rejected = _ingest(tmp_path)
    assert raw["raw_text"].to_list() == ["قال المصدر الأمني"]
    assert _reasons(rejected) == {
        "image.jsonl": "binary content: the bytes are a PNG image, not JSON Lines",
        "packed.jsonl": "gzip-compressed data in a file not named .gz: rename it to .jsonl.gz",
    }


def test_deeply_nested_folders_and_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Top level b.")
    (tmp_path / "a.txt").write_text("Top level a.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text("not input")
    created: list[Path] = []
    deep = tmp_path
    try:
        for _ in range(1050):  # deeper than Python's recursion limit (1000), within PATH_MAX
            deep = deep / "d"
            deep.mkdir()  # one level at a time (mkdir(parents=True) itself recurses)
            created.append(deep)
        (deep / "bottom.txt").write_text("An article at the bottom of a deep tree.")
        raw, rejected = _ingest(tmp_path)
    finally:
        # remove the deep tree level by level: a recursive rmtree (pytest's tmp cleanup) would overflow
        (deep / "bottom.txt").unlink(missing_ok=True)
        for d in reversed(created):
            d.rmdir()
    assert rejected.height == 0
    files = raw["source_file"].to_list()
    assert files[:2] == ["a.txt", "b.txt"]
    assert files[2].endswith("/bottom.txt") and files[2].count("/") == 1050


def test_windows1256_html_page(tmp_path: Path) -> None:
    page = f"<html><head><title>خبر</title></head><body><p>{ARABIC}</p></body></html>"
    (tmp_path / "ar.htm").write_bytes(page.encode("cp1256"))
    raw, rejected = _ingest(tmp_path)
    assert rejected.height == 0
    r = raw.row(0, named=True)
    assert (r["encoding"], r["format"], r["meta_title"], r["raw_text"]) == ("cp1256", "html", "خبر", ARABIC)


def test_a_file_rejected_again_keeps_its_first_rejection_time(tmp_path):
    from transforms.ingest import keep_first_rejected_at

    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_bytes(b"  \n\t\n")
    first = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    later = datetime(2026, 2, 1, 12, 0, tzinfo=UTC)
    _, run1 = ingest_folder(tmp_path, clock=lambda: first)
    (tmp_path / "blank.md").write_bytes(b"\x00\x01binary now")  # same name, new bytes, new reason
    _, run2 = ingest_folder(tmp_path, clock=lambda: later)
    kept = keep_first_rejected_at(run2, run1).sort("source_file")
    assert kept["source_file"].to_list() == ["blank.md", "empty.txt"]
    assert kept["rejected_at"].to_list() == [later.replace(tzinfo=None), first.replace(tzinfo=None)]
    assert keep_first_rejected_at(run2, None).equals(run2)
