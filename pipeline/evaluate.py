"""`make eval`: accuracy of meta, headings and items against the hand-written gold in corpus/gold/.

Scores the tuning and the held-out part separately; only fields listed in a gold file's
`annotated` count. Run from the repository root: `python -m pipeline.evaluate [--gold DIR]`.
"""
from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections import Counter, defaultdict
from pathlib import Path

import regex

from pipeline import extract_file
from pipeline.dataset import document_to_dict
from pipeline.reports import REPORTS_JSONL, main_targets, report_files

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


def _multiset_prf(tally: Tally, name: str, found: list, gold: list) -> list:
    """Count matches of two lists of keys as multisets; returns the matched keys."""
    remaining = Counter(gold)
    matched = []
    for key in found:
        if remaining[key] > 0:
            remaining[key] -= 1
            matched.append(key)
    tally.right[name + ".tp"] += len(matched)
    tally.total[name + ".found"] += len(found)
    tally.total[name + ".gold"] += len(gold)
    return matched


def _value(v):
    return None if v is None else round(float(v), 6)


def _overlap(a: str, b: str) -> float:
    """Character overlap of two phrases (Dice), for indicators written in slightly different words."""
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    return 2 * common / (len(a) + len(b))


_PEER_NUMBER = regex.compile(r"\d+(?:\.\d+)?")
_PEER_MONEY = regex.compile(r"(\d+(?:\.\d+)?)\s*(万亿元|亿元|千万元|百万元|万元|元)")


def score_peer(gold: dict, pred: dict, tally: Tally) -> None:
    """The same gold numbers by value, for this pipeline and for cn2an.transform followed by an
    Arabic-number pattern (the usual do-it-yourself approach); money by (value, unit) alike."""
    try:
        import cn2an
    except ImportError:
        return
    if "numbers" not in set(gold.get("annotated", [])):
        return
    pred_items = {it["id"]: it for it in pred["items"]}
    for g in gold["items"]:
        if "numbers" not in g or g["id"] not in pred_items:
            continue
        wanted = [_value(n["value"]) for n in g["numbers"] if n["value"] is not None]
        ours = [_value(n["value"]) for n in pred_items[g["id"]]["numbers"] if n["value"] is not None]
        try:
            with warnings.catch_warnings():  # cn2an warns on every numeral it cannot read (十四五)
                warnings.simplefilter("ignore")
                converted = cn2an.transform(g["text"], "cn2an")
        except Exception:  # cn2an raises on some inputs; count them as nothing found
            converted = ""
        theirs = [_value(m.group(0)) for m in _PEER_NUMBER.finditer(converted)]
        _multiset_prf(tally, "numbers by value: zhengce", ours, wanted)
        _multiset_prf(tally, "numbers by value: cn2an", theirs, wanted)
        money_wanted = [(_value(n["value"]), n["unit"]) for n in g["numbers"] if n["kind"] == "money"]
        money_ours = [(_value(n["value"]), n["unit"]) for n in pred_items[g["id"]]["numbers"] if n["kind"] == "money"]
        money_theirs = [(_value(m.group(1)), m.group(2)) for m in _PEER_MONEY.finditer(converted)]
        _multiset_prf(tally, "money: zhengce", money_ours, money_wanted)
        _multiset_prf(tally, "money: cn2an", money_theirs, money_wanted)


def score_extractions(gold: dict, pred: dict, tally: Tally, errors: list[str]) -> None:
    """Numbers, targets, projects and actions of the annotated items (guide sections 3–6)."""
    annotated = set(gold.get("annotated", []))
    name = Path(gold["source"]).stem
    pred_items = {it["id"]: it for it in pred["items"]}
    action_items = set(gold.get("actions_items", []))
    for g in gold["items"]:
        p = pred_items.get(g["id"], {"numbers": [], "targets": [], "projects": [], "actions": []})
        where = f"{name}: item {g['id']}"
        if "numbers" in annotated and "numbers" in g:
            found = [n["text"] for n in p["numbers"]]
            wanted = [n["text"] for n in g["numbers"]]
            matched = _multiset_prf(tally, "numbers", found, wanted)
            kinds = {n["text"]: n["kind"] for n in p["numbers"]}
            for n in g["numbers"]:
                if n["text"] in matched:
                    tally.add("numbers.kind", kinds[n["text"]] == n["kind"])
                    tally.add("numbers.value", _value(next(x["value"] for x in p["numbers"]
                                                           if x["text"] == n["text"])) == _value(n["value"]))
            errors.extend(f"{where}: number missed {t!r}" for t in (Counter(wanted) - Counter(found)))
            errors.extend(f"{where}: number spurious {t!r}" for t in (Counter(found) - Counter(wanted)))
        if "targets" in annotated and "targets" in g:
            key = lambda t: (_value(t["value"]), t["unit"])  # noqa: E731
            found = [key(t) for t in p["targets"]]
            wanted = [key(t) for t in g["targets"]]
            matched = Counter(_multiset_prf(tally, "targets", found, wanted))
            for t in g["targets"]:
                k = key(t)
                if matched[k] <= 0:
                    errors.append(f"{where}: target missed {t['text']!r} ({t['comparator']} {t['value']} {t['unit']})")
                    continue
                matched[k] -= 1
                same = [x for x in p["targets"] if key(x) == k]
                best = max(same, key=lambda x: _overlap(x["indicator"], t["indicator"]))
                tally.add("targets.comparator", best["comparator"] == t["comparator"])
                tally.add("targets.value_max", _value(best["value_max"]) == _value(t["value_max"]))
                tally.add("targets.deadline", best["deadline"] == t["deadline"])
                tally.add("targets.indicator (overlap >= 0.5)", _overlap(best["indicator"], t["indicator"]) >= 0.5)
                if best["comparator"] != t["comparator"]:
                    errors.append(f"{where}: target {t['text']!r} comparator {best['comparator']} "
                                  f"(gold {t['comparator']})")
            errors.extend(f"{where}: target spurious {t['text']!r} ({t['value']} {t['unit']})" for t in p["targets"]
                          if key(t) not in [key(x) for x in g["targets"]])
        if "projects" in annotated and "projects" in g:
            found = list(dict.fromkeys(x["name"] for x in p["projects"]))
            wanted = list(dict.fromkeys(x["name"] for x in g["projects"]))
            matched = set(_multiset_prf(tally, "projects", found, wanted))
            kinds = {x["name"]: x for x in p["projects"]}
            for x in g["projects"]:
                if x["name"] in matched:
                    tally.add("projects.kind", kinds[x["name"]]["kind"] == x["kind"])
                    if x["kind"] == "document":
                        tally.add("projects.status (documents)", kinds[x["name"]]["status"] == x["status"])
            errors.extend(f"{where}: project missed {t!r}" for t in wanted if t not in found)
            errors.extend(f"{where}: project spurious {t!r}" for t in found if t not in wanted)
        if "actions" in annotated and g["id"] in action_items and "actions" in g:
            found = [a["verb"] for a in p["actions"]]
            wanted = [a["verb"] for a in g["actions"]]
            matched = Counter(_multiset_prf(tally, "actions (verb)", found, wanted))
            for a in g["actions"]:
                if matched[a["verb"]] > 0:
                    matched[a["verb"]] -= 1
                    same = [x for x in p["actions"] if x["verb"] == a["verb"]]
                    best = max(same, key=lambda x: _overlap(x["object"] or "", a["object"] or ""))
                    tally.add("actions.category", best["category"] == a["category"])
                    overlap = _overlap(best["object"] or "", a["object"] or "")
                    tally.add("actions.object (overlap >= 0.5)", overlap >= 0.5)
            errors.extend(f"{where}: action verb missed {v!r}" for v in (Counter(wanted) - Counter(found)))


def score_reports(gold: dict, root: Path, results) -> None:
    """Main expected targets of each report (the 主要预期目标 passage), and no target at all in
    the review of the past year."""
    import tempfile

    jsonl = (root / gold["source"]).resolve()
    if not jsonl.exists():
        return
    with tempfile.TemporaryDirectory() as folder:
        files = report_files(jsonl, Path(folder))
        for year, entry in sorted(gold["years"].items()):
            split = entry.get("split", "tune")
            tally, errors, count = results.get(split, (Tally(), [], 0))
            doc = document_to_dict(extract_file(files[int(year)]))
            found = main_targets(doc)
            key = lambda t: (_value(t["value"]), t["unit"])  # noqa: E731
            matched = Counter(_multiset_prf(tally, "report main targets", [key(t) for t in found],
                                            [key(t) for t in entry["targets"]]))
            for t in entry["targets"]:
                if matched[key(t)] > 0:
                    matched[key(t)] -= 1
                    best = next(x for x in found if key(x) == key(t))
                    tally.add("report targets.comparator", best["comparator"] == t["comparator"])
                    tally.add("report targets.value_max", _value(best["value_max"]) == _value(t["value_max"]))
                elif split == "tune":
                    errors.append(f"report {year}: main target missed {t['indicator']} {t['value']}{t['unit']}")
            review = [t for it in doc["items"] if it["section_titles"][:1] == [entry["review_title"]]
                      for t in it["targets"]]
            tally.total["report review-section targets (must be 0)"] += len(review)
            tally.total["report review-section items"] += sum(
                1 for it in doc["items"] if it["section_titles"][:1] == [entry["review_title"]])
            results[split] = (tally, errors, count)


def evaluate(gold_dir: Path, root: Path) -> dict[str, tuple[Tally, list[str], int]]:
    results: dict[str, tuple[Tally, list[str], int]] = {}
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if "years" in gold:
            score_reports(gold, root, results)
            continue
        split = gold.get("split", "tune")
        pred = document_to_dict(extract_file(root / gold["source"]))
        # The held-out part is scored pooled (the figure the issues set goals for) and per batch,
        # so that a batch written later shows whether the first one was typical.
        keys = [split] + ([f"heldout batch {gold.get('heldout_batch', 1)}"] if split == "heldout" else [])
        if gold.get("set"):
            # a set of real documents read for one part of the work only (the targets of real reports)
            # is scored apart, so that it neither moves the pooled figures nor hides in them
            keys = [f"{split}: {gold['set']}"]
        for key in keys:
            tally, errors, count = results.get(key, (Tally(), [], 0))
            score_document(gold, pred, tally, errors)
            score_extractions(gold, pred, tally, errors)
            score_peer(gold, pred, tally)
            results[key] = (tally, errors, count + 1)
    return results


def _theme_scores(gold: list[str], predicted: list[str], confidence: list[float] | None) -> dict:
    """Accuracy, macro-F1 over the gold codes, most confused pairs, expected calibration error."""
    n = len(gold)
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / n if n else 0.0
    f1s = []
    for code in sorted(set(gold)):
        tp = sum(g == p == code for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == code and g != code for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == code and p != code for g, p in zip(gold, predicted, strict=True))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    confused = Counter((g, p) for g, p in zip(gold, predicted, strict=True) if g != p).most_common(4)
    ece = None
    if confidence is not None and n:
        bins: dict[int, list[tuple[float, bool]]] = defaultdict(list)
        for c, g, p in zip(confidence, gold, predicted, strict=True):
            bins[min(int(c * 10), 9)].append((c, g == p))
        ece = sum(abs(sum(c for c, _ in b) / len(b) - sum(ok for _, ok in b) / len(b)) * len(b) / n
                  for b in bins.values())
    return {"n": n, "accuracy": accuracy, "macro_f1": sum(f1s) / len(f1s) if f1s else 0.0,
            "confused": confused, "ece": ece}


def evaluate_themes(root: Path) -> list[str]:
    """Theme classifier: cross-validated on the training labels (documents kept whole per fold)
    and on the held-out documents with the shipped model, beside the cue-term baseline."""
    from pipeline.classify.model import cue_baseline
    from pipeline.classify.tagger import DEFAULT_MODEL, ModelError, load_tagger
    from pipeline.classify.train import HELD_OUT, cross_validate, load_examples

    lines = ["== themes =="]
    try:
        tagger = load_tagger(DEFAULT_MODEL)
    except ModelError as exc:
        return lines + [f"  no model: {exc}"]
    examples = load_examples(root / "corpus" / "labels", root / "corpus" / "raw", warn=lambda m: None)
    codebook = tagger.codebook
    for spec in codebook.levels:
        codes = tuple(c.code for c in spec.codes)
        cues = tuple(c.cues for c in spec.codes)
        train_set = [e for e in examples if e.doc not in HELD_OUT and e.level == spec.level]
        held = [e for e in examples if e.doc in HELD_OUT and e.level == spec.level]
        lines.append(f"  level {spec.level}: {len(train_set)} training labels, {len(held)} held-out "
                     f"({', '.join(sorted({e.doc for e in held})) or 'none'})")
        data, proba, classes = cross_validate(codebook, spec.level, train_set)
        rows = []
        if proba is not None:
            predicted = [classes[int(proba[i].argmax())] for i in range(len(data))]
            rows.append(("cross-validated", _theme_scores([e.code for e in data], predicted,
                                                          [float(r.max()) for r in proba])))
            base = cue_baseline([e.text for e in data], codes, cues)
            rows.append(("  cue baseline", _theme_scores([e.code for e in data], [b or "-" for b in base], None)))
        for doc in sorted({e.doc for e in held}):
            part = [e for e in held if e.doc == doc]
            model_proba = tagger.models[spec.level].predict_proba([e.text for e in part])
            predicted = [tagger.models[spec.level].classes_[int(r.argmax())] for r in model_proba]
            rows.append((f"held-out {doc[:12]}", _theme_scores([e.code for e in part], predicted,
                                                              [float(r.max()) for r in model_proba])))
            base = cue_baseline([e.text for e in part], codes, cues)
            rows.append(("  cue baseline", _theme_scores([e.code for e in part], [b or "-" for b in base], None)))
        for name, s in rows:
            ece = f"  ECE {s['ece']:.3f}" if s["ece"] is not None else ""
            lines.append(f"    {name:<22} accuracy {s['accuracy']:.3f}  macro-F1 {s['macro_f1']:.3f}{ece}"
                         f"  (n {s['n']})")
            if not name.startswith(" ") and s["confused"]:
                lines.append("      most confused (gold→predicted): "
                             + ", ".join(f"{g}→{p} ×{k}" for (g, p), k in s["confused"]))
    return lines


def _compare_doc(name: str, root: Path, reports: dict[int, Path]) -> dict | None:
    if name.startswith("report_"):
        path = reports.get(int(name.split("_")[1]))
    else:
        path = root / "corpus" / "raw" / f"{name}.txt"
    return document_to_dict(extract_file(path)) if path and path.exists() else None


def _side_key(side: dict | None):
    # a figure written with no unit is one key whether its reader wrote null or "" (校际差异系数0.50); a
    # measure word with its alternative in brackets is the measure word (3000套（间）: 套 or 套（间）); a
    # magnitude is the same figure in or out of the unit (1.3万个 = 13000个)
    from pipeline.compare import base_value

    if side is None:
        return None
    value, unit = base_value(side["value"], _BRACKETED_ALTERNATIVE.sub("", side["unit"] or "") or None)
    return _value(value), unit


_BRACKETED_ALTERNATIVE = regex.compile(r"[（(][^（）()]*[）)]$")


def evaluate_compare(root: Path, threshold: float | None = None) -> list[str]:
    """Item alignment (precision/recall/F1 over aligned pairs), item status accuracy and
    target-change accuracy against the gold comparisons in corpus/gold/compare/."""
    import tempfile

    from pipeline.compare import ALIGN_THRESHOLD, align_items, compare_targets, compared_targets

    threshold = ALIGN_THRESHOLD if threshold is None else threshold
    root = root.resolve()
    lines = ["== year-on-year comparison =="]
    with tempfile.TemporaryDirectory() as folder:
        reports = report_files(REPORTS_JSONL, Path(folder)) if REPORTS_JSONL.exists() else {}
        for gold_path in sorted((root / "corpus" / "gold" / "compare").glob("*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            doc_a, doc_b = _compare_doc(gold["a"], root, reports), _compare_doc(gold["b"], root, reports)
            if doc_a is None or doc_b is None:
                lines.append(f"  {gold_path.stem}: documents not available here, skipped")
                continue
            # a targets-only pair (two years apart) lists its items in scope; the items are not
            # aligned by hand, so only its target changes are scored
            targets_only = gold.get("kind") == "targets_only"
            scope_a = set(gold["scope_a"]) if targets_only else {p["a"] for p in gold["pairs"]} | set(gold["dropped"])
            scope_b = set(gold["scope_b"]) if targets_only else {p["b"] for p in gold["pairs"]} | set(gold["new"])
            items_a = [it for it in doc_a["items"] if it["id"] in scope_a]
            items_b = [it for it in doc_b["items"] if it["id"] in scope_b]
            rows = align_items(items_a, items_b, threshold)
            tally = Tally()
            if not targets_only:
                _score_alignment(tally, rows, gold)
            # the readers of the earlier golds saw the items only: a preamble's goals are in scope where
            # the gold says its readers listed them
            scoped_a, scoped_b = (dict(doc, items=items, preamble_targets=doc.get("preamble_targets", [])
                                       if gold.get("preamble_goals") else [])
                                  for doc, items in ((doc_a, items_a), (doc_b, items_b)))
            predicted = compare_targets(scoped_a, scoped_b, rows)
            for right in _changes_right(gold["targets"], predicted):
                tally.add("target change", right)
            # the other way round: of the targets extracted in scope, the share some reader lists (a
            # precision estimate; a figure the readers left out counts against it)
            for side, doc in (("a", scoped_a), ("b", scoped_b)):
                listed = {_side_key(t[side]) for t in gold["targets"] if t[side]}
                for _, t in compared_targets(doc):
                    tally.add("listed", _side_key(t) in listed)
            lines.append(f"  {gold_path.stem} [{gold.get('split', 'tune')}{', targets only' if targets_only else ''}]: "
                         f"{len(items_a)} → {len(items_b)} items")
            if not targets_only:
                lines.append(f"    alignment        {_f1_line(tally, 'pairs')}")
                lines.append(f"    status accuracy  {tally.ratio('status')}")
            lines.append(f"    target changes   {tally.ratio('target change')}")
            lines.append(f"    targets listed   {tally.ratio('listed')} of those extracted")
            second_path = root / "corpus" / "gold" / "second_readings" / gold_path.name
            if second_path.exists():
                lines += _reader_agreement(gold, json.loads(second_path.read_text(encoding="utf-8")), predicted)
        if reports:
            lines.append("  main expected targets 2013–2019 (extracted; * = also in the gold)")
            gold_targets = json.loads((root / "corpus" / "gold" / "reports_main_targets.json").read_text(
                encoding="utf-8"))["years"]
            for year in sorted(reports):
                doc = document_to_dict(extract_file(reports[year], tagger=None))
                found = main_targets(doc)
                wanted = {(_value(t["value"]), t["unit"]) for t in gold_targets.get(str(year), {}).get("targets", [])}
                cells = [f"{t['indicator']} {t['value']}{'－' + str(t['value_max']) if t['value_max'] else ''}"
                         f"{t['unit'] or ''}{'*' if (_value(t['value']), t['unit']) in wanted else ''}" for t in found]
                lines.append(f"    {year}: " + "; ".join(cells))
    return lines


def _changes_right(gold: list[dict], predicted: list[dict]) -> list[bool]:
    """For each gold target pair, whether a predicted pair with the same figures on both sides has its
    change. Figures alone can stand for two targets (a 3% deficit ratio and a 3% cut of SO₂; three
    insurance rates of 90%): then each predicted pair answers for one gold pair only, the one whose
    indicator it resembles most, so one predicted pair cannot count for three gold pairs."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    from pipeline.compare import indicator_similarity

    def key(t):
        return _side_key(t["a"]), _side_key(t["b"])

    rows_by_key: dict = {}
    for row in predicted:
        rows_by_key.setdefault(key(row), []).append(row)
    gold_by_key: dict = {}
    for i, t in enumerate(gold):
        gold_by_key.setdefault(key(t), []).append(i)
    right = [False] * len(gold)
    for k, wanted in gold_by_key.items():
        rows = rows_by_key.get(k, [])
        if not rows:
            continue
        similarity = np.array([[indicator_similarity(gold[i]["indicator"], r["indicator"]) for r in rows]
                               for i in wanted])
        for g, r in zip(*linear_sum_assignment(-similarity), strict=True):
            right[wanted[g]] = rows[r]["change"] == gold[wanted[g]]["change"]
    return right


def _reader_agreement(gold: dict, second: dict, predicted: list[dict]) -> list[str]:
    """How far a second, independent reader's target changes agree with the gold, scored the way the
    pipeline is, and the pipeline against that reading: the ceiling a goal can sensibly ask for."""
    tally = Tally()
    for right in _changes_right(gold["targets"], second["targets"]):
        tally.add("reader", right)
    for right in _changes_right(second["targets"], predicted):
        tally.add("pipeline", right)
    return [f"    second reader    {tally.ratio('reader')} of the gold's target changes; "
            f"zhengce against that reading {tally.ratio('pipeline')}"]


def _score_alignment(tally: Tally, rows: list[dict], gold: dict) -> None:
    """Aligned pairs (precision, recall, F1) and each item's status against a hand alignment."""
    pairs = {(r["a"], r["b"]) for r in rows if r["a"] and r["b"]}
    _prf(tally, "pairs", pairs, {(p["a"], p["b"]) for p in gold["pairs"]})
    status_gold = {("a", p["a"]): p["status"] for p in gold["pairs"]} | {
        ("b", p["b"]): p["status"] for p in gold["pairs"]}
    status_gold |= {("a", i): "dropped" for i in gold["dropped"]} | {("b", i): "new" for i in gold["new"]}
    status_pred = {("a", r["a"]): r["status"] for r in rows if r["a"]} | {
        ("b", r["b"]): r["status"] for r in rows if r["b"]}
    for key, status in status_gold.items():
        tally.add("status", status_pred.get(key) == status)


def report(results: dict[str, tuple[Tally, list[str], int]], show_errors: bool) -> str:
    lines = []
    sets = sorted(k for k in results if ": " in k)
    for split in ("tune", "heldout", *sorted(k for k in results if k.startswith("heldout batch")), *sets):
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
        for measure in ("numbers", "targets", "projects", "actions (verb)", "report main targets",
                        "numbers by value: zhengce", "numbers by value: cn2an", "money: zhengce", "money: cn2an"):
            if tally.total.get(measure + ".gold"):
                lines.append(f"  {measure:<24} {_f1_line(tally, measure)}")
        for measure in ("numbers.kind", "numbers.value", "targets.comparator", "targets.value_max",
                        "targets.deadline", "targets.indicator (overlap >= 0.5)", "projects.kind",
                        "projects.status (documents)", "actions.category", "actions.object (overlap >= 0.5)",
                        "report targets.comparator", "report targets.value_max"):
            if tally.total.get(measure):
                lines.append(f"  {measure:<24} {tally.ratio(measure)}")
        if tally.total.get("report review-section items"):
            lines.append(f"  report review sections: {tally.total['report review-section targets (must be 0)']} "
                         f"targets extracted from {tally.total['report review-section items']} items (must be 0)")
        if show_errors and split.startswith("tune"):
            lines.extend(f"    ! {e}" for e in errors[:400])
        elif errors:
            lines.append(f"  ({len(errors)} held-out differences; not listed, so that they are not tuned against)"
                         if split.startswith("heldout") else f"  ({len(errors)} differences)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("corpus/gold"))
    parser.add_argument("--root", type=Path, default=Path("."))
    parser.add_argument("--errors", action="store_true", help="list the differences on the tuning part")
    parser.add_argument("--no-themes", action="store_true", help="skip the theme classifier (slow part)")
    args = parser.parse_args(argv)
    print(report(evaluate(args.gold, args.root), args.errors))
    print("\n".join(evaluate_compare(args.root)))
    if not args.no_themes:
        print("\n".join(evaluate_themes(args.root)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
