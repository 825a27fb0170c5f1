"""Helpers the tests share: data sets built on purpose for the rule a test checks."""
