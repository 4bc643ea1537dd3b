"""The State Council government work reports: 2013–2019 from ../shared (skipped without it), and
the years bundled in corpus/raw."""
import pytest
from conftest import ROOT

from pipeline import extract_file
from pipeline.dataset import document_to_dict
from pipeline.reports import main_targets

# Read off the reports: (level-1 headings, level-2 markers under each level-1 heading).
EXPECTED = {
    2013: (3, {"3": 4}),
    2014: (3, {"3": 9}),
    2015: (6, {}),
    2016: (3, {"3": 8}),
    2017: (3, {"3": 9}),
    2018: (3, {"1": 9, "3": 9}),
    2019: (3, {"3": 10}),
}


@pytest.mark.parametrize("year", sorted(EXPECTED))
def test_report_headings_and_paragraph_items(reports, year):
    doc = extract_file(reports[year])
    level1, level2 = EXPECTED[year]
    assert [h.marker for h in doc.outline] == ["一、", "二、", "三、", "四、", "五、", "六、"][:level1]
    assert doc.outline[0].title.endswith("工作回顾")
    for heading in doc.outline:
        # a （n） is a heading when paragraphs follow it, an item when it stands alone
        markers = {h.marker for h in heading.children} | {
            it.marker for it in doc.items if it.id.count(".") == 1 and it.id.startswith(heading.id + ".") and it.marker
        }
        assert len(markers) == level2.get(heading.id, 0)
    paragraphs = [it for it in doc.items if it.marker is None]
    assert len(paragraphs) > 50
    assert all(doc.text[it.span[0]:it.span[1]] == it.text for it in doc.items)
    assert all("本作品" not in it.text for it in doc.items)


def test_2017_report_title_and_date_from_its_first_lines(reports):
    meta = extract_file(reports[2017]).meta
    assert (meta.title, meta.date, meta.plan_year) == ("政府工作报告", "2017-03-05", 2017)
    assert meta.signatories == ("国务院总理", "李克强")


@pytest.mark.parametrize("year", sorted(EXPECTED))
def test_review_of_the_past_gives_no_targets(reports, year):
    doc = extract_file(reports[year])
    review = [it for it in doc.items if it.section_titles and it.section_titles[0] == doc.outline[0].title]
    assert review, "the review section has items"
    assert [t.text for it in review for t in it.targets] == []


def test_paragraphs_before_the_first_numbered_child_are_items(reports):
    doc = extract_file(reports[2016])
    intro = [it for it in doc.items if it.id.startswith("3.0.")]
    assert intro and any("主要预期目标是" in it.text for it in intro)
    assert any(t.comparator == "range" and (t.value, t.value_max) == (6.5, 7) for it in intro for t in it.targets)


def test_reworded_tax_cut_is_one_raised_target_from_2017_to_2018(reports):
    """再减少企业税负3500亿元左右 (2017) and 再为企业和个人减税8000多亿元 (2018) are one indicator in
    indicators.tsv: the comparison says raised, not one dropped and one new target."""
    from pipeline.compare import compare_documents
    from pipeline.dataset import document_to_dict

    a, b = (document_to_dict(extract_file(reports[year], tagger=None)) for year in (2017, 2018))
    rows = compare_documents(a, b)["targets"]
    tax = [r for r in rows if r["a"] and r["a"]["value"] == 3500 and r["a"]["unit"] == "亿元"]
    assert len(tax) == 1 and tax[0]["b"] is not None
    assert (tax[0]["b"]["value"], tax[0]["change"]) == (8000, "raised")


@pytest.mark.parametrize("name, expected", [
    # 主要预期目标是 (2005–2025)
    ("131_state_council_government_work_report_2009", [8, 900, 4.6, 4]),
    # 国民经济和社会发展的预期目标是 (2008) and …的主要目标是 (2007), read off the text
    ("132_state_council_government_work_report_2008", [8, 4.8, 1000, 4.5]),
    ("133_state_council_government_work_report_2007", [8, 900, 4.6, 3]),
])
def test_main_targets_of_reports_that_word_the_sentence_differently(name, expected):
    doc = document_to_dict(extract_file(ROOT / "corpus" / "raw" / f"{name}.txt", tagger=None))
    assert [t["value"] for t in main_targets(doc)] == expected
