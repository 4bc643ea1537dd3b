"""Official-document elements (GB/T 9704) and where the plan body lies: header, notice, signature, 版记."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from pipeline.numerals import DATE_PATTERN, date_from_match, first_year, parse_date
from pipeline.resources import StructureRules
from pipeline.structure.paragraphs import Para
from pipeline.types import DocNumber, Meta

_DATE = DATE_PATTERN.pattern
_DATE_LINE = regex.compile(rf"^[（(]?\s*(?:{_DATE})\s*[)）]?$")
_SIGNED_DATE_LINE = regex.compile(rf"^(?P<sig>\S.*?)\s+(?:{_DATE})$")
_SUBTITLE_DATE = regex.compile(rf"^(?:——|—|－－|--|[（(]).{{0,10}}?(?:{_DATE})")
_DOC_NUMBER = regex.compile(
    r"(?P<prefix>[\p{Han}A-Za-z]{1,20}?)\s*[〔\[【（(［]\s*(?P<year>\d{4})\s*[〕\]】）)］]\s*第?\s*(?P<serial>\d{1,5})\s*号"
)
_SENTENCE_END = regex.compile(r"[。！？!?]")
_ANY_PUNCT = regex.compile(r"[。，,；;：:！？!?]")
_SPACE_RUN = regex.compile(r"[ \u3000\t]{2,}|\n")
_SEPARATOR = regex.compile(r"^[\s─—_\-=＝*·.．]+$")
_COPIES = regex.compile(r"^[（(]?\s*共印\s*\d+\s*份\s*[)）]?$")
_ATTACHMENT_ENTRY = regex.compile(r"^(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*[.．、:：]\s*")


@dataclass(frozen=True)
class Layout:
    """Meta plus the paragraphs of the plan body (what the outline parser reads)."""

    meta: Meta
    body: tuple[Para, ...]


def read_layout(paras: tuple[Para, ...], marker_at, rules: StructureRules) -> Layout:
    """Assign each paragraph a role (header, notice, signature, 版记, body) and read the meta fields.

    `marker_at(text)` tells whether a line starts with an outline marker; signatures,
    titles and recipient lines never do.
    """
    n = len(paras)
    texts = [p.text.strip() for p in paras]
    excluded: set[int] = set()

    # 版记 at the very end: 抄送 and the 印发 line, separators, copy counts.
    cc: tuple[str, ...] = ()
    printed_by = printed_date = None
    colophon_start = n
    i = n - 1
    while i >= 0:
        t = texts[i]
        cc_match = rules.cc_pattern.match(t)
        printed = rules.printed_pattern.match(t)
        if cc_match:
            cc = _split_list(cc_match["body"])
        elif printed:
            printed_by, printed_date = printed["by"].strip(), parse_date(printed["date"])
        elif not (_SEPARATOR.match(t) or _COPIES.match(t) or _is_note(t, rules)):
            break
        colophon_start = i
        i -= 1

    # Header: everything before the first paragraph that reads as body text.
    header_end = 0
    while header_end < colophon_start and _is_header_line(texts[header_end], marker_at, rules):
        header_end += 1
    header = list(range(header_end))

    issuer_mark = None
    doc_number = None
    recipients: tuple[str, ...] = ()
    subtitle_date = None
    title_block: list[int] = []
    speaker_lines: list[int] = []
    for k in header:
        t = texts[k]
        if rules.header_marks.match(t):
            continue
        number = _DOC_NUMBER.search(t) if doc_number is None and len(t) <= 60 else None
        if number and number.start() == 0 or number and rules.header_marks.match(t[: number.start()].strip()):
            doc_number = DocNumber(number.group(0), number["prefix"], int(number["year"]), int(number["serial"]))
            continue
        if issuer_mark is None and not title_block and k <= 3 and _compact(t).endswith("文件"):
            issuer_mark = _compact(t)
            continue
        if k == header_end - 1 and t.endswith(("：", ":")) and "——" not in t:
            recipients = _split_list(t)
            continue
        if _SUBTITLE_DATE.match(t) and subtitle_date is None:
            subtitle_date = parse_date(t)
            continue
        if subtitle_date is not None or (title_block and _ends_with_doc_type(texts[title_block[-1]], rules)
                                         and not _ends_with_doc_type(t, rules) and "关于" not in t):
            speaker_lines.append(k)  # 国务院总理 / 李克强 under a speech title
            continue
        title_block.append(k)

    title, issuers = _read_title(texts, title_block, rules)
    if issuer_mark is None and len(title_block) >= 2 and title_block[0] == 0 and issuers \
            and texts[0] == issuers[0]:
        # GB/T 9704 7.2.1: the banner may be the issuer's name alone, without 文件
        issuer_mark = texts[0]
    doc_type = _doc_type(title, rules) if title else None

    # The notice: its body runs to the first signature/date block after the header.
    transmitted = _transmitted_title(title, rules) if title else None
    signatories: tuple[str, ...] = tuple(_compact(texts[k]) for k in speaker_lines)
    date = None
    attachments: tuple[str, ...] = ()
    body_start, body_end = header_end, colophon_start

    first_block = _find_signature_block(texts, header_end, colophon_start, marker_at, rules)
    if transmitted is not None and first_block is not None:
        sig_start, date_idx, sigs, date = first_block
        signatories = sigs or signatories
        attachments, _ = _read_attachments(texts, header_end, sig_start, rules)
        j = date_idx + 1
        while j < colophon_start and (_is_note(texts[j], rules) or rules.attachment_label_pattern.match(texts[j])):
            j += 1
        if j < colophon_start and not _SENTENCE_END.search(texts[j]) and not marker_at(texts[j]):
            plan_title, body_start = _compact(texts[j]), j + 1
        else:
            plan_title, body_start = transmitted, j
        excluded.update(range(header_end, body_start))
        # The plan may close with a signature and date of its own.
        last = _find_signature_block(texts, body_start, colophon_start, marker_at, rules, last=True)
        if last is not None:
            body_end = last[0]
    else:
        plan_title = None
        # A signature and date closing the whole document (a notice or 意见 signed at the end).
        last = _find_signature_block(texts, header_end, colophon_start, marker_at, rules, last=True)
        if last is not None:
            sig_start, date_idx, sigs, date = last
            if sigs:
                signatories = sigs
            attachments, attachment_lines = _read_attachments(texts, header_end, sig_start, rules)
            excluded.update(attachment_lines)
            body_end = sig_start
            excluded.update(k for k in range(date_idx + 1, colophon_start) if _is_note(texts[k], rules))
        if transmitted is not None:
            plan_title = transmitted
            # No signature after the notice: the plan still starts at its own title line.
            wanted = _compact(transmitted)
            start = next((k for k in range(header_end, body_end) if _compact(texts[k]) == wanted), None)
            if start is not None:
                excluded.update(range(header_end, start + 1))
        elif doc_type in rules.plan_doc_types:
            plan_title = title
    if date is None:
        date = subtitle_date
    # A date subtitle under the plan's own title (…审议通过) when the notice had none.
    while body_start < body_end and _SUBTITLE_DATE.match(texts[body_start]) and len(texts[body_start]) <= 80:
        date = date or parse_date(texts[body_start])
        body_start += 1

    if not issuers:
        issuers = tuple(s for s in signatories if s.endswith(rules.organisation_suffixes))
    plan_year = first_year(plan_title) if plan_title else None
    for words in rules.draft_year_after if plan_title else ():
        if words in plan_title:
            plan_year = first_year(plan_title[plan_title.index(words):]) or plan_year
    if plan_year is None and plan_title and date and any(w in plan_title for w in rules.delivered_year_titles):
        plan_year = int(date[:4])

    body = tuple(
        paras[k]
        for k in range(body_start, body_end)
        if k not in excluded
        and not any(p.match(texts[k]) for p in rules.closing_formulas)
        and not _is_note(texts[k], rules)
    )
    meta = Meta(
        issuer_mark=issuer_mark,
        doc_number=doc_number,
        issuers=issuers,
        title=title,
        doc_type=doc_type,
        recipients=recipients,
        signatories=signatories,
        date=date,
        plan_title=plan_title,
        plan_year=plan_year,
        attachments=attachments,
        cc=cc,
        printed_by=printed_by,
        printed_date=printed_date,
    )
    return Layout(meta=meta, body=body)


def _compact(text: str) -> str:
    return regex.sub(r"\s+", "", text)


def _is_note(text: str, rules: StructureRules) -> bool:
    return any(p.match(text) for p in rules.notes)


def _is_header_line(text: str, marker_at, rules: StructureRules) -> bool:
    """Header lines are short and carry no sentence: banner, number, title, recipients."""
    return (not _SENTENCE_END.search(text) and len(text) <= 150 and not marker_at(text)
            and not rules.body_opener.search(text))


def _split_list(text: str) -> tuple[str, ...]:
    """'区体育发展中心，各学校、幼儿园：' → ('区体育发展中心', '各学校、幼儿园')."""
    text = text.strip().rstrip("：:。；;")
    return tuple(part.strip() for part in regex.split(r"[，,]", text) if part.strip())


def _ends_with_doc_type(text: str, rules: StructureRules) -> bool:
    return _doc_type(text, rules) is not None


def _doc_type(title: str, rules: StructureRules) -> str | None:
    """'关于印发《…》的通知' → '通知'; '…工作要点' → '工作要点'; '…办法（试行）' → '办法'."""
    stripped = title.strip().rstrip("。")
    for suffix in rules.title_suffixes:
        if stripped.endswith(suffix):
            stripped = stripped[: -len(suffix)]
    for doc_type in rules.doc_types:
        if stripped.endswith(doc_type):
            return doc_type
    return None


def _read_title(texts: list[str], block: list[int], rules: StructureRules) -> tuple[str | None, tuple[str, ...]]:
    """Title and issuers from the title block: issuer lines, then 关于…文种 (possibly over two lines)."""
    if not block:
        return None, ()
    lines = [texts[k] for k in block]
    about = next((i for i, t in enumerate(lines) if "关于" in t), None)
    if about is None:
        # No 关于: the title is the block (a plan or report title, possibly wrapped).
        return "".join(_compact(t) for t in lines), ()
    issuers = [part for t in lines[:about] for part in _split_names(t)]
    head, _, rest = lines[about].partition("关于")
    issuers += _split_names(head)
    title = "关于" + _compact(rest)
    for extra in lines[about + 1:]:
        if _doc_type(title, rules):
            break
        title += _compact(extra)
    return title, tuple(dict.fromkeys(issuers))


def _split_names(text: str) -> list[str]:
    return [part for part in regex.split(r"[\s、]+", text.strip()) if part]


def _transmitted_title(title: str, rules: StructureRules) -> str | None:
    """'关于印发《2021年…工作要点》的通知' → '2021年…工作要点'; None for a notice that transmits nothing."""
    verbs = "|".join(map(regex.escape, rules.transmittal_verbs))
    match = regex.search(rf"(?:{verbs})(?P<what>.+?)(?:等\S{{1,4}}文件)?的?(?:通知|函|决定)$", title)
    if not match:
        return None
    what = match["what"].strip()
    quoted = regex.match(r"^《(.+?)》", what)
    return quoted.group(1) if quoted else what


def _find_signature_block(texts, start, end, marker_at, rules, last=False):
    """(first signature line, date line, signatories, ISO date) of the first — or last — date
    line between start and end that stands alone or closes a signature line."""
    candidates = range(end - 1, start - 1, -1) if last else range(start, end)
    for k in candidates:
        t = texts[k]
        if last and k < end - 8:
            return None  # a closing signature sits in the last few lines
        match = _DATE_LINE.match(t)
        signed = None if match else _SIGNED_DATE_LINE.match(t)
        if signed and (_ANY_PUNCT.search(signed["sig"]) or len(signed["sig"]) > 60):
            signed = None
        if not (match or signed):
            continue
        iso = date_from_match(DATE_PATTERN.search(t))
        if iso is None:
            continue
        sig_lines: list[str] = []
        if signed:
            sig_lines.append(signed["sig"])
        j = k - 1
        while j >= start and k - j <= 4 and _is_signature_line(texts[j], marker_at, rules):
            sig_lines.insert(0, texts[j])
            j -= 1
        parts = [part.strip() for line in sig_lines for part in _SPACE_RUN.split(line) if part.strip()]
        signatories = tuple(name for part in parts for name in _split_organisations(part, rules))
        return j + 1, k, signatories, iso
    return None


def _split_organisations(part: str, rules: StructureRules) -> list[str]:
    """Two issuers set apart by a single space (PDF extraction and web pages collapse wider gaps):
    split when every piece is an organisation name."""
    pieces = part.split()
    if len(pieces) > 1 and all(p.endswith(rules.organisation_suffixes) for p in pieces):
        return pieces
    return [part]


def _is_signature_line(text: str, marker_at, rules: StructureRules) -> bool:
    return (
        len(text) <= 60
        and not _ANY_PUNCT.search(text)
        and not marker_at(text)
        and not rules.attachment_pattern.match(text)
        and not _ATTACHMENT_ENTRY.match(text)
        and not _DATE_LINE.match(text)
    )


def _read_attachments(texts, start, end, rules) -> tuple[tuple[str, ...], list[int]]:
    """附件说明 between start and end: '附件：1.A' + '2.B' → ('A', 'B'), and the line indexes."""
    for k in range(start, end):
        match = rules.attachment_pattern.match(texts[k])
        if not match:
            continue
        entries, lines = [], [k]
        first = match["body"].strip()
        if first:
            entries.append(first)
        for j in range(k + 1, end):
            if _ATTACHMENT_ENTRY.match(texts[j]) or (not entries and texts[j] and not _ANY_PUNCT.search(texts[j])):
                entries.append(texts[j])
                lines.append(j)
            else:
                break
        cleaned = tuple(_ATTACHMENT_ENTRY.sub("", e).strip().rstrip("。；;，,") for e in entries)
        return tuple(e for e in cleaned if e), lines
    return (), []
