"""Paragraphs of the normalised text with their offsets (one non-empty line = one paragraph)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Para:
    start: int
    end: int
    text: str


def split_paragraphs(text: str) -> tuple[Para, ...]:
    """'一、总体要求\\n\\n1.加强领导。' → (Para(0, 6, '一、总体要求'), Para(8, 15, '1.加强领导。'))."""
    paras = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            paras.append(Para(offset, offset + len(line), line))
        offset += len(line) + 1
    return tuple(paras)
