"""bench/synthetic.py: reading the zipped stories, the seeded stratified sample, the figures.

The stories here are invented for the test; the real file stays in ../shared.
"""
from __future__ import annotations

import csv
import importlib.util
import io
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_synthetic", ROOT / "bench" / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)


def write_zip(path: Path, rows: list[dict]) -> Path:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=["disclaimer", "text", "title", "source", "prompt", "label", "mode"])
    writer.writeheader()
    for row in rows:
        writer.writerow({"disclaimer": "invented", "source": "test", **row})
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("stories.csv", buf.getvalue())
    return path


def invented(label: str, i: int, mode: str = "") -> dict:
    return {"text": f"Story {i} about {label.lower()}.", "title": "{country_1} story",
            "prompt": f"Freedonia story {i}\n\n(Test) --", "label": label, "mode": mode}


def test_load_stories_reads_the_zip_in_place(bench, tmp_path):
    path = write_zip(tmp_path / "s.csv.zip", [invented("ASSAULT", 0, "DRONE"), invented("aid", 1)])
    stories = bench.load_stories(path)
    assert [s.id for s in stories] == ["syn-0000", "syn-0001"]
    assert stories[0].mode == "DRONE" and stories[1].mode is None
    assert stories[1].label == "AID"                      # labels are upper-cased
    assert stories[0].title == "Freedonia story 0"        # the filled-in headline, not the template


def test_label_map_is_identity_and_names_what_it_leaves_out(bench):
    mapping, left_out = bench.label_map({"ASSAULT", "AID", "GOSSIP"}, {"ASSAULT", "AID", "AGREE"})
    assert mapping == {"AID": "AID", "ASSAULT": "ASSAULT"}
    assert left_out == ["GOSSIP"]


def test_eventwire_types_are_the_sixteen_plover_types(bench):
    types = bench.eventwire_types()
    assert len(types) == 16 and {"ASSAULT", "CONCEDE", "MOBILIZE"} <= types


def test_stratified_sample_caps_each_label_and_is_seeded(bench):
    stories = [bench.Story(f"syn-{i:04d}", label, None, None, "x")
               for i, label in enumerate(["A"] * 10 + ["B"] * 3 + ["C"] * 7)]
    sample = bench.stratified_sample(stories, {"A", "B"}, per_label=5, seed=7)
    labels = [s.label for s in sample]
    assert labels.count("A") == 5 and labels.count("B") == 3 and "C" not in labels
    assert sample == bench.stratified_sample(list(reversed(stories)), {"A", "B"}, per_label=5, seed=7)
    assert sample != bench.stratified_sample(stories, {"A", "B"}, per_label=5, seed=8)
    # one label's draw does not depend on which other labels are in the sample
    only_a = bench.stratified_sample(stories, {"A"}, per_label=5, seed=7)
    assert only_a == [s for s in sample if s.label == "A"]


def test_figures_count_hits_other_types_and_empty_stories(bench):
    def coded(label, types):
        return bench.Coded(bench.Story("x", label, None, None, "x"), types=list(types))

    fig = bench.figures([coded("AID", ["AID", "AGREE"]), coded("AID", ["AGREE"]), coded("AID", []),
                         coded("ASSAULT", ["ASSAULT"])])
    aid = fig["labels"]["AID"]
    assert (aid["n"], aid["found"], aid["other_only"], aid["no_event"]) == (3, 1, 1, 1)
    assert aid["events_per_story"] == 1.0 and aid["label_share"] == pytest.approx(1 / 3, abs=1e-3)
    assert fig["overall"]["found"] == 2 and fig["overall"]["rate"] == 0.5
    assert fig["overall"]["macro_rate"] == pytest.approx((1 / 3 + 1) / 2, abs=1e-3)


def test_main_skips_cleanly_without_the_data(bench, tmp_path, capsys):
    assert bench.main(["--data", str(tmp_path / "absent.zip")]) == 0
    assert "skipped" in capsys.readouterr().out
