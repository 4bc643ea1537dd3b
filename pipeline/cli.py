"""Command line: `zhengce extract PATH... [-o DIR] [--jobs N]`, `train`, `compare`, `report`."""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pipeline import __version__
from pipeline.errors import InputError
from pipeline.ingest import SUPPORTED

MANIFEST = ".zhengce-cache"  # JSON; no .json suffix, so *.json lists only documents


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="zhengce", description="Chinese policy notices → research data.")
    parser.add_argument("--version", action="version", version=f"zhengce {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="parse notices (TXT, DOCX, PDF, HTML) into the dataset")
    extract.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (folders are walked)")
    extract.add_argument("-o", "--out", type=Path, help="output folder; without it one file's JSON goes to stdout")
    extract.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    extract.add_argument("--force", action="store_true", help="re-extract files whose content has not changed")
    extract.add_argument("--model", type=Path, help="theme model folder (default: the shipped models/themes)")
    extract.add_argument("--no-themes", action="store_true", help="leave themes empty")
    train = commands.add_parser("train", help="train a theme model on your own codebook and labels")
    train.add_argument("--codebook", type=Path, required=True, help="codebook YAML (flat or two-level)")
    train.add_argument("--labels", type=Path, help="CSV: text,code[,level,secondary] or doc_id,item_id,code")
    train.add_argument("--docs", type=Path, help="folder of extracted <doc_id>.json for doc_id,item_id labels")
    train.add_argument("-o", "--out", type=Path, required=True, help="model folder to write")
    compare = commands.add_parser("compare", help="compare annual plans: items, targets, themes")
    compare.add_argument("paths", nargs="+", metavar="PLAN", help="two or more notices or extracted <doc_id>.json")
    compare.add_argument("-o", "--out", type=Path, help="folder for comparison JSON, tables, HTML and Markdown")
    report = commands.add_parser("report", help="the review page of one notice: extractions highlighted in its text")
    report.add_argument("path", metavar="NOTICE", help="a notice (TXT, DOCX, PDF, HTML) or an extracted <doc_id>.json")
    report.add_argument("-o", "--out", type=Path, required=True, help="HTML file to write")
    corrections = commands.add_parser("corrections", help="correct an extraction in a CSV, import it as gold")
    steps = corrections.add_subparsers(dest="step", required=True)
    export = steps.add_parser("export", help="one row per extraction and per item, to correct in a spreadsheet")
    export.add_argument("path", metavar="NOTICE", help="a notice (give the path relative to the project root) "
                                                      "or its extracted <doc_id>.json")
    export.add_argument("-o", "--out", type=Path, required=True, help="CSV file to write")
    imported = steps.add_parser("import", help="a corrected CSV as gold (make eval) and theme labels (make train)")
    imported.add_argument("csv", type=Path, metavar="CSV")
    imported.add_argument("--gold", type=Path, default=Path("corpus/gold"), help="gold folder (corpus/gold)")
    imported.add_argument("--labels", type=Path, default=Path("corpus/labels"), help="labels folder (corpus/labels)")
    imported.add_argument("--split", choices=("tune", "heldout"), default="tune",
                          help="held-out gold is scored apart; never tune rules against it")
    args = parser.parse_args(argv)
    if args.command == "corrections":
        return run_corrections(args)
    if args.command == "report":
        return run_report(args)
    if args.command == "train":
        return run_train(args, parser)
    if args.command == "compare":
        return run_compare(args, parser)
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    return run_extract(args, parser)


def _load_document(path: Path) -> dict:
    """An extracted document: read from its JSON, or extracted from a notice in any format."""
    if path.suffix.lower() == ".json":
        doc = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(doc, dict) or "items" not in doc or "meta" not in doc:
            raise InputError(str(path), "not an extracted document (no items/meta)")
        return doc
    from pipeline import extract_file
    from pipeline.dataset import document_to_dict

    return document_to_dict(extract_file(path))


def _failed(path, exc: Exception) -> int:
    """The one stderr line of a command that cannot go on: the file, then the reason."""
    if isinstance(exc, InputError):
        print(f"zhengce: {exc.path}: {exc.reason}", file=sys.stderr)
    else:
        print(f"zhengce: {path}: {exc}", file=sys.stderr)
    return 1


def run_report(args) -> int:
    from pipeline.dataset import write_text_atomic
    from pipeline.review import render_review

    try:
        page = render_review(_load_document(Path(args.path)))
    except (InputError, OSError, ValueError) as exc:
        return _failed(args.path, exc)
    except (KeyError, TypeError, AttributeError, IndexError) as exc:  # a JSON of another shape
        print(f"zhengce: {args.path}: not an extracted document ({type(exc).__name__}: {exc})", file=sys.stderr)
        return 1
    write_text_atomic(args.out, page)
    return 0


def run_corrections(args) -> int:
    from pipeline import corrections
    from pipeline.dataset import write_text_atomic

    try:
        if args.step == "export":
            doc = _load_document(Path(args.path))
            source = doc["source"]["path"] if Path(args.path).suffix.lower() == ".json" else args.path
            write_text_atomic(args.out, corrections.write_csv(corrections.export_rows(doc, source)))
            print(f"zhengce: {args.out}: correct the rows, then: zhengce corrections import {args.out}",
                  file=sys.stderr)
            return 0
        written = corrections.import_corrections(args.csv, args.gold, args.labels, split=args.split)
    except (InputError, OSError, ValueError) as exc:
        return _failed(getattr(args, "path", None) or args.csv, exc)
    print("zhengce: wrote " + ", ".join(map(str, written)), file=sys.stderr)
    return 0


def run_compare(args, parser) -> int:
    from pipeline.compare import compare_documents, series_panels
    from pipeline.compare_report import render_html, render_markdown
    from pipeline.dataset import write_text_atomic

    if len(args.paths) < 2:
        parser.error("compare needs two or more plans")
    docs = []
    for raw in args.paths:
        try:
            docs.append(_load_document(Path(raw)))
        except (InputError, OSError, ValueError) as exc:
            return _failed(raw, exc)
    if len(docs) > 2:  # a series: oldest first
        docs.sort(key=lambda d: (d["meta"]["plan_year"] is None, d["meta"]["plan_year"] or 0))
    comparisons = [compare_documents(a, b) for a, b in zip(docs, docs[1:], strict=False)]
    if args.out is None:
        if len(docs) > 2:
            parser.error("a series of three or more plans needs an output folder: -o DIR")
        sys.stdout.write(json.dumps(comparisons[0], ensure_ascii=False, indent=2) + "\n")
        return 0
    import pandas as pd

    from pipeline.dataset import write_atomic

    for (a, b), comparison in zip(zip(docs, docs[1:], strict=False), comparisons, strict=True):
        stem = f"{a['doc_id']}__{b['doc_id']}"
        write_text_atomic(args.out / f"{stem}.json", json.dumps(comparison, ensure_ascii=False, indent=2) + "\n")
        write_text_atomic(args.out / f"{stem}.html", render_html(comparison, a, b))
        write_text_atomic(args.out / f"{stem}.md", render_markdown(comparison))
    for name, rows in series_panels(docs, comparisons).items():
        frame = pd.DataFrame(rows)
        write_atomic(args.out / f"{name}.csv", lambda f, fr=frame: fr.to_csv(f, index=False, encoding="utf-8-sig"))
    print(f"zhengce: {len(comparisons)} comparison(s) written to {args.out}", file=sys.stderr)
    if len(comparisons) == 1:
        sys.stderr.write(render_markdown(comparisons[0]))
    return 0


def run_train(args, parser) -> int:
    from pipeline.classify.train import examples_from_table, train

    if not args.codebook.exists():
        parser.error(f"{args.codebook}: no such codebook")
    try:
        examples = examples_from_table(args.labels, args.docs) if args.labels else []
        tagger = train(args.codebook, examples, held_out=())
    except (ValueError, KeyError, OSError) as exc:
        print(f"zhengce: {args.labels or args.codebook}: {exc}", file=sys.stderr)
        return 1
    tagger.save(args.out)
    cue_only = tagger.card["cue_only_levels"]
    print(f"zhengce: model {tagger.model_id} written to {args.out}"
          + (f"; levels {cue_only} use cue terms only (no labelled examples)" if cue_only else ""), file=sys.stderr)
    return 0


def _collect(paths: list[str]) -> tuple[list[Path], list[tuple[str, str]], bool]:
    """Files to process, paths that do not exist, and whether a folder was given."""
    files, missing, walked = [], [], False
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            walked = True
            files.extend(sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUPPORTED and not any(part.startswith(".") for part in p.parts)
            ))
        elif path.exists():
            files.append(path)
        else:
            missing.append((raw, "no such file or folder"))
    return list(dict.fromkeys(files)), missing, walked


_TAGGER: list = []  # per process: the theme model chosen on the command line


def _set_tagger(model: Path | None, no_themes: bool) -> None:
    from pipeline import default_tagger
    from pipeline.classify.tagger import load_tagger

    _TAGGER[:] = [None if no_themes else load_tagger(model) if model else default_tagger()]


def _process(path: Path, model: Path | None = None, no_themes: bool = False) -> tuple[dict | None, str | None]:
    """Worker: (document dict, None) or (None, one-line reason)."""
    from pipeline import extract_file
    from pipeline.dataset import document_to_dict

    if not _TAGGER:
        _set_tagger(model, no_themes)
    try:
        return document_to_dict(extract_file(path, tagger=_TAGGER[0])), None
    except InputError as exc:
        return None, exc.reason
    except Exception as exc:  # one bad file must not stop a batch; report it on one line
        return None, f"internal error ({type(exc).__name__}: {exc})"


def _fingerprint() -> str:
    """Hash of the package's code and rules: a changed pipeline re-extracts everything."""
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".yaml", ".tsv", ".json", ".txt") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def run_extract(args, parser) -> int:
    from pipeline.classify.tagger import ModelError

    try:
        _set_tagger(args.model, args.no_themes)
    except ModelError as exc:
        print(f"zhengce: {exc}", file=sys.stderr)
        return 2
    files, missing, walked = _collect(args.paths)
    for raw, reason in missing:
        print(f"zhengce: {raw}: {reason}", file=sys.stderr)
    if args.out is None:
        if walked or len(files) + len(missing) != 1:
            parser.error("several inputs need an output folder: -o DIR")
        if not files:
            return 1
        doc, reason = _process(files[0])
        if doc is None:
            print(f"zhengce: {files[0]}: {reason}", file=sys.stderr)
            return 1
        from pipeline.dataset import document_json

        sys.stdout.write(document_json(doc))
        return 0
    return _extract_to_folder(files, args, failed=len(missing))


def _extract_to_folder(files: list[Path], args, failed: int) -> int:
    from tqdm import tqdm

    from pipeline.dataset import document_json, write_tables, write_text_atomic
    from pipeline.review import render_overview, render_review

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    manifest_path = out / MANIFEST
    fingerprint = _fingerprint() + ("" if not _TAGGER[0] else _TAGGER[0].model_id)
    manifest = {"fingerprint": fingerprint, "files": {}}
    if manifest_path.exists() and not args.force:
        try:
            old = json.loads(manifest_path.read_text(encoding="utf-8"))
            if old.get("fingerprint") == fingerprint:
                manifest["files"] = old.get("files", {})
        except (OSError, ValueError):
            pass  # an unreadable manifest only costs a full re-run

    docs: dict[Path, dict] = {}
    todo: list[Path] = []
    hashes: dict[Path, str] = {}
    for path in files:
        try:
            hashes[path] = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            hashes[path] = ""
        entry = manifest["files"].get(str(path.resolve()))
        cached = out / f"{entry['doc_id']}.json" if entry else None
        if entry and entry.get("sha256") == hashes[path] and cached.exists():
            docs[path] = json.loads(cached.read_text(encoding="utf-8"))
        else:
            todo.append(path)

    progress = tqdm(total=len(todo), unit="file", file=sys.stderr, disable=not sys.stderr.isatty() or len(todo) <= 3)
    if args.jobs > 1 and len(todo) > 1:
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            results = []
            for result in pool.map(_process, todo, [args.model] * len(todo), [args.no_themes] * len(todo)):
                results.append(result)
                progress.update()
    else:
        results = []
        for path in todo:
            results.append(_process(path))
            progress.update()
    progress.close()

    for path, (doc, reason) in zip(todo, results, strict=True):
        key = str(path.resolve())
        if doc is None:
            print(f"zhengce: {path}: {reason}", file=sys.stderr)
            manifest["files"].pop(key, None)
            failed += 1
            continue
        write_text_atomic(out / f"{doc['doc_id']}.json", document_json(doc))
        manifest["files"][key] = {"sha256": hashes[path], "doc_id": doc["doc_id"]}
        docs[path] = doc

    ordered = [docs[p] for p in files if p in docs]
    write_tables(ordered, out)
    # Review pages for every document of the run, cached ones too: rendering is cheap next to
    # parsing, and a page always matches the JSON beside it.
    for doc in ordered:
        write_text_atomic(out / f"{doc['doc_id']}.html", render_review(doc))
    write_text_atomic(out / "overview.html", render_overview(ordered))
    write_text_atomic(manifest_path, json.dumps(manifest, ensure_ascii=False, indent=1))
    skipped = len(files) - len(todo)
    print(f"zhengce: {len(ordered)} documents written to {out}"
          f" ({skipped} unchanged, {failed} failed)", file=sys.stderr)
    return 1 if failed else 0
