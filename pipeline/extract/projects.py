"""Named projects: documents in 《》, programmes, formulations, facilities, events, organizations."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from pipeline.resources import ExtractRules

_NUMERAL_LED = regex.compile(r"^[一二两三四五六七八九十双]")
_SLOGAN = regex.compile(r"[、，,；;：:。—]|\+.*\+|\s")
_NAME_CHAR = regex.compile(r"[\p{Han}（）()·A-Za-z0-9]")
_STOP_CHARS = set("的等和与及在对为向到至将把由从以于并或、")
_CUE_CHARS = set("路山湖江河岛镇村街城港湾峰岭")
_PROPER_TAGS = {"ns", "nr", "nz", "nt", "nrt", "nrfg", "eng"}


@dataclass(frozen=True)
class Project:
    name: str
    kind: str  # document | programme | formulation | facility | event | organization
    status: str | None  # planned | existing for documents
    span: tuple[int, int]  # the name without its quotes
    rule: str


def find_brackets(text: str, start: int, end: int, open_: str, close: str) -> list[tuple[int, int]]:
    """Outermost bracket pairs, nesting handled: 《“十四五”…规划》 and 《…〈…〉…》 count once."""
    pairs, depth, begin = [], 0, None
    for i in range(start, end):
        ch = text[i]
        if ch == open_:
            if depth == 0:
                begin = i
            depth += 1
        elif ch == close and depth:
            depth -= 1
            if depth == 0:
                pairs.append((begin, i + 1))
    return pairs


def extract_projects(text: str, start: int, end: int, rules: ExtractRules, tagger) -> list[Project]:
    """Projects named in text[start:end] (one item).

    >>> [p.name for p in extract_projects("制定出台《加快推进教育高质量发展的意见》，深入推进“千帆计划”", 0, 34, rules, tagger)]
    ['加快推进教育高质量发展的意见', '千帆计划']
    """
    found: list[Project] = []
    titles = find_brackets(text, start, end, "《", "》")
    for s, e in titles:
        found.append(Project(text[s + 1:e - 1], "document", _document_status(text, start, s, titles, rules),
                             (s + 1, e - 1), "projects.document.v1"))
    inside_titles = set()
    for s, e in titles:
        inside_titles.update(range(s, e))
    quotes = [(s, e) for s, e in find_brackets(text, start, end, "“", "”") if s not in inside_titles]
    for s, e in quotes:
        name = text[s + 1:e - 1]
        if not name or len(name) > 15 or _SLOGAN.search(name):
            continue
        if _NUMERAL_LED.match(name) and name not in rules.fixed_words:
            kind, rule = "formulation", "projects.formulation.quoted.v1"
        elif name.endswith(tuple(rules.event_suffixes)):
            kind, rule = "event", "projects.event.quoted.v1"
        else:
            kind, rule = "programme", "projects.programme.quoted.v1"
        found.append(Project(name, kind, None, (s + 1, e - 1), rule))
    taken = set(inside_titles)
    for s, e in quotes:
        taken.update(range(s, e))
    for term in rules.formulations:
        for match in regex.finditer(regex.escape(term), text[start:end]):
            s, e = start + match.start(), start + match.end()
            if not taken.intersection(range(s, e)):
                found.append(Project(term, "formulation", None, (s, e), "projects.formulation.lexicon.v1"))
                taken.update(range(s, e))
    for kind, suffixes in (("event", rules.event_suffixes), ("facility", rules.facility_suffixes),
                           ("organization", rules.organization_suffixes), ("programme", rules.programme_suffixes)):
        for project in _suffixed_names(text, start, end, kind, suffixes, rules, tagger, taken):
            found.append(project)
            taken.update(range(*project.span))
    found.sort(key=lambda p: p.span)
    return _dedupe(found)


def _document_status(text: str, item_start: int, s: int, titles, rules: ExtractRules) -> str:
    """planned when a drafting verb governs the title, also across a run 《A》《B》 or 《A》、《B》."""
    begin = s
    previous = {e: b for b, e in titles}
    while True:
        k = begin
        while k > item_start and text[k - 1] in "、和及与":
            k -= 1
        if k in previous:
            begin = previous[k]
        else:
            break
    window = text[max(item_start, begin - 8):begin]
    return "planned" if any(window.endswith(v) or window.endswith(v + "并") for v in rules.document_planned_verbs) \
        else "existing"


def _suffixed_names(text, start, end, kind, suffixes, rules, tagger, taken):
    """Names that end in a suffix (幼儿园, 运动会, 大学 …) with a proper-name head."""
    alternatives = "|".join(regex.escape(s) for s in sorted(suffixes, key=len, reverse=True))
    for match in regex.finditer(rf"(?:{alternatives})", text[start:end]):
        e = start + match.end()
        if e in taken or start + match.start() in taken:
            continue
        s = start + match.start()
        while s > start and _NAME_CHAR.match(text[s - 1]) and text[s - 1] not in _STOP_CHARS and s - 1 not in taken:
            s -= 1
        s = _cut_after_last_verb(text, s, start + match.start(), rules)
        while s < e and regex.match(r"[\d一二两三四五六七八九十百千万]", text[s]):
            s += 1  # 12所… or 三所…: a count, not a name
        if s < e and text[s] in "所个家处座名项" and s > start and regex.match(r"[\d一二两三四五六七八九十]", text[s - 1]):
            s += 1
        name = text[s:e]
        head = name[: len(name) - len(match.group(0))]
        if len(head) < 2 or head.startswith(tuple(rules.generic_heads)) or not _is_proper(head, tagger):
            continue
        if kind == "event":
            ordinal = regex.search(r"第[\d一二三四五六七八九十]+届", name)
            if ordinal and ordinal.start() > 0 and name[:ordinal.start()] in ("新区", "全市", "全区", "全县"):
                pass
        yield Project(name, kind, None, (s, e), f"projects.{kind}.suffix.v1")


def _cut_after_last_verb(text: str, s: int, suffix_start: int, rules: ExtractRules) -> int:
    """Start the name after the last policy verb of the run: 高标准承办亚洲沙滩藤球锦标赛 → 亚洲…锦标赛."""
    run = text[s:suffix_start]
    cut = 0
    for verb in rules.verbs:
        for m in regex.finditer(regex.escape(verb), run):
            cut = max(cut, m.end())
    for extra in ("做好", "办好", "承办", "举办", "开放", "对标", "依托", "联合", "加快", "重点", "协调", "助推", "服务"):
        for m in regex.finditer(extra, run):
            cut = max(cut, m.end())
    return s + cut


def _is_proper(head: str, tagger) -> bool:
    """A proper-name head: a place cue (路, 山, 镇 …), Latin letters, or a name tag from jieba."""
    if any(ch in _CUE_CHARS for ch in head) or regex.search(r"[A-Za-z（(]", head):
        return True
    return any(flag in _PROPER_TAGS for _, flag in tagger(head))


def _dedupe(projects: list[Project]) -> list[Project]:
    """Each distinct name once per item (the first mention), nested matches dropped."""
    out, seen = [], set()
    for project in projects:
        if (project.name, project.kind) in seen:
            continue
        if any(o.span[0] <= project.span[0] and project.span[1] <= o.span[1] and o is not project for o in out):
            continue
        seen.add((project.name, project.kind))
        out.append(project)
    return out
