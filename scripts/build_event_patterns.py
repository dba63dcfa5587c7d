"""Regenerate the CAMEO-derived verb pattern tables under data/reference/ from ../shared.

    .venv/bin/python scripts/build_event_patterns.py [--shared ../shared]

Reads the PETRARCH2 English verb dictionary (`resources/cameo/en/CAMEO.2.0.txt`) and the UniversalPetrarch
Arabic one (`resources/cameo/ar/CAMEO.ar.0.5.txt`), both MIT licensed (notice: data/reference/LICENSE.cameo),
and writes two CSVs the event coder reads next to its hand-written rules:

- `event_patterns_en_cameo.csv`: verb_lemma, object, event_code, source_line
  one row per verb x (object phrase or none). `object` is a space separated lower-case word sequence that
  must follow the verb within a few words; an empty object is the verb block's default code.
  `event_verb_forms_en_cameo.csv`: verb_form, verb_lemma (the inflections, irregular ones from the file).
- `event_patterns_ar_cameo.csv`: verb_stem, verb_lemma, object, event_code, source_line
  the Arabic dictionary is lemma based, so rows carry the matching stem (`transforms.events.ar_stem`) of
  the verb and of each object word. Only rows with an object are kept: bare Arabic lemmas are too
  ambiguous without a morphological analyser.

Kept on purpose: simple literal objects only (patterns with synonym sets `&X`, subject-side words, or
PETRARCH's special markers `$ + ^ %` are left to the hand-written tables), and no root-01 codes
("make a statement" would code every `said`).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from transforms.events import ar_stem  # noqa: E402

REF = REPO / "data" / "reference"
HEADER_RE = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
CODE_RE = re.compile(r"\[([^\]]*)\]")
SPECIAL = set("&$^%+<>=|")
# Objects made only of function words (`(TO)`, `على`) match almost anywhere: left out.
FUNCTION_WORDS = {
    "to", "of", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "over", "under", "about", "against",
    "the", "a", "an", "as", "up", "down", "out", "off", "back", "away", "it", "its", "their", "his", "her", "and",
    "or", "between", "after", "before", "through", "across", "toward", "towards", "upon", "within", "without",
    "في", "علي", "على", "من", "الي", "إلى", "الى", "عن", "مع", "ل", "ب", "ك", "و", "ف", "ان", "أن", "إن", "بين",
    "بعد", "قبل", "حول", "ضد", "عند", "لدي", "لدى", "حتي", "حتى", "هو", "هي", "هم", "ذلك", "هذا", "هذه",
}
DROP_ROOTS = {"01"}
_EN_IRREGULAR_E = ("ee", "ye", "oe")


def _code(raw: str) -> str | None:
    """`042:043` -> `042`; `---`, `:020` or garbage -> None."""
    code = raw.split(":")[0].strip()
    if not re.fullmatch(r"\d{2,4}", code):
        return None
    if code[:2] in DROP_ROOTS:
        return None
    return code


def _en_forms(lemma: str) -> list[str]:
    """Regular English inflections of a (lower-case) verb lemma."""
    forms = {lemma}
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("e"):
        forms.add(lemma + "d")
        forms.add(lemma + "ing" if lemma.endswith(_EN_IRREGULAR_E) else lemma[:-1] + "ing")
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms.add(lemma[:-1] + "ied")
        forms.add(lemma + "ing")
    else:
        forms.add(lemma + "ed")
        forms.add(lemma + "ing")
    return sorted(forms)


def _object_words(raw: str) -> str | None:
    """`(TO BORDER)` -> `to border`; None if it uses synonym sets or special markers."""
    text = raw.replace("(", " ").replace(")", " ").replace("{", " ").replace("}", " ")
    if any(ch in SPECIAL for ch in text):
        return None
    words = [w for w in text.replace("_", " ").split() if w]
    if not words or len(words) > 4:
        return None
    if all(w.lower() in FUNCTION_WORDS for w in words):
        return None
    return " ".join(w.lower() for w in words)


def _parse_blocks(path: Path):
    """Yield (header_code, [verb lines], [(pattern text, code, line no)]) per verb block."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("####### VERB PATTERNS"))
    block = None
    for lineno, line in enumerate(lines[start + 1 :], start=start + 2):
        m = HEADER_RE.match(line)
        if m:
            if block:
                yield block
            block = (m.group(2), [], [])
            continue
        if block is None:
            continue
        stripped = line.split("#", 1)[0].rstrip()
        if not stripped.strip():
            continue
        if stripped.startswith("-"):
            cm = CODE_RE.search(stripped)
            if cm:
                body = stripped[1 : cm.start()].strip()
                block[2].append((body, cm.group(1), lineno))
        else:
            block[1].append((stripped.strip(), lineno))
    if block:
        yield block


def build_en(path: Path) -> tuple[list[dict], list[dict]]:
    rows: dict[tuple, dict] = {}
    forms_out: dict[tuple, dict] = {}
    for header_code, verbs, patterns in _parse_blocks(path):
        verb_forms: list[tuple[str, str, str | None, int]] = []  # form, lemma, own code, line
        for text, lineno in verbs:
            own = CODE_RE.search(text)
            own_code = own.group(1) if own else None
            text = CODE_RE.sub("", text)
            irregular = re.search(r"\{([^}]*)\}", text)
            base = re.sub(r"\{[^}]*\}", "", text).strip().lstrip("+")
            if not base or any(ch in SPECIAL for ch in base):
                continue
            lemma = base.replace("_", " ").lower().strip()
            if " " in lemma:
                forms = [lemma]
                if irregular:
                    forms += [f.lstrip("+").replace("_", " ").lower() for f in irregular.group(1).split()]
            else:
                forms = _en_forms(lemma)
                if irregular:
                    forms += [f.lstrip("+").replace("_", " ").lower() for f in irregular.group(1).split()]
            for f in sorted(set(forms)):
                if f and not any(ch in SPECIAL for ch in f):
                    verb_forms.append((f, lemma, own_code, lineno))
        for form, lemma, own_code, lineno in verb_forms:
            forms_out.setdefault((form, lemma), {"verb_form": form, "verb_lemma": lemma})
            code = _code(own_code) if own_code else _code(header_code)
            if code:
                rows.setdefault((lemma, "", code), {"verb_lemma": lemma, "object": "", "event_code": code,
                                                    "source_line": lineno})
        lemmas = sorted({lemma for _, lemma, _, _ in verb_forms})
        for body, raw_code, lineno in patterns:
            code = _code(raw_code)
            if not code or not body.startswith("*"):
                continue  # subject-side words before the verb: left to the hand-written rules
            obj = _object_words(body[1:])
            if not obj:
                continue
            for lemma in lemmas:
                rows.setdefault((lemma, obj, code), {"verb_lemma": lemma, "object": obj, "event_code": code,
                                                     "source_line": lineno})
    return (sorted(rows.values(), key=lambda r: (r["verb_lemma"], r["object"], r["event_code"])),
            sorted(forms_out.values(), key=lambda r: (r["verb_form"], r["verb_lemma"])))


def build_ar(path: Path) -> list[dict]:
    rows: dict[tuple, dict] = {}
    for _header_code, verbs, patterns in _parse_blocks(path):
        lemmas = []
        for text, _lineno in verbs:
            text = CODE_RE.sub("", text).strip()
            if not text or any(ch in "&$^%" for ch in text):
                continue
            lemma = text.split("+")[0].replace("_", " ").strip()
            if lemma and " " not in lemma:
                lemmas.append(lemma)
        for body, raw_code, lineno in patterns:
            code = _code(raw_code)
            if not code or not body.startswith("*"):
                continue
            obj = _object_words(body[1:])
            if not obj:
                continue
            obj_stems = " ".join(ar_stem(w) for w in obj.split())
            if len(obj_stems.replace(" ", "")) < 3:
                continue
            for lemma in lemmas:
                stem = ar_stem(lemma)
                if len(stem) < 2:
                    continue
                rows.setdefault((stem, obj_stems, code), {"verb_stem": stem, "verb_lemma": lemma,
                                                          "object": obj_stems, "event_code": code,
                                                          "source_line": lineno})
    return sorted(rows.values(), key=lambda r: (r["verb_stem"], r["object"], r["event_code"]))


def _write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("# Derived from the CAMEO verb dictionaries (MIT, see data/reference/LICENSE.cameo) by "
                "scripts/build_event_patterns.py; do not edit by hand.\n")
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = ap.parse_args(argv)
    cameo = args.shared / "resources" / "cameo"
    en, en_forms = build_en(cameo / "en" / "CAMEO.2.0.txt")
    ar = build_ar(cameo / "ar" / "CAMEO.ar.0.5.txt")
    _write(REF / "event_patterns_en_cameo.csv", en)
    _write(REF / "event_verb_forms_en_cameo.csv", en_forms)
    _write(REF / "event_patterns_ar_cameo.csv", ar)
    print(f"english rows: {len(en)} ({len(en_forms)} verb forms)  arabic rows: {len(ar)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
