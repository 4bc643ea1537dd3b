"""The dataset: a document as the JSON of the output contract, and one table per entity."""
from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from pipeline.types import Document, Heading, Item

SCHEMA_VERSION = "1"
LIST_SEPARATOR = "|"  # lists inside a CSV cell: 区教育局|区财政局

# Columns of each table, so that an empty table still has its header.
TABLE_COLUMNS: dict[str, list[str]] = {
    "documents": ["doc_id", "path", "format", "encoding", "pages", "sha256", "issuer_mark", "doc_number",
                  "doc_number_prefix", "doc_number_year", "doc_number_serial", "issuers", "title", "doc_type",
                  "recipients", "signatories", "date", "plan_title", "plan_year", "attachments", "cc",
                  "printed_by", "printed_date", "n_items", "warnings"],
    "items": ["doc_id", "item_id", "marker", "path", "section_path", "level1_title", "level2_title", "lead",
              "text", "span_start", "span_end", "responsible"],
    "targets": ["doc_id", "item_id", "section_path", "text", "indicator", "value", "value_max", "unit",
                "comparator", "deadline", "deadline_year", "span_start", "span_end", "rule"],
    "actions": ["doc_id", "item_id", "section_path", "verb", "object", "category", "text", "span_start",
                "span_end", "rule"],
    "numbers": ["doc_id", "item_id", "section_path", "text", "value", "unit", "kind", "scalar", "span_start",
                "span_end", "rule"],
    "projects": ["doc_id", "item_id", "section_path", "name", "kind", "status", "span_start", "span_end", "rule"],
    "themes": ["doc_id", "item_id", "section_path", "level", "code", "label", "score", "rank"],
}


def document_to_dict(doc: Document) -> dict:
    """The document JSON of the output contract (schema_version "1")."""
    source = dataclasses.asdict(doc.source)
    meta = dataclasses.asdict(doc.meta)
    number = doc.meta.doc_number
    meta["doc_number"] = number.text if number else None
    meta["doc_number_parts"] = (
        {"prefix": number.prefix, "year": number.year, "serial": number.serial} if number else None
    )
    return {
        "schema_version": SCHEMA_VERSION,
        "doc_id": doc.doc_id,
        "source": source,
        "meta": _lists(meta),
        "preamble": doc.preamble,
        "preamble_targets": _lists([_as_dict(t) for t in doc.preamble_targets]),
        "outline": [_heading(h) for h in doc.outline],
        "items": [_item(it) for it in doc.items],
        "text": doc.text,
        "warnings": list(doc.warnings),
        "themes_model": doc.themes_model,
    }


def _lists(value):
    """Tuples of the frozen model become JSON lists, recursively."""
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_lists(v) for v in value]
    return value


def _heading(h: Heading) -> dict:
    return {"id": h.id, "level": h.level, "marker": h.marker, "title": h.title, "span": list(h.span),
            "children": [_heading(c) for c in h.children]}


def _item(it: Item) -> dict:
    return {
        "id": it.id, "marker": it.marker, "path": list(it.path), "section_titles": list(it.section_titles),
        "lead": it.lead, "text": it.text, "span": list(it.span), "responsible": list(it.responsible),
        "themes": _lists([_as_dict(t) for t in it.themes]), "actions": _lists([_as_dict(a) for a in it.actions]),
        "targets": _lists([_as_dict(t) for t in it.targets]), "numbers": _lists([_as_dict(n) for n in it.numbers]),
        "projects": _lists([_as_dict(p) for p in it.projects]),
    }


def _as_dict(obj) -> dict:
    return dataclasses.asdict(obj) if dataclasses.is_dataclass(obj) else dict(obj)


def _join(values: Iterable) -> str:
    return LIST_SEPARATOR.join(str(v) for v in values)


def table_rows(docs: list[dict]) -> dict[str, list[dict]]:
    """Rows of every table from document dicts (one row per entity, keyed by doc_id and item_id)."""
    rows: dict[str, list[dict]] = {name: [] for name in TABLE_COLUMNS}
    for d in docs:
        m, s = d["meta"], d["source"]
        parts = m["doc_number_parts"] or {}
        rows["documents"].append({
            "doc_id": d["doc_id"], "path": s["path"], "format": s["format"], "encoding": s["encoding"],
            "pages": s["pages"], "sha256": s["sha256"], "issuer_mark": m["issuer_mark"],
            "doc_number": m["doc_number"], "doc_number_prefix": parts.get("prefix"),
            "doc_number_year": parts.get("year"), "doc_number_serial": parts.get("serial"),
            "issuers": _join(m["issuers"]), "title": m["title"], "doc_type": m["doc_type"],
            "recipients": _join(m["recipients"]), "signatories": _join(m["signatories"]), "date": m["date"],
            "plan_title": m["plan_title"], "plan_year": m["plan_year"], "attachments": _join(m["attachments"]),
            "cc": _join(m["cc"]), "printed_by": m["printed_by"], "printed_date": m["printed_date"],
            "n_items": len(d["items"]), "warnings": _join(d["warnings"]),
        })
        # a goal the preamble states is a target of no item: its row has no item_id
        for entity in d.get("preamble_targets", []):
            rows["targets"].append(_target_row({"doc_id": d["doc_id"], "item_id": None, "section_path": ""}, entity))
        for it in d["items"]:
            titles = it["section_titles"]
            key = {"doc_id": d["doc_id"], "item_id": it["id"], "section_path": " > ".join(titles)}
            rows["items"].append({
                "doc_id": d["doc_id"], "item_id": it["id"], "marker": it["marker"], "path": "".join(it["path"]),
                "section_path": key["section_path"], "level1_title": titles[0] if titles else None,
                "level2_title": titles[1] if len(titles) > 1 else None, "lead": it["lead"], "text": it["text"],
                "span_start": it["span"][0], "span_end": it["span"][1], "responsible": _join(it["responsible"]),
            })
            rows["targets"] += [_target_row(key, entity) for entity in it["targets"]]
            for name in ("actions", "numbers", "projects"):
                for entity in it[name]:
                    row = {**key, **{k: v for k, v in entity.items() if k != "span"}}
                    row["span_start"], row["span_end"] = entity["span"]
                    rows[name].append(row)
            for rank, theme in enumerate(it["themes"], start=1):
                rows["themes"].append({**key, **theme, "rank": rank})
    return rows


def _target_row(key: dict, entity: dict) -> dict:
    row = {**key, **{k: v for k, v in entity.items() if k != "span"}}
    row["span_start"], row["span_end"] = entity["span"]
    # a deadline is a year (2025) or a date ('2024-06-30'): one text column for every table reader,
    # plus the year as a number
    deadline = entity["deadline"]
    row["deadline"] = None if deadline is None else str(deadline)
    row["deadline_year"] = None if deadline is None else int(str(deadline)[:4])
    return row


def tables(docs: list[dict]) -> dict:
    """Every table as a pandas DataFrame with the columns of the data dictionary, in order:
    `tables([document_to_dict(extract_file(p))])["targets"]`."""
    import pandas as pd  # imported late: stdout mode does not need it

    frames = {}
    for name, rows in table_rows(docs).items():
        frame = pd.DataFrame(rows, columns=TABLE_COLUMNS[name])
        if name not in ("documents",) and not rows:
            frame = frame.astype("string")
        frames[name] = frame
    return frames


def write_tables(docs: list[dict], out_dir: Path) -> None:
    """CSV (UTF-8 with BOM, for spreadsheet programs) and Parquet per table, plus items.jsonl."""
    for name, frame in tables(docs).items():
        write_atomic(out_dir / f"{name}.csv", lambda f, fr=frame: fr.to_csv(f, index=False, encoding="utf-8-sig"))
        write_atomic(out_dir / f"{name}.parquet", lambda f, fr=frame: fr.to_parquet(f, index=False))
    lines = []
    for d in docs:
        for it in d["items"]:
            lines.append(json.dumps({"doc_id": d["doc_id"], **it}, ensure_ascii=False))
    write_text_atomic(out_dir / "items.jsonl", "".join(line + "\n" for line in lines))


def document_json(doc_dict: dict) -> str:
    return json.dumps(doc_dict, ensure_ascii=False, indent=2) + "\n"


def write_text_atomic(path: Path, text: str) -> None:
    write_atomic(path, lambda f: Path(f).write_text(text, encoding="utf-8"))


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _current_umask()  # read once: os.umask can only be read by setting it


def write_atomic(path: Path, write) -> None:
    """Write through a temporary file in the same folder and rename, so that an interrupted
    run never leaves a half-written output."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        # mkstemp makes the file private (0600); outputs get the permissions of any new file
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
