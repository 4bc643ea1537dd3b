"""Year-on-year comparison: items aligned one-to-one, targets matched by indicator, theme shares.

Works on document dicts (the JSON of `zhengce extract`), so that extracted files and fresh
notices compare alike.
"""
from __future__ import annotations

from collections import Counter

import numpy as np
import regex

from pipeline.extract import looks_back
from pipeline.extract.targets import EARLIER_TARGET
from pipeline.resources import compare_rules

SCHEMA_VERSION = "1"
ALIGN_THRESHOLD = 0.05  # below this similarity two items are not the same line of work
CONTINUED = 0.60  # at or above: little changed
STATUS_QUANTILE = 0.5  # a pair more similar than this share of the document pair's pairs may be continued
SHORT_INDICATOR = 4  # characters: an indicator of one two-character word and a head (接种人数, 开放率)
CONTEXT_WEIGHT = 0.9  # the clause context counts a little less than the extracted indicator
THEME_WEIGHT = 0.05  # of the items' theme cosine, when choosing among candidates only
CONCEPT_SIMILARITY = 0.8  # two targets that indicators.tsv names as one indicator
_NON_HAN = regex.compile(r"[^\p{Han}A-Za-z0-9]+")
_ASIDE = regex.compile(r"[（(][^（）()]*[）)]")
# (小麦最低收购价平均每斤 ≈ 小麦最低收购价每50公斤: the weight a price is quoted per is its unit, not its name)
_FILLER = regex.compile(r"[等的和与及、]|全市|全区|全县|全省|全国|新区|公办|其中|(?:平均)?每\d*(?:斤|公斤|千克|吨)")
# magnitude prefixes of units, to compare 1.3万亿斤 with 13000亿斤
_MAGNITUDE = (("万亿", 1e12), ("千亿", 1e11), ("亿", 1e8), ("千万", 1e7), ("百万", 1e6), ("万", 1e4), ("千", 1e3))


def _item_text(item: dict) -> str:
    return item["text"]


def similarity_matrix(items_a: list[dict], items_b: list[dict]) -> np.ndarray:
    """Character 2–3-gram TF-IDF cosine of the item texts, with a small weight for shared named
    projects and target indicators and for the section titles (a weaker signal); zero between an
    item of a review of the past year and one of a plan."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not items_a or not items_b:
        return np.zeros((len(items_a), len(items_b)))
    texts = [_item_text(it) for it in items_a + items_b]
    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(2, 3), sublinear_tf=True).fit(texts)
    va, vb = vectorizer.transform(texts[:len(items_a)]), vectorizer.transform(texts[len(items_a):])
    text_sim = (va @ vb.T).toarray()
    # 项目计划投资2800万元。 closes every project of a livelihood plan: a paragraph that its own plan
    # repeats under other headings means what its heading means, so it is as similar to another
    # item as their headings are
    repeated_a, repeated_b = _repeated(items_a), _repeated(items_b)
    if repeated_a.any() or repeated_b.any():
        sections_a = _section_texts(items_a, repeated_a)
        sections_b = _section_texts(items_b, repeated_b)
        heading_sim = (vectorizer.transform(sections_a) @ vectorizer.transform(sections_b).T).toarray()
        text_sim = np.where(np.logical_or.outer(repeated_a, repeated_b), text_sim * heading_sim, text_sim)
    sections = [" ".join(it["section_titles"]) or "-" for it in items_a + items_b]
    sec_vec = TfidfVectorizer(analyzer="char", ngram_range=(1, 2)).fit(sections)
    sec_sim = (sec_vec.transform(sections[:len(items_a)]) @ sec_vec.transform(sections[len(items_a):]).T).toarray()
    names_a, names_b = [_named(it) for it in items_a], [_named(it) for it in items_b]
    shared = np.array([[len(x & y) / len(x | y) if x | y else 0.0 for y in names_b] for x in names_a])
    # the section and shared names only support a pair whose texts already have something in
    # common: two unrelated items of one section are not the same line of work
    support = (text_sim >= 0.03).astype(float)
    # a report's review of the past year aligns with the other's review only: last year's plan item
    # done and reported is not this year's line of work (nor is it dropped from the plan)
    same_part = np.equal.outer([looks_back(it["section_titles"]) for it in items_a],
                               [looks_back(it["section_titles"]) for it in items_b])
    return (0.8 * text_sim + support * (0.1 * sec_sim + 0.1 * shared)) * same_part


def _theme_similarity(items_a: list[dict], items_b: list[dict]) -> np.ndarray:
    """Cosine of the items' theme scores (both levels of the codebook): 城镇化是我国现代化建设的历史任务…
    and 城镇化是现代化的必由之路… share few letters beyond their topic, which the classifier reads."""
    codes = sorted({f'{t["level"]}:{t["code"]}' for it in items_a + items_b for t in it.get("themes", [])})
    index = {c: k for k, c in enumerate(codes)}

    def vectors(items):
        m = np.zeros((len(items), max(1, len(codes))))
        for i, it in enumerate(items):
            for t in it.get("themes", []):
                m[i, index[f'{t["level"]}:{t["code"]}']] = t["score"]
        norms = np.linalg.norm(m, axis=1, keepdims=True)
        return m / np.where(norms > 0, norms, 1.0)

    return vectors(items_a) @ vectors(items_b).T


def _named(item: dict) -> set[str]:
    """What an item names: its projects, its targets' indicators and the lexicon concepts they
    measure (研发经费投入强度 and 全社会研发投入占地区生产总值比重 are one line of work)."""
    concepts = {indicator_concept(t["indicator"]) for t in item["targets"]} - {None}
    return {p["name"] for p in item["projects"]} | {t["indicator"] for t in item["targets"]} | concepts


REPEATED = 0.8  # cosine of the texts with their figures masked: the same line but for its figures
BOILERPLATE_CHARS = 40  # a repeated long paragraph is content (a web copy that doubles one)


def _repeated(items: list[dict]) -> np.ndarray:
    """Short items whose text, figures aside, another item of the same plan repeats
    (项目计划投资2800万元。, 各位代表！)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if len(items) < 2:
        return np.zeros(len(items), bool)
    masked = [regex.sub(r"\d", "0", it["text"]) for it in items]
    vectors = TfidfVectorizer(analyzer="char", ngram_range=(2, 3)).fit_transform(masked)
    within = (vectors @ vectors.T).toarray()
    np.fill_diagonal(within, 0.0)
    short = np.array([len(it["text"]) <= BOILERPLATE_CHARS for it in items])
    return short & (within.max(axis=1) >= REPEATED)


def _section_texts(items: list[dict], repeated: np.ndarray) -> list[str]:
    """For each item, the text of its section: its heading and the items under it that the plan
    does not repeat elsewhere (what a project is, not its budget line)."""
    by_section: dict[tuple, list[str]] = {}
    for item, again in zip(items, repeated, strict=True):
        key = tuple(item["section_titles"])
        by_section.setdefault(key, list(key[-1:]))
        if not again:
            by_section[key].append(item["text"])
    return ["".join(by_section[tuple(item["section_titles"])]) for item in items]


def align_items(items_a: list[dict], items_b: list[dict], threshold: float = ALIGN_THRESHOLD) -> list[dict]:
    """One-to-one alignment as an assignment problem; every item of A and of B appears once.
    `review` marks the rows of a report's review of the past year, aligned among themselves.

    >>> [r["status"] for r in align_items(a_items, b_items)]
    ['continued', 'revised', 'dropped', 'new']
    """
    from scipy.optimize import linear_sum_assignment

    sim = similarity_matrix(items_a, items_b)
    review_a = [looks_back(it["section_titles"]) for it in items_a]
    review_b = [looks_back(it["section_titles"]) for it in items_b]
    rows: list[dict] = []
    matched_a, matched_b = set(), set()
    if sim.size:
        # the themes choose between an item's candidates (a report rewords every line each year) but
        # make no pair and no status: similarity alone is held against the threshold and the bar
        choice = sim + THEME_WEIGHT * (sim > 0) * _theme_similarity(items_a, items_b)
        pairs = [(i, j) for i, j in zip(*linear_sum_assignment(-choice), strict=True) if sim[i, j] >= threshold]
        # "little changed" is relative to how much this pair of documents rewrites overall: a
        # report reworded every year keeps a line of work at a similarity a notice would call new
        bar = min(CONTINUED, float(np.quantile([sim[i, j] for i, j in pairs], STATUS_QUANTILE))) if pairs else CONTINUED
        for i, j in pairs:
            matched_a.add(i)
            matched_b.add(j)
            status = "continued" if sim[i, j] >= bar and _targets_little_changed(items_a[i], items_b[j]) else "revised"
            rows.append({"a": items_a[i]["id"], "b": items_b[j]["id"], "status": status,
                         "similarity": round(float(sim[i, j]), 4), "review": review_a[i],
                         "_order": (i, j)})
    for i, item in enumerate(items_a):
        if i not in matched_a:
            rows.append({"a": item["id"], "b": None, "status": "dropped", "similarity": None, "review": review_a[i],
                         "also_similar": _runner_up(sim[i, :], items_b, threshold), "_order": (i, -1)})
    for j, item in enumerate(items_b):
        if j not in matched_b:
            rows.append({"a": None, "b": item["id"], "status": "new", "similarity": None, "review": review_b[j],
                         "also_similar": _runner_up(sim[:, j], items_a, threshold), "_order": (-1, j)})
    # B's order first (the newer plan is read), dropped items after their predecessor in A
    rows.sort(key=lambda r: (r["_order"][1] if r["_order"][1] >= 0 else 10**6, r["_order"][0]))
    for row in rows:
        del row["_order"]
    return rows


def _runner_up(column: np.ndarray, items: list[dict], threshold: float) -> list[dict]:
    """A split or merged item: the best partner it did not get, when close to the threshold."""
    if not len(column):
        return []
    k = int(np.argmax(column))
    return [{"id": items[k]["id"], "similarity": round(float(column[k]), 4)}] if column[k] >= 0.8 * threshold else []


def _targets_little_changed(a: dict, b: dict) -> bool:
    """The same number of targets, at most one of them with another figure: the guide's `revised`
    needs targets "changed substantially", and one figure moved (12所 → 15所) is not that."""
    key = lambda t: (t["value"], t["value_max"], t["unit"], t["comparator"])  # noqa: E731
    ka, kb = sorted(map(key, a["targets"]), key=str), sorted(map(key, b["targets"]), key=str)
    return len(ka) == len(kb) and sum(k not in kb for k in ka) <= 1


def normalise_indicator(indicator: str) -> str:
    """新建、改扩建公办义务教育学校 → 新建改扩建义务教育学校: punctuation, filler words and asides in
    brackets (国控断面水质优良（达到或好于Ⅲ类）比例) dropped."""
    return _FILLER.sub("", _NON_HAN.sub("", _ASIDE.sub("", indicator)))


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)} or {text}


def indicator_similarity(a: str, b: str) -> float:
    x, y = _bigrams(normalise_indicator(a)), _bigrams(normalise_indicator(b))
    return len(x & y) / len(x | y) if x | y else 0.0


def base_value(value: float | None, unit: str | None) -> tuple[float | None, str | None]:
    """(value in the unit without its magnitude prefix, that unit): 1.3 万亿斤 → (1.3e12, 斤); a unit
    that compare.yaml equates with another is converted to it (1333 万公顷 → (2.0e8, 亩))."""
    if value is None or not unit:
        return value, unit
    for prefix, factor in _MAGNITUDE:
        if unit == prefix:  # 完成1000万以上农村贫困人口脱贫任务: a count whose unit goes unsaid
            return value * factor, ""
        if unit.startswith(prefix) and len(unit) > len(prefix):
            value, unit = value * factor, unit[len(prefix):]
            break
    if unit in compare_rules().unit_equivalents:
        unit, factor = compare_rules().unit_equivalents[unit]
        value = value * factor
    return value, unit


# a rate's level and its change in points are one indicator set two ways (城镇化率提高到54% →
# 城镇化率再提高1.2个百分点): they pair, and the change between them is `changed`
_RATE_AND_POINTS = {"%", "个百分点"}


def same_unit(a: str | None, b: str | None) -> bool:
    """Units (without magnitude) two figures can be compared in: the same, or a count whose unit goes
    unsaid (1000万, read "") against a counted one (1000万人); never against a rate or money."""
    if a == b:
        return True
    other = b if a == "" else a if b == "" else None
    return bool(other) and other not in ("%", "‰", "个百分点") and not other.endswith("元")


_SHARE_OF = regex.compile(r"占\p{Han}{2,12}?(?=的?(?:比重|比例))")


def indicator_concept(words: str, nearest: bool = False) -> str | None:
    """The concept of indicators.tsv whose phrase in `words` is the longest, the one nearest the
    number on a tie: 单位国内生产总值能耗下降 → energy_intensity, 易地搬迁脱贫 → relocation. With
    `nearest`, the phrase nearest the end wins (for a sentence that names several indicators)."""
    best, concept = (0, -1), None
    # 社会物流总费用占地区生产总值比重: GDP is what the share is taken of, not what it measures
    words = _SHARE_OF.sub(lambda m: "占" + "　" * (len(m.group()) - 1), words)
    for phrase, name in compare_rules().indicator_phrases:
        at = words.rfind(phrase)
        key = (at + len(phrase), len(phrase)) if nearest else (len(phrase), at + len(phrase))
        if at >= 0 and key > best:
            best, concept = key, name
    return concept


def is_increment(side: dict) -> bool:
    """再增加40元: the target is a change on last year's level rather than a level (percentages
    excepted: their growth wording is the same every year)."""
    if side["unit"] in ("%", "个百分点") or not side.get("text"):
        return False
    head = regex.split(r"\d", side["text"], maxsplit=1)[0].rstrip("约近超过达")
    return head.endswith(compare_rules().increment_words) or (
        (side["unit"] or "").endswith("元") and head.startswith(compare_rules().increment_words_first))


def target_change(a: dict | None, b: dict | None) -> str:
    """raised / lowered / unchanged / new / dropped; `changed` when the two are not comparable
    as one number (a range became a floor: 6%－6.5% → 6%以上; a level became an increment:
    450元 → 再增加40元)."""
    if a is None:
        return "new"
    if b is None:
        return "dropped"
    va, ua = base_value(a["value"], a["unit"])
    vb, ub = base_value(b["value"], b["unit"])
    if not same_unit(ua, ub) or is_increment(a) != is_increment(b) or _cumulative(a) != _cumulative(b):
        return "changed"
    numbers_a, numbers_b = _numbers(a), _numbers(b)
    if _kind(a) == _kind(b) or {_kind(a), _kind(b)} <= {"point", "range"}:
        # bounds moved together: 7%左右 → 6.5%－7% is lowered, 2%左右 → 2% unchanged
        (lo_a, hi_a), (lo_b, hi_b) = (min(numbers_a), max(numbers_a)), (min(numbers_b), max(numbers_b))
        if np.isclose(lo_a, lo_b) and np.isclose(hi_a, hi_b):
            return "unchanged"
        if lo_a <= lo_b and hi_a <= hi_b:
            return "raised"
        if lo_a >= lo_b and hi_a >= hi_b:
            return "lowered"
        return "changed"
    # the commitment changed kind (a floor became a point, 低于 became 以内): a direction only when
    # the figures themselves moved apart (200万人以上 → 340万人 raised; 8000亿元以上 → 8000亿元 and
    # 6%－6.5% → 6%以上 changed)
    if any(np.isclose(x, y) for x in numbers_a for y in numbers_b):
        return "changed"
    if min(numbers_b) > max(numbers_a):
        return "raised"
    if max(numbers_b) < min(numbers_a):
        return "lowered"
    return "changed"


def _size(side: dict) -> tuple[str, float | None]:
    return _kind(side), base_value(side["value"], side["unit"])[0]


def _tie_break(a: tuple[str, float | None], b: tuple[str, float | None]) -> float:
    """A little for the same kind of commitment and for figures of the same size (`_size` of each):
    总投资4860亿元 and 总投资300亿元以上 in one item, each year, are told apart by nothing else."""
    (kind_a, va), (kind_b, vb) = a, b
    near = min(va, vb) / max(va, vb) if va and vb and va > 0 and vb > 0 else 0.0
    return 1e-4 * (kind_a == kind_b) + 1e-4 * near  # (only ever breaks a tie)


def _cumulative(side: dict) -> bool:
    """累计建成加氢站5座 counts all built so far; 建成加氢站3座 those of the year: not one number apart."""
    return "累计" in (side.get("text") or "")


def _kind(side: dict) -> str:
    if side["value_max"] is not None:
        return "range"
    return "point" if side["comparator"] in ("eq", "approx", None) else side["comparator"]


def _numbers(side: dict) -> list[float]:
    """The figures a target states, in base units (both ends of a range)."""
    values = [side["value"]] + ([side["value_max"]] if side["value_max"] is not None else [])
    return [base_value(v, side["unit"])[0] for v in values]


def compare_targets(doc_a: dict, doc_b: dict, alignment: list[dict], min_similarity: float = 0.5) -> list[dict]:
    """Targets of A and B matched by indicator (and unit family), preferring aligned items."""
    from scipy.optimize import linear_sum_assignment

    ta, tb = compared_targets(doc_a), compared_targets(doc_b)
    context_a = [_context(doc_a.get("text", ""), t) for _, t in ta]
    context_b = [_context(doc_b.get("text", ""), t) for _, t in tb]
    sentence_a = [_sentence_before(doc_a.get("text", ""), t) for _, t in ta]
    sentence_b = [_sentence_before(doc_b.get("text", ""), t) for _, t in tb]
    nothing_a = [names_nothing(t["indicator"]) for _, t in ta]
    nothing_b = [names_nothing(t["indicator"]) for _, t in tb]
    concept_a = [_concept(doc_a.get("text", ""), t, c) for (_, t), c in zip(ta, context_a, strict=True)]
    concept_b = [_concept(doc_b.get("text", ""), t, c) for (_, t), c in zip(tb, context_b, strict=True)]
    aligned = {(r["a"], r["b"]) for r in alignment if r["a"] and r["b"]}
    # 项目计划投资 in every project of a plan: an indicator its own plan repeats names a line only
    # together with its section, so such a pair counts as similar as the two sections are
    repeated_a = _repeated_indicators(ta)
    repeated_b = _repeated_indicators(tb)
    section_sim = _target_section_similarity(doc_a, doc_b, ta, tb) if any(repeated_a) or any(repeated_b) else None
    rate_a, rate_b = [_rate_kind(t) for _, t in ta], [_rate_kind(t) for _, t in tb]
    size_a, size_b = [_size(t) for _, t in ta], [_size(t) for _, t in tb]
    score = np.zeros((len(ta), len(tb)))
    for i, (item_a, a) in enumerate(ta):
        for j, (item_b, b) in enumerate(tb):
            units = base_value(1, a["unit"])[1], base_value(1, b["unit"])[1]
            level_and_points = set(units) == _RATE_AND_POINTS
            if not same_unit(*units) and not level_and_points:
                continue
            if {rate_a[i], rate_b[j]} == {"share", "growth"}:
                continue  # 数字经济核心产业增加值占地区生产总值比重10% is not its growth of 10%
            if nothing_a[i] or nothing_b[j]:
                # 投入200多亿元 and 投入100亿元 are two lines only the sentences tell apart
                s = CONTEXT_WEIGHT * indicator_similarity(sentence_a[i], sentence_b[j])
            else:
                # the indicator as extracted, or the words before the number when the extracted
                # indicator is only a verb (安排5076亿元 ≈ 中央预算内投资安排5376亿元)
                s = max(indicator_similarity(a["indicator"], b["indicator"]),
                        CONTEXT_WEIGHT * indicator_similarity(context_a[i], context_b[j]))
            if concept_a[i] and concept_b[j]:
                # the lexicon knows these indicators: same concept whatever the words, or different
                s = max(s, CONCEPT_SIMILARITY) if concept_a[i] == concept_b[j] else 0.0
            if section_sim is not None and (repeated_a[i] or repeated_b[j]):
                s *= section_sim[i, j]
            # a level pairs with a level, an increment with an increment (470万套 → 580万套, not 增加110万套)
            s *= 1.05 if is_increment(a) == is_increment(b) else 1.0
            if level_and_points:  # only the same words make a level and a change in points one indicator
                score[i, j] = s if s >= min_similarity else 0.0
                continue
            score[i, j] = s + (0.3 if (item_a, item_b) in aligned else 0.0) + _tie_break(size_a[i], size_b[j])
    rows, used_a, used_b = [], set(), set()
    if score.size:
        for i, j in zip(*linear_sum_assignment(-score), strict=True):
            if score[i, j] >= min_similarity:
                used_a.add(i)
                used_b.add(j)
                rows.append(_target_row(ta[i], tb[j]))
    rows += [_target_row(ta[i], None) for i in range(len(ta)) if i not in used_a]
    rows += [_target_row(None, tb[j]) for j in range(len(tb)) if j not in used_b]
    return rows


def compared_targets(doc: dict) -> list[tuple[str | None, dict]]:
    """(item id, target) of every target of a document: those of its items, then the goals of its
    preamble (item None) that no item states again (主要目标是：…受污染耕地安全利用率达到94%左右 and
    the item on farmland repeating it are one target, and the item places it)."""
    targets = [(it["id"], t) for it in doc["items"] for t in it["targets"]]
    goals = [(None, g) for g in doc.get("preamble_targets", [])
             if not any(_restates(t, g) for _, t in targets)]
    return targets + goals


def _restates(target: dict, goal: dict) -> bool:
    """The same figure and comparator for the same thing, however shortly the item names it (新开工高速公路
    项目5个以上 in the preamble, 全年新开工5个以上 in the item on expressways)."""
    same = ("value", "value_max", "comparator")
    if not (all(target[k] == goal[k] for k in same) and same_unit(target["unit"], goal["unit"])):
        return False
    a, b = normalise_indicator(target["indicator"]), normalise_indicator(goal["indicator"])
    return indicator_similarity(a, b) >= 0.5 or len(min(a, b, key=len)) >= 2 and (a in b or b in a)


def _rate_kind(target: dict) -> str | None:
    """"share" for a share of a whole (占…比重, 占比), "growth" for a growth rate (…增加值增长10%): the
    two never measure one indicator."""
    if _SHARE.search(target["indicator"]):
        return "share"
    return "growth" if _GROWTH.search(target["text"]) else None


_SHARE = regex.compile(r"比重|占比|占\p{Han}{2,12}?的?比例")
_GROWTH = regex.compile(r"增长|增速|增幅")


def _repeated_indicators(targets: list[tuple[str | None, dict]]) -> list[bool]:
    """Targets whose indicator the plan repeats under three headings or more (项目计划投资 closing each
    project); two of a bare verb (改造, 增加) happen in any report and their context tells them apart."""
    sections: dict[str, set] = {}
    for item, t in targets:
        sections.setdefault(normalise_indicator(t["indicator"]), set()).add(item and item.rsplit(".", 1)[0])
    return [len(sections[normalise_indicator(t["indicator"])]) >= 3 for _, t in targets]


def _target_section_similarity(doc_a: dict, doc_b: dict, ta: list, tb: list) -> np.ndarray:
    """Cosine of the section texts (heading and the items not repeated elsewhere) of the targets' items."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = {}
    for side, doc in (("a", doc_a), ("b", doc_b)):
        sections = _section_texts(doc["items"], _repeated(doc["items"]))
        texts.update({(side, it["id"]): text for it, text in zip(doc["items"], sections, strict=True)})
        texts[(side, None)] = doc.get("preamble") or ""
    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(2, 3), sublinear_tf=True).fit(list(texts.values()))
    va = vectorizer.transform([texts[("a", item)] for item, _ in ta])
    vb = vectorizer.transform([texts[("b", item)] for item, _ in tb])
    return (va @ vb.T).toarray()


def names_nothing(indicator: str) -> bool:
    """True for an indicator of funders and money verbs only (中央财政增加支出, 投入)."""
    words = normalise_indicator(indicator)
    for word in compare_rules().funding_words:
        words = words.replace(word, "")
    return not words


def _sentence_before(text: str, target: dict) -> str:
    """The sentence up to the target's figure (at most 80 characters), with the target's text."""
    if not text:
        return target["text"]
    return _sentence_up_to(text, target["span"][0] if target.get("span") else 0, 80) + target["text"]


def _sentence_up_to(text: str, start: int, width: int) -> str:
    return regex.split(r"[。！？；]", text[max(0, start - width):start])[-1]


def _context(text: str, target: dict, width: int = 14) -> str:
    """The words of the target's clause before its number, up to `width` characters, with the
    target's own text: what a reader uses to tell 财政赤字 from 中央财政赤字."""
    start = target["span"][0] if target.get("span") else 0
    begin = max(0, start - width)
    clauses = regex.split(r"[，。；：,;:]", text[begin:start]) if text else [""]
    # 保障性住房基本建成470万套、新开工630万套: the words of the earlier figure are not this one's
    head = EARLIER_TARGET.split(clauses[-1])[-1]
    if len(target["indicator"]) <= SHORT_INDICATOR and head == clauses[-1] and text:
        # 免费接种23价肺炎球菌多糖疫苗，接种人数达到3万人: a short indicator's subject is in the clause
        # before, when its sentence has one
        head = regex.split(r"[。；：;:]", text[max(0, start - 2 * width):start])[-1]
    return head + target["text"]


def _concept(text: str, target: dict, context: str) -> str | None:
    """The lexicon concept of a target: from its indicator (the longest phrase), else the words
    right before its number (the nearest phrase), else the sentence before it when no other figure
    follows the phrase there (启动新的三年棚改攻坚计划，今年开工580万套: shantytown homes)."""
    found = indicator_concept(target["indicator"]) or indicator_concept(context, nearest=True)
    if found or not text or not target.get("span"):
        return _measured_in(found, target)
    start = target["span"][0]
    before = _sentence_up_to(text, start, 60)
    concept = indicator_concept(before, nearest=True)
    if concept is None:
        return None
    # …经济增长6%－6.5%…安排1万亿元: a phrase that another figure already follows is that figure's
    last = max(before.rfind(p) + len(p) for p, c in compare_rules().indicator_phrases if c == concept and p in before)
    return None if regex.search(r"\d", before[last:]) else _measured_in(concept, target)


def _measured_in(concept: str | None, target: dict) -> str | None:
    """The concept, unless indicators.tsv measures it in other units than the target's."""
    units = compare_rules().concept_units.get(concept)
    if units and base_value(1, target["unit"])[1] not in {base_value(1, u)[1] for u in units}:
        return None
    return concept


def _target_row(a, b) -> dict:
    def side(pair):
        if pair is None:
            return None
        item, t = pair
        return {"value": t["value"], "value_max": t["value_max"], "unit": t["unit"], "comparator": t["comparator"],
                "text": t["text"], "item": item}

    indicator = (b or a)[1]["indicator"]
    if a and b and names_nothing(indicator) and not names_nothing(a[1]["indicator"]):
        indicator = a[1]["indicator"]  # 安排2762亿元 → 投入社会保障资金2930亿元: the side that names the line
    return {"indicator": indicator, "a": side(a), "b": side(b),
            "change": target_change(side(a), side(b))}


def primary_themes(doc: dict, level: int) -> list[dict]:
    """The primary theme of each item at one level (items without one are left out)."""
    primaries = [next((t for t in it["themes"] if t["level"] == level), None) for it in doc["items"]]
    return [t for t in primaries if t]


def theme_shares(doc_a: dict, doc_b: dict) -> list[dict]:
    """Share of items whose primary theme is each code, per level, in A and in B."""
    rows = []
    for level in (1, 2):
        counts, labels, totals = {}, {}, {}
        for key, doc in (("a", doc_a), ("b", doc_b)):
            primaries = primary_themes(doc, level)
            totals[key] = len(primaries)
            counts[key] = Counter(t["code"] for t in primaries)
            labels.update({t["code"]: t["label"] for t in primaries})
        for code in sorted(labels, key=lambda c: (-(counts["a"][c] + counts["b"][c]), c)):
            rows.append({"level": level, "code": code, "label": labels[code],
                         "share_a": round(counts["a"][code] / totals["a"], 4) if totals["a"] else 0.0,
                         "share_b": round(counts["b"][code] / totals["b"], 4) if totals["b"] else 0.0})
    return rows


def compare_documents(doc_a: dict, doc_b: dict) -> dict:
    """The comparison JSON of the output contract (schema_version "1")."""
    alignment = align_items(doc_a["items"], doc_b["items"])
    head = lambda d: {"doc_id": d["doc_id"], "title": d["meta"]["plan_title"] or d["meta"]["title"],  # noqa: E731
                      "plan_year": d["meta"]["plan_year"]}
    return {"schema_version": SCHEMA_VERSION, "a": head(doc_a), "b": head(doc_b), "items": alignment,
            "targets": compare_targets(doc_a, doc_b, alignment), "themes": theme_shares(doc_a, doc_b)}


def series_panels(docs: list[dict], comparisons: list[dict]) -> dict[str, list[dict]]:
    """Tables for plotting over the years: alignment, target changes and theme shares of each
    consecutive pair, a target panel (one row per indicator series and year, a series following
    its matched targets from year to year) and a theme panel (one row per theme and year)."""
    tables: dict[str, list[dict]] = {"items_alignment": [], "target_changes": [], "theme_shares": [],
                                     "targets_panel": [], "themes_panel": []}
    series: dict[tuple[str, str, str], str] = {}  # (doc_id, item, text) → series name
    for doc in docs:
        for item, t in compared_targets(doc):
            series.setdefault((doc["doc_id"], item, t["text"]), t["indicator"])
    for comparison in comparisons:
        a, b = comparison["a"]["doc_id"], comparison["b"]["doc_id"]
        for row in comparison["items"]:
            tables["items_alignment"].append({"doc_a": a, "doc_b": b, "item_a": row["a"], "item_b": row["b"],
                                              "status": row["status"], "similarity": row["similarity"],
                                              "review": row.get("review", False)})
        for t in comparison["targets"]:
            if t["a"] and t["b"]:
                series[(b, t["b"]["item"], t["b"]["text"])] = series[(a, t["a"]["item"], t["a"]["text"])]
            flat = {"doc_a": a, "doc_b": b, "indicator": t["indicator"], "change": t["change"]}
            for side in ("a", "b"):
                for key in ("value", "value_max", "unit", "comparator", "text", "item"):
                    flat[f"{key}_{side}"] = t[side][key] if t[side] else None
            tables["target_changes"].append(flat)
        for t in comparison["themes"]:
            tables["theme_shares"].append({"doc_a": a, "doc_b": b, **t})
    for doc in docs:
        year = doc["meta"]["plan_year"]
        text = doc.get("text", "")
        for item, t in compared_targets(doc):
            tables["targets_panel"].append({
                "series": series[(doc["doc_id"], item, t["text"])],
                # the lexicon's name for the indicator, the same whatever the year's wording
                "concept": _concept(text, t, _context(text, t)), "year": year, "doc_id": doc["doc_id"],
                "item_id": item, "indicator": t["indicator"], "value": t["value"],
                "value_max": t["value_max"], "unit": t["unit"], "comparator": t["comparator"]})
        for level in (1, 2):
            primaries = primary_themes(doc, level)
            for code, n in Counter(t["code"] for t in primaries).items():
                label = next(t["label"] for t in primaries if t["code"] == code)
                tables["themes_panel"].append({"year": year, "doc_id": doc["doc_id"], "level": level, "code": code,
                                               "label": label, "share": round(n / len(primaries), 4)})
    return tables
