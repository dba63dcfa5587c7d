"""Scorers: compare pipeline output with gold corpora under ../shared/corpora."""
