"""The government work reports of ../shared/corpus as .txt files the pipeline can read."""
from __future__ import annotations

import json
from pathlib import Path

import regex

REPORTS_JSONL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "government-work-reports-2013-2019.jsonl"
LICENCE_FOOTER = "本作品是中华人民共和国的"  # Wikisource's footer on the reports, not part of them


def report_files(jsonl: Path, folder: Path) -> dict[int, Path]:
    """Write each report to folder/report_YEAR.txt, its web collection's licence footer cut off and
    its title (kept beside the text in the collection) put back on top."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for line in jsonl.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        content = record["content"]
        cut = content.find(LICENCE_FOOTER)
        content = content[:cut] if cut > 0 else content
        if not regex.match(r"[\s\u200b]*政府工作报", content):
            content = f"{record['title']}\n\n{content}"
        path = folder / f"report_{record['year']}.txt"
        path.write_text(content, encoding="utf-8")
        paths[int(record["year"])] = path
    return paths


# How the reports open the sentence of their main targets, the usual wording first: 主要预期目标是
# (2005–2025), 国民经济和社会发展的预期目标是 (2008), …发展的主要目标是 (2007), and in the years that
# set growth alone, 经济增长预期目标为7%左右 (2003, 2004).
_MAIN_TARGETS = (
    regex.compile(r"主要预期目标(?:是|为)"),
    regex.compile(r"主要预期目标"),
    regex.compile(r"发展的(?:主要)?(?:预期)?目标(?:是|为)[：:]"),
    regex.compile(r"经济增长(?:的)?预期目标(?:定)?为"),
)


def main_targets(doc: dict) -> list[dict]:
    """The targets of a report's sentence 今年…主要预期目标是：…。 (GDP growth, CPI, jobs …), in
    the order written: the first opener of _MAIN_TARGETS whose sentence holds targets; [] when
    none does."""
    text = doc["text"]
    targets = [t for it in doc["items"] for t in it["targets"]]
    for opener in _MAIN_TARGETS:
        for passage in opener.finditer(text):
            end = text.find("。", passage.start())
            end = len(text) if end == -1 else end
            found = [t for t in targets if passage.start() <= t["span"][0] < end]
            if found:
                return found
    return []
