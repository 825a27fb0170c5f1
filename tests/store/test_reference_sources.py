"""Reference figures (denominators) come from named official publications on government sites,
or from a reprint marked as read at; anything else is a located validation error."""

from __future__ import annotations

from pathlib import Path

import pytest

from ruraldash import paths
from ruraldash.cli import main
from ruraldash.store.build import validate
from ruraldash.store.catalogue import load_catalogue
from ruraldash.store.official_sources import is_government_address

REGIONS = "data/regions.yaml"
OFFICIAL = 'source: "https://tjj.alpha.gov.cn/census-1"'
CONTENT_SITE = "https://kkannews.com/84062122.html"


def problems(root: Path) -> list[str]:
    return [str(problem) for problem in validate(root / "data", root / "metrics").problems]


def edit(root: Path, old: str, new: str) -> None:
    """Replace the first `old` in the fixture's regions.yaml with `new` (which must be there)."""
    path = root / REGIONS
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_fixture_s_official_source_is_valid(mini: Path) -> None:
    assert problems(mini) == []


def test_a_content_site_as_source_is_refused_with_its_line_and_field(
    mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(mini, OFFICIAL, f'source: "{CONTENT_SITE}"')
    message = (
        f"{REGIONS}:11: field 'source': '{CONTENT_SITE}' is not the address of a government "
        "site (a host ending in gov.cn); a copy of the publication elsewhere goes in read_at, "
        "marked as a reprint"
    )
    assert problems(mini) == [message]
    assert main(["validate", "--data", "data", "--metrics", "metrics", "--lang", "en"]) != 0
    assert message in capsys.readouterr().err


def test_a_name_instead_of_an_address_is_refused(mini: Path) -> None:
    edit(mini, OFFICIAL, "source: encyclopedia mirror")
    assert problems(mini) == [
        f"{REGIONS}:11: field 'source': 'encyclopedia mirror' is not the address of a "
        "government site (a host ending in gov.cn); a copy of the publication elsewhere goes "
        "in read_at, marked as a reprint"
    ]


def test_a_reprint_of_a_named_publication_is_kept_as_read_at(mini: Path) -> None:
    edit(mini, OFFICIAL, f'read_at: "{CONTENT_SITE}"')
    assert problems(mini) == []


def test_a_reprint_that_names_no_publication_is_refused(mini: Path) -> None:
    edit(mini, OFFICIAL, f'read_at: "{CONTENT_SITE}"')
    edit(mini, "publication: 甲市第七次全国人口普查公报（第一号）, issuer: 甲市统计局, ", "")
    assert problems(mini) == [
        f"{REGIONS}:11: field 'issuer': is missing",
        f"{REGIONS}:11: field 'publication': is missing",
    ]


def test_a_figure_without_any_address_or_with_a_bad_date_is_refused(mini: Path) -> None:
    edit(mini, f", {OFFICIAL}", "")
    edit(mini, 'published: "2021-05-20"', 'published: "2021-13"')
    # A problem of the whole entry sorts before those of its fields.
    assert problems(mini) == [
        f"{REGIONS}:11: needs source (the publication's address on a government site) or "
        "read_at (where its text was read, a reprint)",
        f"{REGIONS}:11: field 'published': '2021-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
    ]


@pytest.mark.parametrize(
    ("address", "government"),
    [
        ("https://tjj.shaoyang.gov.cn/sytjj/tjxx/202106/838b.shtml", True),
        ("http://www.mca.gov.cn/article/sj/xzqh/2020/", True),
        ("HTTPS://TJJ.HUNAN.GOV.CN/x", True),
        ("https://gov.cn.example.com/x", False),
        ("https://notgov.cn/x", False),
        ("https://m.ahmhxc.com/shiji/22925.html", False),
        ("ftp://tjj.shaoyang.gov.cn/x", False),
        ("tjj.shaoyang.gov.cn", False),
        ("encyclopedia mirror", False),
    ],
)
def test_what_counts_as_a_government_address(address: str, government: bool) -> None:
    assert is_government_address(address) is government


def test_the_shipped_reference_figures_cite_official_publications_only() -> None:
    catalogue, found = load_catalogue(paths.DATA_DIR, paths.METRICS_DIR)
    assert catalogue is not None and not found
    figures = [
        (region.id, figure) for region in catalogue.regions.values() for figure in region.reference
    ]
    assert figures
    for region_id, figure in figures:
        where = (region_id, figure.field)
        assert figure.publication and figure.issuer and figure.published and figure.year, where
        # Cited addresses are government sites; any other address is a marked reprint.
        assert not figure.source or is_government_address(figure.source), where
        assert figure.source or figure.read_at, where
        # A year-end estimate is never presented as a census figure: a census bulletin is 2020's.
        if "人口普查" in figure.publication:
            assert figure.year == 2020, where
