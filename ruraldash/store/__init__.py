"""The curated files and the database: YAML and CSV reading, declarations, checks, build."""
