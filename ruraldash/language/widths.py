"""Full-width forms folded to half-width: the one table the text and number readers share."""

from __future__ import annotations

# Full-width ASCII forms (！ to ～) sit at a fixed offset from ASCII; 　 (U+3000) is a space.
# One character for one, so offsets found in the folded text hold for the original.
# Only these are folded: NFKC would also turn ① into 1 and … into ..., inventing numbers and dots.
FULL_TO_HALF: dict[int, int] = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {
    0x3000: 0x20
}
