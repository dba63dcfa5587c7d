"""Pure Polars transforms: text in, DataFrames out. No Dagster or dbt import anywhere in this package.

Stages (each module a set of functions of DataFrames; column contracts in `transforms.schemas`):
ingest -> clean -> sentences -> actors -> statements -> events.
"""
