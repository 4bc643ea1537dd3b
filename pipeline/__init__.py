"""zhengce: Chinese government policy notices → research data.

>>> from pipeline import extract_file
>>> doc = extract_file("corpus/raw/000_c1eb6a3cac873dd4.txt")
>>> doc.meta.doc_number.text, len(doc.items)
('青黄教工委〔2021〕1号', 32)
"""
from __future__ import annotations

__version__ = "0.1.0"


def extract_file(path):
    """Ingest, normalise and parse one file into a Document (raises InputError on bad input)."""
    from pipeline.extract import extract_document
    from pipeline.ingest import ingest
    from pipeline.structure import parse_document

    text, ingested = ingest(path)
    return extract_document(parse_document(text, ingested.source, ingested.warnings))
