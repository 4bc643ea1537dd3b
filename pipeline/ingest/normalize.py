"""Text normalisation shared by every format: line ends, Word artefacts, blank lines, spaced names."""
from __future__ import annotations

import regex

from pipeline.resources import IngestRules

_INVISIBLE = regex.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_INVISIBLE_LINE = regex.compile(r"\n[ \t\u3000]*[\u200b\u200c\u200d\u2060\ufeff]+[ \t\u3000]*(?=\n)")
_EDGE_SPACE = " \t\u3000\u00a0\u2002\u2003\u2009"
# 李　强, 王　小明: a one-character token and a one- or two-character token split by a space,
# as web pages print names to line them up. Spaces elsewhere between Han characters are kept
# (signature lines separate issuers with runs of spaces).
_SPACED_NAME = regex.compile(r"(?<![\p{Han}])(\p{Han})[ \u3000\u00a0]{1,2}(\p{Han}{1,2})(?![\p{Han}])")
_SENTENCE_PUNCT = regex.compile(r"[。！？；：，]")


def normalize_text(raw: str, rules: IngestRules) -> str:
    """Clean text for parsing; the document's own punctuation is kept.

    >>> normalize_text("一、总体要求\\r\\n\\r\\n\\r\\n[bookmark: _GoBack]1.加强领导。", rules)
    '一、总体要求\\n\\n1.加强领导。'
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    for pattern in rules.artefacts:
        text = pattern.sub("", text)
    # a line holding only a zero-width character is a page break of the web export inside a
    # paragraph (…交出合格\n\u200b\n答卷。), not a blank line between paragraphs
    text = _INVISIBLE_LINE.sub("", text)
    text = _INVISIBLE.sub("", text)
    lines = [line.strip(_EDGE_SPACE) for line in text.split("\n")]
    if _is_blank_separated(lines):
        lines = _join_soft_breaks(lines, rules)
    lines = [_SPACED_NAME.sub(r"\1\2", line) for line in lines]
    return _collapse_blank_lines(lines)


def _collapse_blank_lines(lines: list[str]) -> str:
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def _is_blank_separated(lines: list[str]) -> bool:
    """True for web exports where paragraphs are separated by blank lines, so a single line
    break inside a block is a soft break (link text on its own line: PM\\n2.5\\n）)."""
    long_lines = [i for i, line in enumerate(lines[:-1]) if len(line) > 30]
    if len(long_lines) < 3:
        return False
    followed_by_blank = sum(1 for i in long_lines if not lines[i + 1])
    return followed_by_blank / len(long_lines) >= 0.7


def _join_soft_breaks(lines: list[str], rules: IngestRules) -> list[str]:
    """Join the lines of a block when the block reads as one paragraph: it contains sentence
    punctuation, one of its lines is a fragment of at most two characters (政府工作报/告), or a
    title's brackets open on one line and close on another (三、关于《/…纲要（草案）/》的说明).
    Header blocks of names (two issuers on two lines) are left alone, and so is a block written a
    paragraph a line, as a plan sets its ——goals or its （1）…（4） under a lead-in: a line there
    ends a sentence and the next opens a list item. An addressee line in the head, before the first
    full stop, ends its paragraph (各市交通运输局，…直属各单位：/《…》已经…; later, 主要是： leads
    into its own sentence)."""
    out: list[str] = []
    block: list[str] = []

    def flush() -> None:
        one_a_line = any(rules.paragraph_end.search(previous) and rules.paragraph_opener.match(line)
                         for previous, line in zip(block, block[1:], strict=False))
        if len(block) > 1 and not one_a_line and (
            any(_SENTENCE_PUNCT.search(line) for line in block) or any(len(line) <= 2 for line in block)
            or any(line.count("《") > line.count("》") for line in block[:-1])
        ):
            out.append("".join(block))
        else:
            out.extend(block)
        block.clear()

    head = True
    for line in lines:
        if line and block and head and rules.addressee_line.match(block[-1]):
            flush()
        head = head and "。" not in line
        if line:
            block.append(line)
        else:
            flush()
            out.append(line)
    flush()
    return out
