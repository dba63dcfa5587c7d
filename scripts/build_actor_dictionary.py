"""Regenerate the committed actor dictionary CSVs from curated tables, pycountry and CAMEO/Phoenix.

Inputs (committed, hand-curated, an analyst edits these):
  data/reference/actors_countries_curated.csv  English/Arabic country names, demonyms, capitals
  data/reference/actors_curated.csv            IGOs, armed groups, agencies, media, well-known people
  data/reference/actors_first_names_ar_curated.csv  common given names in Arabic script
Inputs (NOT committed, ../shared; MIT, see data/reference/LICENSE.cameo):
  ../shared/resources/cameo/en/Phoenix.{Countries,International,MilNonState}.actors.txt
  ../shared/resources/cameo/ar/actor_dict_ar_v4.txt
Outputs (committed; the pipeline reads only these):
  data/reference/actors.csv          key, canonical_name, canonical_name_ar, actor_type, country_iso3, cameo_code, source
  data/reference/actors_aliases.csv  key, alias, language, kind (NAME | ALIAS | DEMONYM | METONYM)
  data/reference/actors_first_names.csv  name, language: given names that start a person's name (discovery)

Usage: .venv/bin/python scripts/build_actor_dictionary.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import pycountry  # noqa: E402

from transforms.actors import person_key  # noqa: E402
from transforms.common import normalize_arabic  # noqa: E402

REF = REPO / "data" / "reference"

# Words that show a CAMEO entry is a title, a group or a description, not one person's name.
_NOT_PERSON = {
    "SECRETARY", "GENERAL", "CHIEF", "PRESIDENT", "MINISTER", "MINISTRY", "PARTY", "ARMY", "FRONT", "COUNCIL",
    "GOVERNMENT", "OFFICIAL", "OFFICIALS", "FORCES", "FORCE", "POLICE", "UNION", "LEAGUE", "COMMITTEE",
    "MOVEMENT", "ORGANIZATION", "ORGANISATION", "BRIGADE", "BRIGADES", "GROUP", "ASSOCIATION", "BANK", "FUND",
    "AGENCY", "COMMISSION", "COURT", "OFFICE", "DEPARTMENT", "NATIONS", "NATIONAL", "REPUBLIC", "STATE",
    "STATES", "KINGDOM", "AMBASSADOR", "SPOKESMAN", "LEADER", "LEADERS", "REBEL", "REBELS", "PEACEKEEPER",
    "PEACEKEEPERS", "SOLDIER", "SOLDIERS", "TROOPS", "ISLAMIC", "INSTITUTE", "CENTER", "CENTRE", "SERVICE",
    "INITIATIVE", "PROGRAM", "PROGRAMME", "FEDERATION", "ALLIANCE", "ASSEMBLY", "PARLIAMENT", "SENATE",
    "CONGRESS", "TRIBUNAL", "MISSION", "CORPS", "GUARD", "COALITION", "NETWORK", "COMPANY", "CORPORATION",
    "UNIVERSITY", "SCHOOL", "CHURCH", "EMBASSY", "CABINET", "REGIME", "ADMINISTRATION", "MILITARY", "THE",
    "OF", "AND", "FOR", "IN", "ON", "BOARD", "PANEL", "AUTHORITY", "BUREAU", "DIRECTORATE", "CHAIRMAN",
    "KING", "QUEEN", "PRINCE", "SHEIKH", "EMIR", "SULTAN", "POPE", "CARDINAL", "BISHOP", "AYATOLLAH",
}
_ORG_WORDS = {
    "ORGANIZATION", "ORGANISATION", "UNION", "COUNCIL", "BANK", "FUND", "AGENCY", "COMMISSION", "COURT",
    "NATIONS", "LEAGUE", "ASSOCIATION", "COMMUNITY", "PROGRAMME", "PROGRAM", "INSTITUTE", "OFFICE", "CONFERENCE",
    "COMMITTEE", "FORUM", "ALLIANCE", "TREATY", "PARLIAMENT", "ASSEMBLY", "TRIBUNAL", "MISSION",
}
_AR_NOT_PERSON = {
    "رئيس", "وزير", "قوة", "قوات", "حركة", "حزب", "جيش", "مجلس", "جبهة", "منظمة", "اتحاد", "جماعة", "شرطة",
    "حكومة", "وزارة", "سلطة", "أمين", "عام", "نائب", "ملك", "أمير", "شيخ", "سفير", "قائد", "زعيم", "مسؤول",
    "متحدث", "ناطق", "تنظيم", "هيئة", "مكتب", "لجنة", "جامعة", "مؤسسة", "الديوان", "محكمة", "شركة", "بنك",
    "مدير", "عاهل", "جنرال", "عقيد", "لواء", "مقاومة", "جماعات", "مليشيا", "ميليشيا", "نظام", "إدارة", "ل",
    "ب", "و", "في", "من", "نجم", "برلمان", "قيادة", "تحالف", "دولة", "جنوب", "شمال", "شرق", "غرب", "مصدر",
    "مصادر", "رئاسة", "سابق", "أسبق", "وكالة", "صحيفة", "قناة", "رابطة", "كتائب", "كتيبة", "مجموعة", "لجان",
}
_CODE = re.compile(r"\[([A-Z-]{3,})[^\]]*\]")


def _title(name: str) -> str:
    words = []
    for w in name.replace("_", " ").split():
        lw = w.lower()
        if lw in {"al", "el", "bin", "ben", "ibn", "de", "da", "del", "van", "von", "der", "la", "le", "of", "the", "and"}:
            words.append(lw)
        elif "-" in w:
            words.append("-".join(p.capitalize() if p.lower() not in {"al", "el"} else p.lower() for p in w.split("-")))
        else:
            words.append(w.capitalize())
    out = " ".join(words)
    return out[:1].upper() + out[1:]


def _clean_name(raw: str) -> str:
    raw = raw.split("#")[0]
    raw = raw.split("[")[0].strip().rstrip("_").strip()
    raw = re.sub(r"\(.*?\)", "", raw)
    return re.sub(r"\s+", " ", raw.replace("_", " ")).strip()


def parse_cameo(path: Path) -> list[dict]:
    """Entries of a PETRARCH/TABARI actor file: {'name', 'synonyms', 'codes'} (codes newest last)."""
    entries: list[dict] = []
    cur: dict | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0] in " \t" and line.strip().startswith("["):
            if cur is not None:
                cur["codes"].extend(_CODE.findall(line))
                if ">" in line:
                    cur["current"] = _CODE.findall(line)[:1] or cur.get("current")
            continue
        if line.startswith("+"):
            if cur is not None:
                syn = _clean_name(line[1:])
                if syn:
                    cur["synonyms"].append(syn)
            continue
        name = _clean_name(line)
        if not name:
            continue
        cur = {"name": name, "synonyms": [], "codes": _CODE.findall(line), "current": None}
        entries.append(cur)
    return entries


def _best_code(e: dict) -> str | None:
    if e.get("current"):
        return e["current"][0]
    return e["codes"][-1] if e["codes"] else None


def _iso_of(code: str | None, iso3s: set[str]) -> str | None:
    if code and code[:3] in iso3s:
        return code[:3]
    return None


def _is_person_name(name: str) -> bool:
    toks = name.upper().replace("-", " ").split()
    if not 2 <= len(toks) <= 5:
        return False
    if any(t in _NOT_PERSON for t in toks):
        return False
    return all(re.fullmatch(r"[A-Z'.]+", t) for t in toks) and not any(len(t) == 1 for t in toks[-1:])


def build(shared: Path | None) -> tuple[list[dict], list[dict]]:
    actors: dict[str, dict] = {}
    aliases: list[dict] = []
    seen_alias: set[tuple[str, str, str]] = set()
    person_keys: dict[str, str] = {}

    def add_actor(key, name, name_ar, typ, iso3, cameo, source):
        if key in actors:
            return key
        actors[key] = {"key": key, "canonical_name": name, "canonical_name_ar": name_ar or "", "actor_type": typ,
                       "country_iso3": iso3 or "", "cameo_code": cameo or "", "source": source}
        if typ == "PERSON":
            person_keys.setdefault(person_key(name), key)
        return key

    def add_alias(key, alias, lang, kind):
        alias = alias.strip()
        if not alias:
            return
        k = (key, alias.lower() if lang == "en" else alias, lang)
        if k in seen_alias:
            return
        seen_alias.add(k)
        aliases.append({"key": key, "alias": alias, "language": lang, "kind": kind})

    iso3s = {c.alpha_3 for c in pycountry.countries}

    # 1. countries: curated EN/AR table first, pycountry for every other country.
    with open(REF / "actors_countries_curated.csv", encoding="utf-8") as f:
        curated_countries = {r["iso3"]: r for r in csv.DictReader(f)}
    for c in pycountry.countries:
        r = curated_countries.get(c.alpha_3, {})
        name = r.get("name_en") or getattr(c, "common_name", None) or c.name
        key = f"country:{c.alpha_3}"
        add_actor(key, name, r.get("name_ar"), "COUNTRY", c.alpha_3, c.alpha_3, "pycountry+curated")
        add_alias(key, name, "en", "NAME")
        for n in {c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)}:
            if n and "," not in n:
                add_alias(key, n, "en", "ALIAS")
        for a in filter(None, (r.get("aliases_en") or "").split("|")):
            add_alias(key, a, "en", "ALIAS")
        for a in filter(None, (r.get("demonym_en") or "").split("|")):
            add_alias(key, a, "en", "DEMONYM")
        for a in filter(None, (r.get("capital_en") or "").split("|")):
            add_alias(key, a, "en", "METONYM")
        if r.get("name_ar"):
            add_alias(key, r["name_ar"], "ar", "NAME")
        for a in filter(None, (r.get("aliases_ar") or "").split("|")):
            add_alias(key, a, "ar", "ALIAS")
        for stem in filter(None, (r.get("demonym_ar") or "").split("|")):
            forms = [stem]
            if stem.endswith("ي"):
                forms += [stem + "ة", stem + "ين", stem + "ون", stem + "ان", stem + "تين", stem + "تان"]
            for form in forms:
                add_alias(key, form, "ar", "DEMONYM")
        for a in filter(None, (r.get("capital_ar") or "").split("|")):
            add_alias(key, a, "ar", "METONYM")
    # Kosovo and Palestine/Western Sahara are in the curated table under codes pycountry may lack.
    for iso3, r in curated_countries.items():
        key = f"country:{iso3}"
        if key not in actors:
            add_actor(key, r["name_en"], r["name_ar"], "COUNTRY", iso3, iso3, "curated")
            add_alias(key, r["name_en"], "en", "NAME")
            add_alias(key, r["name_ar"], "ar", "NAME")

    # 2. curated IGOs, armed groups, agencies, media, people.
    with open(REF / "actors_curated.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            key = r["key"]
            add_actor(key, r["canonical_name"], r["canonical_name_ar"], r["actor_type"], r["country_iso3"],
                      r["cameo_code"], "curated")
            add_alias(key, r["canonical_name"], "en", "NAME")
            for a in filter(None, r["aliases_en"].split("|")):
                add_alias(key, a, "en", "ALIAS")
            if r["actor_type"] != "MEDIA" and r["canonical_name_ar"]:
                add_alias(key, r["canonical_name_ar"], "ar", "NAME")
            for a in filter(None, r["aliases_ar"].split("|")):
                add_alias(key, a, "ar", "ALIAS")
                if r["actor_type"] == "PERSON":
                    person_keys.setdefault("ar:" + person_key(a), key)
            if r["actor_type"] == "PERSON" and r["canonical_name_ar"]:
                person_keys.setdefault("ar:" + person_key(r["canonical_name_ar"]), key)

    if shared is None or not (shared / "resources" / "cameo").exists():
        print("../shared/resources/cameo not found: curated + pycountry only", file=sys.stderr)
        return list(actors.values()), aliases
    cameo = shared / "resources" / "cameo"

    # 3. CAMEO English: people (with their country and newest code), IGOs, non-state armed groups.
    for fname in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"):
        for e in parse_cameo(cameo / "en" / fname):
            code = _best_code(e)
            if not code:
                continue
            names = [e["name"], *e["synonyms"]]
            if _is_person_name(e["name"]):
                canon = _title(e["name"])
                pk = person_key(canon)
                key = person_keys.get(pk) or add_actor(f"cameo:{e['name'].upper().replace(' ', '_')}", canon, None,
                                                        "PERSON", _iso_of(code, iso3s), code, "cameo-en")
                for n in names:
                    if _is_person_name(n):
                        add_alias(key, _title(n), "en", "NAME" if n == e["name"] else "ALIAS")
            elif code.startswith("IGO") and fname.startswith("Phoenix.International"):
                toks = set(e["name"].upper().split())
                if not (toks & _ORG_WORDS) and not re.fullmatch(r"[A-Z]{2,6}", e["name"]):
                    continue
                key = add_actor(f"cameo:{e['name'].upper().replace(' ', '_')}", _title(e["name"]) if len(e["name"]) > 6
                                else e["name"].upper(), None, "IGO", None, code, "cameo-en")
                for n in names:
                    add_alias(key, n.upper() if re.fullmatch(r"[A-Z]{2,6}", n) else _title(n), "en", "ALIAS")
    for e in parse_cameo(cameo / "en" / "Phoenix.MilNonState.actors.txt"):
        code = _best_code(e)
        if not code or len(e["name"]) < 4:
            continue
        key = add_actor(f"cameo:{e['name'].upper().replace(' ', '_')}", _title(e["name"]), None, "ARMED_GROUP",
                        _iso_of(code, iso3s), code, "cameo-en")
        for n in [e["name"], *e["synonyms"]]:
            if len(n.split()) >= 2:
                add_alias(key, _title(n), "en", "ALIAS")

    # 4. CAMEO Arabic: people only (lemmatised organisation entries do not match running text), and only
    #    entries that start with a known given name (the dictionary also lists `وزيرة ...`, `جندي ...`).
    ar_first = {normalize_arabic(n) for n in first_names_ar()}
    for e in parse_cameo(cameo / "ar" / "actor_dict_ar_v4.txt"):
        code = _best_code(e)
        iso = _iso_of(code, iso3s)
        toks = e["name"].split()
        if not code or not iso or len(code) <= 3 or not 2 <= len(toks) <= 4:
            continue
        if any(t in _AR_NOT_PERSON or (t.startswith("ال") and i == 0) for i, t in enumerate(toks)):
            continue
        if not all(re.fullmatch(r"[\u0621-\u064a\u0670]+", t) for t in toks):
            continue
        if normalize_arabic(toks[0]) not in ar_first:
            continue
        name_ar = " ".join(toks)
        pk = "ar:" + person_key(name_ar)
        key = person_keys.get(pk)
        if key is None and toks[-1] in ("الابن", "الأب", "ابن"):  # `جورج بوش الابن` is `جورج بوش`
            key = person_keys.get("ar:" + person_key(" ".join(toks[:-1])))
        if key is None:
            key = add_actor(f"cameo-ar:{'_'.join(toks)}", name_ar, name_ar, "PERSON", iso, code, "cameo-ar")
            person_keys[pk] = key
        add_alias(key, name_ar, "ar", "NAME")
    return list(actors.values()), aliases


def first_names_ar() -> list[str]:
    with open(REF / "actors_first_names_ar_curated.csv", encoding="utf-8") as f:
        return [r["name"] for r in csv.DictReader(f) if r["name"].strip()]


_NOT_FIRST_NAME = {"Sir", "Lord", "Lady", "Dame", "General", "King", "Queen", "Prince", "Princess", "Sheikh",
                   "Emir", "Sultan", "President", "Minister", "Chief", "Saint", "St", "Mr", "Mrs", "Dr", "Al",
                   "El", "Abu", "Bin", "Ben", "Le", "La", "De", "Del", "Van", "Von", "The", "New", "North",
                   "South", "East", "West", "Great", "United", "National", "Ayatollah", "Pope", "Cardinal",
                   "Father", "Brother", "Sister", "Mother", "Grand", "Major", "Colonel", "Captain", "Ali"}


def first_names(actors: list[dict], aliases: list[dict]) -> list[dict]:
    """Given names: first words of dictionary people seen at least twice, minus titles and place names."""
    from collections import Counter

    places = {a["alias"].lower() for a in aliases if a["language"] == "en" and a["key"].startswith("country:")}
    cnt = Counter(r["canonical_name"].split()[0] for r in actors
                  if r["actor_type"] == "PERSON" and r["source"] in ("cameo-en", "curated")
                  and len(r["canonical_name"].split()) >= 2)
    out = [{"name": n, "language": "en"} for n, c in sorted(cnt.items())
           if c >= 2 and n.isalpha() and len(n) >= 3 and n not in _NOT_FIRST_NAME and n.lower() not in places]
    out += [{"name": n, "language": "ar"} for n in first_names_ar()]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = ap.parse_args()
    actors, aliases = build(args.shared)
    with open(REF / "actors.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["key", "canonical_name", "canonical_name_ar", "actor_type", "country_iso3",
                                          "cameo_code", "source"])
        w.writeheader()
        w.writerows(actors)
    with open(REF / "actors_aliases.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["key", "alias", "language", "kind"])
        w.writeheader()
        w.writerows(aliases)
    names = first_names(actors, aliases)
    with open(REF / "actors_first_names.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["name", "language"])
        w.writeheader()
        w.writerows(names)
    print(f"wrote {len(actors)} actors, {len(aliases)} aliases and {len(names)} given names to {REF}")


if __name__ == "__main__":
    main()
