"""Extractors: numbers, targets, actions and projects of every item, each with its span and rule."""
from __future__ import annotations

import dataclasses
import functools

from pipeline import patterns
from pipeline.extract.actions import Action, extract_actions
from pipeline.extract.numbers import Number, NumberFinder
from pipeline.extract.projects import Project, extract_projects
from pipeline.extract.segment import pos_cut, word_tag
from pipeline.extract.targets import Target, extract_targets
from pipeline.resources import ExtractRules, extract_rules
from pipeline.types import Document, Item

__all__ = ["Action", "Number", "Project", "Target", "extract_document", "extract_item"]

_FORMULATION_COUNT = patterns.compile(r"^(?:[一二两三四五六七八九十]+|双)(?:个|项|种|条|位|支|方)?")  # 三大球: 三


@functools.cache
def _finder(rules: ExtractRules) -> NumberFinder:
    return NumberFinder(rules)


def extract_item(item: Item, text: str, plan_year: int | None, rules: ExtractRules | None = None,
                 issuers: tuple[str, ...] = (), places: frozenset[str] = frozenset()) -> Item:
    """The item with its numbers, targets, actions and projects filled in.

    >>> extract_item(item_of("建设瞭望山路幼儿园等12所公办幼儿园"), …).targets[0].value
    12
    """
    rules = rules or extract_rules()
    start, end = item.span
    cut = functools.partial(pos_cut, user_dict=rules.policy_terms)
    tag = functools.partial(_tag_places, cut=cut, places=places) if places else cut
    projects = extract_projects(text, start, end, rules, tag, issuers)
    numbers = _with_formulations(_finder(rules).find(text, start, end), projects)
    targets = extract_targets(text, start, end, numbers, rules, plan_year,
                              past_section=looks_back(item.section_titles, rules))
    # actions need only the lexicon's verbs, which the cut without jieba's guessing keeps whole
    actions = extract_actions(text, start, end, rules, functools.partial(cut, hmm=False), plan_year)
    return dataclasses.replace(item, numbers=tuple(numbers), targets=tuple(targets), actions=tuple(actions),
                               projects=tuple(projects))


def looks_back(section_titles, rules: ExtractRules | None = None) -> bool:
    """True for an item of a report's review of the past year (一、2020年工作回顾): what was done,
    not what is planned."""
    rules = rules or extract_rules()
    return any(word in title for title in section_titles for word in rules.review_section_words)


def extract_document(doc: Document, rules: ExtractRules | None = None) -> Document:
    """Run the extractors over every item of a parsed document."""
    rules = rules or extract_rules()
    issuers = (*doc.meta.issuers, *doc.meta.signatories)
    places = document_places(doc.text, rules)
    items = tuple(extract_item(item, doc.text, doc.meta.plan_year, rules, issuers, places) for item in doc.items)
    goals = tuple(target for start, end in preamble_goals(doc.text, doc.preamble_spans, doc.meta.plan_year, rules)
                  for target in extract_targets(doc.text, start, end, _finder(rules).find(doc.text, start, end),
                                                rules, doc.meta.plan_year))
    return dataclasses.replace(doc, items=_named_again(items, doc.text), preamble_targets=goals)


def preamble_goals(text: str, spans, plan_year: int | None, rules: ExtractRules) -> list[tuple[int, int]]:
    """The parts of a preamble that set the year's goals: what follows 主要目标是： in its paragraph,
    a clause of the general requirements that opens on the year's work (总体要求是：…，全年安排项目126个),
    and a sentence that opens on the plan year or looks forward (2023年，全县学前三年毛入园率稳定在98%
    以上). The rest of a preamble mostly reports the year before, whose figures are results."""
    year = patterns.compile(rf"\s*{plan_year}年[，,]") if plan_year else None
    goals = []
    for start, end in spans:
        cue = rules.goal_list.search(text, start, end)
        if cue:
            goals.append((cue.end(), end))
            continue
        requirements = rules.requirements_cue.search(text, start, end)
        if requirements:
            goals.extend(m.span() for m in rules.requirements_goal.finditer(text, requirements.end(), end))
            end = requirements.start()
        for sentence in patterns.compile(r"[^。！？]+[。！？]?").finditer(text, start, end):
            if rules.forward_sentence.match(sentence.group()) or (year and year.match(sentence.group())):
                goals.append(sentence.span())
    return goals


def document_places(text: str, rules: ExtractRules) -> frozenset[str]:
    """The places a notice names with their level (临汐县, 沧屿市, 蓼溪镇 → 临汐, 沧屿, 蓼溪): jieba
    does not know an invented or a small place, but the notice itself says that it is one."""
    cut = functools.partial(pos_cut, user_dict=rules.policy_terms)
    places = set()
    for match in _PLACE_WITH_LEVEL.finditer(text):  # (a look-ahead: every place, overlapping ones too)
        stem = match.group("stem")
        if stem in places or stem.startswith(tuple(rules.generic_heads)) \
                or word_tag(stem, rules.policy_terms) not in _NAME_TAGS:
            continue  # (a word the dictionary knows as no name is never cut as one: no need to look)
        # the stem must be a word in its context (入全市 is 入|全市, not a place 入全)
        s = match.start()
        window = cut(text[max(0, s - 3):match.end("name") + 2])
        at = max(0, s - 3)
        for word, flag in window:
            if text.startswith(stem, at) and word == stem and flag in _NAME_TAGS:
                places.add(stem)
            at += len(word)
    return frozenset(places)


_NAME_TAGS = (None, "x", "ns", "nr", "nz")  # (None: a word jieba guesses, tagged x)
_PLACE_WITH_LEVEL = patterns.compile(r"(?=(?P<name>(?P<stem>\p{Han}{2})(?:省|市|县|区|镇|乡)"
                                     r"(?!场|域|级|民|块|间|长|属)))")


def _tag_places(text: str, cut, places: frozenset[str]) -> list[tuple[str, str]]:
    """jieba's words and tags, the document's own places tagged as places (ns)."""
    return [(word, "ns" if word in places else flag) for word, flag in cut(text)]


def _named_again(items: tuple[Item, ...], text: str) -> tuple[Item, ...]:
    """A name found in one item is a name wherever the document repeats it (永宁桥修缮工程 … 永宁桥):
    the context that revealed it once need not recur."""
    names = {p.name: p.kind for item in items for p in item.projects
             if p.kind in _PROPAGATED_KINDS and len(p.name) >= 4}
    if not names:
        return items
    pattern = patterns.compile(patterns.any_of(names))
    out = []
    for item in items:
        taken = [p.span for p in item.projects]
        named = {p.name for p in item.projects}
        extra = []
        for match in pattern.finditer(text, *item.span):
            s, e = match.span()
            if match.group(0) in named or any(ps < e and s < pe for ps, pe in taken):
                continue  # (each distinct name once per item, as extract_projects gives them)
            named.add(match.group(0))
            extra.append(Project(match.group(0), names[match.group(0)], None, (s, e), "projects.named_again.v1"))
            taken.append((s, e))
        if extra:
            item = dataclasses.replace(item, projects=tuple(sorted((*item.projects, *extra), key=lambda p: p.span)))
        out.append(item)
    return tuple(out)


_PROPAGATED_KINDS = ("facility", "organization", "event")


def _with_formulations(numbers: list[Number], projects: list[Project]) -> list[Number]:
    """The count inside a numbered formulation (三个强化 → 三个) is a `formulation` number and
    replaces whatever the number patterns read there."""
    extra = []
    for project in projects:
        if project.kind != "formulation":
            continue
        match = _FORMULATION_COUNT.match(project.name)
        if not match:
            continue
        s = project.span[0]
        e = s + match.end()
        core = match.group(0).rstrip("个项大种条位支方")
        value = 2 if core == "双" else _cn(core)
        extra.append(Number(match.group(0), value, None, "formulation", (s, e), "numbers.formulation.v1"))
    covered = [(p.span[0], p.span[1]) for p in projects if p.kind == "formulation"]
    kept = [n for n in numbers if not any(s <= n.span[0] < e for s, e in covered)]
    return sorted(kept + extra, key=lambda n: n.span)


def _cn(core: str) -> int | None:
    from pipeline.numerals import to_int

    return to_int(core)
