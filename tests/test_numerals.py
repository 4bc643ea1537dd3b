import pytest

from pipeline.numerals import first_year, parse_date, to_int


@pytest.mark.parametrize("numeral, value", [
    ("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十一", 21), ("一百零五", 105), ("两", 2),
    ("12", 12), ("１２", 12), ("③", 3), ("⑳", 20), ("二〇二一", 2021),
])
def test_to_int(numeral, value):
    assert to_int(numeral) == value


@pytest.mark.parametrize("text, iso", [
    ("2021年2月20日", "2021-02-20"),
    ("二〇二三年二月十日", "2023-02-10"),
    ("二〇二一年十二月三十一日", "2021-12-31"),
    ("——2019年3月5日在第十三届全国人民代表大会第二次会议上", "2019-03-05"),
    ("2021 年 2 月 20 日", "2021-02-20"),
    ("2021年2月30日", None),
    ("2021年2月", None),
])
def test_parse_date(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("text, year", [
    ("2021年青岛西海岸新区教育体育工作要点", 2021),
    ("二〇二二年东湖市文化和旅游工作要点", 2022),
    ("新时代中小学体育美育提升三年行动计划（2021-2023）", 2021),
    ("江州市支持制造业高质量发展若干措施", None),
])
def test_first_year(text, year):
    assert first_year(text) == year
