"""Review pages: one self-contained HTML page per extracted document, showing every extraction
against the text it came from, and an overview of a corpus. Pure functions of the document dicts
of the output contract; nothing is fetched, so the pages work from file:// and offline."""
from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field

from pipeline.compare import primary_themes
from pipeline.compare_report import FONT_STACK, stacked_bars

KINDS = ("target", "number", "project", "action")
# Which highlight stays whole when two cross (the other is cut at its edges), and which is the
# outer one when two cover the same characters: a target contains its number.
_PRIORITY = {"target": 0, "project": 1, "number": 2, "action": 3}
_PLURAL = {"target": "targets", "number": "numbers", "project": "projects", "action": "actions"}
# Fields shown per kind, in reading order; the text itself and the span are shown anyway.
_FIELDS = {
    "target": ("indicator", "comparator", "value", "value_max", "unit", "deadline"),
    "number": ("value", "unit", "kind", "scalar"),
    "project": ("name", "kind", "status"),
    "action": ("verb", "object", "category"),
}
_META_FIELDS = ("title", "doc_number", "issuer_mark", "issuers", "doc_type", "recipients", "signatories", "date",
                "plan_title", "plan_year", "attachments", "cc", "printed_by", "printed_date")

_CSS = """
*{box-sizing:border-box}
body{font-family:FONTS;margin:0;color:#1f2328;background:#f6f7f9;font-size:14px}
a{color:#1f5fb4;text-decoration:none}a:hover{text-decoration:underline}
.layout{display:grid;grid-template-columns:260px minmax(0,1fr)}
nav{position:sticky;top:0;height:100vh;overflow:auto;padding:14px 12px;background:#fff;border-right:1px solid #dde1e6}
nav h2{font-size:14px;margin:4px 0 8px}nav ul{list-style:none;margin:0;padding-left:12px}
nav>ul{padding-left:0}nav li{margin:3px 0;line-height:1.45}nav .h{font-weight:600}
nav .it{color:#57606a;font-size:13px}nav .id{color:#8c959f;font-size:11px;margin-right:4px}
main{padding:18px 28px 60px;max-width:1500px}
h1{font-size:21px;margin:4px 0 12px}h2.sec{font-size:17px;margin:26px 0 6px}h3.sec{font-size:15px;margin:18px 0 6px}
.card{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:12px 16px;margin:10px 0}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:3px 14px;margin:0}
dl.meta dt{color:#57606a}dl.meta dd{margin:0}
.legend{display:flex;flex-wrap:wrap;gap:14px;align-items:center;position:sticky;top:0;z-index:5}
.legend label{cursor:pointer;user-select:none}
.item{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:10px 20px;scroll-margin-top:60px}
.item:target{outline:2px solid #1f5fb4}
.head{grid-column:1/-1;display:flex;flex-wrap:wrap;gap:6px 12px;align-items:baseline}
.head .iid{font-weight:700;font-size:15px}.head .path{color:#57606a}.head .crumbs{color:#57606a;font-size:12px}
.text{font-size:16px;line-height:2.1;white-space:pre-wrap;word-break:break-all}
.resp{font-size:12px;color:#57606a;margin-top:4px}
.theme{display:inline-block;font-size:12px;padding:1px 7px;border-radius:9px;background:#eef1f4;margin:0 4px 2px 0}
.theme.primary{background:#dbe7f7;font-weight:600}
mark{color:inherit;background:none;border-radius:3px;padding:1px 0;-webkit-box-decoration-break:clone;
box-decoration-break:clone;cursor:help}
mark[data-kind=action]{border-bottom:2px solid #8250df}.sw.action{background:#e6dcfb;border-bottom:3px solid #8250df}
mark[data-kind=target],.sw.target{background:#ffc98a;border-bottom:2px solid #d9730d}
mark[data-kind=number],.sw.number{background:#bfe0ff;color:#0b3d91;font-weight:600}
mark[data-kind=project],.sw.project{background:#b9ecc2;border-bottom:2px solid #1a7f37}
mark.focus{outline:2px solid #1f2328}
.off-action mark[data-kind=action],.off-target mark[data-kind=target],.off-number mark[data-kind=number],
.off-project mark[data-kind=project]{background:none;border-bottom-color:transparent;color:inherit;font-weight:inherit}
.sw{display:inline-block;width:14px;height:14px;vertical-align:-2px;margin-right:4px;border-radius:3px}
table.ents{border-collapse:collapse;width:100%;font-size:12px;table-layout:fixed;align-self:start}
table.ents col.k{width:70px}table.ents col.t{width:30%}table.ents col.r{width:104px}
details.acts summary{cursor:pointer;color:#57606a;font-size:12px;margin:6px 0 2px}
table.ents td,table.ents th{border-bottom:1px solid #e6e8eb;padding:3px 5px;vertical-align:top;text-align:left}
table.ents th{color:#57606a;font-weight:600}
table.ents tr.focus td{background:#fff8c5}
td.kind{white-space:nowrap}.f{margin-right:8px}.f b{font-weight:400;color:#57606a}
.rule{font-family:monospace;font-size:11px;color:#57606a;word-break:break-all}
.none{color:#8c959f;font-size:12px}.lost{color:#b3261e}
#tip{position:fixed;display:none;z-index:10;max-width:420px;background:#1f2328;color:#fff;font-size:12px;
line-height:1.5;padding:6px 9px;border-radius:5px;white-space:pre-wrap;pointer-events:none}
table.data{border-collapse:collapse;font-size:13px}
table.data td,table.data th{border:1px solid #dde1e6;padding:4px 7px;vertical-align:top;text-align:left}
table.data th{background:#f0f2f4}td.n{text-align:right}
.counts{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
@media (max-width:900px){.layout{grid-template-columns:1fr}nav{position:static;height:auto}
.item{grid-template-columns:1fr}}
""".replace("FONTS", FONT_STACK)

# Turns the server-side title attributes into one styled tooltip (nested highlights each keep
# theirs), links a highlight with its side-table row, and switches kinds off for reading.
_JS = """
(function(){
var tip=document.getElementById('tip');
document.querySelectorAll('mark[title]').forEach(function(m){m.dataset.tip=m.title;m.removeAttribute('title');});
function focus(ref,on){document.querySelectorAll('[data-ref="'+ref+'"]').forEach(function(e){
 e.classList.toggle('focus',on);});}
document.addEventListener('mouseover',function(ev){
 var m=ev.target.closest('mark[data-tip]');
 if(m){
  // nested highlights (a number in a target, a target in an action): show every one under the pointer
  var tips=[],e=m;
  while(e){tips.push(e.dataset.tip);focus(e.dataset.ref,true);e=e.parentElement.closest('mark[data-tip]');}
  tip.textContent=tips.join('\\n\\n');tip.style.display='block';}
 var r=ev.target.closest('tr[data-ref]');if(r){focus(r.dataset.ref,true);}});
document.addEventListener('mouseout',function(ev){
 var m=ev.target.closest('mark[data-tip]');
 if(m){tip.style.display='none';var e=m;
  while(e){focus(e.dataset.ref,false);e=e.parentElement.closest('mark[data-tip]');}}
 var r=ev.target.closest('tr[data-ref]');if(r){focus(r.dataset.ref,false);}});
document.addEventListener('mousemove',function(ev){if(tip.style.display==='block'){
 tip.style.left=Math.min(ev.clientX+14,window.innerWidth-440)+'px';tip.style.top=(ev.clientY+16)+'px';}});
document.querySelectorAll('.legend input').forEach(function(box){box.addEventListener('change',function(){
 document.body.classList.toggle('off-'+box.value,!box.checked);});});
})();
"""


def _esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _show(value) -> str:
    """A field value as a reader expects it: lists joined, null as a dash, floats without noise."""
    if value is None or value == []:
        return "–"
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if isinstance(value, float):  # 0.0090000000000001 is binary noise of a scalar, not precision
        return str(int(value)) if value.is_integer() else f"{value:.12g}"
    return str(value)


def _page(title: str, body: str, script: str = "") -> str:
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
            f"<title>{_esc(title)}</title><style>{_CSS}</style></head>\n<body>\n{body}\n"
            + (f"<script>{script}</script>" if script else "") + "</body></html>\n")


# --- highlights ----------------------------------------------------------------------------------

@dataclass
class _Entity:
    kind: str
    ref: str  # unique in the page: links a highlight, its fragments and its side-table row
    data: dict


@dataclass
class _Node:
    start: int
    end: int
    entity: _Entity
    children: list[_Node] = field(default_factory=list)


def _insert(nodes: list[_Node], start: int, end: int, entity: _Entity) -> None:
    """Place [start, end) into a list of non-overlapping sibling highlights. Inside a sibling that
    contains it, it goes down a level; a sibling it crosses keeps its extent and this one is cut at
    the sibling's edge, so that the markup always nests and no character is lost or repeated."""
    for node in nodes:
        if node.start <= start and end <= node.end:
            _insert(node.children, start, end, entity)
            return
    for node in list(nodes):
        if node.start < start < node.end:
            _insert(node.children, start, node.end, entity)
            start = node.end
        elif node.start < end < node.end:
            _insert(node.children, node.start, end, entity)
            end = node.start
    if start >= end:
        return
    inside = [n for n in nodes if start <= n.start and n.end <= end]
    outside = [n for n in nodes if not (start <= n.start and n.end <= end)]
    nodes[:] = sorted([*outside, _Node(start, end, entity, inside)], key=lambda n: n.start)


def _tooltip(entity: _Entity) -> str:
    lines = [f"{entity.kind}: {entity.data.get('text') or entity.data.get('name') or ''}"]
    lines += [f"{key}: {_show(entity.data.get(key))}" for key in _FIELDS[entity.kind] if key in entity.data]
    if entity.data.get("rule"):
        lines.append(f"rule: {entity.data['rule']}")
    return "\n".join(lines)


def _render_nodes(text: str, nodes: list[_Node], lo: int, hi: int, item_id: str) -> str:
    out, pos = [], lo
    for node in nodes:
        e = node.entity
        out.append(_esc(text[pos:node.start]))
        out.append(f'<mark data-kind="{e.kind}" data-item="{_esc(item_id)}" data-ref="{e.ref}" '
                   f'title="{_esc(_tooltip(e))}">')
        out.append(_render_nodes(text, node.children, node.start, node.end, item_id))
        out.append("</mark>")
        pos = node.end
    out.append(_esc(text[pos:hi]))
    return "".join(out)


def _entities(item: dict) -> list[_Entity]:
    """The item's extractions in text order, each with a page-unique reference."""
    found = []
    for kind in KINDS:
        for k, data in enumerate(item.get(_PLURAL[kind]) or []):
            found.append(_Entity(kind, f"{item['id']}:{kind[0]}{k}", data))
    return sorted(found, key=lambda e: (_span(e.data)[0], _PRIORITY[e.kind]))


def _span(data: dict) -> tuple[int, int]:
    span = data.get("span") or (-1, -1)
    return int(span[0]), int(span[1])


def _item_offset(doc: dict, item: dict) -> int | None:
    """Where the item's text starts in the document text. Spans are offsets into the document
    text; the item text is that slice (the responsibility note is cut from its end). A document
    where they disagree gets its highlights only where the slice can be found."""
    text, start = item["text"], int(item["span"][0])
    full = doc.get("text") or ""
    if full[start:start + len(text)] == text:
        return start
    found = full.find(text, max(0, start - 200)) if text else -1
    return found if found >= 0 else None


def highlight(doc: dict, item: dict) -> tuple[str, set[str]]:
    """The item text as HTML with one <mark> per extraction (nested where they nest), and the
    references of the extractions that could not be placed in the text."""
    text = item["text"]
    offset = _item_offset(doc, item)
    roots: list[_Node] = []
    lost = set()
    order = sorted(_entities(item), key=lambda e: (_PRIORITY[e.kind], -(_span(e.data)[1] - _span(e.data)[0])))
    for entity in order:
        start, end = _span(entity.data)
        if offset is None or start < offset or end > offset + len(text) or end <= start:
            lost.add(entity.ref)
            continue
        _insert(roots, start - offset, end - offset, entity)
    return _render_nodes(text, roots, 0, len(text), item["id"]), lost


# --- review page ---------------------------------------------------------------------------------

def _meta_card(doc: dict) -> str:
    meta, source = doc.get("meta") or {}, doc.get("source") or {}
    rows = [(key, meta.get(key)) for key in _META_FIELDS]
    rows += [("doc_id", doc.get("doc_id")), ("source", f"{source.get('path') or ''} ({source.get('format') or '?'})"),
             ("themes_model", doc.get("themes_model")), ("warnings", doc.get("warnings"))]
    cells = "".join(f"<dt>{_esc(k)}</dt><dd>{_esc(_show(v))}</dd>" for k, v in rows)
    preamble = doc.get("preamble")
    pre = (f"<details><summary>preamble</summary><div class='text'>{_esc(preamble)}</div></details>"
           if preamble else "")
    goals = doc.get("preamble_targets") or []
    if goals:  # the goals a preamble sets belong to no item: listed here, with their fields
        rows = "".join(f"<li>{_esc(t['text'])} <small>({_esc(t['indicator'])}: {_esc(t['comparator'])} "
                       f"{_esc(_show(t['value']))}{_esc(t['unit'] or '')})</small></li>" for t in goals)
        pre += f"<details open><summary>goals in the preamble ({len(goals)})</summary><ul>{rows}</ul></details>"
    return f"<section class='card'><dl class='meta'>{cells}</dl>{pre}</section>"


def _legend(doc: dict) -> str:
    counts = Counter(kind for it in doc["items"] for kind in KINDS for _ in it.get(_PLURAL[kind]) or [])
    boxes = "".join(f"<label><input type='checkbox' value='{k}' checked> <span class='sw {k}'></span>"
                    f"{_PLURAL[k]} ({counts[k]})</label>" for k in KINDS)
    return (f"<div class='card legend'><b>Highlights</b>{boxes}"
            "<span class='none'>hover a highlight for its fields; untick a kind to read without it</span></div>")


def _headings(outline: list[dict]) -> list[dict]:
    flat = []
    for heading in outline:
        flat.append(heading)
        flat.extend(_headings(heading.get("children") or []))
    return flat


def _parent_heading(item_id: str, heading_ids: set[str]) -> str | None:
    """The deepest heading whose id is a proper prefix of the item's (3.0.1 is under 3)."""
    parts = item_id.split(".")
    for n in range(len(parts) - 1, 0, -1):
        candidate = ".".join(parts[:n])
        if candidate in heading_ids:
            return candidate
    return None


def _short(text: str, n: int = 18) -> str:
    return text if len(text) <= n else text[:n] + "…"


def _nav(doc: dict) -> str:
    heading_ids = {h["id"] for h in _headings(doc.get("outline") or [])}
    under: dict[str | None, list[dict]] = {}
    for item in doc["items"]:
        under.setdefault(_parent_heading(item["id"], heading_ids), []).append(item)

    def item_links(items: list[dict]) -> str:
        return "".join(f"<li class='it'><a href='#item-{_esc(it['id'])}'><span class='id'>{_esc(it['id'])}</span>"
                       f"{_esc(_short(it.get('lead') or it['text']))}</a></li>" for it in items)

    def tree(headings: list[dict]) -> str:
        parts = []
        for h in headings:
            inner = item_links(under.get(h["id"], [])) + tree(h.get("children") or [])
            parts.append(f"<li><a class='h' href='#sec-{_esc(h['id'])}'>{_esc(h.get('marker') or '')}"
                         f"{_esc(h.get('title') or '')}</a>" + (f"<ul>{inner}</ul>" if inner else "") + "</li>")
        return "".join(parts)

    top = item_links(under.get(None, []))
    return f"<nav><h2>Outline</h2><ul>{top}{tree(doc.get('outline') or [])}</ul></nav>"


def _themes(item: dict) -> str:
    chips, seen_levels = [], set()
    for theme in item.get("themes") or []:
        primary = theme["level"] not in seen_levels
        seen_levels.add(theme["level"])
        chips.append(f"<span class='theme{' primary' if primary else ''}' title='level {theme['level']}'>"
                     f"L{theme['level']} {_esc(theme['code'])} {_esc(theme['label'])} "
                     f"{float(theme['score']):.2f}</span>")
    return "".join(chips) or "<span class='none'>no themes</span>"


def _fields_cell(entity: _Entity) -> str:
    return " ".join(f"<span class='f'><b>{_esc(key)}</b> {_esc(_show(entity.data.get(key)))}</span>"
                    for key in _FIELDS[entity.kind] if key in entity.data)


def _entity_table(entities: list[_Entity], lost: set[str]) -> str:
    rows = []
    for e in entities:
        text = e.data.get("text") or e.data.get("name") or ""
        where = " <span class='lost'>(not found in the text)</span>" if e.ref in lost else ""
        rows.append(f"<tr data-ref='{e.ref}' data-kind-row='{e.kind}'><td class='kind'>"
                    f"<span class='sw {e.kind}'></span>{e.kind}</td><td>{_esc(text)}{where}</td>"
                    f"<td>{_fields_cell(e)}</td><td class='rule'>{_esc(e.data.get('rule') or '')}</td></tr>")
    return ("<table class='ents'><colgroup><col class='k'><col class='t'><col><col class='r'></colgroup>"
            "<tr><th>kind</th><th>text</th><th>fields</th><th>rule</th></tr>" + "".join(rows) + "</table>")


def _side_table(item: dict, lost: set[str]) -> str:
    """Targets, numbers and projects in the open, grouped as in the legend; actions (most of the
    text is covered by them, three in four rows) folded below, so the item stays one screen."""
    entities = sorted(_entities(item), key=lambda e: KINDS.index(e.kind))
    if not entities:
        return "<div class='none'>nothing extracted</div>"
    shown = [e for e in entities if e.kind != "action"]
    actions = [e for e in entities if e.kind == "action"]
    out = _entity_table(shown, lost) if shown else ""
    if actions:
        out += (f"<details class='acts'><summary>actions ({len(actions)})</summary>"
                f"{_entity_table(actions, lost)}</details>")
    return f"<div class='side'>{out}</div>"


def _item_block(doc: dict, item: dict) -> str:
    body, lost = highlight(doc, item)
    crumbs = " › ".join(item.get("section_titles") or [])
    responsible = item.get("responsible") or []
    resp = f"<div class='resp'>responsible: {_esc('、'.join(responsible))}</div>" if responsible else ""
    return (f"<section class='card item' id='item-{_esc(item['id'])}' data-item-id='{_esc(item['id'])}'>"
            f"<div class='head'><span class='iid'>{_esc(item['id'])}</span>"
            f"<span class='path'>{_esc(''.join(item.get('path') or []))}</span>"
            f"<span class='crumbs'>{_esc(crumbs)}</span><span>{_themes(item)}</span></div>"
            f"<div><div class='text'>{body}</div>{resp}</div>{_side_table(item, lost)}</section>")


def _main_flow(doc: dict) -> str:
    """Headings and items in document order, so that the outline's links land on their section."""
    headings = _headings(doc.get("outline") or [])
    heading_ids = {h["id"] for h in headings}
    first_item: dict[str, int] = {}
    for item in doc["items"]:
        parent = _parent_heading(item["id"], heading_ids)
        while parent is not None:  # a heading without a span sits before its first item
            first_item.setdefault(parent, int(item["span"][0]))
            parent = _parent_heading(parent, heading_ids)
    events = []
    for h in headings:
        where = h["span"][0] if h.get("span") else first_item.get(h["id"])
        if where is not None:
            tag = "h2" if h.get("level", 1) <= 1 else "h3"
            events.append((int(where), 0, f"<{tag} class='sec' id='sec-{_esc(h['id'])}'>{_esc(h.get('marker') or '')}"
                                          f"{_esc(h.get('title') or '')}</{tag}>"))
    for k, item in enumerate(doc["items"]):
        events.append((int(item["span"][0]), 1, k))
    out = []
    for _, kind, payload in sorted(events, key=lambda e: (e[0], e[1])):
        out.append(payload if kind == 0 else _item_block(doc, doc["items"][payload]))
    return "".join(out)


def render_review(doc: dict) -> str:
    """The review page of one extracted document (the dict of `document_to_dict`)."""
    meta = doc.get("meta") or {}
    title = meta.get("plan_title") or meta.get("title") or doc.get("doc_id") or "document"
    body = (f"<div class='layout'>{_nav(doc)}<main><h1>{_esc(title)}</h1>{_meta_card(doc)}{_legend(doc)}"
            f"{_main_flow(doc)}</main></div><div id='tip'></div>")
    return _page(f"{title} — review", body, _JS)


# --- corpus overview -----------------------------------------------------------------------------

_NONE = "(none)"  # the value counted for a document that lacks the field


def _count_table(title: str, counts: Counter, by_key: bool = False) -> str:
    """Documents per value, most frequent first (or in the order of the values: years)."""
    order = (lambda kv: (kv[0] == _NONE, str(kv[0]))) if by_key else (lambda kv: (-kv[1], str(kv[0])))
    rows = "".join(f"<tr><td>{_esc(key)}</td><td class='n'>{n}</td></tr>"
                   for key, n in sorted(counts.items(), key=order))
    return (f"<div><h3>{_esc(title)}</h3><table class='data'><tr><th>{_esc(title)}</th>"
            f"<th>documents</th></tr>{rows}</table></div>")


def _theme_table(docs: list[dict], level: int) -> str:
    """Items by primary theme, and documents whose most frequent primary theme it is."""
    items, leading, labels = Counter(), Counter(), {}
    for doc in docs:
        primaries = primary_themes(doc, level)
        codes = Counter(t["code"] for t in primaries)
        labels.update({t["code"]: t["label"] for t in primaries})
        items.update(codes)
        if codes:
            leading[min(codes, key=lambda c: (-codes[c], c))] += 1
    if not items:
        return ""
    rows = "".join(f"<tr><td>{_esc(code)} {_esc(labels[code])}</td><td class='n'>{leading[code]}</td>"
                   f"<td class='n'>{items[code]}</td></tr>" for code in sorted(items, key=lambda c: (-items[c], c)))
    return (f"<div><h3>Primary theme, level {level}</h3><table class='data'><tr><th>theme</th>"
            f"<th>documents (leading)</th><th>items</th></tr>{rows}</table></div>")


def _doc_title(doc: dict) -> str:
    meta = doc.get("meta") or {}
    return meta.get("plan_title") or meta.get("title") or doc["doc_id"]


def _theme_chart(docs: list[dict], level: int) -> str:
    rows, labels = [], {}
    for doc in docs:
        primaries = primary_themes(doc, level)
        if not primaries:
            continue
        labels.update({t["code"]: t["label"] for t in primaries})
        codes = Counter(t["code"] for t in primaries)
        rows.append((_doc_title(doc), f"{doc['doc_id']}.html", {c: n / len(primaries) for c, n in codes.items()}))
    chart = stacked_bars(rows, labels)
    return f"<h3>Level {level}</h3>{chart}" if chart else ""


def _targets_table(docs: list[dict]) -> str:
    head = ("document", "item", "indicator", "comparator", "value", "value_max", "unit", "deadline", "text")
    rows = []
    for doc in docs:
        page = f"{doc['doc_id']}.html"
        placed = [("preamble", "", t) for t in doc.get("preamble_targets") or []]
        placed += [(item["id"], f"#item-{item['id']}", t) for item in doc["items"] for t in item.get("targets") or []]
        for where, anchor, t in placed:
            cells = [f"<a href='{_esc(page)}'>{_esc(_short(_doc_title(doc), 16))}</a>",
                     f"<a href='{_esc(page + anchor)}'>{_esc(where)}</a>"]
            cells += [_esc(_show(t.get(key))) for key in head[2:]]
            rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    header = "".join(f"<th>{h}</th>" for h in head)
    return (f"<h2>Targets ({len(rows)})</h2><p><input id='filter' placeholder='filter rows…' size='30'></p>"
            f"<table class='data' id='targets'><tr>{header}</tr>{''.join(rows)}</table>")


_FILTER_JS = """
document.getElementById('filter').addEventListener('input',function(ev){var q=ev.target.value.trim();
document.querySelectorAll('#targets tr').forEach(function(r,i){if(i)r.style.display=
(!q||r.textContent.indexOf(q)>=0)?'':'none';});});
"""


def _documents_table(docs: list[dict]) -> str:
    rows = []
    for doc in docs:
        meta = doc.get("meta") or {}
        n = Counter(kind for it in doc["items"] for kind in KINDS for _ in it.get(_PLURAL[kind]) or [])
        rows.append(f"<tr><td><a href='{_esc(doc['doc_id'])}.html'>{_esc(_doc_title(doc))}</a></td>"
                    f"<td>{_esc(_show(meta.get('doc_type')))}</td><td>{_esc(_show(meta.get('issuers')))}</td>"
                    f"<td>{_esc(_show(meta.get('date')))}</td><td class='n'>{_esc(_show(meta.get('plan_year')))}</td>"
                    f"<td class='n'>{len(doc['items'])}</td>"
                    + "".join(f"<td class='n'>{n[k]}</td>" for k in KINDS) + "</tr>")
    header = "".join(f"<th>{h}</th>" for h in ("document (review page)", "doc_type", "issuers", "date", "plan_year",
                                                 "items", *(_PLURAL[k] for k in KINDS)))
    return f"<table class='data'><tr>{header}</tr>{''.join(rows)}</table>"


def render_overview(docs: list[dict]) -> str:
    """The overview of a corpus of extracted documents, linking to each one's `<doc_id>.html`."""
    by_type = Counter(d["meta"].get("doc_type") or _NONE for d in docs)
    by_issuer = Counter(issuer for d in docs for issuer in (d["meta"].get("issuers") or [_NONE]))
    by_year = Counter(d["meta"].get("plan_year") or _NONE for d in docs)
    n_items = sum(len(d["items"]) for d in docs)
    n_targets = sum(len(it.get("targets") or []) for d in docs for it in d["items"]) \
        + sum(len(d.get("preamble_targets") or []) for d in docs)
    counts = (_count_table("Document type", by_type) + _count_table("Issuer", by_issuer)
              + _count_table("Plan year", by_year, by_key=True) + _theme_table(docs, 1) + _theme_table(docs, 2))
    body = (f"<main><h1>Corpus overview</h1><p>{len(docs)} documents, {n_items} items, {n_targets} targets.</p>"
            f"<h2>Documents</h2>{_documents_table(docs)}<h2>Counts</h2><div class='counts'>{counts}</div>"
            "<h2>Theme shares per document</h2><p class='none'>share of each document's items whose primary "
            "theme is the code; hover a segment for its name</p>"
            f"{_theme_chart(docs, 1)}{_theme_chart(docs, 2)}{_targets_table(docs)}</main>")
    return _page("Corpus overview", body, _FILTER_JS)

