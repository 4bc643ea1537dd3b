"""`make train`: the theme model from the hand-written labels in corpus/labels/.

Labels name items by document and item id (plus a hash of the item's text, checked here), so
that the text of the government work reports stays in ../shared and is read at training time.
Held-out documents never enter training: they are scored by `make eval`.
"""
from __future__ import annotations

import argparse
import csv
import datetime
import hashlib
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipeline.classify.codebook import Codebook, load_codebook
from pipeline.classify.model import LevelClassifier
from pipeline.classify.tagger import DEFAULT_MODEL, ThemeTagger, library_versions
from pipeline.reports import REPORTS_JSONL, report_files

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CODEBOOK = ROOT / "models" / "codebooks" / "default.yaml"
# Never trained on: one report year for level 1, one whole education notice for level 2.
HELD_OUT = {"report_2019", "103_city_education_sports_points_2024"}


@dataclass(frozen=True)
class Example:
    doc: str
    item_id: str
    level: int
    code: str
    secondary: tuple[str, ...]
    text: str


def _doc_texts(doc: str, raw_dir: Path, reports: dict[int, Path]) -> dict[str, str] | None:
    """item id → text for one labelled document, parsed by the pipeline's own structure stage."""
    from pipeline.ingest import ingest
    from pipeline.structure import parse_document

    if doc.startswith("report_"):
        path = reports.get(int(doc.split("_")[1]))
    else:
        from pipeline.ingest import SUPPORTED

        path = next((p for p in sorted(raw_dir.glob(f"{doc}.*")) if p.suffix.lower() in SUPPORTED), None)
    if path is None or not path.exists():
        return None
    text, ingested = ingest(path)
    return {item.id: item.text for item in parse_document(text, ingested.source).items}


def load_examples(labels_dir: Path, raw_dir: Path, reports_jsonl: Path = REPORTS_JSONL,
                  warn=lambda m: print(m, file=sys.stderr)) -> list[Example]:
    """Labelled items with their texts; rows whose text is missing or changed are skipped loudly."""
    # labels from `zhengce corrections import` (labels_dir/corrections/) replace the labels of
    # the same item and level written elsewhere
    by_key: dict[tuple[str, str, str], dict] = {}
    for path in [*sorted(labels_dir.glob("*.csv")), *sorted(labels_dir.glob("corrections/*.csv"))]:
        with path.open(encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                by_key[(row["doc"], row["item_id"], row["level"])] = row
    rows_by_doc: dict[str, list[dict]] = defaultdict(list)
    for (doc, _, _), row in by_key.items():
        rows_by_doc[doc].append(row)
    examples = []
    with tempfile.TemporaryDirectory() as tmp:
        reports = report_files(reports_jsonl, Path(tmp)) if reports_jsonl.exists() else {}
        for doc, rows in sorted(rows_by_doc.items()):
            texts = _doc_texts(doc, raw_dir, reports)
            if texts is None:
                warn(f"labels: {doc}: document not available here, {len(rows)} labels skipped")
                continue
            stale = 0
            for row in rows:
                text = texts.get(row["item_id"])
                if text is None or hashlib.sha1(text.encode()).hexdigest()[:10] != row["text_sha1"]:
                    stale += 1
                    continue
                secondary = tuple(c for c in (row.get("secondary") or "").split("|") if c)
                examples.append(Example(doc, row["item_id"], int(row["level"]), row["code"], secondary, text))
            if stale:
                warn(f"labels: {doc}: {stale} labels name an item whose text changed or vanished; skipped")
    return examples


def data_hash(examples: list[Example]) -> str:
    digest = hashlib.sha256()
    for e in sorted(examples, key=lambda e: (e.doc, e.item_id, e.level)):
        digest.update(f"{e.doc}\t{e.item_id}\t{e.level}\t{e.code}\t{'|'.join(e.secondary)}\t{e.text}\n".encode())
    return digest.hexdigest()


def level_classifier(codebook: Codebook, level: int) -> LevelClassifier:
    spec = codebook.level(level)
    return LevelClassifier(codes=tuple(c.code for c in spec.codes), cues=tuple(c.cues for c in spec.codes))


def cross_validate(codebook: Codebook, level: int, examples: list[Example], folds: int = 5):
    """Out-of-fold scores, documents kept whole within a fold (a model never sees the document
    it is scored on). Returns (examples, probability rows, classes)."""
    from sklearn.model_selection import GroupKFold, StratifiedKFold

    data = [e for e in examples if e.level == level]
    groups = [e.doc for e in data]
    clf = level_classifier(codebook, level)
    proba = np.zeros((len(data), len(clf.codes)))
    if len(set(groups)) >= 3:
        splits = GroupKFold(n_splits=min(folds, len(set(groups)))).split(data, groups=groups)
    else:
        # labels without documents (a researcher's text,code table): stratified folds of items
        counts = Counter(e.code for e in data)
        n = min(folds, min(counts.values())) if counts else 0
        if n < 2 or len(counts) < 2:
            return data, None, clf.codes
        splits = StratifiedKFold(n_splits=n, shuffle=True, random_state=0).split(data, [e.code for e in data])
    for train, test in splits:
        model = level_classifier(codebook, level).fit([data[i].text for i in train], [data[i].code for i in train])
        proba[test] = model.predict_proba([data[i].text for i in test])
    return data, proba, clf.codes


def choose_threshold(data: list[Example], proba, classes) -> float:
    """The secondary-theme threshold that maximises F1 of the secondary codes out of fold."""
    best, best_f1 = 0.5, -1.0
    for threshold in np.arange(0.10, 0.65, 0.05):
        tp = fp = fn = 0
        for e, row in zip(data, proba, strict=True):
            order = np.argsort(-row, kind="stable")
            picked = {classes[j] for j in order[1:3] if row[j] >= threshold}
            wanted = set(e.secondary)
            tp += len(picked & wanted)
            fp += len(picked - wanted)
            fn += len(wanted - picked)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best_f1:
            best, best_f1 = float(round(threshold, 2)), f1
    return best


def examples_from_table(path: Path, docs: Path | None = None) -> list[Example]:
    """A researcher's labels: CSV with `text,code` (optional `level`, `secondary`), or
    `doc_id,item_id,code` resolved against a folder of extracted documents (`--docs`)."""
    import json

    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        raise ValueError("no labelled rows")
    examples = []
    cache: dict[str, dict[str, str]] = {}
    for number, row in enumerate(rows, start=2):
        if "code" not in row or not row["code"]:
            raise ValueError(f"line {number}: no code")
        secondary = tuple(c for c in (row.get("secondary") or "").split("|") if c)
        level = int(row.get("level") or 1)
        if row.get("text"):
            examples.append(Example(path.stem, str(number), level, row["code"], secondary, row["text"]))
            continue
        if not docs or not row.get("doc_id") or not row.get("item_id"):
            raise ValueError(f"line {number}: needs text, or doc_id and item_id with --docs")
        if row["doc_id"] not in cache:
            doc = json.loads((docs / f"{row['doc_id']}.json").read_text(encoding="utf-8"))
            cache[row["doc_id"]] = {it["id"]: it["text"] for it in doc["items"]}
        text = cache[row["doc_id"]].get(row["item_id"])
        if text is None:
            raise ValueError(f"line {number}: {row['doc_id']} has no item {row['item_id']}")
        examples.append(Example(row["doc_id"], row["item_id"], level, row["code"], secondary, text))
    return examples


def train(codebook_path: Path, examples: list[Example], held_out=HELD_OUT) -> ThemeTagger:
    codebook = load_codebook(codebook_path)
    known = {c.code for lv in codebook.levels for c in lv.codes}
    unknown = sorted({e.code for e in examples} - known)
    if unknown:
        raise ValueError(f"labels use codes that the codebook lacks: {unknown}")
    train_set = [e for e in examples if e.doc not in held_out]
    models, thresholds, scores = {}, {}, {}
    for spec in codebook.levels:
        data, proba, classes = cross_validate(codebook, spec.level, train_set)
        if proba is not None:
            predicted = [classes[int(np.argmax(row))] for row in proba]
            accuracy = float(np.mean([p == e.code for p, e in zip(predicted, data, strict=True)]))
            thresholds[spec.level] = choose_threshold(data, proba, classes)
            scores[str(spec.level)] = {"cv_accuracy": round(accuracy, 4), "n": len(data)}
        else:
            thresholds[spec.level] = 1.0
        level_data = [e for e in train_set if e.level == spec.level]
        models[spec.level] = level_classifier(codebook, spec.level).fit(
            [e.text for e in level_data], [e.code for e in level_data])
    counts = {str(lv): dict(sorted(Counter(e.code for e in train_set if e.level == lv).items()))
              for lv in sorted({e.level for e in train_set})}
    card = {
        "model_id": f"themes-{data_hash(train_set)[:8]}-{codebook.sha256[:8]}",
        "codebook": codebook.name, "codebook_file": codebook_path.name, "codebook_sha256": codebook.sha256,
        "training_data_sha256": data_hash(train_set), "training_items": counts,
        "held_out_documents": sorted(held_out), "versions": library_versions(),
        "cross_validated": scores, "secondary_thresholds": {str(k): v for k, v in thresholds.items()},
        "cue_only_levels": [lv for lv, m in models.items() if m.cue_only],
        "date": datetime.date.today().isoformat(),
    }
    return ThemeTagger(codebook, models, thresholds, card, codebook_path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train the theme model from hand-written labels.")
    parser.add_argument("--codebook", type=Path, default=DEFAULT_CODEBOOK)
    parser.add_argument("--labels", type=Path, default=ROOT / "corpus" / "labels")
    parser.add_argument("--raw", type=Path, default=ROOT / "corpus" / "raw")
    parser.add_argument("-o", "--out", type=Path, default=DEFAULT_MODEL)
    args = parser.parse_args(argv)
    examples = load_examples(args.labels, args.raw)
    tagger = train(args.codebook, examples)
    tagger.save(args.out)
    card = tagger.card
    labels = sum(n for per_level in card["training_items"].values() for n in per_level.values())
    print(f"trained {card['model_id']} on {labels} labels; "
          f"cross-validated: {card['cross_validated']}; written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
