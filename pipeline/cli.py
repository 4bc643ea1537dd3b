"""Command line: `zhengce extract PATH... [-o DIR] [--jobs N]`."""
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
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    return run_extract(args, parser)


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


def _process(path: Path) -> tuple[dict | None, str | None]:
    """Worker: (document dict, None) or (None, one-line reason)."""
    from pipeline import extract_file
    from pipeline.dataset import document_to_dict

    try:
        return document_to_dict(extract_file(path)), None
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

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    manifest_path = out / MANIFEST
    fingerprint = _fingerprint()
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
            for result in pool.map(_process, todo):
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
    write_text_atomic(manifest_path, json.dumps(manifest, ensure_ascii=False, indent=1))
    skipped = len(files) - len(todo)
    print(f"zhengce: {len(ordered)} documents written to {out}"
          f" ({skipped} unchanged, {failed} failed)", file=sys.stderr)
    return 1 if failed else 0
