"""Themes: every item tagged with the codes of a two-level codebook (annotation guide, section 7)."""
from pipeline.classify.codebook import Codebook, load_codebook
from pipeline.classify.model import LevelClassifier
from pipeline.classify.tagger import Theme, ThemeTagger, load_tagger

__all__ = ["Codebook", "LevelClassifier", "Theme", "ThemeTagger", "load_codebook", "load_tagger"]
