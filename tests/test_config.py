import pytest

from newsroom.config import ConfigError, load_config


def test_defaults_are_merged_under_the_given_values():
    config = load_config({"categories": ["Báo cáo"], "per_page": 5, "related": {"tags": 2}})
    assert config.per_page == 5
    assert config.related.tags == 2.0
    assert config.related.count == 5  # default kept
    assert [c.slug for c in config.categories] == ["bao-cao"]


def test_category_lookup_ignores_spelling_variants():
    config = load_config({"categories": ["Tin tức - Sự kiện"]})
    assert config.category("tin tuc  su kien").name == "Tin tức - Sự kiện"
    assert config.category("Thông báo") is None


@pytest.mark.parametrize(
    "values, words",
    [
        ({}, "categories"),
        ({"categories": ["Báo cáo"], "per_pages": 3}, "per_pages"),
        ({"categories": ["Báo cáo"], "per_page": "mười"}, "per_page"),
        ({"categories": ["Báo cáo"], "per_page": 0}, "per_page"),
        ({"categories": ["Báo cáo", "Bao cao"]}, "trùng"),
        ({"categories": ["Báo cáo"], "related": {"weight": 1}}, "related"),
        ({"categories": ["Báo cáo"], "timezone": "Mars/Olympus"}, "timezone"),
    ],
)
def test_bad_configuration_names_the_key(values, words):
    with pytest.raises(ConfigError, match=words):
        load_config(values)
