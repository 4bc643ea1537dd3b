"""`make eval` keeps the held-out part apart from the tuning part, pooled and per batch."""
from __future__ import annotations

import json

from conftest import ROOT, SEED

from pipeline.evaluate import evaluate, report


def _gold(split: str, batch: int | None = None) -> dict:
    gold = {"source": f"corpus/raw/{SEED.name}", "split": split, "annotated": ["preamble"],
            "preamble": "no such preamble", "items": []}
    if batch is not None:
        gold["heldout_batch"] = batch
    return gold


def test_heldout_scored_pooled_and_per_batch(tmp_path):
    for name, gold in {"a": _gold("tune"), "b": _gold("heldout"), "c": _gold("heldout", 2),
                       "d": _gold("heldout", 2)}.items():
        (tmp_path / f"{name}.json").write_text(json.dumps(gold), encoding="utf-8")
    results = evaluate(tmp_path, ROOT)
    counts = {key: count for key, (_, _, count) in results.items()}
    assert counts == {"tune": 1, "heldout": 3, "heldout batch 1": 1, "heldout batch 2": 2}
    text = report(results, show_errors=True)
    assert "== heldout batch 2: 2 documents ==" in text
    # Held-out differences are counted, never listed.
    assert "held-out differences; not listed" in text and text.count("! ") == 1
