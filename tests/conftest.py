"""Shared fixtures: the repository's sample notices and, when present, ../shared."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "corpus" / "raw"
GOLD = ROOT / "corpus" / "gold"
SHARED = ROOT.parent / "shared"
from pipeline.reports import REPORTS_JSONL as REPORTS  # noqa: E402

SEED = RAW / "000_c1eb6a3cac873dd4.txt"
SAMPLES = sorted(RAW.glob("*.txt"))


@pytest.fixture(scope="session")
def document_schema():
    from pipeline.resources import schema_path

    return json.loads(schema_path("document.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def validate_document(document_schema):
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(document_schema)

    def validate(doc: dict) -> None:
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])

    return validate


@pytest.fixture(scope="session")
def validate_comparison():
    jsonschema = pytest.importorskip("jsonschema")
    from pipeline.resources import schema_path

    schema = json.loads(schema_path("comparison.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)

    def validate(comparison: dict) -> None:
        errors = list(validator.iter_errors(comparison))
        assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])

    return validate


@pytest.fixture(scope="session")
def seed_doc():
    from pipeline import extract_file

    return extract_file(SEED)


@pytest.fixture(scope="session")
def reports(tmp_path_factory):
    """The 2013–2019 government work reports as .txt files (their Wikisource licence footer
    cut off: it is the web collection's, not the report's). Skips when ../shared is absent."""
    if not REPORTS.exists():
        pytest.skip("../shared/corpus is not available in this checkout")
    from pipeline.reports import report_files

    return report_files(REPORTS, tmp_path_factory.mktemp("reports"))
