"""`make bench`: throughput of extraction against plain jieba.lcut on the same text, and peak memory.

Both are timed in the same run on the sample notices (corpus/raw/*.txt), in alternating rounds,
and the ratio is the median of the rounds' ratios: it depends neither on how fast the machine is nor
on a burst of load from another process during one of the two timings.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path


def _seconds(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("corpus/raw"))
    parser.add_argument("--repeat", type=int, default=4, help="passes over the corpus per round")
    parser.add_argument("--rounds", type=int, default=7)
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
    rounds = [(_seconds(extract), _seconds(segment)) for _ in range(args.rounds)]
    ratios = sorted(t_jieba / t_extract for t_extract, t_jieba in rounds)
    t_extract = statistics.median(t for t, _ in rounds)
    t_jieba = statistics.median(t for _, t in rounds)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {len(files)} files, {chars:,} characters per round ({args.repeat} passes), "
          f"{args.rounds} alternating rounds")
    print(f"extract (normalise, meta, outline, extractors): {chars / t_extract / 1000:,.0f} k chars/s (median)")
    print(f"jieba.lcut (HMM on, private Tokenizer):         {chars / t_jieba / 1000:,.0f} k chars/s (median)")
    print(f"ratio extract / jieba: {statistics.median(ratios):.2f} (median of rounds; "
          f"range {ratios[0]:.2f}–{ratios[-1]:.2f})")
    print(f"peak memory (max RSS of this process): {peak_mib:,.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
