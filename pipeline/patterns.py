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
