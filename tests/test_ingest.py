"""Reading input: every kind of file, and every kind of bad input, one record each."""
from __future__ import annotations

import io
import json

import pytest

from eventwire.config import Settings
from eventwire.ingest import InputError, decode, from_record, read

GOOD = "Kenya's president met the Ugandan leader in Nairobi on Monday to discuss trade."


def test_text_file(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(GOOD, encoding="utf-8")
    [art] = read([p])
    assert art.ok and art.id == "story" and art.raw == GOOD and art.source == str(p)


def test_encoding_is_detected_not_assumed(tmp_path):
    text = "Le président a rencontré le ministre à Genève. " + GOOD
    p = tmp_path / "latin.txt"
    p.write_bytes(text.encode("cp1252"))
    [art] = read([p])
    assert art.ok and "président" in art.raw and "Genève" in art.raw


def test_utf16_with_bom(tmp_path):
    p = tmp_path / "wide.txt"
    p.write_bytes(GOOD.encode("utf-16"))
    [art] = read([p])
    assert art.ok and art.raw == GOOD


def test_html_file_main_text_and_metadata(tmp_path):
    html = f"""<html><head><title>Trade talks | Example News</title>
    <meta property="og:title" content="Kenya and Uganda hold trade talks">
    <meta name="author" content="Jane Doe">
    <meta property="article:published_time" content="2024-03-04T10:00:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Kenya and Uganda hold trade talks</h1>
    <p>{GOOD}</p><p>The two leaders agreed to cut tariffs on farm goods, officials said after the meeting.</p>
    <p>Uganda's trade minister said the deal would be signed next month in Kampala.</p></article>
    <footer>© Example News. Subscribe to our newsletter.</footer></body></html>"""
    p = tmp_path / "page.html"
    p.write_text(html, encoding="utf-8")
    [art] = read([p])
    assert art.ok
    assert GOOD in art.raw and "Subscribe" not in art.raw and "Home" not in art.raw
    assert art.title == "Kenya and Uganda hold trade talks"
    assert art.published.startswith("2024-03-04")
    assert art.author == "Jane Doe"
    assert art.metadata["format"] == "html"


def test_jsonl_records_and_a_bad_line_among_them(tmp_path):
    p = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": "a1", "text": GOOD, "title": "T", "published": "2024-03-04", "url": "http://x/a1"}),
             '{"id": "a2", "text": "broken',
             json.dumps({"id": "a3", "text": 42}),
             json.dumps(["not", "an", "object"]),
             json.dumps({"id": "a5", "text": GOOD, "section": "Africa"})]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    arts = list(read([p]))
    assert [a.id for a in arts] == ["a1", "a2", "a3", f"{p}:4", "a5"]
    assert arts[0].ok and arts[0].title == "T" and arts[0].url == "http://x/a1"
    assert arts[1].error.kind == "bad_json" and arts[1].source == f"{p}:2"
    assert arts[2].error.kind == "bad_record" and "string" in arts[2].error.message
    assert arts[3].error.kind == "bad_record"
    assert arts[4].ok and arts[4].metadata["section"] == "Africa"


def test_folder_is_read_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00\x00")
    assert [a.id for a in read([tmp_path])] == ["a", "c"]


def test_stdin_text_and_jsonl():
    [art] = read(["-"], stdin=io.BytesIO(GOOD.encode()))
    assert art.ok and art.source == "stdin"
    feed = "\n".join(json.dumps({"id": f"s{i}", "text": GOOD}) for i in range(3)).encode()
    assert [a.id for a in read(["-"], stdin=io.BytesIO(feed))] == ["s0", "s1", "s2"]


@pytest.mark.parametrize("data,kind", [
    (b"", "empty"),
    (b"   \n\t ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"hello\x00world", "binary"),
])
def test_bad_bytes_give_named_errors(tmp_path, data, kind):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    [art] = read([p])
    assert art.error is not None and art.error.kind == kind and art.id == "bad"


def test_undecodable_bytes():
    with pytest.raises(InputError) as err:
        decode(bytes(range(128, 256)) * 50 + b"\x81\x8d\x8f\x90\x9d")
    assert err.value.kind in ("undecodable", "binary")


def test_too_large_is_rejected_unread(tmp_path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:
        fh.seek(50 * 1024 * 1024)
        fh.write(b".")
    [art] = read([p])
    assert art.error.kind == "too_large" and "52,428,801" in art.error.message


def test_size_limit_is_a_setting(tmp_path):
    p = tmp_path / "s.txt"
    p.write_text(GOOD, encoding="utf-8")
    [art] = read([p], Settings(max_bytes=10))
    assert art.error.kind == "too_large"


def test_missing_file(tmp_path):
    [art] = read([tmp_path / "nope.txt"])
    assert art.error.kind == "not_found"


def test_record_without_id_gets_a_stable_hash():
    a, b = from_record({"text": GOOD}), from_record({"text": GOOD})
    assert a.id == b.id and len(a.id) == 16


def test_record_with_html_field():
    art = from_record({"id": "h", "html": f"<html><body><article><p>{GOOD}</p><p>{GOOD}</p></article></body></html>"})
    assert art.ok and GOOD in art.raw


@pytest.mark.parametrize("raw,iso", [
    ("2025-03-14 20:30:26Z", "2025-03-14T20:30:26Z"),
    ("2022-11-11", "2022-11-11"),
    ("2024-03-04T12:00:00+02:00", "2024-03-04T10:00:00Z"),
    ("Fri, 11 Nov 2022 08:15:00 GMT", "2022-11-11T08:15:00Z"),
])
def test_published_dates_become_iso(raw, iso):
    assert from_record({"id": "d", "text": GOOD, "published": raw}).published == iso


def test_unparseable_date_is_kept_aside_not_fatal():
    art = from_record({"id": "d", "text": GOOD, "published": "last Tuesday-ish"})
    assert art.ok and art.published is None and art.metadata["published_unparsed"] == "last Tuesday-ish"
