"""Dagster orchestration of akhbar: assets, dbt assets, checks, schedule, sensor, publication and the CLI.

Importing this package does nothing: the Dagster `Definitions` are built on first access of
`orchestration.definitions.defs` (see `definitions.py`).
"""
