"""Named projects: documents in 《》, programmes, formulations, facilities, events, organizations."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

import regex

from pipeline import patterns
from pipeline.patterns import any_of
from pipeline.resources import ExtractRules

_NUMERAL_LED = patterns.compile(r"^[一二两三四五六七八九十双]")
_COUNTS = patterns.compile(r"[一二两三四五六七八九十双百千万]")
# principles and slogans in quotes (“从优、就高、不重复”, “应归尽归”), adjectives (“一站式”, “网格化”),
# honorary titles (“最美村庄”), plan periods
_SLOGAN = patterns.compile(r"[、，,；;：:。—]|(?<![\dA-Za-z])\+.*\+|\+.*\+(?![\dA-Za-z])|\s|式$|^\S{2,}型$"
                           r"|^\S{2}化$|^最美|^应\p{Han}尽\p{Han}"
                           r"|^十[一二三四五六七八九]五$")
_CODE = patterns.compile(r"[\dA-Za-z+]+")  # “1+1+1”, “1+x”: a programme's code
_STOP_CHARS = set("的等和与及在对为向到至将把由从以于并或、要暨赴")
# the last character before a name: neither a name character (±800千伏…工程, 2×100万千瓦…工程) nor
# a stop character
_BEFORE_NAME = regex.compile(r"[^\p{Han}（）()·A-Za-z0-9×±]|[" + "".join(sorted(_STOP_CHARS)) + "]",
                             flags=regex.REVERSE)
_PROPER_TAGS = {"ns", "nr", "nz", "nt", "nrt", "nrfg", "eng"}
_LIST_PUNCT = patterns.compile(r"[，,；;：:。+\s]")
_HOTLINE = patterns.compile(r"\d{3,}")
_NUMERAL_CHARS = set("0123456789０１２３４５６７８９一二两三四五六七八九十百千万")
_LATIN_OR_BRACKET = patterns.compile(r"[A-Za-z（(]")


@dataclass(frozen=True)
class Project:
    name: str
    kind: str  # document | programme | formulation | facility | event | organization
    status: str | None  # planned | existing for documents
    span: tuple[int, int]  # the name without its quotes
    rule: str


@functools.cache
def _bracket_pattern(open_: str, close: str) -> re.Pattern:
    return patterns.compile(f"[{regex.escape(open_)}{regex.escape(close)}]")


@functools.lru_cache(maxsize=64)  # projects and targets both ask, item after item
def find_brackets(text: str, start: int, end: int, open_: str, close: str) -> tuple[tuple[int, int], ...]:
    """Outermost bracket pairs, nesting handled: 《“十四五”…规划》 and 《…〈…〉…》 count once."""
    pairs, depth, begin = [], 0, None
    for found in _bracket_pattern(open_, close).finditer(text, start, end):
        i, ch = found.start(), found.group()
        if ch == open_:
            if depth == 0:
                begin = i
            depth += 1
        elif ch == close and depth:
            depth -= 1
            if depth == 0:
                pairs.append((begin, i + 1))
    return tuple(pairs)


def extract_projects(text: str, start: int, end: int, rules: ExtractRules, tagger,
                     issuers: tuple[str, ...] = ()) -> list[Project]:
    """Projects named in text[start:end] (one item).

    >>> text = "制定出台《加快推进教育高质量发展的意见》，深入推进“千帆计划”"
    >>> [(p.name, p.status) for p in extract_projects(text, 0, len(text), rules, tagger)]
    [('加快推进教育高质量发展的意见', 'planned'), ('千帆计划', None)]
    """
    found: list[Project] = []
    titles = find_brackets(text, start, end, "《", "》")
    for s, e in titles:
        found.append(Project(text[s + 1:e - 1], "document", _document_status(text, start, s, titles, rules),
                             (s + 1, e - 1), "projects.document.v1"))
    inside_titles = set()
    for s, e in titles:
        inside_titles.update(range(s, e))
    all_quotes = find_brackets(text, start, end, "“", "”")
    quotes = [(s, e) for s, e in all_quotes if s not in inside_titles]
    for s, e in all_quotes:
        name = text[s + 1:e - 1]
        if s in inside_titles and _NUMERAL_LED.match(name) and len(name) <= 8 and not _SLOGAN.search(name):
            # 《促进…“十个一”项目行动计划》: the formulation inside a title is named too
            found.append(Project(name, "formulation", None, (s + 1, e - 1), "projects.formulation.in_title.v1"))
    for s, e in quotes:
        name = text[s + 1:e - 1]
        if not name or len(name) > 24 or len(name) > 20 and "、" not in name:
            continue
        if _states_principle(text, s, e, start, end, rules) or _emphasis(name, text, e, end, rules, tagger) \
                or _unnamed_quote(text, s, e, start, end, quotes, rules):
            continue
        if "+" in name and not _CODE.fullmatch(name) and not name.startswith(rules.plus_programme_heads):
            continue  # “中心厨房+助餐点”, “信用+监管”: a formula; “互联网+继续教育” names a programme
        if _SLOGAN.search(name):
            if not _is_named_list(name) or _states_list_principle(text, s, e, start, end, rules):
                continue
            kind, rule = "programme", "projects.programme.quoted_list.v1"
        elif _NUMERAL_LED.match(name) and name not in rules.fixed_words and set(_COUNTS.findall(name)) != {"一"}:
            kind, rule = "formulation", "projects.formulation.quoted.v1"  # (“一事一议”, “一表通”: a
            # method named with 一 only, no count)
        elif name.endswith(tuple(rules.event_suffixes)):
            kind, rule = "event", "projects.event.quoted.v1"
        else:
            kind, rule = "programme", "projects.programme.quoted.v1"
        found.append(Project(name, kind, None, (s + 1, e - 1), rule))
    taken = set(inside_titles)
    for s, e in quotes:
        taken.update(range(s, e))
    quoted_names = {(s + 1, e - 1) for s, e in quotes}
    for match in _suffix_hits(rules.formulations, text, start, end, overlapped=True):
        s, e = match.span()
        if (s, e) in quoted_names or s in inside_titles:
            continue
        # a formulation inside a longer quoted name (“双覆盖、全引领”) is named on its own too
        if not taken.intersection(range(s, e)) or any(qs <= s and e <= qe for qs, qe in quoted_names):
            found.append(Project(match.group(0), "formulation", None, (s, e), "projects.formulation.lexicon.v1"))
            taken.update(range(s, e))
    for match in _ROAD_CODE.finditer(text, start, end):  # 国道G528线洄水段: a road named by its number
        if _WORKS_AHEAD.match(text, match.end(), end):
            continue  # 国道G528线青梁县城至…段改扩建工程: the road opens a longer works' name
        if not taken.intersection(range(*match.span())):
            found.append(Project(match.group(0), "facility", None, match.span(), "projects.facility.road_code.v1"))
            taken.update(range(*match.span()))
    places = _issuer_places(issuers)
    for match in rules.agency_pattern.finditer(text, start, end):
        s, e = match.span()
        if text.startswith("办公室", e) and not text.startswith("办公室主任", e):
            e += 3  # 市委人才工作领导小组|办公室: the body's office is the body named
        if not _ends_a_body(text, e, end, rules, tagger):
            continue  # 市场监管局长 …: the body word runs on into a longer word
        place = next((p for p in places if text.endswith(p, start, s)), "")
        s -= len(place)  # 云溪市数字经济发展工作领导小组: the document's own place opens the name
        if s > start and _is_han(text[s - 1]) and not text.endswith(
                _body_preceders(rules), start, s):
            place = _place_before(text, start, s, rules, tagger)
            if not place and not _after_verb(text, start, s, tagger):
                continue  # 城市…局 inside a longer word: the level word must open the name
            s -= len(place)  # 配合东陵省交通运输厅: a province or city named before the level word
        s = _after_joined_body(text, s, e, rules.organization_suffixes)
        verb_ends = [m.end(1) for m in _verb_starts(rules).finditer(text, s, e)]
        verb_then_level = [v for v in verb_ends if text[v:v + 1] in _LEVEL_WORDS and text[v + 1:v + 2] != "级"
                           and v < e - 2]
        if verb_then_level:
            s = verb_then_level[-1]  # 青梧县人民医院建设|县急救指挥调度中心: a verb, then the body it names
        s = max(s, text.rfind("的", s, e) + 1)  # 区长任组长的|青棠区…工作专班: a body's name holds no 的
        name = text[s:e]
        if taken.intersection(range(s, e)) or "会同" in name or any(
                i.endswith(name) or i.endswith(name + "员会") or _abbreviates(name, i) for i in issuers):
            continue  # 市卫生健康委(员会), 市人社局: the issuer, abbreviated
        found.append(Project(name, "organization", None, (s, e), "projects.organization.agency.v1"))
        taken.update(range(s, e))
    for pattern, kind, rule in ((rules.observance_pattern, "event", "projects.event.observance.v1"),
                                (rules.round_pattern, "programme", "projects.programme.round.v1"),
                                (rules.central_agency_pattern, "organization", "projects.organization.central.v1")):
        # 全国低碳日 (a day of observance), 第四次全国文物普查 (a round by its order), 国家医保局 (a
        # vertical agency): names whatever their middle words
        for match in pattern.finditer(text, start, end):
            if not taken.intersection(range(*match.span())):
                found.append(Project(match.group(0), kind, None, match.span(), rule))
                taken.update(range(*match.span()))
    for project in _partner_places(text, start, end, rules, tagger, taken):
        found.append(project)
        taken.update(range(*project.span))
    for kind, suffixes in (("organization", rules.organization_suffixes), ("event", rules.event_suffixes),
                           ("facility", rules.facility_suffixes), ("platform", rules.platform_suffixes),
                           ("programme", rules.programme_suffixes)):
        # 湾潮公路改扩建工程, 泮洋港区金沙作业区三期工程: works on a facility are named with it
        facilities = {p.span[1]: p.span[0] for p in found if p.kind == "facility"} if kind == "programme" else {}
        for project in _suffixed_names(text, start, end, kind, suffixes, rules, tagger, taken, facilities):
            found.append(project)
            taken.update(range(*project.span))
    for project in _level_institutions(text, start, end, rules, tagger, taken, issuers):
        found.append(project)  # (after the names with a place: 青梧县中医医院 is named whole)
        taken.update(range(*project.span))
    found += _bodies_opening_facilities(text, found, rules, tagger)
    found.sort(key=lambda p: (p.span[0], -p.span[1]))  # a longer name before the one it starts with
    return _dedupe(found)


def _bodies_opening_facilities(text: str, found: list[Project], rules: ExtractRules, tagger) -> list[Project]:
    """世界羽联青岛国际交流中心, 山东工艺美术学院国家产教融合青岛基地: a body that opens a facility's
    name is an organization the text names too."""
    bodies = []
    for facility in (p for p in found if p.kind == "facility"):
        s, e = facility.span
        ends, at = set(), s
        for word, _ in tagger(text[s:e]):
            at += len(word)
            ends.add(at)
        for match in _suffix_hits(rules.organization_suffixes, text, s + 2, e - 2, overlapped=False):
            head = text[s:match.start()]
            # (古镇口大学城体育馆: 大学 runs on into 大学城, no body)
            # (新区大学|科教园区: a kind of place after the body, not a facility of its own name)
            if match.end() in ends and text[match.end():e] not in rules.facility_suffixes \
                    and _is_proper(text[s:match.end()], tagger, rules) \
                    and not head.startswith(tuple(rules.generic_heads)):
                bodies.append(Project(text[s:match.end()], "organization", None, (s, match.end()),
                                      "projects.organization.in_facility.v1"))
                break
    return bodies


def _abbreviates(name: str, issuer: str) -> bool:
    """市人社局 for 汀阳市人力资源和社会保障局, 市发展改革委 for 曦川市发展和改革委员会: the same level
    word, then characters of the issuer's body in its order, ending in one of its last three."""
    at = issuer.rfind(name[:1])
    if len(name) < 3 or name[:1] not in _LEVEL_WORDS or at == -1:
        return False
    body = issuer[at + 1:]
    chars = iter(body)
    return name[-1] in body[-3:] and all(ch in chars for ch in name[1:])


def _level_institutions(text, start, end, rules: ExtractRules, tagger, taken, issuers):
    """县博物馆, 市图书馆, 区委党校: the one institution of its kind at the level of the notice.

    The level word must open the name (全县博物馆 and 城区图书馆 name none); a body must also end
    where a word of the clause follows (县法院院长 is a person)."""
    for match in _level_institution_pattern(rules).finditer(text, start, end):
        s, e = match.span()
        if taken.intersection(range(s, e)) or any(i.endswith(match.group(0)) for i in issuers):
            continue
        if s > start and _is_han(text[s - 1]) and not text.endswith(_body_preceders(rules), start, s) \
                and not _after_verb(text, start, s, tagger):
            continue
        extension = next((x for x in rules.facility_extensions if text.startswith(x, e)), "")
        if match.group("facility"):
            yield Project(text[s:e + len(extension)], "facility", None, (s, e + len(extension)),
                          "projects.facility.level_institution.v1")
        elif _ends_a_body(text, e, end, rules, tagger):
            yield Project(match.group(0), "organization", None, (s, e), "projects.organization.level_institution.v1")


@functools.cache
def _level_institution_pattern(rules: ExtractRules) -> re.Pattern:
    return patterns.compile(rf"[省市县区](?:(?P<facility>{any_of(rules.level_facilities)})"
                         rf"|委?(?P<body>{any_of(rules.level_bodies)}))")


def _partner_places(text, start, end, rules: ExtractRules, tagger, taken):
    """Places acting as partners, listed after 与/同 in a clause that names the partnership
    (加强与北京、上海、深圳等教育先进地区友好交流, 与东岳省白河县、嘉陵省安平县签订…协议)."""
    for match in _PARTNER_LIST.finditer(text, start, end):
        clause_end = _CLAUSE_END.search(text, match.end(), end)
        rest = text[match.end():clause_end.start() if clause_end else end]
        if not any(w in rest[:16] for w in rules.partner_words):
            continue
        cursor = match.start(1)
        for name in match.group(1).split("、"):
            tags = tagger(name)
            free = not taken.intersection(range(cursor, cursor + len(name)))
            if free and (name.endswith(_LEVEL_WORDS) and len(name) >= 3 or len(tags) == 1 and tags[0][1] == "ns"):
                yield Project(name, "organization", None, (cursor, cursor + len(name)),
                              "projects.organization.partner_place.v1")
            cursor += len(name) + 1


_PARTNER_LIST = patterns.compile(
    r"[与同]((?:[\p{Han}]{2,8}、)*[\p{Han}]{2,8}?)(?=等|的|签订|开展|建立|深化|加强|共建|合作|交流)")
_CLAUSE_END = patterns.compile(r"[，。；！？]")
_LEVEL_WORDS = ("省", "市", "县", "区", "州")


def _place_before(text: str, start: int, s: int, rules: ExtractRules, tagger) -> str:
    """A place name of two or three characters (东陵, 栖凤) right before position s, itself after
    a verb, a preposition or the start of the clause (配合东陵省交通运输厅, 由栖凤区…集团); "" when
    there is none. jieba's tags are no help here: it rarely knows a county's name."""
    for size in (2, 3):
        before = s - size
        word = text[before:s]
        if before < start or not all(_is_han(ch) for ch in word) or any(ch in _STOP_CHARS for ch in word):
            continue
        if word.startswith(_leading_words(rules)) or word.startswith(tuple(rules.generic_heads)) \
                or before > start and text[before - 1:before + 1] in _leading_word_set(rules):
            continue  # (建立学区…中心: 立学 is the end of a verb, not a place)
        if any(flag[:1] in ("v", "p", "d") for _, flag in tagger(word)):
            continue  # (配合|市人大常委会, 新认定|…: a verb, not a place)
        if before == start or not _is_han(text[before - 1]) or text.endswith(_body_preceders(rules), start, before):
            return word
        if _after_verb(text, start, before, tagger):
            return word  # 配合|东陵省交通运输厅: a verb jieba knows
    return ""


def _after_joined_body(text: str, s: int, e: int, suffixes: tuple[str, ...]) -> int:
    """市养老服务行业协会和|溪桥康养集团有限公司: where the second of two joined bodies starts (each is
    named on its own); s when text[s:e] joins none."""
    joined = max((i for i in range(s, e) if text[i] in "和与及" and text.endswith(suffixes, s, i)), default=None)
    return s if joined is None else joined + 1


def _after_verb(text: str, start: int, s: int, tagger) -> bool:
    """配合|市人大常委会: a verb jieba knows ends right before s."""
    words = tagger(text[max(start, s - 4):s])
    return bool(words) and words[-1][1][:1] in ("v", "p") and len(words[-1][0]) >= 2


def _issuer_places(issuers: tuple[str, ...]) -> tuple[str, ...]:
    """The place names in the issuers, longest first: 云溪 in 云溪市人民政府办公室, 海川市 and 星湖
    in 海川市星湖区人民政府办公室 (a district's bodies are named 星湖区…)."""
    places = set()
    for issuer in issuers:
        for m in _PLACE_LEVELS.finditer(issuer):
            places.add(m.group(1))
    return tuple(sorted(places, key=len, reverse=True))


_PLACE_LEVELS = regex.compile(r"\G(\p{Han}{2,3}?)(?:省|市|区|县)")


def _is_named_list(name: str) -> bool:
    """“一网通办、一窗通取”, “接、查、办、复”, “发现—交办—整改—销号”: a list of short parts in quotes
    names a reform, a campaign or a working method; a sentence (，+ inside) does not."""
    if _LIST_PUNCT.search(name):
        return False
    if "—" in name:
        return "、" not in name and all(0 < len(part) <= 2 for part in name.split("—"))
    return "、" in name


def _emphasis(name: str, text: str, e: int, end: int, rules: ExtractRules, tagger) -> bool:
    """“有名”“有实”, “非农化”, “网底”: a common word quoted for emphasis names nothing, unless a
    noun of programmes follows it (“提升”工程, “清零”管理)."""
    if len(name) > 3 or text.startswith(rules.quoted_name_heads, e, end):
        return False
    if name.startswith("零") and (e >= end or text[e] in "。，；、"):
        return True  # 坚持“零容忍”。, 确保“零发生”。: a zero goal closing the clause (“零报告”制度 names one)
    if _NUMERAL_LED.match(name):
        return False
    words = tagger(name)
    return len(words) == 1 and words[0][1] not in ("x", *_PROPER_TAGS)


def _unnamed_quote(text: str, s: int, e: int, start: int, end: int, quotes, rules: ExtractRules) -> bool:
    """杜绝“先分后混”, 评选“最美环卫工人”, “回流药”“串换药”等违法违规行为: a practice rejected or a
    title awarded, not a programme. Quotes in a row share the words around them."""
    name = text[s + 1:e - 1]
    if _NUMERAL_LED.match(name) or text.startswith((*rules.quoted_name_heads, "专项"), e, end):
        return False  # 整治“四乱”问题, 整治“平安文旅”专项行动: a formulation or a campaign is named
    spans = dict(quotes)
    first = s
    while text[first - 1:first] == "”" and any(qe == first for qe in spans.values()):
        first = next(qs for qs, qe in spans.items() if qe == first)
    last = e
    while last in spans:
        last = spans[last]
    return text.endswith(tuple(rules.unnamed_quote_before), start, first) \
        or text.startswith(tuple(rules.unnamed_quote_after), last, end)


def _states_list_principle(text: str, s: int, e: int, start: int, end: int, rules: ExtractRules) -> bool:
    """按照“集中连片、旱涝保收…”的要求: a list of qualities required, not a name."""
    if any(w in text[max(start, s - 6):s] for w in rules.list_principle_before):
        return True
    return text[e:min(end, e + 8)].removeprefix("的").startswith(rules.list_principle_after)


def _states_principle(text: str, s: int, e: int, start: int, end: int, rules: ExtractRules) -> bool:
    """坚持“预防为主、积极消灭”, “从优、就高、不重复”的原则: a principle in quotes, not a name."""
    if any(w in text[max(start, s - 6):s] for w in rules.principle_before):
        return True
    return text[e:min(end, e + 8)].removeprefix("的").startswith(rules.principle_after)


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


def _suffixed_names(text, start, end, kind, suffixes, rules, tagger, taken, facilities=None):
    """Names that end in a suffix (幼儿园, 运动会, 大学, 工程 …).

    Facilities and organizations need a proper-name head (a place cue, a name tag, or a place
    in an enumeration 奋进路中学、弘德学校等); events and programmes (工程/计划/行动) are named
    by their whole phrase, so only leading verbs, modifiers and scope words are cut off."""
    phrase_named = kind in ("event", "programme")
    stops = _STOP_CHARS
    # overlapped: 历史文化街区 holds 文化街 and 街区; the check below keeps the longer one
    for match in _suffix_hits(tuple(suffixes), text, start, end, overlapped=kind == "facility"):
        e = match.end()
        if e - 1 in taken or match.start() in taken:
            continue
        if kind == "programme" and e < end and _is_han(text[e]) and text[e] not in "等和与及、的项人" \
                and not text.startswith(("建设", "前期", "反馈", "迎检", "整改", "问题"), e):
            continue  # the suffix runs on into a longer word (计划生育, 工程师)
        if len(match.group(0)) == 1 and e < end and _is_han(text[e]) and text[e] not in "等和与及、的":
            continue  # 路径, 节点: a one-character suffix that runs on is no suffix
        if kind == "facility" and e < end and text[e - 1:e + 1] in suffixes:
            continue  # 历史文化街|区: the last character starts a longer suffix (街区)
        if text.startswith(("化", "制"), e):
            continue  # 市场化运作, 公司制改革: the suffix makes an adjective
        if kind == "event" and text.startswith(tuple(suffixes), e):
            continue  # 技能比武|大赛: the name runs on to a longer event word
        longer = _runs_on(tuple(suffixes)).match(text, e, min(end, e + 8)) \
            if kind in ("facility", "organization") else None
        if longer and not _verb_pattern(rules).search(text, e, max(e, longer.end() - 2)):
            continue  # 白沙镇中心敬老院, 考古遗址公园: the suffix is inside a longer facility name
        branch = _BRANCH.match(text, e, min(end, e + 12)) if kind == "organization" else None
        if branch and match.group(0).endswith(("公司", "银行")):
            e = branch.end()  # 西岭农商银行枫桥支行: the branch is the body that acts
        extension = next((x for x in rules.facility_extensions if text.startswith(x, e)), "")
        if extension:
            e += len(extension)  # 岚山市博物馆新馆: the new building is named with its museum
        elif kind == "facility" and any(w in match.group(0) for w in rules.route_words):
            section = _SECTION.match(text, e, min(end, e + 4))
            if section:
                e = section.end()  # 鹤皋至岳溪高速公路|青梁段: a road's section is named with it
        if match.group(0) in ("路", "街", "巷") \
                and not _ROAD_LIST.search(text, max(start, match.start() - 8), min(end, e + 8)):
            continue  # 集成电路, 背街小巷: a road or street is named in a list of them (学府路、人民路)
        if match.group(0) == "节" and "届" not in text[max(start, match.start() - 8):match.start()]:
            continue  # 产业链关键环节: a festival is named with its edition (第三届清河梨花节)
        if kind == "organization" and e < end and _is_han(text[e]) \
                and not match.group(0).endswith("公司") \
                and not text.startswith((*_AFTER_ORGANIZATION, *_body_followers(rules)), e) \
                and not _verb_follows(text, e, end, tagger):
            continue  # 大学城, 大学科教园区: the suffix is part of a longer name (公司 always ends one)
        s = match.start()
        s = _name_start(text, start, s, taken)
        if kind == "organization":
            s = _after_joined_body(text, s, match.start(), tuple(suffixes))
        if kind in ("facility", "programme") and text[s - 1:s] in ("至", "—") and s - 1 > start \
                and _is_han(text[s - 2]) and text[s - 2] not in stops \
                and (text[s - 1] == "—" or any(w in text[s:e] for w in rules.route_words)):
            s -= 1  # 澄湾至岑阳城际铁路, 凌川—赭山500千伏线路工程: a route between two places
            s = _name_start(text, start, s, taken)
        if facilities and s in facilities and match.group(0) == "项目":
            continue  # 羽毛球国家队训练基地项目: the facility names the project
        if facilities and s in facilities and not text.startswith(rules.generic_phrase_heads, s, match.start()):
            s = facilities[s]  # (岚山市图书馆新馆|主体工程 is the building's main works, no name of its own)
        if kind == "event" and text[s - 1:s] == "”":
            opening = text.rfind("“", start, s - 1)
            if opening != -1 and s - 1 - opening <= 12:  # 第三届沣川“村BA”乡村篮球联赛: the event is
                s = opening                              # named whole, its brand in quotes included
                s = _name_start(text, start, s, taken)
        if text[s - 1:s] == "”":
            continue  # “一校一品”党建品牌创建工程: the quoted name already names it
        if s > start and text[s - 1:s + 1] in _leading_word_set(rules):
            s += 1  # 对标高校强基计划: the stop character 对 opened the verb 对标
        close = text.rfind("）", s, match.start())
        if close != -1 and "（" not in text[s:close]:
            s = close + 1  # …（市、区）要制定…: a bracket closed before the name began
        s += len(_TIME_HEAD.match(text, s).group(0))
        if kind == "event":
            # 区内企业参加海川国际科技成果交易会: an event's name starts after the verb that names it,
            # but never after its edition (举办首届栖凤城市更新设计大赛: 更新 is part of the name)
            edition = _EDITION.search(text, s, match.start())
            s = _strip_leading_verbs(text, _cut_after_last_verb(text, s, match.start(), rules, tagger),
                                     match.start(), rules)
            if edition and s > edition.start():
                s = edition.start()
            elif edition and (edition.start() - s > 4 or _verb_pattern(rules).search(text, s, edition.start())):
                # 宁棠市人民政府办好|第五届…交易会: a name opens at its edition or at the place right
                # before it, when other words come first (新区首届全民运动会 keeps its short place)
                place = _PLACE_BEFORE_EDITION.search(text, max(s, edition.start() - 3), edition.start())
                s = place.start() if place else edition.start()
        elif phrase_named:
            drafted = _DRAFTED.search(text, max(start, s - 16), s)
            if match.group(0) == "计划" and drafted and _JOINED_NAME.fullmatch(text, drafted.end(), s):
                s = drafted.end()  # 研究制定|教育教学和教研工作行动计划: the plan to draft is named whole
            launch = list(_launch_pattern(rules).finditer(text, s, match.start()))
            if launch:
                s = launch[-1].end()  # 在石湾县实施|坡耕地水土流失综合治理工程: the verb that launches it
            s = _strip_leading_verbs(text, s, match.start(), rules)
        elif not (kind == "platform" and _HOTLINE.match(text, s, match.start())):
            if kind == "organization" and match.group(0).endswith(rules.named_whole_suffixes):
                s = _strip_leading_verbs(text, s, match.start(), rules)  # 鼓励|泓津建工集团有限公司: the
                # words of a company or an institute (建工, 创新) are its name, only the verbs before it are not
            else:
                s = _cut_after_last_verb(text, s, match.start(), rules, tagger,  # (12345…热线 opens with its number)
                                         place_opens=kind == "platform")
            if kind == "platform":
                s = _strip_leading_verbs(text, s, match.start(), rules)  # 高水平建设|山东高校科创国际客厅
        s += len(_TIME_HEAD.match(text, s).group(0))  # 申办2026年江南省旅游发展大会: after the verb
        if kind in ("facility", "organization"):
            count = _LEADING_COUNT.match(text, s, e)
            s = count.end() if count else s  # 12所… or 三所…: a count, not a name (三汊口湿地公园,
            # with no measure word after 三, names a place)
        while s < e and text[s] in _NUMERAL_CHARS and kind in ("event", "programme") \
                and not (phrase_named and _YEAR_IN_NAME.match(text, s)):
            s += 1  # (2025岚山马拉松 keeps its year)
        if s < e and text[s] in "所个家处座名项条场次" and s > start and _COUNT_DIGIT.match(text[s - 1]):
            s += 1
        if s < e and text[s] in "期届号轮" and s > start and _COUNT_DIGIT.match(text[s - 1]):
            continue  # 净化厂四期扩建工程: the phase belongs to the facility before it
        if text[s:s + 1] in "（(" and not regex.search(r"[）)]", text[s:e]):
            s += 1  # (二级客运站: the bracket opens a note, not the name
        name = text[s:e]
        head = text[s:match.start()]
        generic_level = phrase_named and any(
            head.startswith(w) and (len(head) - len(w) <= 2 or head[len(w):].startswith(rules.generic_heads))
            for w in rules.generic_phrase_heads)
        if len(head) < 2 or head in rules.generic_heads and not (kind == "event" and head in _WORLDWIDE) \
                or generic_level or phrase_named and head in rules.verbs:
            # 省级科技计划, 重大项目, 深化|工程建设项目: a level or a verb and a kind, no name
            # (区级名师培养工程 names one)
            continue
        if (kind == "platform" or match.group(0) in rules.strict_facility_suffixes) \
                and not any(flag in _PROPER_TAGS for _, flag in tagger(head)) \
                and not any(ch in rules.place_cue_chars for ch in head) \
                and not (kind == "platform" and (_PLACE_LEVEL.match(head) or _LEVEL_OPENED.match(head))) \
                and not (kind == "platform" and _HOTLINE.match(head)):
            continue  # 旅游景区, 演出市场, 登山步道: these suffixes name a place only after a place name
        if kind in ("facility", "organization") and any(w in head for w in _GENERIC_PARTS) \
                and not _has_name_tag(head, tagger):
            continue  # 乡镇卫生院, 美育特色学校: a kind of place, unless a name is in it
        if match.group(0) == "项目" and (head.startswith(tuple(rules.generic_heads))
                                       or not _opens_with_name(head, tagger)):
            continue  # 城市更新项目, 瓶颈路段改造项目: a kind of project; 东关棚户区改造项目 names one
        if kind == "programme" and match.group(0) == "计划" and "年度" in head:
            continue  # 纳入年度改造计划, 年度土地供应计划: a year's plan of work, not a named programme
        if kind == "programme" and match.group(0) in ("工程", "计划", "行动") and len(head) <= 4 \
                and not _has_name_tag(head, tagger) and not _is_proper(head, tagger, rules):
            continue  # 涉水工程, 养护计划, 应急响应行动: a short head of common words is a kind of works
        if kind == "event" and len(head) < 3 and "届" not in head and head not in _WORLDWIDE:
            continue  # 田径运动会, 艺术展演: a kind of event, not a named one (世界环境日 is)
        if not phrase_named:
            enumerated = s > start and text[s - 1] == "、" or text[e:e + 1] in ("、", "等")
            if head.startswith(tuple(rules.generic_heads)) or not (
                    enumerated or _is_proper(head, tagger, rules) or kind == "platform" and _LEVEL_OPENED.match(head)):
                continue
        if kind == "platform":  # a named system is a programme (corpus/gold/README.md)
            yield Project(name, "programme", None, (s, e), "projects.programme.platform.v1")
        else:
            yield Project(name, kind, None, (s, e), f"projects.{kind}.suffix.v1")


_WORLDWIDE = ("世界", "全国", "国际", "中国")
_PLACE_BEFORE_EDITION = patterns.compile(r"\p{Han}{2}[省市县区州]$")
_SECTION_WORDS = r"\p{Han}{2,3}?段(?![落时])"
_SECTION = patterns.compile(_SECTION_WORDS)
_WORKS_AHEAD = patterns.compile(r"[^，。；、和与及等]{1,20}?(?:工程|项目)")
_ROAD_CODE = patterns.compile(r"(?:国道|省道|县道)[A-Z]\d{1,4}线(?:" + _SECTION_WORDS + ")?")
_ROAD_LIST = patterns.compile(r"\p{Han}{2,4}[路街巷](?:[北南东西中]段)?[、和及]\p{Han}{2,4}[路街巷]")
_AFTER_ORGANIZATION = ("附属", "等", "和", "与", "及", "合作", "联合", "建设", "的", "、", "开展", "共建")
_COUNT_DIGIT = patterns.compile(r"[\d一二两三四五六七八九十]")
# a count opening a name's run: digits, or Chinese numerals that a measure word follows
_LEADING_COUNT = patterns.compile(r"[0-9０-９][0-9０-９一二两三四五六七八九十百千万]*"
                               r"|[一二两三四五六七八九十百千万]+(?=[所个家处座名项条批期届号轮类种大支位户间张台0-9])")
_PLACE_LEVEL = patterns.compile(r"\p{Han}{2,3}[省市县区](?![场委])")
# 县文物安全监管平台, 省一体化政务服务平台: the level's own system, named by the level word alone (not
# 县直部门…系统, 县应急管理局指挥平台 or 区融媒体中心等平台)
_LEVEL_OPENED = patterns.compile(r"[省市县区](?![级域场委民直])(?!.*(?:等|局|部门|中心))\p{Han}{4,}$")
_DRAFTED = patterns.compile(r"(?:制定|编制|出台|研究制定|制定出台)(?=[^制编出]*$)")
_JOINED_NAME = patterns.compile(r"[\p{Han}]*[和与及][\p{Han}]*")
_BRANCH = patterns.compile(r"\p{Han}{0,8}?(?:分公司|支公司|分行|支行)")  # …有限公司枫桥县分公司 is one name
_EDITION = patterns.compile(r"(?:第[\d一二三四五六七八九十百]+|首)届")
_YEAR_IN_NAME = patterns.compile(r"(?:19|20)\d{2}(?![\d年])\p{Han}")
_TIME_HEAD = patterns.compile(r"(?:每年|每季度|每月|汛前|汛后|节前|节后|\d{2,4}年|\d{1,2}月(?:底|中旬|上旬|下旬)?前?"
                           r"|\d{1,2}日|底前|底"
                           r"|月底前|月底|月(?=[底前内中初末]|\d)|年底前|年内|全年|年(?!度)|全部)*")
# Parts of a head that make a name generic (美育特色学校, 实训基地, 乡镇卫生院)
_GENERIC_PARTS = ("特色", "示范", "优质", "标准化", "规范化", "薄弱", "小规模", "实训", "乡镇", "行业", "主体", "重点")
_SCOPE = patterns.compile(r"^(?:全区|全市|全县|全省|新一期|新一轮|新一批|一批|高水平|高标准|高质量|其中)")


def _strip_leading_verbs(text: str, s: int, suffix_start: int, rules: ExtractRules) -> int:
    """深入开展师德师风专项治理行动 → 师德师风专项治理行动: modifiers, verbs and scope words at the
    front of the phrase are not part of its name."""
    changed = True
    while changed and s < suffix_start:
        changed = False
        run = text[s:suffix_start]
        # the longest leading word that leaves at least two characters of name
        word = next((w for w in _words_opening(run[:_LONGEST_LEADING], rules) if len(run) > len(w) + 1), None)
        if word:
            s += len(word)
            changed = True
        scope = _SCOPE.match(text[s:suffix_start])
        if scope and len(run) > scope.end() + 1:
            s += scope.end()
            changed = True
    return s


@functools.cache
def _verb_pattern(rules: ExtractRules) -> re.Pattern:
    return patterns.compile(any_of({*rules.verbs, *rules.name_leading_verbs}))


@functools.cache
def _verb_starts(rules: ExtractRules) -> re.Pattern:
    """The verbs at every place, overlapping ones too (a look-ahead; group 1 is the verb)."""
    return patterns.compile(f"(?=({_verb_pattern(rules).pattern}))")


@functools.cache
def _body_followers(rules: ExtractRules) -> tuple[str, ...]:
    """What may follow a body's name: the words it acts with and any verb or modifier."""
    return (*rules.agency_followers, *_leading_words(rules))


@functools.cache
def _body_preceders(rules: ExtractRules) -> tuple[str, ...]:
    """What may stand before a body's name inside a clause (由, 据, 会同 …, or a verb)."""
    return (*rules.agency_preceders, *_leading_words(rules))


def _words_opening(run: str, rules: ExtractRules) -> list[str]:
    """The leading words that open run, longest first (a set lookup per prefix length)."""
    words = _leading_word_set(rules)
    return [run[:k] for k in range(len(run), 0, -1) if run[:k] in words]


_LONGEST_LEADING = 6


@functools.cache
def _leading_word_set(rules: ExtractRules) -> frozenset[str]:
    return frozenset(w for w in _leading_words(rules) if len(w) <= _LONGEST_LEADING)


@functools.cache
def _leading_words(rules: ExtractRules) -> tuple[str, ...]:
    return tuple(sorted({*rules.modifiers, *rules.verbs, *rules.name_leading_verbs}, key=len, reverse=True))


class _Hit(NamedTuple):
    """A suffix found by the overlapping search, read like a match object."""
    s: int
    e: int
    word: str

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e

    def span(self) -> tuple[int, int]:
        return self.s, self.e

    def group(self, _: int = 0) -> str:
        return self.word


def _suffix_hits(suffixes: tuple[str, ...], text: str, start: int, end: int, overlapped: bool):
    """Where the suffixes occur (longest first at each place); overlapped, 历史文化街区 holds both
    文化街 and 街区. The standard library's engine scans a plain list of words several times faster."""
    if not overlapped:
        yield from _plain_pattern(suffixes, False).finditer(text, start, end)
        return
    for found in _plain_pattern(suffixes, True).finditer(text, start, end):
        yield _Hit(found.start(1), found.end(1), found.group(1))


@functools.cache
def _plain_pattern(words: tuple[str, ...], overlapped: bool) -> re.Pattern:
    return re.compile(f"(?=({any_of(words)}))" if overlapped else any_of(words))


@functools.cache
def _launch_pattern(rules: ExtractRules) -> re.Pattern:
    return patterns.compile(any_of(rules.launch_verbs))


@functools.cache
def _runs_on(suffixes: tuple[str, ...]) -> regex.Pattern:
    """A facility suffix within the next few characters: the earlier one is inside a longer name.
    A one-character suffix counts only right after it (高铁|站), and no gap crosses a stop
    character (医院与望湖街道)."""
    longer = tuple(x for x in suffixes if len(x) > 1)
    single = "".join(x for x in suffixes if len(x) == 1)
    gap = "[^" + "".join(sorted(_STOP_CHARS)) + r"\P{Han}]"
    return regex.compile(gap + "{0,4}?(?:" + _plain_pattern(longer, False).pattern + ")"
                         + (f"|[{single}]" if single else ""))


def _cut_after_last_verb(text: str, s: int, suffix_start: int, rules: ExtractRules, tagger=None,
                         place_opens: bool = False) -> int:
    """Start the name after the verb that governs it: 高标准承办亚洲沙滩藤球锦标赛 → 亚洲…锦标赛. A
    verb inside a name (引入江东颐康养老服务有限公司: 服务) is passed over when the words after an
    earlier verb already open with a proper name."""
    ends = sorted({m.end(1) for m in _verb_starts(rules).finditer(text, s, suffix_start)})
    if tagger is not None:
        if place_opens and _PLACE_LEVEL.match(text, s, suffix_start) \
                and _opens_with_place(text[s:suffix_start], tagger, rules):
            return s  # 澄岚市公共数据开放平台: a city opens the name, 开放 is inside it
        for cut in ends:
            if _PLACE_LEVEL.match(text, cut, suffix_start) \
                    or place_opens and _LEVEL_OPENED.match(text, cut, suffix_start):
                return cut  # 委托|银滩市规划设计研究院: a city opens the name, 规划 and 设计 are inside it
                # (建设|县文物安全监管平台: the county's own system)
            first = tagger(text[cut:suffix_start])[:1]
            if first and (first[0][1] in _PROPER_TAGS or first[0][1] == "x" and len(first[0][0]) >= 2):
                return cut
    return max([s, *ends])


def _opens_with_place(run: str, tagger, rules: ExtractRules) -> bool:
    """澄岚市…, 榆陵市…: the run opens with a place name, not with a verb or a modifier (推进驻区…,
    加快区域…, 依托市…)."""
    word, flag = (tagger(run[:6]) or [("", "")])[0]
    return not (flag.startswith(("v", "d", "p")) or word in rules.verbs or word in rules.modifiers
                or word in _leading_word_set(rules))


def _name_start(text: str, start: int, s: int, taken: set[int]) -> int:
    """Where a name ending at s begins: after the last stop or non-name character, and after any
    character an earlier name took."""
    before = _BEFORE_NAME.search(text, start, s)
    begin = before.end() if before else start
    for i in range(s - 1, begin - 1, -1):
        if i in taken:
            return i + 1
    return begin


def _ends_a_body(text: str, e: int, end: int, rules: ExtractRules, tagger) -> bool:
    """A body's name may end at e: punctuation, a word it acts with (会同, 牵头 …) or a verb follows."""
    return e >= end or not _is_han(text[e]) or text.startswith(_body_followers(rules), e) \
        or _verb_follows(text, e, end, tagger)


def _verb_follows(text: str, e: int, end: int, tagger) -> bool:
    """A verb right after a body's name (…研究院提质增效, …改革局核定) ends the name."""
    first = tagger(text[e:min(end, e + 6)])[:1]
    return bool(first) and first[0][1].startswith("v") and len(first[0][0]) >= 2


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _opens_with_name(head: str, tagger) -> bool:
    """The head's first word is a name: a place or name jieba knows or does not know at all, or a
    township, county or village (丰泽镇…)."""
    first = tagger(head)[:1]
    if not first:
        return False
    word, flag = first[0]
    return flag in _PROPER_TAGS or flag == "x" and len(word) >= 2 or word.endswith(("镇", "乡", "县", "村"))


def _has_name_tag(head: str, tagger) -> bool:
    return any(flag in _PROPER_TAGS for _, flag in tagger(head)) or "（" in head


def _is_proper(head: str, tagger, rules: ExtractRules) -> bool:
    """A proper-name head: a place cue (路, 山, 镇 …), Latin letters, a name tag from jieba, or a
    word of two or more characters that jieba's dictionary does not know (泊子, 云溪)."""
    if any(ch in rules.place_cue_chars for ch in head) or _LATIN_OR_BRACKET.search(head):
        return True
    # a one-character abbreviation (津, 沪) inside a head is a place name jieba broke up (泓|津)
    return any(flag in _PROPER_TAGS or flag == "x" and len(word) >= 2 or flag == "j" and len(word) == 1
               for word, flag in tagger(head))


def _dedupe(projects: list[Project]) -> list[Project]:
    """Each distinct name once per item (the first mention); a name nested in another counts only
    when it is a formulation (双覆盖 in “双覆盖、全引领”)."""
    out, seen = [], set()
    for project in projects:
        if (project.name, project.kind) in seen:
            continue
        if project.kind != "formulation" and not project.rule.endswith("in_facility.v1") and any(
                o.span[0] <= project.span[0] and project.span[1] <= o.span[1] and o is not project for o in out):
            continue
        seen.add((project.name, project.kind))
        out.append(project)
    return out
