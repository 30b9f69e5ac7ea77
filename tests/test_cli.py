"""The command line: formats, exit codes, help, schema, stdin."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from eventwire.cli import main

STORY = ("Egypt's foreign minister urged Ethiopia on Tuesday to resume talks on the dam.\n"
         "Ethiopia rejected the proposal, officials said.")


@pytest.fixture
def files(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join([json.dumps({"id": "r1", "text": STORY, "published": "2024-01-02"}),
                               "{not json", json.dumps({"id": "r3", "text": STORY})]) + "\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    return {"good": good, "feed": feed, "empty": empty}


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_jsonl_output_and_exit_zero(capsys, files):
    code, out, err = run(capsys, "code", files["good"], "--format", "jsonl", "--published", "2024-01-02")
    assert code == 0
    [doc] = [json.loads(line) for line in out.splitlines()]
    assert doc["id"] == "good" and doc["published"] == "2024-01-02" and doc["events"]


def test_some_failed_exit_one_rest_written(capsys, files):
    code, out, err = run(capsys, "code", files["feed"], files["empty"], "--format", "jsonl", "--quiet")
    docs = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [d["id"] for d in docs] == ["r1", f"{files['feed']}:2", "r3", "empty"]
    assert docs[1]["error"]["kind"] == "bad_json"
    assert docs[3]["error"]["kind"] == "empty"
    assert "events" in docs[0] and "events" in docs[2]
    assert "2 of 4 article(s) failed" in err


def test_usage_error_exit_two(capsys):
    assert main(["code"]) == 2
    assert main(["frobnicate"]) == 2
    assert main(["code", "x.txt", "--format", "yaml"]) == 2


def test_help_everywhere(capsys):
    assert main(["--help"]) == 0
    assert "code" in capsys.readouterr().out
    assert main(["code", "--help"]) == 0
    assert "--published" in capsys.readouterr().out
    assert main(["schema", "--help"]) == 0


def test_csv_has_one_row_per_event(capsys, files):
    code, out, err = run(capsys, "code", files["good"], "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows and {r["article_id"] for r in rows} == {"good"}
    assert {"type", "cameo", "source_code", "target_code", "sentence"} <= set(rows[0])


def test_json_single_document(capsys, files):
    code, out, _ = run(capsys, "code", files["good"], "--format", "json")
    assert code == 0 and json.loads(out)["id"] == "good"


def test_json_lists_removed_lines_with_reasons(capsys, tmp_path):
    import jsonschema

    noisy = tmp_path / "noisy.txt"
    noisy.write_text("Advertisement\n" + STORY + "\nShare this article: Facebook X Email", encoding="utf-8")
    code, out, _ = run(capsys, "code", noisy, "--format", "json")
    doc = json.loads(out)
    assert code == 0 and "Advertisement" not in doc["text"]
    assert doc["metadata"]["removed"] == [
        {"text": "Advertisement", "reason": "site furniture"},
        {"text": "Share this article: Facebook X Email", "reason": "a label and what it labels"}]
    _, schema, _ = run(capsys, "schema")
    jsonschema.validate(doc, json.loads(schema))


def test_table_shows_events_quotes_actors(capsys, files):
    code, out, _ = run(capsys, "code", files["good"], "--format", "table")
    assert code == 0
    for heading in ("Events", "Quotes", "Actors"):
        assert heading in out


def test_schema_command(capsys):
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0 and schema["title"] == "eventwire article"
    assert {"events", "quotes", "actors", "text"} <= set(schema["properties"])


def test_stdin_and_pipe_default_is_jsonl(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "eventwire", "code", "-"], input=STORY.encode(),
                          capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    doc = json.loads(proc.stdout.decode().strip())
    assert doc["source"] == "stdin" and doc["events"]


def test_csv_dates_for_analysts_and_quote_and_actor_tables(capsys, files):
    code, out, _ = run(capsys, "code", files["good"], "--format", "csv", "--published", "2024-03-08")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows
    for r in rows:
        assert len(r["date"]) == 10 and r["date_precision"] in ("day", "week", "month", "year")
    assert any(r["date_text"] == "Tuesday" and r["date"] == "2024-03-05" for r in rows)
    code, out, _ = run(capsys, "code", files["good"], "--format", "csv", "--table", "actors")
    actors = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and {"Egypt", "Ethiopia"} <= {a["name"] for a in actors}
    code, out, _ = run(capsys, "code", files["good"], "--format", "csv", "--table", "quotes")
    assert code == 0 and out.startswith("article_id,sentence_index,speaker_name,speaker_code")


@pytest.mark.parametrize("value", ["11/11/2022", "2022-13-45", "yesterday"])
def test_published_is_checked(capsys, files, value):
    code, _, err = run(capsys, "code", files["good"], "--published", value)
    assert code == 2 and f"--published: {value!r} is not a date; write it YYYY-MM-DD" in err


def test_table_fits_narrow_terminals_without_cutting_words(files):
    env = {"COLUMNS": "80", "PYTHONPATH": str(__import__("pathlib").Path(__file__).parent.parent / "src")}
    out = subprocess.run([sys.executable, "-m", "eventwire", "code", str(files["good"]), "--format", "table",
                          "--published", "2024-01-02"], capture_output=True, text=True, env=env).stdout
    lines = out.splitlines()
    assert lines and max(len(line) for line in lines) <= 80
    cells = {w.strip() for line in lines for w in line.split("│")}
    assert "asserted" in cells  # whole, not folded into "asserte" / "d"
