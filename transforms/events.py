"""Events: CAMEO-coded who-did-what-to-whom, with dates, negation, modality and clusters -> raw.events.

How an event is read (per sentence, patterns compiled once, no parser):

1. Triggers. Two tables of data under `data/reference/`:
   - hand-written rules `event_patterns_{en,ar}.csv` (a regex over a matching key of the sentence: lower-cased
     English, length-preserving normalised Arabic; an `anchor` substring pre-filters which rules run), with
     the CAMEO code, the clause frame (`active`, `nominal`, `vso`, `patient`), whether a target is required,
     and whether the action is joint (`symmetric`: A and B held exercises -> A->B and B->A);
   - CAMEO verb dictionary rows derived from PETRARCH2 / UniversalPetrarch by `scripts/build_event_patterns.py`
     (`event_patterns_{en,ar}_cameo.csv`: verb form + optional object words -> code), used where no
     hand-written rule matched the same words, with lower confidence and a required target.
2. Source and target come from the actor mentions of the sentence, by position relative to the trigger:
   English active voice: the nearest mention left of the trigger inside its clause (appositives `X, the head
   of Y,` skipped, `X and Y` coordinated), target = first other mention right of it (after the rule's
   preposition when it has one). Passive voice (`was recalled by X`, `X was received by Y`) swaps them.
   Nominals: `the visit of X to Y`, `X's visit to Y`, `visit between X and Y`. Arabic verb-subject-object:
   the first mention right after the verb or verbal noun is the source (`استدعت الجزائر السفير المغربي`,
   `استدعاء المغرب لسفيره بالجزائر`), the next other actor the target; subject-verb order is the fallback.
   `patient` rules (`storming of its consulate`, `اقتحام قنصليتها`) take the target from the object or its
   possessive pronoun and the source only from an explicit agent (`by X`, `من قبل X`).
3. Negation (`did not visit`, `لم يزر`, `عدم`) sets `is_negated`; modality cues before the trigger in its
   clause set `modality` (asserted | future | hypothetical | demanded | intended): `will`, `plans to`,
   `سيزور` (future), `would`, `if`, `لو` (hypothetical), `called on X to`, `urged`, `دعا ... إلى` (demanded),
   `wants to`, `tried to`, `يسعى` (intended).
4. Dates (`transforms.dates`): the date expression nearest the trigger in its clause, else in its sentence;
   else the publication date with precision `publication`; null when there is no publication date.
5. Clusters (`cluster_events`): see its docstring.

Also: a description or pronoun subject (`The European official did not visit`, `it`) takes the previous
sentence's actor; `the two countries` takes the first two countries named; `accusing him` takes the previous
event's target; `accused X of killing` codes the killing as hypothetical (alleged); a target the mention
table missed is looked up word by word in the actors' lexicon (COUNTRY/IGO actors of the frame only).
Generic agents (`data/reference/event_agents.csv`: protesters, police, troops, gunmen, rebels, students; CAMEO
agent codes) are actors too: `Moroccan police` / `الشرطة المغربية` -> the country of the demonym next to them, else of
the first known place of the sentence (`in Casablanca`, countries and capitals from the actors lexicon, cities
from `event_places.csv`), else the article's most-mentioned country; id `stable_id('agent', ISO3, code)`,
rows returned by `extract_events_with_agents` (to union into raw.actors). They act, they are never targets.
An event whose source is neither named nor generic (`the attack on the consulate`) is left out of the frame:
`fct_events.source_actor_id` is not null.
Precision: `event_exclusions.csv` (data) drops idioms overlapping a trigger (`خطفت الألباب`, `killed the bill`) and
every event of a sport or games sentence; violent roots 18-20 and 145 need an actor-like source (state, armed
group, generic agent, IGO, or a person or body of a known country). Targets the mention table missed may be
any lexicon state or a listed city's state (`قطاع غزة`); `extract_events_with_agents` returns their rows too.
`location_text`: the known place of `in/at/near <Place>`, `في/بـ<مدينة>` in the trigger's clause, else an
English dateline (`RABAT (Reuters) -`) for events of the first sentence.

API: `extract_events_with_agents(documents, sentences, mentions, actors) -> (events, agent_actors)` is the one
extraction pass (agent_actors: ACTORS rows of every id the events use that `actors` lacks); `extract_events` and
`event_agent_actors` are its two halves; for a parallel map, `extract_event_mentions` on article partitions and
`merge_event_parts` (clusters once). Speed: anchors are scanned once per article over the sentences that name an
actor, dictionary-row tokens are memoised per language, agent and date regexes run only where a guard substring
occurs.

Rule table columns (`event_patterns_{en,ar}.csv`, one rule per row, an analyst can add rows):
pattern_id; anchor (`|`-separated substrings of the matching key, the rule runs only if one occurs);
regex (over the key; `{B}`/`{E}` are word start/end, Arabic `{B}` also allows the و/ف/س prefixes; an optional
group `(?P<t>...)` marks the trigger word when the rule also spans its object); event_code (CAMEO);
frame; target_prep (`to|in`: prefer a target after it); needs_target; symmetric; fallback (allow the
nearest actor of the sentence as source when the clause names none); max_gap (max characters from the
trigger to its target); confidence; note.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from pathlib import Path

import polars as pl

from transforms.common import stable_id
from transforms.dates import find_dates
from transforms.schemas import ACTORS, EVENTS, conform, empty

REF_DIR = Path(__file__).resolve().parents[1] / "data" / "reference"

# ---------------------------------------------------------------- matching keys (length preserving)


_AR_PAIRS = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه"), ("ؤ", "و"), ("ئ", "ي"))
_EN_PAIRS = (("’", "'"), ("‘", "'"), ("`", "'"), ("\u00a0", " "), ("–", "-"), ("—", "-"))


def _replace_all(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    for a, b in pairs:
        if a in text:
            text = text.replace(a, b)
    return text


def match_key(text: str, language: str) -> str:
    """A key with the same length as `text`: Arabic letters unified, English lower-cased, quotes unified."""
    if language == "ar":
        return _replace_all(_replace_all(text, _AR_PAIRS), _EN_PAIRS).lower()
    low = _replace_all(text, _EN_PAIRS).lower()
    if len(low) != len(text):  # a few characters lower-case to two code points: keep the length
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in _replace_all(text, _EN_PAIRS))
    return low


_AR_CLITIC = re.compile(r"^(?:[وف])?(?:[بلك])?(?:ال)?")
_AR_SUFFIXES = ("تما", "تم", "وا", "ون", "ين", "ان", "ات", "ها", "هم", "هن", "نا", "ت", "ه", "ي", "ا", "ن")


_AR_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")


def ar_stem(word: str) -> str:
    """A crude, deterministic Arabic matching stem: clitics, the article and one suffix off."""
    return _stem_key(_AR_DIACRITICS.sub("", _replace_all(word, _AR_PAIRS)))


@lru_cache(maxsize=200_000)
def _stem_key(w: str) -> str:
    if len(w) > 4:
        w2 = _AR_CLITIC.sub("", w)
        if len(w2) >= 3:
            w = w2
    for suf in _AR_SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


@lru_cache(maxsize=200_000)
def _ar_token_stems(w: str) -> tuple[str, ...]:
    """Stems of a (normalised) token under a few prefix readings (imperfect prefixes ي ت ن, future س), in a
    fixed order (the full-word stem first): a set's order changes with the hash seed, and so would the hits."""
    out = {_stem_key(w): None}
    if len(w) > 4 and w[0] in "وف":
        w = w[1:]
    for pre in ("سي", "ست", "سن", "ي", "ت", "ن", "ا"):
        if w.startswith(pre) and len(w) - len(pre) >= 3:
            out.setdefault(_stem_key(w[len(pre) :]), None)
    return tuple(out)


# ---------------------------------------------------------------- reference data
@dataclass(frozen=True)
class Code:
    event_code: str
    event_root_code: str
    event_label: str
    quad_class: int
    goldstein: float


@dataclass
class Rule:
    pattern_id: str
    language: str
    anchors: tuple[str, ...]
    regex: re.Pattern
    event_code: str
    frame: str  # active | nominal | vso | patient
    target_prep: str
    needs_target: bool
    symmetric: bool
    fallback: bool
    max_gap: int | None
    confidence: float


_TOKENS = {
    "en": {"{B}": r"\b", "{E}": r"\b"},
    "ar": {"{B}": r"(?<!\w)(?:[وف])?(?:س(?=[يتنا]))?", "{E}": r"(?!\w)"},
}


def _compile(regex: str, language: str) -> re.Pattern:
    for k, v in _TOKENS[language].items():
        regex = regex.replace(k, v)
    if language == "ar":  # rules may be written with hamzas and taa marbuta: match them on the key
        regex = _replace_all(regex, _AR_PAIRS)
    return re.compile(regex)


@dataclass
class LangRules:
    rules: list[Rule] = field(default_factory=list)
    by_anchor: dict[str, list[Rule]] = field(default_factory=dict)
    derived: dict[str, dict[str, list[tuple[tuple[str, ...], str]]]] = field(default_factory=dict)
    language: str = "en"
    memos: tuple | None = None  # per-token memos of `_derived_hits`


_FIRST_OF_MAX = 400_000  # tokens remembered per language before the memo starts afresh


def _read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


@cache
def load_codebook(path: Path | None = None) -> dict[str, Code]:
    rows = _read_csv(path or REF_DIR / "cameo_codebook.csv")
    return {
        r["event_code"]: Code(r["event_code"], r["event_root_code"], r["event_label"], int(r["quad_class"]),
                              float(r["goldstein"]))
        for r in rows
    }


@cache
def load_rules(language: str) -> LangRules:
    """Hand-written rules and CAMEO-derived verb rows for `language` ('en' or 'ar'), compiled once."""
    lr = LangRules()
    codebook = load_codebook()
    custom = REF_DIR / f"event_patterns_{language}.csv"
    for r in _read_csv(custom) if custom.exists() else []:
        code = r["event_code"].strip()
        if code not in codebook:
            raise ValueError(f"{custom.name}: unknown CAMEO code {code!r} in rule {r['pattern_id']}")
        anchors = tuple(match_key(a.strip(), language) for a in r["anchor"].split("|") if a.strip())
        rule = Rule(
            pattern_id=r["pattern_id"], language=language, anchors=anchors,
            regex=_compile(r["regex"], language), event_code=code, frame=r["frame"] or "active",
            target_prep=r.get("target_prep", "").strip(), needs_target=r.get("needs_target", "") == "true",
            symmetric=r.get("symmetric", "") == "true", fallback=r.get("fallback", "") == "true",
            max_gap=int(r["max_gap"]) if r.get("max_gap") else None,
            confidence=float(r.get("confidence") or 0.85),
        )
        lr.rules.append(rule)
        for a in anchors:
            lr.by_anchor.setdefault(a, []).append(rule)
    lr.language = language
    derived = REF_DIR / f"event_patterns_{language}_cameo.csv"
    if derived.exists():
        forms: dict[str, list[str]] = defaultdict(list)
        if language == "en":
            for r in _read_csv(REF_DIR / "event_verb_forms_en_cameo.csv"):
                forms[r["verb_lemma"]].append(r["verb_form"])
        key = "verb_lemma" if language == "en" else "verb_stem"
        for r in _read_csv(derived):
            code = r["event_code"]
            if code not in codebook:
                continue
            obj = tuple(r["object"].split()) if r["object"] else ()
            if not obj:
                continue  # a verb block's default code alone over-codes (`head`, `means`, `facing`)
            for form in forms.get(r[key], [r[key]]) if language == "en" else [r[key]]:
                lr.derived.setdefault(form, {}).setdefault(obj[0], []).append((obj, code))
        for by_first in lr.derived.values():
            for v in by_first.values():
                v.sort(key=lambda oc: -len(oc[0]))  # most specific object first
    return lr


# ---------------------------------------------------------------- clause structure cues
_EN_LEFT_BOUNDARY = re.compile(
    r"[;:\"“”«»(]|\s-\s|\b(?:that|which|who|whom|whose|after|before|when|while|whereas|because|since|although|"
    r"though|but|where|despite|said|says|added|told|stated|as well as|following|amid|prompting|leading|so)\b"
)
_EN_RIGHT_BOUNDARY = re.compile(
    r"[;:\"“”«»)]|\s-\s|,\s+(?:and|but|while|which|who|after|before|when|as|said|according)\b|\b(?:which|who|"
    r"while|whereas|but|after|before|because|since|although|when|following|amid|despite|said|according to)\b"
)
_AR_LEFT_BOUNDARY = re.compile(
    r"[؛:\"“”«»(.،,]|(?<!\w)(?:ان|انه|انها|الذي|التي|الذين|بعد|(?<!من\s)قبل|عندما|حين|حيث|لكن|بينما|كما|ثم|اذ|قال|قالت|"
    r"اضاف|اضافت|اكد|اكدت|بسبب|رغم|منذ)(?!\w)"
)
_AR_RIGHT_BOUNDARY = re.compile(
    r"[؛:\"“”«»).،,]|(?<!\w)(?:الذي|التي|الذين|بعد|(?<!من\s)قبل|عندما|حين|حيث|لكن|بينما|كما|ثم|اذ|وقال|وقالت|بسبب|رغم|"
    r"وفق|بحسب|حسب|احتجاجا|لطلب|بهدف|من\s+اجل|ردا)(?!\w)"
)

_EN_NEG = re.compile(
    r"(?:\bnot|n't|\bnever|\bno longer|\bneither|\bnor|\bwithout|\bfailed to|\bno)\s+(?:[a-z'-]+\s+){0,2}$"
)
_AR_NEG = re.compile(r"(?:^|\s)(?:لم|لن|لا|ليس|ليست|دون|بدون|عدم|ما)\s+(?:\S+\s+)?$")

_EN_MODAL = [
    ("demanded", re.compile(
        r"\b(?:call(?:s|ed|ing)?\s+(?:on|upon|for)|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?|ask(?:s|ed|ing)?|"
        r"press(?:es|ed|ing)?|insist(?:s|ed|ing)?\s+(?:on|that)|must|need(?:s|ed)?\s+to|request(?:s|ed|ing)?|"
        r"appeal(?:s|ed|ing)?\s+to|invit(?:e|es|ed|ing))\b")),
    ("future", re.compile(
        r"(?:\bwill|'ll|\bshall|\bgoing\s+to|\bplan(?:s|ned|ning)?\s+to|\bis\s+to|\bare\s+to|\bset\s+to|"
        r"\bscheduled\s+to|\bexpected\s+to|\bdue\s+to|\babout\s+to|\bto\s+be\s+held|\bupcoming|\bforthcoming)\b")),
    ("hypothetical", re.compile(
        r"\b(?:would|could|might|may|if|unless|should|whether|possibl[ey]|likely\s+to|able\s+to|can|cannot|"
        r"alleged(?:ly)?|accus(?:ed|es|ing)\s+(?:[\w'-]+\s+){1,5}?of|suspected\s+of)\b")),
    ("intended", re.compile(
        r"\b(?:want(?:s|ed)?\s+to|seek(?:s|ing)?\s+to|sought\s+to|intend(?:s|ed)?\s+to|hop(?:e|es|ed|ing)\s+"
        r"(?:to|for)|aim(?:s|ed|ing)?\s+to|tr(?:y|ies|ied|ying)\s+to|willing(?:ness)?\s+to|ready\s+to|"
        r"wish(?:es|ed)?\s+to|determined\s+to|offer(?:s|ed)?\s+to|propos(?:e|es|ed)\s+to|attempt(?:s|ed)?\s+"
        r"to|striv(?:e|es|ed|ing)\s+to|prepar(?:e|es|ed|ing)\s+to|threaten(?:s|ed)?\s+to|vow(?:s|ed)?\s+to|pledg(?:e|es|ed)\s+to|"
        r"promis(?:e|es|ed)\s+to|efforts?\s+to|bid\s+to)\b")),
]
_AR_MODAL = [
    ("demanded", re.compile(r"(?<!\w)(?:و|ف)?(?:دعا|دعت|دعوا|يدعو|تدعو|طالب|طالبت|يطالب|تطالب|حث|حثت|يحث|تحث|ناشد|"
                            r"ناشدت|طلب|طلبت|يطلب|تطلب|مطالبه|دعوه)(?!\w)")),
    ("future", re.compile(r"(?<!\w)(?:و|ف)?(?:سوف|من\s+المقرر|من\s+المنتظر|من\s+المتوقع|المقبل|القادم)"
                          r"(?!\w)")),
    # `أن` (that) and `إن` read alike on the key and are mostly `that`/`indeed`; `قد` + past is `had`, not `may`
    ("hypothetical", re.compile(r"(?<!\w)(?:و|ف)?(?:لو|اذا|ربما|يمكن|يمكنه|بامكان|لعل|قد(?=\s+[يتن]\w))(?!\w)")),
    ("intended", re.compile(r"(?<!\w)(?:و|ف)?(?:يريد|تريد|يسعي|تسعي|سعت|سعي|يرغب|ترغب|يحاول|تحاول|حاول|حاولت|"
                            r"مستعد|مستعده|ينوي|تنوي|يعتزم|تعتزم|اعتزام|نيه|عزم|رغبه|محاوله|لمحاوله)(?!\w)")),
]
_EN_PASSIVE = re.compile(r"\b(?:was|were|is|are|be|been|being|get|got|gets)\s+(?:[a-z]+ly\s+)?$")
_EN_PARTICIPLE = re.compile(
    r"(?:[a-z]+(?:ed|en|wn)|met|held|cut|struck|hit|shot|sent|put|kept|left|caught|fought|brought|sought|told|"
    r"sold|led|found|won|shut|set|beat|bombarded|shelled)\b"
)
_EN_AGENT = re.compile(r"^\s*(?:[a-z,'-]+\s+){0,6}?by\s+")
_AR_AGENT = re.compile(r"(?:من\s+(?:قبل|طرف|جانب)|على\s+يد|علي\s+يد)\s+")
_EN_COORD = re.compile(r"^\s*,?\s*(?:and|&)\s+(?:(?!and\b)[\w.'-]+\s+){0,6}$")
_AR_COORD = re.compile(r"^\s*(?:،|,)?\s*و(?:(?:ال|و)\S*\s+(?:\S+\s+){0,2})?$")  # `والمغرب`, `والرئيس التونسي X`
_POSSESSIVE_PRONOUN = re.compile(r"(?:\b(?:its|their|his|her)\s+(?:[a-z-]+\s+){0,2}$)|(?:(?:ها|هم|ه)\s*$)")


# ---------------------------------------------------------------- helpers over mentions
@dataclass
class M:
    start: int  # sentence-relative
    end: int
    actor_id: str
    kind: str
    country: str | None
    atype: str | None = None


def _nearest_left(ms: list[M], lo: int, hi: int) -> M | None:
    cands = [m for m in ms if m.start >= lo and m.end <= hi]
    return cands[-1] if cands else None


def _coordinated(ms: list[M], head: M, key: str, lo: int, lang: str) -> list[M]:
    """`X and Y <verb>`: mentions coordinated with `head` to its left (not demonym modifiers)."""
    out = [head]
    coord = _AR_COORD if lang == "ar" else _EN_COORD
    cur = head
    for m in reversed([m for m in ms if m.end <= cur.start and m.start >= lo]):
        between = key[m.end : cur.start]
        if coord.match(between) and m.actor_id not in {o.actor_id for o in out}:
            if m.kind == "DEMONYM" and len(between.split()) > 2:
                break
            out.append(m)
            cur = m
        elif between.strip(" ,") == "" or m.kind == "DEMONYM":
            continue  # `Moroccan Delegate ... Bourita`: a modifier of the head, not a second actor
        else:
            break
    return list(reversed(out))


def _right_mentions(ms: list[M], lo: int, hi: int) -> list[M]:
    return [m for m in ms if m.start >= lo and m.end <= hi]


@dataclass
class Hit:
    start: int
    end: int
    code: str
    frame: str
    target_prep: str
    needs_target: bool
    symmetric: bool
    confidence: float
    pattern_id: str
    fallback: bool = False
    max_gap: int | None = None
    mlen: int = 0
    negated: bool = False
    mstart: int = -1  # start of the whole rule match (the trigger word may be a part of it)


def _ar_visit_object(gap: str, m: M) -> bool:
    """Is mention `m`, `gap` after a visit word, the place visited: a country named right after the verb
    (`زار روسيا`), or after `إلى`/`لـ` (`زيارة إلى المغرب`, `زيارة مرتقبة لطهران`)?"""
    gap = gap.replace("#", " ")  # `زار #روسيا`: a hashtag is no word
    if gap.strip() == "":
        return m.atype == "COUNTRY" and m.kind != "DEMONYM"
    return bool(re.fullmatch(r"\s*(?:\S+\s+){0,2}?(?:الي\s+|نحو\s+|لل?)\s*", gap))


_BUILTIN_NEG = re.compile(r"^(?:lack|absence)\s+of\b|^عدم")


def _find_hits(key: str, lang: str, lr: LangRules, n_actors: int = 2, anchors: list[str] | None = None,
               span: tuple[int, int] | None = None) -> list[Hit]:
    """Rule hits in a sentence key; `anchors` narrows the anchors to try (those present in the article);
    dictionary rows are only looked for in `span` (around the actor mentions)."""
    hits: list[Hit] = []
    seen_rules: set[str] = set()
    for anchor in lr.by_anchor if anchors is None else anchors:
        rules = lr.by_anchor[anchor]
        if anchor not in key:
            continue
        for rule in rules:
            if rule.pattern_id in seen_rules:
                continue
            seen_rules.add(rule.pattern_id)
            for m in rule.regex.finditer(key):
                s, e = m.span("t") if "t" in rule.regex.groupindex and m.group("t") else m.span()
                if e <= s:
                    continue
                hits.append(Hit(s, e, rule.event_code, rule.frame, rule.target_prep, rule.needs_target,
                                rule.symmetric, rule.confidence, rule.pattern_id, rule.fallback, rule.max_gap,
                                m.end() - m.start(), bool(_BUILTIN_NEG.match(m.group())), m.start()))
    # overlapping hand-written hits: keep the longest match (then the leftmost)
    hits.sort(key=lambda h: (-h.mlen, h.start))
    kept: list[Hit] = []
    for h in hits:
        if not any(h.mstart < k.mstart + k.mlen and k.mstart < h.mstart + h.mlen for k in kept):
            kept.append(h)
    if lr.derived and n_actors >= 2:  # derived rows always need a source and a target
        kept.extend(_derived_hits(key, lang, lr, kept, span))
    kept.sort(key=lambda h: h.start)
    return kept


_EN_TOKEN = re.compile(r"[a-z]+(?:-[a-z]+)?")
_AR_TOKEN = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+")


def _en_variants(tok: str) -> tuple[str, ...]:
    return (tok, tok[:-1]) if tok.endswith("s") and len(tok) > 3 else (tok,)


class _TokenMemo(dict):
    """token -> value of `fn(token)`, computed once per token (`memo[tok]` is a C-level lookup when known)."""

    def __init__(self, fn) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, tok: str):
        if len(self) >= _FIRST_OF_MAX:
            self.clear()
        v = self[tok] = self.fn(tok)
        return v


def _token_memos(lr: LangRules) -> tuple[_TokenMemo, _TokenMemo, _TokenMemo]:
    """(forms, first block, may-continue-an-object) memos of a language's dictionary rows."""
    if lr.memos is None:
        form_fn = _ar_token_stems if lr.language == "ar" else _en_variants
        forms = _TokenMemo(form_fn)
        obj_words = {w for by_first in lr.derived.values() for v in by_first.values() for obj, _c in v for w in obj}

        def first(tok: str) -> dict | None:
            for f in forms[tok]:
                by_first = lr.derived.get(f)
                if by_first:
                    return by_first
            return None

        lr.memos = (forms, _TokenMemo(first), _TokenMemo(lambda tok: any(f in obj_words for f in forms[tok])))
    return lr.memos


def _derived_hits(key: str, lang: str, lr: LangRules, taken: list[Hit], span: tuple[int, int] | None = None) -> list[Hit]:
    """CAMEO dictionary rows: a verb followed within six words by its object phrase (inside `span`)."""
    lo, hi = span or (0, len(key))
    tok_rx = _AR_TOKEN if lang == "ar" else _EN_TOKEN
    words = tok_rx.findall(key, lo, hi)
    forms, first, objish = _token_memos(lr)
    firsts = list(map(first.__getitem__, words))
    if not any(firsts):
        return []
    cont = list(map(objish.__getitem__, words))  # a word no object phrase has cannot start or continue one
    n = len(words)
    out: list[Hit] = []
    toks: list[tuple[int, int, str]] | None = None
    for i in range(n):
        by_first = firsts[i]
        if not by_first or not any(cont[i + 1 : i + 7]):
            continue
        found = None
        for j in range(i + 1, min(i + 7, n)):
            if not cont[j]:
                continue
            for f in forms[words[j]]:
                cands = by_first.get(f)
                if not cands:
                    continue
                for obj, code in cands:  # longest object first; its later words must follow in order
                    k, pos = j + 1, 1
                    while pos < len(obj) and k < n and obj[pos] in forms[words[k]]:
                        pos, k = pos + 1, k + 1
                    if pos == len(obj):
                        found = (k - 1, obj, code)
                        break
                if found:
                    break
            if found:
                break
        if not found:
            continue
        if toks is None:
            toks = [(m.start(), m.end(), m.group()) for m in tok_rx.finditer(key, lo, hi)]
        last, obj, code = found
        s, end, tok = toks[i][0], toks[last][1], toks[i][2]
        if any(s < h.end and h.start < end for h in taken) or any(s < h.end and h.start < end for h in out):
            continue
        out.append(Hit(s, end, code, "vso" if lang == "ar" else "active", "", True, False, 0.55,
                       f"cameo:{tok}:{' '.join(obj)}", mlen=end - s, mstart=s))
    return out


# ---------------------------------------------------------------- per sentence
def _boundaries(key: str, lang: str, s: int, e: int) -> tuple[int, int]:
    left_rx, right_rx = (_AR_LEFT_BOUNDARY, _AR_RIGHT_BOUNDARY) if lang == "ar" else (
        _EN_LEFT_BOUNDARY, _EN_RIGHT_BOUNDARY)
    lo = 0
    for m in left_rx.finditer(key, 0, s):
        if m.end() <= s:
            lo = m.end()
    m = right_rx.search(key, e)
    hi = m.start() if m else len(key)
    return lo, hi


_AR_GOVERNING = re.compile(
    r"(?:(من\s+المقرر|من\s+المنتظر|من\s+المتوقع)|(?<!\w)(?:و|ف)?(?:يعتزم|تعتزم|ينوي|تنوي|يريد|تريد|يسعي|تسعي|"
    r"يرغب|ترغب|يحاول|تحاول))\s+[بل]?ان\s*$"
)
# a future verb (`سيقوم`, `ستجري`) governing the trigger: one of the two words right before it
_AR_FUTURE_VERB = re.compile(
    r"(?<!\w)(?:و|ف)?(?!سياس|سيطر|سيار|سنو|سنه|سنين|ستين|سته|ستار|سيد|سينا|سيول|سير|سيف|سكن|سلا|سما)"
    r"س[يتن]\w{2,}\s+(?:\S+\s+)?$"
)


def _modality(left: str, lang: str) -> str:
    best, best_pos = "asserted", -1
    for name, rx in _AR_MODAL if lang == "ar" else _EN_MODAL:
        for m in rx.finditer(left):
            if m.start() > best_pos:
                best, best_pos = name, m.start()
    if lang == "ar":
        m = _AR_FUTURE_VERB.search(left)
        if m and m.start() > best_pos:
            best = "future"
    return best


def _ar_word_prefix(key: str, s: int) -> str:
    i = s
    while i > 0 and key[i - 1].isalpha():
        i -= 1
    return key[i:s]


@dataclass
class Ev:
    start: int
    end: int
    code: str
    source: M | None
    target: M | None
    negated: bool
    modality: str
    confidence: float
    pattern_id: str


_NESTED_EVENT = re.compile(
    r"\b(?:attacks?|strikes?|bombings?|killings?|storming|invasion|raids?|assault|shelling|arrest|detention)\s+"
    r"(?:on|of|against|in)\b|(?<!\w)(?:ال)?(?:هجوم|هجمات|اعتداء|اعتداءات|اقتحام|غاره|غارات|تفجير|تفجيرات|قصف)(?!\w)"
)
# Arabic object nouns: a verbal noun followed by one of these has its object, not its agent, next
# (`أعلنت النيجر طرد السفير الفرنسي`).
_AR_OBJECT_NOUNS = re.compile(
    r"^(?:ال)?(?:سفير\w*|دبلوماسي\w*|القائم|قائم|مواطن\w*|رعايا|طائرات|طاقم|بعثه|وفد|مبعوث\w*|ممثل\w*|عشرات|مئات|الاف|"
    r"اهداف|مواقع|مقرات|منشات|مراكز|مناطق|قواعد|ناشط\w*|صحفي\w*|صحافي\w*|مهاجر\w*|لاجئ\w*|لاجي\w*|معارض\w*|سائح\w*)$"
)
_AMBASSADOR_BEFORE = re.compile(
    r"(?:ambassadors?|envoys?|diplomats?|charg[eé] d'affaires|سفير\w*|السفير\w*|القائم بالاعمال)"
    r"(?:\s+[^\s,،]+){0,3}[\s,،]*$"
)
_EN_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|inside)\s+(?:the\s+)?(?:[a-z-]+\s+)?(?:(?:border|frontier)\s+with\s+)?$")


def _pick_target(ms: list[M], lo: int, hi: int, source: M | None, key: str, prep: str,
                 max_gap: int | None = None, lang: str = "en", own_end: int = 0) -> M | None:
    """First mention after `lo` that can be the target; `own_end` is where the rule's own words end."""
    cands = _right_mentions(ms, lo, hi)
    if max_gap is not None:
        cands = [c for c in cands if c.start - lo <= max_gap]
    if prep:
        m = re.search(rf"(?<!\w)(?:{prep})(?!\w)", key[lo:hi])
        if m:
            after = [c for c in cands if c.start >= lo + m.end()]
            if after:
                cands = after
    locative_ok = "in" in prep.split("|")
    for c in cands:
        if c.atype == "AGENT":
            continue  # generic agents only act (`police arrested protesters`: no country-level target)
        if source is not None and (c.actor_id == source.actor_id):
            continue
        if source is not None and c.country and c.country == source.country and 0 <= c.start - source.end <= 15:
            continue  # `الرئيس الجزائري عبد المجيد تبون`, `وزارة الخارجية الجزائرية`: the same noun phrase
        if _NESTED_EVENT.search(key, max(lo, own_end), c.start):
            return None  # `condemned the attack on the Algerian consulate`: the patient of another event
        if lang == "en" and not locative_ok and _EN_LOCATIVE.search(key, max(lo, c.start - 30), c.start):
            continue  # `held exercises in Tan-Tan`: a place, not a target
        if c.atype == "PERSON" and _AMBASSADOR_BEFORE.search(key, max(lo, c.start - 40), c.start):
            continue  # `لسفيره بالجزائر عبد الله بلقزاز`, `its ambassador in Rabat, Abdelhamid Abdaoui`
        return c
    return None


def _with_coordinated(ms: list[M], first: M | None, key: str, hi: int) -> list[M]:
    """`met with A and B`, `بين حماس ومصر`: the target and the actors coordinated after it."""
    if first is None:
        return []
    out = [first]
    for nxt in [m for m in ms if m.start >= first.end and m.end <= hi and m.atype != "AGENT"]:
        between = key[out[-1].end : nxt.start].strip()
        if re.fullmatch(r"(?:,\s*)?(?:and|&)(?:\s+the)?|و", between) and nxt.actor_id not in {o.actor_id for o in out}:
            out.append(nxt)
        else:
            break
    return out


_TWO_PARTIES = re.compile(
    r"(?:the\s+two|both)\b|(?:ال)?(?:بلدين|جانبين|طرفين|دولتين|وزيري|رئيسي|وفدي|حكومتي)(?!\w)"
)


def _two_parties(ms: list[M], before: int) -> list[M]:
    """The first two actors of different countries named before `before` (`Tunisia and Algeria ... the two`)."""
    out: list[M] = []
    for m in ms:
        if m.start >= before:
            break
        if m.atype == "AGENT":
            continue
        if all(m.actor_id != o.actor_id and (m.country is None or m.country != o.country) for o in out):
            out.append(m)
        if len(out) == 2:
            return out
    return []


_EN_DESC_TARGET = re.compile(
    r"^\s*(?:the|its|their|his|her)\s+(?:[a-z-]+\s+)?(?:kingdom|country|republic|neighbou?r|government|regime|"
    r"emirate|sultanate|state|authorities)\b"
)
_AR_DESC_TARGET = re.compile(r"^\s*(?:\S+\s+){0,2}?(?:المملكه|البلاد|الجاره|جارتها|جاره|السلطات|الحكومه)")
_NP_GLUE = re.compile(r"^(?:'s|')?\s*(?:(?!the\b|a\b|an\b|on\b|of\b|to\b|in\b|with\b|by\b|for\b|and\b)"
                      r"[a-z-]+(?:'s)?\s+){0,3}$")


@dataclass
class Lexicon:
    """Word-level actor lookup for what the mention table missed (`السفير المغربي`, `بالجزائر`): the actors
    stage's `lookup` restricted to actors present in the ACTORS frame, so ids stay valid foreign keys."""

    lookup: object  # callable (text, language) -> actor_id | None
    known: dict[str, tuple[str | None, str | None]]  # actor_id -> (country_iso3, actor_type)

    def find(self, word: str, language: str) -> tuple[str, str | None, str | None] | None:
        try:
            aid = self.lookup(word, language)
            if not aid and language == "ar" and len(word) > 4 and word.endswith("يا"):
                aid = self.lookup(word[:-1], language)  # accusative demonym: `سنغاليا`, `فرنسيا`
        except Exception:  # a lookup failure must not fail the stage
            return None
        if aid and aid in self.known:
            c, t = self.known[aid]
            return aid, c, t
        return None


_AR_NEAR = re.compile(r"(?<!\w)(?:قرب|داخل|خارج)\s+(?:مدينه\s+|الحدود\s+مع\s+)?$")
_EN_NEAR = re.compile(r"\b(?:near|outside|inside)\s+(?:the\s+)?(?:[a-z-]+\s+)?(?:(?:border|frontier)\s+with\s+)?$")
_LEX_TOKEN = re.compile(r"[\w'’-]+")


def _lexicon_target(text: str, key: str, lang: str, h: Hit, hi: int, sources: list[M], lex: Lexicon,
                    start: int | None = None) -> M | None:
    """First word after the trigger (up to six) that the lexicon resolves to a country-level actor."""
    src_ids = {s.actor_id for s in sources}
    src_c = {s.country for s in sources}
    if start is None:
        start = max([h.end] + [s.end for s in sources if s.start > h.start])
    for n, m in enumerate(_LEX_TOKEN.finditer(text, start, hi)):
        if n >= 6:
            break
        word = m.group()
        if lang == "en" and not word[:1].isupper():
            continue
        if (_EN_NEAR if lang == "en" else _AR_NEAR).search(key, max(start, m.start() - 30), m.start()):
            continue  # `shelled positions near the border with Mali`, `في الرباط`: a place, not a target
        found = lex.find(word, lang)
        if found is None:
            iso = load_agents(lang).places.get(match_key(word, lang))
            row = _country_rows().get(iso) if iso else None
            if row is None:
                continue
            found = (row["actor_id"], iso, "COUNTRY")  # `قصفت إسرائيل قطاع غزة`: a listed city of a state
        aid, country, atype = found
        if _NESTED_EVENT.search(key, max(start, h.start + h.mlen), m.start()):
            return None  # the patient of another event (`condemned the attack on the Algerian consulate`)
        if aid in src_ids or country in src_c or atype not in ("COUNTRY", "IGO"):
            continue
        return M(m.start(), m.end(), aid, "LEXICON", country, atype)
    return None



# ---------------------------------------------------------------- exclusions (idioms, sport) and violent codes
@dataclass
class Exclusions:
    idioms: list[tuple[re.Pattern, frozenset[str] | None]]  # must overlap the trigger
    context: list[tuple[re.Pattern, frozenset[str] | None]]  # anywhere in the sentence


@cache
def load_exclusions(language: str) -> Exclusions:
    """`data/reference/event_exclusions.csv`: idioms that look like events (`خطفت الألباب` captivated,
    `killed the bill`, `price war`) and sentence contexts (sport, games) where event words are play. `roots`
    is `*` or `|`-separated CAMEO roots the row removes. Regexes run over the sentence's matching key."""
    ex = Exclusions([], [])
    for r in _read_csv(REF_DIR / "event_exclusions.csv"):
        if r["language"] != language:
            continue
        roots = None if r["roots"].strip() in ("", "*") else frozenset(r["roots"].split("|"))
        (ex.idioms if r["kind"] == "idiom" else ex.context).append((re.compile(r["regex"]), roots))
    return ex


def _excluded(key: str, lang: str, h: Hit, memo: dict | None = None) -> bool:
    ex = load_exclusions(lang)
    root = h.code[:2]
    for n, (rx, roots) in enumerate(ex.context):
        if roots is None or root in roots:
            if memo is None:
                if rx.search(key):
                    return True
                continue
            if n not in memo:  # a sentence context is the same for every hit of the sentence
                memo[n] = rx.search(key) is not None
            if memo[n]:
                return True
    lo, hi = min(h.start, h.mstart if h.mstart >= 0 else h.start), h.start + max(h.mlen, h.end - h.start)
    for rx, roots in ex.idioms:
        if roots is None or root in roots:
            for m in rx.finditer(key, max(0, lo - 40), min(len(key), hi + 60)):
                if m.start() < hi and lo < m.end():
                    return True
    return False


_VIOLENT_ROOTS = {"18", "19", "20"}
_STATELESS_PARTIES = {"IGO", "ARMED_GROUP", "AGENT"}
_ACTOR_LIKE = {"COUNTRY", "ARMED_GROUP", "AGENT", "IGO"}


def _actor_like(m: M | None) -> bool:
    """Who can fight: a state, an armed group, a generic agent (troops, gunmen), an IGO, or a person or body of a
    known country (`the Israeli army`, `Assad`); a company or an unplaced organisation cannot."""
    return m is not None and (m.atype in _ACTOR_LIKE or (m.country is not None and m.atype != "MEDIA"))


def _lexicon_source(text: str, lo: int, hi: int, lex: Lexicon) -> M | None:
    """Arabic subject-verb order the mention table missed: the last of up to six words before the trigger in
    its clause that the lexicon resolves to a country (`وزير الخارجية الإسباني`)."""
    words = list(_LEX_TOKEN.finditer(text, lo, hi))[-6:]
    for m in reversed(words):
        found = lex.find(m.group(), "ar")
        if found is not None and found[2] == "COUNTRY":
            return M(m.start(), m.end(), found[0], "LEXICON", found[1], found[2])
    return None


def _sentence_events(key: str, lang: str, ms: list[M], lr: LangRules, context: M | None = None,
                     text: str = "", lexicon: Lexicon | None = None, anchors: list[str] | None = None) -> list[Ev]:
    """Events of one sentence. `context` is the discourse antecedent from the previous sentence (its last
    event source, else its first actor) for `The European official did not visit ...`, `it`, `he`."""
    out: list[Ev] = []
    span = (max(0, ms[0].start - 60), ms[-1].end) if ms else None  # a dictionary verb sits near its actors
    memo: dict[int, bool] = {}
    for h in _find_hits(key, lang, lr, len({m.actor_id for m in ms}), anchors, span):
        if _excluded(key, lang, h, memo):
            continue
        own = (h.start, h.end)
        hms = [m for m in ms if not (m.start < own[1] and own[0] < m.end)]  # `اتصالا هاتفيا` is no actor
        ev = _read_hit(key, lang, hms if lang == "ar" and len(hms) != len(ms) else ms, h, out, context, text,
                       lexicon)
        if h.code[:2] in _VIOLENT_ROOTS or h.code == "145":
            # violence needs an actor-like source, and a target that can be hit when there is one
            ev = [e for e in ev if _actor_like(e.source) and (e.target is None or _actor_like(e.target)
                                                                or e.target.atype == "PERSON")]
        out.extend(ev)
    return out


_EN_DESCRIPTION_SUBJ = re.compile(
    r"^\s*(?:(?:therefore|however|meanwhile|moreover|also|then|later|earlier),?\s+)?(?:(?:the|this|that)\s+"
    r"(?:[a-z-]+\s+){0,3}(?:official|minister|envoy|president|leader|delegation|diplomat|spokesman|spokeswoman|"
    r"spokesperson|king|ambassador|government|side|country|kingdom|regime|organization|organisation|"
    r"authorities|chief|head|director)|he|she|it|they)\s+(?:[a-z']+\s+){0,4}$"
)
_EN_GERUND_LEFT = re.compile(r"(?:\b(?:including|then|by|after|before|while|and)|,)\s*$")
_EN_WHO = re.compile(r",\s*(?:who|which)\s*$")


_AR_PREPOSITIONS = {"في", "علي", "من", "الي", "عن", "مع", "ضد", "حول", "لدي", "عند", "بين", "منذ", "خلال", "امام"}
_EN_PRONOUN_SUBJ = re.compile(r"\b(?:it|he|she|they|its|his|her|their)\s+(?:[a-z']+\s+){0,4}$")
_BETWEEN = re.compile(r"^\s+(?:\S+\s+){0,2}?(?:between|among|بين)\s+")
_OF = re.compile(r"^\s+(?:of|by)\s+")


def _negated(key: str, lang: str, h: Hit) -> bool:
    if h.negated:
        return True
    if lang == "ar":
        return bool(_AR_NEG.search(key[max(0, h.start - 30) : h.start]))
    left = key[max(0, h.start - 40) : h.start]
    m = _EN_NEG.search(left)
    if not m:
        return False
    # `did not stop asking`, `never ceased to`: a double negation is an assertion
    return not re.search(r"\b(?:stop|stopped|cease|ceased|hesitate|hesitated|fail|failed)\b", left[m.start() :])


def _read_hit(key: str, lang: str, ms: list[M], h: Hit, previous: list[Ev], context: M | None,
              text: str = "", lexicon: Lexicon | None = None) -> list[Ev]:
    lo, hi = _boundaries(key, lang, h.start, h.end)
    conf = h.confidence
    sources: list[M] = []
    target: M | None = None
    frame = h.frame
    t_lo: int | None = None
    t_hi = hi
    inherited_target: M | None = None
    neg = _negated(key, lang, h)
    if lang == "ar":
        prefix = _ar_word_prefix(key, h.start)
        modality = _modality(key[lo : h.start][-60:], lang)
        gov = _AR_GOVERNING.search(key, max(0, lo - 30), lo) if lo > 0 else None
        if gov and modality == "asserted":  # `من المقرر أن يزور`: the cue governs the clause `أن` opens
            modality = "future" if gov.group(1) else "intended"
        if re.search(r"س[يتنا]?$", prefix):
            modality = "future"
        elif prefix and re.fullmatch(r"[وف]?ل[يتن]?", prefix) and not key.startswith("زيار", h.start):
            modality = "intended"  # `ليزور`, `لطرد` (so as to); `لزيارة` is mostly `of the visit` (`أبعاد لزيارة`)
    else:
        modality = _modality(key[lo : h.start][-80:], lang)

    passive = (lang == "en" and frame == "active" and bool(_EN_PASSIVE.search(key[lo : h.start]))
               and bool(_EN_PARTICIPLE.match(key, h.start)))
    if frame == "patient":
        agent_rx = _AR_AGENT if lang == "ar" else re.compile(r"\bby\s+")
        agent = agent_rx.search(key, h.end, hi)
        a_hi = hi
        if agent is None and re.match(r"\s*[،,]\s*(?:و|and\b)", key[hi : hi + 6]):
            # `اقتحام قنصليتها ... ، وإنزال العلم من قبل أحد المتظاهرين`: one agent for coordinated nominals
            a_hi = min(len(key), hi + 120)
            agent = agent_rx.search(key, hi, a_hi)
        if agent:
            right = _right_mentions(ms, agent.end(), a_hi)
            if right:
                sources = [right[0]]
        target = _pick_target(ms, h.end, agent.start() if agent else hi, None, key, h.target_prep, 60, lang)
        if target is None and previous and _POSSESSIVE_PRONOUN.search(key[h.start : h.start + h.mlen]):
            target = previous[-1].source  # `its consulate`, `قنصليتها`: the actor of the governing clause
        if target is None and not sources:
            return []
    elif passive:
        agent = _EN_AGENT.match(key[h.end : hi])
        if agent:
            right = _right_mentions(ms, h.end + agent.end(), hi)
            if right:
                sources = [right[0]]
        target = _nearest_left(ms, lo, h.start)
        if not sources:
            return []  # agentless passive: who acted is unknown
    elif frame == "vso" and lang == "ar":
        right = _right_mentions(ms, h.end, hi)
        gap = key[h.end : right[0].start].split() if right else []
        left = _nearest_left(ms, lo, h.start)
        if right and h.code == "042" and _ar_visit_object(key[h.end : right[0].start], right[0]):
            # `زار روسيا`, `زيارة مرتقبة لطهران`: the place visited, not the visitor; the visitor follows it
            # (`زار تونس وزير الخارجية الجزائري`) or precedes the verb
            inherited_target = right[0]
            nxt = right[1] if len(right) > 1 else None
            gap2 = key[right[0].end : nxt.start].split() if nxt else []
            if nxt is not None and len(gap2) <= 3 and not (set(gap2) & _AR_PREPOSITIONS) and \
                    not _AR_COORD.match(key[right[0].end : nxt.start]):
                sources = [nxt]
            elif left is not None:
                sources = _coordinated(ms, left, key, lo, lang)
        elif left is not None and lo > 0 and key[left.end : h.start].strip() == "" and \
                key[lo : left.start].strip() == "" and re.search(r"(?<!\w)[بل]?ان(?:ه)?\s*$", key[max(0, lo - 6) : lo]):
            sources = _coordinated(ms, left, key, lo, lang)  # `أن إسرائيل هاجمت`: subject-verb after `that`
        elif right and len(gap) <= 4 and not (set(gap) & _AR_PREPOSITIONS) and not any(
                g[0] in "لب" and len(g) > 3 and g[1] == "ا" for g in gap) and not (
                gap and _AR_OBJECT_NOUNS.match(gap[0])):  # `استقبل الرئيس الجزائري تبون`
            sources = [right[0]]
            for nxt in right[1:]:  # `الجزائر والمغرب`: coordinated subjects
                if _AR_COORD.match(key[sources[-1].end : nxt.start]) and nxt.actor_id not in {
                        s.actor_id for s in sources}:
                    sources.append(nxt)
                else:
                    break
        else:
            head = _nearest_left(ms, lo, h.start)
            if head is not None:
                sources = _coordinated(ms, head, key, lo, lang)
        agent = _AR_AGENT.search(key, h.end, hi)
        if agent and sources and _NESTED_EVENT.search(key, h.end, agent.start()):
            agent = None  # `استدعت الجزائر السفير ... حادث اقتحام قنصليتها من قبل متظاهرين`: the nested event's agent
        if agent:  # passive with an explicit agent: `تم استدعاء السفير من قبل الخارجية`
            ag = _right_mentions(ms, agent.end(), hi)
            if ag:
                sources = [ag[0]]
        start_t = h.end if agent else max([h.end] + [s.end for s in sources if s.start > h.start])
        t_lo, t_hi = start_t, agent.start() if agent else hi
        if inherited_target is not None and not agent:
            target, inherited_target = inherited_target, None
        else:
            target = _pick_target(ms, t_lo, t_hi, sources[0] if sources else None,
                                  key, h.target_prep, h.max_gap, lang, h.start + h.mlen)
    elif frame == "nominal":
        after = key[h.end : hi]
        m_of = _OF.match(after)
        m_btw = _BETWEEN.match(key[h.end :])
        if m_btw is None and re.search(r"(?:between|among|بين)\s*$", key[h.start : h.start + h.mlen]):
            m_btw = re.match(r"\s*", key[h.start + h.mlen :])
            h_end_btw = h.start + h.mlen
        else:
            h_end_btw = h.end
        if m_btw and _TWO_PARTIES.match(key[h_end_btw + m_btw.end() :]):
            pair = _two_parties(ms, h.start)  # `talks between the two ministers`: the two named before
            if not pair:
                return []
            sources, frame = pair, "pair"
        elif m_btw:
            right = _right_mentions(ms, h_end_btw + m_btw.end(), len(key))
            if len(right) < 2 or right[0].start - (h_end_btw + m_btw.end()) >= 30:
                return []  # `the agreement between the Libyan factions`: not two named actors
            if len(right) >= 2 and right[0].start - (h_end_btw + m_btw.end()) < 30:
                sources = [right[0], right[1]]
                frame = "pair"
        elif m_of:
            right = _right_mentions(ms, h.end + m_of.end(), hi)
            if right and right[0].start - (h.end + m_of.end()) < 40:
                sources = [right[0]]
        if not sources:
            head = _nearest_left(ms, lo, h.start)
            # only a modifier of the noun itself: `X's visit`, `the Moroccan delegation's visit`, `Israeli strikes`
            if head is not None and (lang == "ar" or _NP_GLUE.match(key[head.end : h.start])):
                sources = _coordinated(ms, head, key, lo, lang)
        if not sources and context is not None and lang == "en" and re.match(r"(?:his|her|their)\b", key[max(h.mstart, 0) :]):
            sources = [context]  # `her visit to Algeria`
            conf -= 0.15
        if not sources and h.symmetric:  # `exercises, in which the Moroccan and US forces participated`
            right = _right_mentions(ms, h.end, len(key))
            if right:
                sources = [right[0]]
                for nxt in right[1:]:
                    between = key[sources[-1].end : nxt.start].strip()
                    if between in ("and", "&", "و", ",", "،") or _EN_COORD.match(key[sources[-1].end : nxt.start]):
                        sources.append(nxt)
                    else:
                        break
        if frame != "pair":
            start_t = max([h.end] + [s.end for s in sources if s.start > h.start])
            target = _pick_target(ms, start_t, hi, sources[0] if sources else None, key, h.target_prep,
                                  h.max_gap, lang, h.start + h.mlen)
    else:  # active voice (English, and Arabic subject-verb-object rules)
        head = None
        app = re.search(r",[^,]{2,80},\s*$", key[lo : h.start])
        if app:  # `X, the head of Y, met`: skip the appositive
            head = _nearest_left(ms, lo, lo + app.start())
        if head is None and lang == "en" and previous and _EN_GERUND_LEFT.search(key[lo : h.start]) \
                and re.match(r"[a-z]+ing\b", key[h.start : h.end]) and previous[-1].source is not None:
            head = previous[-1].source  # `Algeria recalled ..., including preventing ...`: same subject
        if head is None and lang == "en" and previous and previous[-1].source is not None \
                and re.search(r"\band\s+(?:then\s+|also\s+)?$", key[lo : h.start]):
            head = previous[-1].source  # `Algeria suspended a treaty with Spain and froze trade`: same subject
            inherited_target = previous[-1].target  # `met X ... and signed an agreement`: with X
        if head is None and lang == "en" and re.search(r"\b(?:the\s+two|both)\s+(?:[a-z'-]+\s+){0,3}$", key[lo : h.start]):
            pair = _two_parties(ms, h.start)  # `the two countries' interior ministers met`
            if pair:
                sources, frame = pair, "pair"
        if head is None and not sources:
            head = _nearest_left(ms, lo, h.start)
        if head is not None and lang == "en" and _EN_PRONOUN_SUBJ.search(key[head.end : h.start]):
            head = None  # `X said it would ...`: the pronoun's antecedent is not resolved here
        if head is None and lang == "en" and lo > 0 and _EN_WHO.search(key[: lo]):
            # `Haboub Cherkaoui, director of the Central Office ..., who called on`: the relative's antecedent
            before = key[: _EN_WHO.search(key[:lo]).start()]
            app2 = re.search(r",[^,]{2,80}$", before)
            head = _nearest_left(ms, 0, app2.start() if app2 else len(before)) or _nearest_left(ms, 0, len(before))
        if head is None and context is not None and lang == "en" and _EN_DESCRIPTION_SUBJ.match(key[lo : h.start]):
            head = context
            conf -= 0.15
        if head is not None:
            sources = _coordinated(ms, head, key, lo, lang) if head in ms else [head]
        if frame == "pair":
            return _emit(h, sources, None, ms, key, hi, neg, modality, conf)
        first_word = re.match(r"\S+", key[h.start : h.end])
        start_t = h.start + (first_word.end() if first_word and lang == "en" else h.end - h.start)
        target = _pick_target(ms, start_t, hi, sources[0] if sources else None, key, h.target_prep, h.max_gap,
                              lang)
        if target is None and inherited_target is not None and not (h.target_prep and re.search(
                rf"(?<!\w)(?:{h.target_prep})(?!\w)", key[h.end : hi])):
            target = inherited_target

    if not sources and frame != "patient" and lang == "ar" and lexicon is not None:
        src = _lexicon_source(text, lo, h.start, lexicon)  # `أجرى وزير الخارجية الإسباني اتصالا`
        if src is not None:
            sources = [src]
            conf -= 0.1
            if target is not None and target.country == src.country:
                target = None
            if target is None:
                target = _pick_target(ms, h.end, hi, src, key, h.target_prep, h.max_gap, lang, h.start + h.mlen)
    if not sources and frame != "patient":
        if not h.fallback:
            return []
        # nothing in the clause: the nearest actor of the sentence, the nearest other country as target
        if not ms:
            return []
        near = min(ms, key=lambda m: min(abs(m.start - h.end), abs(h.start - m.end)))
        sources = [near]
        conf -= 0.25
        others = [m for m in ms if m.actor_id != near.actor_id and (m.country is None or m.country != near.country)]
        target = min(others, key=lambda m: min(abs(m.start - h.end), abs(h.start - m.end))) if others else None
    if target is None and sources and frame not in ("pair", "patient"):
        rx = _AR_DESC_TARGET if lang == "ar" else _EN_DESC_TARGET
        tail = key[h.end : hi]
        if lang == "en":
            tail = re.sub(r"^\s*to\s+(?:[a-z]+\s+)?", " ", tail)  # `offered to help its neighbour`
        if rx.match(tail):
            src_ids = {x.actor_id for x in sources}
            src_c = {x.country for x in sources}
            prior = [m for m in ms if m.end <= h.start and m.actor_id not in src_ids
                     and (m.country is None or m.country not in src_c)]
            if prior:
                target = prior[-1]  # `accusing the kingdom of`: the last other actor named before
                conf -= 0.1
    if target is None and sources and frame not in ("pair", "patient") and previous and previous[-1].target is not None \
            and re.match(r"\s*(?:him|her|them|it)\b", key[h.end : hi]):
        target = previous[-1].target  # `expelled the ECOWAS envoy, accusing him of`
    if target is None and sources and frame not in ("pair",) and lexicon is not None:
        if lang == "ar" and h.code == "042" and sources[0].start > h.end and key[h.end : sources[0].start].strip():
            # `زار العاصمة الرباط وزير الخارجية الموريتاني`: the place visited between the verb and the visitor
            target = _lexicon_target(text, key, lang, h, sources[0].start, sources, lexicon, h.end)
        if target is None:
            target = _lexicon_target(text, key, lang, h, t_hi, sources, lexicon, t_lo)
    if h.needs_target and target is None and not (h.symmetric and len(sources) >= 2) \
            and not _NESTED_EVENT.search(key, h.end, hi):  # `condemned the attack on ...`: no named target
        return []
    if target is None:
        conf -= 0.1
    if h.pattern_id.startswith("cameo:") and not all(
            m is not None and (m.country is not None or m.atype == "IGO") for m in [*sources, target]):
        return []  # dictionary rows only between political actors (keeps company news out)
    return _emit(h, sources, target, ms, key, hi, neg, modality, conf, frame)


def _emit(h: Hit, sources: list[M], target: M | None, ms: list[M], key: str, hi: int, neg: bool, modality: str,
          conf: float, frame: str = "pair") -> list[Ev]:
    out: list[Ev] = []
    if (h.symmetric or frame == "pair") and target is None and len(sources) >= 2:
        for a in sources:
            for b in sources:
                if a.actor_id != b.actor_id:
                    out.append(Ev(h.start, h.end, h.code, a, b, neg, modality, conf, h.pattern_id))
        return out
    targets = _with_coordinated(ms, target, key, hi) if target is not None and target in ms else [target]
    for src in sources or [None]:
        for tgt in targets:
            if src is not None and tgt is not None and src.actor_id == tgt.actor_id:
                continue
            out.append(Ev(h.start, h.end, h.code, src, tgt, neg, modality, conf, h.pattern_id))
            if h.symmetric and src is not None and tgt is not None and len(sources) == 1:
                out.append(Ev(h.start, h.end, h.code, tgt, src, neg, modality, conf, h.pattern_id))
    return out


_EN_LOCATION = re.compile(r"\b(?:in|at|near|outside)\s+(?:the\s+(?:city|capital|town|port|region)\s+of\s+|the\s+)?"
                          r"([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})")
_AR_LOCATION = re.compile(r"(?<!\w)(?:في\s+(?:مدينه\s+|العاصمه\s+(?:\S+\s+)?)?|ب(?:مدينه\s+|العاصمه\s+(?:\S+\s+)?)?(?=ال)"
                          r"|قرب\s+|امام\s+)(\S+(?:\s+\S+)?)")
_NOT_PLACE = re.compile(r"^(?:the\s+)?(?:January|February|March|April|May|June|July|August|September|October|"
                        r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|A|An)\b")
_EN_DATELINE = re.compile(r"^\s*([A-Z][A-Za-z'-]+(?:[ -][A-Z][A-Za-z'-]+){0,2})\s*(?:,\s*[A-Z][a-z]+\.?\s*\d{1,2}\s*)?(?:\(|-|–|—)")


def _known_place(phrase: str, lang: str) -> str | None:
    """The leading part of `phrase` that is a known place: a city or region of `event_places.csv`, or a
    country or capital the actors lexicon matches from the phrase's first word (`Rabat`, `Saudi Arabia`,
    `الرباط`), as written; else None (`فندق فلسطين`, `Beirut today` -> `Beirut`)."""
    words = phrase.split()
    places = load_agents(lang).places
    for n in range(min(3, len(words)), 0, -1):
        cand = " ".join(words[:n]).strip(" ،,.:;\"'«»()")
        if cand and match_key(cand, lang) in places:
            return cand
    lex = _agents_lexicon()
    if lex is None or not words:
        return None
    try:
        if lang == "ar":
            from transforms import arabic

            toks = arabic.tokenize(phrase)
            hits = lex.match_ar(toks)
        else:
            from transforms.actors import en_tokens

            toks = en_tokens(phrase)
            hits = lex.match_en(phrase, toks, strict_case=False)
    except Exception:  # a lookup failure must not fail the stage
        return None
    for h in hits:
        if h[0] == 0:
            row = lex.actor(h[2])
            if row and row.get("actor_type") == "COUNTRY":
                return phrase[toks[0][1] : toks[h[1] - 1][2]]
        break
    return None


def _location(text: str, key: str, s: int, lo: int, hi: int, lang: str) -> str | None:
    """Where, as written: the known place (country, capital, listed city) of an `in <Place>` / `في <مدينة>` /
    `بالرباط` phrase in the trigger's clause, the nearest to the trigger first."""
    rx = _AR_LOCATION if lang == "ar" else _EN_LOCATION
    best: tuple[int, str] | None = None
    for m in rx.finditer(key if lang == "ar" else text, lo, hi):
        if lang == "en" and _NOT_PLACE.match(m.group(1)):
            continue
        place = _known_place(text[m.start(1) : m.end(1)], lang)
        if place:
            d = abs(m.start(1) - s)
            if best is None or d < best[0]:
                best = (d, place)
    return best[1] if best else None


def _dateline(body: str, lang: str) -> tuple[int, str] | None:
    """(end offset, place) of an English dateline (`RABAT (Reuters) -`, `Casablanca, Nov. 3 -`) at the top of
    the body when the place is known; Arabic bodies rarely carry one."""
    if lang != "en" or not body:
        return None
    m = _EN_DATELINE.match(body[:80])
    if not m:
        return None
    place = m.group(1)
    known = _known_place(place.title() if place.isupper() else place, lang)
    return (m.end(), place) if known else None


def _load_lexicon(actors: pl.DataFrame, force: bool = False) -> Lexicon | None:
    if actors.is_empty() and not force:
        return None
    try:
        from transforms.actors import load_lexicon
    except ImportError:
        return None
    known = dict(_lexicon_states())  # `قطاع غزة`, `سنغاليا`: states the mention table missed (rows: event_agent_actors)
    known.update({
        a: (c, t)
        for a, c, t in (actors.select("actor_id", "country_iso3", "actor_type").iter_rows()
                        if not actors.is_empty() else ())
        if t in ("COUNTRY", "IGO")
    })
    return Lexicon(load_lexicon().lookup, known)


@cache
def _lexicon_states() -> dict[str, tuple[str | None, str | None]]:
    """actor_id -> (ISO3, type) of the reference lexicon's COUNTRY and IGO actors."""
    from transforms.actors import load_lexicon

    return {a: (r.get("country_iso3"), r.get("actor_type")) for a, r in load_lexicon().rows.items()
            if r.get("actor_type") in ("COUNTRY", "IGO")}



# ---------------------------------------------------------------- generic agents (protesters, police, army ...)
@dataclass(frozen=True)
class Agent:
    code: str
    actor_type: str
    label_en: str
    label_ar: str


@dataclass
class AgentRules:
    rx: re.Pattern
    by_word: dict[str, Agent]
    places: dict[str, str]  # matching key of a city -> ISO3
    place_rx: re.Pattern | None
    guard: tuple[str, ...] = ()  # the agent words no other contains: `rx` can only match where one occurs

    def in_text(self, key: str) -> bool:
        """`rx.search(key) is not None`, with cheap substring tests first."""
        return any(w in key for w in self.guard) and self.rx.search(key) is not None


@cache
def load_agents(language: str) -> AgentRules:
    """`data/reference/event_agents.csv` (generic agents, CAMEO agent codes) and `event_places.csv` (cities
    the actors lexicon does not know, for the location country) for `language`."""
    by_word: dict[str, Agent] = {}
    for r in _read_csv(REF_DIR / "event_agents.csv"):
        if r["language"] != language:
            continue
        a = Agent(r["agent_code"], r["actor_type"], r["label_en"], r["label_ar"])
        for w in r["pattern"].split("|"):
            by_word.setdefault(w.strip(), a)
    words = sorted(by_word, key=len, reverse=True)
    if language == "ar":
        rx = re.compile(r"(?<!\w)(?:[وفبل]|وب|ول|فب|لل)?(?:ال)?(" + "|".join(map(re.escape, words)) + r")(?!\w)")
    else:
        rx = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b")
    places = {match_key(r["place"], language): r["country_iso3"] for r in _read_csv(REF_DIR / "event_places.csv")
              if r["language"] == language}
    names = sorted(places, key=len, reverse=True)
    if not names:
        place_rx = None
    elif language == "ar":
        place_rx = re.compile(r"(?<!\w)(?:ب|في\s+|في\s+مدينه\s+|بمدينه\s+)(" + "|".join(map(re.escape, names)) + r")(?!\w)")
    else:
        place_rx = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b")
    guard = tuple(w for w in words if not any(o != w and o in w for o in words))
    return AgentRules(rx, by_word, places, place_rx, guard)


def agent_actor_id(iso3: str, agent_code: str) -> str:
    return stable_id("agent", iso3, agent_code)


_AR_PLACE_PREP = re.compile(r"(?<!\w)(?:في|ب)\s*$")


def _country_word(lex, word: str, lang: str) -> str | None:
    """ISO3 of a country-level word (`Moroccan`, `المغربية`, `Rabat`) per the actors lexicon, else None."""
    if lex is None or not word:
        return None
    try:
        aid = lex.lookup(word, lang)
    except Exception:
        return None
    row = lex.actor(aid) if aid else None
    if row and row.get("actor_type") == "COUNTRY":
        return row.get("country_iso3")
    return None


def _place_country(text: str, key: str, lang: str, lex, ar: AgentRules) -> str | None:
    """The country of the first known place of the sentence (`in Casablanca`, `بالدار البيضاء`, `في الرباط`)."""
    if ar.place_rx is not None:
        for m in ar.place_rx.finditer(text if lang == "en" else key):
            c = ar.places.get(m.group(1) if lang == "ar" else match_key(m.group(1), lang))
            if c:  # regions (`the Gulf`) have no country
                return c
    if lang == "en":
        for m in re.finditer(r"\b(?:in|at|near)\s+([A-Z][\w-]+)", text):
            c = _country_word(lex, m.group(1), lang)
            if c:
                return c
    else:
        for m in re.finditer(r"(?<!\w)(?:في\s+(\w+)|ب(ال\w+))", key):
            g = 1 if m.group(1) else 2
            c = _country_word(lex, text[m.start(g) : m.end(g)], lang)
            if c:
                return c
    return None


def _sentence_agents(text: str, key: str, lang: str, lex, main_country: str | None,
                     taken: list[tuple[int, int, str | None]]) -> list[tuple[int, int, str, Agent]]:
    """Generic agents of a sentence: (start, end, ISO3, Agent). Country: a demonym next to the word
    (`Moroccan police`, `الشرطة المغربية`), else the first known place of the sentence, else `main_country`.
    `taken` are the actor mentions (start, end, kind): an agent inside a named actor is not one."""
    ar = load_agents(lang)
    if not ar.by_word:
        return []
    out = []
    place: str | bool | None = False
    for m in ar.rx.finditer(key):
        s, e = m.start(1), m.end(1)
        if lang == "en" and text[s : s + 1].isupper() and s > 0 and text[s - 2 : s - 1] not in ".\n":
            continue  # `Army Day`, `the Students Union`: a name, not a generic agent
        if any(ts < e and s < te and kind != "DEMONYM" for ts, te, kind in taken):
            continue
        agent = ar.by_word[m.group(1)]
        iso = None
        start, end = m.start(), e
        if lang == "en":
            prev = re.search(r"([A-Z][\w-]+)(?:'s)?\s+(?:[a-z]+\s+)?$", text[max(0, s - 40) : s])
            if prev:
                iso = _country_word(lex, prev.group(1), lang)
                if iso:
                    start = max(0, s - 40) + prev.start(1)
        else:
            nxt = re.match(r"\s+(\S+)", text[e : e + 30])
            if nxt:
                iso = _country_word(lex, nxt.group(1), lang)
                if iso:
                    end = e + nxt.end(1)
        if iso is None:
            if place is False:
                place = _place_country(text, key, lang, lex, ar)
            iso = place or main_country
        if iso:
            out.append((start, end, iso, agent))
    return out


def _main_countries(mentions: pl.DataFrame, country_of: dict[str, str | None]) -> dict[str, str]:
    """article_id -> the country most mentioned in it (ties: the first mentioned)."""
    out: dict[str, str] = {}
    if mentions.is_empty():
        return out
    counts: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for art, aid, cs in mentions.select("article_id", "actor_id", "char_start").iter_rows():
        c = country_of.get(aid)
        if c:
            v = counts[art].setdefault(c, [0, cs if cs is not None else 0])
            v[0] += 1
    for art, cs in counts.items():
        out[art] = min(cs.items(), key=lambda kv: (-kv[1][0], kv[1][1]))[0]
    return out


@cache
def _country_rows() -> dict[str, dict]:
    from transforms.actors import load_lexicon

    out: dict[str, dict] = {}
    for r in load_lexicon().rows.values():
        if r.get("actor_type") == "COUNTRY" and r.get("country_iso3") and r.get("cameo_code") == r["country_iso3"]:
            out.setdefault(r["country_iso3"], r)
    return out


def _agent_row(iso3: str, agent: Agent) -> dict:
    country = _country_rows().get(iso3)
    name_en = (country or {}).get("canonical_name") or iso3
    name_ar = (country or {}).get("canonical_name_ar")
    return {
        "actor_id": agent_actor_id(iso3, agent.code),
        "canonical_name": f"{agent.label_en} ({name_en})",
        "canonical_name_ar": f"{agent.label_ar} ({name_ar})" if name_ar else None,
        "actor_type": agent.actor_type,
        "country_iso3": iso3,
        "cameo_code": iso3 + agent.code,
        "role": None,
    }


def _agents_lexicon():
    try:
        from transforms.actors import load_lexicon
    except ImportError:
        return None
    return load_lexicon()


def _iter_agents(documents: pl.DataFrame, sentences: pl.DataFrame, mentions: pl.DataFrame,
                 actors: pl.DataFrame, keys: dict[str, str] | None = None):
    """(article_id, sentence_index, [(start, end, ISO3, Agent)]) for the sentences naming a generic agent."""
    lex = _agents_lexicon()
    country_of: dict[str, str | None] = {}
    if not actors.is_empty():
        country_of = dict(zip(actors["actor_id"].to_list(), actors["country_iso3"].to_list(), strict=True))
    hit_docs: dict[str, tuple[str, str]] = {}  # article_id -> (lang, body key): only bodies naming an agent
    for art, language, body in documents.select("article_id", "language", "body_text").iter_rows():
        lang = "ar" if language == "ar" else "en"
        bkey = keys[art] if keys is not None and art in keys else match_key(body or "", lang)
        if load_agents(lang).in_text(bkey):
            hit_docs[art] = (lang, bkey)
    if not hit_docs:
        return
    main = _main_countries(mentions.filter(pl.col("article_id").is_in(list(hit_docs))) if not mentions.is_empty()
                           else mentions, country_of)
    guard_at: dict[str, list[tuple[int, int]]] = {}  # where the agent words' guard substrings occur in the body
    for art, (lang, bkey) in hit_docs.items():
        spots = []
        for w in load_agents(lang).guard:
            p = bkey.find(w)
            while p >= 0:
                spots.append((p, p + len(w)))
                p = bkey.find(w, p + 1)
        guard_at[art] = spots
    taken: dict[tuple[str, int], list[tuple[int, int, str]]] = defaultdict(list)
    if not mentions.is_empty():
        for art, idx, cs, ce, kind in mentions.filter(pl.col("article_id").is_in(list(hit_docs))).select(
                "article_id", "sentence_index", "char_start", "char_end", "mention_kind").iter_rows():
            taken[(art, idx)].append((cs, ce, kind or "NAME"))
    for art, idx, s0, text in sentences.filter(pl.col("article_id").is_in(list(hit_docs))).select(
            "article_id", "sentence_index", "char_start", "text").iter_rows():
        if not text:
            continue
        lang, bkey = hit_docs[art]
        key = bkey[s0 : s0 + len(text)]
        if len(key) != len(text):
            key = match_key(text, lang)
            if not load_agents(lang).in_text(key):
                continue
        elif not any(s0 <= a and b <= s0 + len(key) for a, b in guard_at[art]) or load_agents(lang).rx.search(key) is None:
            continue  # (the guard test on the body's occurrences, then the regex: `in_text` without re-scanning)
        tk = [(a - s0, b - s0, k) for a, b, k in taken.get((art, idx), [])]
        found = _sentence_agents(text, key, lang, lex, main.get(art), tk)
        if found:
            yield art, idx, found


def event_agent_actors(documents: pl.DataFrame, sentences: pl.DataFrame, mentions: pl.DataFrame,
                       actors: pl.DataFrame) -> pl.DataFrame:
    """The actor rows of `extract_events_with_agents` alone (kept for callers that union them into the
    actors before calling `extract_events`; it runs the same single extraction pass)."""
    return extract_events_with_agents(documents, sentences, mentions, actors)[1]


# ---------------------------------------------------------------- frame level
def _extract_rows(documents: pl.DataFrame, sentences: pl.DataFrame, mentions: pl.DataFrame,
                  actors: pl.DataFrame) -> tuple[list[dict], dict[str, dict]]:
    """One extraction pass: (EVENTS rows before clustering, ACTORS rows of the generic agents found, by id)."""
    codebook = load_codebook()
    country_of: dict[str, str | None] = {}
    type_of: dict[str, str | None] = {}
    media: set[str] = set()
    if not actors.is_empty():
        country_of = dict(zip(actors["actor_id"].to_list(), actors["country_iso3"].to_list(), strict=True))
        media = set(actors.filter(pl.col("actor_type") == "MEDIA")["actor_id"].to_list())
        type_of = dict(zip(actors["actor_id"].to_list(), actors["actor_type"].to_list(), strict=True))
    docs = {
        r["article_id"]: r
        for r in documents.select("article_id", "language", "published_date", "body_text").iter_rows(named=True)
    }
    by_sentence: dict[tuple[str, int], list[tuple]] = defaultdict(list)
    if not mentions.is_empty():
        for r in mentions.select("article_id", "sentence_index", "char_start", "char_end", "actor_id",
                                 "mention_kind").iter_rows():
            if r[4] is not None and r[1] is not None:
                by_sentence[(r[0], r[1])].append(r)
    keys = {art: match_key(body or "", "ar" if language == "ar" else "en")
            for art, language, body in documents.select("article_id", "language", "body_text").iter_rows()}
    agents_by = {(art, idx): found for art, idx, found in _iter_agents(documents, sentences, mentions, actors, keys)}
    agent_rows: dict[str, dict] = {}
    for found in agents_by.values():
        for _s, _e, iso, agent in found:
            aid = agent_actor_id(iso, agent.code)
            if aid not in agent_rows:
                agent_rows[aid] = _agent_row(iso, agent)
    # the lexicon is on whenever there are actors, the generic agents' rows included
    lexicon = _load_lexicon(actors, force=bool(agent_rows))
    rows = []
    # the sentences that name an actor or a generic agent, in article order with their position in the article
    # (a sentence that names none breaks the discourse context of the next one)
    named = list(by_sentence) + [k for k in agents_by if k not in by_sentence]
    todo = (
        sentences.select("article_id", "sentence_index", "char_start", "text")
        .sort("article_id", "sentence_index")
        .with_columns(pl.int_range(pl.len()).over("article_id").alias("_pos"))
        .join(pl.DataFrame({"article_id": [k[0] for k in named], "sentence_index": [k[1] for k in named]},
                           schema={"article_id": sentences.schema["article_id"],
                                   "sentence_index": sentences.schema["sentence_index"]}),
              on=["article_id", "sentence_index"], how="semi")
        .filter(pl.col("text").str.len_chars() > 0, pl.col("article_id").is_in(list(docs)))
        .sort("article_id", "_pos")
    )
    context: dict[str, M | None] = {}
    last_pos: dict[str, int] = {}
    body_keys: dict[str, tuple[str, list[str]]] = {}
    todo_rows = todo.select("article_id", "sentence_index", "char_start", "text", "_pos").rows()
    spans_of: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for art, _idx, s0, text, _p in todo_rows:
        spans_of[art].append((s0, s0 + len(text)))
    for art, idx, s0, text, pos in todo_rows:
        ms_raw = by_sentence.get((art, idx), [])
        agents = agents_by.get((art, idx), [])
        if last_pos.get(art) != pos - 1:
            context[art] = None
        last_pos[art] = pos
        doc = docs[art]
        lang = "ar" if doc["language"] == "ar" else "en"
        lr = load_rules(lang)
        if art not in body_keys:  # one matching key and one anchor scan per article, sentences slice it
            bkey = keys[art]
            # the anchors found in the sentences to read (joined by a character no anchor holds)
            seen = "\x00".join(bkey[a:b] for a, b in spans_of[art])
            body_keys = {art: (bkey, [a for a in lr.by_anchor if a in seen])}
        bkey, anchors = body_keys[art]
        key = bkey[s0 : s0 + len(text)]
        if len(key) != len(text):
            key, anchors = match_key(text, lang), None
        ms = sorted(
            (M(r[2] - s0, r[3] - s0, r[4], r[5] or "NAME", country_of.get(r[4]), type_of.get(r[4]))
             for r in ms_raw),
            key=lambda m: (m.start, -m.end),
        )
        # nested mentions (`Algerian` inside `the Algerian government`): keep the outer one
        flat: list[M] = []
        for m in ms:
            if flat and m.start < flat[-1].end:
                continue
            flat.append(m)
        flat = [m for m in flat if m.actor_id not in media]  # `told Asharq al-Awsat`: outlets report, not act
        if lang == "ar":  # Arabic names without a country are mostly misread phrases (`لعمال البناء`): no party
            flat = [m for m in flat if m.country is not None or m.atype in _STATELESS_PARTIES]
        if agents:  # `Moroccan police`, `المتظاهرين`: generic agents (the demonym they include is theirs)
            ag = [M(a, b, agent_actor_id(iso, g.code), "AGENT", iso, "AGENT") for a, b, iso, g in agents]
            flat = sorted([m for m in flat if not any(m.start < x.end and x.start < m.end for x in ag)] + ag,
                          key=lambda m: (m.start, -m.end))
        evs = _sentence_events(key, lang, flat, lr, context.get(art), text, lexicon, anchors)
        ctx = next((e.source for e in reversed(evs) if e.source is not None), None) or (flat[0] if flat else None)
        context[art] = M(-1000, -1000, ctx.actor_id, ctx.kind, ctx.country) if ctx else None
        if not evs:
            continue
        pub: date | None = doc["published_date"]
        dates = find_dates(text, pub, lang)
        dateline = _dateline(doc["body_text"], lang) if idx == 0 else None
        seen = set()
        for ev in evs:
            if ev.source is None:
                continue  # no named nor generic actor did it: kept out (fct_events.source_actor_id is not null)
            src = ev.source.actor_id
            tgt = ev.target.actor_id if ev.target else None
            dedup = (src, tgt, ev.code, ev.start)
            if dedup in seen:
                continue
            seen.add(dedup)
            code = codebook[ev.code]
            lo, hi = _boundaries(key, lang, ev.start, ev.end)
            in_clause = [d for d in dates if d.start >= lo and d.end <= hi]
            pool = in_clause or dates
            if pool:
                d = min(pool, key=lambda d: min(abs(d.start - ev.end), abs(ev.start - d.end)))
                ev_date, precision = d.value, d.precision
            elif pub is not None:
                ev_date, precision = pub, "publication"
            else:
                ev_date, precision = None, None
            rows.append({
                "event_id": stable_id("event", art, s0 + ev.start, s0 + ev.end, ev.code, src, tgt),
                "article_id": art,
                "source_actor_id": src,
                "target_actor_id": tgt,
                "event_code": code.event_code,
                "event_root_code": code.event_root_code,
                "event_label": code.event_label,
                "quad_class": code.quad_class,
                "goldstein": code.goldstein,
                "event_date": ev_date,
                "event_date_precision": precision,
                "location_text": _location(text, key, ev.start, lo, hi, lang) or (
                    dateline[1] if dateline and idx == 0 else None),
                "is_negated": ev.negated,
                "modality": ev.modality,
                "evidence_text": text,
                "char_start": s0,
                "char_end": s0 + len(text),
                "sentence_index": idx,
                "confidence": round(max(0.05, min(1.0, ev.confidence)), 3),
            })
    return rows, agent_rows


def extract_event_mentions(
    documents: pl.DataFrame, sentences: pl.DataFrame, mentions: pl.DataFrame, actors: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The per-article part of `extract_events_with_agents`: (events with a null `event_cluster_id`,
    agent_actors). Articles are read independently, so a caller may run this on partitions of the articles
    (each with its own sentences and mentions, and the whole `actors` frame), in worker processes, and give
    the parts to `merge_event_parts`, which clusters once over all of them."""
    if documents.is_empty() or sentences.is_empty():
        return empty(EVENTS), empty(ACTORS)
    rows, agent_rows = _extract_rows(documents, sentences, mentions, actors)
    have = set(actors["actor_id"].to_list()) if not actors.is_empty() else set()
    used = {r["source_actor_id"] for r in rows} | {r["target_actor_id"] for r in rows if r["target_actor_id"]}
    extra = {aid: row for aid, row in agent_rows.items() if aid in used and aid not in have}
    missing = sorted(used - have - set(extra))
    if missing:
        lex = _agents_lexicon()
        for aid in missing:  # states the events found word by word in the lexicon
            row = lex.actor(aid) if lex is not None else None
            if row:
                extra[aid] = {k: row.get(k) for k in ACTORS}
    agent_actors = conform(pl.DataFrame(list(extra.values()), infer_schema_length=None), ACTORS) if extra \
        else empty(ACTORS)
    if not rows:
        return empty(EVENTS), agent_actors
    return conform(pl.DataFrame(rows, infer_schema_length=None), EVENTS), agent_actors


def merge_event_parts(parts: list[tuple[pl.DataFrame, pl.DataFrame]],
                      actors: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(events, agent_actors) from `extract_event_mentions` parts: events concatenated in part order, agent
    rows once per id (first part first), and `cluster_events` over `actors` and the agent rows."""
    events = [e for e, _a in parts if not e.is_empty()]
    agents = [a for _e, a in parts if not a.is_empty()]
    agent_actors = empty(ACTORS) if not agents else (
        agents[0] if len(agents) == 1 else pl.concat(agents).unique("actor_id", keep="first", maintain_order=True))
    if not events:
        return empty(EVENTS), agent_actors
    ev = events[0] if len(events) == 1 else pl.concat(events)
    if not agent_actors.is_empty():
        actors = agent_actors if actors.is_empty() else pl.concat([conform(actors, ACTORS), agent_actors])
    return cluster_events(ev, actors), agent_actors


def extract_events_with_agents(
    documents: pl.DataFrame, sentences: pl.DataFrame, mentions: pl.DataFrame, actors: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(events, agent_actors) in one extraction pass.

    `events`: CAMEO-coded event mentions per EVENTS, with `event_cluster_id` assigned by `cluster_events`
    over `actors` and `agent_actors`. `agent_actors`: ACTORS rows of every actor id the events use as source
    or target that is not in `actors`: generic agents (`Moroccan protesters` -> id
    `stable_id('agent', 'MAR', 'OPP')`, CAMEO `MAROPP`) and states the events found word by word in the
    actors' lexicon (`قصفت إسرائيل قطاع غزة` -> Palestine). Union them into raw.actors so every event
    source and target is a valid actor id. Running again with `actors` + `agent_actors` gives the same
    events and no further rows. Same as `merge_event_parts([extract_event_mentions(...)], actors)`."""
    return merge_event_parts([extract_event_mentions(documents, sentences, mentions, actors)], actors)


def extract_events(
    documents: pl.DataFrame, sentences: pl.DataFrame, mentions: pl.DataFrame, actors: pl.DataFrame
) -> pl.DataFrame:
    """CAMEO-coded event mentions per EVENTS (the events of `extract_events_with_agents`)."""
    return extract_events_with_agents(documents, sentences, mentions, actors)[0]


# ---------------------------------------------------------------- clusters
def cluster_events(events: pl.DataFrame, actors: pl.DataFrame | None = None) -> pl.DataFrame:
    """Assign `event_cluster_id`: one id per real-world event, however many sentences or articles report it.

    The rule: cluster id = stable_id(source side, target side, event_root_code, date bucket, status) where
    - a side is the actor's `country_iso3` when it has one (a minister's visit and "the Moroccan
      delegation's visit" are one visit), else its actor_id; no target is `-`;
    - the date bucket is the month (`2021-08`) for day or month precision, the year for year precision;
      an undated mention (precision `publication`) joins the earliest dated mention of the same
      (sides, root) in the same article when there is one, else the month of publication; with no date
      at all the bucket is the article, so undated reports never merge across articles;
    - status is `asserted` for asserted, non-negated events, else `<modality>[-negated]`, so a denial or
      a plan never merges with the real thing.
    """
    if events.is_empty():
        return events
    if actors is not None and not actors.is_empty():
        amap = actors.select(pl.col("actor_id"), pl.col("country_iso3").alias("_c"))
        ev = (
            events.join(amap.rename({"actor_id": "source_actor_id", "_c": "_sc"}), on="source_actor_id", how="left")
            .join(amap.rename({"actor_id": "target_actor_id", "_c": "_tc"}), on="target_actor_id", how="left")
        )
    else:
        ev = events.with_columns(pl.lit(None, pl.String).alias("_sc"), pl.lit(None, pl.String).alias("_tc"))
    ev = ev.with_columns(
        pl.coalesce("_sc", "source_actor_id", pl.lit("-")).alias("_sk"),
        pl.coalesce("_tc", "target_actor_id", pl.lit("-")).alias("_tk"),
        pl.when(~pl.col("is_negated") & (pl.col("modality") == "asserted"))
        .then(pl.lit("asserted"))
        .otherwise(pl.col("modality") + pl.when(pl.col("is_negated")).then(pl.lit("-negated")).otherwise(pl.lit("")))
        .alias("_status"),
        pl.when(pl.col("event_date_precision").is_in(["day", "month"]))
        .then(pl.col("event_date").dt.strftime("%Y-%m"))
        .when(pl.col("event_date_precision") == "year")
        .then(pl.col("event_date").dt.strftime("%Y"))
        .otherwise(None)
        .alias("_dated_bucket"),
    )
    group = ["article_id", "_sk", "_tk", "event_root_code", "_status"]
    ev = ev.with_columns(
        pl.col("_dated_bucket").sort_by("event_date").drop_nulls().first().over(group).alias("_sibling_bucket")
    ).with_columns(
        pl.coalesce(
            "_dated_bucket",
            "_sibling_bucket",
            pl.col("event_date").dt.strftime("%Y-%m"),
            pl.lit("article:") + pl.col("article_id"),
        ).alias("_bucket")
    )
    ids = [
        stable_id("cluster", sk, tk, root, b, st)
        for sk, tk, root, b, st in ev.select("_sk", "_tk", "event_root_code", "_bucket", "_status").iter_rows()
    ]
    return conform(ev.with_columns(pl.Series("event_cluster_id", ids, dtype=pl.String)), EVENTS)


def event_clusters(events: pl.DataFrame, documents: pl.DataFrame) -> pl.DataFrame:
    """One row per cluster (the Python twin of `marts.fct_event_clusters`): the representative source,
    target and code are the most frequent in the cluster (ties: the smallest id / code), the event date is
    the most precise, then earliest, one."""
    cols = {
        "event_cluster_id": pl.String, "source_actor_id": pl.String, "target_actor_id": pl.String,
        "event_code": pl.String, "event_root_code": pl.String, "event_date": pl.Date,
        "num_mentions": pl.UInt32, "num_articles": pl.UInt32, "first_reported_at": pl.Datetime("us"),
    }
    if events.is_empty():
        return pl.DataFrame(schema=cols)
    doc = documents.select(
        "article_id",
        pl.coalesce(pl.col("published_date").cast(pl.Datetime("us")), pl.col("ingested_at")).alias("_reported"),
    )
    ev = events.join(doc, on="article_id", how="left").with_columns(
        pl.col("event_date_precision").replace_strict(
            {"day": 0, "month": 1, "year": 2, "publication": 3}, default=4, return_dtype=pl.Int8
        ).alias("_prec")
    )

    out = ev.group_by("event_cluster_id").agg(
        pl.col("source_actor_id").drop_nulls().mode().sort().first(),
        pl.col("target_actor_id").drop_nulls().mode().sort().first(),
        pl.col("event_code").mode().sort().first(),
        pl.col("event_root_code").first(),
        pl.col("event_date").sort_by(["_prec", "event_date"]).first(),
        pl.len().alias("num_mentions"),
        pl.col("article_id").n_unique().alias("num_articles"),
        pl.col("_reported").min().alias("first_reported_at"),
    )
    return out.select([pl.col(c).cast(t) for c, t in cols.items()]).sort("event_cluster_id")
