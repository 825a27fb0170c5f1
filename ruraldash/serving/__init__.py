"""Serving an organisation: N app replicas and nginx in front of them, started and stopped."""
