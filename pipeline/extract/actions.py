"""Actions: the policy verb of each clause with its object and the verb's instrument category."""
from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from dataclasses import dataclass

import regex

from pipeline import patterns
from pipeline.patterns import any_of
from pipeline.resources import ExtractRules

_BREAKS = set("，,；;。！？!?：:")
_OPEN, _CLOSE = "《“（(", "》”）)"
_CLAUSE_MARKS = patterns.compile("[" + regex.escape("".join(sorted(_BREAKS)) + _OPEN + _CLOSE) + "]")
_JOINERS = {"和", "并", "与"}
_CONDITION = patterns.compile(r"(?:对于|对|凡)[^，。]*的")
_GRANT_OPENER = patterns.compile(r"对于|对|按照|按|通过")
_YEAR_HEAD = patterns.compile(r"((?:19|20)\d{2})\s*年(?!底前|前)")
_DE = patterns.compile("的")
_ATTRIBUTIVE_FIGURE = patterns.compile(r"[^，。；的\d]{0,6}\d[\d.]*\p{Han}{0,3}的")
_FIGURE_AHEAD = patterns.compile(r"[^，。；]{0,10}?[\d一二两三四五六七八九十百千万]")


@dataclass(frozen=True)
class Action:
    verb: str
    object: str
    category: str
    text: str
    span: tuple[int, int]
    rule: str


def extract_actions(text: str, start: int, end: int, rules: ExtractRules, pos_cut,
                    plan_year: int | None = None) -> list[Action]:
    """One action per clause that has a policy verb.

    >>> [(a.verb, a.object) for a in extract_actions("深入推进基层党组织标准化建设。", 0, 15, rules, cut)]
    [('推进', '基层党组织标准化建设')]
    """
    actions = []
    # one segmentation per item, then each clause takes its tokens: jieba's per-call set-up
    # costs more than the segmentation of a short clause
    tokens = pos_cut(text[start:end])
    starts = list(itertools.accumulate(map(len, map(_WORD, tokens)), initial=start))
    ends = starts[1:]
    k, n = 0, len(tokens)
    for s, e in (part for span in clauses(text, start, end) for part in _count_list_parts(text, *span, rules)):
        opening = s
        s = _after_frame(text, s, e, rules)
        clause = text[s:e]
        k = bisect.bisect_left(starts, s, k, n)  # the clause's tokens: the first starting at s …
        j = bisect.bisect_right(ends, e, k, n)  # … up to the last ending by e
        if len(clause.strip()) < 3 or _not_an_action(clause, rules, plan_year):
            continue
        covered = j > k and starts[k] == s and ends[j - 1] == e
        if covered and not _lexicon_verbs(rules).search(clause) \
                and not any(flag == "v" for _, flag in tokens[k:k + _FALLBACK_WINDOW + 1]):
            continue  # no verb of the lexicon and none of jieba's where the fallback looks
        # a word across a clause boundary: segment the clause alone
        found = _clause_actions(clause, s, rules, pos_cut, tokens[k:j] if covered else None)
        found = _linked_action(clause, s, found, rules) or found
        if not found and s > opening:
            found = _aimed_action(text, opening, s, e, rules)
        if not found:
            found = _topic_action(text, s, e, rules)
        actions.extend(found)
    return actions


def _linked_action(clause: str, offset: int, found: list[Action], rules: ExtractRules) -> list[Action]:
    """考核结果与养护经费拨付|挂钩: a clause that links two things ends in its verb, unless the
    action found opens the clause before 与 (推动…与…挂钩)."""
    body = clause.strip().rstrip("。；;")
    verb = next((v for v in rules.linking_verbs if body.endswith(v)), None)
    if verb is None or "与" not in body[:-len(verb)]:
        return []
    if found and 0 <= body.find(found[0].verb) < body.index("与"):
        return []
    return [_action(verb, body[:-len(verb)], clause, offset, rules, "actions.linked.v1")]


def _aimed_action(text: str, opening: int, s: int, e: int, rules: ExtractRules) -> list[Action]:
    """对超标排放的企业|依法查处: the verb ends the clause and acts on whom 对 names."""
    head = _AIMED.match(text, opening, s)
    verb = _final_verb(rules).search(text, s, e)
    if not head or not verb:
        return []
    target = text[head.end():verb.start()].strip()
    return [_action(verb.group("verb"), target, text[opening:e], opening, rules, "actions.aimed.v1")]


_AIMED = patterns.compile(r"\s*(?:对于|对)")


def _topic_action(text: str, s: int, e: int, rules: ExtractRules) -> list[Action]:
    """城东立体停车场年底前|建成投用: what is acted on stands first, the verb closes the clause."""
    body = text[s:e].rstrip("。；;，, ")
    if not any(body[-n:] in rules.verbs for n in (2, 3, 4)):
        return []  # (a cheap look at the clause's end before the pattern search)
    verb = _final_verb(rules).search(text, s, e)
    if not verb or verb.start() - s < 2 or _family(verb.group("verb"), rules) not in ("build", "supervise"):
        return []  # 水环境质量持续改善, 本措施自…起施行: a state or a rule, not an action
    return [_action(verb.group("verb"), text[s:verb.start()].strip(), text[s:e], s, rules, "actions.topic.v1")]


@functools.cache
def _final_verb(rules: ExtractRules) -> re.Pattern:
    """A verb of the lexicon closing a clause, after the subject it acts on and its modifiers."""
    return patterns.compile(rf"{any_of(rules.modifiers)}*(?P<verb>{_lexicon_verbs(rules).pattern})\s*$")


def _after_frame(text: str, s: int, e: int, rules: ExtractRules) -> int:
    """Where the action starts in a clause opened by a frame (按照“一村一室”原则|优化…) or a
    condition (对…的): after it; the clause start when there is none or nothing follows it."""
    stripped = s + len(text[s:e]) - len(text[s:e].lstrip())
    condition = _CONDITION.match(text, stripped, e)
    if condition:
        grant = _grant_verbs(rules).search(text, stripped, condition.end())
        if grant:
            return grant.start()  # 对参训学员|给予每人每天不超过150元的食宿补助: to whom, then the grant
        grant = _grant_verbs(rules).search(text, condition.end(), e)
        if grant and e - grant.start() >= 3:
            return grant.start()  # 对列入示范村的村集体经济组织|给予贷款贴息支持: whom, then the grant
        if e - condition.end() >= 3 and _lexicon_verbs(rules).search(text, condition.end(), e):
            return condition.end()  # 对首次认定的|高新技术企业给予30万元奖励: who qualifies, then the action
        # 对其中的|高龄、失能老年人实行每周不少于1次的上门探访: the 的 that closes the condition is
        # the first with a policy verb after it, not the last of the clause
        for mark in _DE.finditer(text, stripped, condition.end()):
            if _lexicon_verbs(rules).search(text, mark.end(), e):
                return mark.end()
    aimed_at = _AIMED.match(text, stripped, e)
    if aimed_at:
        # 对疫木除治|实行全过程监理和验收: what 对 names may hold verbs (除治, 建设北路); the action is
        # the verb that governs it
        aimed = _aimed_verbs(rules).search(text, aimed_at.end() + 2, e)
        if aimed and e - aimed.start() >= 3:
            return aimed.start()
    if _GRANT_OPENER.match(text, stripped, e):
        grant = _grant_verbs(rules).search(text, stripped, e)
        if grant and e - grant.start() >= 3:
            return grant.start()  # 对新建助餐点|按每个不超过5万元|给予…补助: to whom and how much, then the grant
    frame = _frame_openers(rules).match(text, stripped, e)
    frame = frame.group() if frame else None
    if frame is None:
        # 老旧小区|通过购置、置换等方式|补足养老服务设施: a short subject, its means, then the action
        opener = _subject_frame(rules).match(text, stripped, e)
        frame_end = opener and _frame_ends(rules).search(text, opener.end(), e)
        if frame_end and e - frame_end.end() >= 3 and _lexicon_verbs(rules).match(text, frame_end.end(), e):
            return frame_end.end()
        return s
    frame_end = _frame_ends(rules).search(text, s, e)
    if frame_end and e - frame_end.end() >= 3:
        return frame_end.end()
    # 依托禾丰县农业广播电视学校|开展分产业分层次培训: the frame's object, then the first policy verb
    verb = next((m for m in _lexicon_verbs(rules).finditer(text, stripped + len(frame), e)
                 if not _quoted(text, stripped, m.start())), None)  # 依托“枫桥发布”公众号|开设…
    return verb.start() if verb and e - verb.start() >= 3 else s


def _quoted(text: str, start: int, position: int) -> bool:
    """Whether position lies inside 《》 or “” opened after start."""
    depth = 0
    for ch in text[start:position]:
        depth = max(depth + _BRACKETS.get(ch, 0), 0)
    return depth > 0


@functools.cache
def _subject_frame(rules: ExtractRules) -> re.Pattern:
    words = "|".join(map(regex.escape, rules.frames_after_subject))
    return patterns.compile(rf"\p{{Han}}{{2,6}}?(?:{words})")


# Word lists compile as tries (pipeline.patterns.any_of) on the standard library's engine.
@functools.cache
def _past_markers(rules: ExtractRules) -> re.Pattern:
    return re.compile(any_of({*rules.past_in_sentence, *rules.past_unless_goal, *rules.past_in_clause}))


@functools.cache
def _frame_openers(rules: ExtractRules) -> re.Pattern:
    """The first of non_action_verbs (in the file's order) that opens a clause."""
    return re.compile("|".join(map(re.escape, rules.non_action_verbs)))


@functools.cache
def _aimed_verbs(rules: ExtractRules) -> re.Pattern:
    return re.compile(any_of(rules.aimed_verbs))


@functools.cache
def _frame_ends(rules: ExtractRules) -> re.Pattern:
    return re.compile("|".join(map(re.escape, rules.frame_ends)))


@functools.cache
def _grant_verbs(rules: ExtractRules) -> re.Pattern:
    return re.compile(any_of(v for v, c in rules.verbs.items() if c == "support" and len(v) > 1))


@functools.cache
def _lexicon_verbs(rules: ExtractRules) -> re.Pattern:
    return re.compile(any_of(v for v in rules.verbs if len(v) > 1))


def _not_an_action(clause: str, rules: ExtractRules, plan_year: int | None) -> bool:
    """Conditions (对…的), past results (2022年全市完成…, 同比增长) and means (依托…) are no actions."""
    stripped = clause.strip().rstrip("。；;")
    if stripped.endswith("的") or stripped.startswith(tuple(rules.non_action_verbs)):
        return True
    if stripped.startswith("以") and stripped.endswith(tuple(w for w in rules.frame_ends if w.startswith("为"))):
        return True  # 以习近平新时代中国特色社会主义思想为指导, 以医共体建设为抓手: a frame, whole
    if rules.purpose_clause.match(stripped):
        return True  # 为建设体育强区提供有力支撑: what the plan serves
    if _CONDITION.match(stripped):
        return True  # 对新认定的市级智能工厂，(给予…): who qualifies
    if _past_markers(rules).search(stripped):
        return True
    year = _YEAR_HEAD.match(stripped)
    return bool(year and plan_year and int(year.group(1)) < plan_year)


_COUNT_BEFORE = patterns.compile(r"\d[\d.]*\s*\p{Han}{1,3}?(?:以上|左右|以内)?$")


def _count_list_parts(text: str, s: int, e: int, rules: ExtractRules) -> list[tuple[int, int]]:
    """A clause listing counted deliveries (实施文旅重点项目40个、完成投资120亿元以上) split at each 、
    after a count that a verb of the lexicon follows: each part has its own verb."""
    parts, begin = [], s
    at = text.find("、", s, e)
    while at != -1:
        if _COUNT_BEFORE.search(text, begin, at) and _lexicon_verbs(rules).match(text, at + 1, e):
            parts.append((begin, at))
            begin = at + 1
        at = text.find("、", at + 1, e)
    parts.append((begin, e))
    return parts


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans split at ，；。： outside 《》, “” and brackets (a title may hold a comma)."""
    spans, depth, begin = [], 0, start
    for found in _CLAUSE_MARKS.finditer(text, start, end):
        i, ch = found.start(), found.group()
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        elif ch in _BREAKS and depth == 0:
            spans.append((begin, i))
            begin = i + 1
    if begin < end:
        spans.append((begin, end))
    return spans


def verb_parts(word: str, verbs) -> list[str] | None:
    """'制定出台' → ['制定', '出台'] when the word is made of lexicon verbs, else None."""
    if word in verbs:
        return [word]
    for cut in range(len(word) - 1, 0, -1):
        head, tail = word[:cut], word[cut:]
        if head in verbs:
            rest = verb_parts(tail, verbs)
            if rest:
                return [head, *rest]
    return None


def modifier_length(word: str, verbs, modifiers) -> int:
    """'全面落实' → 2 (全面 is a modifier and 落实 a verb); 0 when the word does not start so."""
    for cut in range(len(word) - 1, 0, -1):
        if word[:cut] in modifiers and verb_parts(word[cut:], verbs):
            return cut
    return 0


_FALLBACK_WINDOW = 4  # tokens at the start of a clause where a verb outside the lexicon is looked for
_BRACKETS = {"《": 1, "“": 1, "》": -1, "”": -1}
_BRACKET_CHARS = frozenset(_BRACKETS)


@functools.cache
def _comparator_words(rules: ExtractRules) -> re.Pattern:
    return re.compile(any_of({*rules.comparators_before, *rules.comparators_change}))


@functools.cache
def _parts(word: str, rules: ExtractRules) -> tuple[str, ...] | None:
    """verb_parts, memoised per rule set: the same few hundred words recur in every clause."""
    parts = verb_parts(word, rules.verbs)
    return tuple(parts) if parts else None


def _modifier_cut(word: str, rules: ExtractRules) -> int:
    return _modifier_cuts(rules)[word]


class _WordMemo(dict):
    """A function of one word, remembered in a plain dict: every clause's tokens are looked up
    in one pass of map(), and the same few thousand words recur in every clause."""

    def __init__(self, function):
        super().__init__()
        self.function = function

    def __missing__(self, word: str):
        value = self[word] = self.function(word)
        return value


@functools.cache
def _modifier_cuts(rules: ExtractRules) -> _WordMemo:
    return _WordMemo(lambda word: 0 if word in rules.verbs else modifier_length(word, rules.verbs, rules.modifiers))


_WORD = operator.itemgetter(0)  # a token's word


def _family(word: str, rules: ExtractRules) -> str | None:
    parts = _parts(word, rules)
    return rules.verbs[parts[-1]] if parts else None


def same_family(first: str, other: str, rules: ExtractRules) -> bool:
    """Two verbs form one compound (制定出台, 新建改扩建) when they share an instrument family;
    给予补助 is a verb and its object."""
    verbs = rules.verbs
    a, b = _parts(first, rules), _parts(other, rules)
    if not a or not b:
        return True
    return verbs[a[-1]] == verbs[b[0]] and verbs[a[-1]] != "support"


def _shared_object_actions(clause, offset, verb_start, rules, pos_cut) -> list[Action]:
    """Split 高效落实、精进实施《…》 and 新建、改建社区健身中心12个、百姓健身房30个 at the 、 after
    each leading verb: each has its own action, the object after the last verb is theirs."""
    parts = clause[verb_start:].split("、")
    heads = []
    for part in parts[:4]:
        head = _verb_only(part, rules, pos_cut)
        if head is None:
            break
        heads.append(head)
    if not heads or len(heads) == len(parts):
        return []
    found = _clause_actions("、".join(parts[len(heads):]), 0, rules, pos_cut, split_shared=False)
    if not found:
        return []
    last = found[0]
    actions = []
    cursor = verb_start
    for part, head in zip(parts[:len(heads)], heads, strict=True):
        actions.append(Action(head.verb, last.object, head.category, clause.strip(),
                              (offset + cursor, offset + cursor + len(part)), head.rule))
        cursor += len(part) + 1
    actions.append(Action(last.verb, last.object, last.category, clause.strip(),
                          (offset + cursor, offset + len(clause.rstrip())), last.rule))
    return actions


def _verb_only(part: str, rules: ExtractRules, pos_cut) -> Action | None:
    """The action of a part that is only a verb (新建, 高效落实), else None: given a stand-in
    object, the part must read as that verb and nothing more."""
    stand_in = "工作"
    word = part.strip()
    cut = _modifier_cut(word, rules)
    if _parts(word[cut:], rules) and cut + len(word[cut:]) == len(word) and word == part:
        return _action(word[cut:], stand_in, part, 0, rules, "actions.lexicon.v1")  # 新建, 高效落实
    found = _clause_actions(part + stand_in, 0, rules, pos_cut, split_shared=False)
    if found and found[0].object == stand_in:
        return found[0]
    if _parts(part.strip(), rules):
        # 新建、改造村卫生室: 新建村 is also a place name, so the verb is read on its own
        return _action(part.strip(), stand_in, part, 0, rules, "actions.lexicon.v1")
    return None


def _moved_object(clause: str, verb_start: int, verb: str, prefix: list[str], rules: ExtractRules) -> str | None:
    """The object placed before its verb: 将/把X压缩至…, X由20天压缩至10天 (a parameter the
    measure sets). Only for lexicon verbs; an indicator that merely rises (比例提高到45%) is a target."""
    if _parts(verb, rules) is None:
        return None
    head = clause[:verb_start].strip()
    if prefix[0] in ("将", "把"):
        return head[len(prefix[0]):].strip() or None
    moved = regex.match(r"^(\p{Han}{2,}?)由[^，；。]*?\d[^，；。]*$", head)
    return moved.group(1) if moved else None


def _action(verb: str, object_text: str, clause: str, offset: int, rules: ExtractRules, rule: str) -> Action:
    parts = _parts(verb, rules) or ()
    category = next((rules.verbs[p] for p in reversed(parts) if rules.verbs[p] != "other"), "other")
    stripped_start = len(clause) - len(clause.lstrip())
    return Action(verb, object_text, category, clause.strip(),
                  (offset + stripped_start, offset + len(clause.rstrip())), rule)


def _lexicon_compounds(tokens: list, rules: ExtractRules) -> list:
    """Tokens that together spell a compound of the lexicon (做|大|做|强) become one verb token."""
    starts, verbs, longest = _compound_starts(rules), rules.verbs, _longest_verb(rules)
    if starts.isdisjoint(map(_WORD, tokens)):
        return tokens  # (most clauses hold no compound's opening)
    merged, i, n = [], 0, len(tokens)
    while i < n:
        word = tokens[i][0]
        last, joined, best = i, word, None
        if len(word) <= 2 and word in starts:
            for k in range(i + 1, min(n, i + longest)):
                joined += tokens[k][0]
                if len(joined) > longest:
                    break
                if len(joined) >= 3 and joined in verbs:
                    last, best = k, joined  # the longest compound wins
        if best:
            merged.append((best, "v"))
        else:
            merged.append(tokens[i])
        i = last + 1
    return merged


@functools.cache
def _longest_verb(rules: ExtractRules) -> int:
    return max(map(len, rules.verbs))


@functools.cache
def _compound_starts(rules: ExtractRules) -> frozenset[str]:
    """The one- and two-character openings of the lexicon's compounds of three or more characters."""
    return frozenset(v[:k] for v in rules.verbs if len(v) >= 3 for k in (1, 2))


def _is_setting(word: str, flag: str, rules: ExtractRules) -> bool:
    """A token of a clause's time or scope (2026, 年底, 前, 今年, 全市), not of its subject."""
    return word.isdigit() or flag in ("t", "f") or word in rules.setting_words or word in rules.modifiers


def _disposal_verb(tokens: list, rules: ExtractRules) -> int | None:
    """The token index of 纳入/列入 … in a clause opened by 将 or 把, else None."""
    if not tokens or tokens[0][0] not in ("将", "把"):
        return None
    return next((i for i, (word, _) in enumerate(tokens) if word in rules.disposal_verbs), None)


def _clause_actions(clause: str, offset: int, rules: ExtractRules, pos_cut, tokens=None,
                    split_shared: bool = True) -> list[Action]:
    """The action of one clause (a list: verbs sharing one object give one action each)."""
    tokens = tokens if tokens is not None else pos_cut(clause)
    # jieba glues some modifiers to their verb (全面落实): split them into two tokens
    cuts = list(map(_modifier_cuts(rules).__getitem__, map(_WORD, tokens)))
    if any(cuts):
        split = []
        for token, cut in zip(tokens, cuts, strict=True):
            if cut:
                split.append((token[0][:cut], "d"))
                split.append((token[0][cut:], "v"))
            else:
                split.append(token)
        tokens = split
    tokens = _lexicon_compounds(tokens, rules)
    # where each token starts, and whether it lies within 《》 or “” (a verb there belongs to a title)
    positions = list(itertools.accumulate(map(len, map(_WORD, tokens)), initial=0))[:-1]
    if _BRACKET_CHARS.isdisjoint(clause):
        inside = [False] * len(tokens)  # (most clauses quote nothing)
    else:
        inside, depth = [], 0
        for word, _ in tokens:
            inside.append(depth > 0)
            if word in _BRACKETS:
                depth = max(depth + _BRACKETS[word], 0)
            elif len(word) > 1 and not word.isalnum():  # 》《 glued together
                depth = max(depth + sum(_BRACKETS.get(ch, 0) for ch in word), 0)

    def is_verb(i: int) -> bool:
        return i < len(tokens) and not inside[i] and tokens[i][0] not in rules.nominal_verbs \
            and _parts(tokens[i][0], rules) is not None

    def is_any_verb(i: int) -> bool:
        return is_verb(i) or i < len(tokens) and not inside[i] and tokens[i][1] == "v"

    first = None
    disposal = _disposal_verb(tokens, rules)
    for i, (word, _flag) in enumerate(tokens):
        if disposal is not None and i < disposal:
            continue  # 将数字政府建设…纳入考核: the verbs inside what 将 names are not the action
        if word in rules.modifiers and (is_verb(i + 1) or is_any_verb(i + 1) and word not in rules.verbs):
            continue  # (确保, 争取 are verbs of their own before a verb outside the lexicon: 确保|回迁群众…入住)
        if i > 0 and tokens[i - 1][0] in ("对", "对于") and i + 1 < len(tokens) and not is_any_verb(i + 1):
            continue  # 对改造小区实行…: a verb right after 对 qualifies the noun it is aimed at
        if is_verb(i) and not (i + 1 < len(tokens) and (tokens[i + 1][0] in rules.nominal_heads
                                                           and _family(word, rules) != "strengthen"
                                                           and word not in rules.modifiers  # 确保|资金…
                                                           or tokens[i + 1][0] == "的"
                                                           or tokens[i + 1][0] in rules.comparators_before
                                                           and tokens[i][1] != "v")):
            # 督查结果, 督查室: a verb heading a noun; 县财政安排的资金: a verb in a relative clause;
            # 奖补最高不超过5万元: a grant's amount (a word jieba knows as a noun) — none of them is
            # the clause's verb; 给予最高1万元 stays a grant
            first = i
            break
    if first is not None and tokens[first][0] in rules.attributive_verbs:
        # 新建住宅小区和公共建筑|严格落实雨污分流: 新建 describes the subject; the verb comes after
        # the subject and the adverb that marks the predicate
        later = next((i for i in range(first + 2, min(len(tokens), first + 8))
                      if is_verb(i) and tokens[i - 1][0] in rules.predicate_markers), None)
        if later is not None and not any(w in "、，" for w, _ in tokens[first + 1:later]):
            first = later
    if first is None:
        # no lexicon verb: a jieba verb near the start of the clause, category other; a clause
        # whose verb states the outcome (…比例达到95%) reports a target, not an action
        for i, (word, flag) in enumerate(tokens[:_FALLBACK_WINDOW]):
            if flag == "v" and len(word) >= 2 and word not in rules.modifiers and word not in rules.stative_verbs \
                    and not (i + 1 < len(tokens) and tokens[i + 1][0] == "的"):
                first = i
                break
    if first is None:
        return []
    comparator = _comparator_words(rules).search(clause, positions[first])
    if comparator and comparator.end() <= positions[first] + len(tokens[first][0]):
        # 约谈: the 约 of approx inside the verb itself is no comparator
        comparator = _comparator_words(rules).search(clause, positions[first] + len(tokens[first][0]))
    if comparator and not _FIGURE_AHEAD.match(clause, comparator.end()):
        comparator = None  # 开展基层应急能力提升试点: 提升 with no figure after it compares nothing
    if comparator and is_verb(first) and _ATTRIBUTIVE_FIGURE.match(clause, comparator.end()):
        comparator = None  # 实行每周不少于1次的上门探访: the figure describes the object
    if comparator and "由" in clause[:comparator.start()] and comparator.start() in positions \
            and is_verb(positions.index(comparator.start())):
        # 简易注销公告时间由20天压缩至10天: the verb of the change, not a verb inside its subject
        first = positions.index(comparator.start())
    # 2026年底前|接入监测点位不少于5000个, 全市|每年开展…: when and where come before the action
    setting = next((i for i, token in enumerate(tokens[:first]) if not _is_setting(*token, rules)), first)
    prefix = [tokens[i][0] for i in range(setting if is_verb(first) else 0, first)
              if tokens[i][0] not in rules.modifiers]
    if comparator and prefix:
        moved = _moved_object(clause, positions[first], tokens[first][0], prefix, rules)
        if moved:  # 将企业开办时间压缩至0.5个工作日: the verb acts on what 将 names
            return [_action(tokens[first][0], moved, clause, offset, rules, "actions.moved_object.v1")]
        grant = is_verb(first) and _family(tokens[first][0], rules) == "support"
        if not (is_verb(first) and (prefix[0] in rules.action_prefix_words or grant)):
            return []  # 营业收入达到800亿元: the subject is the indicator, the clause states an outcome
            # (每张床位给予最高1万元补助 is a grant: its verb acts whatever stands before it)
    last = first
    while True:
        # a lexicon verb jieba does not know (投用) joins like one it tags as a verb; a verbal
        # noun joins only a verb of its own family (开工建设, not 推进建设)
        nxt = last + 1
        joined = "".join(word for word, _ in tokens[first:nxt + 1]) if nxt < len(tokens) else ""
        if joined in rules.verbs and not inside[nxt]:
            last += 1  # 改造|提升, 评选|表彰: a compound of the lexicon that jieba cut in two
            continue
        if is_verb(nxt) and (tokens[nxt][1].startswith("v") or tokens[nxt][1] == "x") \
                and same_family(tokens[first][0], tokens[nxt][0], rules) \
                and (tokens[nxt][1] != "vn" or _family(tokens[last][0], rules) == _family(tokens[nxt][0], rules)):
            last += 1
        elif last + 2 < len(tokens) and tokens[last + 1][0] in _JOINERS and is_any_verb(last + 2) \
                and (not is_verb(last + 2) or same_family(tokens[first][0], tokens[last + 2][0], rules)) \
                and last + 3 < len(tokens):
            last += 2
        else:
            break
    verb = "".join(word for word, _ in tokens[first:last + 1])
    rest = clause[positions[first] + len(verb):]
    if rest.startswith("、") and split_shared:
        # 高效落实、精进实施《…》: verbs sharing one object, an action each
        shared = _shared_object_actions(clause, offset, positions[first], rules, pos_cut)
        if shared:
            return shared
    verb_start = positions[first]
    object_text = clause[verb_start + len(verb):].strip()
    if not object_text:
        return []
    if comparator and any(n in object_text[:2 + len(n)] for n in rules.rate_nouns):
        return []  # 补助比例提高至12%, 担保费率不高于1%: a noun compound and its level, not an action
    category = "other"
    parts = [part for word, _ in tokens[first:last + 1] for part in (_parts(word, rules) or ())]
    for part in reversed(parts):
        if rules.verbs[part] != "other":
            category = rules.verbs[part]
            break
    stripped_start = len(clause) - len(clause.lstrip())
    text_span = (offset + stripped_start, offset + len(clause.rstrip()))
    rule = "actions.lexicon.v1" if is_verb(first) else "actions.jieba_verb.v1"
    return [Action(verb, object_text, category, clause.strip(), text_span, rule)]
