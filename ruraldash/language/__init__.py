"""Text and numbers: normalising report text, reading Chinese numbers, formatting, UI text."""
