"""Drafting figures from a new report: engine, sentences, metric guesses, files, quality."""
