"""PDF files: text in reading order, page furniture removed, layout-wrapped lines re-joined."""
from __future__ import annotations

import io
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import regex

from pipeline.errors import InputError
from pipeline.numerals import to_int
from pipeline.resources import ingest_rules, structure_rules
from pipeline.types import Ingested, Source

_BAD_GLYPH = regex.compile(r"\(cid:\d+\)|\ufffd")
_DIGITS = regex.compile(r"\d+")
_ASCII_WORD = regex.compile(r"[A-Za-z0-9]")
# (“1269”行动计划: the quotes around a number move with it, each as wide as a CJK character)
_LEADING_WORD = regex.compile(r"(?P<open>[“‘《（(]?)(?P<word>[A-Za-z0-9.%\-+/:]+)(?P<close>[”’》）)]?)")


@dataclass(frozen=True)
class _Char:
    text: str
    x0: float
    x1: float
    top: float
    size: float


@dataclass(frozen=True)
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    size: float


def read_pdf(path: Path, data: bytes, sha256: str) -> Ingested:
    """A .pdf with a text layer → Ingested(text, format "pdf", pages, extractor).

    pdfplumber first; when its text is full of (cid:NNN) or U+FFFD (fonts without a ToUnicode
    map) pypdfium2 reads the page instead, and the warning says so.
    """
    if not data.lstrip().startswith(b"%PDF"):
        raise InputError(str(path), "not a PDF file (no %PDF header)")
    pages = _pdfplumber_pages(data, path)
    extractor, warnings = "pdfplumber", []
    text_chars = sum(len(c.text) for page in pages for c in page)
    bad = sum(len(m) for page in pages for c in page for m in _BAD_GLYPH.findall(c.text))
    if text_chars and bad / text_chars > 0.02:
        pages = _pypdfium2_pages(data, path)
        extractor = "pypdfium2"
        warnings.append("pdfplumber found glyphs without a Unicode map ((cid:…)); text read with pypdfium2")
    if not any(c.text.strip() for page in pages for c in page):
        raise InputError(str(path), "no text layer (scanned?); run OCR first")
    page_lines = [_lines(page) for page in pages]
    page_lines = _remove_furniture(page_lines)
    text = "\n".join(_join_wrapped(page_lines))
    source = Source(str(path), "pdf", None, sha256, pages=len(pages), extractor=extractor)
    return Ingested(text=text, source=source, warnings=tuple(warnings))


def _pdfplumber_pages(data: bytes, path: Path) -> list[list[_Char]]:
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return [
                [_Char(c["text"], c["x0"], c["x1"], c["top"], c.get("size") or (c["x1"] - c["x0"]))
                 for c in page.chars if c.get("upright", True)]
                for page in pdf.pages
            ]
    except PDFSyntaxError as exc:
        raise InputError(str(path), f"corrupt or truncated PDF ({exc})") from None
    except Exception as exc:  # pdfminer raises many types for damaged files
        raise InputError(str(path), f"corrupt or truncated PDF ({type(exc).__name__})") from None


def _pypdfium2_pages(data: bytes, path: Path) -> list[list[_Char]]:
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except Exception as exc:
        raise InputError(str(path), f"corrupt or truncated PDF ({type(exc).__name__})") from None
    pages = []
    for index in range(len(document)):
        page = document[index]
        height = page.get_height()
        textpage = page.get_textpage()
        chars = []
        for i in range(textpage.count_chars()):
            ch = textpage.get_text_range(i, 1)
            if not ch.strip():
                continue
            left, bottom, right, top = textpage.get_charbox(i)
            chars.append(_Char(ch, left, right, height - top, max(top - bottom, 1.0)))
        pages.append(chars)
    return pages


def _lines(chars: list[_Char]) -> list[_Line]:
    """Group characters into lines by their top, then build each line's text from the gaps:
    a gap of two characters or more keeps two spaces (issuers side by side in a signature),
    a small gap between Latin letters or digits keeps one, any other gap none (国 务 院 → 国务院)."""
    if not chars:
        return []
    chars = sorted(chars, key=lambda c: (round(c.top), c.x0))
    rows: list[list[_Char]] = []
    for c in chars:
        if rows and abs(rows[-1][0].top - c.top) <= 0.4 * c.size:
            rows[-1].append(c)
        else:
            rows.append([c])
    lines = []
    for row in rows:
        row.sort(key=lambda c: c.x0)
        size = statistics.median(c.size for c in row)
        parts = [row[0].text]
        for prev, c in zip(row, row[1:], strict=False):
            gap = c.x0 - prev.x1
            if gap > 1.5 * size:
                parts.append("  ")
            elif gap > 0.2 * size and _ASCII_WORD.match(prev.text[-1:]) and _ASCII_WORD.match(c.text[:1]):
                parts.append(" ")
            parts.append(c.text)
        text = "".join(parts).strip()
        if text:
            lines.append(_Line(text, row[0].x0, row[-1].x1, row[0].top, size))
    return lines


def _remove_furniture(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Drop page-number lines and running headers/footers at the top or bottom of pages.

    A header or footer is a line (digits ignored) repeated at a page edge on at least half of
    the pages, and on two at least."""
    rules = ingest_rules()
    edge = 2

    def is_edge(page: list[_Line], i: int) -> bool:
        return i < edge or i >= len(page) - edge

    counts: Counter = Counter()
    for page in pages:
        counts.update({_DIGITS.sub("#", line.text) for i, line in enumerate(page) if is_edge(page, i)})
    threshold = max(2, (len(pages) + 1) // 2)
    repeated = {text for text, n in counts.items() if n >= threshold} if len(pages) >= 2 else set()
    cleaned = []
    for page in pages:
        kept = []
        for i, line in enumerate(page):
            compact = regex.sub(r"\s+", "", line.text)
            if is_edge(page, i) and (
                any(p.match(compact) for p in rules.page_number_lines) or _DIGITS.sub("#", line.text) in repeated
            ):
                continue
            kept.append(line)
        cleaned.append(kept)
    return cleaned


def _inline_sequel(paragraph: str, marker, families) -> bool:
    """Whether a marker at a line start continues a list written inside the paragraph
    (…1.2万人次；（4）…；|（5）改造…): the paragraph holds the marker before it, not at its start."""
    family = next(f for f in families if f.id == marker.family)
    return any(found.start() > 0 and to_int(found["num"]) == marker.number - 1
               for found in family.pattern.finditer(paragraph))


def _join_wrapped(pages: list[list[_Line]]) -> list[str]:
    """Re-join lines that the layout wrapped: a line that reaches the right margin continues on
    the next line unless that line is indented (a new paragraph) or starts with an outline
    marker. Headings, signatures and centred titles end short of the margin and stay apart."""
    from pipeline.structure.outline import match_marker

    families = structure_rules().markers
    out: list[str] = []
    previous: _Line | None = None
    body = [line for page in pages for line in page]
    if not body:
        return out
    # Margins of the whole document: a short last page has no full line to measure from. The
    # right margin is where most long lines end; a few overshoot it (Latin runs, hanging
    # punctuation, right-aligned signatures), so the maximum would be wrong.
    left = min(line.x0 for line in body)
    longest = max(line.x1 for line in body)
    ends = Counter(round(line.x1) for line in body if line.x1 >= left + 0.6 * (longest - left))
    right = max(ends.items(), key=lambda kv: (kv[1], kv[0]))[0]
    for page in pages:
        for line in page:
            size = line.size
            indented = line.x0 > left + 0.8 * size
            # CJK lines break anywhere, but a Latin word or number that did not fit moves whole
            # to the next line and leaves room at the end of this one.
            word = _LEADING_WORD.match(line.text)
            slack = (2 + 0.6 * len(word["word"]) + len(word["open"]) + len(word["close"])) * size if word else 2 * size
            marker = match_marker(line.text, families)
            joins = (
                previous is not None
                and previous.x1 >= right - slack
                and not indented
                and (marker is None or _inline_sequel(out[-1] if out else "", marker, families))
                and out
            )
            if joins:
                out[-1] += line.text
            else:
                out.append(line.text)
            previous = line
    return out
