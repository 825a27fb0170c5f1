"""What keeps the national county map small and quick: junctions simplified alike, JSON once."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import plotly.tools

from ruraldash.store import boundaries, frykit_binary
from ruraldash.ui import charts

# --- a junction of three units ---------------------------------------------------------------


def three_units() -> list[list[list[np.ndarray]]]:
    """West and east share a wiggly border that starts at a junction with south below both."""
    # From the junction (10000, 0) up to (10000, 4000), wiggling 3 units sideways.
    border = [(10_000 + (3 if n % 2 else 0), n * 100) for n in range(41)]
    west = [(0, 0), *border, (0, 4000), (0, 0)]
    east = [(10_000, 0), (20_000, 0), (20_000, 4000), *border[:0:-1], (10_000, 0)]
    south = [(0, -5000), (20_000, -5000), (20_000, 0), (10_000, 0), (0, 0), (0, -5000)]
    return [[[np.asarray(ring)]] for ring in (west, east, south)]


def test_the_vertex_beside_a_junction_is_simplified_like_any_other() -> None:
    simplified = boundaries.simplify(three_units(), tolerance_degrees=20 * frykit_binary.STEP)
    west, east, south = (unit[0][0] for unit in simplified)
    points = [{tuple(int(v) for v in p) for p in ring} for ring in (west, east, south)]
    assert all((10_000, 0) in ring for ring in points), "the junction stays in every unit"
    # The first wiggle beside the junction is under the tolerance: gone on both sides.
    assert (10_003, 100) not in points[0] | points[1]
    on_border = [{p for p in ring if 10_000 <= p[0] <= 10_003} for ring in points[:2]]
    assert on_border[0] == on_border[1], "the shared border stays shared"
    assert len(west) <= 6


def test_a_reef_under_the_tolerance_is_kept_whole() -> None:
    reef = [(30_000, 0), (30_002, 0), (30_003, 1), (30_002, 2), (30_000, 2), (30_000, 0)]
    kept = boundaries.simplify([[[np.asarray(reef)]]], tolerance_degrees=20 * frykit_binary.STEP)
    assert kept[0][0][0].tolist() == [list(point) for point in reef]


# --- the map's JSON, written once ------------------------------------------------------------


def figure() -> go.Figure:
    return go.Figure(
        go.Choroplethmap(
            geojson={"type": "FeatureCollection", "features": []},
            locations=["350100"],
            z=[1.5],
            text=["<b>福州市</b> · a/b\u2028"],
        )
    )


def test_the_map_is_sent_as_the_json_plotly_writes_for_it() -> None:
    drawn = figure()
    sent = charts._SentMap(drawn)
    # What Streamlit does on every rerun: the figure's dict, then plotly.io.to_json.
    as_streamlit = plotly.tools.return_figure_from_figure_or_data(sent, validate_figure=True)
    written = pio.to_json(as_streamlit, validate=False)
    assert written == pio.to_json(drawn, validate=False)
    assert "\\u003cb\\u003e福州市" in written and "\\u2028" in written
    assert pio.to_json(sent.to_dict(), validate=False) == written


def test_the_map_json_is_written_once() -> None:
    sent = charts._SentMap(figure())
    assert sent.to_dict() is sent.to_dict()
    assert sent.to_dict().to_plotly_json() is sent.to_dict().to_plotly_json()
