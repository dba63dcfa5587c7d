"""Reference data the quality suites read: thresholds, furniture phrases, ISO code lists, CAMEO codebook.

Everything here is data under version control (`expectations/thresholds.json`,
`expectations/furniture_phrases.csv`, `data/reference/*.csv`), loaded once per process.
"""

from __future__ import annotations

import csv
import json
import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
THRESHOLDS_FILE = HERE / "thresholds.json"
FURNITURE_FILE = HERE / "furniture_phrases.csv"
REFERENCE_DIR = REPO / "data" / "reference"
CODEBOOK_FILE = REFERENCE_DIR / "cameo_codebook.csv"

# Column names a CAMEO codebook CSV may use (first match wins).
_CODE_COLUMNS = ("event_code", "cameo_code", "code")
_GOLDSTEIN_COLUMNS = ("goldstein", "goldstein_scale", "goldstein_value")


@dataclass(frozen=True)
class Codebook:
    path: Path
    code_column: str
    goldstein_column: str


@dataclass(frozen=True)
class Config:
    thresholds: dict
    furniture_blocking: tuple[str, ...]
    furniture_warning: tuple[str, ...]
    iso639_1: tuple[str, ...]
    iso3166_alpha3: tuple[str, ...]
    codebook: Codebook | None
    notes: tuple[str, ...] = field(default=())

    def severity(self, suite: str, check_name: str, default: str) -> str:
        return self.thresholds.get("severity_overrides", {}).get(f"{suite}.{check_name}", default)


def _read_phrases(path: Path) -> list[tuple[str, str]]:
    """(lower-cased phrase, severity) rows of a phrase CSV: ours (`phrase,severity,note`) or the clean
    stage's (`kind,pattern,description`, where only `kind=line` rows are literal text)."""
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = reader.fieldnames or []
        for row in reader:
            if "phrase" in fields:
                phrase = row.get("phrase") or ""
            elif "pattern" in fields and row.get("kind") == "line":
                phrase = row.get("pattern") or ""
            else:
                continue
            phrase = phrase.strip().lower()
            if phrase:
                out.append((phrase, (row.get("severity") or "blocking").strip().lower()))
    return out


def _furniture_phrases() -> tuple[tuple[str, ...], tuple[str, ...], list[str]]:
    """Our own list, plus the clean stage's `data/reference/furniture_*.csv` phrases when committed.

    Whole-line phrases from the clean stage's list are used only when they are distinctive enough to be
    checked as a substring of a whole body (at least two words and 12 characters); they count as
    warnings, because that list is tuned for removing lines, not for judging bodies.
    """
    blocking, warning, notes = [], [], []
    for phrase, severity in _read_phrases(FURNITURE_FILE):
        (blocking if severity == "blocking" else warning).append(phrase)
    for path in sorted(REFERENCE_DIR.glob("furniture_*.csv")):
        taken = 0
        for phrase, _ in _read_phrases(path):
            if len(phrase) >= 12 and len(phrase.split()) >= 2 and phrase not in blocking + warning:
                warning.append(phrase)
                taken += 1
        notes.append(f"{taken} phrases from {path.relative_to(REPO)}")
    return tuple(blocking), tuple(warning), notes


def _codebook(path: Path) -> Codebook | None:
    if not path.exists():
        return None
    with path.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh), [])
    cols = [c.strip() for c in header]
    code = next((c for c in _CODE_COLUMNS if c in cols), None)
    gold = next((c for c in _GOLDSTEIN_COLUMNS if c in cols), None)
    if code is None or gold is None:
        return None
    return Codebook(path=path, code_column=code, goldstein_column=gold)


@cache
def load_config(codebook_path: str | None = None) -> Config:
    import pycountry

    thresholds = json.loads(THRESHOLDS_FILE.read_text(encoding="utf-8"))
    blocking, warning, notes = _furniture_phrases()
    iso639 = sorted({lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2")})
    iso3 = sorted({c.alpha_3 for c in pycountry.countries} | set(thresholds["extra_country_iso3"]["codes"]))
    cb_path = Path(codebook_path or os.environ.get("AKHBAR_CAMEO_CODEBOOK") or CODEBOOK_FILE)
    return Config(
        thresholds=thresholds,
        furniture_blocking=blocking,
        furniture_warning=warning,
        iso639_1=tuple(iso639),
        iso3166_alpha3=tuple(iso3),
        codebook=_codebook(cb_path),
        notes=tuple(notes),
    )
