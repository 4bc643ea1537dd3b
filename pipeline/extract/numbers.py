"""Numeric expressions: Arabic, full-width or Chinese numerals with their unit and kind.

Chinese numerals are only read inside a detected expression (a measure word, 第, 百分之, 年 …
around them), never converted globally, so 统一 and 两会 stay words.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

import regex

from pipeline import patterns
from pipeline.numerals import to_int
from pipeline.patterns import any_of
from pipeline.resources import ExtractRules

_CN = "零〇○一二两三四五六七八九十百千万亿"
_CN_DIGITS = "〇○零一二三四五六七八九"
_AR = r"\d+(?:,\d{3})*(?:[.．]\d+)?"
_MAG = r"(?:万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千(?!克|米|瓦|伏|帕))"  # (千克, 千米: a unit, not a thousand)
_MAG_END = patterns.compile(_MAG + "$")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_GLYPH_VARIANTS = {"％": "%"}  # full-width signs of units that have a half-width one
_MAGNITUDE = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8, "千万": 1e7, "百万": 1e6,
              "十万": 1e5, "万": 1e4, "千": 1e3}


@dataclass(frozen=True)
class Number:
    text: str
    value: float | int | None
    unit: str | None
    kind: str
    span: tuple[int, int]
    rule: str
    scalar: float | None = None  # value in base units when the unit carries a magnitude (万元 → 元)


def parse_numeral(text: str) -> float | int | None:
    """'1.3' → 1.3, '１２' → 12, '十四' → 14, '一百零五' → 105, '2,000' → 2000, '3万' → 30000."""
    text = text.translate(_FULLWIDTH).replace(",", "").strip()
    if not text:
        return None
    magnitude = 1.0
    for prefix, factor in _MAGNITUDE.items():
        if text.endswith(prefix) and len(text) > len(prefix) and (text[0].isdigit() or text[0] == "."):
            text, magnitude = text[: -len(prefix)], factor
            break
    if _DECIMAL.fullmatch(text):
        value = float(text) * magnitude
    else:
        converted = _cn_value(text)
        if converted is None:
            return None
        value = converted * magnitude
    return int(value) if float(value).is_integer() else value


def _cn_value(text: str) -> int | None:
    """Chinese numerals with 万/亿 sections: 一千二百万 → 12000000."""
    if "亿" in text:
        high, _, low = text.partition("亿")
        high_v = _cn_value(high) if high else 1
        low_v = _cn_value(low) if low else 0
        return None if high_v is None or low_v is None else high_v * 100000000 + low_v
    if "万" in text:
        high, _, low = text.partition("万")
        high_v = to_int(high) if high else 1
        low_v = to_int(low) if low else 0
        return None if high_v is None or low_v is None else high_v * 10000 + low_v
    return to_int(text)


_MAG_TAIL = patterns.compile(_MAG + "$")
_AT_LEAST = patterns.compile(r"(?:至少|不少于|最少)有?$")
_DECIMAL = patterns.compile(r"\d+(?:\.\d+)?")


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


_ROMAN = "ⅠⅡⅢⅣⅤ"
_ALTERNATIVE_UNIT = patterns.compile(r"（\p{Han}）")
_STANDARD_CODE = patterns.compile(r"(?<![A-Za-z])(?:GB|DB|HJ|JT|JGJ|CJJ)(?:/T)?\s*\d+(?:\.\d+)?(?:\s*[—-]\s*\d{4})?")
_NOTE_OPEN, _NOTE_CLOSE = ("［", "["), ("］", "]")
_SERVICE_NUMBER = patterns.compile(r"12\d{3}")  # the state's five-digit service numbers (12345, 12315, 12123 …)
_HOTLINE_AFTER = patterns.compile(r"\p{Han}{0,8}?(?:热线|电话)")


# 每半年开展一次, 每个乡镇由政府办好一所卫生院, 每天一小时: one for each, a count (the guide's article
# reading of 一个/一项 stops at the clause)
_EACH_BEFORE = patterns.compile(r"每[^，,；;。：:]*$")
_PLAIN_DIGITS = patterns.compile(r"[一二两三四五六七八九]+")  # digits with no 十百千万 between them


class NumberFinder:
    """Compiled patterns for one set of rules (units, fixed words)."""

    def __init__(self, rules: ExtractRules):
        self.rules = rules
        unit_alt = any_of(rules.units)
        num = rf"(?:{_AR}{_MAG}?|[{_CN}]+)"
        cn_year = rf"[{_CN_DIGITS}]{{4}}"
        month = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
        day = r"(?:3[01]|[12]\d|0?[1-9]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])"
        dash = r"\s*[-—－–~～至到]\s*"
        # every alternative opens with a digit, a Chinese numeral, 第 or 百: the look-ahead lets the
        # engine skip the other characters at once instead of trying twelve alternatives on each
        self.pattern = patterns.compile(
            rf"(?=[\d{_CN}第百半ⅠⅡⅢⅣⅤ])(?:" + "|".join([
                rf"(?P<date_range>(?:(?:\d{{4}}|{cn_year})\s*年\s*)?{month}\s*月?{dash}{month}\s*月(?!\s*{day}\s*[日号]))",
                rf"(?P<date>(?:(?:\d{{4}}|{cn_year})\s*年\s*)?{month}\s*月\s*{day}\s*[日号]|(?:\d{{4}}|{cn_year})\s*年\s*{month}\s*月(?!\s*{day}\s*[日号]))",
                rf"(?P<year_range>(?:19|20)\d{{2}}\s*年?{dash}(?:19|20)\d{{2}}\s*年?(?:度)?)",
                rf"(?P<pct_range>{_AR}\s*[%％]?{dash}{_AR}\s*[%％])",
                # 师生比不低于1:4000, 医护比1:1.25, 总产值比2.5:1: a ratio to one is the figure of its other side
                rf"(?P<ratio>(?<![\d.:：])(?:1\s*[:：]\s*{_AR}|{_AR}\s*[:：]\s*1)(?![\d.:：]))",
                # 300元至600元: a range whose unit is written at both ends
                # (18万—20万批次: with the same magnitude at both ends)
                rf"(?P<range>{_AR}(?P<range_mag>{_MAG})?\s*(?P<range_first>{unit_alt})?{dash}{_AR}"
                rf"(?(range_mag)(?P=range_mag))\s*"
                rf"(?(range_first)(?P=range_first)|(?P<range_unit>{unit_alt})))",
                rf"(?P<year>(?:(?:19|20)\d{{2}}|{cn_year})\s*年(?![度]?[-—－–~～至到]\s*\d)(?!代))",
                r"(?P<plan_period>(?<![一二三四五六七八九十])十[一二三四五六七八九]五(?![年个]))",
                rf"(?P<ordinal>第\s*(?:{_AR}|[{_CN}]+)\s*(?:届|期|批|次|轮|个|条|款|项|名|位|季度|阶段|部分|章|节|号|站|代|类|级|年)?)",
                # 国家5A级旅游景区, 五星级饭店: a rating, read as an ordinal
                r"(?P<rating>(?:\d|[一二三四五])\s*(?:A级|星级|等奖|等功)|[ⅠⅡⅢⅣⅤ]级)",
                # 每半年: half a year or a month is a duration (上半年, 下半年: a time of the year)
                r"(?P<half>(?<![上下])半(?:年|个月)(?!度))",
                # 国办发〔2019〕5号: the year of a document number is part of a code
                r"(?P<doc_year>(?<=[〔［\[])(?:19|20)\d{2}(?=[〕］\]]))",
                r"(?P<code>\d(?:\s*\+\s*(?:\d|[NnXx]))+(?![A-Za-z\d])|\d{1}G(?![A-Za-z]))",
                rf"(?P<percent_words>百分之[{_CN}]+|百分之{_AR})",
                # 减少三分之一, 缩减一半: a share written as a fraction, read as a percent
                rf"(?P<fraction>(?P<f_den>[{_CN}]+|{_AR})分之(?P<f_num>[{_CN}]+|{_AR})|一半)",
                # 23时, 次日2时: a time of day (date, no value)
                r"(?P<clock>(?:[01]?\d|2[0-4])\s*时(?![间期代候刻段效尚政事机节髦速长]))",
                rf"(?P<measured>(?P<m_num>{num})\s*(?P<m_more>多|余)?\s*(?P<m_unit>{unit_alt}))",
                rf"(?P<bare>{_AR}(?P<b_more>[多余])?{_MAG}?)",
            ]) + ")"
        )
        # a plain list of words: the standard library's engine scans it several times faster
        self.fixed = re.compile(any_of(rules.fixed_words))
        self.units = rules.units

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Number]:
        """Numbers in text[start:end], spans as offsets into text.

        >>> [n.text for n in finder.find("建设12所公办幼儿园，优质园占比不低于50%")]
        ['12所', '50%']
        """
        end = len(text) if end is None else end
        blocked = set()
        for match in self.fixed.finditer(text, start, end):
            blocked.update(range(match.start(), match.end()))
        found = []
        for match in _STANDARD_CODE.finditer(text, start, end):
            blocked.update(range(match.start(), match.end()))  # GB/T 30600—2022: a standard's number
        for match in self.pattern.finditer(text, start, end):
            if blocked.intersection(range(match.start(), match.end())) and match.lastgroup != "fraction" \
                    and not (match.lastgroup == "ordinal" and match.start() not in blocked):
                continue  # (之一 is masked as "one of", but 三分之一 is a fraction; 第|二十届 is an ordinal)
            if match.lastgroup == "bare" and (_HOTLINE_AFTER.match(text, match.end(), end)
                                              or text.endswith(("热线", "电话"), start, match.start())):
                continue  # 12345政务服务便民热线, 森林火警电话12119: a hotline's number is its name
            if match.lastgroup == "bare" and _SERVICE_NUMBER.fullmatch(match.group(0)):
                continue  # 交管12123, 12315平台: a public service's number names it
            if match.lastgroup == "bare" and text[match.start() - 1:match.start()] in _NOTE_OPEN \
                    and text[match.end():match.end() + 1] in _NOTE_CLOSE and match.start() > start:
                continue  # “两新”［15］政策: the number of a note explaining a term
            number = self._number(match, text)
            if number is not None and number.unit in _GLYPH_VARIANTS:
                # 4.6％ and 4.6% are one unit: the text keeps the glyph, the unit is compared as one
                number = dataclasses.replace(number, unit=_GLYPH_VARIANTS[number.unit])
            if number is not None:
                found.append(number)
        return found

    def _number(self, match: re.Match, text: str) -> Number | None:
        kind_group = match.lastgroup
        span = (match.start(), match.end())
        surface = match.group(0)
        before = text[span[0] - 1] if span[0] > 0 else ""
        after = text[span[1]] if span[1] < len(text) else ""
        if kind_group == "half":
            return Number(surface, 0.5, surface[1:], "duration", span, "numbers.duration.v1")
        if kind_group == "rating":
            if surface[0] in _ROMAN:  # Ⅳ级应急响应: a level, in Roman numerals
                return Number(surface, _ROMAN.index(surface[0]) + 1, "级", "ordinal", span, "numbers.rating.v1")
            unit = next(u for u in ("A级", "星级", "等奖", "等功") if u in surface)
            return Number(surface, parse_numeral(surface[0]), unit, "ordinal", span, "numbers.rating.v1")
        if kind_group != "code" and (_latin(before) or (_latin(after) and kind_group != "measured")):
            return None  # PM2.5, F1, 4A: part of a name
        if kind_group in ("date", "date_range", "clock"):
            return Number(surface, None, None, "date", span, f"numbers.{kind_group}.v1")
        if kind_group == "year_range":
            return Number(surface, int(regex.search(r"\d{4}", surface).group(0)), "年", "year_range", span,
                          "numbers.year_range.v1")
        if kind_group == "ratio":
            left, right = (parse_numeral(side.strip()) for side in regex.split(r"[:：]", surface))
            return Number(surface, left if right == 1 else right, None, "quantity", span, "numbers.ratio.v1")
        if kind_group == "pct_range":
            return Number(surface, parse_numeral(regex.match(_AR, surface).group(0)), "%", "percent", span,
                          "numbers.percent_range.v1")
        if kind_group == "range":
            unit = match["range_unit"] or match["range_first"]
            kind = self.units[unit][0]
            unit = (match["range_mag"] or "") + unit
            return Number(surface, parse_numeral(regex.match(_AR, surface).group(0)), unit,
                          "duration" if kind == "duration" else kind, span, "numbers.range.v1")
        if kind_group == "year":
            digits = surface.rstrip("年").strip()
            return Number(surface, to_int(digits), "年", "year", span, "numbers.year.v1")
        if kind_group == "plan_period":
            return Number(surface, to_int(surface[:-1]), None, "plan_period", span, "numbers.plan_period.v1")
        if kind_group == "ordinal":
            core = regex.search(rf"{_AR}|[{_CN}]+", surface).group(0)
            return Number(surface, parse_numeral(core), None, "ordinal", span, "numbers.ordinal.v1")
        if kind_group == "code":
            return Number(surface, int(surface[0]), None, "code", span, "numbers.code.v1")
        if kind_group == "doc_year":
            return Number(surface, int(surface), None, "code", span, "numbers.doc_number_year.v1")
        if _latin(before):
            return None
        if kind_group == "percent_words":
            return Number(surface, parse_numeral(surface[3:]), "%", "percent", span, "numbers.percent_words.v1")
        if kind_group == "fraction":
            if surface == "一半":
                share = 50
            else:
                numerator, denominator = parse_numeral(match["f_num"]), parse_numeral(match["f_den"])
                if not numerator or not denominator or numerator > denominator:
                    return None
                share = round(100 * numerator / denominator, 2)
            return Number(surface, int(share) if float(share).is_integer() else share, "%", "percent", span,
                          "numbers.fraction.v1")
        if kind_group == "measured":
            return self._measured(match, span, text)
        if kind_group == "bare":
            if before == "第" or after and after in "年型号":
                return None  # 2型糖尿病, 12号: a name, not an amount
            magnitude = _MAG_TAIL.search(surface)
            if match["b_more"] and not magnitude:
                match_end = span[1] - 1  # 20多: the 多 belongs to the words after, not to the number
                return Number(surface[:-1], parse_numeral(surface[:-1]), None, "quantity", (span[0], match_end),
                              "numbers.bare.v1")
            if magnitude:  # 1000万 (people), 20多万: value and unit as written, the scalar in ones
                base = surface[:magnitude.start()].rstrip("多余")
                return Number(surface, parse_numeral(base), magnitude.group(0), "quantity", span, "numbers.bare.v1",
                              scalar=parse_numeral(surface.replace("多", "").replace("余", "")))
            return Number(surface, parse_numeral(surface), None, "quantity", span, "numbers.bare.v1")
        return None

    def _measured(self, match: re.Match, span: tuple[int, int], text: str) -> Number | None:
        numeral, unit = match["m_num"], match["m_unit"]
        chinese = not numeral[0].isdigit()
        # 一期工程, 二期: the phase of a works, an ordinal; 一级 (一级渔港, 一级能效) is a grade, never
        # a count of levels as 市、区两级 is
        rank = chinese and (unit == "期" or unit == "级" and numeral == "一")
        if chinese and numeral == "一" and not rank and not _AT_LEAST.search(text, max(0, span[0] - 4), span[0]) \
                and not _EACH_BEFORE.search(text, max(0, span[0] - 12), span[0]):
            # 一个/一项 read as an article ("a"), but 至少有一人 and 每半年开展一次 are counts; fixed
            # words (统一, 三农) are masked earlier
            return None
        if chinese and len(numeral) > 1 and _PLAIN_DIGITS.fullmatch(numeral):
            return None  # 一二三次产业, 三四个: a list of ordinals or "three or four", never 123 or 34
        value = parse_numeral(numeral)
        if value is None or chinese and unit in self.rules.arabic_only_units:
            return None  # (十分深刻: an adverb)
        if rank:
            return Number(match.group(0), value, unit, "ordinal", span, "numbers.ordinal.v1")
        kind, magnitude = self.units[unit]
        if kind == "duration" and unit in ("年", "月", "日") and not chinese and value >= 1000:
            return None
        if unit == "次" and text.startswith("全会", span[1]) and text[span[0] - 1:span[0]] == "届":
            return Number(match.group(0), value, unit, "ordinal", span, "numbers.ordinal.v1")  # 十五届八次全会
        if unit == "月" and isinstance(value, int) and 1 <= value <= 12:
            # 10月, 6月底前: a month of the year, a date (three months is 3个月)
            return Number(match.group(0), None, None, "date", span, "numbers.date.v1")
        scalar = None
        if magnitude != 1 or _MAG_END.search(numeral):
            prefix_factor = next((f for p, f in _MAGNITUDE.items() if numeral.endswith(p) and not chinese), 1.0)
            base = parse_numeral(_MAG_END.sub("", numeral)) if prefix_factor != 1.0 else value
            scalar = float(base) * prefix_factor * magnitude
        prefix = _MAG_END.search(numeral)
        if prefix and not chinese:
            value = parse_numeral(numeral[:prefix.start()])
            unit = prefix.group(0) + unit
        elif chinese and len(numeral) > 1 and numeral[-1] in "万亿" and numeral[-1] + unit in self.units \
                and (base := parse_numeral(numeral[:-1])) is not None:
            value, unit = base, numeral[-1] + unit  # 百万吨 → 100 万吨, written as 100万吨 would be
        elif chinese and numeral in ("万", "亿") and not _EACH_BEFORE.search(text, max(0, span[0] - 12), span[0]):
            value, unit = 1, numeral + unit  # 带动万名青年 → 1 万名 (每万名常住人口 stays a rate's base, 10000 名)
        surface = match.group(0)
        alternative = _ALTERNATIVE_UNIT.match(text, span[1])
        if alternative and kind == "quantity" and not unit.endswith("）"):
            # 8万台（件）, 1500套（间）: the measure word and its alternative are one unit
            surface, unit = surface + alternative.group(0), unit + alternative.group(0)
            span = (span[0], alternative.end())
        return Number(surface, value, unit, kind, span, f"numbers.{kind}.v1", scalar)
