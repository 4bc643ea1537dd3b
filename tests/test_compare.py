"""Year-on-year comparison: alignment, target changes, theme shares, command line and report."""
import json
import subprocess
import sys

import pytest
from conftest import RAW, ROOT

from pipeline.compare import (
    align_items,
    base_value,
    compare_documents,
    compare_targets,
    indicator_concept,
    indicator_similarity,
    series_panels,
    similarity_matrix,
    target_change,
)


def item(id_, text, targets=(), projects=(), titles=("总体要求",)):
    return {"id": id_, "text": text, "section_titles": list(titles), "targets": list(targets),
            "projects": list(projects), "themes": []}


def target(value, unit="所", comparator="eq", value_max=None, indicator="建设公办幼儿园"):
    return {"indicator": indicator, "value": value, "value_max": value_max, "unit": unit,
            "comparator": comparator, "text": f"{indicator}{value}{unit}"}


def test_every_item_appears_once_and_statuses_follow_similarity():
    a = [item("1", "加快学前教育优质普惠发展。建设瞭望山路幼儿园等12所公办幼儿园，优质园占比不低于50%。"),
         item("2", "打造高效机关。优化机关科室职能，深化机关流程再造。"),
         item("3", "推进智慧课堂建设。组织智慧课堂教学大比武，推出一批智慧课堂样板。")]
    b = [item("1", "加快学前教育优质普惠发展。建设瞭望山路幼儿园等12所公办幼儿园，优质园占比不低于50%。"),
         item("2", "推进智慧课堂建设。制定智慧课堂建设标准，组织智慧课堂教学大比武，推广优秀课例。"),
         item("3", "全面落实双减政策。规范校外培训机构，提高课后服务质量。")]
    rows = align_items(a, b)
    assert sorted(r["a"] for r in rows if r["a"]) == ["1", "2", "3"]
    assert sorted(r["b"] for r in rows if r["b"]) == ["1", "2", "3"]
    status = {(r["a"], r["b"]): r["status"] for r in rows}
    assert status[("1", "1")] == "continued"
    assert status[("3", "2")] == "revised"
    assert status[("2", None)] == "dropped" and status[(None, "3")] == "new"


def test_one_moved_figure_leaves_a_line_of_work_continued_two_make_it_revised():
    text = "加快学前教育优质普惠发展。建设瞭望山路幼儿园等公办幼儿园，优质园占比不低于50%。"
    other = "推进智慧课堂建设。组织智慧课堂教学大比武，推出一批智慧课堂样板学校。"
    a = [item("1", text, [target(12), target(50, "%", "ge")]), item("2", other, [target(12), target(50, "%", "ge")])]
    b = [item("1", text, [target(15), target(50, "%", "ge")]), item("2", other, [target(15), target(60, "%", "ge")])]
    status = {(r["a"], r["b"]): r["status"] for r in align_items(a, b)}
    assert status[("1", "1")] == "continued" and status[("2", "2")] == "revised"


def test_a_reports_review_of_the_past_year_aligns_with_the_other_review_only():
    done = "压减粗钢产能。去年压减粗钢产能5000万吨，淘汰落后煤电机组。"
    a = [item("1", done, titles=("一、2016年工作回顾",)), item("2", "推进智慧课堂建设。组织智慧课堂教学大比武。")]
    b = [item("1", "过去一年，城镇新增就业1351万人。", titles=("一、2017年工作回顾",)),
         item("2", done + "今年再压减。")]
    rows = align_items(a, b)
    # B's plan item reads like A's review, yet A's review is no line of work of A's plan
    assert not [r for r in rows if r["a"] and r["b"]]
    assert {(r["a"], r["b"]): r["review"] for r in rows} == {
        ("1", None): True, ("2", None): False, (None, "1"): True, (None, "2"): False}


def _projects(spec):
    """A livelihood plan: per project a task and the budget line that closes every project."""
    items = []
    for k, (title, task, goal, budget) in enumerate(spec, start=1):
        titles = ("项目内容", title)
        items.append(item(f"2.{k}.1", task, [target(goal, "个", indicator=task[:6])], titles=titles))
        items.append(item(f"2.{k}.0.1", f"项目计划投资{budget}万元。",
                          [target(budget, "万元", indicator="项目计划投资")], titles=titles))
    return items


def test_a_budget_line_repeated_under_every_project_aligns_and_compares_by_its_project():
    a = _projects([("学前教育扩容提质工程", "新建城区公办幼儿园", 3, 8600),
                   ("农村供水保障工程", "铺设城乡一体化供水管网", 120, 6800),
                   ("城区停车设施建设工程", "新增城区公共停车位", 1200, 3000)])
    b = _projects([("学前教育扩容提质工程", "新建城区公办幼儿园", 2, 5800),
                   ("院前急救能力提升工程", "配置负压救护车辆", 3, 1500),
                   ("城区停车设施建设工程", "新增城区公共停车位", 1200, 3000)])
    rows = align_items(a, b)
    pairs = {(r["a"], r["b"]) for r in rows if r["a"] and r["b"]}
    # the water project's budget line is not the new ambulance project's, however alike the words
    assert ("2.2.0.1", "2.2.0.1") not in pairs and ("2.1.0.1", "2.1.0.1") in pairs
    budgets = {(t["a"] and t["a"]["value"], t["b"] and t["b"]["value"]): t["change"]
               for t in compare_targets({"items": a}, {"items": b}, rows) if t["indicator"] == "项目计划投资"}
    assert budgets == {(8600, 5800): "lowered", (6800, None): "dropped", (None, 1500): "new",
                       (3000, 3000): "unchanged"}


def test_markdown_counts_the_plans_apart_from_the_reviews_and_says_how_many_targets_did_not_change():
    from pipeline.compare_report import render_markdown

    side = {"value": 12, "value_max": None, "unit": "所", "comparator": "eq", "text": "12所", "item": "1"}
    comparison = {"a": {"title": "A", "plan_year": 2021}, "b": {"title": "B", "plan_year": 2022},
                  "items": [{"a": "1", "b": "1", "status": "continued", "review": False},
                            {"a": "2", "b": None, "status": "dropped", "review": True},
                            {"a": None, "b": "2", "status": "new"}],  # a row written before `review`
                  "targets": [{"indicator": "幼儿园", "a": side, "b": side, "change": "unchanged"},
                              {"indicator": "学校", "a": side, "b": dict(side, value=15), "change": "raised"}]}
    text = render_markdown(comparison)
    assert "Items: continued 1, new 1\n" in text
    assert "aligned with each other only: dropped 1\n" in text
    assert "(1 unchanged not listed)" in text and "| 学校 |" in text and "| 幼儿园 |" not in text


def test_html_marks_the_review_rows_and_counts_the_plans_apart():
    from pipeline.compare_report import render_html

    doc = {"items": [item("1", "推进智慧课堂建设。"), item("2", "去年建成幼儿园12所。", titles=("一、工作回顾",))]}
    comparison = {"a": {"title": "A", "plan_year": 2021}, "b": {"title": "B", "plan_year": 2022}, "targets": [],
                  "themes": [], "items": [{"a": "1", "b": "1", "status": "continued", "similarity": 1.0},
                                          {"a": "2", "b": "2", "status": "continued", "similarity": 1.0,
                                           "review": True}]}
    page = render_html(comparison, doc, doc)
    assert "continued 1</span>" in page
    assert "reviews of the past year, aligned with each other only: continued 1" in page
    assert page.count("class='tag'>review</span>") == 1


@pytest.mark.parametrize("a, b, change", [
    (target(12), target(15), "raised"),
    (target(300, "名"), target(200, "名"), "lowered"),
    (target(11), target(11), "unchanged"),
    (target(7.5, "%", "approx"), target(7, "%", "approx"), "lowered"),
    (target(6, "%", "range", 6.5), target(6, "%", "ge"), "changed"),      # a range became a floor
    (target(6.5, "%", "range", 7), target(6, "%", "range", 6.5), "lowered"),
    (target(1000, "例"), target(1000, "例", "ge"), "changed"),              # a plain number became a floor
    (target(1.3, "万亿斤", "ge"), target(13000, "亿斤", "ge"), "unchanged"),  # magnitudes converted
    (None, target(5), "new"),
    (target(5), None, "dropped"),
    (target(7, "%", "approx"), target(6.5, "%", "range", 7), "lowered"),  # a point became a range below it
    (target(3500, "亿元", "approx"), target(8000, "亿元", "gt"), "raised"),  # kinds differ, figures apart
    (target(200, "万人", "ge"), target(340, "万人"), "raised"),
    (target(8000, "亿元", "ge"), target(8000, "亿元"), "changed"),          # only the kind changed
    (target(4.6, "%", "lt"), target(4.6, "%", "le"), "changed"),            # 低于 became 以内
    (target(2, "%"), target(2, "%", "approx"), "unchanged"),                # 2% and 2%左右
    (target(1333, "万公顷"), target(1.5, "亿亩"), "lowered"),              # 1333万公顷 = 2亿亩
    (target(27, "个"), target(20, "项"), "lowered"),
    (target(450, "元", indicator="补助由每人每年420元提高到"),
     target(40, "元", indicator="人均财政补助标准再增加"), "changed"),   # a level against an increment
    (target(1000, "万人", "ge"), target(1000, "万", "ge"), "unchanged"),     # 1000万 (people) said without 人
    (target(800, "人"), target(1000, "名"), "raised"),                      # 名 and 人 both count people
    (target(1000, "万元"), target(1000, "万"), "changed"),                 # but never money or a rate
    # 增加 before its object: money added to last year's (an increment), a count of this year's work (a level)
    (target(50, "亿元", indicator="增加"),
     target(100, "亿元", indicator="增加中央预算内经常性建设投资"), "raised"),
    (target(100, "亿元", indicator="增加中央预算内经常性建设投资"),
     target(804, "亿元", indicator="安排中央预算内经常性建设投资"), "changed"),
    (target(1, "亿亩", indicator="启动深松土地"), target(1333, "万公顷", indicator="增加深松土地"), "raised"),
    # the year's count against the count built so far
    (target(3, "座", indicator="建成加氢站"), dict(target(5, "座", indicator="建成加氢站"), text="累计建成加氢站5座"),
     "changed"),
])
def test_target_change(a, b, change):
    assert target_change(a, b) == change


def test_magnitude_units_and_indicator_normalisation():
    assert base_value(1.3, "万亿斤") == (1.3e12, "斤")
    assert indicator_similarity("新建改扩建义务教育学校", "新建、改扩建公办义务教育学校") > 0.8
    # an aside in brackets says more of the same indicator
    assert indicator_similarity("国考断面水质优良比例", "国控断面水质优良（达到或好于Ⅲ类）比例") >= 0.5


def test_reworded_indicators_match_through_the_lexicon_and_different_ones_never_do():
    a = {"items": [item("1", "x", [target(3500, "亿元", "approx", indicator="再减少企业税负"),
                                   target(4.5, "%", "le", indicator="城镇登记失业率")])], "text": ""}
    b = {"items": [item("1", "x", [target(5.5, "%", "le", indicator="城镇调查失业率"),
                                   target(8000, "亿元", "gt", indicator="再为企业和个人减税")])], "text": ""}
    rows = compare_targets(a, b, [{"a": "1", "b": "1"}])
    pairs = {((r["a"] or {}).get("value"), (r["b"] or {}).get("value")): r["change"] for r in rows}
    assert pairs[(3500, 8000)] == "raised"
    assert pairs[(4.5, None)] == "dropped" and pairs[(None, 5.5)] == "new"
    assert indicator_concept("单位国内生产总值能耗下降") == "energy_intensity"
    assert indicator_concept("易地搬迁脱贫") == "relocation"
    # energy and carbon intensity are different goals, though both are per unit of output
    assert indicator_concept("单位地区生产总值二氧化碳排放降低") == "carbon_intensity"
    assert indicator_concept("单位地区生产总值能耗降低") == "energy_intensity"
    # a share of GDP measures its numerator: GDP is only what it is taken of
    assert indicator_concept("社会物流总费用占地区生产总值比重") is None
    assert indicator_concept("财政赤字占国内生产总值的比重") == "deficit"


def test_shares_and_growth_rates_never_pair_and_concepts_keep_to_their_units():
    growth = dict(target(10, "%", indicator="数字经济核心产业增加值"), text="数字经济核心产业增加值增长10%")
    a = {"items": [item("1", "x", [growth, target(2.6, "%", "ge", indicator="研发经费投入强度"),
                                   target(5, "个", "ge", indicator="新开工")])], "text": ""}
    b = {"items": [item("1", "x", [target(10, "%", "ge", indicator="数字经济核心产业增加值占地区生产总值比重"),
                                   target(2.75, "%", "ge", indicator="全社会研发投入占地区生产总值比重"),
                                   target(4, "个", "ge", indicator="新开工高速公路项目")])], "text": ""}
    rows = compare_targets(a, b, [{"a": "1", "b": "1"}])
    pairs = {((r["a"] or {}).get("value"), (r["b"] or {}).get("value")): r["change"] for r in rows}
    # a share of output is not the output's growth, whatever the figure; R&D intensity in two wordings
    # is one indicator; 新开工 counts projects here, not homes (housing_started is measured in 套), and
    # 高速公路 projects are no expressway length (公里)
    assert pairs == {(10, None): "dropped", (None, 10): "new", (2.6, 2.75): "raised", (5, 4): "lowered"}


def test_two_lines_in_the_same_words_pair_by_kind_and_size():
    a = {"items": [item("1", "x", [target(4860, "亿元", indicator="总投资"),
                                   target(300, "亿元", "ge", indicator="总投资")])], "text": ""}
    b = {"items": [item("1", "x", [target(5200, "亿元", indicator="总投资"),
                                   target(350, "亿元", "ge", indicator="总投资")])], "text": ""}
    for _ in range(2):  # whatever the order of the lines
        rows = compare_targets(a, b, [{"a": "1", "b": "1"}])
        assert {(r["a"]["value"], r["b"]["value"]) for r in rows} == {(4860, 5200), (300, 350)}
        b["items"][0]["targets"].reverse()


def test_a_rate_set_as_a_level_and_then_as_a_change_in_points_pairs_as_changed():
    a = {"items": [item("1", "x", [target(54, "%", "ge", indicator="县城常住人口城镇化率"),
                                   target(0.5, "个百分点", indicator="社会物流总费用占地区生产总值比重")])], "text": ""}
    b = {"items": [item("1", "x", [target(1.2, "个百分点", indicator="县城常住人口城镇化率"),
                                   target(9, "%", "ge", indicator="数字经济核心产业增加值占地区生产总值比重")])],
         "text": ""}
    rows = compare_targets(a, b, [{"a": "1", "b": "1"}])
    pairs = {((r["a"] or {}).get("value"), (r["b"] or {}).get("value")): r["change"] for r in rows}
    # only the same words make a level and a change in points one indicator, aligned items or not
    assert pairs == {(54, 1.2): "changed", (0.5, None): "dropped", (None, 9): "new"}


def test_seed_against_its_2022_plan(validate_comparison):
    from pipeline import extract_file
    from pipeline.dataset import document_to_dict

    a = document_to_dict(extract_file(RAW / "000_c1eb6a3cac873dd4.txt"))
    b = document_to_dict(extract_file(RAW / "104_xihaian_education_points_2022.txt"))
    comparison = compare_documents(a, b)
    validate_comparison(comparison)
    assert sorted(r["a"] for r in comparison["items"] if r["a"]) == sorted(it["id"] for it in a["items"])
    assert sorted(r["b"] for r in comparison["items"] if r["b"]) == sorted(it["id"] for it in b["items"])
    kindergartens = [t for t in comparison["targets"] if t["a"] and t["a"]["value"] == 12 and t["a"]["unit"] == "所"]
    assert kindergartens and kindergartens[0]["b"]["value"] == 15 and kindergartens[0]["change"] == "raised"
    assert {t["level"] for t in comparison["themes"]} == {1, 2}
    assert all(0 <= t["share_a"] <= 1 and 0 <= t["share_b"] <= 1 for t in comparison["themes"])


def test_command_line_series_writes_json_tables_and_report(tmp_path):
    out = tmp_path / "cmp"
    result = subprocess.run([sys.executable, "-m", "pipeline", "compare", RAW / "104_xihaian_education_points_2022.txt",
                             RAW / "000_c1eb6a3cac873dd4.txt", RAW / "101_district_education_points_2022.txt",
                             "-o", out], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for table in ("items_alignment", "target_changes", "theme_shares", "targets_panel", "themes_panel"):
        assert (out / f"{table}.csv").exists()
    pages = sorted(out.glob("*.html"))
    assert len(pages) == 2  # consecutive pairs of the series, oldest first
    assert pages[0].name.startswith("000_c1eb6a3cac873dd4") or pages[1].name.startswith("000_c1eb6a3cac873dd4")
    html = pages[0].read_text(encoding="utf-8")
    assert "<ins>" in html or "<del>" in html
    assert "http" not in html.split("<body>")[0]  # self-contained: nothing fetched


def test_housing_starts_match_across_wordings_and_a_full_width_per_cent_is_per_cent(tmp_path):
    started = target(1000, "万套", indicator="开工建设保障性住房、棚户区改造住房共")
    a = {"items": [item("1", "x", [started])], "text": ""}
    b = {"items": [item("1", "x", [target(700, "万套", "ge", indicator="新开工")])], "text": ""}
    [row] = compare_targets(a, b, [{"a": "1", "b": "1"}])
    assert row["change"] == "lowered"
    # a plan written with ％ and the next with %: the rate's change is found
    from pipeline import extract_file
    from pipeline.dataset import document_to_dict
    (tmp_path / "a.txt").write_text("今年城镇登记失业率控制在4.6％以内。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("今年城镇登记失业率控制在4.5%以内。", encoding="utf-8")
    docs = [document_to_dict(extract_file(tmp_path / n)) for n in ("a.txt", "b.txt")]
    assert [t["unit"] for d in docs for it in d["items"] for t in it["targets"]] == ["%", "%"]
    changes = compare_documents(*docs)["targets"]
    assert [c["change"] for c in changes] == ["lowered"]


def compared_values(tmp_path, text_a: str, text_b: str) -> dict:
    """(value in A, value in B) → change, for two plans given as text."""
    from pipeline import extract_file
    from pipeline.dataset import document_to_dict

    (tmp_path / "a.txt").write_text(text_a, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text_b, encoding="utf-8")
    docs = [document_to_dict(extract_file(tmp_path / n)) for n in ("a.txt", "b.txt")]
    rows = compare_documents(*docs)["targets"]
    return {((r["a"] or {}).get("value"), (r["b"] or {}).get("value")): r["change"] for r in rows}


def test_amounts_whose_indicator_names_nothing_pair_by_their_sentences(tmp_path):
    # 投入 alone names no line of spending: the sentence tells the school programme from the
    # hospital one; 支出 and 投入 of “三农” are one budget line in two wordings
    pairs = compared_values(tmp_path,
                            "五年内国家财政将投入200多亿元，对乡镇卫生院和部分县医院房屋和设备进行改造。"
                            "今年中央财政安排“三农”支出5625亿元。",
                            "实施农村初中校舍改造计划，“十一五”期间中央财政将投入100亿元。"
                            "中央财政拟安排“三农”投入7161亿元。")
    assert pairs == {(5625, 7161): "raised", (200, None): "dropped", (None, 100): "new"}


def test_a_changed_amount_is_named_by_the_side_whose_indicator_names_its_line():
    a = {"items": [item("1", "x", [target(2762, "亿元", indicator="中央财政社会保障投入")])], "text": ""}
    b = {"items": [item("1", "x", [target(2930, "亿元", indicator="中央财政投入")])], "text": ""}
    [row] = compare_targets(a, b, [{"a": "1", "b": "1"}])
    assert (row["change"], row["indicator"]) == ("raised", "中央财政社会保障投入")


def test_series_panel_names_the_concept_of_a_reworded_indicator():
    def doc(doc_id, year, text, indicator, value):
        start = text.index(str(value))
        t = dict(target(value, "%", "approx", indicator=indicator), text=text[start - len(indicator):start + 4],
                 span=[start - len(indicator), start + 4])
        return {"doc_id": doc_id, "meta": {"plan_year": year, "plan_title": None, "title": doc_id}, "text": text,
                "items": [item("1", text, [t])]}
    a = doc("a", 2014, "国内生产总值增长7.5%左右。", "国内生产总值增长", 7.5)
    b = doc("b", 2015, "经济增长7%左右。", "经济增长", 7)
    panel = series_panels([a, b], [compare_documents(a, b)])["targets_panel"]
    assert [(row["year"], row["concept"]) for row in panel] == [(2014, "gdp_growth"), (2015, "gdp_growth")]


def test_two_plans_without_folder_print_the_comparison(tmp_path):
    result = subprocess.run([sys.executable, "-m", "pipeline", "compare", RAW / "000_c1eb6a3cac873dd4.txt",
                             RAW / "104_xihaian_education_points_2022.txt"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    comparison = json.loads(result.stdout)
    assert comparison["a"]["plan_year"] == 2021 and comparison["b"]["plan_year"] == 2022


def test_a_preambles_goals_compare_and_one_an_item_restates_counts_once(tmp_path, validate_comparison):
    from pipeline import extract_file
    from pipeline.dataset import document_to_dict, table_rows
    for year, pm, farmland in ((2026, 30, 94), (2027, 29, 95)):
        (tmp_path / f"{year}.txt").write_text(
            f"岚江市生态环境局{year}年工作要点\n"
            f"主要目标是：全市PM2.5平均浓度控制在{pm}微克/立方米以内，受污染耕地安全利用率达到{farmland}%左右。\n"
            f"一、推进土壤污染防治\n1.落实受污染耕地安全利用措施，受污染耕地安全利用率达到{farmland}%左右。\n",
            encoding="utf-8")
    docs = [document_to_dict(extract_file(tmp_path / f"{y}.txt")) for y in (2026, 2027)]
    comparison = compare_documents(*docs)
    validate_comparison(comparison)
    rows = {r["indicator"]: r for r in comparison["targets"]}
    # the PM2.5 goal is the preamble's only: compared, with no item
    pm = rows["PM2.5平均浓度"]
    assert (pm["a"]["value"], pm["b"]["value"], pm["change"]) == (30, 29, "lowered")
    assert pm["a"]["item"] is None and pm["b"]["item"] is None
    # the farmland goal, stated again by item 1.1, is one target, placed at the item (as is a goal an
    # item names more shortly: see test_a_goal_an_item_restates_in_fewer_words_is_one_target)
    [farmland] = [r for r in comparison["targets"] if r["a"] and r["a"]["value"] == 94]
    assert (farmland["a"]["item"], farmland["change"]) == ("1.1", "raised")
    assert len(comparison["targets"]) == 2
    # in the tables a preamble goal is a target row with no item
    targets = table_rows(docs)["targets"]
    assert [(r["item_id"], r["value"]) for r in targets if r["doc_id"] == docs[0]["doc_id"]] == \
        [(None, 30), (None, 94), ("1.1", 94)]


def test_a_goal_an_item_restates_in_fewer_words_is_one_target():
    from pipeline.compare import compared_targets
    goal = dict(target(5, "个", "ge", indicator="新开工高速公路项目"), span=[0, 1])
    doc = {"items": [item("1.1", "x", [target(5, "个", "ge", indicator="新开工")])], "preamble_targets": [goal],
           "text": ""}
    assert [(i, t["indicator"]) for i, t in compared_targets(doc)] == [("1.1", "新开工")]
    other = dict(goal, value=4)  # another figure is another goal
    assert len(compared_targets(dict(doc, preamble_targets=[other]))) == 2


def test_items_measuring_one_concept_in_other_words_are_nearer_than_their_letters_say():
    """研发经费投入强度 and 全社会研发投入占地区生产总值比重 are one line of work (indicators.tsv)."""
    rd_a = item("1", "——研发经费投入强度达到2.6%；", [target(2.6, "%", "ge", indicator="研发经费投入强度")])
    rd_b = item("1", "——全社会研发投入占地区生产总值比重达到2.75%；",
                [target(2.75, "%", "ge", indicator="全社会研发投入占地区生产总值比重")])
    lettered = dict(rd_b, targets=[target(2.75, "%", "ge", indicator="全社会研发投入")])
    assert similarity_matrix([rd_a], [rd_b])[0, 0] > similarity_matrix([rd_a], [lettered])[0, 0]


def test_themes_choose_between_candidates_but_make_no_pair():
    def themed(id_, text, code):
        return dict(item(id_, text), themes=[{"level": 1, "code": code, "label": code, "score": 0.9}])

    # (longer than a budget line a plan repeats, which aligns by its heading)
    text = "要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，推动各项工作落地见效，确保完成全年目标任务。"
    a = [themed("1", text, "4"), themed("2", text, "9")]
    rows = align_items(a, [themed("1", text, "9")])
    assert {(r["a"], r["b"]) for r in rows if r["a"] and r["b"]} == {("2", "1")}
    # a theme in common is no similarity: unrelated texts stay unaligned
    rows = align_items([themed("1", "扩大有效投资。", "9")], [themed("1", "加强生态保护。", "9")])
    assert sorted(r["status"] for r in rows) == ["dropped", "new"]


def test_a_short_indicator_takes_its_subject_from_the_clause_before(tmp_path):
    # 开放率 alone could be any rate: the clause before says which, and the other year names it in full
    pairs = compared_values(tmp_path,
                            "推进全民健康信息平台建设，居民电子健康档案向个人开放，开放率达到70%。"
                            "加强校园食品安全，中小学校食堂覆盖率达到100%。",
                            "推进全民健康信息平台建设，居民电子健康档案向个人开放率达到80%。"
                            "加强老年健康服务，农村留守老年人探访率达到100%。")
    assert pairs[(70, 80)] == "raised"


def compared_reports(tmp_path, a: tuple[int, str], b: tuple[int, str]) -> dict:
    """compared_values for two reports given as (year, the plan year's sentences)."""
    text_a, text_b = (f"国务院{year}年政府工作报告\n\n一、今年的工作\n{text}\n" for year, text in (a, b))
    return compared_values(tmp_path, text_a, text_b)


def test_a_price_quoted_per_other_weights_and_local_bonds_in_two_wordings_pair(tmp_path):
    # the weight a price is quoted per is its unit, not its name; the local bonds that the centre
    # issues are one line however the year words them (地方发行…债券 → 代地方发债)
    pairs = compared_reports(tmp_path, (2009, "今年小麦最低收购价平均每斤提高0.11元。国务院同意地方发行2000亿元债券。"),
                             (2011, "今年小麦最低收购价每50公斤提高5到7元。继续代地方发债2000亿元。"))
    assert (0.11, 5) in pairs  # paired (0.11元 a jin against 5–7元 per 50 kg: how it moved needs the weights)
    assert pairs[(2000, 2000)] == "unchanged"


def test_budget_lines_and_rates_that_the_lexicon_names_in_other_words_pair(tmp_path):
    # indicators.tsv: 长期建设国债 ≈ 国债投资, 广义货币M2 ≈ 广义货币, 为加快社会保障体系建设…安排 ≈ 社会保障投入
    pairs = compared_reports(tmp_path, (2006, "拟发行长期建设国债600亿元。广义货币M2增长16%左右。"
                                               "为加快社会保障体系建设，今年中央财政将安排2762亿元。"),
                             (2008, "拟安排国债投资300亿元。广义货币供应量预期增长14%。"
                                    "各级政府要进一步增加社会保障投入，中央财政拟安排3185亿元。"))
    assert pairs[(600, 300)] == "lowered"
    assert pairs[(16, 14)] == "lowered"
    assert pairs[(2762, 3185)] == "raised"
