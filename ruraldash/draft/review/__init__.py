"""Reviewing drafted figures: the queue, a curator's decisions, their validated atomic save."""
