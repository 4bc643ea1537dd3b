"""A trained theme tagger: codebook, one classifier per level, thresholds and a model card."""
from __future__ import annotations

import dataclasses
import json
import platform
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from pipeline.classify.codebook import Codebook, load_codebook
from pipeline.classify.model import LevelClassifier
from pipeline.types import Document

DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "models" / "themes"
MAX_SECONDARY = 2


class ModelError(RuntimeError):
    """A saved model that cannot be used here (missing files, other library versions)."""


@dataclass(frozen=True)
class Theme:
    level: int
    code: str
    label: str
    score: float


@dataclass
class ThemeTagger:
    codebook: Codebook
    models: dict[int, LevelClassifier]
    thresholds: dict[int, float]
    card: dict = field(default_factory=dict)
    codebook_path: Path | None = None  # the YAML the codebook was read from, copied beside the model

    @property
    def model_id(self) -> str:
        return self.card.get("model_id", "untrained")

    def rank(self, texts: list[str], level: int) -> list[list[tuple[str, float]]]:
        """Per text, (code, score) pairs: the primary first, then secondaries above the threshold."""
        model = self.models[level]
        proba = model.predict_proba(texts)
        ranked = []
        for row in proba:
            order = np.argsort(-row, kind="stable")
            picks = [(model.classes_[order[0]], float(row[order[0]]))]
            for j in order[1:1 + MAX_SECONDARY]:
                if row[j] >= self.thresholds.get(level, 1.0):
                    picks.append((model.classes_[j], float(row[j])))
            ranked.append(picks)
        return ranked

    def tag(self, doc: Document) -> Document:
        """The document with `themes` filled for every item; level 2 only when the document's
        domain is the level's (most items' level-1 primary among its `applies_to`)."""
        if not doc.items:
            return doc
        texts = [item.text for item in doc.items]
        themes: list[list[Theme]] = [[] for _ in texts]
        primaries = []
        for level in sorted(self.models):
            spec = self.codebook.level(level)
            if spec.applies_to:
                share = sum(p in spec.applies_to for p in primaries) / len(primaries) if primaries else 0
                if share < 0.5:
                    continue
            for i, picks in enumerate(self.rank(texts, level)):
                themes[i].extend(Theme(level, code, spec.code(code).label, round(score, 4)) for code, score in picks)
                if level == 1:
                    primaries.append(picks[0][0])
        items = tuple(dataclasses.replace(item, themes=tuple(t)) for item, t in zip(doc.items, themes, strict=True))
        warnings = doc.warnings + tuple(
            f"themes: level {lv} from cue terms only (the model has no labelled examples for it)"
            for lv in self.card.get("cue_only_levels", []))
        return dataclasses.replace(doc, items=items, warnings=warnings)

    def save(self, folder: Path) -> None:
        import joblib

        folder.mkdir(parents=True, exist_ok=True)
        joblib.dump({"models": self.models, "thresholds": self.thresholds}, folder / "model.joblib", compress=3)
        (folder / "codebook.yaml").write_bytes(Path(self.codebook_path).read_bytes())
        (folder / "card.json").write_text(json.dumps(self.card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def library_versions() -> dict[str, str]:
    import jieba
    import sklearn

    return {"python": platform.python_version(), "scikit-learn": sklearn.__version__, "numpy": np.__version__,
            "jieba": jieba.__version__}


def load_tagger(folder: str | Path = DEFAULT_MODEL) -> ThemeTagger:
    """Load a saved tagger; refuses one trained with other library versions, saying which."""
    import joblib

    folder = Path(folder)
    card_path = folder / "card.json"
    if not card_path.exists():
        raise ModelError(f"{folder}: no theme model here (card.json missing); run `make train`")
    card = json.loads(card_path.read_text(encoding="utf-8"))
    here = library_versions()
    mismatched = {k: (v, here.get(k)) for k, v in card.get("versions", {}).items()
                  if k in ("scikit-learn", "numpy") and v.split(".")[:2] != str(here.get(k)).split(".")[:2]}
    if mismatched:
        detail = ", ".join(f"{k} {a} (model) vs {b} (here)" for k, (a, b) in mismatched.items())
        raise ModelError(f"{folder}: model trained with other library versions: {detail}; run `make train`")
    saved = joblib.load(folder / "model.joblib")
    codebook = load_codebook(folder / "codebook.yaml")
    return ThemeTagger(codebook, saved["models"], saved["thresholds"], card, folder / "codebook.yaml")
