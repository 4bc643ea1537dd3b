"""Quantitative targets: a number the plan commits to reach, build, keep within or not fall below."""
from __future__ import annotations

import calendar
import dataclasses
import functools
import re
from dataclasses import dataclass

import regex

from pipeline import patterns
from pipeline.extract.numbers import Number
from pipeline.patterns import any_of
from pipeline.resources import ExtractRules

_TARGET_KINDS = {"quantity", "percent", "money", "duration"}
_CLAUSE_BREAK = patterns.compile(r"[，,；;：:。！？!?]")
_SENTENCE_BREAK = patterns.compile(r"[。！？!?]")
_LEADING_NOISE = patterns.compile(
    r"^(?:[—－-]+|[一二三四五六七八九十]{1,3}是|其中|全年|年内|全市|全区|全县|全省|全国|今年|明年|同时|并|且|和|及|力争|确保"
    r"|争取|推动|要|将|把)+")  # (十是…: a list's marker)
_DEADLINE_HEAD = patterns.compile(
    r"^(?:(?:到|至|力争到|确保到)?(?:19|20)\d{2}\s*年(?:底|末)?前?"
    r"|(?:力争|争取)?用(?:\d{1,2}|[一二两三四五六七八九十]{1,2})(?:年|个月)(?:左右)?(?:的)?时间)")  # 用两年时间
_MORE_THAN = patterns.compile(r"\d\s*[多余]")
_CONDITION_HEAD = patterns.compile(r"\s*(?:对于|对|凡)")
# 为城区老旧小区3000户…加装…: the place whose households the plan serves ends the words before the count
_PLACE_END = patterns.compile(r"(?:小区|社区|村|镇|乡|街道|城区|园区|学校)$")
_GRANT_BEFORE = patterns.compile(r"(?:给予|奖励|补助|补贴|资助|奖补)[^，。；]*$")
# an allowance's rate per person and month, its grant named earlier in the sentence
_PER_RECIPIENT = patterns.compile(r"每(?:人|生|户|位|名|床|孩|个\p{Han}{1,3}?)每?(?:月|年|天|日)$")
_GRANT_WORD = patterns.compile(r"津贴|补贴|发放")
# what a per-person rate is of: 发放育儿补贴, 给予运营补助, 发放高龄津贴
_GRANTED = patterns.compile(r"(?:发放|给予)(\p{Han}{2,8}?(?:补贴|补助|津贴|扶助金|救助金|奖励|资助))")

_PERFECTIVE = patterns.compile(r"(?:增长|提高|下降|完成|达到|实现|减少|增加|突破|超过|新增|建成|取消|减轻|降低"
                               r"|减免|免除|安排|投入|发放|解决|惠及|覆盖|改造|开工|新建|培训)了")
# 已完成超低排放改造企业的…比例达到80%: 已 inside a modifier before the figure says which firms, not
# that the goal is met
_PAST_MODIFIER = patterns.compile(r"已(?:经)?[^，,；;。的\d]{1,16}的(?=\p{Han}{2})")
_PAST_YEAR_HEAD = patterns.compile(r"\s*(?:截至\s*)?((?:19|20)\d{2})\s*年(?!底前|前)")
_ANY_NUMBER = patterns.compile(r"\d|[一二两三四五六七八九十百千万]+[个所名家项处]")
_BASELINE = patterns.compile(r"\s*在[^，。；]*基础上")
_IN_BASELINE_BEFORE = patterns.compile(r"在[^，。；在]*$")
_IN_BASELINE_AFTER = patterns.compile(r"[^，。；]*基础上")
_LIST_HEAD = patterns.compile(r"等(?=[^等]*$)")
_TWO_HAN = patterns.compile(r"\p{Han}{2}")
_HAN = patterns.compile(r"\p{Han}")
_NOUN = patterns.compile(r"\p{Han}{2,12}")
_CLASSED_NOUN = patterns.compile(r"\p{Han}{2,10}\d+(?:\.\d+)?[万亿]?[元吨人户个]?(?:以上|以下)?的\p{Han}{2,12}")
_QUOTED_WORDS = patterns.compile(r"“[^“”]{1,30}”")
_QUOTED_NOUN = patterns.compile(r"“[^“”，。；]{1,20}”\p{Han}{0,6}")
_DESCRIBED_NOUN = patterns.compile(r"\p{Han}{2,8}(?:、\p{Han}{2,8})+的(\p{Han}{2,12})(?=\P{Han}|$)")
_COUNTED_NOUN = patterns.compile(r"[所个名家处项例座]?\p{Han}{2}")
_CLASS_AFTER = patterns.compile(r"(?:以上|以下)(?!用于)\p{Han}")  # (X的一半以上用于Y is a share)
_SIZE_CLASS = patterns.compile(r"(?:及)?(?:以上|以下)\p{Han}{0,8}?(?:项目|企业)")
# 百亿元以上产业链达到15条, 培育千亿元以上产业集群5个: an amount bounding a noun that a later figure
# of the clause counts is a size class too
_COUNTED_CLASS = patterns.compile(r"(?:及)?(?:以上|以下)(?![的为是])\p{Han}{2,12}?(?:达到|[^，,；;。\d]{0,4})\d")
# 培育年产值超10亿元企业3家, 进出口额超亿元企业达到150家: an amount that 超 bounds, then the thing a later
# figure counts, is the same kind of class written the other way round
_EXCEEDED_BEFORE = patterns.compile(r"超(?:过)?$")
_EXCEEDED_CLASS = patterns.compile(r"(?![的为是])\p{Han}{1,12}?(?:达到|[^，,；;。\d]{0,4})\d")
# 推动吉林梅花60万吨赖氨酸等项目释放产能, 吉化120万吨乙烯转型升级项目: a capacity straight before the product
# and 项目 names the project, like its place
# (…桥头铝电50万吨绿电铝产能置换转型升级技改、青海辉源20万吨绿色高性能铝板带箔等项目: a list of named projects)
_CAPACITY_NAME = patterns.compile(
    r"\p{Han}{1,6}?(?:转型升级|技改|扩建|改造)?(?:等)?项目|(?!等)\p{Han}[^，,；;。]*等项目|\p{Han}{7,16}项目$")
# 淘汰35蒸吨/小时以下燃煤锅炉, 10万千瓦以上光伏项目: a size a thing is measured in, then the thing, is a
# class of things; a count before its thing (5个以上项目) is not
_MEASURE_CLASS = patterns.compile(r"(?:及)?(?:以上|以下)(?![为是的])\p{Han}{2}")
# 公交与轨道50米内换乘比例提升至93%: a distance bound before a noun says what the measure counts, like
# 500米覆盖率; a bound in time (2小时内出具) is a limit the plan sets
_DISTANCE_CLASS = patterns.compile(r"(?:范围)?(?:以)?内(?![为是的])\p{Han}{2}")
_DISTANCE_UNITS = ("米", "公里", "千米")
_ALONG = ("沿线", "沿岸", "两侧", "两岸", "周边")  # 长江沿线1公里化工腾退地块: a belt that says which plots
# the total of a set of things written before them (总投资2万亿元的389个省重点项目): the amount is the set's,
# and it is no part of the words of the count after it
_TOTAL_BEFORE = patterns.compile(r"(?:总投资|总额|总规模)[约达为]?$")
_TOTAL_OF_WHAT = patterns.compile(r"的(?:\d+[个项家所座条])?(\p{Han}{2,12})")
_TOTAL_IN_HEAD = patterns.compile(r"(?:总投资|总额|总规模)[约达为]?\d[\d.]*[万亿千百]*元的")
# a count of kinds straight before the figure sorts what it counts, and is no part of its words
_KINDS_BEFORE = patterns.compile(r"\d+(?:大类|类|种)$")
# the other figures of a 分别 list after this one, up to the bound written once after the last
_LIST_TAIL = patterns.compile(
    r"(?:[、和及]\s*\d[\d.]*[万亿千百]?[^\d、和及，,；;。\s]{0,4}?)+(及以上|以上|以下|左右|以内)")
# 新建1000个粮油千亩高产片, 万亩示范区: a round size in words straight before a noun names a kind of field
_ROUND_SIZE = patterns.compile(r"[十百千万]+\p{Han}{1,2}")
_CAPACITY_NOUNS = ("产能", "产量", "能力", "规模")  # (新增千万吨产能: what the size measures, a figure)


def _is_measure(unit: str | None) -> bool:
    """A unit of measurement (吨, 千瓦, 蒸吨/小时), not a measure word that counts (个, 所, 万人)."""
    base = (unit or "").lstrip("万亿千百十")  # 1000万以上 counts people whose unit goes unsaid
    return bool(base) and base[-1] not in _COUNT_WORDS and base not in ("%", "‰")
_LEVEL_THEN_CHANGE = patterns.compile(r"\d[^，,；;。]*、\s*(?:比|较)(?:去年|上年)\p{Han}{0,6}$")
_NUMERAL_ONLY = patterns.compile(r"[一二两三四五六七八九十百千万亿]+\p{Han}?")
# 再减少企业税负3500亿元左右、涉企收费约2000亿元: the second target's words start after the first's
# (the comparison reads a target's context the same way)
# (推进2000个省级重点项目、完成投资9800亿元: a count and its noun, the words of the earlier figure)
# (a road's or a line's code, G320澜江过境段、, is no figure: its digits follow a letter)
EARLIER_TARGET = patterns.compile(
    r"(?<![A-Za-z\d.])\d[\d.]*(?:[^，,；;、\d]{0,6}、|[万亿]?[个所名家处项座套台张条户](?:以上|左右)?[^，,；;。、]{2,16}、)")
# …，其中水泥熟料企业4家、焦化企业2家: the parts a total just stated is made of, each named and counted
_BREAKDOWN = patterns.compile(r"\s*其中[，,]?")
_BOUND_AFTER = patterns.compile(r"(?:及)?(?:以上|以下)")
_RANGE_RULES = ("numbers.percent_range.v1", "numbers.range.v1")


@dataclass(frozen=True)
class Target:
    text: str
    indicator: str
    value: float | int
    value_max: float | int | None
    unit: str | None
    comparator: str
    deadline: int | str | None
    span: tuple[int, int]
    rule: str


def _bounds(pattern: re.Pattern, text: str, lo: int, hi: int, pos: int, pos_end: int | None = None) -> tuple[int, int]:
    """Start and end of the stretch of text[lo:hi] around text[pos:pos_end] between two breaks (a ratio's colon,
    1:1.25, breaks nothing)."""
    start = lo
    for m in pattern.finditer(text, lo, pos):
        start = m.end()
    m = pattern.search(text, pos if pos_end is None else pos_end, hi)
    return start, (m.start() if m else hi)


def extract_targets(text: str, start: int, end: int, numbers: list[Number], rules: ExtractRules,
                    plan_year: int | None, past_section: bool = False) -> list[Target]:
    """Targets among the numbers of one item.

    >>> [(t.indicator, t.value, t.unit, t.comparator) for t in extract_targets("优质园占比不低于50%", …)]
    [('优质园占比', 50, '%', 'ge')]
    """
    if past_section:
        return []
    quoted = _quoted_positions(text, start, end)
    targets = []
    for number in numbers:
        if number.kind not in _TARGET_KINDS or number.value is None or number.span[0] in quoted \
                or number.unit in rules.group_units and not _measures_in_group_unit(text, start, number, rules):
            continue
        target = _target(text, start, end, number, rules, plan_year)
        if target is not None:
            targets.extend(_each_listed(target, text, number.span[0], rules))
    return _rates_of_levels(targets, text)


def _measures_in_group_unit(text: str, start: int, number: Number, rules: ExtractRules) -> bool:
    """人均预期寿命达到79.8岁: the words before measure in the unit that elsewhere defines an age group."""
    return any(w in text[max(start, number.span[0] - 12):number.span[0]] for w in rules.group_unit_measures)


def _rates_of_levels(targets: list[Target], text: str) -> list[Target]:
    """科技投入1461亿元，增长25.6%: a rate written after a level with no words of its own is the
    growth of that level (科技投入增长), which a comparison over years needs to tell it from others."""
    out = list(targets)
    for i in range(1, len(out)):
        rate, level = out[i], out[i - 1]
        if rate.unit == "%" and level.unit != "%" and _BARE_GROWTH.fullmatch(rate.indicator) \
                and not _SENTENCE_END.search(text, level.span[1], rate.span[0]):
            out[i] = dataclasses.replace(rate, indicator=level.indicator.removesuffix("增加") + "增长")
    # 接待国内游客3800万人次，实现旅游总收入420亿元，分别比上年增长8%和10%左右: the rates, in order, of
    # the levels just before them
    i = 0
    while i < len(out):
        k = 0
        while i + k < len(out) and out[i + k].indicator == "分别" and out[i + k].unit == "%":
            k += 1
        levels = out[i - k:i] if k >= 2 and i >= k else []
        if levels and all(t.unit != "%" for t in levels) \
                and not _SENTENCE_END.search(text, levels[0].span[1], out[i + k - 1].span[0]):
            for m, level in enumerate(levels):
                out[i + m] = dataclasses.replace(out[i + m], indicator=level.indicator.removesuffix("增加") + "增长")
        i += max(k, 1)
    return out


_BARE_GROWTH = patterns.compile(r"(?:(?:比|较)(?:去年|上年)(?:预计数|预算)?)?(?:增长|增加)?")
_SENTENCE_END = patterns.compile(r"[。！？；]")


def _each_listed(target: Target, text: str, num_start: int, rules: ExtractRules) -> list[Target]:
    """二氧化硫、化学需氧量排放量都要减少2%: one figure that 都/均/分别 gives to each listed indicator is a
    target of each (二氧化硫排放量, 化学需氧量排放量), as a comparison over years needs; a list that a
    count gathers (引进名师、名校长等教育人才300名) stays one target."""
    words = text[target.span[0]:num_start]
    indicator = _MODAL_TAIL.sub("", target.indicator)
    # (均衡性转移支付、县级…奖补资金等增幅均超过10%: the words after 等 are each item's)
    indicator, gathered, shared = indicator.partition("等") if "等" in indicator else (indicator, "", "")
    listed = _LISTED.match(indicator)
    last_item = max(words.rfind(sep) for sep in "、和及")
    if not listed or gathered and not shared:
        return [target]
    items = _LIST_SEPARATOR.split(listed.group(1))
    # (孕产妇产后访视率、0—6岁儿童健康管理率达到90%以上: rates listed each in full share one level, as
    # no sum of rates can be meant)
    rates = target.unit == "%" and all(item.endswith(_RATE_NOUNS) for item in items)
    if not rates and not _DISTRIBUTIVE.search(words[last_item:]):
        return [target]
    tail = _shared_tail(items[0], items[-1], rules)
    rule = target.rule.removesuffix(".v1") + ".each.v1"
    return [dataclasses.replace(target, indicator=item + (shared or (tail if i < len(items) - 1 else "")), rule=rule)
            for i, item in enumerate(items) if item]


_LISTED = patterns.compile(r"^([^、和及]+(?:[、和及][^、和及]+)+)$")
_LIST_SEPARATOR = patterns.compile(r"[、和及]")
_RATE_NOUNS = ("率", "比重", "占比")
_MODAL_TAIL = patterns.compile(
    r"(?<=\p{Han}{2})(?:同比|再|继续|分别|都要|都将|力争|争取|确保|各|(?<![人平])均|(?<![主重需纲摘提必首])(?:要|将|都))$")
# (…餐饮企业各10家: 各 right before the figure; 平均资费 and 首都 distribute nothing)
_DISTRIBUTIVE = patterns.compile(r"(?<!首)都|(?<!平)均|分别|各\s*$")
_BASE_YEAR_TAIL = patterns.compile(r"(?<=\p{Han}{2})(?:比|较)(?:(?:19|20)\d{2}年|去年|上年|上一年)[末底]?$")
# An indicator written straight before its figure in a list of goals: words only, no 的 closing a modifier
_GOAL_LISTED = patterns.compile(r"[\p{Han}“”]{2,}(?<!的)")
_COMPLETE_MEASURE = ("数", "率", "量", "额", "值")


def _shared_tail(first: str, last: str, rules: ExtractRules) -> str:
    """The words the listed items share, written once after the last (化学需氧量排放量 → 排放量): from
    the first head noun of the lexicon in the last item, else the part of the last item longer than
    the first (氮氧化物排放 after 二氧化硫 → 排放)."""
    if first.endswith(_COMPLETE_MEASURE) and not first.endswith("需氧量"):  # (化学需氧量 is a pollutant)
        return ""  # 生产安全事故起数和死亡人数: the first names its own measure
    heads = [last.find(h, 2) for h in rules.shared_tail_heads if last.find(h, 2) > 0]
    if heads:
        return last[min(heads):]
    return last[len(first):] if len(last) > len(first) + 1 else ""


def _quoted_positions(text: str, start: int, end: int) -> set[int]:
    """Positions inside 《》 and “”: a number there belongs to a name (“十个一”), not a goal."""
    from pipeline.extract.projects import find_brackets

    positions: set[int] = set()
    for open_, close in (("《", "》"), ("“", "”")):
        for s, e in find_brackets(text, start, end, open_, close):
            positions.update(range(s, e))
    return positions


def _target(text, start, end, number: Number, rules: ExtractRules, plan_year) -> Target | None:
    s, e = number.span
    sent_start, sent_end = _bounds(_SENTENCE_BREAK, text, start, end, s, e)
    clause_start, clause_end = _bounds(_CLAUSE_BREAK, text, start, end, s, e)
    sentence = text[sent_start:sent_end]
    before = text[clause_start:s]
    after = text[e:clause_end]

    clause = text[clause_start:clause_end]
    turn = _THIS_YEAR_TURN.search(text, sent_start, s)
    if turn:  # 去年…仅恢复到六成，今年要推动…，创建…2个: what follows 今年 is the plan
        sentence = text[turn.start():sent_end]
    # …安排5376亿元，比去年增加300亿元, 赤字率拟按2.8%左右安排、比去年有所下调, 转移支付增长7.8%、增幅明显
    # 高于去年: a comparison with last year is a base, not a report, unless it is the figure's own (比去年增长8%)
    own = text[clause_start:s]
    if number.kind == "percent" and rules.forward_sentence.match(sentence):
        own = _COMPARED_WITH_LAST_YEAR.sub("", own)  # 今年…补助资金779亿元，比去年增长11.3%: a planned growth
    looked_at = own + _COMPARED_WITH_LAST_YEAR.sub("", text[s:clause_end]) \
        if rules.forward_sentence.match(sentence) else (
            _COMPARED_WITH_LAST_YEAR.sub("", text[sent_start:clause_start]) + own
            + _COMPARED_WITH_LAST_YEAR.sub("", text[s:sent_end]))
    # 赤字率从去年的2.1%提高到2.3%: the year named in the starting point is not a report of it
    looked_at = _FROM_BASELINE.sub("", looked_at)
    # (改造提升超5000个已建成自然村的生活污水治理设施: what was built before is what the goal works on)
    unmodified = _PAST_MODIFIER.sub("", text[clause_start:s]) + _PAST_MODIFIER.sub("", text[s:clause_end])
    if any(m in looked_at for m in rules.past_in_sentence) or any(m in unmodified for m in rules.past_in_clause):
        return None
    if (number.kind != "money" and (any(m in clause for m in rules.forecast_markers)
                                    or _counts_a_circumstance(before, rules))) \
            or rules.restating_paragraph.match(text, start) or rules.restating_paragraph.match(text, sent_start):
        return None  # 预计今年高校毕业生超过1170万人; 提出上述预期目标，…经济增长预期目标为5%左右
    if not (turn or rules.forward_sentence.match(sentence)) and _reviewing(text, start, sent_start, rules):
        return None
    if after.startswith(rules.not_target_after) or _LEVEL_THEN_CHANGE.search(before):
        return None  # 3.0版; 专项债券3.9万亿元、比上年增加1000亿元: the level is the target, not the change
    if _frames_or_restates(text, clause_end, before, after, number, rules):
        return None
    if _NUMERAL_ONLY.fullmatch(number.text) and _programme_after(after, rules):
        return None  # 新一轮千亿斤粮食产能提升行动, “一带一路”八项行动: a figure inside a programme's name
    if any(m in looked_at for m in rules.past_unless_goal) and not (
            _comparator_after(after, rules)[0] or _comparator_before(before, rules, True)[0] not in (None, "eq")
            or number.rule in _RANGE_RULES):
        return None  # 同比增长12%: a result; 同比下降5%以上, 控制在…, 同比下降5%～8% (no result is a range): a goal
    if _reports_past(clause) or plan_year and _starts_with_past_year(sentence, plan_year):
        return None
    share = _share_of_set(clause_start, before, after, number, rules)
    if any(before.endswith(w) for w in rules.not_target_before) or not share and rules.eligibility_after.match(after):
        return None
    if _BOUND_AFTER.match(after) and before.rstrip().endswith(("对", "（")):
        return None  # 加强对12座以上营运客车…, 较大人口规模自然村（30户以上）: what the measure is for
    if _IN_BASELINE_BEFORE.search(before) and _IN_BASELINE_AFTER.match(after):
        return None  # 在2024年全市博物馆接待观众246万人次的基础上: where the goal starts from
    if _BASELINE_FROM.search(before) and _goes_on_to(after, rules):
        # 由每人每年420元提高到450元, 分别从每人每月209元、280元提高到…, 从15个县（市）扩大到57个: where the
        # measure starts, not the goal
        return None
    if number.kind == "percent" and any(before.endswith(w) for w in rules.group_before):
        return None
    if _CONDITION_HEAD.match(before) and ("的" in after or after.startswith("部分")) \
            and not _PER_RECIPIENT.search(before):
        return None  # 对年主营业务收入首次突破10亿元的企业, 对…所得额100万元至300万元部分: who or what qualifies
    if before.endswith("的") and _CLASS_AFTER.match(after) or after.startswith("级") \
            or number.kind == "money" and (_SIZE_CLASS.match(after) or _COUNTED_CLASS.match(after)
                                           or _EXCEEDED_BEFORE.search(before) and _EXCEEDED_CLASS.match(after)) \
            or number.kind == "quantity" and _is_measure(number.unit) and (_MEASURE_CLASS.match(after)
                                                                         or _CAPACITY_NAME.match(after)) \
            or number.unit in _DISTANCE_UNITS and (_DISTANCE_CLASS.match(after) or before.endswith(_ALONG)) \
            or _ROUND_SIZE.fullmatch(number.text) and _is_measure(number.unit) and _TWO_HAN.match(after) \
            and not _comparator_after(after, rules)[0] and not after.startswith(_CAPACITY_NOUNS):
        # (稳定在百万吨以上: a bound, no kind of field)
        # 淘汰不达标的30万千瓦以下煤电机组, 10万吨级泊位, 实施500万元以上技改项目260个: a size class, not a goal
        return None
    if clause.rstrip().endswith("的") or after.startswith("的") and _ANY_NUMBER.search(after) \
            and not (number.kind == "money" and _TOTAL_BEFORE.search(before)):
        return None  # …收入超过100亿元的企业不少于3家: the first number defines what the second counts

    head = _LEADING_NOISE.sub("", _DEADLINE_HEAD.sub("", before)).strip()  # the words before, if any
    if not head and (marked := _OBJECT_MARK.search(before)) and (
            number.kind == "money" or number.kind == "quantity" and _DISPOSED.search(after)):
        # 将2.8万亿元中央财政资金纳入直达机制, 将全国130万“老工伤”人员全部纳入工伤保险: the amount, or the
        # people brought into a scheme, is the object
        head = marked.group()[0]
    elif number.kind == "money" and _FUNDER_OBJECT.fullmatch(before.strip()):
        head = before.strip()[0]  # 把中央财政的400亿元补贴资金用好用活
    elif head.startswith("为") and head[1:] in rules.comparators_before:
        head = "为"  # 为不少于5万名…患者免费提供抗精神病药物: who benefits, a floor, then the figure
    elif head.startswith("为") and len(head) <= 8 and (head[1:].startswith(tuple(rules.share_scopes))
                                                   or _PLACE_END.search(head)):
        head = "为"  # 为全区3000户…家庭安装…, 为全区中小学1460间普通教室安装空调: who benefits, then the figure
    elif not head and number.kind == "quantity" and number.unit and before.rstrip().endswith("推动"):
        # 推动20所幼儿园开设托班: the noise words took the figure-first head away (把 and 将 stay noise
        # before a count: 把13亿中国人的饭碗…)
        head = "推动"
    changes = number.kind == "percent" or number.unit in ("倍", "个百分点") \
        or _INCREMENT_BEFORE.search(_LISTED_FIGURES.sub("", before))
    comparator, rule_word, cmp_start = _comparator_before(before, rules, changes)
    if comparator is None and _MORE_THAN.search(number.text):
        comparator, rule_word = "gt", "more_than"  # 8000多亿元: more than 8000亿元
    elif comparator is None and number.kind == "money" and before.endswith("近") \
            and before[:-1].endswith(tuple(rules.plan_amount_nouns)):
        # a budget line of nearly an amount (规模近9.8万亿元); 近 elsewhere says how large a thing is now
        comparator, rule_word, cmp_start = "approx", "nearly", len(before) - 1
    after_cmp, after_len = _comparator_after(after, rules)
    if after_cmp is None and "分别" in text[clause_start:s] and (tail := _LIST_TAIL.match(after)):
        after_cmp = rules.comparators_after.get(tail.group(1))  # 分别稳定在3900万头、13.5亿只以上: both floors
    end_of_target = e + after_len
    if after_cmp and comparator != "approx":
        comparator, rule_word = after_cmp, "after"
    value_max = None
    if number.rule in _RANGE_RULES:
        values = regex.findall(r"\d+(?:\.\d+)?", number.text)
        if len(values) >= 2:
            value_max = float(values[1]) if "." in values[1] else int(values[1])
            comparator, rule_word = "range", "range"

    line = ""  # the red line a figure stands before, when it is one
    delivered = None  # the counted noun and the verb after a figure (…等4所|学校|9月1日前|建成启用)
    verb = _delivery_verb(before, rules, number)
    if verb is not None and comparator is None and not _is_count(number, after, verb, rules, before):
        verb = None
    if comparator is None and verb is None:
        if rules.grant_pattern.match(after) or _GRANT_BEFORE.search(before) or (
                number.kind == "money" and _PER_RECIPIENT.search(before)
                and _GRANT_WORD.search(text, sent_start, sent_end)):
            comparator, rule_word = "eq", "grant"  # 发放高龄津贴，80—89周岁老年人每人每月100元; 每孩每年3600元…发放
        elif number.kind == "money" and (_without_total(before, rules).endswith(tuple(rules.plan_amount_nouns))
                                         or head in rules.bare_indicator_verbs):
            comparator, rule_word = "eq", "budget"  # (使用1000亿元失业保险基金…: the words after name it)
        elif number.kind == "percent" and before.rstrip().endswith(tuple(rules.rate_nouns)):
            comparator, rule_word = "eq", "rate"
        elif number.kind == "percent" and rules.completed_share.search(_LISTED_FIGURES.sub("", before).rstrip()):
            comparator, rule_word = "eq", "completed_share"  # 政务移动应用整合完成25%
        elif number.kind == "percent" and before.rstrip().endswith("按") and rules.levy_after.match(after):
            comparator, rule_word = "eq", "levy"  # 小排量汽车购置税按7.5%征收
        elif head in rules.figure_first_heads and _words_after(after, rules):
            comparator, rule_word = "eq", "figure_first"  # 在100个地级以上城市进行公立医院改革试点
        elif line := _red_line(before, after, rules):
            comparator, rule_word = "ge", "red_line"  # 守住298万亩耕地保护红线: a floor kept
        elif _GOAL_LISTED.fullmatch(head) and rules.goal_list.search(text, sent_start, clause_start):
            comparator, rule_word = "eq", "goal_list"  # 预期目标是，…，下岗失业人员再就业500万人
        elif _GOAL_LISTED.fullmatch(head) and before.lstrip().startswith(rules.modal_words) \
                and not after.strip() and number.kind in ("money", "quantity", "percent"):
            comparator, rule_word = "eq", "striven"  # 力争技术合同成交额3000亿元: what is striven for, the figure
        elif _BREAKDOWN.match(text, clause_start) and _GOAL_LISTED.fullmatch(EARLIER_TARGET.split(head)[-1]) \
                and _ANY_NUMBER.search(text, sent_start, clause_start):
            comparator, rule_word = "eq", "breakdown"  # 完成12家企业超低排放改造，其中水泥熟料企业4家、焦化企业2家
        elif number.kind == "quantity" and number.unit and (
                before.endswith("等") and (delivered := _NAMED_THEN_DELIVERED.match(after))
                or before.lstrip().startswith(tuple(rules.pace_verbs)) and not _is_measure(number.unit)
                and (delivered := _BUILD_AFTER.match(after))) \
                and _delivery_pattern(rules).match(delivered[2]):
            # 兰汀实验学校北校区等4所学校9月1日前建成启用; 加快6个抽水蓄能电站建设
            comparator, rule_word = "eq", "named_then_delivered"
        elif share:
            comparator, rule_word = "eq", "share"  # 优质公办幼儿园覆盖95%乡镇
        elif number.kind == "duration" and _PER_DAY.search(before) and _GUARANTEED.search(before):
            comparator, rule_word = "eq", "time_per_day"  # 保证中小学生每天一小时校园体育活动
        elif number.kind == "quantity" and rules.practical_matters[0].search(before.rstrip()) \
                and rules.practical_matters[1].match(after):
            comparator, rule_word, verb = "eq", "practical_matters", "办好"  # 办好15件民生实事
        else:
            return None
    comparator = comparator or "eq"

    counted = bool(number.unit) and number.unit[-1] in _COUNT_WORDS  # (5000张 took its measure word)
    indicator, ind_start = _indicator(text, clause_start, s, cmp_start, after, verb, rules, counted)
    if line:
        indicator, ind_start, end_of_target = line, s, e + after.index(line) + len(line)
    elif delivered:
        indicator, ind_start, end_of_target = delivered[2] + delivered[1], s, e + delivered.end(2)
    if head in rules.bare_indicator_verbs or head in rules.figure_first_heads:
        indicator, ind_start, words_end = _indicator_elsewhere(text, sent_start, clause_start, s - len(head), head,
                                                               after, rules, counted)
        end_of_target = max(end_of_target, e + words_end)
    if share:
        indicator, ind_start, end_of_target = share
    if rule_word == "time_per_day" and (words := _words_after(after, rules)):
        indicator, end_of_target = _GUARANTEED.sub("", indicator) + words, e + after.index(words) + len(words)
    if indicator.endswith(("总额", "规模", "总投资")) and after.startswith("的") \
            and (named := _TOTAL_OF_WHAT.match(after)):
        # 实施总额4万亿元的两年投资计划, 设立规模20亿元的市级产业引导母基金, 抓好总投资2万亿元的389个省重点
        # 项目: the total, or size, of what follows
        total = "总投资" if indicator.endswith("总投资") else indicator[-2:]
        indicator, end_of_target = named.group(1) + total, e + named.end()
    if rule_word == "grant" and _PER_RECIPIENT.search(before) and (
            named := _GRANTED.search(text, e, sent_end)
            or max(_GRANTED.finditer(text, sent_start, s), key=lambda m: m.start(), default=None)):
        indicator = named.group(1) + "标准"  # 按每孩每年3600元的标准发放育儿补贴: the allowance's rate
    if not indicator:
        return None
    indicator = _respective_indicator(text, clause_start, clause_end, s, rules) or indicator
    span = (ind_start, end_of_target)
    return Target(
        text=text[span[0]:span[1]],
        indicator=indicator,
        value=number.value,
        value_max=value_max,
        unit=number.unit,
        comparator=comparator,
        deadline=_deadline(text, sent_start, s, rules, plan_year),
        span=span,
        rule=f"targets.{comparator}.{rule_word or 'count'}.v1",
    )


def _reviewing(text: str, start: int, sent_start: int, rules: ExtractRules) -> bool:
    """Whether the last sentence of the paragraph up to this one that frames the time opens on the
    years behind (过去一年，…取得了很大成绩。国内生产总值增长10.3%) rather than on the plan (今年…)."""
    framing = None
    for at in [start] + [m.end() for m in _SENTENCE_BREAK.finditer(text, start, sent_start + 1)]:
        if at > sent_start:
            break
        if rules.review_paragraph.match(text, at):
            framing = "review"
        elif rules.forward_sentence.match(text, at):
            framing = "plan"
    return framing == "review"


def _share_of_set(clause_start, before, after, number, rules) -> tuple[str, int, int] | None:
    """(indicator, start, end) of a share of a set that the plan reaches: 覆盖全县80%以上的义务教育学校
    → 覆盖义务教育学校, 85%以上的村卫生室能够提供…方法 → 村卫生室能够提供…方法; None for anything else."""
    share_after = _SHARE_AFTER.match(after) or (
        _BARE_SHARE.match(after) if before.rstrip().endswith(rules.bare_share_verbs) else None)
    if number.kind != "percent" or not share_after:
        return None
    head = _DEADLINE_HEAD.sub("", before.rstrip())
    while (scope := next((w for w in rules.share_scopes if head.endswith(w)), None)) is not None:
        head = head[:-len(scope)]
    head = _MODAL_TAIL.sub("", _LEADING_NOISE.sub("", head).strip()) if head.strip() else ""
    if head and not head.endswith(rules.share_verbs):
        return None  # 护理型床位占比达到80%以上的养老机构: who qualifies
    of_set = after[share_after.end():].rstrip(" ，。；、")
    start = before.rfind(head) + clause_start if head else number.span[0]
    return head + of_set, start, number.span[1] + len(after.rstrip(" ，。；、"))


_SHARE_AFTER = patterns.compile(r"^(?:及)?以上的(?=\p{Han})")
_BARE_SHARE = patterns.compile(r"^的?(?!以上|以下|左右|以内|及以上)(?=\p{Han}{2})")


def _without_total(before: str, rules: ExtractRules) -> str:
    """The words before a figure without a closing word of sum (全国财政赤字合计|9500亿元)."""
    before = before.rstrip()
    return next((before[:-len(w)] for w in rules.total_words if before.endswith(w)), before)


def _frames_or_restates(text: str, clause_end: int, before: str, after: str, number: Number,
                        rules: ExtractRules) -> bool:
    """A figure that counts what the words around it announce or have just named, or that gives the
    time a clause's work takes: none of these is a goal of its own."""
    if number.kind == "quantity" and (text.startswith(("：", ":"), clause_end) and len(after.strip()) <= 4
                                      or before.endswith("以下") or after.strip() in _ANNOUNCED):
        return True  # 今年重点抓好五件事：一是…, 抓好以下五项工作: the count of the list that follows
    if number.kind == "duration":
        if before.endswith("用") and _TIME_AFTER.match(after):
            return True  # 用三年左右时间基本化解…: how long the work takes (its end is the deadline)
        if after.startswith("内") and after[1:].strip() and not _FRAME_BEFORE.sub("", before).strip():
            return True  # 今后三年内…, 在两年内基本完成…: the time frame of the clause
    if number.kind == "quantity" and not number.text[0].isdigit() and after.lstrip("“")[:1].isdigit() \
            or _COUNT_OF_FIGURES.search(before):
        return True  # 解决好三个1亿人问题: a formulation, both of its figures
    if number.kind == "quantity" and not number.text[0].isdigit() and isinstance(number.value, int) \
            and 2 <= number.value <= 5 and _listing(number.value).search(before) \
            and not any(before[m.end():m.end() + 1] not in "、和与及"
                        for m in _delivery_pattern(rules).finditer(before)):
        # 支持香港、澳门两个特别行政区, 打好煤矿瓦斯治理和矿山整顿两个攻坚战: the count of the items just
        # named (a verb ending an item, 治理, is part of its name; 新建A、B两所 delivers them)
        return True
    return False


_CIRCUMSTANCE_TAIL = patterns.compile(r"(?:将|预计|还将)?(?:高达|达到|达|超过|突破|将近|近|约)?")


def _counts_a_circumstance(before: str, rules: ExtractRules) -> bool:
    """今年高校毕业生将达727万人: the words before the figure are a circumstance noun and at most a
    forecast's verb."""
    words = _LEADING_NOISE.sub("", before.strip())
    noun = next((n for n in rules.circumstance_nouns if words.startswith(n)), None)
    return noun is not None and bool(_CIRCUMSTANCE_TAIL.fullmatch(words[len(noun):]))


_FUNDER_OBJECT = patterns.compile(r"[将把](?:中央财政|地方财政|各级财政|财政|中央)的?")
# what was counted, a date or time words at most, then the verb that delivers it (学校|9月1日前|建成启用)
_NAMED_THEN_DELIVERED = patterns.compile(r"(\p{Han}{1,3}?)(?:[\d年月日底前内]+)?(\p{Han}{2,4})(?=[，；。]|$)")
# …the counted noun, then the work on it that a verb of pace (加快) speeds (6个|抽水蓄能电站|建设)
_BUILD_AFTER = patterns.compile(r"(\p{Han}{2,12}?)(建设|改造|建成)(?=[，；。]|$)")
_OBJECT_MARK = patterns.compile(r"[将把](?:全国|全省|全市|全区|全县)?\s*$")
_DISPOSED = patterns.compile(r"^[^，；。]*(?:纳入|列入)")
_COUNT_OF_FIGURES = patterns.compile(r"[一二两三四五六七八九十]个“?$")
_ANNOUNCED = ("事", "大事", "工作", "项工作")  # 抓好三件事, 做好三项工作: announces what follows

_TIME_AFTER = patterns.compile(r"(?:左右)?(?:的)?时间")
_FRAME_BEFORE = patterns.compile(r"^(?:今后|在|力争|争取|要|将|并|再)+")


@functools.cache
def _listing(count: int) -> regex.Pattern:
    """`count` items joined by 、和与及, ending where the figure starts (香港、澳门|两个)."""
    return patterns.compile(rf"(?:[^、和与及，；：\s]{{1,8}}[、和与及]){{{count - 1}}}[^、和与及，；：\s]{{1,6}}$")


def _programme_after(after: str, rules: ExtractRules) -> bool:
    """The words after a figure are the rest of a programme's name: they end in its suffix at the
    clause's end or before 的 (八项行动的落实)."""
    words = _HAN_RUN.match(after)
    return bool(words) and words.group().rstrip("的").endswith(rules.programme_suffixes + rules.plan_name_suffixes)


_HAN_RUN = patterns.compile(r"\p{Han}{1,12}?(?:的|(?=[和及、]|\P{Han})|$)")  # (千家企业节能行动和…)


def _red_line(before: str, after: str, rules: ExtractRules) -> str:
    """The line a plan keeps (耕地保护红线) when a figure stands between a verb of keeping and it
    (守住298万亩耕地保护红线), else ""."""
    if not before.rstrip().endswith(tuple(rules.red_line_verbs)):
        return ""
    words = _words_after_span(after, rules)
    ends = [words.find(noun) + len(noun) for noun in rules.red_line_nouns if noun in words]
    return words[:min(ends)] if ends else ""


def _words_after(after: str, rules: ExtractRules) -> str:
    """What a figure counts when the words come after it: 左右的地市开展分级诊疗试点 → 地市开展分级诊疗试点."""
    return _ALL_OF.sub("", _words_after_span(after, rules))


def _words_after_span(after: str, rules: ExtractRules, counted: bool = False) -> str:
    """The words after the figure's comparator, measure word and 的, as written; "" when they are no noun
    (在20个县（市）开展…试点: a bracket may follow the first character)."""
    at = _comparator_after(after, rules)[1]
    if at == 0 and not counted and after[:1] in _MEASURE_WORDS:
        at = 1  # a measure word the number did not take (only right after it: 5个以上项目 keeps 项目)
    while at < len(after) and after[at] in " 的":
        at += 1
    words = after[at:at + _WORDS_AFTER_MAX]
    figure = _ANY_NUMBER.search(words)
    if figure and "、" in words[:figure.start()]:
        words = words[:words.rindex("、", 0, figure.start())]  # 新增1000处信号灯联网、累计达8000处
    return words if len(_HAN.findall(words[:6])) >= 2 and _HAN.match(words.lstrip("“")) else ""  # (“老工伤”人员)


_WORDS_AFTER_MAX = 20
_MEASURE_WORDS = "所个名家处项例座套台张条"
_COUNT_WORDS = set(_MEASURE_WORDS + "位人户辆次场批件支栋间块部类种层")  # what a count counts in, not a size


_ALL_OF = patterns.compile(r"(?<!首)都(?:能|要|将)")
_OBJECT = patterns.compile(r"\p{Han}{2,12}(?=[，,；;])")


def _indicator_elsewhere(text, sent_start, clause_start, ind_start, indicator, after, rules,
                         counted=False) -> tuple[str, int, int]:
    """An indicator that is only a verb or a preposition before the figure: the verb with the words
    after the figure, else the clause before in the same sentence when it has no figure of its own."""
    verb = "" if indicator in rules.figure_first_heads else indicator.removeprefix("拟")
    span = _words_after_span(after, rules, counted)
    if span:
        return verb + _ALL_OF.sub("", span), ind_start, after.index(span) + len(span.rstrip())
    core = verb.removeprefix("先")
    named = text.rfind(core, sent_start, clause_start) if core else -1
    obj = _OBJECT.match(text, named + len(core), clause_start) if named >= 0 else None
    if obj:  # 发行超长期特别国债，…，今年先发行1万亿元: the verb's object named earlier
        return obj.group(), obj.start(), 0
    previous_start, _ = _bounds(_CLAUSE_BREAK, text, sent_start, clause_start, max(sent_start, clause_start - 1))
    previous = text[previous_start:max(previous_start, clause_start - 1)]
    if previous and (line := _budget_line_first(previous, rules)):
        # 中央财政支出将由上年18亿元增加到95亿元，明年将安排200亿元: the budget line the clause before sets
        return line.group(), previous_start + line.start(), 0
    if not previous or regex.search(r"\d", previous):
        return "", ind_start, 0
    stripped = _LEADING_NOISE.sub("", previous)
    return stripped, previous_start + len(previous) - len(stripped), 0


def _budget_line_first(clause: str, rules: ExtractRules) -> regex.Match | None:
    """The budget line (…支出, …资金) that opens a clause with a figure of its own, noise words left out."""
    words = _HAN_WORDS.match(clause)
    if not words or not regex.search(r"\d", clause):
        return None
    stripped = _LEADING_NOISE.sub("", words.group())
    for noun in _longest_first(rules.plan_amount_nouns):
        at = stripped.find(noun)
        if at >= 0:
            start = words.end() - len(stripped)
            return _HAN_WORDS.match(clause, start, start + at + len(noun))
    return None


_HAN_WORDS = patterns.compile(r"\p{Han}+")


@functools.cache
def _verb_words(rules: ExtractRules) -> tuple[str, ...]:
    """The verbs of verbs.tsv of two characters or more, built once (a list shares its verb per figure)."""
    return tuple(v for v in rules.verbs if len(v) >= 2)


@functools.cache
def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def _respective_indicator(text: str, clause_start: int, clause_end: int, num_start: int,
                          rules: ExtractRules) -> str | None:
    """二氧化硫、氮氧化物排放分别减少3%左右和5%左右: the i-th figure after 分别 is the i-th listed
    indicator's, with the words the list shares (排放) after the last one; None elsewhere."""
    clause = text[clause_start:clause_end]
    at = clause.find("分别")
    if at < 0 or clause_start + at > num_start:
        return None
    parts = clause[:at].split("、") if "、" in clause[:at] else _LIST_SEPARATOR.split(clause[:at])
    goes_to = min((i for w in _to_comparators(rules) if (i := clause.find(w, at)) >= 0), default=-1)
    if goes_to >= 0 and clause_start + goes_to < num_start:
        at = goes_to  # 分别从每人每月209元、280元提高到229元、300元: the goals are the figures after 提高到
    figures = [clause_start + m.start() for m in _FIGURE.finditer(clause, at)
               if not clause.startswith("年", m.end())]  # (分别比2024年下降3%: the year is the base)
    if len(figures) == len(parts) + 1 and (joined := _LAST_JOINED.match(parts[-1])):
        parts[-1:] = [joined.group(1), joined.group(2)]  # 早籼稻、中晚籼稻和粳稻…分别提高3分、5分和1毛
    items = [_LEADING_NOISE.sub("", _DEADLINE_HEAD.sub("", part)) for part in parts]
    if len(items) < 2 or len(figures) != len(items) or num_start not in figures or not all(items):
        return None
    first, last = items[0], items[-1].rstrip(_SHARED_TAIL_END)
    shared = _shared_tail(first, last, rules)
    i = figures.index(num_start)
    return last if i == len(items) - 1 else items[i] + shared


_FIGURE = patterns.compile(r"\d+(?:\.\d+)?")
_LAST_JOINED = patterns.compile(r"^([^和及]+)[和及](.+)$")
_SHARED_TAIL_END = "要将均都需应"


_FREQUENCY = patterns.compile(r"每(?:年|季度|半年|月|周|季)")
_PER_DAY = patterns.compile(r"每(?:天|日|周)$")
_GUARANTEED = patterns.compile(r"^\s*(?:保证|确保)")


def _is_count(number: Number, after: str, verb: str, rules: ExtractRules, before: str = "") -> bool:
    """建设12所, 引进…300名, 安排专项资金3000万元: a count or an amount the plan delivers; not the
    五个方面 an evaluation covers, nor 一、二级 grades."""
    if number.kind == "money":
        return verb in rules.funding_verbs
    if number.unit == "次" and _FREQUENCY.search(before):
        return True  # 每季度开展1次专项督查: how often, a commitment
    if number.kind != "quantity" or number.unit in rules.not_count_units:
        return False
    return not _counted_kind(rules).match(after.lstrip())  # (五个方面, 十条支持措施, 三项基本任务)


@functools.cache
def _counted_kind(rules: ExtractRules) -> re.Pattern:
    """A noun of not_counted_nouns after a count, with at most a two-character modifier before it."""
    return patterns.compile(r"\p{Han}{0,2}?(?:" + any_of(rules.not_counted_nouns) + ")")


def _reports_past(sentence: str) -> bool:
    """增长了5.2%, 完成了…: a verb with the perfective 了 reports a result."""
    return bool(_PERFECTIVE.search(sentence))


def _starts_with_past_year(sentence: str, plan_year: int) -> bool:
    """2022年，全市…增长15.3%: a sentence about a past year. 在2023年…的基础上，新增… states a
    baseline and goes on to the goal."""
    if _BASELINE.match(sentence):
        return False
    match = _PAST_YEAR_HEAD.match(sentence)
    return bool(match) and int(match.group(1)) < plan_year


def _comparator_before(before: str, rules: ExtractRules, changes: bool) -> tuple[str | None, str | None, int | None]:
    """Comparator word closest to the number (不低于50%, 提高到90%左右): its comparator and start."""
    best = None
    offset = max(0, len(before) - _COMPARATOR_REACH)
    before = before[offset:]  # a comparator stands within a few words of its figure
    pairs = _comparator_words_before(rules, changes)
    # (each word's last place, found for all words in one map(): most stand nowhere near a figure)
    for (word, comparator), idx in zip(pairs, map(before.rfind, _first_words(rules, changes)), strict=True):
        if idx == -1 or word == "达" and before[idx + 1:idx + 2] in ("标", "人", "成") \
                or word == "约" and before[idx - 1:idx] in _BOUND_BEFORE_约 \
                or word in rules.adjacent_comparators and before[idx + len(word):]:
            continue  # 达标率, 网络达人, 家庭医生签约服务: 达 or 约 inside a word compares nothing
        # 提高到每人每月780元和|620元: figures listed before this one share the comparator
        gap = _LISTED_FIGURES.sub("", before[idx + len(word):])
        if len(gap) > (14 if gap.endswith("的") else 6) or _CLAUSE_BREAK.search(gap):
            continue
        # the word ending nearest the number wins; at the same end the longer (不低于 over 低于)
        if best is None or (idx + len(word), len(word)) > (best[2] + len(best[1]), len(best[1])):
            best = (comparator, word, idx)
    if best is None:
        return None, None, None
    return best[0], _rule_name(best[1]), best[2] + offset


_COMPARATOR_REACH = 48  # characters before a figure where its comparator may stand (lists included)
_BOUND_BEFORE_约 = tuple("签预节制公合条集特邀履违相契")  # (签约, 预约, 节约…: 约 is part of the word)


@functools.cache
def _comparator_words_before(rules: ExtractRules, changes: bool) -> tuple[tuple[str, str], ...]:
    return tuple({**rules.comparators_before, **(rules.comparators_change if changes else {})}.items())


@functools.cache
def _first_words(rules: ExtractRules, changes: bool) -> tuple[str, ...]:
    return tuple(word for word, _ in _comparator_words_before(rules, changes))


_LISTED_FIGURES = patterns.compile(r"(?:\d+(?:\.\d+)?\s*[%‰\p{Han}]{0,4}?(?:左右|以上|以内)?[、和及])+$")


def _comparator_after(after: str, rules: ExtractRules) -> tuple[str | None, int]:
    for word in sorted(rules.comparators_after, key=len, reverse=True):
        if after.startswith(word):
            if word == "内" and after.startswith("内容"):
                continue
            return rules.comparators_after[word], len(word)
    return None, 0


def _rule_name(word: str) -> str:
    names = {"不低于": "not_below", "不少于": "not_below", "至少": "at_least", "达到": "reach", "达": "reach",
             "超过": "exceed", "突破": "exceed", "高于": "exceed", "不超过": "not_above", "最高": "maximum",
             "控制在": "keep_within", "低于": "below", "约": "about", "保持": "keep"}
    return names.get(word, "word")


def _delivery_verb(before: str, rules: ExtractRules, number: Number | None = None) -> str | None:
    """The verb of a count of things to deliver (建设…等12所, 引进…300名); for a count with a
    measure word, any verb of verbs.tsv in `delivery_categories` too (补植行道树1500株, 招收…120名)."""
    # 接待游客6500万人次、实现旅游总收入720亿元: a verb of the figure's own beats one of an earlier
    # figure, which still serves a figure with none (新建幼儿园3所、中小学5所)
    before = _WORD_ASIDE.sub("", before)  # 新（改）建, 加装（更新）: the verb is the word around the aside
    before = _TOTAL_IN_HEAD.sub("", before)  # 抓好总投资2万亿元的389个…: 投资 is the total's, 抓好 the count's
    before = _QUOTED_WORDS.sub("“”", before)  # 筹措供应“新时代城市建设者管理者之家”床位: no verb inside a name
    listed = _delivery_pattern(rules).findall(EARLIER_TARGET.split(before)[-1]) \
        or _delivery_pattern(rules).findall(before)
    if number is not None and number.kind == "money" and (
            funding := next((v for v in listed if v in rules.funding_verbs and before.rstrip().endswith(v)), None)):
        return funding  # 中小企业发展专项资金安排106亿元: the money is delivered by 安排, not by 发展 in its name
    if listed:
        return max(listed, key=len)  # the longest named (新建改扩建 over 新建)
    if number is None or not number.unit or number.kind == "money":
        return None  # 畅通12345, 办好2026…: a number with no measure word counts nothing delivered
        # (an amount of money is delivered only by the funding verbs)
    found = _category_delivery_pattern(rules).findall(before)
    return max(found, key=len) if found else None


_WORD_ASIDE = patterns.compile(r"(?<=\p{Han})[（(]\p{Han}{1,2}[）)](?=\p{Han})")


@functools.cache
def _delivery_pattern(rules: ExtractRules) -> re.Pattern:
    return re.compile(any_of(rules.delivery_verbs))


@functools.cache
def _category_delivery_pattern(rules: ExtractRules) -> re.Pattern:
    return re.compile(any_of(v for v, c in rules.verbs.items() if c in rules.delivery_categories and len(v) >= 2
                             and v not in rules.not_delivery_verbs))


# 基础养老金最低标准每人每月再提高10元, 最低标准提高20元, 高校生均经费增加1000元, 最低收购价平均每50公斤分别
# 提高7.4元, 粳稻每斤分别提高1毛: an amount the plan adds to a standard or a price (per jin, per kWh) is a
# change of its own
_INCREMENT_BEFORE = patterns.compile(
    r"(?:再|(?:标准|价|生均|人均|每\d*(?:斤|公斤|吨|千瓦时|立方米))[^，,；;。]{0,12}?)(?:提高|增加|降低|减少|压减)$")
_THIS_YEAR_TURN = patterns.compile(r"(?<=[，；,;])\s*(?:今年|明年)(?!以来)")
_COMPARED_WITH_LAST_YEAR = patterns.compile(r"(?:比|较|高于|低于|大于|小于)(?:去年|上年)")
_FROM_BASELINE = patterns.compile(
    r"(?:由|从)[^，；。由从]{0,12}?\d[\d.]*\s*[%‰\p{Han}]{0,4}?(?=(?:提高|提升|增加|增长|降低|下降|扩大|压减|压缩|压降|减少)?(?:到|至))"
    r"|在[^，；。在]{0,12}?\d[\d.]*\s*[%‰\p{Han}]{0,4}?的?基础上"
    r"|从(?:去年|上年)[^，；。从]{0,10}?中(?=安排|拿出|调入|动用)")  # 从去年超收收入中安排: where money comes from
_BASELINE_FROM = patterns.compile(r"(?:由|从)[^，；。由从\d]{0,8}(?:\d[\d.]*\p{Han}{0,2}、)*$")


@functools.cache
def _goes_on_pattern(rules: ExtractRules) -> re.Pattern:
    # after a starting figure: the other starting figures of its list (、280元) and the noun it counts
    # (县（市）), then the word of the level it changes to
    return patterns.compile(r"^\s*(?:、\d[\d.]*\p{Han}{0,2}?)*(?:\p{Han}{1,4}?(?:（[^（）]{1,6}）)?)??"
                            + f"(?:{any_of(_to_comparators(rules))})")


def _goes_on_to(after: str, rules: ExtractRules) -> bool:
    """The words after a starting figure go on to the level it changes to (…提高到, …扩大到)."""
    return bool(_goes_on_pattern(rules).match(after))


_BASELINE_HEAD = patterns.compile(r"^(\p{Han}{2,}?)(?:由|从)[^，；。]*\d[^，；。]*$")
# 城镇化率在去年53.8%的基础上再提高…: the indicator before the baseline
_BASELINE_TAIL = patterns.compile(r"^(\p{Han}{2,}?)在[^，；。在]*\d[^，；。]*基础上\p{Han}{0,3}$")


@functools.cache
def _to_comparators(rules: ExtractRules) -> tuple[str, ...]:
    """提高到, 压缩至 …: the comparators that name the level a change goes to."""
    return tuple(w for w in rules.comparators_before if w.endswith(("到", "至")))


def _indicator(text, clause_start, num_start, cmp_start, after, verb, rules, counted=False) -> tuple[str, int]:
    """What is counted or measured, as a phrase of the text, and where the target text starts."""
    # (实施10大类|60项民生实事项目, 抓好总投资2万亿元的|389个省重点项目: what sorts or totals the count)
    whole = head = _TOTAL_IN_HEAD.sub("", _KINDS_BEFORE.sub("", text[clause_start:num_start]))
    if cmp_start is not None:
        head = head[:cmp_start]
        word = max((w for w in rules.comparators_before if whole.startswith(w, cmp_start)), key=len, default="")
        between = whole[cmp_start + len(word):]
        if not _LEADING_NOISE.sub("", _DEADLINE_HEAD.sub("", head)).strip():
            # 今年拟安排财政赤字1.2万亿元: the comparator word comes first, the indicator after it
            clause_start, head = clause_start + cmp_start + len(word), between
        elif word.removeprefix("拟") in rules.funding_verbs and _TWO_HAN.search(between):
            head += between  # 中央财政拟安排“三农”投入8183亿元: who funds, and what
    earlier = next(reversed(list(EARLIER_TARGET.finditer(head))), None)
    shared_verb = ""
    if earlier is not None and _TWO_HAN.search(head, earlier.end()):
        # (分别给予奖励200万元、50万元: nothing of its own, the second shares the first's words)
        own = head[earlier.end():]
        if verb and verb not in rules.stative_verbs and verb not in rules.modal_words and verb not in own \
                and not own.startswith(_verb_words(rules)) \
                and regex.search(rf"{regex.escape(verb)}(?![值量额率])", head[:earlier.end()]):
            # 淘汰钢铁2700万吨、水泥4200万吨: 淘汰水泥; not a modal (确保粮食播种面积…、总产量…), a verb
            # inside a noun (工业增加值增长6%、社会消费品零售总额增长8%) nor over a verb of the figure's
            # own (节约能源60万吨标准煤、减少二氧化碳排放150万吨)
            shared_verb = verb
        clause_start, head = clause_start + earlier.end(), head[earlier.end():]
    moved = _BASELINE_HEAD.match(head) or _BASELINE_TAIL.match(head)
    if moved:
        head = moved.group(1)  # 城乡居民医保财政补助由每人每年420元提高到450元: 补助 is measured
    stripped = _LEADING_NOISE.sub("", _DEADLINE_HEAD.sub("", head))
    offset = clause_start + len(head) - len(stripped)
    stripped = _BASE_YEAR_TAIL.sub("", stripped)  # 排放总量分别比2024年(下降3%): the base is no part of it
    indicator = stripped.rstrip("的为是在")
    if indicator.endswith("按") and len(indicator) > 1:
        indicator = indicator[:-1]  # 小排量汽车购置税按7.5%征收: the rate is the tax's
    indicator = _MODAL_TAIL.sub("", indicator)  # 专项转移支付项目要减少…: 要 is no part of it
    indicator = _without_total(indicator, rules)  # (全国财政赤字合计9500亿元)
    if indicator.startswith("完成") and not verb_counts(indicator, after):
        indicator, offset = indicator[2:], offset + 2  # 完成国民体质监测有效样本1000例: the sample counts
    budget = next((indicator[:-len(f)] for f in rules.funding_verbs if indicator.endswith(f)
                   and indicator[:-len(f)].endswith(rules.plan_amount_nouns)), "")
    if budget:
        return budget, offset  # 中央预算内投资安排6400亿元: the budget line, not the verb that sets it
    head_noun = indicator[:-len(verb)] if verb and indicator.endswith(verb) else ""
    if head_noun and verb in rules.plan_amount_nouns and head_noun not in rules.verbs \
            and head_noun not in rules.delivery_verbs:
        return indicator, offset  # 水利投资220亿元: 投资 is the noun a field names, not a verb
    if verb and verb in indicator and not (cmp_start is not None and indicator.find(verb) >= 2):
        # (全社会研发经费投入增长12%, 把外商投资限制类条目缩减一半: with a comparator, a verb inside
        # the words is part of a noun and the words stand whole)
        # 建设瞭望山路幼儿园、玉泉路幼儿园等12所公办幼儿园 → 建设公办幼儿园; the names alone, with the count
        # after them (建成石门、桃坪、白沙三个和美乡村示范村), the same
        noun_after = _noun_after(after, rules, counted)
        if indicator.endswith(verb) and not noun_after and _OBJECT_FIRST.fullmatch(indicator[:-len(verb)]) \
                and not any(w in indicator[:-len(verb)] for w in rules.setting_words) \
                and not indicator[:-len(verb)].endswith(tuple(rules.modifiers)):  # (基本|建成: how, not what)
            return indicator.strip(), offset  # 退化林修复1.1万亩: the object written before its verb
        verb_at = indicator.find(verb)
        named = indicator[verb_at + len(verb):]
        # (新建3所幼儿园、2所小学 and 新建3所幼儿园和2所小学: the verb is shared, the noun is the figure's own)
        if noun_after and (not named.strip() or "等" in indicator or "、" in named
                           or named.endswith(("和", "及")) and _ANY_NUMBER.search(named)):
            return verb + noun_after.group(0), offset + verb_at
        listed = _LIST_HEAD.search(indicator)
        if listed:
            return verb + indicator[listed.end():], offset + verb_at
        return indicator[verb_at:], offset + verb_at
    return shared_verb + indicator.strip() if indicator.strip() else "", offset


# the words before a verb that ends an indicator, when they are its object (退化林|修复), not who, how
# often or where (每个乡镇|打造, 能够|提供, 专属网格由所在单位|明确)
_OBJECT_FIRST = patterns.compile(r"(?!能够)[^\d，,、（）()由从将把对为每]{2,}")


def _noun_after(after: str, rules: ExtractRules, counted: bool = False):
    """The noun a count is of (建设…12所公办幼儿园, 再开工27个项目, 新建5个以上紧密型城市医疗集团), not a
    comparator (700万套以上)."""
    word = max((w for w in rules.comparators_after if after.startswith(w)), key=len, default="")
    if word.endswith("内"):
        return None  # 诊断报告2小时内出具: a time limit, the words after it are what is done in time
    after = after[len(word):].removeprefix("的")
    if not counted and after[:1] in _MEASURE_WORDS and _TWO_HAN.match(after, 1):
        after = after[1:]  # a measure word the number did not take (新增5000张家庭养老床位: 家庭 is a word)
    quoted = _QUOTED_NOUN.match(after)
    if quoted:  # 新建100个“15分钟高品质生活服务圈”: the noun is a quoted name
        return quoted
    described = _DESCRIBED_NOUN.match(after)
    if described:  # 打造40个吸引力强、带动面广的消费场景: the noun after the listed descriptions
        return _NOUN.match(after, described.start(1))
    noun = _CLASSED_NOUN.match(after) or _NOUN.match(after)  # (100家营业收入超50亿元的链主企业)
    if noun and noun.group().endswith(("和", "及")) and _ANY_NUMBER.match(after, noun.end()):
        return _NOUN.match(after, 0, noun.end() - 1)  # 新建3所幼儿园和2所小学: the next count is not its noun
    return noun


def verb_counts(indicator: str, after: str) -> bool:
    """True when a noun follows the count (完成…等3所学校): then the verb belongs to the indicator."""
    return bool(_COUNTED_NOUN.match(after))


def _deadline(text, sent_start, num_start, rules: ExtractRules, plan_year):
    """到2025年 → 2025; 2024年6月底前 → '2024-06-30'; 年底前 → the plan year; else None."""
    window = text[sent_start:num_start]
    best = None
    for pattern in rules.deadline_patterns:
        for m in pattern.finditer(window):
            if best is None or m.start() > best.start():
                best = m
    if best is None:
        return None
    groups = best.groupdict()
    if groups.get("this_year"):
        return plan_year
    year = int(groups["year"])
    if groups.get("month"):
        month = int(groups["month"])
        return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    return year
