"""Official-document elements (annotation guide, section 1)."""
import pytest

from pipeline.ingest.normalize import normalize_text
from pipeline.resources import ingest_rules
from pipeline.structure import parse_document
from pipeline.types import Source


def meta_of(text: str):
    text = normalize_text(text, ingest_rules())
    return parse_document(text, Source("t.txt", "txt", "utf-8", "0" * 64)).meta


def test_seed_meta_matches_the_guide(seed_doc):
    m = seed_doc.meta
    assert m.issuer_mark == "中共青岛市黄岛区委教育工作委员会文件"
    assert (m.doc_number.text, m.doc_number.prefix, m.doc_number.year, m.doc_number.serial) == (
        "青黄教工委〔2021〕1号", "青黄教工委", 2021, 1)
    assert m.issuers == ("中共青岛市黄岛区委教育工作委员会", "青岛西海岸新区教育和体育局")
    assert m.title == "关于印发《2021年青岛西海岸新区教育体育工作要点》的通知"
    assert m.doc_type == "通知"
    assert m.recipients == ("区体育发展中心", "各学区教育服务中心", "各学校、幼儿园", "局属各单位", "机关各科室")
    assert m.date == "2021-02-20"
    assert m.plan_title == "2021年青岛西海岸新区教育体育工作要点" and m.plan_year == 2021
    assert m.attachments == () and m.cc == () and m.printed_by is None and m.printed_date is None


def test_seed_outline_and_items(seed_doc):
    assert len(seed_doc.outline) == 3
    assert sum(len(h.children) for h in seed_doc.outline) == 8
    assert [it.id for it in seed_doc.items][:6] == ["1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.2.5", "1.2.6"]
    assert len(seed_doc.items) == 32
    item17 = seed_doc.items[16]
    assert (item17.id, item17.marker, item17.lead) == ("2.2.17", "17.", "推动普通高中优质多元发展")
    assert seed_doc.preamble.startswith("2021年是中国共产党成立100周年")


@pytest.mark.parametrize("number, parts", [
    ("青黄教工委〔2021〕1号", ("青黄教工委", 2021, 1)),
    ("东文旅发[2022]8号", ("东文旅发", 2022, 8)),
    ("国办发（2021）12号", ("国办发", 2021, 12)),
    ("鲁政字〔2023〕第45号", ("鲁政字", 2023, 45)),
])
def test_doc_number_variants(number, parts):
    m = meta_of(f"某某市人民政府文件\n{number}\n关于加强安全工作的通知\n各单位：\n现将有关事项通知如下。\n")
    assert m.doc_number.text == number
    assert (m.doc_number.prefix, m.doc_number.year, m.doc_number.serial) == parts


def test_chinese_numeral_date_colophon_and_attachments():
    m = meta_of(
        "临卫发〔2023〕5号\n临川市卫生健康委员会\n关于印发《临川市2023年工作方案》的通知\n各有关单位：\n"
        "现将方案印发给你们，请认真贯彻落实。\n附件：1.临川市2023年工作方案\n    2.评价要点\n"
        "临川市卫生健康委员会\n二〇二三年二月十日\n（此件公开发布）\n临川市2023年工作方案\n"
        "一、总体要求\n（一）加强领导。建立机制。\n"
        "抄送：市人民政府办公室，市医疗保障局。\n临川市卫生健康委员会办公室      2023年2月13日印发\n"
    )
    assert m.date == "2023-02-10"
    assert m.attachments == ("临川市2023年工作方案", "评价要点")
    assert m.cc == ("市人民政府办公室", "市医疗保障局")
    assert (m.printed_by, m.printed_date) == ("临川市卫生健康委员会办公室", "2023-02-13")
    assert m.plan_title == "临川市2023年工作方案" and m.plan_year == 2023


def test_report_without_header_takes_title_date_and_speaker_from_first_lines():
    m = meta_of(
        "政府工作报告\n——2019年3月5日在第十三届全国人民代表大会第二次会议上\n国务院总理　李克强\n各位代表：\n"
        "现在，我代表国务院，向大会报告政府工作。\n一、2018年工作回顾\n过去一年，经济运行保持在合理区间。\n"
    )
    assert m.title == "政府工作报告" and m.doc_type == "报告"
    assert m.date == "2019-03-05" and m.plan_year == 2019
    assert m.doc_number is None and m.issuer_mark is None
    assert m.recipients == ("各位代表",)


def test_absent_fields_are_null_not_guessed():
    m = meta_of("一、总体要求\n（一）加强领导。建立机制。\n")
    assert m.title is None and m.date is None and m.doc_number is None and m.issuers == ()


def test_transmitted_plan_without_signature_starts_at_its_title():
    doc_text = (
        "关于印发《某某区2024年教育工作要点》的通知\n各学校：\n现将工作要点印发给你们，请认真贯彻落实。\n"
        "某某区2024年教育工作要点\n2024年是关键之年。\n一、总体要求\n（一）加强领导。建立机制。\n（二）强化保障。落实经费。\n"
    )
    text = normalize_text(doc_text, ingest_rules())
    doc = parse_document(text, Source("t.txt", "txt", "utf-8", "0" * 64))
    assert doc.meta.plan_title == "某某区2024年教育工作要点" and doc.meta.plan_year == 2024
    assert doc.preamble == "2024年是关键之年。"
    assert [it.id for it in doc.items] == ["1.1", "1.2"]


def test_a_plan_execution_report_plans_the_year_after_the_one_it_reports_on():
    m = meta_of("关于岚川市2025年国民经济和社会发展计划执行情况与2026年国民经济和社会发展计划草案的报告\n"
                "各位代表：\n一、2025年计划执行情况\n全年实现地区生产总值3862.4亿元。\n")
    assert m.plan_year == 2026
