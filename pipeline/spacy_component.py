"""A thin spaCy component: the same extractors, results in doc.spans for spaCy users and displaCy.

>>> nlp = make_nlp()
>>> doc = nlp("建设瞭望山路幼儿园等12所公办幼儿园，优质园占比不低于50%。")
>>> [(s.text, s.label_, s._.zhengce["comparator"]) for s in doc.spans["targets"]]
[('建设瞭望山路幼儿园等12所', 'TARGET', 'eq'), ('优质园占比不低于50%', 'TARGET', 'ge')]
"""
from __future__ import annotations

import dataclasses

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.extract import extract_item
from pipeline.types import Item

GROUPS = ("targets", "projects", "actions", "numbers")

# One extension holds an extraction's fields (value, unit, comparator, kind, rule …). Registered
# once, with the same getter-free default whoever imports this module first.
if not Span.has_extension("zhengce"):
    Span.set_extension("zhengce", default=None)


@Language.factory("zhengce", default_config={"plan_year": None})
def create_zhengce(nlp: Language, name: str, plan_year: int | None) -> ZhengceComponent:
    return ZhengceComponent(plan_year)


class ZhengceComponent:
    """Runs numbers, targets, actions and projects over the whole Doc as one item."""

    def __init__(self, plan_year: int | None = None):
        self.plan_year = plan_year

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        item = extract_item(Item("1", None, (), (), None, text, (0, len(text))), text, self.plan_year)
        for group in GROUPS:
            spans = []
            for extraction in getattr(item, group):
                span = doc.char_span(*extraction.span, label=_label(group, extraction), alignment_mode="expand")
                if span is None:
                    continue
                span._.zhengce = dataclasses.asdict(extraction)
                spans.append(span)
            doc.spans[group] = spans
        return doc


def _label(group: str, extraction) -> str:
    if group == "targets":
        return "TARGET"
    if group == "actions":
        return f"ACTION:{extraction.category}"
    return f"{group[:-1].upper()}:{extraction.kind}"


def make_nlp(plan_year: int | None = None) -> Language:
    """A blank Chinese pipeline with jieba segmentation and the zhengce component (no download)."""
    import spacy

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("zhengce", config={"plan_year": plan_year})
    return nlp
