"""Plain-text files: encoding detected by BOM, then strict decoding, then charset-normalizer."""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from pipeline.errors import InputError
from pipeline.types import Ingested, Source

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Tried in order with strict decoding. UTF-8 first: GB18030 accepts many UTF-8 byte sequences
# as (wrong) Chinese, never the reverse for real Chinese text.
_STRICT = ("utf-8", "gb18030")


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Return (text, encoding name) or raise InputError when the bytes are not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise InputError(path, f"undecodable bytes (starts with a {encoding} byte-order mark)") from None
    if _looks_like_utf16(data):
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _is_plausible(text):
                return text, encoding
    for encoding in _STRICT:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _is_plausible(text):
            return text, encoding
    from charset_normalizer import from_bytes  # imported late: only needed for rare encodings

    best = from_bytes(data).best()
    if best is not None:
        text = str(best)
        if _is_plausible(text):
            return text, codecs.lookup(best.encoding).name
    raise InputError(path, "undecodable bytes (not text in UTF-8, GB18030, UTF-16 or a detectable encoding)")


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without BOM: Chinese or ASCII text in UTF-16 has many zero bytes on one side."""
    sample = data[:4000]
    if len(sample) < 4:
        return False
    even_zero = sample[0::2].count(0) / (len(sample) / 2)
    odd_zero = sample[1::2].count(0) / (len(sample) / 2)
    return max(even_zero, odd_zero) > 0.2 and len(data) % 2 == 0


_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f]")  # control characters other than \t\n\v\f\r


def _is_plausible(text: str) -> bool:
    """Binary data decoded by luck is full of control characters."""
    if not text:
        return True
    return len(_CONTROLS.findall(text)) / len(text) < 0.01


def read_txt(path: Path, data: bytes, sha256: str) -> Ingested:
    """A .txt file: 一、总体要求 in GBK bytes → Ingested(text="一、总体要求", encoding="gb18030")."""
    text, encoding = decode_bytes(data, str(path))
    return Ingested(text=text, source=Source(str(path), "txt", encoding, sha256))
