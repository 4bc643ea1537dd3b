"""any_of: the trie-shaped alternation finds exactly what a longest-first list of words finds."""
import random
import re

import pytest
import regex

from pipeline.patterns import any_of


def _flat(words):
    return "(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")"


def test_longest_word_wins_at_each_place():
    pattern = re.compile(any_of(["街", "街区", "历史文化街区", "文化"]))
    assert [m.group() for m in pattern.finditer("历史文化街区和老街区、街")] == ["历史文化街区", "街区", "街"]


def test_overlapped_search_sees_every_place():
    pattern = re.compile(f"(?=({any_of(['文化街', '街区'])}))")
    assert [m.group(1) for m in pattern.finditer("历史文化街区")] == ["文化街", "街区"]


def test_falls_back_to_a_shorter_word_when_the_context_needs_it():
    # 建设 then 完成: the shorter verb must still be tried when the longer one leaves no match
    pattern = regex.compile(any_of(["建设", "建设完成"]) + "项目")
    assert pattern.search("建设项目").group() == "建设项目"


@pytest.mark.parametrize("seed", range(5))
def test_same_matches_as_a_longest_first_list(seed):
    rng = random.Random(seed)
    alphabet = "街区园公文化"
    for _ in range(300):
        words = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 8))}
        text = "".join(rng.choice(alphabet + "，") for _ in range(40))
        for engine in (re, regex):
            for shape in ("{}", "(?=({}))", "{}+，"):
                flat = engine.compile(shape.format(_flat(words)))
                trie = engine.compile(shape.format(any_of(words)))
                assert [m.span(m.lastindex or 0) for m in flat.finditer(text)] == \
                    [m.span(m.lastindex or 0) for m in trie.finditer(text)], (words, text, shape)


def test_an_empty_word_is_refused():
    with pytest.raises(ValueError):
        any_of(["街", ""])


def test_han_written_out_is_the_regex_modules_han_script():
    """\\p{Han} on the standard engine matches exactly the characters `regex` calls Han, inside a
    class and out; \\P{Han} matches the others."""
    from pipeline.patterns import compile as compile_re

    han, other, in_class = regex.compile(r"\p{Han}"), compile_re(r"\P{Han}"), compile_re(r"[\p{Han}a]")
    ours = compile_re(r"\p{Han}")
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        is_han = han.match(char) is not None
        assert (ours.match(char) is not None) == is_han, hex(code)
        assert (other.match(char) is not None) != is_han, hex(code)
        assert (in_class.match(char) is not None) == (is_han or char == "a"), hex(code)


def test_excluding_han_inside_a_class_is_refused_rather_than_misread():
    from pipeline.patterns import compile as compile_re

    with pytest.raises(ValueError):
        compile_re(r"[^、\P{Han}]")
    assert compile_re(r"[]\p{Han}]+").fullmatch("]临汐")  # a ] opening a class is a character
