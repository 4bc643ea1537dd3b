"""The README is the user's manual: its data dictionary names every column the tables have."""
import re

from conftest import ROOT

from pipeline.dataset import TABLE_COLUMNS


def _section(title: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 1)
    return text[start:end]


def test_data_dictionary_names_every_column_of_every_table():
    dictionary = _section("Data dictionary")
    named = set(re.findall(r"`([a-z_0-9]+)`", dictionary))
    missing = {table: [c for c in columns if c not in named] for table, columns in TABLE_COLUMNS.items()}
    assert not {t: c for t, c in missing.items() if c}, missing
    assert all(f"`{table}`" in dictionary for table in TABLE_COLUMNS)


def test_quick_start_comes_first():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = text[text.index("```sh"):text.index("```", text.index("```sh") + 5)]
    assert "make extract" in first_block and "make test" in first_block
