import pytest

from pipeline.ingest.normalize import normalize_text
from pipeline.resources import ingest_rules


@pytest.mark.parametrize("raw, clean", [
    ("一、总体要求\r\n1.加强领导。\r\n", "一、总体要求\n1.加强领导。"),
    ("一、总体要求\r1.加强领导。", "一、总体要求\n1.加强领导。"),
    ("[bookmark: _GoBack]17.推动普通高中优质多元发展。", "17.推动普通高中优质多元发展。"),
    ("甲\n\n\n\n乙", "甲\n\n乙"),
    ("\n\n\n标题\n\n", "标题"),
    ("国务院总理\n李　强", "国务院总理\n李强"),
    ("　　现在，我代表国务院。", "现在，我代表国务院。"),
    ("中共某某委员会  某某局", "中共某某委员会  某某局"),
])
def test_normalize(raw, clean):
    assert normalize_text(raw, ingest_rules()) == clean


def test_web_export_soft_breaks_are_joined_but_header_names_are_not():
    body = "这是一段很长的正文，用来说明段落之间以空行分隔的网页导出格式，长度超过三十个字。"
    raw = "\n\n".join([
        "中共某某委员会\n某某局",
        body,
        "细颗粒物（PM\n2.5\n）浓度继续下降，" + body,
        body,
        "三、关于《\n国民经济和社会发展第十一个五年规划纲要（草案）\n》的说明",  # a heading, no punctuation
        body,
    ])
    lines = normalize_text(raw, ingest_rules()).split("\n")
    assert lines[0:2] == ["中共某某委员会", "某某局"]
    assert "细颗粒物（PM2.5）浓度继续下降，" + body in lines
    assert "三、关于《国民经济和社会发展第十一个五年规划纲要（草案）》的说明" in lines


def test_lines_of_a_list_in_a_blank_separated_file_stay_paragraphs():
    """A plan separating its paragraphs by blank lines may still set a list a line: its goals and
    its numbered node goals are paragraphs, not one run-on line."""
    body = "这是一段很长的正文，用来说明段落之间以空行分隔的格式，长度超过三十个字。"
    raw = "\n\n".join([
        body, body, body,
        "主要预期目标是：\n——地区生产总值增长5.5%左右；\n——城镇新增就业6.5万人以上。",
        "1. 加快在建项目建设进度。分项目明确节点目标：\n（1）甲段9月底前完成交工验收；\n（2）乙段完成路基工程。"
        "\n厅领导班子成员分片包联重点项目。",
        body,
    ])
    lines = normalize_text(raw, ingest_rules()).split("\n")
    assert lines[6:9] == ["主要预期目标是：", "——地区生产总值增长5.5%左右；", "——城镇新增就业6.5万人以上。"]
    assert lines[10:14] == ["1. 加快在建项目建设进度。分项目明确节点目标：", "（1）甲段9月底前完成交工验收；",
                           "（2）乙段完成路基工程。", "厅领导班子成员分片包联重点项目。"]


def test_addressee_line_ends_its_paragraph_only_in_the_head():
    body = "这是一段很长的正文，用来说明段落之间以空行分隔的格式，长度超过三十个字。"
    raw = "\n\n".join([
        "某某省交通运输厅关于印发\n《2026年工作要点》的通知",
        "各市交通运输局，厅机关各处室、直属各单位：\n《2026年工作要点》已经厅党组会议审议通过，现印发给你们。",
        body, body, body,
        "当前仍面临一些困难和问题，主要是：\n经济增长存在下行压力，物价水平仍处高位。",
        body,
    ])
    lines = normalize_text(raw, ingest_rules()).split("\n")
    i = lines.index("各市交通运输局，厅机关各处室、直属各单位：")
    assert lines[i + 1] == "《2026年工作要点》已经厅党组会议审议通过，现印发给你们。"
    assert "当前仍面临一些困难和问题，主要是：经济增长存在下行压力，物价水平仍处高位。" in lines


def test_zero_width_line_inside_a_paragraph_is_not_a_paragraph_break():
    body = "这是一段很长的正文，用来说明段落之间以空行分隔的网页导出格式，长度超过三十个字。"
    raw = "\n\n".join([body, body, "努力向人民群众交出合格\n\u200b\n答卷。" + body, body])
    assert "努力向人民群众交出合格答卷。" + body in normalize_text(raw, ingest_rules()).split("\n")
