"""Word .docx files: body paragraphs and tables in document order, with Word's list numbers restored.

python-docx gives each paragraph's typed text only; the labels Word draws for automatic lists
(一、 （一） 1. （1） ①) live in numbering.xml and are rebuilt here, because the outline parser
downstream finds the structure of a notice by exactly those labels.
"""
from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import regex
from lxml import etree

from pipeline.errors import InputError
from pipeline.types import Ingested, Source

_NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
}
_RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"


def _q(name: str) -> str:
    """'w:p' → '{http://…/main}p' (Clark notation, what lxml puts in .tag)."""
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


_P, _TBL, _TR, _TC, _R = _q("w:p"), _q("w:tbl"), _q("w:tr"), _q("w:tc"), _q("w:r")
_SDT, _SDT_CONTENT, _CUSTOM_XML = _q("w:sdt"), _q("w:sdtContent"), _q("w:customXml")
_TXBX = _q("w:txbxContent")
_ALT, _CHOICE, _FALLBACK = _q("mc:AlternateContent"), _q("mc:Choice"), _q("mc:Fallback")
_VAL = _q("w:val")

CELL_SEPARATOR = "\u3000\u3000"
# Paragraphs (and nested-table rows) inside one cell: a weaker break than between cells, so a
# row still reads as its columns, and 牵头单位 listed one per paragraph do not run together.
CELL_PARAGRAPH_SEPARATOR = "\u3000"

# Wrappers that only group content: their children are read as if they stood in their place.
_TRANSPARENT = {_SDT_CONTENT, _CUSTOM_XML, _q("w:smartTag")}
# Inline content that Word does not show: tracked deletions, moved-away text, properties.
_INLINE_SKIP = {
    _q("w:del"), _q("w:moveFrom"), _q("w:pPr"), _q("w:rPr"), _q("w:sdtPr"), _q("w:sdtEndPr"),
    _q("w:proofErr"), _q("w:bookmarkStart"), _q("w:bookmarkEnd"), _FALLBACK,
}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_PLACEHOLDER = regex.compile(r"%([1-9])")


def read_docx(path: Path, data: bytes, sha256: str) -> Ingested:
    """A .docx file → its body text, one paragraph or table row per line.

    A paragraph typed as 总体要求 in a list whose level has numFmt chineseCounting and lvlText
    "%1、", followed by a two-cell table row 序号 | 任务 →
    Ingested(text="一、总体要求\\n序号\\u3000\\u3000任务", format "docx", encoding None).
    """
    _reject_other_formats(data, str(path))
    document = _open_package(data, str(path))
    try:
        body = document.element.find(_q("w:body"))
        if body is None:
            reason = _STRICT_REASON if _is_strict_ooxml(data) else "corrupt or truncated DOCX (no document body)"
            raise InputError(str(path), reason)
        numbering = Numbering.from_parts(_related_xml(document, _RT_NUMBERING), _related_xml(document, _RT_STYLES))
        lines = list(_block_lines(body, numbering))
    except (ValueError, KeyError, IndexError, RecursionError, etree.LxmlError) as exc:
        raise InputError(str(path), f"corrupt or truncated DOCX (unreadable content: {type(exc).__name__})") from None
    warnings = list(numbering.warnings())
    if body.find(f".//{_q('w:altChunk')}") is not None:
        warnings.append("embedded documents (w:altChunk) are not extracted")
    return Ingested(
        text="\n".join(lines),
        source=Source(str(path), "docx", None, sha256),
        warnings=tuple(warnings),
    )


# ---------------------------------------------------------------- opening the package


def _reject_other_formats(data: bytes, path: str) -> None:
    """Files saved with a .docx name that are something else get a reason the user can act on."""
    if data.startswith(_OLE_MAGIC):
        # An encrypted .docx is an OLE container too; telling it to "save as .docx" would not help.
        if _ENCRYPTED_STREAM in data:
            raise InputError(path, "password-protected DOCX; remove the password in Word and save it again")
        raise InputError(path, "this is a Word 97-2003 .doc file, not .docx; save it as .docx")
    head = data[:512].removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"{\\rtf"):
        raise InputError(path, "this is an RTF file, not .docx; save it as .docx")
    if head.startswith(b"<?xml") and b"<html" not in head.lower():
        raise InputError(path, "this is an XML file (such as Word 2003 XML), not .docx; save it as .docx")
    if head[:1] == b"<" or head.upper().startswith(b"MIME-VERSION"):
        raise InputError(path, "this is a web page (HTML/MHT) saved with a .docx name, not a Word .docx file")


def _open_package(data: bytes, path: str):
    """Open with python-docx; every way a damaged package fails becomes one InputError."""
    import docx  # imported late: only .docx input needs it
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except PackageNotFoundError:
        reason = "not a readable zip archive"
    except zipfile.BadZipFile as exc:
        # a cut-off download loses the zip directory at the end, so "not a zip" usually means truncated
        reason = "not a readable zip archive" if "not a zip file" in str(exc) else f"damaged zip data: {str(exc)[:60]}"
    except (zlib.error, EOFError):
        reason = "damaged compressed data"
    except KeyError:
        if _is_strict_ooxml(data):
            raise InputError(path, _STRICT_REASON) from None
        reason = "a required part is missing"
    except etree.XMLSyntaxError as exc:
        reason = f"malformed XML: {str(exc)[:60]}"
    except ValueError as exc:
        if "not a Word file" in str(exc):
            raise InputError(path, _wrong_package_reason(str(exc))) from None
        reason = f"{str(exc)[:60]}"
    except Exception as exc:  # python-docx raises many more types for broken packages; none may escape
        reason = f"unreadable package: {type(exc).__name__}"
    raise InputError(path, f"corrupt or truncated DOCX ({reason})")


_STRICT_REASON = "Strict Open XML DOCX is not supported; save it in Word as a standard Word Document (.docx)"


def _is_strict_ooxml(data: bytes) -> bool:
    """Files saved as "Strict Open XML" use other namespaces, which python-docx does not know."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return b"purl.oclc.org/ooxml/" in archive.read("_rels/.rels")
    except Exception:  # any failure here just means "not recognisably Strict"
        return False


def _wrong_package_reason(message: str) -> str:
    """python-docx accepts only a .docx main part; a renamed .docm/.dotx or .xlsx gets its own reason."""
    if any(kind in message for kind in ("macroEnabled", "ms-word.template", "wordprocessingml.template")):
        return "this is a macro-enabled or template Word file (.docm/.dotx/.dotm), not .docx; save it as .docx"
    return "not a Word document (the package holds another kind of Office file)"


def _related_xml(document, reltype: str):
    """Root element of the main document's part of this relationship type, or None when absent.

    Not document.part.numbering_part: that property invents an empty part when there is none.
    """
    try:
        return document.part.part_related_by(reltype).element
    except (KeyError, AttributeError):
        return None


# ---------------------------------------------------------------- body text


def _block_lines(container, numbering: Numbering) -> Iterator[str]:
    """Lines of a block container (body, cell, text box) in document order.

    <w:p>第一段</w:p><w:tbl>(甲 | 乙)</w:tbl><w:p/> → "第一段", "甲\\u3000\\u3000乙", "".
    """
    for child in container:
        tag = child.tag
        if tag == _P:
            yield numbering.label(child) + _inline_text(child)
            for box in _text_boxes(child):
                yield from _block_lines(box, numbering)
        elif tag == _TBL:
            yield from _table_lines(child, numbering)
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _block_lines(content, numbering)
        elif tag in _TRANSPARENT:
            yield from _block_lines(child, numbering)


def _table_lines(table, numbering: Numbering) -> Iterator[str]:
    """One line per row, cells joined by two full-width spaces: 序号 | 任务 → 序号\\u3000\\u3000任务."""
    for row in _wrapped_children(table, _TR):
        if _is_deleted_row(row):
            continue
        cells = []
        for cell in _wrapped_children(row, _TC):
            # Iterating w:tc, not python-docx's row.cells, so a merged cell is read once.
            # a line break typed in a cell must not split the row's line
            parts = [line.replace("\n", CELL_PARAGRAPH_SEPARATOR) for line in _block_lines(cell, numbering) if line]
            cells.append(CELL_PARAGRAPH_SEPARATOR.join(parts))
        yield CELL_SEPARATOR.join(cells)


def _wrapped_children(parent, tag: str) -> Iterator:
    """Children with this tag, also those inside content controls or custom XML wrappers."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _wrapped_children(content, tag)
        elif child.tag in _TRANSPARENT:
            yield from _wrapped_children(child, tag)


def _is_deleted_row(row) -> bool:
    """A row removed with track changes on still sits in the XML; Word shows it struck out."""
    return row.find(f"{_q('w:trPr')}/{_q('w:del')}") is not None


def _inline_text(parent) -> str:
    """Shown text of a paragraph (or an inline wrapper in it).

    Runs inside hyperlinks, insertions, simple fields and content controls count; deletions,
    field codes (w:instrText) and hidden runs do not: 见[HYPERLINK "x"]附件 → 见附件.
    """
    parts = []
    for child in parent:
        tag = child.tag
        if not isinstance(tag, str) or tag in _INLINE_SKIP:
            continue
        if tag == _R:
            parts.append(_run_text(child))
        elif tag == _ALT:
            choice = child.find(_CHOICE)
            if choice is not None:
                parts.append(_inline_text(choice))
        elif tag.startswith("{" + _NS["m"] + "}"):
            parts.append("".join(child.itertext(tag=_q("m:t"))))
        else:
            # w:hyperlink, w:ins, w:moveTo, w:fldSimple, w:sdt, w:smartTag, w:customXml, w:dir …
            parts.append(_inline_text(child))
    return "".join(parts)


def _run_text(run) -> str:
    """Text of one w:r: w:t, tabs and line breaks as python-docx reads them; w:instrText is skipped."""
    if _is_hidden(run):
        return ""
    parts = []
    for child in run:
        tag = child.tag
        if tag == _q("w:t"):
            parts.append(child.text or "")
        elif tag in (_q("w:tab"), _q("w:ptab")):
            parts.append("\t")
        elif tag == _q("w:br"):
            # page and column breaks are layout, not text (python-docx reads them as "")
            if child.get(_q("w:type"), "textWrapping") == "textWrapping":
                parts.append("\n")
        elif tag == _q("w:cr"):
            parts.append("\n")
        elif tag == _q("w:noBreakHyphen"):
            parts.append("-")
    return "".join(parts)


def _is_hidden(run) -> bool:
    """Runs formatted as hidden (w:vanish) are not printed, so they are not document text."""
    vanish = run.find(f"{_q('w:rPr')}/{_q('w:vanish')}")
    return vanish is not None and vanish.get(_VAL, "true") not in ("0", "false", "off")


def _text_boxes(paragraph) -> Iterator:
    """Text boxes anchored in this paragraph, outermost only, DrawingML copy only.

    Word stores each text box twice (mc:Choice drawing, mc:Fallback VML); reading both would
    print 签发人：张三 twice. Boxes inside boxes are read when their own paragraph is.
    """
    for box in paragraph.iter(_TXBX):
        ancestor = box.getparent()
        nested = False
        while ancestor is not None and ancestor is not paragraph:
            if ancestor.tag in (_FALLBACK, _TXBX):
                nested = True
                break
            ancestor = ancestor.getparent()
        if not nested:
            yield box


# ---------------------------------------------------------------- list numbering


@dataclass(frozen=True)
class Level:
    """One w:lvl of an abstract list: how its number looks and when it restarts."""

    start: int = 0  # ECMA-376: an omitted w:start is 0
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart (1-based level, 0 = never); None: after any higher level
    legal: bool = False  # w:isLgl: every number in the label shown as decimal
    style: str | None = None  # w:pStyle: paragraphs of this style use this level


@dataclass(frozen=True)
class ListDef:
    """A w:num: the abstract list whose counters it shares, its levels, its start overrides."""

    abstract_id: str
    levels: dict[int, Level]
    start_overrides: dict[int, int]


@dataclass(frozen=True)
class StyleNumbering:
    num_id: str | None
    ilvl: int | None
    based_on: str | None


@dataclass
class Numbering:
    """numbering.xml plus the styles that carry w:numPr, and the running list counters."""

    lists: dict[str, ListDef]
    styles: dict[str, StyleNumbering]
    default_style: str | None = None
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    overrides_used: set[tuple[str, int]] = field(default_factory=set)
    missing: int = 0

    @classmethod
    def from_parts(cls, numbering_root, styles_root) -> Numbering:
        styles, default_style = _parse_styles(styles_root)
        lists = _parse_numbering(numbering_root, styles_root)
        return cls(lists, styles, default_style)

    def label(self, paragraph) -> str:
        """The label Word draws before this paragraph ("" for none), advancing the counters.

        Third paragraph of level 0 (chineseCounting, "%1、") → "三、"; then level 1
        (chineseCounting, "（%2）") → "（一）", since a new 三、 restarts the deeper levels.
        %n is level n's counter (1-based), not this paragraph's: "（%1）" on level 1 prints 三.
        """
        ref = self._num_ref(paragraph)
        if ref is None:
            return ""
        num_id, ilvl = ref
        definition = self.lists.get(num_id)
        if definition is None or ilvl not in definition.levels:
            self.missing += 1
            return ""
        values = self._advance(num_id, definition, ilvl)
        return format_label(definition.levels, ilvl, values)

    def warnings(self) -> tuple[str, ...]:
        if not self.missing:
            return ()
        return (
            f"{self.missing} numbered paragraph(s) refer to list definitions missing from numbering.xml;"
            " their labels are lost",
        )

    def _num_ref(self, paragraph) -> tuple[str, int] | None:
        """(numId, ilvl) from the paragraph's own w:numPr, else from its style chain."""
        ppr = paragraph.find(_q("w:pPr"))
        num_id, ilvl = _num_pr(ppr)
        style_id = _attr(ppr.find(_q("w:pStyle")), _VAL) if ppr is not None else None
        style_id = style_id or self.default_style
        style_num, style_ilvl = self._style_num(style_id)
        num_id = num_id if num_id is not None else style_num
        if num_id is None or num_id == "0":  # numId 0 is how Word switches a style's numbering off
            return None
        if ilvl is None:
            ilvl = style_ilvl
        if ilvl is None:
            ilvl = self._level_of_style(num_id, style_id)
        return num_id, ilvl

    def _style_num(self, style_id: str | None) -> tuple[str | None, int | None]:
        """Nearest numId and ilvl along the style's basedOn chain (cycles are cut)."""
        num_id = ilvl = None
        seen = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            info = self.styles[style_id]
            num_id = num_id if num_id is not None else info.num_id
            ilvl = ilvl if ilvl is not None else info.ilvl
            style_id = info.based_on
        return num_id, ilvl

    def _level_of_style(self, num_id: str, style_id: str | None) -> int:
        """A level linked to the paragraph's style by w:pStyle (Heading 2 → ilvl 1), else 0."""
        definition = self.lists.get(num_id)
        if definition is not None and style_id:
            for ilvl, level in definition.levels.items():
                if level.style == style_id:
                    return ilvl
        return 0

    def _advance(self, num_id: str, definition: ListDef, ilvl: int) -> dict[int, int]:
        """Count this paragraph: its level goes up by one, deeper levels restart.

        Counters belong to the abstract list, so w:num entries sharing it continue one another;
        a w:startOverride restarts the level the first time its own w:num is used.
        """
        counters = self.counters.setdefault(definition.abstract_id, {})
        override = definition.start_overrides.get(ilvl)
        if override is not None and (num_id, ilvl) not in self.overrides_used:
            self.overrides_used.add((num_id, ilvl))
            value = override
        elif ilvl in counters:
            value = counters[ilvl] + 1
        else:
            value = _start(definition, ilvl)
        counters[ilvl] = value
        for deeper, level in definition.levels.items():
            if deeper > ilvl and _restarts(level, deeper, ilvl):
                counters.pop(deeper, None)
        return {k: counters.get(k, _start(definition, k)) for k in definition.levels}


def _start(definition: ListDef, ilvl: int) -> int:
    """Where a level (re)starts in this w:num: its startOverride, else the level's w:start."""
    override = definition.start_overrides.get(ilvl)
    return override if override is not None else definition.levels[ilvl].start


def _restarts(level: Level, ilvl: int, used: int) -> bool:
    """Does using level `used` restart level `ilvl`? w:lvlRestart 2 → only levels 0 and 1 restart it."""
    if level.restart is None or level.restart > ilvl:
        return used < ilvl
    return level.restart != 0 and used < level.restart


def format_label(levels: dict[int, Level], ilvl: int, values: dict[int, int]) -> str:
    """Fill a level's w:lvlText with the counters: "%1.%2" with 3 and 2 → "3.2".

    Each %n takes level n's own numFmt (%1 chineseCounting, %2 decimal: "%1.%2" → "三.2"),
    unless the current level is w:isLgl, which shows them all as decimal ("3.2").
    Bullets and numFmt none give no label.
    """
    level = levels[ilvl]
    if level.fmt in ("bullet", "none"):
        return ""

    def fill(match: regex.Match) -> str:
        k = int(match.group(1)) - 1
        ref = levels.get(k)
        if ref is None:
            return ""
        fmt = "decimal" if level.legal else ref.fmt
        return format_number(values.get(k, ref.start), fmt)

    return _PLACEHOLDER.sub(fill, level.text)


# ---------------------------------------------------------------- numbering.xml and styles.xml


def _parse_numbering(root, styles_root) -> dict[str, ListDef]:
    """numId → ListDef from numbering.xml (None → no lists)."""
    if root is None:
        return {}
    abstracts = {}
    style_links = {}
    for abstract in root.iter(_q("w:abstractNum")):
        abstract_id = abstract.get(_q("w:abstractNumId"))
        if abstract_id is None:
            continue
        abstracts[abstract_id] = {
            _int(lvl.get(_q("w:ilvl")), 0): _parse_level(lvl) for lvl in abstract.findall(_q("w:lvl"))
        }
        link = _attr(abstract.find(_q("w:numStyleLink")), _VAL)
        if link:
            style_links[abstract_id] = link
    num_abstract = {}
    for num in root.iter(_q("w:num")):
        num_id = num.get(_q("w:numId"))
        abstract_id = _attr(num.find(_q("w:abstractNumId")), _VAL)
        if num_id is not None and abstract_id is not None:
            num_abstract[num_id] = abstract_id
    lists = {}
    for num in root.iter(_q("w:num")):
        num_id = num.get(_q("w:numId"))
        abstract_id = num_abstract.get(num_id)
        if abstract_id not in abstracts:
            continue
        levels = dict(_linked_levels(abstract_id, abstracts, style_links, num_abstract, styles_root))
        overrides = {}
        for override in num.findall(_q("w:lvlOverride")):
            ilvl = _int(override.get(_q("w:ilvl")), 0)
            start = _attr(override.find(_q("w:startOverride")), _VAL)
            if start is not None:
                overrides[ilvl] = _int(start, 0)
            replacement = override.find(_q("w:lvl"))
            if replacement is not None:
                levels[ilvl] = _parse_level(replacement)
        lists[num_id] = ListDef(abstract_id, levels, overrides)
    return lists


def _linked_levels(abstract_id, abstracts, style_links, num_abstract, styles_root) -> dict[int, Level]:
    """Levels of an abstract list; one made by a list style (w:numStyleLink) borrows the style's.

    abstractNum 5 → numStyleLink "公文编号" → style's numPr numId 3 → abstractNum 2's levels.
    """
    seen = set()
    while abstract_id in style_links and abstract_id not in seen and styles_root is not None:
        seen.add(abstract_id)
        style = _find_style(styles_root, style_links[abstract_id])
        num_id, _ = _num_pr(style.find(_q("w:pPr")) if style is not None else None)
        target = num_abstract.get(num_id)
        if target is None or target not in abstracts:
            break
        abstract_id = target
    return abstracts.get(abstract_id, {})


def _parse_level(lvl) -> Level:
    """<w:lvl><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>…"""
    fmt_el = lvl.find(_q("w:numFmt"))
    if fmt_el is None:
        # Word 2010+ wraps custom formats in mc:AlternateContent; the fallback is a plain numFmt.
        fmt_el = lvl.find(f"{_ALT}/{_FALLBACK}/{_q('w:numFmt')}")
    restart = _attr(lvl.find(_q("w:lvlRestart")), _VAL)
    legal = lvl.find(_q("w:isLgl"))
    return Level(
        start=_int(_attr(lvl.find(_q("w:start")), _VAL), 0),
        fmt=_attr(fmt_el, _VAL) or "decimal",
        text=_attr(lvl.find(_q("w:lvlText")), _VAL) or "",
        restart=_int(restart, None) if restart is not None else None,
        legal=legal is not None and legal.get(_VAL, "true") not in ("0", "false", "off"),
        style=_attr(lvl.find(_q("w:pStyle")), _VAL),
    )


def _parse_styles(root) -> tuple[dict[str, StyleNumbering], str | None]:
    """styleId → its numPr and basedOn; plus the default paragraph style's id."""
    if root is None:
        return {}, None
    styles = {}
    default = None
    for style in root.iter(_q("w:style")):
        style_id = style.get(_q("w:styleId"))
        if not style_id:
            continue
        num_id, ilvl = _num_pr(style.find(_q("w:pPr")))
        styles[style_id] = StyleNumbering(num_id, ilvl, _attr(style.find(_q("w:basedOn")), _VAL))
        if style.get(_q("w:type")) == "paragraph" and style.get(_q("w:default")) in ("1", "true", "on"):
            default = style_id
    return styles, default


def _find_style(styles_root, style_id: str):
    for style in styles_root.iter(_q("w:style")):
        if style.get(_q("w:styleId")) == style_id:
            return style
    return None


def _num_pr(ppr) -> tuple[str | None, int | None]:
    """(numId, ilvl) of a w:pPr's w:numPr; either may be None when not given."""
    if ppr is None:
        return None, None
    num_pr = ppr.find(_q("w:numPr"))
    if num_pr is None:
        return None, None
    num_id = _attr(num_pr.find(_q("w:numId")), _VAL)
    ilvl = _attr(num_pr.find(_q("w:ilvl")), _VAL)
    return num_id, (_int(ilvl, 0) if ilvl is not None else None)


def _attr(element, name: str) -> str | None:
    return None if element is None else element.get(name)


def _int(value: str | None, default):
    """Tolerant integer: a hand-edited or generator-written file may hold junk like "1.0"."""
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        try:
            return int(float(value))
        except (ValueError, OverflowError):
            return default


# ---------------------------------------------------------------- number formats

_HAN_DIGITS = "〇一二三四五六七八九"
_HAN_UNITS = ("千", "百", "十", "")
_LEGAL_SIMPLIFIED = "零壹贰叁肆伍陆柒捌玖"
_LEGAL_TRADITIONAL = "零壹貳參肆伍陸柒捌玖"
_LEGAL_UNITS = ("仟", "佰", "拾", "")
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def format_number(n: int, fmt: str) -> str:
    """One counter value in a w:numFmt: (11, "chineseCounting") → "十一", (3, "decimalEnclosedCircle") → "③".

    Formats not listed fall back to decimal, the way a reader without the font would see them.
    """
    if fmt in ("bullet", "none"):
        return ""
    if n < 0:
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(_FULL_WIDTH_DIGITS)
    if fmt == "chineseCounting":
        return _han_counting(n)
    if fmt in ("chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting"):
        return _han_number(n, _HAN_DIGITS, _HAN_UNITS, drop_leading_one=True)
    if fmt == "chineseLegalSimplified":
        return _han_number(n, _LEGAL_SIMPLIFIED, _LEGAL_UNITS, drop_leading_one=False)
    if fmt == "ideographLegalTraditional":
        return _han_number(n, _LEGAL_TRADITIONAL, _LEGAL_UNITS, drop_leading_one=False)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_HAN_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return _HEAVENLY_STEMS[(n - 1) % 10] if n else str(n)
    if fmt == "ideographZodiac":
        return _EARTHLY_BRANCHES[(n - 1) % 12] if n else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _enclosed_circle(n)
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return chr(0x2488 + n - 1)  # ⒈
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)  # ⑴
    if fmt in ("upperLetter", "lowerLetter") and n > 0:
        # Word repeats the letter past Z: AA, BB … not the spreadsheet AA, AB.
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and n > 0:
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(n)


_FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def _han_counting(n: int) -> str:
    """Word's chineseCounting: read out up to 99 (十, 十一, 二十一), digit by digit above (一〇一)."""
    if n < 100:
        return _han_number(n, _HAN_DIGITS, _HAN_UNITS, drop_leading_one=True)
    return "".join(_HAN_DIGITS[int(d)] for d in str(n))


def _han_number(n: int, digits: str, units: tuple[str, ...], drop_leading_one: bool) -> str:
    """Read a number out in Chinese up to 9999: 10 → 十, 21 → 二十一, 101 → 一百〇一, 1010 → 一千〇一十.

    Legal (大写) digits keep the 1 before ten: 10 → 壹拾. Zero inside a number is written once.
    """
    if n == 0 or n > 9999:
        return "".join(digits[int(d)] for d in str(n))
    out = []
    zero_pending = False
    for place, unit in zip((1000, 100, 10, 1), units, strict=True):
        digit = n // place % 10
        if digit == 0:
            zero_pending = zero_pending or bool(out)
            continue
        if zero_pending:
            out.append(digits[0])
            zero_pending = False
        out.append(digits[digit] + unit)
    text = "".join(out)
    if drop_leading_one and 10 <= n <= 19:
        text = text[1:]
    return text


def _enclosed_circle(n: int) -> str:
    """① … ⑳, ㉑ … ㉟, ㊱ … ㊿; beyond 50 no circled glyph exists, so plain digits."""
    if n == 0:
        return "⓪"
    if n <= 20:
        return chr(0x2460 + n - 1)
    if n <= 35:
        return chr(0x3251 + n - 21)
    if n <= 50:
        return chr(0x32B1 + n - 36)
    return str(n)


def _roman(n: int) -> str:
    out = []
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)
