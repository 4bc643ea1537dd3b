"""TXT decoding: every encoding a researcher meets gives the same text; bad bytes a clear error."""
import pytest

from pipeline.errors import InputError
from pipeline.ingest import ingest
from pipeline.ingest.txt import decode_bytes

TEXT = "关于印发《2021年教育工作要点》的通知\n各学校：\n现将工作要点印发给你们。\n"


@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("gbk"), "gb18030"),
    (TEXT.encode("gb18030"), "gb18030"),
    (TEXT.encode("utf-16"), "utf-16"),
    (TEXT.encode("utf-16-le"), "utf-16-le"),
], ids=["utf-8", "utf-8-bom", "gbk", "gb18030", "utf-16-bom", "utf-16-le-no-bom"])
def test_decode_bytes(data, encoding):
    text, found = decode_bytes(data, "x.txt")
    assert text == TEXT
    assert found == encoding


def test_binary_bytes_are_rejected():
    with pytest.raises(InputError, match="undecodable"):
        decode_bytes(bytes(range(256)) * 20, "x.txt")


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"   \n\n", "empty file"),
    (b"This notice has no Chinese text at all.\n" * 5, "no Chinese text"),
])
def test_unusable_files(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=reason):
        ingest(path)


def test_unsupported_extension(tmp_path):
    path = tmp_path / "notice.rtf"
    path.write_text("关于印发工作要点的通知", encoding="utf-8")
    with pytest.raises(InputError, match="unsupported file type .rtf"):
        ingest(path)
