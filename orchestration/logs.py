"""A Dagster logger that writes the run's log (including dbt's) to a file, so the console stays readable."""

import logging
from pathlib import Path

import dagster as dg


@dg.logger(
    config_schema={"path": dg.Field(str), "log_level": dg.Field(str, is_required=False, default_value="INFO")},
    description="Writes the run's log records to a file.",
)
def file_logger(init_context: dg.InitLoggerContext) -> logging.Logger:
    path = Path(init_context.logger_config["path"])
    path.parent.mkdir(parents=True, exist_ok=True)
    logger = logging.Logger("akhbar_file_logger", level=init_context.logger_config["log_level"])
    handler = logging.FileHandler(path, mode="a", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    return logger
