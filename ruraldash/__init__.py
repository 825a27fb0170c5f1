"""乡村振兴数据看板: curated figures on rural revitalisation, compared honestly."""
