"""Honest comparison over the built database: figures, missing rows, ratios, coverage."""
