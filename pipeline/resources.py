"""The one place that reads the rule files in pipeline/resources/ and validates them."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path

import regex
import yaml

RESOURCES_DIR = Path(str(importlib_resources.files("pipeline") / "resources"))


class ResourceError(ValueError):
    """A rule file that does not have the shape its loader expects."""


@dataclass(frozen=True)
class MarkerFamily:
    id: str
    rank: int
    pattern: regex.Pattern
    note: str = ""


@dataclass(frozen=True)
class StructureRules:
    markers: tuple[MarkerFamily, ...]
    doc_types: tuple[str, ...]
    title_suffixes: tuple[str, ...]
    transmittal_verbs: tuple[str, ...]
    organisation_suffixes: tuple[str, ...]
    closing_formulas: tuple[regex.Pattern, ...]
    notes: tuple[regex.Pattern, ...]
    responsibility_labels: tuple[str, ...]
    cc_pattern: regex.Pattern
    printed_pattern: regex.Pattern
    attachment_pattern: regex.Pattern
    attachment_label_pattern: regex.Pattern
    header_marks: regex.Pattern
    body_opener: regex.Pattern
    plan_doc_types: tuple[str, ...]
    delivered_year_titles: tuple[str, ...]


@dataclass(frozen=True)
class IngestRules:
    artefacts: tuple[regex.Pattern, ...]
    page_number_lines: tuple[regex.Pattern, ...]
    html_drop_tags: tuple[str, ...]
    html_drop_class_words: tuple[str, ...]
    html_publication_line: regex.Pattern


def _load_yaml(name: str, keys: set[str]) -> dict:
    path = RESOURCES_DIR / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ResourceError(f"{path}: expected a mapping at the top level")
    unknown = set(data) - keys - {"version"}
    missing = keys - set(data)
    if unknown or missing:
        raise ResourceError(f"{path}: unknown keys {sorted(unknown)}, missing keys {sorted(missing)}")
    return data


def _compile(path: str, pattern: str) -> regex.Pattern:
    try:
        return regex.compile(pattern)
    except regex.error as exc:
        raise ResourceError(f"{path}: bad pattern {pattern!r}: {exc}") from None


def _strings(name: str, key: str, value) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ResourceError(f"{name}: {key} must be a list of non-empty strings")
    return tuple(value)


@functools.cache
def structure_rules() -> StructureRules:
    name = "structure.yaml"
    keys = {f for f in StructureRules.__dataclass_fields__}
    data = _load_yaml(name, keys)
    families = []
    for entry in data["markers"]:
        extra = set(entry) - {"id", "rank", "pattern", "note"}
        if extra or not {"id", "rank", "pattern"} <= set(entry):
            raise ResourceError(f"{name}: marker {entry!r} needs id, rank, pattern (and optional note)")
        pattern = _compile(name, entry["pattern"])
        if "num" not in pattern.groupindex:
            raise ResourceError(f"{name}: marker {entry['id']} pattern needs a (?P<num>…) group")
        families.append(MarkerFamily(entry["id"], int(entry["rank"]), pattern, entry.get("note", "")))
    # Longest doc type first, so 工作要点 wins over 要点.
    doc_types = tuple(sorted(_strings(name, "doc_types", data["doc_types"]), key=len, reverse=True))
    return StructureRules(
        markers=tuple(families),
        doc_types=doc_types,
        title_suffixes=_strings(name, "title_suffixes", data["title_suffixes"]),
        transmittal_verbs=_strings(name, "transmittal_verbs", data["transmittal_verbs"]),
        organisation_suffixes=_strings(name, "organisation_suffixes", data["organisation_suffixes"]),
        closing_formulas=tuple(_compile(name, p) for p in data["closing_formulas"]),
        notes=tuple(_compile(name, p) for p in data["notes"]),
        responsibility_labels=tuple(
            sorted(_strings(name, "responsibility_labels", data["responsibility_labels"]), key=len, reverse=True)
        ),
        cc_pattern=_compile(name, data["cc_pattern"]),
        printed_pattern=_compile(name, data["printed_pattern"]),
        attachment_pattern=_compile(name, data["attachment_pattern"]),
        attachment_label_pattern=_compile(name, data["attachment_label_pattern"]),
        header_marks=_compile(name, data["header_marks"]),
        body_opener=_compile(name, data["body_opener"]),
        plan_doc_types=_strings(name, "plan_doc_types", data["plan_doc_types"]),
        delivered_year_titles=_strings(name, "delivered_year_titles", data["delivered_year_titles"]),
    )


@functools.cache
def ingest_rules() -> IngestRules:
    name = "ingest.yaml"
    keys = {f for f in IngestRules.__dataclass_fields__}
    data = _load_yaml(name, keys)
    return IngestRules(
        artefacts=tuple(_compile(name, p) for p in data["artefacts"]),
        page_number_lines=tuple(_compile(name, p) for p in data["page_number_lines"]),
        html_drop_tags=_strings(name, "html_drop_tags", data["html_drop_tags"]),
        html_drop_class_words=_strings(name, "html_drop_class_words", data["html_drop_class_words"]),
        html_publication_line=_compile(name, data["html_publication_line"]),
    )


def schema_path(name: str) -> Path:
    """Path of a shipped JSON Schema (document.schema.json, comparison.schema.json)."""
    return RESOURCES_DIR / "schema" / name
