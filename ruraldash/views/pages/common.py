"""What several pages' results share: a chart and the table beside it."""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go

from ruraldash.views.export.provenance import ShownTable


@dataclass(frozen=True)
class Charted:
    """A chart and the table beside it."""

    chart: go.Figure
    table: ShownTable
