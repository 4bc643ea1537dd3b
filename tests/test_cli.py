"""The `zhengce extract` command: stdout mode, the dataset folder, bad input, re-runs."""
import json
import os
import subprocess
import sys

import pandas as pd
import pytest
from conftest import RAW, ROOT, SAMPLES, SEED


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "pipeline", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8")


def test_one_file_prints_only_its_json(validate_document):
    result = run("extract", SEED)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    validate_document(doc)
    assert doc["schema_version"] == "1" and len(doc["items"]) == 32
    assert doc["doc_id"].startswith("000_c1eb6a3cac873dd4-")


def test_folder_to_dataset(tmp_path, validate_document):
    out = tmp_path / "out"
    result = run("extract", RAW, "-o", out)
    assert result.returncode == 0, result.stderr
    docs = sorted(out.glob("*.json"))
    assert len(docs) == len(SAMPLES)
    for path in docs:
        validate_document(json.loads(path.read_text(encoding="utf-8")))
    items = pd.read_csv(out / "items.csv", encoding="utf-8-sig")
    assert (out / "items.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert len(items) == sum(len(json.loads(p.read_text(encoding="utf-8"))["items"]) for p in docs)
    parquet = pd.read_parquet(out / "items.parquet")
    assert list(parquet["item_id"]) == [str(x) for x in items["item_id"]]
    for table in ("documents", "targets", "actions", "numbers", "projects", "themes"):
        assert (out / f"{table}.csv").exists() and (out / f"{table}.parquet").exists()
    documents = pd.read_csv(out / "documents.csv", encoding="utf-8-sig")
    assert "2021-02-20" in set(documents["date"])
    lines = (out / "items.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(items)
    assert not list(out.glob("*.tmp")) and not list(out.glob(".*.tmp"))
    # outputs are shared with co-authors: the permissions of any new file, not a private 0600
    mask = os.umask(0)
    os.umask(mask)
    assert (out / "items.csv").stat().st_mode & 0o777 == 0o666 & ~mask


def test_unchanged_files_are_not_parsed_again(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    assert run("extract", src, "-o", out).returncode == 0
    second = run("extract", src, "-o", out)
    assert "1 unchanged" in second.stderr
    (src / "a.txt").write_text(SEED.read_text(encoding="utf-8").replace("300名", "400名"), encoding="utf-8")
    third = run("extract", src, "-o", out)
    assert "0 unchanged" in third.stderr
    assert any("400名" in p.read_text(encoding="utf-8") for p in out.glob("a-*.json"))


BAD_INPUTS = {
    "notes.rtf": (b"{\\rtf1 hello}", "unsupported file type"),
    "empty.txt": (b"", "empty file"),
    "binary.txt": (bytes(range(256)) * 10, "undecodable"),
    "english.txt": (b"Only English text in this file.\n" * 10, "no Chinese text"),
    "broken.pdf": (b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ntrunc", "PDF"),
    "broken.docx": (b"PK\x03\x04 not really a zip", "DOCX"),
}


def test_bad_inputs_give_one_line_each_and_the_batch_goes_on(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name, (data, _) in BAD_INPUTS.items():
        (src / name).write_bytes(data)
    (src / "good.txt").write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    result = run("extract", *sorted(src.iterdir()), "-o", out)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("zhengce: ") and "written" not in line]
    assert len(lines) == len(BAD_INPUTS)
    for name, (_, reason) in BAD_INPUTS.items():
        line = next(line for line in lines if name in line)
        assert reason in line, line
    assert "Traceback" not in result.stderr
    written = sorted(p.name for p in out.glob("*.json"))
    assert len(written) == 1 and written[0].startswith("good-")


def test_scanned_pdf_asks_for_ocr(tmp_path):
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(path))
    page.rect(100, 100, 300, 400, fill=1)  # an image-like page: drawing, no text
    page.save()
    result = run("extract", path)
    assert result.returncode == 1
    assert result.stderr.strip() == f"zhengce: {path}: no text layer (scanned?); run OCR first"
    assert result.stdout == ""


def test_usage_errors_exit_2(tmp_path):
    assert run("extract", RAW).returncode == 2  # a folder needs -o
    assert run("extract", SEED, "--jobs", "0").returncode == 2
    assert run("frobnicate").returncode == 2


def test_parallel_jobs_give_the_same_dataset(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert run("extract", RAW, "-o", one).returncode == 0
    assert run("extract", RAW, "-o", two, "--jobs", "2").returncode == 0
    assert (one / "items.csv").read_bytes() == (two / "items.csv").read_bytes()


def test_inputs_are_not_modified(tmp_path):
    before = {p: p.read_bytes() for p in RAW.iterdir()}
    assert run("extract", RAW, "-o", tmp_path / "out").returncode == 0
    assert {p: p.read_bytes() for p in RAW.iterdir()} == before


@pytest.mark.skipif(os.environ.get("ZHENGCE_SKIP_MAKE") == "1", reason="make smoke test disabled")
def test_make_extract_smoke(tmp_path):
    result = subprocess.run(["make", "extract", f"OUT={tmp_path / 'data'}"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(list((tmp_path / "data").glob("*.json"))) == len(SAMPLES)


