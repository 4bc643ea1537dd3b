"""The data model: frozen dataclasses with character offsets into the document text."""
from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]


@dataclass(frozen=True)
class Source:
    """What ingestion learned about the file a document came from."""

    path: str
    format: str  # txt | docx | pdf | html
    encoding: str | None
    sha256: str  # of the file's bytes
    pages: int | None = None
    extractor: str | None = None  # pdf: pdfplumber | pypdfium2; html: main-content block
    published: str | None = None  # web page's 发布日期 (never the 成文日期)
    publisher: str | None = None  # web page's 来源


@dataclass(frozen=True)
class Ingested:
    """Raw text of one file plus its source record, before normalisation."""

    text: str
    source: Source
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocNumber:
    text: str
    prefix: str
    year: int
    serial: int


@dataclass(frozen=True)
class Meta:
    """Official-document elements (GB/T 9704); None / () when the document lacks them."""

    issuer_mark: str | None = None
    doc_number: DocNumber | None = None
    issuers: tuple[str, ...] = ()
    title: str | None = None
    doc_type: str | None = None
    recipients: tuple[str, ...] = ()
    signatories: tuple[str, ...] = ()
    date: str | None = None
    plan_title: str | None = None
    plan_year: int | None = None
    attachments: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    printed_by: str | None = None
    printed_date: str | None = None


@dataclass(frozen=True)
class Heading:
    """An outline node that has numbered children or paragraph items."""

    id: str
    level: int
    marker: str
    title: str
    span: Span  # the heading line, marker included
    children: tuple[Heading, ...] = ()


@dataclass(frozen=True)
class Item:
    """The smallest outline unit that carries work content."""

    id: str
    marker: str | None
    path: tuple[str, ...]
    section_titles: tuple[str, ...]
    lead: str | None
    text: str
    span: Span
    responsible: tuple[str, ...] = ()
    # filled by the extractors of later stages; kept generic so this module stays the spine
    themes: tuple = ()
    actions: tuple = ()
    targets: tuple = ()
    numbers: tuple = ()
    projects: tuple = ()


@dataclass(frozen=True)
class Document:
    doc_id: str
    source: Source
    meta: Meta
    preamble: str | None
    outline: tuple[Heading, ...]
    items: tuple[Item, ...]
    text: str
    warnings: tuple[str, ...] = field(default=())
    themes_model: str | None = None  # id of the theme model that tagged the items
    preamble_spans: tuple[Span, ...] = ()  # the preamble's paragraphs
    preamble_targets: tuple = ()  # the goals a preamble states (主要目标是：…), filled by the extractors
