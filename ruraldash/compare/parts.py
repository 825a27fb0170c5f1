"""Parts of a whole (其中/含): never a peer of their whole, never added to it.

A figure whose `part_of` names another is a part of that figure (8500万 其中 of 3.2亿). A
ranking or a sum holds wholes only (`without_parts`); a table shows each part right under its
whole (`nested`); a chart draws a part inside its whole's bar (`parts_by_whole`).
"""

from __future__ import annotations

import pandas as pd


def is_part(figures: pd.DataFrame) -> pd.Series:
    """Return, per row, whether it is a part of another figure (frames without part_of: none)."""
    if "part_of" not in figures:
        return pd.Series(False, index=figures.index)
    return figures["part_of"].notna() & (figures["part_of"].astype(str) != "")


def without_parts(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the rows a ranking, a series or a sum may hold: every figure that is no part."""
    parts = is_part(figures)
    return figures if not parts.any() else figures[~parts]


def parts_by_whole(figures: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Return {whole's figure id: its parts} for the parts whose whole is among `figures`."""
    parts = figures[is_part(figures)]
    present = set(figures["figure_id"])
    return {
        str(whole): rows for whole, rows in parts.groupby("part_of", sort=False) if whole in present
    }


def nested(figures: pd.DataFrame) -> pd.DataFrame:
    """Return `figures` with each part moved right under its whole (when its whole is there);
    everything else keeps its order. Cheap without parts: the frame comes back as it is."""
    parts = is_part(figures)
    if not parts.any():
        return figures
    position = {figure: n for n, figure in enumerate(figures["figure_id"])}
    anchors = [
        position.get(whole, n) if part else n
        for n, (part, whole) in enumerate(zip(parts, figures["part_of"], strict=True))
    ]
    order = sorted(range(len(figures)), key=lambda n: (anchors[n], anchors[n] != n, n))
    return figures.take(order)
