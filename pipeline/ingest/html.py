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

from pipeline.errors import InputError
from pipeline.ingest.txt import _is_plausible, decode_bytes
from pipeline.resources import IngestRules, ingest_rules, structure_rules
from pipeline.types import Ingested, Source

# --- decoding -------------------------------------------------------------------------------

_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # UTF-32 BOMs start with these
_META_CHARSET = regex.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", regex.IGNORECASE)
# Pages declare gb2312 or gbk but are written by editors that emit GBK/GB18030 characters
# (生僻字 in names): decode every GB label with the superset.
_GB_LABELS = frozenset(
    "gb2312 gbk x-gbk gb_2312 gb_2312-80 csgb2312 cp936 ms936 windows-936 chinese iso-ir-58 gb18030 x-gb18030".split()
)

# Binary formats saved under .html: a PDF is mostly ASCII and would "decode" as GB18030 garbage.
_OTHER_FORMATS = (
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (a .docx?)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc?)"),
)

# --- parsing and text -----------------------------------------------------------------------

_XML_DECLARATION = regex.compile(r"^\s*<\?xml[^>]*>")
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HAS_TAG = regex.compile(r"<(?:!--|!doctype\b|/?[a-z][a-z0-9:-]*(?=[\s/>]))", regex.IGNORECASE)
_HAN = regex.compile(r"\p{Han}")
_HAN_OR_DIGIT = regex.compile(r"[\p{Han}\d]")
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
_OPAQUE = _RAW_TEXT | _LINE_BREAKS  # never looked into
_HEADINGS = frozenset({"h1", "h2", "h3"})

# Private-use characters stand in for things that must survive whitespace collapsing.
_SOURCE_BREAK = "\ue001"  # a line break or tab in the HTML source: formatting, not text
_CELL = "\ue000"  # after each table cell of a row
_CELL_START = "\ue003"
_HOLE = "\ue002"  # where the chosen block sits when the rest of the page is read
_SOURCE_BREAK_RUN = regex.compile(r" *[\r\n\t\f][ \r\n\t\f]*")
_SPACE_RUN = regex.compile(r"[\s\ue001]+")
_CELL_RUN = regex.compile(r"\s*\ue000(?:\s*\ue000)*\s*")
_CELL_EDGES = regex.compile(r"\ue003[\s\ue001]*|[\s\ue001]+(?=\ue000)")

_SENTENCE_END = regex.compile(r"[。！？；]")
_SENTENCE_PUNCT = regex.compile(r"[。！？；，]")
_TITLE_BREAKERS = regex.compile(r"[。！？；，：:]")  # a line with these is a sentence or a label, not a title

# Title headings not marked by h1-h3: class/id tokens of the title box (article-title, pages_title).
_TITLE_TOKENS = ("title", "biaoti")
_TITLE_MIN_HAN = 4  # 通知公告-sized column names are the shortest headings that can be a title
_TITLE_MAX_CHARS = 150
_TITLE_GAP_HAN = 100  # Chinese characters allowed between the title and the content (发布日期, 字号 …)
_TITLE_LINES_CHECKED = 6  # the block's first lines where its own title would be
_PUB_LINE_MAX_CHARS = 150
_SIBLING_MAX_HAN = 50  # a signature or publication line beside the block; a contact box is longer


# --- the reader -----------------------------------------------------------------------------


def read_html(path: Path, data: bytes, sha256: str) -> Ingested:
    """A portal page → its notice: <h1>关于…的通知</h1><div>发布日期：2021-03-01 来源：区教育局</div>
    <div id="zoom"><p>各学校：</p>…</div> → Ingested(text="关于…的通知\\n各学校：\\n…",
    source.published="2021-03-01", source.publisher="区教育局")."""
    for magic, kind in _OTHER_FORMATS:
        if data.startswith(magic):
            raise InputError(str(path), f"not a web page: the file is {kind} (rename it to its own extension)")
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
    stats = _measure(body, dropped)
    block = _choose_block(body, stats, dropped)
    if block is None or not block.prose:
        prose = _best_block(body, _measure(body, hidden), hidden, prose_only=True)
        if prose is not None and _under(prose.element, dropped):
            # The class words took the notice itself away (id="printContent"): keep it and its ancestors.
            dropped = _mark_clutter(body, rules, full, keep=(prose.element, *prose.element.iterancestors()))
            stats = _measure(body, dropped)
            block = _choose_block(body, stats, dropped)
    if block is None:
        # No Chinese text anywhere: hand back what text there is, the caller reports it.
        return _PageText(tuple(_lines(body, dropped)), _describe(body), None, None)
    site_names = _site_names(root)
    chosen, skip = _widen(block.element, stats, dropped, site_names)
    lines = _lines(chosen, {**dropped, **dict.fromkeys(skip, "not the title")})
    title = _title_above(body, chosen, lines, hidden, dropped, site_names)
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
    # huge_tree: unclosed <font> tags nest old pages past libxml2's default depth of 256, which drops text
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=True)
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
    # most texts are the whitespace between tags: skip the regex for them
    return len(_HAN.findall(text)) if text and not text.isspace() else 0


def _chars(text: str) -> int:
    """Visible characters: 'a b\\u3000c' → 3."""
    return sum(1 for ch in text if not ch.isspace())


def _walk(top, enter):
    """(element, True) on the way in and (element, False) on the way out, for top and its
    descendants in document order; the children of el are visited only when enter(el) is true.

    Iterative on purpose: pages with unclosed <font> tags nest two thousand levels deep.
    Comments and processing instructions come through too (their tails are text).
    """
    yield top, True
    if not enter(top):
        yield top, False
        return
    stack = [(top, iter(top))]
    while stack:
        parent, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            yield parent, False
            continue
        yield child, True
        if isinstance(child.tag, str) and enter(child):
            stack.append((child, iter(child)))
        else:
            yield child, False


# --- clutter --------------------------------------------------------------------------------


def _mark_hidden(body) -> dict:
    """Elements a reader never sees: style="display:none", hidden → {element: 'hidden'}.
    (<script> and <style> text is skipped everywhere by tag.)"""
    marked: dict = {}
    for el, entering in _walk(body, lambda e: e not in marked):
        if entering and isinstance(el.tag, str) and el is not body and _is_hidden(el):
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
    for el, entering in _walk(body, lambda e: e not in marked):
        if not entering or el is body or not isinstance(el.tag, str):
            continue
        reason = _clutter_reason(el, rules)
        holds_page = page > 0 and el in full and full[el].own_han * 2 > page
        if reason and not holds_page and el not in keep_set:
            marked[el] = reason
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
    sentences: int  # 。！？； in its text: a notice has several, a footer or a menu none

    @property
    def own_han(self) -> int:
        return self.han - self.link_han

    @property
    def link_dense(self) -> bool:
        return self.chars > 0 and self.link_chars / self.chars > 0.5


def _measure(body, dropped: dict) -> dict:
    """Text statistics of every element that is not dropped, bottom-up: {element: _Stats}."""
    out: dict = {}
    open_: list[list] = []  # per open element: han, chars, link_han, link_chars, nested, sentences

    def add_text(counts: list, text: str) -> None:
        if not text or text.isspace():
            return
        counts[0] += _han(text)
        counts[1] += _chars(text)
        counts[5] += len(_SENTENCE_END.findall(text))

    for el, entering in _walk(body, lambda e: e not in dropped and _tag(e) not in _RAW_TEXT):
        counted = isinstance(el.tag, str) and el not in dropped
        if entering:
            if counted:
                open_.append([0, 0, 0, 0, False, 0])
                if _tag(el) not in _RAW_TEXT:
                    add_text(open_[-1], el.text or "")
            continue
        if counted:
            han, chars, link_han, link_chars, nested, sentences = open_.pop()
            if _tag(el) == "a":
                link_han, link_chars = han, chars
            out[el] = _Stats(han, link_han, chars, link_chars, nested, sentences)
            if open_:
                parent = open_[-1]
                parent[0] += han
                parent[1] += chars
                parent[2] += link_han
                parent[3] += link_chars
                parent[4] = parent[4] or nested or _tag(el) in _BLOCK
                parent[5] += sentences
        if open_ and el is not body:
            add_text(open_[-1], el.tail or "")  # a tail is the parent's text
    return out


@dataclass(frozen=True)
class _Candidate:
    element: object
    score: float
    prose: bool  # its own paragraphs hold two sentences or more: a notice, not a footer or a menu


def _choose_block(body, stats: dict, dropped: dict) -> _Candidate | None:
    """The main content block: the best block of prose, else the best block of any text."""
    return _best_block(body, stats, dropped, prose_only=True) or _best_block(body, stats, dropped)


def _best_block(body, stats: dict, dropped: dict, prose_only: bool = False) -> _Candidate | None:
    """The element whose own paragraphs (child <p>/<div> lines, <br>-separated text) hold the
    most Chinese characters; link-dense elements count less. None when the page has no Chinese."""
    best: _Candidate | None = None
    open_: set = set()  # the ancestors of the element at hand
    for el, entering in _walk(body, lambda e: e not in dropped and _tag(e) not in _RAW_TEXT):
        if not isinstance(el.tag, str) or el in dropped or _tag(el) in _RAW_TEXT:
            continue
        if not entering:
            open_.discard(el)
            continue
        open_.add(el)
        score, sentences = _own_score(el, stats, dropped)
        if score <= 0 or (prose_only and sentences < 2):
            continue
        # on a tie the inner element wins when the outer one only wraps it: <td> over its <tr>
        wrapper = best is not None and best.element in open_ and stats[best.element].han == stats[el].han
        if best is None or score > best.score or (score == best.score and wrapper):
            best = _Candidate(el, score, sentences >= 2)
    return best


def _own_score(el, stats: dict, dropped: dict) -> tuple[float, int]:
    """(Chinese characters, sentences) in el's direct text and its single-paragraph children,
    not in links; scaled down when el is mostly links.

    <div><p>一、总体要求</p><p>坚持。</p><ul>…</ul></div> → (7.0, 1): the list counts for the <ul>.
    """
    texts = [el.text or ""] + [child.tail or "" for child in el]
    han = sum(_han(t) for t in texts)
    sentences = sum(len(_SENTENCE_END.findall(t)) for t in texts)
    for child in el:
        if not isinstance(child.tag, str) or child in dropped or _tag(child) in _LINE_BREAKS:
            continue
        sub = stats[child]
        if not sub.nested_block and not sub.link_dense:
            han += sub.own_han
            sentences += sub.sentences
    own = stats[el]
    if own.link_dense:
        han *= 1 - own.link_chars / own.chars
    return float(han), sentences


def _widen(block, stats: dict, dropped: dict, site_names: set) -> tuple[object, set]:
    """Climb from the block through its ancestors while they add only short, non-link siblings:
    a signature <p> after <div class="WordSection1">, the title and publication line of its
    article box. Wrappers that add nothing are passed through but not kept. Returns the widest
    element that added text, and the headings taken in that are not to be read: a repeat of the
    block's own title, a column name (<h1>通知</h1>), the site name."""
    widest, node, unread = block, block, set()
    while True:
        parent = node.getparent()
        # never into <body>: its other children are the page's own header and footer
        if parent is None or _tag(parent) in ("html", "body") or stats[parent].link_dense:
            return widest, unread
        siblings = [c for c in parent if isinstance(c.tag, str) and c is not node and c not in dropped
                    and stats[c].chars > 0]
        if not all(_is_small_sibling(s, stats, dropped) for s in siblings):
            return widest, unread
        if siblings:
            head = _lines(node, {**dropped, **dict.fromkeys(unread, "unread")})[:_TITLE_LINES_CHECKED]
            unread |= {s for s in siblings
                       if _is_title_box(s) and not _can_head(_text_of(s, dropped), head, site_names)}
            widest = parent
        node = parent


def _can_head(heading: str, head: list[str], site_names: set) -> bool:
    """Whether a heading beside the block can stand as the notice's title line: not too short,
    not the site name, and the block's first lines hold no title of their own."""
    return (_han(heading) >= _TITLE_MIN_HAN and _han_only(heading) not in site_names
            and not _matches_any(heading, head) and not _has_title_line(head))


def _has_title_line(head: list[str]) -> bool:
    """Whether one of the block's first lines reads as a title: it ends with a 文种 and is no
    sentence. ['某某局文件', '关于做好春节工作的通知'] → True; ['各学校：', '现将…通知如下。'] → False."""
    rules = structure_rules()
    for line in head:
        line = line.strip()
        for suffix in rules.title_suffixes:
            line = line.removesuffix(suffix)
        if _han(line) >= _TITLE_MIN_HAN and not _TITLE_BREAKERS.search(line) and line.endswith(rules.doc_types):
            return True
    return False


def _is_small_sibling(el, stats: dict, dropped: dict) -> bool:
    """A box the notice's block may take in: at most two short lines, not links — a signature,
    a date, a publication line, or a title heading."""
    if stats[el].link_dense or len(_lines(el, dropped)) > 2:
        return False
    if _is_title_box(el):
        return stats[el].chars <= _TITLE_MAX_CHARS
    return stats[el].han <= _SIBLING_MAX_HAN


# --- text -----------------------------------------------------------------------------------


def _lines(el, dropped: dict, hole=None) -> list[str]:
    """An element's text as lines: blocks and <br> break lines, inline elements do not, cells
    of a row are joined by two full-width spaces. hole: an element replaced by one _HOLE line."""
    parts: list[str] = []
    _collect(el, dropped, hole, parts)
    lines = []
    # a cell's own paragraphs break lines inside it, not before or after it
    text = _CELL_EDGES.sub("", "".join(parts))
    for raw in text.split("\n"):
        # empty cells leave runs of separators; a separator at either end separates nothing
        line = _CELL_RUN.sub(_CELL, _collapse(raw)).strip(f" {_CELL}").replace(_CELL, "\u3000\u3000").strip()
        if line:
            lines.append(line)
    return lines


def _collect(top, dropped: dict, hole, parts: list[str]) -> None:
    """Append the text under top to parts, with '\n' wherever a line ends and _CELL after
    each table cell."""
    pre = 0  # open <pre> elements: their line breaks are text
    def enter(el) -> bool:
        return (el is top or el not in dropped) and el is not hole and _tag(el) not in _OPAQUE

    for el, entering in _walk(top, enter):
        if not isinstance(el.tag, str) or (el in dropped and el is not top):
            if not entering and el is not top and el.tail:
                parts.append(_source_text(el.tail, pre > 0))
            continue
        tag = _tag(el)
        if entering:
            if el is hole:
                parts.append(f"\n{_HOLE}\n")
            elif tag in _LINE_BREAKS:
                parts.append("\n")
            elif tag not in _RAW_TEXT:
                pre += tag == "pre"
                if _is_cell(el):
                    parts.append(_CELL_START)
                elif tag in _BLOCK:
                    parts.append("\n")
                if el.text:
                    parts.append(_source_text(el.text, pre > 0))
            continue
        if el is not hole and tag not in _LINE_BREAKS and tag not in _RAW_TEXT:
            if _is_cell(el):
                parts.append(_CELL)
            elif tag in _BLOCK:
                parts.append("\n")
            pre -= tag == "pre"
        if el is not top and el.tail:
            parts.append(_source_text(el.tail, pre > 0))


def _is_cell(el) -> bool:
    """A <td>/<th> of a row: joined to its neighbours on one line."""
    parent = el.getparent()
    return _tag(el) in ("td", "th") and parent is not None and _tag(parent) == "tr"


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
    for el, entering in _walk(block, lambda e: e not in dropped):
        if entering and el in start and el not in dropped and _is_title_box(el) and _tag(el) not in ("h2", "h3") \
                and start[el] - start[block] <= _TITLE_GAP_HAN and _han(_text_of(el, dropped)) >= _TITLE_MIN_HAN:
            return None  # the block has its own title heading (h2/h3 inside would be 一、… sections)
    best = None
    for el in body.iter():
        # before the block: ends where the block starts at the latest (ancestors end after it)
        if el not in start or end[el] > start[block] or not _is_title_box(el):
            continue
        if best is None or (end[el], start[el]) >= (end[best], start[best]):
            if _title_eligible(el, dropped, site_names):
                best = el
    if best is None or start[block] - end[best] > _TITLE_GAP_HAN:
        return None
    title = _text_of(best, dropped)
    return None if _matches_any(title, head) or _has_title_line(head) else title


def _title_eligible(el, dropped: dict, site_names: set) -> bool:
    """A heading that can be the page title: 4+ Chinese characters, short, not a link, not in
    navigation or footer (a page <header> is allowed: article titles sit in one), not the site name."""
    text = _text_of(el, dropped)
    if _han(text) < _TITLE_MIN_HAN or len(text) > _TITLE_MAX_CHARS:
        return False
    if _han_only(text) in site_names:
        return False
    stats = _measure(el, dropped)[el]
    if stats.link_dense:
        return False
    return all(dropped.get(node) in (None, "header") for node in (el, *el.iterancestors()))


def _positions(body, hidden: dict) -> tuple[dict, dict]:
    """Where each element starts and ends, counted in visible Chinese characters before it."""
    start: dict = {}
    end: dict = {}
    count = 0
    for el, entering in _walk(body, lambda e: e not in hidden and _tag(e) not in _RAW_TEXT):
        if not isinstance(el.tag, str):
            if not entering:
                count += _han(el.tail or "")
            continue
        seen = el not in hidden and _tag(el) not in _RAW_TEXT
        if entering:
            if seen:
                start[el] = count
                count += _han(el.text or "")
        else:
            if seen:
                end[el] = count
            if el is not body:
                count += _han(el.tail or "")
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
    """True when one of the lines carries the heading: '通知' matches '关于做好春节工作的通知', and
    '关于做好春节工作的通知' matches the heading '区教育局关于做好春节工作的通知'; the signature
    '区教育局' does not (a line inside the heading must be at least half of it)."""
    key = _han_only(title)
    if not key:
        return False
    for line in lines:
        other = _han_only(line)
        if other and (key in other or (len(other) >= _TITLE_MIN_HAN and len(other) * 2 >= len(key) and other in key)):
            return True
    return False


# --- furniture and publication line ---------------------------------------------------------


def _is_furniture(line: str) -> bool:
    """【打印】【关闭】, 字号：大 中 小, 当前位置：首页 > 通知公告, a footer's ICP备 line → True."""
    if ingest_rules().html_furniture_line.match(line):
        return True
    return bool(ingest_rules().html_footer_line.search(line)) and not _SENTENCE_PUNCT.search(line)


@dataclass(frozen=True)
class _Found:
    kind: str  # date | source
    value: str
    rank: int  # 0 for a 发布日期 label, 1 for others; lower wins
    order: int  # nearness to the block; lower wins


def _take_publication_lines(lines: list[str], rules: IngestRules) -> tuple[list[str], list[_Found]]:
    """Remove the publication lines above the notice's first sentence (and 发布/来源 lines after
    its last one); return the remaining lines and what they said. The notice's own lines are
    never touched: a line must carry a 发布/来源 label, or (above the notice) start with 日期：.

    ['关于…的通知', '发布日期：2021-03-01  来源：区教育局', '各学校：', '现将…。']
    → (['关于…的通知', '各学校：', '现将…。'], [date 2021-03-01, source 区教育局])
    ['各单位：', '一、时间：2021年3月5日'] → unchanged (a meeting notice's own item)
    """
    sentences = [i for i, line in enumerate(lines) if _SENTENCE_END.search(line)]
    first = sentences[0] if sentences else len(lines)
    last = sentences[-1] if sentences else len(lines)
    kept: list[str] = []
    found: list[_Found] = []
    for i, line in enumerate(lines):
        matches = _publication(line, rules, order=i) if (i < first or i > last) else []
        labelled = any(m.kind == "source" or m.rank == 0 for m in matches)
        if matches and (labelled or (i < first and _starts_with_label(line, rules))):
            found += matches
        else:
            kept.append(line)
    return kept, found


def _starts_with_label(line: str, rules: IngestRules) -> bool:
    """'日期：2021-03-01  点击：12' → True; '一、时间：2021年3月5日' → False."""
    match = rules.html_publication_line.search(line)
    return match is not None and not _HAN_OR_DIGIT.search(line[: match.start()])


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
