"""Chinese and Arabic numerals and dates: 二〇二三年二月十日 → 2023-02-10."""
from __future__ import annotations

import datetime

import regex

_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")

CN_DIGIT_CHARS = "〇零○Ｏ一二三四五六七八九"
DATE_PATTERN = regex.compile(
    r"(?P<y>\d{4}|[〇零○Ｏ一二三四五六七八九]{4})\s*年\s*"
    r"(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*"
    r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"
)
YEAR_PATTERN = regex.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?!\d)|(?P<cy>[〇零○一二三四五六七八九]{4})年")


def to_int(numeral: str) -> int | None:
    """Ordinal of an outline marker or a small numeral: '十二' → 12, '12' → 12, '③' → 3, '二〇二一' → 2021."""
    numeral = numeral.strip().translate(_FULLWIDTH)
    if not numeral:
        return None
    if len(numeral) == 1 and numeral in _CIRCLED:
        return _CIRCLED.index(numeral) + 1
    if numeral.isascii() and numeral.isdecimal():
        return int(numeral)
    if all(ch in _DIGITS for ch in numeral) and len(numeral) > 1:
        # digit by digit (二〇二一), as years are written
        return int("".join(str(_DIGITS[ch]) for ch in numeral))
    total, current = 0, 0
    for ch in numeral:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch in _UNITS:
            total += (current or 1) * _UNITS[ch]
            current = 0
        else:
            return None
    return total + current


def parse_date(text: str) -> str | None:
    """First full date in text as ISO: '二〇二三年二月十日' → '2023-02-10'; None if none or invalid."""
    match = DATE_PATTERN.search(text)
    if not match:
        return None
    return date_from_match(match)


def date_from_match(match: regex.Match) -> str | None:
    year, month, day = to_int(match["y"]), to_int(match["m"]), to_int(match["d"])
    try:
        return datetime.date(year, month, day).isoformat()
    except (TypeError, ValueError):  # 二月三十日, or a numeral that did not convert
        return None


def first_year(text: str) -> int | None:
    """First year written in text: '2021年…工作要点' → 2021, '二〇二一年…' → 2021."""
    match = YEAR_PATTERN.search(text)
    if not match:
        return None
    return int(match["y"]) if match["y"] else to_int(match["cy"])
