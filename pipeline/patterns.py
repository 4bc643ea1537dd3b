"""Regular-expression source for a list of words, matching the longest word at each place.

The lexicons (verbs, suffixes, units …) hold hundreds of words. Written as a flat alternation
(建设|建成|…), both `re` and `regex` try the alternatives one by one at every character; written as
a trie (建(?:设|成)|…), they follow only the branch that the text takes, which makes the scans of
the extractors several times faster. The match is the same: the words that match at one place are
prefixes of each other, and the trie, like a list sorted longest first, tries the longest first.
"""
from __future__ import annotations

import re
from collections.abc import Iterable


def any_of(words: Iterable[str]) -> str:
    """A non-capturing group matching the longest of the words at a place (no empty words).

    >>> any_of(["街", "街区", "公园"])
    '(?:公园|街(?:区)?)'
    """
    trie: dict = {}
    for word in words:
        if not word:
            raise ValueError("an empty word would match everywhere")
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # the end of a word
    return _group(trie)


def _group(node: dict) -> str:
    branches = [re.escape(char) + _tail(child) for char, child in sorted(node.items()) if char]
    return "(?:" + "|".join(branches) + ")"


def _tail(node: dict) -> str:
    """What may follow a character: the longer words first, then the end of a word if one ends here."""
    if set(node) == {""}:
        return ""
    if len(node) == 1:  # one way on: no group needed (公园, not 公(?:园))
        (char, child), = node.items()
        return re.escape(char) + _tail(child)
    return _group(node) + ("?" if "" in node else "")


# The code points of \p{Han} (the Han script: CJK ideographs and their extensions, radicals,
# 々 〇 and the Suzhou numerals), as the `regex` module's Unicode tables give them. Written out so
# that the standard library's engine, which has no \p{…}, can run the extractors' patterns.
HAN_RANGES = (
    (0x2E80, 0x2E99), (0x2E9B, 0x2EF3), (0x2F00, 0x2FD5), (0x3005, 0x3005), (0x3007, 0x3007),
    (0x3021, 0x3029), (0x3038, 0x303B), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFA6D),
    (0xFA70, 0xFAD9), (0x16FE2, 0x16FE3), (0x16FF0, 0x16FF6), (0x20000, 0x2A6DF), (0x2A700, 0x2B81E),
    (0x2B820, 0x2CEAD), (0x2CEB0, 0x2EBE0), (0x2EBF0, 0x2EE5D), (0x2F800, 0x2FA1D), (0x30000, 0x3134A),
    (0x31350, 0x33479),
)
_HAN = "".join(f"{chr(a)}-{chr(b)}" if a != b else chr(a) for a, b in HAN_RANGES)


def compile(source: str, flags: int = 0) -> re.Pattern:  # noqa: A001 (re.compile's name, on purpose)
    r"""A pattern compiled with the standard library's engine, \p{Han} and \P{Han} written out.

    The extractors run a hundred short patterns on every clause; `re` runs them in about half the
    time of `regex` (less set-up per call, no lock per iteration). Patterns that need what only
    `regex` has (overlapped search, variable-width look-behind, \p{Han} excluded inside a class)
    are compiled with `regex` where they are defined.
    """
    return re.compile(_written_out(source), flags)


def _written_out(source: str) -> str:
    out, i, in_class = [], 0, False
    while i < len(source):
        ch = source[i]
        if ch == "\\" and source.startswith(("\\p{Han}", "\\P{Han}"), i):
            negated = source[i + 1] == "P"
            if in_class and negated:
                raise ValueError(f"\\P{{Han}} inside a class needs the regex module: {source!r}")
            out.append(_HAN if in_class else f"[{'^' if negated else ''}{_HAN}]")
            i += 7
            continue
        if ch == "\\":
            out.append(source[i:i + 2])
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
            out.append(ch)
            i += 1
            for opener in ("^]", "^", "]"):  # []…] and [^]…]: a ] first in a class is a character
                if source.startswith(opener, i):
                    out.append(opener)
                    i += len(opener)
                    break
            continue
        if ch == "]" and in_class:
            in_class = False
        out.append(ch)
        i += 1
    return "".join(out)
