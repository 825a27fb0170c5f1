"""What pages and exports show: tables, charts, export files and their provenance."""
