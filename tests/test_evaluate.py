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


def test_a_named_set_is_scored_apart_from_the_pooled_figures(tmp_path):
    """The targets of real reports, read for that part only, are a set of their own: they neither
    join the pooled tuning or held-out figures nor are their held-out differences listed."""
    named = {"a": _gold("tune"), "b": dict(_gold("tune"), set="real reports"),
             "c": dict(_gold("heldout"), set="real reports")}
    for name, gold in named.items():
        (tmp_path / f"{name}.json").write_text(json.dumps(gold), encoding="utf-8")
    results = evaluate(tmp_path, ROOT)
    counts = {key: count for key, (_, _, count) in results.items()}
    assert counts == {"tune": 1, "tune: real reports": 1, "heldout: real reports": 1}
    text = report(results, show_errors=True)
    assert "== tune: real reports: 1 documents ==" in text and "== heldout: real reports: 1 documents ==" in text
    assert text.count("! ") == 2  # the tuning file and the tuning set list theirs


def test_targets_only_pair_scores_target_changes_and_no_alignment(tmp_path, monkeypatch):
    """A pair of plans two years apart whose gold holds only the target changes (the items in
    scope listed, not aligned by hand): `make eval` scores its target changes and prints no
    alignment or status figures it has no gold for."""
    import pipeline.evaluate as evaluation

    monkeypatch.setattr(evaluation, "REPORTS_JSONL", tmp_path / "absent.jsonl")
    raw = tmp_path / "corpus" / "raw"
    raw.mkdir(parents=True)
    # (改造操场3个 is a target the gold leaves out: the share of extracted targets it lists drops)
    plan = ("某区{year}年教育工作要点\n\n一、建设学校\n新建公办幼儿园{n}所，改造操场3个。\n"
            "二、加强师资\n培训教师不少于500人次。\n")
    (raw / "a_2026.txt").write_text(plan.format(year=2026, n=12), encoding="utf-8")
    (raw / "b_2028.txt").write_text(plan.format(year=2028, n=15), encoding="utf-8")
    side, floor = {"value_max": None, "comparator": "eq"}, {"value_max": None, "comparator": "ge"}
    gold = {"a": "a_2026", "b": "b_2028", "split": "tune", "kind": "targets_only",
            "scope_a": ["1.1", "2.1"], "scope_b": ["1.1", "2.1"],
            "targets": [{"indicator": "新建公办幼儿园", "a": {"value": 12, "unit": "所", **side},
                         "b": {"value": 15, "unit": "所", **side}, "change": "raised"},
                        # (the second change is wrong on purpose: the score must count it)
                        {"indicator": "培训教师", "a": {"value": 500, "unit": "人次", **floor},
                         "b": {"value": 500, "unit": "人次", **floor}, "change": "lowered"}]}
    (tmp_path / "corpus" / "gold" / "compare").mkdir(parents=True)
    (tmp_path / "corpus" / "gold" / "compare" / "a_2026__b_2028.json").write_text(json.dumps(gold), encoding="utf-8")
    lines = evaluation.evaluate_compare(tmp_path)
    assert "  a_2026__b_2028 [tune, targets only]: 2 → 2 items" in lines
    assert "    target changes   0.500 (1/2)" in lines
    assert "    targets listed   0.667 (4/6) of those extracted" in lines
    assert not any("alignment" in line or "status" in line for line in lines)


def test_second_reader_agreement_is_scored_like_the_pipeline():
    from pipeline.evaluate import _reader_agreement

    side = lambda v: {"value": v, "value_max": None, "unit": "%", "comparator": "approx"}  # noqa: E731
    gold = {"targets": [{"indicator": "国内生产总值增长", "a": side(7), "b": side(6.5), "change": "lowered"},
                        {"indicator": "居民消费价格涨幅", "a": side(3), "b": side(3), "change": "unchanged"}]}
    second = {"targets": [{"indicator": "国内生产总值增长", "a": side(7), "b": side(6.5), "change": "lowered"},
                          {"indicator": "居民消费价格涨幅", "a": side(3), "b": side(3), "change": "changed"}]}
    predicted = [{"indicator": "国内生产总值", "a": side(7), "b": side(6.5), "change": "lowered"},
                 {"indicator": "居民消费价格涨幅", "a": side(3), "b": side(3), "change": "changed"}]
    [line] = _reader_agreement(gold, second, predicted)
    assert "0.500 (1/2) of the gold's target changes" in line
    assert "against that reading 1.000 (2/2)" in line


def test_one_predicted_change_answers_for_one_gold_target_of_the_same_figures():
    from pipeline.evaluate import _changes_right

    side = {"value": 90, "value_max": None, "unit": "%", "comparator": "ge"}
    gold = [{"indicator": name + "参保率", "a": None, "b": side, "change": "new"}
            for name in ("城镇职工基本医疗保险", "城镇居民基本医疗保险", "新型农村合作医疗")]
    found = [{"indicator": "新型农村合作医疗参保率", "a": None, "b": side, "change": "new"}]
    # the one predicted 90% is the third reader's target, not all three
    assert _changes_right(gold, found) == [False, False, True]
    assert _changes_right(gold, found * 3) == [True, True, True]


def test_a_figure_without_unit_is_found_whether_its_reader_wrote_null_or_empty():
    from pipeline.evaluate import _changes_right

    gold = [{"indicator": "小学校际差异系数", "a": None, "change": "new",
             "b": {"value": 0.5, "value_max": None, "unit": "", "comparator": "le"}}]
    found = [{"indicator": "小学校际差异系数", "a": None, "change": "new",
              "b": {"value": 0.5, "value_max": None, "unit": None, "comparator": "le"}}]
    assert _changes_right(gold, found) == [True]


def test_a_measure_word_is_found_with_or_without_its_bracketed_alternative():
    from pipeline.evaluate import _changes_right

    def change(unit):
        side = {"value": 3000, "value_max": None, "unit": unit, "comparator": "eq"}
        return [{"indicator": "筹集保障性租赁住房", "a": side, "b": dict(side, value=2000), "change": "lowered"}]

    assert _changes_right(change("套"), change("套（间）")) == [True]
    assert _changes_right(change("套"), change("间")) == [False]


def test_a_figure_is_found_with_its_magnitude_in_or_out_of_the_unit():
    from pipeline.evaluate import _changes_right

    def change(value, unit):
        return [{"indicator": "新增普惠托位", "a": None, "change": "new",
                 "b": {"value": value, "value_max": None, "unit": unit, "comparator": "eq"}}]

    assert _changes_right(change(13000, "个"), change(1.3, "万个")) == [True]
    assert _changes_right(change(13000, "个"), change(1.3, "个")) == [False]
