"""zhengce: Chinese government policy notices → research data.

>>> from pipeline import extract_file
>>> doc = extract_file("corpus/raw/000_c1eb6a3cac873dd4.txt")
>>> doc.meta.doc_number.text, len(doc.items)
('青黄教工委〔2021〕1号', 32)
"""
from __future__ import annotations

__version__ = "0.1.0"


def extract_file(path, tagger="default"):
    """Ingest, normalise and parse one file into a Document (raises InputError on bad input).

    `tagger`: a ThemeTagger, "default" for the shipped model (models/themes) when present, or
    None to leave themes empty.
    """
    import dataclasses

    from pipeline.extract import extract_document
    from pipeline.ingest import ingest
    from pipeline.structure import parse_document

    text, ingested = ingest(path)
    doc = extract_document(parse_document(text, ingested.source, ingested.warnings))
    if tagger == "default":
        tagger = default_tagger()
    if tagger is not None:
        doc = dataclasses.replace(tagger.tag(doc), themes_model=tagger.model_id)
    return doc


_DEFAULT_TAGGER = []


def default_tagger():
    """The shipped theme model, loaded once per process; None when models/themes is absent."""
    if not _DEFAULT_TAGGER:
        from pipeline.classify.tagger import DEFAULT_MODEL, load_tagger

        _DEFAULT_TAGGER.append(load_tagger(DEFAULT_MODEL) if (DEFAULT_MODEL / "card.json").exists() else None)
    return _DEFAULT_TAGGER[0]
