"""The one place that reads the rule files in pipeline/resources/ and validates them."""
from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path
from types import MappingProxyType

import regex
import yaml

from pipeline import patterns

RESOURCES_DIR = Path(str(importlib_resources.files("pipeline") / "resources"))


class ResourceError(ValueError):
    """A rule file that does not have the shape its loader expects."""


@dataclass(frozen=True)
class MarkerFamily:
    id: str
    rank: int
    pattern: regex.Pattern
    note: str = ""


@dataclass(frozen=True)
class StructureRules:
    markers: tuple[MarkerFamily, ...]
    doc_types: tuple[str, ...]
    title_suffixes: tuple[str, ...]
    transmittal_verbs: tuple[str, ...]
    organisation_suffixes: tuple[str, ...]
    closing_formulas: tuple[regex.Pattern, ...]
    notes: tuple[regex.Pattern, ...]
    responsibility_labels: tuple[str, ...]
    cc_pattern: regex.Pattern
    printed_pattern: regex.Pattern
    attachment_pattern: regex.Pattern
    attachment_label_pattern: regex.Pattern
    header_marks: regex.Pattern
    body_opener: regex.Pattern
    plan_doc_types: tuple[str, ...]
    delivered_year_titles: tuple[str, ...]
    draft_year_after: tuple[str, ...]


@dataclass(frozen=True)
class IngestRules:
    artefacts: tuple[regex.Pattern, ...]
    page_number_lines: tuple[regex.Pattern, ...]
    html_drop_tags: tuple[str, ...]
    html_drop_class_words: tuple[str, ...]
    html_publication_line: regex.Pattern
    html_furniture_line: regex.Pattern
    html_footer_line: regex.Pattern
    paragraph_end: regex.Pattern
    paragraph_opener: regex.Pattern
    addressee_line: regex.Pattern


def _load_yaml(name: str, keys: set[str]) -> dict:
    path = RESOURCES_DIR / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ResourceError(f"{path}: expected a mapping at the top level")
    unknown = set(data) - keys - {"version"}
    missing = keys - set(data)
    if unknown or missing:
        raise ResourceError(f"{path}: unknown keys {sorted(unknown)}, missing keys {sorted(missing)}")
    return data


def _compile(path: str, pattern: str) -> re.Pattern | regex.Pattern:
    """A rule file's pattern, on the standard library's engine when it can run it (it is faster on
    the short texts of items), else on `regex` (variable-width look-behind, \\G …)."""
    try:
        return patterns.compile(pattern)
    except (re.error, ValueError):
        pass
    try:
        return regex.compile(pattern)
    except regex.error as exc:
        raise ResourceError(f"{path}: bad pattern {pattern!r}: {exc}") from None


def _strings(name: str, key: str, value) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ResourceError(f"{name}: {key} must be a list of non-empty strings")
    return tuple(value)


@functools.cache
def structure_rules() -> StructureRules:
    name = "structure.yaml"
    keys = {f for f in StructureRules.__dataclass_fields__}
    data = _load_yaml(name, keys)
    families = []
    for entry in data["markers"]:
        extra = set(entry) - {"id", "rank", "pattern", "note"}
        if extra or not {"id", "rank", "pattern"} <= set(entry):
            raise ResourceError(f"{name}: marker {entry!r} needs id, rank, pattern (and optional note)")
        pattern = _compile(name, entry["pattern"])
        if "num" not in pattern.groupindex:
            raise ResourceError(f"{name}: marker {entry['id']} pattern needs a (?P<num>…) group")
        families.append(MarkerFamily(entry["id"], int(entry["rank"]), pattern, entry.get("note", "")))
    # Longest doc type first, so 工作要点 wins over 要点.
    doc_types = tuple(sorted(_strings(name, "doc_types", data["doc_types"]), key=len, reverse=True))
    return StructureRules(
        markers=tuple(families),
        doc_types=doc_types,
        title_suffixes=_strings(name, "title_suffixes", data["title_suffixes"]),
        transmittal_verbs=_strings(name, "transmittal_verbs", data["transmittal_verbs"]),
        organisation_suffixes=_strings(name, "organisation_suffixes", data["organisation_suffixes"]),
        closing_formulas=tuple(_compile(name, p) for p in data["closing_formulas"]),
        notes=tuple(_compile(name, p) for p in data["notes"]),
        responsibility_labels=tuple(
            sorted(_strings(name, "responsibility_labels", data["responsibility_labels"]), key=len, reverse=True)
        ),
        cc_pattern=_compile(name, data["cc_pattern"]),
        printed_pattern=_compile(name, data["printed_pattern"]),
        attachment_pattern=_compile(name, data["attachment_pattern"]),
        attachment_label_pattern=_compile(name, data["attachment_label_pattern"]),
        header_marks=_compile(name, data["header_marks"]),
        body_opener=_compile(name, data["body_opener"]),
        plan_doc_types=_strings(name, "plan_doc_types", data["plan_doc_types"]),
        delivered_year_titles=_strings(name, "delivered_year_titles", data["delivered_year_titles"]),
        draft_year_after=_strings(name, "draft_year_after", data["draft_year_after"]),
    )


@functools.cache
def ingest_rules() -> IngestRules:
    name = "ingest.yaml"
    keys = {f for f in IngestRules.__dataclass_fields__}
    data = _load_yaml(name, keys)
    return IngestRules(
        artefacts=tuple(_compile(name, p) for p in data["artefacts"]),
        page_number_lines=tuple(_compile(name, p) for p in data["page_number_lines"]),
        html_drop_tags=_strings(name, "html_drop_tags", data["html_drop_tags"]),
        html_drop_class_words=_strings(name, "html_drop_class_words", data["html_drop_class_words"]),
        html_publication_line=_compile(name, data["html_publication_line"]),
        html_furniture_line=_compile(name, data["html_furniture_line"]),
        html_footer_line=_compile(name, data["html_footer_line"]),
        paragraph_end=_compile(name, data["paragraph_end"]),
        paragraph_opener=_compile(name, data["paragraph_opener"]),
        addressee_line=_compile(name, data["addressee_line"]),
    )


def schema_path(name: str) -> Path:
    """Path of a shipped JSON Schema (document.schema.json, comparison.schema.json)."""
    return RESOURCES_DIR / "schema" / name


@dataclass(frozen=True, eq=False)  # compared by identity: one loaded rule set, cacheable
class ExtractRules:
    units: Mapping[str, tuple[str, float]]  # unit → (kind, magnitude)
    fixed_words: tuple[str, ...]
    modifiers: frozenset[str]
    verbs: Mapping[str, str]  # verb → category
    formulations: tuple[str, ...]
    policy_terms: Path  # a jieba user dictionary
    comparators_before: Mapping[str, str]
    comparators_after: Mapping[str, str]
    comparators_change: Mapping[str, str]
    adjacent_comparators: tuple[str, ...]  # compare only right before the figure (超8500亿元)
    delivery_verbs: tuple[str, ...]
    funding_verbs: tuple[str, ...]
    plan_amount_nouns: tuple[str, ...]
    group_units: tuple[str, ...]
    group_unit_measures: tuple[str, ...]
    not_count_units: tuple[str, ...]
    arabic_only_units: tuple[str, ...]
    not_counted_nouns: tuple[str, ...]
    past_in_sentence: tuple[str, ...]
    past_unless_goal: tuple[str, ...]
    past_in_clause: tuple[str, ...]
    forecast_markers: tuple[str, ...]
    circumstance_nouns: tuple[str, ...]
    restating_paragraph: regex.Pattern
    goal_list: regex.Pattern
    requirements_cue: regex.Pattern
    requirements_goal: regex.Pattern
    review_paragraph: regex.Pattern
    not_target_after: tuple[str, ...]
    plan_name_suffixes: tuple[str, ...]
    total_words: tuple[str, ...]
    not_target_before: tuple[str, ...]
    group_before: tuple[str, ...]
    rate_nouns: tuple[str, ...]
    pace_verbs: tuple[str, ...]
    practical_matters: tuple[regex.Pattern, regex.Pattern]
    completed_share: re.Pattern
    grant_pattern: regex.Pattern
    levy_after: regex.Pattern
    eligibility_after: regex.Pattern
    share_verbs: tuple[str, ...]
    bare_share_verbs: tuple[str, ...]
    share_scopes: tuple[str, ...]
    forward_sentence: regex.Pattern
    deadline_patterns: tuple[regex.Pattern, ...]
    review_section_words: tuple[str, ...]
    non_action_verbs: tuple[str, ...]
    frame_ends: tuple[str, ...]
    frames_after_subject: tuple[str, ...]
    attributive_verbs: tuple[str, ...]
    predicate_markers: tuple[str, ...]
    action_prefix_words: tuple[str, ...]
    setting_words: tuple[str, ...]
    red_line_verbs: tuple[str, ...]
    red_line_nouns: tuple[str, ...]
    modal_words: tuple[str, ...]
    nominal_heads: tuple[str, ...]
    document_planned_verbs: tuple[str, ...]
    programme_suffixes: tuple[str, ...]
    facility_suffixes: tuple[str, ...]
    event_suffixes: tuple[str, ...]
    organization_suffixes: tuple[str, ...]
    agency_pattern: regex.Pattern
    observance_pattern: regex.Pattern
    round_pattern: regex.Pattern
    central_agency_pattern: regex.Pattern
    level_facilities: tuple[str, ...]
    named_whole_suffixes: tuple[str, ...]
    level_bodies: tuple[str, ...]
    agency_preceders: tuple[str, ...]
    agency_followers: tuple[str, ...]
    facility_extensions: tuple[str, ...]
    strict_facility_suffixes: tuple[str, ...]
    platform_suffixes: tuple[str, ...]
    launch_verbs: tuple[str, ...]
    name_leading_verbs: tuple[str, ...]
    principle_before: tuple[str, ...]
    principle_after: tuple[str, ...]
    quoted_name_heads: tuple[str, ...]
    list_principle_before: tuple[str, ...]
    list_principle_after: tuple[str, ...]
    unnamed_quote_before: tuple[str, ...]
    stative_verbs: tuple[str, ...]
    linking_verbs: tuple[str, ...]
    delivery_categories: tuple[str, ...]
    not_delivery_verbs: tuple[str, ...]
    nominal_verbs: tuple[str, ...]
    aimed_verbs: tuple[str, ...]
    route_words: tuple[str, ...]
    purpose_clause: regex.Pattern
    unnamed_quote_after: tuple[str, ...]
    plus_programme_heads: tuple[str, ...]
    generic_heads: tuple[str, ...]
    generic_phrase_heads: tuple[str, ...]
    place_cue_chars: tuple[str, ...]
    partner_words: tuple[str, ...]
    disposal_verbs: tuple[str, ...]
    figure_first_heads: tuple[str, ...]
    bare_indicator_verbs: tuple[str, ...]
    shared_tail_heads: tuple[str, ...]


_CATEGORIES = {"plan", "build", "strengthen", "implement", "organise", "supervise", "support", "other"}
_UNIT_KINDS = {"quantity", "percent", "money", "duration"}
_COMPARATORS = {"eq", "ge", "gt", "le", "lt", "approx", "range"}


def _lines(name: str) -> list[list[str]]:
    """Non-comment lines of a TSV or word list, split on tabs."""
    rows = []
    for number, line in enumerate((RESOURCES_DIR / name).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if not fields[0]:
            raise ResourceError(f"{RESOURCES_DIR / name}:{number}: empty first field")
        rows.append(fields)
    return rows


@functools.cache
def extract_rules() -> ExtractRules:
    units = {}
    for row in _lines("units.tsv"):
        if len(row) < 3 or row[1] not in _UNIT_KINDS:
            raise ResourceError(f"units.tsv: {row!r}: need unit, kind ({'/'.join(sorted(_UNIT_KINDS))}), magnitude")
        units[row[0]] = (row[1], float(row[2]))
    verbs = {}
    for row in _lines("verbs.tsv"):
        if len(row) < 2 or row[1] not in _CATEGORIES:
            raise ResourceError(f"verbs.tsv: {row!r}: need verb and a category of {sorted(_CATEGORIES)}")
        verbs[row[0]] = row[1]
    name = "extract.yaml"
    keys = {"comparators", "delivery_verbs", "funding_verbs", "plan_amount_nouns", "not_count_units",
            "arabic_only_units", "not_counted_nouns", "group_units",
            "past_markers", "forward_sentence", "forecast_markers", "circumstance_nouns", "restating_paragraph",
            "review_paragraph",
            "goal_list", "completed_share", "requirements_cue", "requirements_goal",
            "not_target_after", "not_target_before", "group_unit_measures", "plan_name_suffixes",
            "total_words",
            "eligibility_after", "share_verbs", "bare_share_verbs", "share_scopes",
            "group_before", "rate_nouns", "pace_verbs", "practical_matters",
            "grant_pattern", "levy_after", "deadline_patterns", "review_section_words", "non_action_verbs",
            "frame_ends", "frames_after_subject",
            "attributive_verbs", "predicate_markers", "action_prefix_words", "setting_words", "nominal_heads",
            "document_planned_verbs", "programme_suffixes", "facility_suffixes", "event_suffixes",
            "organization_suffixes", "generic_heads", "generic_phrase_heads", "agency_pattern", "agency_preceders",
            "observance_pattern", "round_pattern", "central_agency_pattern", "level_facilities", "level_bodies",
            "named_whole_suffixes",
            "agency_followers",
            "facility_extensions", "strict_facility_suffixes", "platform_suffixes", "launch_verbs",
            "name_leading_verbs", "principle_before", "principle_after", "quoted_name_heads",
            "list_principle_before", "list_principle_after", "unnamed_quote_before", "unnamed_quote_after",
            "stative_verbs", "linking_verbs", "delivery_categories",
            "not_delivery_verbs", "nominal_verbs", "purpose_clause", "aimed_verbs", "route_words",
            "plus_programme_heads", "place_cue_chars",
            "partner_words", "disposal_verbs", "figure_first_heads", "bare_indicator_verbs",
            "shared_tail_heads", "red_line_verbs", "red_line_nouns", "modal_words"}
    data = _load_yaml(name, keys)
    comparators = data["comparators"]
    for side in ("before", "after", "change"):
        bad = {w: c for w, c in comparators[side].items() if c not in _COMPARATORS}
        if bad:
            raise ResourceError(f"{name}: comparators.{side}: unknown comparators {bad}")
    matters = data["practical_matters"]
    if not isinstance(matters, dict) or set(matters) != {"before", "after"}:
        raise ResourceError(f"{name}: practical_matters must have exactly the patterns `before` and `after`")
    stray = set(comparators.get("adjacent", [])) - set(comparators["before"])
    if stray:
        raise ResourceError(f"{name}: comparators.adjacent: {sorted(stray)} are no comparators.before words")
    unknown = set(data["delivery_categories"]) - _CATEGORIES
    if unknown:
        raise ResourceError(f"{name}: delivery_categories: {sorted(unknown)} are no categories of verbs.tsv")
    special = {"comparators", "eligibility_after", "forward_sentence", "restating_paragraph", "review_paragraph",
               "goal_list", "completed_share", "requirements_cue", "requirements_goal", "levy_after",
               "deadline_patterns", "past_markers", "grant_pattern", "agency_pattern", "purpose_clause",
               "observance_pattern", "round_pattern", "central_agency_pattern", "practical_matters"}
    strings = {key: _strings(name, key, data[key]) for key in keys - special}
    return ExtractRules(
        units=MappingProxyType(units),
        fixed_words=tuple(row[0] for row in _lines("fixed_words.txt")),
        modifiers=frozenset(row[0] for row in _lines("modifiers.txt")),
        verbs=MappingProxyType(verbs),
        formulations=tuple(row[0] for row in _lines("formulations.txt")),
        policy_terms=RESOURCES_DIR / "policy_terms.txt",
        comparators_before=MappingProxyType(dict(comparators["before"])),
        comparators_after=MappingProxyType(dict(comparators["after"])),
        comparators_change=MappingProxyType(dict(comparators["change"])),
        adjacent_comparators=_strings(name, "comparators.adjacent", comparators.get("adjacent", [])),
        eligibility_after=_compile(name, data["eligibility_after"]),
        forward_sentence=_compile(name, data["forward_sentence"]),
        restating_paragraph=_compile(name, data["restating_paragraph"]),
        review_paragraph=_compile(name, data["review_paragraph"]),
        goal_list=_compile(name, data["goal_list"]),
        completed_share=_compile(name, data["completed_share"]),
        practical_matters=(_compile(name, data["practical_matters"]["before"]),
                           _compile(name, data["practical_matters"]["after"])),
        requirements_cue=_compile(name, data["requirements_cue"]),
        requirements_goal=_compile(name, data["requirements_goal"]),
        grant_pattern=_compile(name, data["grant_pattern"]),
        levy_after=_compile(name, data["levy_after"]),
        purpose_clause=_compile(name, data["purpose_clause"]),
        agency_pattern=_compile(name, data["agency_pattern"]),
        observance_pattern=_compile(name, data["observance_pattern"]),
        round_pattern=_compile(name, data["round_pattern"]),
        central_agency_pattern=_compile(name, data["central_agency_pattern"]),
        past_in_sentence=_strings(name, "past_markers.sentence", data["past_markers"]["sentence"]),
        past_in_clause=_strings(name, "past_markers.clause", data["past_markers"]["clause"]),
        past_unless_goal=_strings(name, "past_markers.sentence_unless_goal",
                                  data["past_markers"].get("sentence_unless_goal", [])),
        deadline_patterns=tuple(_compile(name, p) for p in data["deadline_patterns"]),
        **strings,
    )


@dataclass(frozen=True)
class CompareRules:
    increment_words: tuple[str, ...]
    increment_words_first: tuple[str, ...]
    funding_words: tuple[str, ...]  # longest first
    unit_equivalents: Mapping[str, tuple[str, float]]
    # (phrase, concept), longest phrase first: what indicators.tsv says names the same indicator
    indicator_phrases: tuple[tuple[str, str], ...]
    # the units a concept is measured in, where indicators.tsv names them (expressway_length[公里])
    concept_units: Mapping[str, tuple[str, ...]]


@functools.cache
def compare_rules() -> CompareRules:
    data = _load_yaml("compare.yaml", {"increment_words", "increment_words_first", "funding_words", "unit_equivalents"})
    equivalents = {}
    for unit, target in (data["unit_equivalents"] or {}).items():
        if not (isinstance(target, list) and len(target) == 2 and isinstance(target[0], str)
                and isinstance(target[1], (int, float)) and target[1] > 0):
            raise ResourceError(f"compare.yaml: unit_equivalents.{unit} must be [unit, positive factor]")
        equivalents[unit] = (target[0], float(target[1]))
    phrases, units = [], {}
    for row in _lines("indicators.tsv"):
        named = regex.fullmatch(r"([\w.]+)(?:\[([^\[\]]+)\])?", row[0])
        if len(row) < 2 or not all(row) or not named:
            raise ResourceError(f"indicators.tsv: {row!r}: need a concept (with its units in [], if any) "
                                "and at least one phrase")
        if named.group(2):
            units[named.group(1)] = tuple(named.group(2).split("|"))
        phrases += [(phrase, named.group(1)) for phrase in row[1:]]
    seen = {}
    for phrase, concept in phrases:
        if seen.setdefault(phrase, concept) != concept:
            raise ResourceError(f"indicators.tsv: {phrase!r} names both {seen[phrase]} and {concept}")
    return CompareRules(
        increment_words=tuple(sorted(_strings("compare.yaml", "increment_words", data["increment_words"]),
                                     key=len, reverse=True)),
        increment_words_first=_strings("compare.yaml", "increment_words_first", data["increment_words_first"]),
        funding_words=tuple(sorted(_strings("compare.yaml", "funding_words", data["funding_words"]),
                                   key=len, reverse=True)),
        unit_equivalents=MappingProxyType(equivalents),
        indicator_phrases=tuple(sorted(set(phrases), key=lambda p: -len(p[0]))),
        concept_units=MappingProxyType(units),
    )
