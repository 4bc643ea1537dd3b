"""Every format variant of a sample notice parses like its TXT: same meta, outline and items.

The variants are made at test time from the TXT (tests/variants.py): a reportlab PDF in
STSong-Light with page numbers and a running header, a DOCX whose markers are Word automatic
numbering, a portal HTML page, GBK bytes, UTF-8 with BOM and CRLF line ends.
"""
from __future__ import annotations

import pytest
import variants
from conftest import SAMPLES

from pipeline import extract_file
from pipeline.dataset import document_to_dict

# The CID font has no glyph for the middle dot of foreign names (汉斯·赛德尔): the PDF would
# lose it whatever the reader does, so the PDF variant is made without it.
PDF_MISSING_GLYPHS = str.maketrans("", "", "·")
# The bundled State Council reports are web exports with link text on lines of its own inside a
# paragraph (积极推动加入 / 全面与进步跨太平洋伙伴关系协定 / （CPTPP）等…). The PDF, DOCX and HTML writers
# make each line a paragraph, so their variants are other documents; the encodings are still checked.
WEB_EXPORT = "state_council_government_work_report"

def structure(path):
    doc = document_to_dict(extract_file(path))
    items = [{k: it[k] for k in ("id", "marker", "path", "section_titles", "lead", "text", "responsible")}
             for it in doc["items"]]
    strip = lambda hs: [{k: h[k] for k in ("id", "level", "marker", "title")} | {"children": strip(h["children"])}  # noqa: E731
                        for h in hs]
    return doc["meta"], doc["preamble"], strip(doc["outline"]), items


def assert_same(variant, reference):
    meta_v, preamble_v, outline_v, items_v = structure(variant)
    meta_r, preamble_r, outline_r, items_r = structure(reference)
    assert meta_v == meta_r
    assert preamble_v == preamble_r
    assert outline_v == outline_r
    assert items_v == items_r


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("kind", ["gbk", "bom_crlf", "pdf", "docx", "html"])
def test_variant_parses_like_txt(tmp_path, sample, kind):
    if WEB_EXPORT in sample.stem and kind in ("pdf", "docx", "html"):
        pytest.skip("a web export's line breaks inside paragraphs do not survive a change of layout")
    text = sample.read_text(encoding="utf-8")
    reference = tmp_path / "reference.txt"
    if kind == "gbk":
        variant = variants.write_gbk(text, tmp_path / "v.txt")
    elif kind == "bom_crlf":
        variant = variants.write_bom_crlf(text, tmp_path / "v.txt")
    elif kind == "pdf":
        pytest.importorskip("reportlab")
        text = text.translate(PDF_MISSING_GLYPHS)
        variant = variants.write_pdf(text, tmp_path / "v.pdf", header="某某文件汇编")
    elif kind == "docx":
        variant = variants.write_docx(text, tmp_path / "v.docx")
    else:
        variant = variants.write_html(text, tmp_path / "v.html", title=text.strip().split("\n")[0])
    reference.write_text(text, encoding="utf-8")
    assert_same(variant, reference)


def test_pdf_records_pages_and_extractor(tmp_path):
    pytest.importorskip("reportlab")
    text = SAMPLES[0].read_text(encoding="utf-8").translate(PDF_MISSING_GLYPHS)
    doc = extract_file(variants.write_pdf(text, tmp_path / "v.pdf", header="某某文件汇编"))
    assert doc.source.format == "pdf" and doc.source.pages > 1 and doc.source.extractor == "pdfplumber"
    assert "某某文件汇编" not in doc.text and "— 2 —" not in doc.text


def test_docx_markers_come_from_numbering_xml(tmp_path):
    text = SAMPLES[0].read_text(encoding="utf-8")
    path = variants.write_docx(text, tmp_path / "v.docx")
    import docx

    typed = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "1.加强党的领导" not in typed  # python-docx alone loses the label …
    assert "1.加强党的领导。" in extract_file(path).text  # … the reader rebuilds it


def test_html_publication_line_goes_to_source_not_meta(tmp_path):
    text = SAMPLES[0].read_text(encoding="utf-8")
    doc = extract_file(variants.write_html(text, tmp_path / "v.html", title="通知"))
    assert doc.source.published == "2099-01-02"
    assert doc.meta.date == "2021-02-20"
    assert "当前位置" not in doc.text and "版权所有" not in doc.text and "相关链接" not in doc.text
