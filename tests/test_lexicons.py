"""The data-file loaders, and every built-in data file loads."""
from __future__ import annotations

import pytest

from eventwire.lexicons import LexiconError, data_path, load_tsv, load_yaml, read_tsv

DATA = data_path("")


@pytest.mark.parametrize("path", sorted(DATA.glob("*.tsv")), ids=lambda p: p.name)
def test_each_builtin_tsv_loads(path):
    rows = read_tsv(path)
    assert rows, f"{path.name} has no rows"
    columns = set(rows[0]) - {"_where"}
    assert columns and all(set(r) - {"_where"} == columns for r in rows)


@pytest.mark.parametrize("path", sorted(DATA.glob("*.yaml")), ids=lambda p: p.name)
def test_each_builtin_yaml_loads(path):
    data = load_yaml(path.name)
    assert isinstance(data, dict) and data


def test_user_rows_come_after_builtin(tmp_path):
    (tmp_path / "countries.tsv").write_text("code\tkind\ttext\n# mine\nXYZ\tname\tFreedonia\n", encoding="utf-8")
    rows = load_tsv("countries.tsv", ("code", "kind", "text"), [tmp_path])
    assert rows[-1]["text"] == "Freedonia" and rows[-1]["_where"] == "countries.tsv:3"
    assert len(rows) > 1


def test_missing_column_names_file_and_line(tmp_path):
    p = tmp_path / "x.tsv"
    p.write_text("code\ttext\nRUS\tRussia\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"x.tsv:1: missing column\(s\) kind"):
        read_tsv(p, ("code", "kind"))


def test_empty_required_cell_and_extra_cells(tmp_path):
    p = tmp_path / "x.tsv"
    p.write_text("code\tkind\n\tname\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"x.tsv:2: empty 'code'"):
        read_tsv(p, ("code",))
    p.write_text("code\tkind\nRUS\tname\textra\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="3 cells for 2 columns"):
        read_tsv(p)


def test_yaml_user_file_extends_lists(tmp_path):
    (tmp_path / "noise.yaml").write_text("furniture: ['x+']\nsecond_person: [thou]\n", encoding="utf-8")
    merged = load_yaml("noise.yaml", [tmp_path])
    builtin = load_yaml("noise.yaml")
    assert merged["furniture"][-1] == "x+" and len(merged["furniture"]) == len(builtin["furniture"]) + 1
    assert "thou" in merged["second_person"] and "you" in merged["second_person"]


def test_bad_yaml_is_named(tmp_path):
    (tmp_path / "noise.yaml").write_text("furniture: [unclosed\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="noise.yaml"):
        load_yaml("noise.yaml", [tmp_path])


def test_a_key_given_twice_is_an_error_not_a_silent_overwrite(tmp_path):
    (tmp_path / "modality.yaml").write_text("place_preps: [in]\nreport_verbs: [say]\nplace_preps: [at]\n",
                                            encoding="utf-8")
    with pytest.raises(LexiconError, match=r"modality.yaml.*'place_preps' given twice"):
        load_yaml("modality.yaml", [tmp_path])


def test_reporting_verbs_of_a_kind_and_an_unknown_kind():
    from eventwire.quotes import report_verbs
    assert "say" in report_verbs(kinds=("speech",)) and "urge" not in report_verbs(kinds=("speech",))
    with pytest.raises(LexiconError, match="no verb of kind nonsense"):
        report_verbs(kinds=("nonsense",))
