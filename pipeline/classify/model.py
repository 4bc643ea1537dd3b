"""The theme classifier of one codebook level, a scikit-learn estimator.

Features: character 1–3-grams and jieba words (TF-IDF), plus one count per code of its cue terms,
so that a code with few examples still has evidence. A logistic regression gives calibrated
scores. Codes of the codebook without any training example are scored by their cues alone.
"""
from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, make_pipeline
from sklearn.utils.validation import check_is_fitted


def jieba_words(text: str) -> list[str]:
    """Module-level (picklable) word tokenizer: the project's private jieba tokenizer."""
    from pipeline.extract.segment import pos_cut
    from pipeline.resources import extract_rules

    return [w for w, _ in pos_cut(text, extract_rules().policy_terms) if w.strip()]


class CueCounts(BaseEstimator, TransformerMixin):
    """Per code, how many of its cue terms occur in the text (square-root damped)."""

    def __init__(self, cues: tuple[tuple[str, ...], ...] = ()):
        self.cues = cues

    def fit(self, X, y=None):
        return self

    def transform(self, X):
        rows = [[sum(text.count(term) for term in terms) for terms in self.cues] for text in X]
        return np.sqrt(np.asarray(rows, dtype=float))


class LevelClassifier(BaseEstimator, ClassifierMixin):
    """Codes of one level from item texts.

    >>> clf = LevelClassifier(codes=("6", "3"), cues=(("学校",), ("医院",))).fit(texts, labels)
    >>> clf.predict(["新建幼儿园3所"])
    array(['6'], dtype=object)
    """

    def __init__(self, codes: tuple[str, ...] = (), cues: tuple[tuple[str, ...], ...] = (), C: float = 8.0,
                 cue_weight: float = 1.0):
        self.codes = codes
        self.cues = cues
        self.C = C
        self.cue_weight = cue_weight

    def fit(self, X, y):
        X, y = list(X), np.asarray(y, dtype=object)
        self.classes_ = np.asarray(list(self.codes), dtype=object)
        self.trained_ = sorted(set(y))
        features = FeatureUnion([
            # capped vocabularies keep the saved model small (a few MB) at no measurable cost
            ("chars", TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True, min_df=2,
                                      max_features=30000)),
            ("words", TfidfVectorizer(tokenizer=jieba_words, token_pattern=None, lowercase=False,
                                      sublinear_tf=True, max_features=15000)),
            ("cues", CueCounts(self.cues)),
        ], transformer_weights={"chars": 1.0, "words": 1.0, "cues": self.cue_weight})
        if len(self.trained_) >= 2:
            self.model_ = make_pipeline(features, LogisticRegression(C=self.C, max_iter=5000,
                                                                     class_weight="balanced"))
            self.model_.fit(X, y)
        else:
            self.model_ = None  # no labels (or one code): the cues decide
        return self

    def predict_proba(self, X):
        """Scores over `classes_` (the codebook's codes), summing to 1 per row."""
        check_is_fitted(self, "classes_")
        X = list(X)
        cue = CueCounts(self.cues).transform(X)
        cue_scores = np.exp(cue * 2.0)
        cue_scores /= cue_scores.sum(axis=1, keepdims=True)
        if self.model_ is None:
            return cue_scores
        proba = np.zeros((len(X), len(self.classes_)))
        learned = self.model_.predict_proba(X)
        index = {code: i for i, code in enumerate(self.classes_)}
        for j, code in enumerate(self.model_.classes_):
            proba[:, index[code]] = learned[:, j]
        untrained = [index[c] for c in self.classes_ if c not in self.trained_]
        if untrained:
            # a code nobody labelled can still win on its cues, with the cue share of the mass
            share = cue_scores[:, untrained] * (cue.sum(axis=1, keepdims=True) > 0)
            proba[:, untrained] = share
            proba /= proba.sum(axis=1, keepdims=True)
        return proba

    def predict(self, X):
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]

    @property
    def cue_only(self) -> bool:
        return getattr(self, "model_", None) is None


def cue_baseline(texts, codes: tuple[str, ...], cues: tuple[tuple[str, ...], ...]) -> list[str | None]:
    """The simple baseline: the code with the most cue hits (None when no cue occurs)."""
    counts = CueCounts(cues).transform(list(texts))
    return [codes[int(np.argmax(row))] if row.max() > 0 else None for row in counts]
