"""The theme classifier: estimator conventions, own codebooks end to end, model cards."""
import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEED
from sklearn.base import clone

from pipeline.classify.codebook import load_codebook
from pipeline.classify.model import LevelClassifier
from pipeline.classify.tagger import ModelError, load_tagger
from pipeline.classify.train import Example, examples_from_table, train

DATA = Path(__file__).parent / "data"
CODEBOOK = DATA / "instruments_codebook.yaml"
LABELS = DATA / "instruments_labels.csv"


def rows():
    with LABELS.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_estimator_follows_scikit_learn_conventions():
    clf = LevelClassifier(codes=("supply", "demand"), cues=(("资金",), ("采购",)), C=2.0)
    assert clone(clf).get_params() == clf.get_params()
    clf.set_params(C=3.0)
    assert clf.C == 3.0 and not hasattr(clf, "classes_")  # __init__ only stores hyperparameters


def test_training_is_deterministic(tmp_path):
    examples = examples_from_table(LABELS)
    texts = [r["text"] for r in rows()]
    first = train(CODEBOOK, examples, held_out=()).models[1].predict_proba(texts)
    second = train(CODEBOOK, examples, held_out=()).models[1].predict_proba(texts)
    assert (first == second).all()


def test_own_codebook_trains_and_tags_end_to_end(tmp_path):
    """A researcher's flat codebook (policy instruments) with 66 labelled items: train with the
    command line, then extract with the new model."""
    model = tmp_path / "instruments-model"
    result = subprocess.run([sys.executable, "-m", "pipeline", "train", "--codebook", CODEBOOK, "--labels", LABELS,
                             "-o", model], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    card = json.loads((model / "card.json").read_text(encoding="utf-8"))
    assert card["codebook"] == "instruments" and card["cross_validated"]["1"]["n"] == 66
    out = subprocess.run([sys.executable, "-m", "pipeline", "extract", SEED, "--model", model],
                         cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["themes_model"] == card["model_id"]
    codes = {t["code"] for it in doc["items"] for t in it["themes"]}
    assert codes and codes <= {"supply", "demand", "environment"}
    assert all(it["themes"][0]["level"] == 1 for it in doc["items"])


def test_cross_validated_accuracy_beats_chance_on_own_codebook():
    tagger = train(CODEBOOK, examples_from_table(LABELS), held_out=())
    assert tagger.card["cross_validated"]["1"]["cv_accuracy"] > 0.5  # three balanced codes: chance is 1/3


def test_codebook_with_cues_but_no_labels_still_tags_and_says_so(tmp_path):
    tagger = train(CODEBOOK, [], held_out=())
    assert tagger.card["cue_only_levels"] == [1]
    from pipeline import extract_file

    doc = extract_file(SEED, tagger=tagger)
    assert any("cue terms only" in w for w in doc.warnings)
    assert all(it.themes for it in doc.items)


def test_labels_with_unknown_codes_are_refused():
    with pytest.raises(ValueError, match="codes that the codebook lacks"):
        train(CODEBOOK, [Example("x", "1", 1, "nonsense", (), "加大财政资金支持")], held_out=())


def test_model_from_other_library_versions_is_refused(tmp_path):
    tagger = train(CODEBOOK, examples_from_table(LABELS), held_out=())
    tagger.card["versions"]["scikit-learn"] = "0.1.0"
    tagger.save(tmp_path / "old")
    with pytest.raises(ModelError, match="scikit-learn 0.1.0"):
        load_tagger(tmp_path / "old")


def test_shipped_model_tags_every_item_at_both_levels_for_an_education_plan(seed_doc):
    tagger = load_tagger()
    doc = tagger.tag(seed_doc)
    assert all({t.level for t in it.themes} == {1, 2} for it in doc.items)
    for item in doc.items:
        scores = [t.score for t in item.themes if t.level == 1]
        assert scores == sorted(scores, reverse=True) and 0 < scores[0] <= 1
    codebook = load_codebook(ROOT / "models" / "codebooks" / "default.yaml")
    level2 = {c.code for c in codebook.level(2).codes}
    assert {t.code for it in doc.items for t in it.themes if t.level == 2} <= level2


def test_level_two_is_not_applied_outside_its_domain():
    from pipeline import extract_file

    doc = extract_file(ROOT / "corpus" / "raw" / "004_forest_fire_notice.txt")
    assert doc.items and all({t.level for t in it.themes} == {1} for it in doc.items)
