"""Structure: official-document elements (meta) and the outline of a normalised notice."""
from __future__ import annotations

import hashlib
from functools import partial
from pathlib import Path

import regex

from pipeline.resources import StructureRules, structure_rules
from pipeline.structure.meta import read_layout
from pipeline.structure.outline import match_marker, parse_outline
from pipeline.structure.paragraphs import split_paragraphs
from pipeline.types import Document, Source

__all__ = ["doc_id_for", "parse_document"]


def doc_id_for(path: str, text: str) -> str:
    """Slug of the file name + first 8 hex of sha256(text): '2021 要点.txt' → '2021-要点-1a2b3c4d'."""
    slug = regex.sub(r"[^\p{L}\p{N}_]+", "-", Path(path).stem).strip("-").lower() or "doc"
    return f"{slug}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}"


def parse_document(text: str, source: Source, warnings: tuple[str, ...] = (),
                   rules: StructureRules | None = None) -> Document:
    """Meta, preamble, outline and items of a normalised text."""
    rules = rules or structure_rules()
    paras = split_paragraphs(text)
    marker_at = partial(_starts_with_marker, families=rules.markers)
    layout = read_layout(paras, marker_at, rules)
    outline = parse_outline(layout.body, text, rules)
    return Document(
        doc_id=doc_id_for(source.path, text),
        source=source,
        meta=layout.meta,
        preamble=outline.preamble,
        preamble_spans=outline.preamble_spans,
        outline=outline.headings,
        items=outline.items,
        text=text,
        warnings=warnings,
    )


def _starts_with_marker(line: str, families) -> bool:
    return match_marker(line, families) is not None
