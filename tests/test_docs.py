"""Every ```python and ```sh block of README.md and docs/*.md runs as written.

Each block runs in a fresh copy of a small working folder holding the files the
docs name (story.txt, story.html, feed.jsonl, feeds/, pages/, a corpus.duckdb
and its GDELT export), all written here with invented text. ``eventwire`` and
``.venv/bin/eventwire`` run this checkout. A block that cannot run here (it
installs packages, needs a cluster or a running server) is marked in the
markdown, on the line before its fence, with ``<!-- docs-test: skip (reason) -->``.
Blocks that load the language model are marked slow.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from eventwire.store import Store

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(\S*)\s*$")
SKIP = re.compile(r"<!--\s*docs-test:\s*skip\s*\((.+)\)\s*-->")
RUNNABLE = ("python", "sh")
MAX_SKIPPED = 11
LOADS_MODEL = re.compile(r"eventwire code|eventwire ingest|Pipeline\(|eventwire\.code\(|\.ingest\(")


@dataclass(frozen=True)
class Block:
    path: Path
    line: int
    lang: str
    code: str
    skip: str | None

    @property
    def name(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def blocks() -> list[Block]:
    found = []
    for path in DOCS:
        lines = path.read_text(encoding="utf-8").splitlines()
        i = 0
        while i < len(lines):
            m = FENCE.match(lines[i])
            if not m:
                i += 1
                continue
            start, body = i, []
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                body.append(lines[i])
                i += 1
            i += 1
            before = next((lines[j] for j in range(start - 1, -1, -1) if lines[j].strip()), "")
            skip = SKIP.search(before)
            found.append(Block(path, start + 1, m.group(1), "\n".join(body) + "\n", skip.group(1) if skip else None))
    return found


def runnable() -> list:
    params = []
    for b in blocks():
        if b.lang not in RUNNABLE:
            continue
        marks = [pytest.mark.slow] if LOADS_MODEL.search(b.code) and not b.skip else []
        params.append(pytest.param(b, id=b.name, marks=marks))
    return params


STORY = ("Japan imposed new sanctions on Russia on Friday after a missile strike on a port city, "
         "the foreign ministry in Tokyo said. Russia's ambassador Mikhail Galuzin accused Japan of "
         "hostile steps and said Moscow would respond.")
RECORDS = [
    {"id": "8011115", "published": "2022-03-11", "url": "https://news.example/a/8011115", "title": "Sanctions",
     "text": STORY},
    {"id": "8011116", "published": "2022-03-14", "url": "https://news.example/a/8011116", "title": "Talks",
     "text": "China and Japan held talks in Beijing on Monday. Galuzin said Russia rejected the proposal."},
]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory, pipeline) -> Path:
    """The files the docs name, and a corpus store built from them."""
    work = tmp_path_factory.mktemp("docs")
    (work / "story.txt").write_text(STORY + "\n", encoding="utf-8")
    (work / "story.html").write_text(f"<html><head><title>Sanctions</title></head><body><article><h1>Sanctions"
                                     f"</h1><p>{STORY}</p></article></body></html>", encoding="utf-8")
    feed = "".join(json.dumps(r) + "\n" for r in RECORDS)
    (work / "feed.jsonl").write_text(feed, encoding="utf-8")
    (work / "feeds").mkdir()
    (work / "feeds" / "2022-03.jsonl").write_text(feed, encoding="utf-8")
    (work / "pages").mkdir()
    shutil.copy(work / "story.html", work / "pages" / "story.html")
    with Store(work / "corpus.duckdb") as store:
        store.ingest(pipeline.code_paths([work / "feed.jsonl"]))
        store.export_gdelt(work / "events.gdelt.tsv")
    bin_dir = work / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    launcher = bin_dir / "eventwire"
    launcher.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m eventwire "$@"\n', encoding="utf-8")
    launcher.chmod(0o755)
    return work


def test_docs_have_runnable_blocks_and_few_skips():
    found = [b for b in blocks() if b.lang in RUNNABLE]
    skipped = [b for b in found if b.skip]
    assert len(found) - len(skipped) >= 8
    assert len(skipped) <= MAX_SKIPPED, [b.name for b in skipped]
    assert all(len(b.skip) > 10 for b in skipped)  # a reason, not a bare marker


@pytest.mark.parametrize("block", runnable())
def test_doc_block_runs(block: Block, workdir: Path, tmp_path: Path):
    if block.skip:
        pytest.skip(block.skip)
    work = tmp_path / "work"
    shutil.copytree(workdir, work, symlinks=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""),
               PATH=str(work / ".venv" / "bin") + os.pathsep + os.environ.get("PATH", ""), COLUMNS="120")
    env.pop("EVENTWIRE_DB", None)
    argv = [sys.executable, "-c", block.code] if block.lang == "python" else ["bash", "-euo", "pipefail", "-c",
                                                                              block.code]
    done = subprocess.run(argv, cwd=work, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{block.name} failed ({done.returncode}):\n{block.code}\n{done.stderr[-3000:]}"
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
