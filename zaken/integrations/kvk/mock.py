"""Placeholder until the mock adapter lands (lead)."""
