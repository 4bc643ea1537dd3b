"""`make eval`: accuracy of meta, headings and items against the hand-written gold in corpus/gold/.

Scores the tuning and the held-out part separately; only fields listed in a gold file's
`annotated` count. Run from the repository root: `python -m pipeline.evaluate [--gold DIR]`.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from pipeline import extract_file
from pipeline.dataset import document_to_dict

META_FIELDS = ("issuer_mark", "doc_number", "doc_number_parts", "issuers", "title", "doc_type", "recipients",
               "signatories", "date", "plan_title", "plan_year", "attachments", "cc", "printed_by", "printed_date")
ITEM_FIELDS = ("marker", "path", "section_titles", "lead", "text", "responsible")


class Tally:
    """Counts of correct / total per named measure."""

    def __init__(self):
        self.right: dict[str, int] = defaultdict(int)
        self.total: dict[str, int] = defaultdict(int)

    def add(self, name: str, ok: bool) -> None:
        self.total[name] += 1
        self.right[name] += int(ok)

    def ratio(self, name: str) -> str:
        total = self.total.get(name, 0)
        return f"{self.right[name] / total:.3f} ({self.right[name]}/{total})" if total else "-"


def _flatten(headings: list[dict]) -> list[dict]:
    out = []
    for h in headings:
        out.append(h)
        out.extend(_flatten(h.get("children", [])))
    return out


def _prf(tally: Tally, name: str, found: set, gold: set) -> None:
    tally.right[name + ".tp"] += len(found & gold)
    tally.total[name + ".found"] += len(found)
    tally.total[name + ".gold"] += len(gold)


def _f1_line(tally: Tally, name: str) -> str:
    tp, found, gold = tally.right[name + ".tp"], tally.total[name + ".found"], tally.total[name + ".gold"]
    p = tp / found if found else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {tp}, found {found}, gold {gold})"


def score_document(gold: dict, pred: dict, tally: Tally, errors: list[str]) -> None:
    annotated = set(gold.get("annotated", []))
    name = Path(gold["source"]).stem
    if "meta" in annotated:
        for field in META_FIELDS:
            if field in gold["meta"]:
                ok = pred["meta"].get(field) == gold["meta"][field]
                tally.add(f"meta.{field}", ok)
                tally.add("meta (all fields)", ok)
                if not ok:
                    got, want = pred["meta"].get(field), gold["meta"][field]
                    errors.append(f"{name}: meta.{field}: got {got!r}, gold {want!r}")
    if "preamble" in annotated:
        ok = pred["preamble"] == gold["preamble"]
        tally.add("preamble", ok)
        if not ok:
            errors.append(f"{name}: preamble differs: got {str(pred['preamble'])[:40]!r}…")
    if "outline" in annotated:
        key = lambda h: (h["id"], h["level"], h["marker"], h["title"])  # noqa: E731
        gold_h = {key(h) for h in _flatten(gold["outline"])}
        pred_h = {key(h) for h in _flatten(pred["outline"])}
        _prf(tally, "headings", pred_h, gold_h)
        for missing in sorted(gold_h - pred_h):
            errors.append(f"{name}: heading missed {missing}")
        for extra in sorted(pred_h - gold_h):
            errors.append(f"{name}: heading spurious {extra}")
    if "items" in annotated:
        gold_items = {it["id"]: it for it in gold["items"]}
        pred_items = {it["id"]: it for it in pred["items"]}
        _prf(tally, "items (by id)", set(pred_items), set(gold_items))
        exact_gold = {(i, it["text"]) for i, it in gold_items.items()}
        exact_pred = {(i, it["text"]) for i, it in pred_items.items()}
        _prf(tally, "items (id and text)", exact_pred, exact_gold)
        for item_id in gold_items:
            if item_id not in pred_items:
                errors.append(f"{name}: item {item_id} missed")
                continue
            for field in ITEM_FIELDS:
                if field in gold_items[item_id]:
                    ok = pred_items[item_id][field] == gold_items[item_id][field]
                    tally.add(f"item.{field}", ok)
                    if not ok:
                        errors.append(f"{name}: item {item_id}.{field}: got {pred_items[item_id][field]!r:.60}, "
                                      f"gold {gold_items[item_id][field]!r:.60}")
        for item_id in pred_items.keys() - gold_items.keys():
            errors.append(f"{name}: item {item_id} spurious")


def evaluate(gold_dir: Path, root: Path) -> dict[str, tuple[Tally, list[str], int]]:
    results: dict[str, tuple[Tally, list[str], int]] = {}
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        split = gold.get("split", "tune")
        tally, errors, count = results.get(split, (Tally(), [], 0))
        pred = document_to_dict(extract_file(root / gold["source"]))
        score_document(gold, pred, tally, errors)
        results[split] = (tally, errors, count + 1)
    return results


def report(results: dict[str, tuple[Tally, list[str], int]], show_errors: bool) -> str:
    lines = []
    for split in ("tune", "heldout"):
        if split not in results:
            continue
        tally, errors, count = results[split]
        lines.append(f"== {split}: {count} documents ==")
        for measure in ("meta (all fields)", *(f"meta.{f}" for f in META_FIELDS), "preamble"):
            if tally.total.get(measure):
                lines.append(f"  {measure:<24} {tally.ratio(measure)}")
        for measure in ("headings", "items (by id)", "items (id and text)"):
            if tally.total.get(measure + ".gold") is not None:
                lines.append(f"  {measure:<24} {_f1_line(tally, measure)}")
        for field in ITEM_FIELDS:
            if tally.total.get(f"item.{field}"):
                lines.append(f"  {'item.' + field:<24} {tally.ratio('item.' + field)}")
        if show_errors and split == "tune":
            lines.extend(f"    ! {e}" for e in errors[:60])
        elif errors:
            lines.append(f"  ({len(errors)} held-out differences; not listed, so that they are not tuned against)"
                         if split == "heldout" else f"  ({len(errors)} differences)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("corpus/gold"))
    parser.add_argument("--root", type=Path, default=Path("."))
    parser.add_argument("--errors", action="store_true", help="list the differences on the tuning part")
    args = parser.parse_args(argv)
    print(report(evaluate(args.gold, args.root), args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
