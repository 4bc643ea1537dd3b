"""Corrections round-trip: export an extraction as CSV, correct it, import it as gold and labels
that `make eval` scores and `make train` learns."""
from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from conftest import SEED

from pipeline.corrections import export_rows, import_corrections, read_corrections, write_csv
from pipeline.dataset import document_to_dict
from pipeline.errors import InputError
from pipeline.evaluate import Tally, score_extractions


@pytest.fixture(scope="module")
def seed_dict(seed_doc):
    return document_to_dict(seed_doc)


def _project(tmp_path, seed_dict, edit=lambda rows: rows):
    """A researcher's folder: the notice under corpus/raw and its corrected CSV."""
    raw = tmp_path / "corpus" / "raw"
    raw.mkdir(parents=True)
    shutil.copy(SEED, raw / SEED.name)
    rows = edit(export_rows(seed_dict, f"corpus/raw/{SEED.name}"))
    path = tmp_path / "corrections.csv"
    path.write_text(write_csv(rows), encoding="utf-8")
    return path


def _score(gold: dict, pred: dict) -> Tally:
    tally = Tally()
    score_extractions(gold, pred, tally, [])
    return tally


def test_uncorrected_export_is_gold_that_the_extraction_matches(tmp_path, seed_dict):
    path = _project(tmp_path, seed_dict)
    written = import_corrections(path, tmp_path / "gold", tmp_path / "labels", root=tmp_path)
    gold = json.loads(written[0].read_text(encoding="utf-8"))
    assert gold["source"] == f"corpus/raw/{SEED.name}"
    assert [it["id"] for it in gold["items"]] == [it["id"] for it in seed_dict["items"]]
    tally = _score(gold, seed_dict)
    for name in ("numbers", "targets", "projects", "actions (verb)"):
        assert tally.right[f"{name}.tp"] == tally.total[f"{name}.gold"] == tally.total[f"{name}.found"] > 0


def test_a_deleted_row_and_an_added_row_become_the_gold(tmp_path, seed_dict):
    first_target = next(r for r in export_rows(seed_dict, "x") if r["entity"] == "target")

    def edit(rows):
        rows = [r for r in rows if not (r["entity"] == "target" and r["text"] == first_target["text"])]
        rows.append({"source": rows[0]["source"], "item_id": "1.1.1", "entity": "project",
                     "name": "党史学习教育", "kind": "programme"})
        return rows

    path = _project(tmp_path, seed_dict, edit)
    gold = json.loads(import_corrections(path, tmp_path / "gold", tmp_path / "labels", root=tmp_path)[0]
                      .read_text(encoding="utf-8"))
    item = next(it for it in gold["items"] if it["id"] == "1.1.1")
    assert {"name": "党史学习教育", "kind": "programme", "status": None} in item["projects"]
    tally = _score(gold, seed_dict)
    # the extraction now has one target too many and misses the added project
    assert tally.total["targets.found"] == tally.total["targets.gold"] + 1
    assert tally.right["projects.tp"] == tally.total["projects.gold"] - 1


def test_theme_rows_become_labels_that_training_reads(tmp_path, seed_dict):
    from pipeline.classify.train import load_examples

    def edit(rows):
        for r in rows:
            if r["entity"] == "theme" and r["item_id"] == "1.1.1" and str(r["level"]) == "1":
                r["code"] = "6"
        return rows

    path = _project(tmp_path, seed_dict, edit)
    written = import_corrections(path, tmp_path / "gold", tmp_path / "labels", root=tmp_path)
    assert written[1] == tmp_path / "labels" / "corrections" / f"{SEED.stem}.csv"
    examples = load_examples(tmp_path / "labels", tmp_path / "corpus" / "raw", reports_jsonl=tmp_path / "none")
    corrected = [e for e in examples if e.item_id == "1.1.1" and e.level == 1]
    assert [e.code for e in corrected] == ["6"]
    assert corrected[0].text == next(it["text"] for it in seed_dict["items"] if it["id"] == "1.1.1")


def test_corrections_merge_into_an_existing_gold_file(tmp_path, seed_dict):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    existing = {"source": f"corpus/raw/{SEED.name}", "split": "heldout", "annotated": ["meta"],
                "meta": {"doc_number": "青黄教工委〔2021〕1号"}, "items": []}
    (gold_dir / f"{SEED.stem}.json").write_text(json.dumps(existing, ensure_ascii=False), encoding="utf-8")
    path = _project(tmp_path, seed_dict, lambda rows: [r for r in rows if r["item_id"] == "1.1.1"])
    gold = json.loads(import_corrections(path, gold_dir, tmp_path / "labels", root=tmp_path)[0]
                      .read_text(encoding="utf-8"))
    assert gold["split"] == "heldout" and gold["meta"] == existing["meta"]
    assert gold["annotated"][0] == "meta" and "targets" in gold["annotated"]
    assert [it["id"] for it in gold["items"]] == ["1.1.1"]


@pytest.mark.parametrize("edit, reason", [
    (lambda r: r.update(entity="targt"), "unknown entity"),
    (lambda r: r.update(entity="target", comparator="at least"), "comparator"),
    (lambda r: r.update(entity="number", value="五十", kind="quantity"), "not a number"),
])
def test_a_malformed_row_is_named_and_nothing_is_written(tmp_path, seed_dict, edit, reason):
    def corrupt(rows):
        edit(rows[1])
        return rows

    path = _project(tmp_path, seed_dict, corrupt)
    with pytest.raises(InputError) as error:
        import_corrections(path, tmp_path / "gold", tmp_path / "labels", root=tmp_path)
    assert "line 3" in str(error.value) and reason in str(error.value)
    assert not (tmp_path / "gold").exists()


def test_an_unknown_item_id_is_refused(tmp_path, seed_dict):
    def add(rows):
        return [*rows, {"source": rows[0]["source"], "item_id": "9.9.9", "entity": "item"}]

    path = _project(tmp_path, seed_dict, add)
    with pytest.raises(InputError, match="9.9.9"):
        import_corrections(path, tmp_path / "gold", tmp_path / "labels", root=tmp_path)


def test_the_csv_opens_in_a_spreadsheet_reader(seed_dict):
    text = write_csv(export_rows(seed_dict, "corpus/raw/x.txt"))
    assert text.startswith("\ufeff")  # Excel reads UTF-8 only with it
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert {r["entity"] for r in rows} == {"item", "number", "target", "project", "action", "theme"}
    assert sum(r["entity"] == "item" for r in rows) == len(seed_dict["items"])


def test_read_corrections_refuses_two_documents(tmp_path, seed_dict):
    rows = export_rows(seed_dict, "a.txt")[:3] + export_rows(seed_dict, "b.txt")[:3]
    path = tmp_path / "c.csv"
    path.write_text(write_csv(rows), encoding="utf-8")
    with pytest.raises(InputError, match="one CSV per document"):
        read_corrections(path)


def test_command_line_round_trip(tmp_path):
    import subprocess
    import sys

    from conftest import ROOT

    def run(*args):
        return subprocess.run([sys.executable, "-m", "pipeline", "corrections", *map(str, args)], cwd=ROOT,
                              capture_output=True, text=True, encoding="utf-8")

    csv_path = tmp_path / "c.csv"
    result = run("export", f"corpus/raw/{SEED.name}", "-o", csv_path)
    assert result.returncode == 0, result.stderr
    result = run("import", csv_path, "--gold", tmp_path / "gold", "--labels", tmp_path / "labels")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "gold" / f"{SEED.stem}.json").exists()
    bad = tmp_path / "bad.csv"
    bad.write_text("source,item_id,entity\nx.txt,1,item\n", encoding="utf-8")
    result = run("import", bad, "--gold", tmp_path / "gold2", "--labels", tmp_path / "labels2")
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "bad.csv" in result.stderr
    assert not (tmp_path / "gold2").exists()
