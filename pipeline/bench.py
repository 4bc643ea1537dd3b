"""`make bench`: throughput of extraction against plain jieba.lcut on the same text, and peak memory.

Both are timed in the same run on the sample notices (corpus/raw/*.txt), median of 3 rounds,
so the ratio does not depend on how fast the machine is.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path


def _median_seconds(work, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("corpus/raw"))
    parser.add_argument("--repeat", type=int, default=20, help="passes over the corpus per round")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)

    import jieba

    from pipeline.extract import extract_document
    from pipeline.ingest import ingest
    from pipeline.ingest.normalize import normalize_text
    from pipeline.resources import ingest_rules
    from pipeline.structure import parse_document

    jieba.setLogLevel(60)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    files = sorted(args.corpus.glob("*.txt"))
    loaded = [(ingest(path)[1], path) for path in files]
    raws = [ingested.text for ingested, _ in loaded]
    chars = sum(len(raw) for raw in raws) * args.repeat

    def extract() -> None:
        for _ in range(args.repeat):
            for (ingested, _), raw in zip(loaded, raws, strict=True):
                extract_document(parse_document(normalize_text(raw, ingest_rules()), ingested.source))

    def segment() -> None:
        for _ in range(args.repeat):
            for raw in raws:
                tokenizer.lcut(raw)

    extract()  # warm caches (rules, regexes) as a long run would have them
    t_extract = _median_seconds(extract, args.rounds)
    t_jieba = _median_seconds(segment, args.rounds)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {len(files)} files, {chars:,} characters per round ({args.repeat} passes), "
          f"median of {args.rounds} rounds")
    print(f"extract (normalise, meta, outline, extractors): {chars / t_extract / 1000:,.0f} k chars/s")
    print(f"jieba.lcut (HMM on, private Tokenizer):         {chars / t_jieba / 1000:,.0f} k chars/s")
    print(f"ratio extract / jieba: {t_jieba / t_extract:.2f}")
    print(f"peak memory (max RSS of this process): {peak_mib:,.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
