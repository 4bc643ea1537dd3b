"""Web pages: the main content block of a government notice page, its publication line kept apart.

A portal page wraps the notice in navigation, breadcrumbs, share bars, sidebars and footers. The
reader drops that clutter (rules in ingest.yaml), picks the block whose own paragraphs hold the most
Chinese text, adds the page title heading when the block lacks one, and moves the page's
发布日期/来源 line into Source.published / Source.publisher.
"""
from __future__ import annotations

import codecs
import datetime
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import regex
from lxml import etree

from pipeline.ingest.txt import _is_plausible, decode_bytes
from pipeline.resources import IngestRules, ingest_rules
from pipeline.types import Ingested, Source

# --- decoding -------------------------------------------------------------------------------

_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # UTF-32 BOMs start with these
_META_CHARSET = regex.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", regex.IGNORECASE)
# Pages declare gb2312 or gbk but are written by editors that emit GBK/GB18030 characters
# (生僻字 in names): decode every GB label with the superset.
_GB_LABELS = frozenset(
    "gb2312 gbk x-gbk gb_2312 gb_2312-80 csgb2312 cp936 ms936 windows-936 chinese iso-ir-58 gb18030 x-gb18030".split()
)

# --- parsing and text -----------------------------------------------------------------------

_XML_DECLARATION = regex.compile(r"^\s*<\?xml[^>]*>")
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HAS_TAG = regex.compile(r"<(?:!--|!doctype\b|/?[a-z][a-z0-9:-]*(?=[\s/>]))", regex.IGNORECASE)
_HAN = regex.compile(r"\p{Han}")
_WIDE = regex.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef]")
_HIDDEN = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.IGNORECASE)
_TOKEN_SPLIT = regex.compile(r"[\s\-_]+|(?<=[a-z0-9])(?=[A-Z])")

# Elements whose text is code or markup, never page text.
_RAW_TEXT = frozenset({"script", "style", "template", "noscript", "textarea", "title", "head"})
# Elements that start and end a line. td/th are handled by their row.
_BLOCK = frozenset(
    """address article aside blockquote body caption center dd details dialog dir div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup html li main menu nav ol p pre section
    summary table tbody td tfoot th thead tr ul legend option""".split()
)
_LINE_BREAKS = frozenset({"br", "hr"})
_HEADINGS = frozenset({"h1", "h2", "h3"})

# Private-use characters stand in for two things that must survive whitespace collapsing.
_SOURCE_BREAK = "\ue001"  # a line break or tab in the HTML source: formatting, not text
_CELL = "\ue000"  # between table cells of one row
_HOLE = "\ue002"  # where the chosen block sits when the rest of the page is read
_SOURCE_BREAK_RUN = regex.compile(r" *[\r\n\t\f][ \r\n\t\f]*")
_SPACE_RUN = regex.compile(r"[\s\ue001]+")

_SENTENCE_END = regex.compile(r"[。！？；]")
_SENTENCE_PUNCT = regex.compile(r"[。！？；，]")

# Whole lines of page furniture: 【打印】【关闭】, 字号：大 中 小, 分享到：, 当前位置：首页 > … .
# Kept here because IngestRules has no field for them yet (the loader rejects unknown keys).
_FURNITURE_LINE = regex.compile(
    r"^(?:[\s【】\[\]()（）|｜/·•>＞]*"
    r"(?:打印(?:本页|此页|文章)?|关闭(?:窗口|本页)?|返回(?:顶部|首页|列表)?|收藏(?:本页)?|分享到[：:]?"
    r"|(?:字号|字体)[：:]?\s*[\[【(（]?\s*大\s*中\s*小\s*[\]】)）]?|浏览次数[：:]?\s*\d*|访问量[：:]?\s*\d*"
    r"|扫一扫在手机(?:上)?打开当前页|(?:当前|您的|您现在的|所在)位置[：:].*)"
    r")+[\s【】\[\]()（）|｜/·•]*$"
)
# Site footer lines, should a footer survive the class rules: never a sentence of a notice.
_FOOTER_LINE = regex.compile(r"网站标识码|ICP备\s*\d|公网安备\s*\d|版权所有")
# Title headings not marked by h1-h3: class/id tokens of the title box (article-title, pages_title).
_TITLE_TOKENS = ("title", "biaoti")
_TITLE_MIN_HAN = 4  # 通知公告-sized column names are the shortest headings that can be a title
_TITLE_MAX_CHARS = 150
_TITLE_GAP_HAN = 100  # Chinese characters allowed between the title and the content (发布日期, 字号 …)
_TITLE_LINES_CHECKED = 6  # the block's first lines where its own title would be
_PUB_LINE_MAX_CHARS = 150


# --- the reader -----------------------------------------------------------------------------


def read_html(path: Path, data: bytes, sha256: str) -> Ingested:
    """A portal page → its notice: <h1>关于…的通知</h1><div>发布日期：2021-03-01 来源：区教育局</div>
    <div id="zoom"><p>各学校：</p>…</div> → Ingested(text="关于…的通知\\n各学校：\\n…",
    source.published="2021-03-01", source.publisher="区教育局")."""
    text, encoding, warnings = _decode(data, str(path))
    if not _HAS_TAG.search(text):
        # No markup at all: a text file saved as .html; its line breaks are its structure.
        return Ingested(text, Source(str(path), "html", encoding, sha256, extractor="text"), warnings)
    root = _parse(text)
    if root is None:
        return Ingested("", Source(str(path), "html", encoding, sha256, extractor="main-content"), warnings)
    page = _read_page(root, ingest_rules())
    source = Source(
        str(path), "html", encoding, sha256,
        extractor=f"main-content:{page.block}", published=page.published, publisher=page.publisher,
    )
    return Ingested("\n".join(page.lines), source, warnings)


@dataclass(frozen=True)
class _PageText:
    lines: tuple[str, ...]
    block: str  # the chosen element, CSS-like: div#zoom.article-content
    published: str | None
    publisher: str | None


def _read_page(root, rules: IngestRules) -> _PageText:
    """The parsed page → the notice's lines and the page's publication data."""
    body = root.find(".//body")
    body = root if body is None else body
    hidden = _mark_hidden(body)
    full = _measure(body, {})
    dropped = _mark_clutter(body, rules, full, keep=())
    block = _best_block(body, _measure(body, dropped), dropped)
    before = _best_block(body, _measure(body, hidden), hidden)
    if before is not None and (block is None or block.score < before.score / 2) and _reads_as_prose(before.element):
        # The class words took the content itself away (id="printContent"): keep it and its ancestors.
        dropped = _mark_clutter(body, rules, full, keep=(before.element, *before.element.iterancestors()))
        block = _best_block(body, _measure(body, dropped), dropped)
    if block is None:
        # No Chinese text anywhere: hand back what text there is, the caller reports it.
        return _PageText(tuple(_lines(body, dropped)), _describe(body), None, None)
    stats = _measure(body, dropped)
    chosen, skip = _widen(block.element, stats, dropped)
    skip = {**dropped, **{el: "duplicate title" for el in skip}}
    lines = _lines(chosen, skip)
    title = _title_above(body, chosen, lines, hidden, dropped, _site_names(root))
    if title:
        lines.insert(0, title)
    lines = [line for line in lines if not _is_furniture(line)]
    lines, found = _take_publication_lines(lines, rules)
    found += _publication_around(body, chosen, hidden, rules)
    return _PageText(tuple(lines), _describe(chosen), _published(found), _publisher(found))


# --- decoding -------------------------------------------------------------------------------


def _decode(data: bytes, path: str) -> tuple[str, str, tuple[str, ...]]:
    """Bytes → (text, codec, warnings): BOM, then <meta charset>, then UTF-8, GB18030, detection.

    b'<meta charset="gbk">\\xd6\\xd0' → ('<meta charset="gbk">中', 'gb18030', ())
    """
    if data.startswith(_BOMS):
        text, encoding = decode_bytes(data, path)
        return text, encoding, ()
    warnings: list[str] = []
    declared = _declared_charset(data)
    codec = _codec_for(declared) if declared else None
    if declared and codec is None:
        warnings.append(f"html: declared charset {declared} ignored (unknown, or cannot carry Chinese)")
    elif declared:
        text = _strict(data, codec)
        if text is not None and codec != "utf-8" and not data.isascii() and _strict(data, "utf-8") is not None:
            # Chinese text in GBK is never valid UTF-8, so valid UTF-8 means a copied template's wrong meta.
            warnings.append(f"html: page declares charset {declared} but is UTF-8")
        elif text is not None:
            return text, codec, ()
        else:
            warnings.append(f"html: page declares charset {declared} but its bytes are not in it")
    for codec in ("utf-8", "gb18030"):
        text = _strict(data, codec)
        if text is not None:
            return text, codec, tuple(warnings)
    text, encoding = decode_bytes(data, path)
    return text, encoding, tuple(warnings)


def _declared_charset(data: bytes) -> str | None:
    """<meta charset="gbk"> or <meta http-equiv … content="text/html; charset=gb2312"> → 'gbk' / 'gb2312'."""
    match = _META_CHARSET.search(data[:65536])
    return match.group(1).decode("ascii").lower() if match else None


def _codec_for(label: str) -> str | None:
    """A declared charset → the Python codec to use: gb2312 → gb18030; latin-1 → None.

    A declaration that cannot carry Chinese (latin-1, ascii) is a template default, not the truth;
    one of UTF-16 is impossible, since the meta tag itself was read as ASCII.
    """
    label = label.strip().lower()
    if label in _GB_LABELS:
        return "gb18030"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32")) or name == "utf-8-sig":
        return "utf-8"
    try:
        "中".encode(name)
    except (UnicodeError, LookupError):
        return None
    return name


def _strict(data: bytes, codec: str) -> str | None:
    """Text when the bytes decode without error and are not binary, else None."""
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
    return text if _is_plausible(text) else None


def _parse(text: str):
    """Text → lxml root, or None for a page without any element (only a comment)."""
    # lxml refuses str input with an XML declaration (XHTML pages start with one).
    text = _CONTROL.sub("", _XML_DECLARATION.sub("", text, count=1))
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    try:
        return lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


# --- element helpers ------------------------------------------------------------------------


def _tag(el) -> str:
    """Lower-case tag name; '' for comments and processing instructions."""
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _tokens(el) -> list[str]:
    """class="article-content" id="zoom" → ['article', 'content', 'zoom']; navBar → nav, bar."""
    raw = f"{el.get('class') or ''} {el.get('id') or ''}"
    return [token.lower() for token in _TOKEN_SPLIT.split(raw) if token]


def _clutter_word(el, words: tuple[str, ...]) -> str | None:
    """The word of html_drop_class_words that marks el: class="share-box" → 'share'.

    Words match whole tokens, token starts (navbar) and ends (topnav, bdshare); the longer words
    also inside a token (bdsharebuttonbox). Splitting first keeps article-content and zoom safe.
    """
    for token in _tokens(el):
        for word in words:
            if token == word or token.startswith(word) or token.endswith(word) or (len(word) >= 5 and word in token):
                return word
    return None


def _is_title_box(el) -> bool:
    """<h1>, or a box named like a title: class="article-title", id="pages_title"."""
    return _tag(el) in _HEADINGS or any(word in token for token in _tokens(el) for word in _TITLE_TOKENS)


def _describe(el) -> str:
    """<div id="zoom" class="article-content main"> → 'div#zoom.article-content'."""
    out = _tag(el) or "?"
    if el.get("id"):
        out += "#" + el.get("id").strip()
    classes = (el.get("class") or "").split()
    if classes:
        out += "." + classes[0]
    return out


def _han(text: str) -> int:
    return len(_HAN.findall(text))


def _chars(text: str) -> int:
    """Visible characters: 'a b\\u3000c' → 3."""
    return sum(1 for ch in text if not ch.isspace())


# --- clutter --------------------------------------------------------------------------------


def _mark_hidden(body) -> dict:
    """Elements a reader never sees: style="display:none", hidden → {element: 'hidden'}.
    (<script> and <style> text is skipped everywhere by tag.)"""
    marked: dict = {}
    for el in body.iter():
        if isinstance(el.tag, str) and el is not body and not _under(el, marked) and _is_hidden(el):
            marked[el] = "hidden"
    return marked


def _is_hidden(el) -> bool:
    return bool(_HIDDEN.search(el.get("style") or "")) or el.get("hidden") is not None


def _mark_clutter(body, rules: IngestRules, full: dict, keep: tuple) -> dict:
    """Navigation, breadcrumbs, share bars, sidebars, footers, hidden boxes → {element: reason}.

    Never an element that holds most of the page's own (non-link) Chinese text, nor one in keep:
    a page wrapped in <form>, or a content div named printContent, stays.
    """
    page = full[body].own_han
    keep_set = set(keep)
    marked: dict = {}

    def visit(el) -> None:
        for child in el:
            if not isinstance(child.tag, str):
                continue
            reason = _clutter_reason(child, rules)
            holds_page = page > 0 and full[child].own_han * 2 > page
            if reason and not holds_page and child not in keep_set:
                marked[child] = reason
            else:
                visit(child)

    visit(body)
    return marked


def _clutter_reason(el, rules: IngestRules) -> str | None:
    """<nav> → 'nav'; <div class="share"> → 'share'; style="display: none" → 'hidden'; else None."""
    tag = _tag(el)
    if tag in rules.html_drop_tags:
        return tag
    if _is_hidden(el):
        return "hidden"
    return _clutter_word(el, rules.html_drop_class_words)


def _under(el, marked: dict) -> bool:
    """True when el or one of its ancestors is marked."""
    return el in marked or any(a in marked for a in el.iterancestors())


# --- measuring and choosing the block -------------------------------------------------------


@dataclass(frozen=True)
class _Stats:
    han: int  # Chinese characters in the element's visible text
    link_han: int  # … of them inside <a>
    chars: int
    link_chars: int
    nested_block: bool  # has a block descendant other than <br>: not a single paragraph

    @property
    def own_han(self) -> int:
        return self.han - self.link_han

    @property
    def link_dense(self) -> bool:
        return self.chars > 0 and self.link_chars / self.chars > 0.5


def _measure(body, dropped: dict) -> dict:
    """Text statistics of every element that is not dropped, bottom-up: {element: _Stats}."""
    out: dict = {}

    def visit(el) -> _Stats:
        tag = _tag(el)
        if tag in _RAW_TEXT:
            out[el] = _Stats(0, 0, 0, 0, False)
            return out[el]
        text = el.text or ""
        han, chars, link_han, link_chars, nested = _han(text), _chars(text), 0, 0, False
        for child in el:
            if isinstance(child.tag, str) and child not in dropped:
                sub = visit(child)
                han += sub.han
                chars += sub.chars
                link_han += sub.link_han
                link_chars += sub.link_chars
                nested = nested or sub.nested_block or (_tag(child) in _BLOCK)
            tail = child.tail or ""
            han += _han(tail)
            chars += _chars(tail)
        if tag == "a":
            link_han, link_chars = han, chars
        stats = _Stats(han, link_han, chars, link_chars, nested)
        out[el] = stats
        return stats

    visit(body)
    return out


@dataclass(frozen=True)
class _Candidate:
    element: object
    score: float


def _best_block(body, stats: dict, dropped: dict) -> _Candidate | None:
    """The element whose own paragraphs (child <p>/<div> lines, <br>-separated text) hold the
    most Chinese characters; link-dense elements count less. None when the page has no Chinese."""
    best: _Candidate | None = None
    for el in _visible_elements(body, dropped):
        score = _own_score(el, stats, dropped)
        if score > 0 and (best is None or score > best.score):
            best = _Candidate(el, score)
    return best


def _visible_elements(el, dropped: dict):
    """el and its element descendants, in document order, without the dropped subtrees."""
    yield el
    for child in el:
        if isinstance(child.tag, str) and child not in dropped and _tag(child) not in _RAW_TEXT:
            yield from _visible_elements(child, dropped)


def _reads_as_prose(el) -> bool:
    """Two or more sentences (。！？): a notice, not a footer or a list of links."""
    return len(_SENTENCE_END.findall(el.text_content())) >= 2


def _own_score(el, stats: dict, dropped: dict) -> float:
    """Chinese characters in el's direct text and its single-paragraph children, not in links.

    <div><p>一、总体要求</p><p>坚持</p><ul>…</ul></div> → 8 (the list counts for the <ul>).
    """
    han = _han(el.text or "")
    for child in el:
        han += _han(child.tail or "")
        if not isinstance(child.tag, str) or child in dropped or _tag(child) in _LINE_BREAKS:
            continue
        sub = stats[child]
        if not sub.nested_block and not sub.link_dense:
            han += sub.own_han
    own = stats[el]
    if own.link_dense:
        han *= 1 - own.link_chars / own.chars
    return float(han)


def _widen(block, stats: dict, dropped: dict) -> tuple[object, set]:
    """Climb from the block to its parent while the parent adds only short, non-link siblings:
    a signature <p> after <div class="WordSection1">, the title and publication line of its
    article box. Returns the element and the title siblings that repeat the block's own title."""
    repeated: set = set()
    while True:
        parent = block.getparent()
        if parent is None or _tag(parent) == "html":
            return block, repeated
        siblings = [c for c in parent if isinstance(c.tag, str) and c is not block and c not in dropped
                    and c not in repeated and stats[c].chars > 0]
        if not siblings or stats[parent].link_dense:
            return block, repeated
        if any(stats[s].link_dense or len(_lines(s, dropped)) > 2 for s in siblings):
            return block, repeated
        head = _lines(block, {**dropped, **{r: "" for r in repeated}})[:_TITLE_LINES_CHECKED]
        repeated |= {s for s in siblings if _is_title_box(s) and _matches_any(_text_of(s, dropped), head)}
        block = parent


# --- text -----------------------------------------------------------------------------------


def _lines(el, dropped: dict, hole=None) -> list[str]:
    """An element's text as lines: blocks and <br> break lines, inline elements do not, cells
    of a row are joined by two full-width spaces. hole: an element replaced by one _HOLE line."""
    parts: list[str] = []
    _collect(el, dropped, hole, parts, pre=False)
    lines = []
    for raw in "".join(parts).split("\n"):
        line = _collapse(raw).replace(_CELL, "\u3000\u3000").strip()
        if line:
            lines.append(line)
    return lines


def _collect(el, dropped: dict, hole, parts: list[str], pre: bool) -> None:
    """Append el's text to parts, with '\\n' wherever a line ends."""
    tag = _tag(el)
    if el is hole:
        parts.append(f"\n{_HOLE}\n")
        return
    if tag in _LINE_BREAKS:
        parts.append("\n")
        return
    if tag in _RAW_TEXT:
        return
    pre = pre or tag == "pre"
    block = tag in _BLOCK
    if block:
        parts.append("\n")
    if tag == "tr":
        parts.append(_CELL.join(_cells(el, dropped, hole, pre)))
    else:
        if el.text:
            parts.append(_source_text(el.text, pre))
        for child in el:
            if isinstance(child.tag, str) and child not in dropped:
                _collect(child, dropped, hole, parts, pre)
            if child.tail:
                parts.append(_source_text(child.tail, pre))
    if block:
        parts.append("\n")


def _cells(row, dropped: dict, hole, pre: bool) -> list[str]:
    """The non-empty cells of a table row, each as text (a cell may hold several lines)."""
    cells = []
    for cell in row:
        if isinstance(cell.tag, str) and cell not in dropped:
            parts: list[str] = []
            _collect(cell, dropped, hole, parts, pre)
            text = "".join(parts).strip("\n")
            if _collapse(text).strip():
                cells.append(text)
    return cells


def _source_text(text: str, pre: bool) -> str:
    """Source line breaks and tabs are formatting: 'XX局\\n    YY局' → 'XX局\\ue001YY局'."""
    if pre:
        return text.replace("\r\n", "\n")
    return _SOURCE_BREAK_RUN.sub(_SOURCE_BREAK, text)


def _collapse(line: str) -> str:
    """Whitespace of one line: a single space stays one, runs of 2+ spaces become two (signature
    lines separate issuers so); a source line break between Chinese characters vanishes, as in a
    browser. '市教育局\\xa0\\xa0\\xa0市财政局' → '市教育局  市财政局'; '为进一步\\ue001加强' → '为进一步加强'."""

    def replace(match: regex.Match) -> str:
        run = match.group()
        real = len(run) - run.count(_SOURCE_BREAK)
        if real >= 2:
            return "  "
        if real == 1:
            return " "
        before = line[match.start() - 1] if match.start() > 0 else ""
        after = line[match.end()] if match.end() < len(line) else ""
        return "" if _WIDE.match(before) and _WIDE.match(after) else " "

    return _SPACE_RUN.sub(replace, line)


def _text_of(el, dropped: dict) -> str:
    """A heading's text on one line: <h1>关于印发《…》<br>的通知</h1> → '关于印发《…》的通知'."""
    return "".join(_lines(el, dropped))


# --- title ----------------------------------------------------------------------------------


def _title_above(body, block, lines: list[str], hidden: dict, dropped: dict, site_names: set) -> str | None:
    """The page's title heading just above the block, when the block does not carry its title.

    <h1>关于…的通知</h1><div>发布日期：…</div><div id="zoom"><p>各学校：</p>… → '关于…的通知'.
    Headings inside navigation, sidebars and footers are not titles; one in a page or article
    <header> is. A site name (the <title> part after 关于…的通知_) is never a title.
    """
    start, end = _positions(body, hidden)
    head = lines[:_TITLE_LINES_CHECKED]
    for el in block.iter():
        if el in start and _is_title_box(el) and _tag(el) not in ("h2", "h3") \
                and not _under_dropped_from(el, block, dropped) and start[el] - start[block] <= _TITLE_GAP_HAN \
                and _han(_text_of(el, hidden)) >= _TITLE_MIN_HAN:
            return None  # the block has its own title heading (h2/h3 inside would be 一、… sections)
    best = None
    for el in body.iter():
        # before the block: ends where the block starts at the latest (ancestors end after it)
        if el not in start or end[el] > start[block] or not _is_title_box(el):
            continue
        if best is None or (end[el], start[el]) >= (end[best], start[best]):
            if _title_eligible(el, hidden, dropped, site_names):
                best = el
    if best is None or start[block] - end[best] > _TITLE_GAP_HAN:
        return None
    title = _text_of(best, hidden)
    return None if _matches_any(title, head) else title


def _under_dropped_from(el, top, dropped: dict) -> bool:
    """True when an element between el and top (both included) is dropped."""
    for node in (el, *el.iterancestors()):
        if node in dropped:
            return True
        if node is top:
            return False
    return False


def _title_eligible(el, hidden: dict, dropped: dict, site_names: set) -> bool:
    """A heading that can be the page title: 4+ Chinese characters, short, not a link, not in
    navigation or footer (a page <header> is allowed: article titles sit in one), not the site name."""
    text = _text_of(el, hidden)
    if _han(text) < _TITLE_MIN_HAN or len(text) > _TITLE_MAX_CHARS:
        return False
    if _han_only(text) in site_names:
        return False
    stats = _measure(el, hidden)[el]
    if stats.link_dense:
        return False
    return all(dropped.get(node) in (None, "header") for node in (el, *el.iterancestors()))


def _positions(body, hidden: dict) -> tuple[dict, dict]:
    """Where each element starts and ends, counted in visible Chinese characters before it."""
    start: dict = {}
    end: dict = {}
    count = 0

    def visit(el) -> None:
        nonlocal count
        start[el] = count
        if el not in hidden and _tag(el) not in _RAW_TEXT:
            count += _han(el.text or "")
            for child in el:
                if isinstance(child.tag, str):
                    visit(child)
                count += _han(child.tail or "")
        end[el] = count

    visit(body)
    return start, end


def _site_names(root) -> set:
    """<title>关于…的通知_通知公告_某某区人民政府门户网站</title> → {'通知公告', '某某区人民政府门户网站'}:
    every part but the longest, which is the notice's own title."""
    title = root.find(".//title")
    if title is None or not (title.text or "").strip():
        return set()
    parts = [_han_only(p) for p in regex.split(r"\s*[_|｜—–-]+\s*", title.text.strip())]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return set()
    longest = max(parts, key=len)
    return {p for p in parts if p != longest}


def _han_only(text: str) -> str:
    return "".join(_HAN.findall(text))


def _matches_any(title: str, lines: list[str]) -> bool:
    """True when the heading is one of the lines, or one contains the other: '通知' matches
    '关于做好春节工作的通知'; a line of 4+ Chinese characters inside the heading matches too."""
    key = _han_only(title)
    if not key:
        return False
    for line in lines:
        other = _han_only(line)
        if other and (key in other or (len(other) >= _TITLE_MIN_HAN and other in key)):
            return True
    return False


# --- furniture and publication line ---------------------------------------------------------


def _is_furniture(line: str) -> bool:
    """【打印】【关闭】, 字号：大 中 小, 当前位置：首页 > 通知公告, a footer's ICP备 line → True."""
    if _FURNITURE_LINE.match(line):
        return True
    return bool(_FOOTER_LINE.search(line)) and not _SENTENCE_PUNCT.search(line)


@dataclass(frozen=True)
class _Found:
    kind: str  # date | source
    value: str
    rank: int  # 0 for a 发布日期 label, 1 for others; lower wins
    order: int  # nearness to the block; lower wins


def _take_publication_lines(lines: list[str], rules: IngestRules) -> tuple[list[str], list[_Found]]:
    """Remove the publication lines above the notice's first sentence (and 来源 lines after its
    last one); return the remaining lines and what they said.

    ['关于…的通知', '发布日期：2021-03-01  来源：区教育局', '各学校：', '现将…。']
    → (['关于…的通知', '各学校：', '现将…。'], [date 2021-03-01, source 区教育局])
    """
    sentences = [i for i, line in enumerate(lines) if _SENTENCE_END.search(line)]
    first = sentences[0] if sentences else len(lines)
    last = sentences[-1] if sentences else len(lines)
    kept: list[str] = []
    found: list[_Found] = []
    for i, line in enumerate(lines):
        matches = _publication(line, rules, order=i) if (i < first or i > last) else []
        if matches and i > last and not any(m.kind == "source" or m.rank == 0 for m in matches):
            matches = []  # a bare 时间：… after the body may be the notice's own
        if matches:
            found += matches
        else:
            kept.append(line)
    return kept, found


def _publication_around(body, block, hidden: dict, rules: IngestRules) -> list[_Found]:
    """Publication lines elsewhere on the page (article-info box, 信息公开 table), nearest to the
    block first: lines above it, then lines below it."""
    lines = _lines(body, hidden, hole=block)
    if _HOLE not in lines:
        return []
    at = lines.index(_HOLE)
    ordered = list(reversed(lines[:at])) + lines[at + 1:]
    found: list[_Found] = []
    for n, line in enumerate(ordered):
        found += _publication(line, rules, order=1000 + n)
    return found


def _publication(line: str, rules: IngestRules, order: int) -> list[_Found]:
    """'发布日期：2021-03-01　来源：区教育局' → [date 2021-03-01 (rank 0), source 区教育局];
    [] for a line that is not a publication line (a sentence, a long line)."""
    if len(line) > _PUB_LINE_MAX_CHARS or _SENTENCE_PUNCT.search(line):
        return []
    found: list[_Found] = []
    for match in rules.html_publication_line.finditer(line):
        date = _iso_date(match.group("date")) if match.group("date") else None
        if date:
            rank = 0 if match.group().startswith("发布") else 1
            found.append(_Found("date", date, rank, order))
        source = _clean_source(match.group("source")) if match.group("source") else None
        if source:
            found.append(_Found("source", source, 0, order))
    return found


def _iso_date(text: str) -> str | None:
    """'2021年3月1日' / '2021/03/01' / '2021.3.1' → '2021-03-01'; None for an impossible date."""
    numbers = [int(n) for n in regex.findall(r"\d+", text)[:3]]
    if len(numbers) < 3:
        return None
    try:
        return datetime.date(*numbers).isoformat()
    except ValueError:
        return None


def _clean_source(text: str) -> str | None:
    """'区教育局）' → '区教育局'; a label that swallowed the next field ('作者：张三') → None."""
    text = text.strip("（）()[]【】 ,，;；")
    if not text or "：" in text or ":" in text or not _HAN.search(text):
        return None
    return text


def _published(found: list[_Found]) -> str | None:
    dates = sorted((f for f in found if f.kind == "date"), key=lambda f: (f.rank, f.order))
    return dates[0].value if dates else None


def _publisher(found: list[_Found]) -> str | None:
    sources = sorted((f for f in found if f.kind == "source"), key=lambda f: f.order)
    return sources[0].value if sources else None
