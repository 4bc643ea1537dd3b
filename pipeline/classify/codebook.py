"""Theme codebooks as data: levels of codes with labels, parents, scope notes and cue terms."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

from pipeline.resources import ResourceError


@dataclass(frozen=True)
class Code:
    code: str
    label: str
    cues: tuple[str, ...] = ()
    parent: str | None = None
    scope: str | None = None


@dataclass(frozen=True)
class Level:
    level: int
    codes: tuple[Code, ...]
    applies_to: tuple[str, ...] = ()  # level-1 codes of the documents this level is for; () = all

    def code(self, code: str) -> Code:
        return next(c for c in self.codes if c.code == code)


@dataclass(frozen=True)
class Codebook:
    name: str
    levels: tuple[Level, ...]
    sha256: str

    def level(self, number: int) -> Level | None:
        return next((lv for lv in self.levels if lv.level == number), None)


_CODE_KEYS = {"code", "label", "cues", "parent", "scope"}


def load_codebook(path: str | Path) -> Codebook:
    """Read and validate a codebook YAML (see models/codebooks/default.yaml for the shape)."""
    path = Path(path)
    raw = path.read_bytes()
    data = yaml.safe_load(raw.decode("utf-8"))
    if not isinstance(data, dict) or "levels" not in data:
        raise ResourceError(f"{path}: a codebook needs `name` and `levels`")
    levels = []
    for entry in data["levels"]:
        unknown = set(entry) - {"level", "codes", "applies_to"}
        if unknown or "codes" not in entry:
            raise ResourceError(f"{path}: level {entry.get('level')!r}: unknown keys {sorted(unknown)} or no codes")
        codes = []
        for c in entry["codes"]:
            extra = set(c) - _CODE_KEYS
            if extra or "code" not in c or "label" not in c:
                raise ResourceError(f"{path}: code {c!r} needs code and label (and optional cues, parent, scope)")
            codes.append(Code(str(c["code"]), str(c["label"]), tuple(map(str, c.get("cues") or ())),
                              str(c["parent"]) if c.get("parent") is not None else None, c.get("scope")))
        if len({c.code for c in codes}) != len(codes):
            raise ResourceError(f"{path}: level {entry.get('level')}: duplicate codes")
        levels.append(Level(int(entry.get("level", 1)), tuple(codes), tuple(map(str, entry.get("applies_to") or ()))))
    return Codebook(str(data.get("name", path.stem)), tuple(levels), hashlib.sha256(raw).hexdigest())
