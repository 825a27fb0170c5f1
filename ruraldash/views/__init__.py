"""What pages and exports show, as plain Python: each page's data (pages/), briefings (briefing/),
the map (maps/), exports (export/), and the tables, charts and texts they share."""
