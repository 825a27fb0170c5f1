"""Reading the tables a page drew under AppTest."""

from __future__ import annotations

import pandas as pd
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block


def keyed_table(at: AppTest, key: str) -> pd.DataFrame:
    """Return the frame ui.table drew in its container under `key`."""
    pending: list = [at.main]
    while pending:
        node = pending.pop()
        pending += list(getattr(node, "children", {}).values())
        if isinstance(node, Block) and getattr(node.proto, "id", "").endswith(f"-{key}"):
            return node.dataframe[0].value
    raise KeyError(key)
