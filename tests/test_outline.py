"""Outline markers, nesting and items (annotation guide, section 2)."""
import pytest

from pipeline.ingest.normalize import normalize_text
from pipeline.resources import ingest_rules, structure_rules
from pipeline.structure import parse_document
from pipeline.structure.outline import lead_of, match_marker
from pipeline.types import Source


def parse(text: str):
    text = normalize_text(text, ingest_rules())
    return parse_document(text, Source("t.txt", "txt", "utf-8", "0" * 64))


@pytest.mark.parametrize("line, family, number, marker", [
    ("一、总体要求", "cn_dun", 1, "一、"),
    ("十二．保障措施", "cn_dun", 12, "十二．"),
    ("（三）加快构建体系", "paren_cn", 3, "（三）"),
    ("(三)加快构建体系", "paren_cn", 3, "(三)"),
    ("1.加强党的领导。", "arabic", 1, "1."),
    ("1、加强党的领导。", "arabic", 1, "1、"),
    ("12．加强党的领导。", "arabic", 12, "12．"),
    ("（1）推行清单管理", "paren_arabic", 1, "（1）"),
    ("(2)推行清单管理", "paren_arabic", 2, "(2)"),
    ("②推行清单管理", "circled", 2, "②"),
    ("第十一条　支持企业", "article", 11, "第十一条"),
    ("第一部分　总体要求", "part", 1, "第一部分"),
    ("第三章 保障措施", "part", 3, "第三章"),
    ("一、一年来工作回顾", "cn_dun", 1, "一、"),  # 2004's review: 一年 after the marker is no grade
])
def test_markers(line, family, number, marker):
    found = match_marker(line, structure_rules().markers)
    assert (found.family, found.number, found.text) == (family, number, marker)


@pytest.mark.parametrize("line", [
    "2021年是中国共产党成立100周年。",
    "3.5%的增长目标",
    "2.5",
    "一、二年级学生每天作业不超过一小时。",
    "三、五年内完成改造任务。",
    "国内生产总值增长6%。",
    "第二条、第六条所列奖励与市级同类政策不重复享受。",  # a cross-reference that a PDF line wrap put first
])
def test_numbers_in_sentences_are_not_markers(line):
    assert match_marker(line, structure_rules().markers) is None


@pytest.mark.parametrize("text, lead", [
    ("加强党的领导。加强和改进党对教育工作的全面领导。", "加强党的领导"),
    ("深化“一网通办”。依托平台推动高频事项网上办。", "深化“一网通办”"),
    ("加强值班值守，确保信息畅通。森林防火期内……", None),
    ("统筹推进疫情防控和教育体育改革发展，实时优化方案。", None),
    ("没有句号的标题", None),
])
def test_lead(text, lead):
    assert lead_of(text) == lead


def test_skipped_rank_keeps_family_rank():
    doc = parse(
        "一、甲部分\n1.第一项。内容。\n2.第二项。内容。\n二、乙部分\n（一）乙一\n1.第三项。内容。\n"
    )
    assert [(it.id, it.path) for it in doc.items] == [
        ("1.1", ("一、", "1.")),
        ("1.2", ("一、", "2.")),
        ("2.1.1", ("二、", "（一）", "1.")),
    ]
    assert [(h.id, h.level, len(h.children)) for h in doc.outline] == [("1", 1, 0), ("2", 1, 1)]
    assert [(c.id, c.level, c.title) for c in doc.outline[1].children] == [("2.1", 2, "乙一")]


def test_run_in_heading_alone_is_an_item_and_with_paragraphs_a_heading():
    doc = parse(
        "一、重点任务\n（一）加强组织领导。建立工作专班。\n（二）强化要素保障。统筹资金。\n"
        "各地要落实配套资金。\n（三）严格督导考核。纳入考核。\n"
    )
    by_id = {it.id: it for it in doc.items}
    assert by_id["1.1"].lead == "加强组织领导" and by_id["1.1"].text == "加强组织领导。建立工作专班。"
    assert by_id["1.2.1"].text == "统筹资金。" and by_id["1.2.1"].marker is None
    assert by_id["1.2.2"].text == "各地要落实配套资金。"
    assert by_id["1.3"].marker == "（三）"
    assert [c.title for c in doc.outline[0].children] == ["强化要素保障"]


def test_a_paragraph_after_a_run_of_numbered_items_closes_their_heading():
    # a livelihood-projects plan: each project's numbered tasks, then its budget and its units
    doc = parse(
        "一、项目内容\n1.学前教育扩容提质工程\n（1）新建公办幼儿园3所。\n（2）改扩建乡镇公办幼儿园5所。\n"
        "（3）继续落实学前教育资助政策，对家庭经济困难儿童给予资助。\n项目计划投资8600万元。\n"
        "牵头单位：县教育局\n2.义务教育学校办学条件改善工程\n（1）完成8所农村薄弱学校改造。\n"
    )
    by_id = {it.id: it for it in doc.items}
    assert by_id["1.1.3"].text == "继续落实学前教育资助政策，对家庭经济困难儿童给予资助。"
    assert by_id["1.1.0.1"].text == "项目计划投资8600万元。" and by_id["1.1.0.1"].responsible == ("县教育局",)
    assert [it.id for it in doc.items] == ["1.1.1", "1.1.2", "1.1.3", "1.1.0.1", "1.2.1"]  # document order
    assert [c.title for c in doc.outline[0].children] == ["学前教育扩容提质工程", "义务教育学校办学条件改善工程"]


@pytest.mark.parametrize("line, text, responsible", [
    ("1.推行清单管理。动态调整事项。（责任单位：县政务服务中心）",
     "推行清单管理。动态调整事项。", ("县政务服务中心",)),
    ("1.推行清单管理。动态调整事项。（牵头单位：县发展改革局；配合单位：县市场监管局、县财政局）",
     "推行清单管理。动态调整事项。", ("县发展改革局", "县市场监管局", "县财政局")),
    ("1.推行清单管理。动态调整事项。\n责任单位：县税务局",
     "推行清单管理。动态调整事项。", ("县税务局",)),
    ("1.推行清单管理。动态调整事项。（责任科室：办公室、组织人事科）",
     "推行清单管理。动态调整事项。", ("办公室", "组织人事科")),
    # a unit with a bracket of its own, as in every county's notes
    ("1.推行清单管理。动态调整事项。（牵头单位：县自然资源局；配合单位：县农业农村局、各乡（镇）人民政府）",
     "推行清单管理。动态调整事项。", ("县自然资源局", "县农业农村局", "各乡（镇）人民政府")),
])
def test_responsibility_notes(line, text, responsible):
    doc = parse("一、重点任务\n" + line + "\n2.第二项。内容。\n")
    first = doc.items[0]
    assert (first.text, first.responsible) == (text, responsible)
    assert doc.text[first.span[0]:first.span[1]] == text


def test_document_without_headings_has_paragraph_items_and_preamble():
    doc = parse(
        "关于做好安全工作的通知\n各单位：\n为做好安全工作，现就有关事项通知如下：\n"
        "压实责任。各单位要落实责任。\n加强检查。开展隐患排查。\n特此通知。\n某某局\n2023年11月6日\n"
    )
    assert doc.preamble == "为做好安全工作，现就有关事项通知如下："
    assert [(it.id, it.lead) for it in doc.items] == [("1", "压实责任"), ("2", "加强检查")]
    assert doc.meta.signatories == ("某某局",) and doc.meta.date == "2023-11-06"


def test_item_spans_point_into_the_text(seed_doc):
    for item in seed_doc.items:
        assert seed_doc.text[item.span[0]:item.span[1]] == item.text
