"""A hostile-input corpus: good articles mixed with every kind of bad input eventwire must survive.

    python bench/hostile.py OUT_DIR [--seed 0] [--fuzz 40]     # writes the corpus and its manifest

:func:`make` writes, under a folder, plain-text and JSONL inputs and a
``manifest.json`` that says what each input must become:

* ``good``: ids that must come out coded (no error record): invented articles
  in text files, UTF-16 files and JSONL lines, one with a lone surrogate in its
  title, one whose id holds ``/``;
* ``bad``: inputs (``feed.jsonl:LINE`` or a file name, as the end of the
  record's ``source``) that must come out as error records of the given kind: JSON nested 2,000 deep, a 4,301-digit number, NaN, lines that
  are not objects, malformed UTF-16, binary data, empty files, a FIFO and a link
  to ``/dev/zero`` (where the system has them), a file and a JSONL line over the
  size limit, Chinese, Russian and Arabic text, an id over the length limit;
* ``fuzz``: files of random and mutated bytes: each must give exactly one
  record, coded or error, and never a traceback.

Everything is written here; no article text comes from elsewhere. ``tests/``
uses a small corpus (``fuzz=4``), ``bench/faults.py`` a larger one.
"""
from __future__ import annotations

import argparse
import json
import os
import random
from pathlib import Path

MAX_BYTES = 200_000  # run the corpus with --max-bytes MAX_BYTES: the oversized inputs stay cheap to write

GOOD_TEXTS = [
    "Japan imposed new sanctions on Russia on Friday after a missile strike on a port city.",
    "Chilean President Ana Vera met Peruvian Foreign Minister Luis Campos in Lima on Monday to discuss trade.",
    "Police arrested two protesters outside the parliament in Oslo on Tuesday, officials said.",
    "The European Union condemned the attack on aid workers in northern Sudan on Wednesday.",
    "Kenya and Ethiopia signed an agreement on Thursday to share water from a river along their border.",
    "Brazil accused Venezuela of violating its airspace, and summoned the Venezuelan ambassador on Sunday.",
    "Russia criticized Japan.",
    "The United Nations called on both sides to return to talks, a spokesperson said on Friday.",
]


def _good_record(i: int, text: str, **extra) -> dict:
    return {"id": f"good-{i}", "text": text, "published": "2024-03-08", **extra}


def make(folder: str | Path, *, seed: int = 0, fuzz: int = 40) -> dict:
    """Write the corpus under ``folder``; returns (and writes as manifest.json) what each input must give."""
    rng = random.Random(seed)
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    good: list[str] = []
    bad: dict[str, str] = {}  # id -> error kind
    fuzzed: list[str] = []

    lines: list[bytes] = []

    def good_line(record: dict) -> None:
        lines.append(json.dumps(record).encode())
        good.append(record["id"])

    def bad_line(raw: bytes, kind: str) -> None:
        lines.append(raw)
        bad[f"feed.jsonl:{len(lines)}"] = kind

    for i, text in enumerate(GOOD_TEXTS):
        good_line(_good_record(i, text))
        if i == 1:
            bad_line(b'{"x":' + b"[" * 2000 + b"]" * 2000 + b',"text":"a"}', "bad_json")
            bad_line(b'{"x":' + b"9" * 4301 + b',"text":"a"}', "bad_json")
        if i == 2:
            bad_line(b'{"text": NaN}', "bad_json")
            bad_line(b"[1, 2, 3]", "bad_record")
            bad_line(b'"just a string"', "bad_record")
            bad_line(b'{"text": 42}', "bad_record")
            bad_line(b'{"id": "x", "text": "a', "bad_json")
        if i == 3:
            bad_line(b'{"text": "' + b"a" * (MAX_BYTES + 10) + b'"}', "too_large")
            bad_line(json.dumps({"text": "北京时间周一，中国外交部发言人表示，中方反对这一做法，并将采取必要措施。"}).encode(),
                     "not_english")
            bad_line(json.dumps({"text": "Министр иностранных дел заявил в понедельник, что Москва не примет "
                                         "новые санкции."}).encode(), "not_english")
            bad_line(json.dumps({"text": "قال وزير الخارجية يوم الاثنين إن الحكومة لن تقبل العقوبات الجديدة"}).encode(),
                     "not_english")
            bad_line(json.dumps({"id": "L" * 1001, "text": GOOD_TEXTS[0]}).encode(), "bad_record")
    # a title with a lone surrogate, and an id with a slash: both are good records
    lines.append(b'{"id": "good-surrogate", "title": "t\\ud800", "text": "Japan imposed new sanctions on Russia '
                 b'on Friday.", "published": "2024-03-08"}')
    good.append("good-surrogate")
    good_line(_good_record(99, GOOD_TEXTS[3]) | {"id": "site/2024/story-99"})
    (root / "feed.jsonl").write_bytes(b"\n".join(lines) + b"\n")

    for i, text in enumerate(GOOD_TEXTS[:3]):
        (root / f"story{i}.txt").write_text(text + "\n", encoding="utf-8")
        good.append(f"story{i}")
    (root / "wide.txt").write_bytes(("\ufeff" + GOOD_TEXTS[4]).encode("utf-16-le"))
    good.append("wide")
    (root / "broken16.txt").write_bytes(b"\xff\xfe\x00\xd8A\x00")
    bad["broken16.txt"] = "undecodable"
    (root / "blob.txt").write_bytes(bytes(range(256)) * 8)
    bad["blob.txt"] = "binary"
    (root / "empty.txt").write_bytes(b"")
    bad["empty.txt"] = "empty"
    (root / "huge.txt").write_bytes(b"Japan said. " * (MAX_BYTES // 10))
    bad["huge.txt"] = "too_large"
    (root / "cyrillic.txt").write_text("Министр иностранных дел заявил в понедельник, что Москва не примет "
                                       "новые санкции против соседей.\n", encoding="utf-8")
    bad["cyrillic.txt"] = "not_english"
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "pipe.txt")
        bad["pipe.txt"] = "unreadable"
    if Path("/dev/zero").exists():
        (root / "zero.txt").symlink_to("/dev/zero")
        bad["zero.txt"] = "unreadable"

    seed_bytes = GOOD_TEXTS[1].encode()
    for n in range(fuzz):
        if n % 2:
            data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 2000)))
        else:
            data = bytearray(seed_bytes * rng.randrange(1, 6))
            for _ in range(rng.randrange(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
            data = bytes(data)
        name = f"fuzz{n:03d}"
        (root / f"{name}.txt").write_bytes(data)
        fuzzed.append(f"{name}.txt")

    manifest = {"good": sorted(good), "bad": bad, "fuzz": fuzzed, "max_bytes": MAX_BYTES}
    (root.parent / f"{root.name}.manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def check(records: list[dict], manifest: dict) -> dict:
    """Compare the records one run gave (output documents, or ``{"id", "source", "error"}``
    rows) with the manifest; every count but ``coded``/``errors`` should be 0."""
    by_source: dict[str, list[dict]] = {}
    coded = {r["id"] for r in records if not r.get("error")}
    for r in records:
        src = str(r.get("source") or "")
        key = src.rsplit("/", 1)[-1]
        by_source.setdefault(key, []).append(r)
    lost = sorted(set(manifest["good"]) - coded)
    wrong = {}
    for key, kind in manifest["bad"].items():
        got = by_source.get(key, [])
        kinds = [(r.get("error") or {}).get("kind") for r in got]
        if kinds != [kind]:
            wrong[key] = kinds
    fuzz_bad = {k: len(by_source.get(k, [])) for k in manifest["fuzz"] if len(by_source.get(k, [])) != 1}
    return {"coded": len(coded), "errors": sum(1 for r in records if r.get("error")), "good_lost": lost,
            "bad_not_as_expected": wrong, "fuzz_not_one_record": fuzz_bad}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--fuzz", type=int, default=40, help="files of random or mutated bytes (default 40)")
    args = parser.parse_args(argv)
    manifest = make(args.out, seed=args.seed, fuzz=args.fuzz)
    print(f"{len(manifest['good'])} good, {len(manifest['bad'])} bad, {len(manifest['fuzz'])} fuzzed inputs in "
          f"{args.out} (run with --max-bytes {MAX_BYTES})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
