"""Build format variants of a TXT notice at test time: PDF, DOCX with automatic numbering, a
government-style HTML page, GBK bytes and UTF-8 with BOM and CRLF."""
from __future__ import annotations

import copy
import html
from pathlib import Path

import regex

# The marker families a DOCX generator turns into Word automatic numbering: (pattern, ilvl,
# numFmt, lvlText). The TXT's printed marker is removed and Word must recreate it.
_AUTO_NUMBERED = (
    (regex.compile(r"^[一二三四五六七八九十]{1,3}、"), 0, "chineseCounting", "%1、"),
    (regex.compile(r"^（[一二三四五六七八九十]{1,3}）"), 1, "chineseCounting", "（%2）"),
    (regex.compile(r"^\d{1,2}\."), 2, "decimal", "%3."),
    (regex.compile(r"^（\d{1,2}）"), 3, "decimal", "（%4）"),
)


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").split("\n")


def write_gbk(text: str, path: Path) -> Path:
    path.write_bytes(text.encode("gb18030"))
    return path


def write_bom_crlf(text: str, path: Path) -> Path:
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    return path


def write_pdf(text: str, path: Path, header: str) -> Path:
    """A4 PDF in reportlab's built-in CID font STSong-Light: paragraphs with a two-character
    first-line indent (GB/T 9704 style), right-aligned lines where the TXT indents them, a
    running header on every page and page numbers like — 1 — at the foot."""
    from reportlab.lib.enums import TA_LEFT, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    size = 12
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=size, leading=size * 1.6,
                          firstLineIndent=2 * size, wordWrap="CJK", alignment=TA_LEFT)
    right = ParagraphStyle("right", parent=body, firstLineIndent=0, alignment=TA_RIGHT)

    def furniture(canvas, doc):
        canvas.saveState()
        canvas.setFont("STSong-Light", 9)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 40, header)
        canvas.drawCentredString(A4[0] / 2, 30, f"— {doc.page} —")
        canvas.restoreState()

    story = []
    for line in _lines(text):
        if not line.strip():
            story.append(Spacer(1, size * 0.5))
            continue
        style = right if line.startswith("    ") else body
        story.append(Paragraph(html.escape(line.strip()), style))
    doc = SimpleDocTemplate(str(path), pagesize=A4, topMargin=72, bottomMargin=72, leftMargin=72, rightMargin=72)
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return path


def write_html(text: str, path: Path, title: str) -> Path:
    """A portal page: navigation, breadcrumb, publication line, share bar, sidebar and footer
    around the notice, one <p> per line."""
    paragraphs = "\n".join(
        f'<p style="text-align: right">{html.escape(line.strip())}</p>' if line.startswith("    ")
        else f"<p>{html.escape(line.strip())}</p>"
        for line in _lines(text) if line.strip()
    )
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{html.escape(title)}_通知公告_某某区人民政府门户网站</title>
<style>.nav li {{ display: inline }}</style><script>var _hmt = _hmt || [];</script></head>
<body>
<div class="header"><div class="logo">某某区人民政府门户网站</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/bs">政务服务</a></li><li><a href="/hd">互动交流</a></li></ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 通知公告</div>
<div class="main">
<div class="article">
<h1 class="article-title">{html.escape(title)}</h1>
<div class="article-info">发布日期：2099-01-02　　来源：某某区人民政府办公室　　浏览次数：1024</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<div id="zoom" class="article-content">
{paragraphs}
</div>
<div class="print">【打印本页】【关闭窗口】</div>
</div>
<div class="sidebar"><h3>相关链接</h3><ul><li><a href="#">国务院办公厅关于某某工作的通知</a></li>
<li><a href="#">省人民政府关于某某事项的意见</a></li></ul></div>
</div>
<div class="footer">主办单位：某某区人民政府办公室　地址：某某路1号　网站标识码：3702110001<br>
鲁ICP备00000000号　版权所有</div>
</body></html>"""
    path.write_text(page, encoding="utf-8")
    return path


def write_docx(text: str, path: Path) -> Path:
    """DOCX whose outline markers are Word automatic numbering, not typed text: one list whose
    levels print 一、 （一） 1. （1）, so the reader has to rebuild them from numbering.xml.

    Levels 1. and （1） never restart by themselves (the seed's items run on across sections);
    wherever the TXT's number is not the one Word would print next, a new w:num restarts the
    level there with a startOverride."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    document = docx.Document()
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        + ('<w:lvlRestart w:val="0"/>' if ilvl >= 2 else "")  # restarts are explicit (startOverride)
        + f'<w:lvlText w:val="{lvl_text}"/><w:suff w:val="nothing"/></w:lvl>'
        for _, ilvl, fmt, lvl_text in _AUTO_NUMBERED
    )
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{levels}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    next_num_id = [900]
    current = {"num": None}

    def new_num(restart_level: int | None, start: int = 1) -> int:
        next_num_id[0] += 1
        override = (
            f'<w:lvlOverride w:ilvl="{restart_level}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
            if restart_level is not None else ""
        )
        numbering.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{next_num_id[0]}"><w:abstractNumId w:val="90"/>{override}</w:num>'
        ))
        return next_num_id[0]

    counters: dict[int, int] = {}  # what Word has printed last, per level of the one list
    for line in _lines(text):
        stripped = regex.sub(r"\[bookmark:[^\]]*\]", "", line).strip()  # a TXT export artefact, not Word text
        if not stripped:
            continue
        for pattern, ilvl, _, _ in _AUTO_NUMBERED:
            match = pattern.match(stripped)
            if not match:
                continue
            value = _ordinal(match.group(0))
            if current["num"] is None:
                current["num"] = new_num(None)
            if value != counters.get(ilvl, 0) + 1:
                # Word would print the next number: restart the level where the TXT does
                current["num"] = new_num(ilvl, value)
            counters[ilvl] = value
            if ilvl == 0:
                counters.pop(1, None)  # （一） restarts under each 一、 (no lvlRestart on level 1)
            paragraph = document.add_paragraph(stripped[match.end():])
            num_pr = parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{current["num"]}"/></w:numPr>'
            )
            paragraph._p.get_or_add_pPr().append(copy.deepcopy(num_pr))
            break
        else:
            paragraph = document.add_paragraph(stripped)
            if line.startswith("    "):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.save(str(path))
    return path


def _ordinal(marker: str) -> int:
    digits = regex.search(r"\d+", marker)
    if digits:
        return int(digits.group(0))
    values = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    core = marker.strip("（）、")
    if core.startswith("十"):
        return 10 + values.get(core[1:], 0)
    if "十" in core:
        tens, _, ones = core.partition("十")
        return values[tens] * 10 + values.get(ones, 0)
    return values[core]
