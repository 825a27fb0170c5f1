"""The one romaniser of place names against a hand table (readings as in official English use)."""

from __future__ import annotations

import pytest

from ruraldash.draft import places, report_region
from ruraldash.language.english import english_place
from ruraldash.language.romanise import english_name, romanise
from ruraldash.store.admin_units import admin_units
from ruraldash.store.catalogue import Catalogue

# Written by hand from official English usage, not from the code: name -> (bare, with its kind).
HAND_TABLE = {
    "朝阳区": ("Chaoyang", "Chaoyang District"),
    "朝阳市": ("Chaoyang", "Chaoyang City"),
    "长沙市": ("Changsha", "Changsha City"),
    "长治市": ("Changzhi", "Changzhi City"),
    "长子县": ("Zhangzi", "Zhangzi County"),
    "厦门市": ("Xiamen", "Xiamen City"),
    "蚌埠市": ("Bengbu", "Bengbu City"),
    "六安市": ("Lu'an", "Lu'an City"),
    "西安市": ("Xi'an", "Xi'an City"),
    "乐亭县": ("Laoting", "Laoting County"),
    "洪洞县": ("Hongtong", "Hongtong County"),
    "都匀市": ("Duyun", "Duyun City"),
    "涡阳县": ("Guoyang", "Guoyang County"),
    "吕梁市": ("Lüliang", "Lüliang City"),
    "新宁县": ("Xinning", "Xinning County"),
    "万柏林区": ("Wanbailin", "Wanbailin District"),
    "神农架林区": ("Shennongjia", "Shennongjia Forestry District"),
    "浦东新区": ("Pudong", "Pudong New Area"),
    "歙县": ("Shexian", "Shexian County"),
    "鄂温克族自治旗": ("Ewenke", "Ewenke Autonomous Banner"),
    "融水苗族自治县": ("Rongshui", "Rongshui Autonomous County"),
    "长阳土家族自治县": ("Changyang", "Changyang Autonomous County"),
    "重庆市": ("Chongqing", "Chongqing"),
    "陕西省": ("Shaanxi", "Shaanxi"),
    "山西省": ("Shanxi", "Shanxi"),
    "内蒙古自治区": ("Inner Mongolia", "Inner Mongolia"),
    "西藏自治区": ("Xizang", "Xizang"),
    "香港特别行政区": ("Hong Kong", "Hong Kong"),
    "澳门特别行政区": ("Macao", "Macao"),
}


@pytest.mark.parametrize(("name", "expected"), HAND_TABLE.items())
def test_a_place_name_reads_as_in_official_english(name: str, expected: tuple[str, str]) -> None:
    assert (english_name(name), english_name(name, kind=True)) == expected


def test_shaanxi_and_shanxi_stay_apart_in_the_national_list() -> None:
    units = admin_units().set_index("admin_code")["name_en"]
    assert (units["610000"], units["140000"]) == ("Shaanxi", "Shanxi")
    assert units["110105"] == "Chaoyang"
    assert units.str.contains(r"[^A-Za-zü' ]").sum() == 0  # letters, apostrophes, spaces only


def test_a_new_region_and_the_national_list_name_a_unit_alike(catalogue: Catalogue) -> None:
    chaoyang = places.by_code()["110105"]
    assert report_region._english(chaoyang) == "Chaoyang District"
    assert report_region.new_region_id(catalogue, chaoyang) == "chaoyang"
    assert report_region._english(places.by_code()["150000"]) == "Inner Mongolia"


def test_a_new_province_is_named_by_its_english_name_and_a_county_in_pinyin(
    catalogue: Catalogue,
) -> None:
    ids = {
        code: report_region.new_region_id(catalogue, places.by_code()[code])
        for code in ("610000", "140000", "150000", "341500")
    }
    assert ids == {
        "610000": "shaanxi",  # 陕西, whose pinyin would be 山西's shanxi
        "140000": "shanxi",
        "150000": "inner_mongolia",
        "341500": "luan",  # 六安 Lu'an, the apostrophe dropped
    }
    # 朝阳市 after 朝阳区 has taken chaoyang: the name stays readable and its code is added.
    city = places.by_code()["211300"]
    assert report_region.new_region_id(catalogue, city, {"chaoyang"}) == "chaoyang_211300"


def test_a_scope_names_each_place_with_the_same_readings() -> None:
    assert english_place("朝阳区朝阳村") == "Chaoyang Village, Chaoyang District"
    assert romanise("六安") == "Lu'an"
