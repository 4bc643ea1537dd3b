"""A private jieba tokenizer with the project's dictionary of policy terms (立德树人, 双减 …)."""
from __future__ import annotations

import functools
import logging
import tempfile
from pathlib import Path


@functools.cache
def pos_tokenizer(user_dict: Path):
    """jieba.posseg over a private Tokenizer: the global one is left as the user had it, and the
    cache goes to a per-user temporary folder so that read-only installs and parallel runs work."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = tempfile.gettempdir()
    tokenizer.load_userdict(str(user_dict))
    return jieba.posseg.POSTokenizer(tokenizer)


def pos_cut(text: str, user_dict: Path) -> list[tuple[str, str]]:
    """'深入推进基层党组织标准化建设' → [('深入', 'ad'), ('推进', 'v'), …]."""
    return [(pair.word, pair.flag) for pair in pos_tokenizer(user_dict).lcut(text)]
