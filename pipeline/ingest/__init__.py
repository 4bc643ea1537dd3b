"""Ingestion: one reader per format, each returning the raw text and what was learned of the source."""
from __future__ import annotations

import hashlib
from pathlib import Path

import regex

from pipeline.errors import InputError
from pipeline.ingest.normalize import normalize_text
from pipeline.resources import ingest_rules
from pipeline.types import Ingested

SUPPORTED = (".txt", ".docx", ".pdf", ".html", ".htm")
_HAN = regex.compile(r"\p{Han}")


def read_file(path: str | Path) -> Ingested:
    """Read one file of any supported format; raise InputError with a one-line reason."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        expected = ", ".join(SUPPORTED)
        raise InputError(str(path), f"unsupported file type {suffix or '(none)'}; expected one of {expected}")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read file ({exc.strerror})") from None
    if not data.strip():
        raise InputError(str(path), "empty file")
    sha256 = hashlib.sha256(data).hexdigest()
    if suffix == ".txt":
        from pipeline.ingest.txt import read_txt

        ingested = read_txt(path, data, sha256)
    elif suffix == ".docx":
        from pipeline.ingest.docx import read_docx

        ingested = read_docx(path, data, sha256)
    elif suffix == ".pdf":
        from pipeline.ingest.pdf import read_pdf

        ingested = read_pdf(path, data, sha256)
    else:
        from pipeline.ingest.html import read_html

        ingested = read_html(path, data, sha256)
    return ingested


def ingest(path: str | Path) -> tuple[str, Ingested]:
    """Read and normalise a file: returns (normalised text, ingested record).

    Raises InputError when the file has no Chinese text, since nothing downstream applies.
    """
    ingested = read_file(path)
    text = normalize_text(ingested.text, ingest_rules())
    if not text.strip():
        raise InputError(str(path), "no text in file")
    if len(_HAN.findall(text)) < 10:
        raise InputError(str(path), "no Chinese text found")
    return text, ingested
