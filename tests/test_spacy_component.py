"""The spaCy component puts the same extractions in doc.spans."""
import pytest

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def nlp():
    from pipeline.spacy_component import make_nlp

    return make_nlp(plan_year=2021)


def test_component_fills_span_groups(nlp):
    doc = nlp("建设瞭望山路幼儿园等12所公办幼儿园，优质园占比不低于50%。制定出台《加快推进教育高质量发展的意见》。")
    assert [(s.text, s._.zhengce["comparator"]) for s in doc.spans["targets"]] == [
        ("建设瞭望山路幼儿园等12所", "eq"), ("优质园占比不低于50%", "ge")]
    assert ("加快推进教育高质量发展的意见", "PROJECT:document") in [(s.text, s.label_) for s in doc.spans["projects"]]
    assert {s.label_ for s in doc.spans["actions"]} == {"ACTION:build", "ACTION:plan"}
    assert [s.text for s in doc.spans["numbers"]] == ["12所", "50%"]


def test_factory_is_registered_by_name():
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("zhengce")
    assert nlp.pipe_names == ["zhengce"]


def test_displacy_renders_the_spans(nlp):
    from spacy import displacy

    doc = nlp("优质园占比不低于50%。")
    html = displacy.render(doc, style="span", options={"spans_key": "targets"})
    assert "TARGET" in html
