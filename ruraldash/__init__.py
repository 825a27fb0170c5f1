"""乡村振兴数据看板 — curated figures on party-building-led rural revitalisation, compared honestly."""
