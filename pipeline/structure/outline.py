"""The outline of headings and numbered items (annotation guide, section 2)."""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from pipeline.numerals import to_int
from pipeline.resources import MarkerFamily, StructureRules
from pipeline.structure.paragraphs import Para
from pipeline.types import Heading, Item

_ANNEX_RANK = -1  # 附件2 … inside a plan body: a part of its own, outside every marker family
_LEAD_FORBIDDEN = regex.compile(r"[，,；;：:]")
_TITLE_TRIM = "：:。 \u3000"


@dataclass(frozen=True)
class Marker:
    family: str
    rank: int
    number: int
    text: str  # as printed: "（一）"
    end: int  # offset in the line after the marker and the whitespace that follows it


def match_marker(line: str, families: tuple[MarkerFamily, ...]) -> Marker | None:
    """'（三）加快…' → Marker('paren_cn', 3, 3, '（三）', 3); a marker counts only at line start."""
    stripped = line.lstrip(" \u3000\t")
    offset = len(line) - len(stripped)
    for family in families:
        match = family.pattern.match(stripped)
        if match:
            number = to_int(match["num"])
            if number is None:
                continue
            end = match.end()
            while end < len(stripped) and stripped[end] in " \u3000\t":
                end += 1
            if end == len(stripped):
                continue  # a bare "1." line carries nothing
            return Marker(family.id, family.rank, number, match.group(0), offset + end)
    return None


@dataclass
class _Paragraph:
    start: int
    end: int
    responsible: list[str] = field(default_factory=list)


@dataclass
class _Node:
    marker: str
    rank: int
    family: str
    number: int | None
    line: Para
    title: str
    rest: tuple[int, int]  # the text after the marker, without a closing responsibility note
    runon: tuple[int, int] | None  # body after the title's 。 on the heading line
    responsible: list[str] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)
    paragraphs: list[_Paragraph] = field(default_factory=list)
    closing: list[_Paragraph] = field(default_factory=list)  # after its numbered children


@dataclass(frozen=True)
class Outline:
    preamble: str | None
    preamble_spans: tuple[tuple[int, int], ...]  # one per paragraph of the preamble
    headings: tuple[Heading, ...]
    items: tuple[Item, ...]


class _Notes:
    """Responsibility notes: （牵头单位：A；配合单位：B、C） → ['A', 'B', 'C']."""

    def __init__(self, labels: tuple[str, ...]):
        alternatives = "|".join(map(regex.escape, labels))
        self.label = regex.compile(rf"(?:{alternatives})\s*[：:]")
        self.tail = regex.compile(
            # a unit may hold one bracket of its own: 各乡（镇）人民政府
            rf"\s*(?:[（(]\s*(?:{alternatives})\s*[：:](?:[^（）()]|[（(][^（）()]*[）)])*[）)]"
            rf"|(?<=[。；;])\s*(?:{alternatives})\s*[：:][^。]*)[。；;]?\s*$"
        )
        self.whole = regex.compile(rf"^[（(]?\s*(?:{alternatives})\s*[：:][^。]*[）)]?[。；;]?$")

    def units(self, note: str) -> list[str]:
        note = self.label.sub("；", note.strip().strip("（）()。；;"))
        return [unit for unit in regex.split(r"[、，,；;\s]+", note) if unit]

    def split_tail(self, text: str, start: int, end: int) -> tuple[int, list[str]]:
        """End of the text without its closing note, and the note's units."""
        match = self.tail.search(text, start, end)
        if not match or match.start() == start:
            return end, []
        return match.start(), self.units(match.group(0))


def parse_outline(body: tuple[Para, ...], text: str, rules: StructureRules) -> Outline:
    """Headings, items and preamble of a plan body given as paragraphs of the document text."""
    notes = _Notes(rules.responsibility_labels)
    roots: list[_Node] = []
    stack: list[_Node] = []
    preamble: list[_Paragraph] = []
    last_number: dict[str, int] = {}
    last_target: _Node | _Paragraph | None = None
    skip_next = False

    for index, para in enumerate(body):
        if skip_next:
            skip_next = False
            continue
        line = para.text
        if notes.whole.match(line.strip()) and last_target is not None:
            last_target.responsible.extend(notes.units(line))
            continue
        node = None
        annex = rules.attachment_label_pattern.match(line.strip())
        if annex and index + 1 < len(body) and stack:
            title_para = body[index + 1]
            node = _Node(regex.sub(r"\s+", "", line), _ANNEX_RANK, "annex", None, para,
                         title_para.text.strip(), (title_para.start, title_para.start), None)
            skip_next = True
        else:
            marker = match_marker(line, rules.markers)
            if marker and _in_sequence(marker, last_number):
                last_number[marker.family] = marker.number
                node = _marker_node(para, marker, text, notes)
        if node is None:
            paragraph = _paragraph(para, text, notes)
            if len(stack) > 1 and _closes_list(stack[-2], stack[-1], text):
                # （1）…（3）…（4）…。 then 项目计划投资8600万元。: the last of a run of numbered items
                # is an item like the others, and the paragraph closes their heading
                stack.pop()
                stack[-1].closing.append(paragraph)
            else:
                (stack[-1].closing or stack[-1].paragraphs if stack else preamble).append(paragraph)
            last_target = paragraph
            continue
        while stack and stack[-1].rank >= node.rank:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
        last_target = node

    if not roots:
        return _flat_outline(preamble, text)
    headings: list[Heading] = []
    items: list[Item] = []
    for position, node in enumerate(roots, start=1):
        heading = _walk(node, position, "", 1, (), (), text, items)
        if heading is not None:
            headings.append(heading)
    preamble_text = "\n".join(text[p.start:p.end] for p in preamble) or None
    return Outline(preamble_text, tuple((p.start, p.end) for p in preamble), tuple(headings), tuple(items))


def _closes_list(parent: _Node, last: _Node, text: str) -> bool:
    """A paragraph after `last` belongs to `parent` when `last` follows numbered siblings that are
    all plain items (no paragraphs or children of their own) and is one finished sentence itself,
    not a title over what follows (a run-in heading, 强化要素保障。统筹资金。, stays one: guide §2)."""
    siblings = parent.children[:-1]
    return (parent.children[-1] is last and bool(siblings) and not last.children and not last.paragraphs
            and all(not c.children and not c.paragraphs for c in siblings) and last.runon is None
            and text[last.rest[0]:last.rest[1]].rstrip().endswith("。"))


def _in_sequence(marker: Marker, last_number: dict[str, int]) -> bool:
    """1 (re)starts a family; otherwise the number must follow the family's previous one.
    This keeps '3、5年内…' or a stray '2.' at a line start from opening an item."""
    previous = last_number.get(marker.family)
    return marker.number == 1 or previous is None or marker.number == previous + 1


def _marker_node(para: Para, marker: Marker, text: str, notes: _Notes) -> _Node:
    start = para.start + marker.end
    end, responsible = notes.split_tail(text, start, para.end)
    rest = text[start:end]
    cut = rest.find("。")
    if cut == -1:
        title, runon = rest, None
    else:
        title = rest[:cut]
        body_start = start + cut + 1
        while body_start < end and text[body_start] in " \u3000\t":
            body_start += 1
        runon = (body_start, end) if body_start < end else None
    return _Node(marker.text, marker.rank, marker.family, marker.number, para,
                 title.strip().rstrip(_TITLE_TRIM).strip(), (start, end), runon, responsible)


def _paragraph(para: Para, text: str, notes: _Notes) -> _Paragraph:
    start = para.start + (len(para.text) - len(para.text.lstrip(" \u3000\t")))
    end, responsible = notes.split_tail(text, start, para.end)
    return _Paragraph(start, end, responsible)


def lead_of(item_text: str) -> str | None:
    """'加强党的领导。加强和改进…' → '加强党的领导'; None when the first sentence is not a short title."""
    cut = item_text.find("。")
    if cut <= 0:
        return None
    sentence = item_text[:cut]
    if len(sentence) > 20 or _LEAD_FORBIDDEN.search(sentence):
        return None
    return sentence


def _walk(node: _Node, position: int, parent_id: str, level: int, path: tuple[str, ...],
          titles: tuple[str, ...], text: str, items: list[Item]) -> Heading | None:
    """Emit the items under node (in document order) and return node as a heading, or None
    when node is itself an item."""
    part = str(node.number) if node.number is not None else str(position)
    node_id = f"{parent_id}.{part}" if parent_id else part
    path = (*path, node.marker)
    if not node.children and not node.paragraphs:
        start, end = node.rest
        body = text[start:end]
        items.append(Item(node_id, node.marker, path, titles, lead_of(body), body, (start, end),
                          tuple(node.responsible)))
        return None
    inner_titles = (*titles, node.title)
    paragraphs = ([_Paragraph(*node.runon, list(node.responsible))] if node.runon else []) + node.paragraphs
    if node.children:
        # Paragraphs before the first numbered child (a report's 今年…主要预期目标是… before its
        # （一）…) carry content too: paragraph items numbered 0.k, so that every paragraph of the
        # body belongs to exactly one item and no ordinal clashes with a printed one.
        items.extend(_paragraph_items(paragraphs, f"{node_id}.0", 1, path, inner_titles, text))
        child_headings = []
        siblings = 0
        for child in node.children:
            siblings += 1
            heading = _walk(child, siblings, node_id, level + 1, path, inner_titles, text, items)
            if heading is not None:
                child_headings.append(heading)
        children = tuple(child_headings)
        # paragraphs after the numbered children close the heading: 0.k numbering runs on
        items.extend(_paragraph_items(node.closing, f"{node_id}.0", len(paragraphs) + 1, path, inner_titles, text))
    else:
        items.extend(_paragraph_items(paragraphs, node_id, 1, path, inner_titles, text))
        children = ()
    return Heading(node_id, level, node.marker, node.title, (node.line.start, node.line.end), children)


def _paragraph_items(paragraphs: list[_Paragraph], prefix: str, first: int, path: tuple[str, ...],
                     titles: tuple[str, ...], text: str) -> list[Item]:
    """Paragraph items numbered prefix.first, prefix.first+1, …"""
    return [Item(f"{prefix}.{k}", None, path, titles, lead_of(text[p.start:p.end]), text[p.start:p.end],
                 (p.start, p.end), tuple(p.responsible)) for k, p in enumerate(paragraphs, start=first)]


def _flat_outline(paragraphs: list[_Paragraph], text: str) -> Outline:
    """A document without headings: an opening paragraph ending in ： introduces the rest."""
    preamble, spans = None, ()
    if len(paragraphs) > 1 and text[paragraphs[0].start:paragraphs[0].end].rstrip().endswith(("：", ":")):
        preamble, spans = text[paragraphs[0].start:paragraphs[0].end], ((paragraphs[0].start, paragraphs[0].end),)
        paragraphs = paragraphs[1:]
    items = tuple(
        Item(str(k), None, (), (), lead_of(text[p.start:p.end]), text[p.start:p.end], (p.start, p.end),
             tuple(p.responsible))
        for k, p in enumerate(paragraphs, start=1)
    )
    return Outline(preamble, spans, (), items)
