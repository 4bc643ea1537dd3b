"""Corrections round-trip: an extracted document as a CSV a researcher can correct in a
spreadsheet, and the corrected CSV back as gold (`corpus/gold/<stem>.json`, scored by `make eval`)
and as theme labels (`corpus/labels/corrections/<stem>.csv`, learned by `make train`, overriding other labels of the
same items).

One row per extraction (`entity` = number, target, project, action or theme) and one `item` row
per item, so that an item with nothing extracted can still be reviewed. To correct: fix a field,
delete a wrong row, add a row for something missed (copy the item's `item` row and fill `entity`
and the fields). Every item that keeps its `item` row counts as reviewed: its lists in the gold
are exactly the rows left for it.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

from pipeline.errors import InputError

ENTITIES = ("number", "target", "project", "action", "theme")
# the fields each entity keeps in the gold (corpus/gold/README.md) or in the labels
FIELDS = {
    "number": ("text", "value", "unit", "kind"),
    "target": ("text", "indicator", "value", "value_max", "unit", "comparator", "deadline"),
    "project": ("name", "kind", "status"),
    "action": ("verb", "object", "category"),
    "theme": ("level", "code", "secondary"),
}
COLUMNS = ("source", "item_id", "entity", "text", "value", "value_max", "unit", "kind", "indicator",
           "comparator", "deadline", "name", "status", "verb", "object", "category", "level", "code",
           "secondary", "label", "score", "rule", "item_text")
_LISTS = {"number": "numbers", "target": "targets", "project": "projects", "action": "actions"}
_CHOICES = {
    ("number", "kind"): {"quantity", "percent", "money", "year", "date", "year_range", "ordinal", "duration",
                         "plan_period", "formulation", "code"},
    ("target", "comparator"): {"eq", "ge", "gt", "le", "lt", "approx", "range"},
    ("project", "kind"): {"document", "programme", "formulation", "facility", "event", "organization"},
    ("project", "status"): {"", "planned", "existing"},
    ("action", "category"): {"plan", "build", "strengthen", "implement", "organise", "supervise", "support",
                             "other"},
    ("theme", "level"): {"1", "2"},
}


def export_rows(doc: dict, source: str) -> list[dict]:
    """The rows of the corrections CSV for one extracted document (a `document_to_dict` dict)."""
    rows = []
    for item in doc["items"]:
        base = {"source": source, "item_id": item["id"]}
        rows.append({**base, "entity": "item", "item_text": item["text"]})
        for entity, key in _LISTS.items():
            for x in item[key]:
                rows.append({**base, "entity": entity, **{f: _cell(x.get(f)) for f in FIELDS[entity]},
                             "rule": x.get("rule", "")})
        for t in item["themes"]:
            rows.append({**base, "entity": "theme", "level": t["level"], "code": t["code"],
                         "secondary": "", "label": t.get("label", ""), "score": t.get("score", "")})
    return rows


def write_csv(rows: list[dict]) -> str:
    """CSV text starting with a byte-order mark, so that spreadsheet programs read the Chinese."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return "\ufeff" + buffer.getvalue()


def _cell(value) -> str:
    return "" if value is None else str(value)


def read_corrections(path: Path) -> tuple[str, list[dict]]:
    """(source, rows) of a corrected CSV; InputError naming the line for anything malformed."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(str(path), f"cannot read corrections: {exc}") from exc
    if not rows:
        raise InputError(str(path), "no rows")
    missing = {"source", "item_id", "entity"} - set(rows[0])
    if missing:
        raise InputError(str(path), f"missing columns {sorted(missing)}")
    sources = {r["source"] for r in rows}
    if len(sources) != 1:
        raise InputError(str(path), f"rows of several documents ({len(sources)}); one CSV per document")
    for line, row in enumerate(rows, start=2):
        entity = row["entity"]
        if entity != "item" and entity not in ENTITIES:
            raise InputError(str(path), f"line {line}: unknown entity {entity!r} (item, {', '.join(ENTITIES)})")
        for (kind, field), allowed in _CHOICES.items():
            if entity == kind and (row.get(field) or "") not in allowed:
                raise InputError(str(path), f"line {line}: {field} {row.get(field)!r} is not one of {sorted(allowed)}")
        for field in ("value", "value_max"):
            if entity in ("number", "target") and row.get(field) and _number(row[field]) is None:
                raise InputError(str(path), f"line {line}: {field} {row[field]!r} is not a number")
    return sources.pop(), rows


def _number(text: str) -> float | int | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return int(value) if value.is_integer() else value


def _deadline(text: str):
    return None if not text else int(text) if text.isdigit() else text


def to_gold(rows: list[dict], source: str, item_texts: dict[str, str], split: str = "tune") -> dict:
    """The gold file (corpus/gold format) of the reviewed items: those with an `item` row."""
    reviewed = list(dict.fromkeys(r["item_id"] for r in rows if r["entity"] == "item"))
    unknown = [i for i in dict.fromkeys(r["item_id"] for r in rows) if i not in item_texts]
    if unknown:
        raise ValueError(f"item ids not in the document: {', '.join(unknown[:5])}")
    kinds = sorted({r["entity"] for r in rows} & set(_LISTS), key=list(_LISTS).index)
    items = []
    for item_id in reviewed:
        item = {"id": item_id, "text": item_texts[item_id]}
        for entity in _LISTS:
            item[_LISTS[entity]] = [_gold_entry(entity, r) for r in rows
                                    if r["item_id"] == item_id and r["entity"] == entity]
        items.append(item)
    # every entity kind is annotated once the researcher has reviewed the rows: an item without
    # a number row then means "no numbers here"
    annotated = [_LISTS[e] for e in _LISTS] if kinds or reviewed else []
    return {"source": source, "split": split, "annotated": annotated,
            "actions_items": reviewed, "items": items,
            "note": "written from a corrections CSV (zhengce corrections import); reviewed by a person"}


def merge_gold(old: dict, new: dict) -> dict:
    """Corrections of some items into an existing gold file: the reviewed items' lists are
    replaced, everything else (meta, outline, other items, the split) is kept."""
    merged = dict(old)
    items = {it["id"]: dict(it) for it in old.get("items", [])}
    for item in new["items"]:
        items[item["id"]] = {**items.get(item["id"], {}), **item}
    merged["items"] = list(items.values())
    merged["annotated"] = list(dict.fromkeys([*old.get("annotated", []), *new["annotated"]]))
    merged["actions_items"] = list(dict.fromkeys([*old.get("actions_items", []), *new["actions_items"]]))
    return merged


def _gold_entry(entity: str, row: dict) -> dict:
    entry = {}
    for field in FIELDS[entity]:
        text = row.get(field) or ""
        if field in ("value", "value_max"):
            entry[field] = _number(text) if text else None
        elif field == "deadline":
            entry[field] = _deadline(text)
        else:
            entry[field] = text or None
    return entry


def to_labels(rows: list[dict], doc_name: str, item_texts: dict[str, str]) -> list[dict]:
    """Theme rows as labels in the corpus/labels format (the item text pinned by its hash, so a
    later change of the parser skips the label loudly instead of training on another text)."""
    labels = []
    for row in rows:
        if row["entity"] != "theme":
            continue
        text = item_texts[row["item_id"]]
        labels.append({"doc": doc_name, "item_id": row["item_id"],
                       "text_sha1": hashlib.sha1(text.encode()).hexdigest()[:10],
                       "level": row["level"], "code": row["code"], "secondary": row.get("secondary") or ""})
    return labels


def item_texts(path: Path) -> dict[str, str]:
    """item id → text of the document, by the pipeline's structure stage (no extraction)."""
    from pipeline.ingest import ingest
    from pipeline.structure import parse_document

    text, ingested = ingest(path)
    return {item.id: item.text for item in parse_document(text, ingested.source).items}


def import_corrections(csv_path: Path, gold_dir: Path, labels_dir: Path, root: Path = Path("."),
                       split: str = "tune") -> list[Path]:
    """Write `<gold_dir>/<stem>.json` (merged into an existing one) and, when the CSV has theme
    rows, `<labels_dir>/corrections/<stem>.csv`. Nothing is written unless the whole CSV is valid."""
    from pipeline.dataset import write_text_atomic

    source, rows = read_corrections(csv_path)
    doc_path = Path(source) if Path(source).is_absolute() else root / source
    if not doc_path.exists():
        raise InputError(str(csv_path), f"the document {source} is not there (run from the folder it is relative to)")
    texts = item_texts(doc_path)
    try:
        gold = to_gold(rows, source, texts, split)
    except ValueError as exc:
        raise InputError(str(csv_path), str(exc)) from exc
    stem = Path(source).stem
    labels = to_labels(rows, stem, texts)
    written = [gold_dir / f"{stem}.json"]
    if written[0].exists():
        gold = merge_gold(json.loads(written[0].read_text(encoding="utf-8")), gold)
    gold_dir.mkdir(parents=True, exist_ok=True)
    write_text_atomic(written[0], json.dumps(gold, ensure_ascii=False, indent=1) + "\n")
    if labels:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(labels[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(labels)
        (labels_dir / "corrections").mkdir(parents=True, exist_ok=True)
        written.append(labels_dir / "corrections" / f"{stem}.csv")
        write_text_atomic(written[1], buffer.getvalue())
    return written
