"""Review pages and the corpus overview: every item and every extraction shown against its text,
markup that cannot corrupt the text, the `report` command, pages written by `extract -o`, and a
browser check of the seed's page."""
import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import RAW, ROOT, SEED

from pipeline.dataset import document_to_dict
from pipeline.review import highlight, render_overview, render_review

VOID = {"meta", "input", "br", "col", "img", "link"}


class Elements(HTMLParser):
    """Every element of a page with its attributes and full text, checking on the way that the
    tags nest (an end tag always closes the innermost open element)."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[dict] = []
        self.elements: list[dict] = []
        self.text: list[str] = []  # all text outside <style> and <script>
        self.feed(page)
        self.close()
        assert not self.stack, f"unclosed: {[e['tag'] for e in self.stack]}"

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": []}
        self.elements.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        assert self.stack and self.stack[-1]["tag"] == tag, f"</{tag}> closes <{self.stack[-1]['tag']}>"
        self.stack.pop()

    def handle_data(self, data):
        for element in self.stack:
            element["text"].append(data)
        if not any(e["tag"] in ("style", "script") for e in self.stack):
            self.text.append(data)

    def find(self, **attrs) -> list[dict]:
        return [e for e in self.elements if all(e["attrs"].get(k.replace("_", "-")) == v for k, v in attrs.items())]


def text_of(element: dict) -> str:
    return "".join(element["text"])


@pytest.fixture(scope="module")
def seed(seed_doc):
    return document_to_dict(seed_doc)


@pytest.fixture(scope="module")
def seed_page(seed):
    return render_review(seed)


def test_seed_page_shows_every_item_and_every_target(seed, seed_page):
    page = Elements(seed_page)
    for item in seed["items"]:
        blocks = [e for e in page.find(id=f"item-{item['id']}") if e["attrs"].get("data-item-id") == item["id"]]
        assert len(blocks) == 1, item["id"]
        assert item["text"] in text_of(blocks[0])
        marks = page.find(data_kind="target", data_item=item["id"])
        assert sorted(text_of(m) for m in marks) == sorted(t["text"] for t in item["targets"]), item["id"]
    assert sum(len(it["targets"]) for it in seed["items"]) > 0


def test_every_extraction_is_highlighted_and_listed_with_its_fields(seed, seed_page):
    page = Elements(seed_page)
    for item in seed["items"]:
        for kind, plural in (("number", "numbers"), ("project", "projects"), ("action", "actions")):
            marks = page.find(data_kind=kind, data_item=item["id"])
            spans = {m["attrs"]["data-ref"] for m in marks}
            assert len(spans) == len(item[plural]), (item["id"], kind)
    rows = [e for e in page.elements if e["tag"] == "tr" and "data-ref" in e["attrs"]]
    target = seed["items"][[len(it["targets"]) > 0 for it in seed["items"]].index(True)]["targets"][0]
    row = next(r for r in rows if target["text"] in text_of(r) and r["attrs"].get("data-kind-row") == "target")
    for value in (target["indicator"], target["comparator"], str(target["value"]), target["unit"], target["rule"]):
        assert value in text_of(row)
    mark = next(m for m in page.find(data_kind="target") if text_of(m) == target["text"])
    assert target["indicator"] in mark["attrs"]["title"] and target["comparator"] in mark["attrs"]["title"]


def test_page_is_self_contained_and_declares_chinese(seed_page):
    head = seed_page.split("<body>")[0]
    assert '<meta charset="utf-8">' in head and 'lang="zh-CN"' in head and "Noto Sans CJK SC" in head
    assert "http://" not in seed_page.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in seed_page
    assert "<link" not in seed_page and "src=" not in seed_page


def test_highlighted_text_reads_as_the_item_text_in_every_sample():
    from pipeline import extract_file

    for path in sorted(RAW.glob("*.txt")):
        doc = document_to_dict(extract_file(path))
        for item in doc["items"]:
            html_text, lost = highlight(doc, item)
            page = Elements(f"<div>{html_text}</div>")
            assert "".join(page.text) == item["text"], (path.name, item["id"])
            assert not lost, (path.name, item["id"], lost)


def synthetic(text: str, **entities) -> dict:
    """A one-item document whose extractions are given as kind=[(start, end), …]."""
    def entity(kind, start, end):
        base = {"text": text[start:end], "span": [start, end], "rule": f"test.{kind}"}
        extra = {"targets": {"indicator": "指标", "value": 1, "value_max": None, "unit": "所", "comparator": "eq",
                             "deadline": None},
                 "numbers": {"value": 1, "unit": None, "kind": "quantity", "scalar": None},
                 "projects": {"name": text[start:end], "kind": "facility", "status": None},
                 "actions": {"verb": text[start:start + 2], "object": text[start + 2:end], "category": "build"}}[kind]
        return {**base, **extra}

    item = {"id": "1.1", "marker": "（一）", "path": ["一、", "（一）"], "section_titles": ["总体要求"], "lead": None,
            "text": text, "span": [5, 5 + len(text)], "responsible": [], "themes": [],
            **{k: [] for k in ("targets", "numbers", "projects", "actions")}}
    for kind, spans in entities.items():
        item[kind] = [entity(kind, s, e) for s, e in spans]
        for e in item[kind]:
            e["span"] = [e["span"][0] + 5, e["span"][1] + 5]
    return {"doc_id": "t-00000000", "meta": {"title": "测试"}, "outline": [], "items": [item],
            "text": "前言。\n\n" + text + "\n", "warnings": []}


def test_crossing_and_nested_highlights_keep_the_text_and_the_target_whole():
    text = "新建改扩建学校11所，启用东江路幼儿园等16所。"
    doc = synthetic(text, targets=[(0, 10)], numbers=[(7, 10), (7, 10)], actions=[(0, 9), (2, 14)],
                    projects=[(11, 18), (9, 13)])
    html_text, lost = highlight(doc, doc["items"][0])
    assert not lost
    page = Elements(f"<div>{html_text}</div>")
    assert "".join(page.text) == text
    targets = page.find(data_kind="target")
    assert [text_of(t) for t in targets] == [text[0:10]]  # crossed by an action and a project, still one piece
    for kind, pieces in (("action", [text[0:9], text[2:14]]), ("project", [text[11:18], text[9:13]])):
        # a crossing highlight is cut into fragments sharing one reference: together they give its text
        by_ref: dict[str, str] = {}
        for mark in page.find(data_kind=kind):
            by_ref[mark["attrs"]["data-ref"]] = by_ref.get(mark["attrs"]["data-ref"], "") + text_of(mark)
        assert sorted(by_ref.values()) == sorted(pieces)


def test_markup_in_a_notice_stays_text(tmp_path):
    notice = tmp_path / "markup.txt"
    notice.write_text("某区2023年<b>教育</b>工作要点\n\n为推进教育事业发展，制定本工作要点。\n\n"
                      "一、加强安全<script>alert(1)</script>管理\n"
                      "（一）新建幼儿园12所<script>alert(2)</script>，落实“<i>双减</i>”&amp;政策，优质园占比不低于50%。\n"
                      "（二）推进智慧课堂建设。组织教学大比武。\n", encoding="utf-8")
    from pipeline import extract_file

    doc = document_to_dict(extract_file(notice))
    assert any("<script>" in it["text"] for it in doc["items"])
    for page_html in (render_review(doc), render_overview([doc])):
        page = Elements(page_html)
        assert len([e for e in page.elements if e["tag"] == "script"]) == 1  # the page's own script only
        assert not [e for e in page.elements if e["tag"] in ("b", "i") and text_of(e) in ("教育", "双减")]
        assert "&lt;b&gt;教育&lt;/b&gt;" in page_html  # the title, in both pages
    text = "".join(Elements(render_review(doc)).text)  # the markup read back as the characters of the notice
    for item in doc["items"]:
        assert item["text"] in text


def test_overview_counts_links_targets_and_chart(tmp_path):
    from pipeline import extract_file

    docs = [document_to_dict(extract_file(p)) for p in (SEED, RAW / "005_culture_tourism_points.txt")]
    page_html = render_overview(docs)
    page = Elements(page_html)
    links = {e["attrs"].get("href") for e in page.elements if e["tag"] == "a"}
    for doc in docs:
        assert f"{doc['doc_id']}.html" in links
    targets = page.find(id="targets")[0]
    for doc in docs:
        for item in doc["items"]:
            for target in item["targets"]:
                assert target["text"] in text_of(targets)
                assert f"{doc['doc_id']}.html#item-{item['id']}" in links
    # the goals of 005's preamble (全年主要预期目标是：接待国内游客3800万人次…) are rows too, and its
    # review page lists them
    goals = docs[1]["preamble_targets"]
    assert goals and all(g["text"] in text_of(targets) for g in goals)
    review = "".join(Elements(render_review(docs[1])).text)
    assert f"goals in the preamble ({len(goals)})" in review and all(g["text"] in review for g in goals)
    assert "<svg" in page_html and "Primary theme, level 1" in page_html
    text = "".join(page.text)
    for doc in docs:
        assert doc["meta"]["doc_type"] in text and str(doc["meta"]["plan_year"]) in text


def run(*args):
    return subprocess.run([sys.executable, "-m", "pipeline", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")


def test_report_command_from_a_notice_and_from_its_json(tmp_path):
    out = tmp_path / "seed.html"
    result = run("report", SEED, "-o", out)
    assert result.returncode == 0, result.stderr
    assert 'data-kind="target"' in out.read_text(encoding="utf-8")
    extracted = tmp_path / "seed.json"
    extracted.write_text(run("extract", SEED).stdout, encoding="utf-8")
    again = tmp_path / "again.html"
    assert run("report", extracted, "-o", again).returncode == 0
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


@pytest.mark.parametrize("name, content", [
    ("missing.txt", None),
    ("empty.txt", b""),
    ("notes.rtf", b"{\\rtf1 hello}"),
    ("list.json", b"[1, 2]"),
    ("other.json", b'{"a": 1}'),
    ("broken.json", b'{"items": '),
    ("shape.json", b'{"meta": {}, "items": [{"id": 1}]}'),
])
def test_report_on_bad_input_gives_one_line_and_no_file(tmp_path, name, content):
    source = tmp_path / name
    if content is not None:
        source.write_bytes(content)
    out = tmp_path / "page.html"
    result = run("report", source, "-o", out)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"zhengce: {source}: ")
    assert not out.exists() and not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))


def test_extract_writes_a_review_page_per_document_and_the_overview(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name in (SEED.name, "004_forest_fire_notice.txt"):
        shutil.copy(RAW / name, src / name)
    out = tmp_path / "out"
    assert run("extract", src, "-o", out).returncode == 0
    ids = sorted(p.stem for p in out.glob("*.json"))
    assert sorted(p.stem for p in out.glob("*.html")) == sorted([*ids, "overview"])
    for doc_id in ids:
        doc = json.loads((out / f"{doc_id}.json").read_text(encoding="utf-8"))
        page = Elements((out / f"{doc_id}.html").read_text(encoding="utf-8"))
        assert {e["attrs"]["data-item-id"] for e in page.elements if "data-item-id" in e["attrs"]} == \
            {it["id"] for it in doc["items"]}
    # a re-run parses nothing, yet the overview still covers every document
    (out / "overview.html").unlink()
    (out / f"{ids[0]}.html").unlink()
    second = run("extract", src, "-o", out)
    assert "2 unchanged" in second.stderr
    overview = (out / "overview.html").read_text(encoding="utf-8")
    assert all(f"{doc_id}.html" in overview for doc_id in ids)
    assert (out / f"{ids[0]}.html").exists()


# --- in a browser ---------------------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser_page(seed_page, tmp_path_factory):
    """The seed's review page opened from file:// in the system Chromium (skipped when either
    Playwright or Chromium is missing, unless ZHENGCE_REQUIRE_BROWSER=1 as in CI)."""
    required = os.environ.get("ZHENGCE_REQUIRE_BROWSER") == "1"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if required:
            pytest.fail("ZHENGCE_REQUIRE_BROWSER=1 but playwright is not installed")
        pytest.skip("playwright is not installed")
    if not CHROMIUM.exists():
        if required:
            pytest.fail(f"ZHENGCE_REQUIRE_BROWSER=1 but {CHROMIUM} is missing")
        pytest.skip(f"{CHROMIUM} is missing")
    path = tmp_path_factory.mktemp("review") / "seed.html"
    path.write_text(seed_page, encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(path.as_uri())
        yield page
        browser.close()


def test_browser_shows_every_item_and_highlights_every_target(browser_page, seed):
    page = browser_page
    for item in seed["items"]:
        block = page.locator(f'[data-item-id="{item["id"]}"]')
        assert block.count() == 1 and block.is_visible(), item["id"]
        assert item["text"] in block.locator(".text").inner_text()
        marks = page.locator(f'[data-kind="target"][data-item="{item["id"]}"]')
        shown = [marks.nth(k) for k in range(marks.count())]
        for target in item["targets"]:
            match = [m for m in shown if m.text_content() == target["text"] and m.is_visible()]
            assert match, (item["id"], target["text"])
            colour = match[0].evaluate("m => getComputedStyle(m).backgroundColor")
            assert colour not in ("rgba(0, 0, 0, 0)", "transparent"), target["text"]


def test_browser_hover_and_side_table_give_the_fields(browser_page, seed):
    page = browser_page
    item = next(it for it in seed["items"] if it["targets"])
    target = item["targets"][0]
    mark = next(m for m in (page.locator(f'[data-kind="target"][data-item="{item["id"]}"]').nth(k)
                            for k in range(len(item["targets"]))) if m.text_content() == target["text"])
    mark.hover()
    tip = page.locator("#tip")
    assert tip.is_visible()
    for value in (target["indicator"], target["comparator"], str(target["value"]), target["unit"]):
        assert value in tip.inner_text()
    row = page.locator(f'tr[data-ref="{mark.get_attribute("data-ref")}"]')
    assert row.is_visible() and target["indicator"] in row.inner_text() and target["rule"] in row.inner_text()
    page.mouse.move(0, 0)
    assert not tip.is_visible()
