"""Exports of the tables: CSV and XLSX files, how they print, their provenance; the datasets."""
