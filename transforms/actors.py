"""Actors: documents + sentences -> raw.actor_mentions + raw.actors.

Three sources of mentions, merged per article:
1. the curated dictionary (`data/reference/actors.csv` + `actors_aliases.csv`), matched with a token trie
   (English: case-aware; Arabic: normalised, clitics `و ف ب ل ك ال` stripped before matching);
2. discovery: English people/organisations from spaCy NER, Arabic people after titles (`الرئيس`, `وزير`,
   `السفير` ...) and organisations after heads (`وزارة`, `حزب`, `صحيفة` ...);
3. titles and appositions next to people (`Haboub Cherkaoui, director of ...`, `Algerian Prime Minister X`)
   give the mention's role and the actor's country.

Resolution: one actor per entity. Dictionary actors keep the id of their dictionary key; people get an id
from a spelling-tolerant key of the full name (`person_key`: `Haboub`/`Habboub`, `Bourita`/`Burita`,
`Abdul-Malik`/`Abdelmalek` agree), so the id never depends on which other articles are in the batch.
A surname alone, or an acronym defined in the article, resolves to the full name seen in the same article.
"""

from __future__ import annotations

import bisect
import csv
import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import polars as pl
from rapidfuzz import fuzz

from transforms import arabic
from transforms.common import stable_id
from transforms.parallel import MIN_ARTICLES
from transforms.schemas import ACTOR_MENTIONS, ACTORS, conform, empty

REF_DIR = Path(__file__).resolve().parents[1] / "data" / "reference"

# ----------------------------------------------------------------------------------------------------------
# keys and ids


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_VOWELS = re.compile(r"[aeiouy]+")
_REPEAT = re.compile(r"(.)\1+")


@lru_cache(maxsize=262144)
def person_key(name: str) -> str:
    """Spelling-tolerant key of a person's name. Latin names lose case, diacritics, spaces, hyphens and
    doubled letters; in each word every run of vowels becomes one placeholder and a word-final one is
    dropped. So vowel spellings merge (`Abdul-Malik Sellal` == `Abdelmalek Sellal`, `Haboub` == `Habboub`,
    `Yassine` == `Yassin`, `Othman` == `Athmane`) while where the vowels stand still counts
    (`Abdaoui` != `Abad`). Arabic names are normalised (`normalize_arabic`) with spaces removed. A name whose
    key would be (almost) nothing (`Yu Ay`) keeps its vowels; a name without a letter or digit has key ''
    (which names no one: the dictionary never indexes it)."""
    first = next((c for c in name if c.isalpha()), "x")
    if arabic.is_arabic_word(first):
        return "".join(arabic.norm(name).split())
    s = _fold(name).lower()
    s = re.sub(r"['’`.]", "", s)
    s = s.replace("ou", "u").replace("ph", "f").replace("kh", "k").replace("dj", "j").replace("q", "k")
    words = re.findall(r"[a-z0-9]+", s)
    key = _REPEAT.sub(r"\1", "".join(_VOWELS.sub("*", w).rstrip("*") for w in words))
    return key if len(key.replace("*", "")) >= 2 else "".join(words)


def org_key(name: str) -> str:
    s = _fold(name).lower()
    s = re.sub(r"^(the|al|el)\s+", "", s)
    return re.sub(r"[^a-z0-9\u0600-\u06ff]+", " ", s).strip()


def person_actor_id(name: str) -> str:
    return stable_id("actor", "person", person_key(name))


def org_actor_id(name: str) -> str:
    n = arabic.norm(name) if arabic.is_arabic_word(name[:1] or "x") else org_key(name)
    return stable_id("actor", "org", n)


def dictionary_actor_id(key: str, actor_type: str, canonical_name: str) -> str:
    if actor_type == "PERSON":
        return person_actor_id(canonical_name)
    return stable_id("actor", "dict", key)


# ----------------------------------------------------------------------------------------------------------
# English tokens

_EN_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[\w\u00c0-\u024f]+(?:['’][\w\u00c0-\u024f]+)*|[^\s\w-]")
_LOWER_OK = {"of", "the", "for", "and", "al", "el", "de", "du", "la", "le", "bin", "ben", "ibn", "in", "on",
             "to", "des", "wa", "van", "von", "der", "del", "da", "&", "'s", "’s", "-", "+", "at", "ech", "ad"}


def en_tokens(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end); possessive 's is split off; hyphens are not tokens (Al-Qaeda == Al Qaeda)."""
    out = []
    for m in _EN_TOKEN.finditer(text):
        t, s, e = m.group(), m.start(), m.end()
        if len(t) > 2 and t[-2:] in ("'s", "’s"):
            out.append((t[:-2], s, e - 2))
            out.append((t[-2:], e - 2, e))
        else:
            out.append((t, s, e))
    return out


def _en_key(tok: str) -> str:
    return tok.lower().replace("’", "'")


# ----------------------------------------------------------------------------------------------------------
# lexicon

_DEMONYM_SUFFIX = ("government", "authorities", "source", "sources", "official", "officials", "side",
                   "delegation", "army", "military", "security", "ministry")


class ActorLexicon:
    """Resolves a piece of text (a name, acronym, demonym, description) to an actor_id."""

    def __init__(self, actors_rows: list[dict], alias_rows: list[dict]):
        self.rows: dict[str, dict] = {}
        key_to_id: dict[str, str] = {}
        for r in actors_rows:
            aid = dictionary_actor_id(r["key"], r["actor_type"], r["canonical_name"])
            key_to_id[r["key"]] = aid
            if aid in self.rows:
                continue
            self.rows[aid] = {
                "actor_id": aid,
                "canonical_name": r["canonical_name"] or None,
                "canonical_name_ar": r.get("canonical_name_ar") or None,
                "actor_type": r["actor_type"],
                "country_iso3": r.get("country_iso3") or None,
                "cameo_code": r.get("cameo_code") or None,
                "role": None,
            }
        # English trie: key tuple -> (actor_id, kind, exact surface tokens or None)
        self.en: dict[tuple[str, ...], tuple[str, str, tuple[str, ...] | None]] = {}
        self.en_prefix: set[tuple[str, ...]] = set()
        self.ar: dict[tuple[str, ...], tuple[str, str]] = {}
        self.ar_prefix: set[tuple[str, ...]] = set()
        # keys (article-less) whose entry is only ever written with the article (`الكاميرون`, `الهند`,
        # `القاعدة`): a surface without it (`كاميرون` = Cameron, `هند` = Hind, `قاعدة` = a base) is not the entry
        self.ar_definite: set[tuple[str, ...]] = set()
        self._ar_names_definite: set[str] = set()
        self.person_keys: dict[str, str] = {}
        self.first_en: set[str] = set()
        self.first_ar: set[str] = set()
        self._ar_prof: dict[str, tuple] = {}
        self.ar_names: dict[str, str] = {}  # normalised Arabic canonical names (incl. media) -> id
        self._skel: dict[str, list[tuple[str, str]]] | None = None  # Latin consonant skeleton -> persons
        self._skel_cache: dict[str, str | None] = {}  # Arabic name -> its dictionary person (or None)
        for aid, r in self.rows.items():
            if r["actor_type"] == "PERSON" and r["canonical_name"]:
                if person_key(r["canonical_name"]):
                    self.person_keys.setdefault(person_key(r["canonical_name"]), aid)
            if r["canonical_name_ar"]:
                nk = " ".join(arabic.phrase_key(r["canonical_name_ar"]))
                if nk not in self.ar_names:
                    self.ar_names[nk] = aid
                    if arabic.phrase_definite(r["canonical_name_ar"]):
                        self._ar_names_definite.add(nk)
                elif self.ar_names[nk] == aid and not arabic.phrase_definite(r["canonical_name_ar"]):
                    self._ar_names_definite.discard(nk)
        for a in alias_rows:
            aid = key_to_id.get(a["key"])
            if aid is None:
                continue
            self.add_alias(aid, a["alias"], a["language"], a["kind"])
        self.en_max = max((len(k) for k in self.en), default=1)
        self.ar_max = max((len(k) for k in self.ar), default=1)

    def add_alias(self, aid: str, alias: str, language: str, kind: str) -> None:
        if language == "ar":
            key = arabic.phrase_key(alias)
            if not key:
                return
            definite = arabic.phrase_definite(alias)
            if key not in self.ar:
                self.ar[key] = (aid, kind)
                if definite:
                    self.ar_definite.add(key)
            elif not definite and self.ar[key][0] == aid:
                self.ar_definite.discard(key)  # `سعودية` besides `السعودية`: the bare form names it too
            for i in range(1, len(key)):
                self.ar_prefix.add(key[:i])
            return
        toks = [t for t, _, _ in en_tokens(alias)]
        if not toks:
            return
        key = tuple(_en_key(t) for t in toks)
        letters = re.sub(r"[^A-Za-z]", "", alias)
        exact = tuple(toks) if letters.isupper() and len(letters) <= 6 else None
        if self.rows.get(aid, {}).get("actor_type") == "PERSON":
            if person_key(alias):
                self.person_keys.setdefault(person_key(alias), aid)
        if key in self.en:
            old = self.en[key]
            # an acronym entry and a word entry can share a key (`IS` vs `is`): keep the word-free one
            if old[2] is not None or exact is None:
                return
        self.en[key] = (aid, kind, exact)
        for i in range(1, len(key)):
            self.en_prefix.add(key[:i])

    # -- public API ------------------------------------------------------------------------------------
    def lookup(self, text: str, language: str) -> str | None:
        """`Algeria`, `الجزائر`, `an Algerian government source`, `مصدر أمني جزائري` -> Algeria's actor_id."""
        if not text or not text.strip():
            return None
        if language == "ar" or arabic.arabic_share_quick(text):
            toks = arabic.tokenize(text)
            hits = self.match_ar(toks)
            if hits:
                hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
                return hits[0][2]
            key = " ".join(arabic.phrase_key(text))
            aid = self.ar_name(key, arabic.phrase_definite(text))
            if aid is not None:
                return aid
            if len(toks) < 2:
                return None
            return self.person_keys.get(person_key(text)) or self.person_by_skeleton(text)
        toks = en_tokens(text)
        hits = self.match_en(text, toks, strict_case=False)
        if hits:
            # prefer the longest match; a demonym before a head noun (`Algerian government`) is the country
            hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
            return hits[0][2]
        pk = person_key(text)
        return self.person_keys.get(pk)

    def person_by_skeleton(self, arabic_name: str) -> str | None:
        """The dictionary person whose Latin name has the consonant skeleton of this Arabic name, with the
        long vowels where the Arabic writes them (`هواري بومدين` -> Houari Boumedienne), when exactly one
        does; names of two words or more, skeletons of 6+ consonants only."""
        if self._skel is None:
            idx: dict[str, list[tuple[str, str]]] = defaultdict(list)
            for aid, r in self.rows.items():
                name = r["canonical_name"]
                if r["actor_type"] != "PERSON" or not name or len(name.split()) < 2:
                    continue
                sk = arabic.latin_skeleton(name)
                if len(sk) >= 6:  # shorter skeletons (`Mohammed Youla` ~ `محمد العلي`) match too many names
                    idx[sk].append((aid, name))
            self._skel = dict(idx)
        hit = self._skel_cache.get(arabic_name, 0)
        if hit != 0:
            return hit
        words = arabic_name.split()
        if len(words) < 2 or (len(words) == 2 and arabic.norm(words[0]) in _AR_COMMON_GIVEN):
            found = set()  # `محمد عمر`: too many people share a two-word name that starts so commonly
        else:
            found = {aid for sk in arabic.arabic_skeletons(arabic_name) for aid, name in self._skel.get(sk, ())
                     if arabic.arabic_name_matches(arabic_name, name)}
        hit = found.pop() if len(found) == 1 else None
        if len(self._skel_cache) < 200_000:
            self._skel_cache[arabic_name] = hit
        return hit

    def actor(self, actor_id: str) -> dict | None:
        """The ACTORS row for an id, as a dict, or None."""
        r = self.rows.get(actor_id)
        return dict(r) if r else None

    # -- matching --------------------------------------------------------------------------------------
    def match_en(self, text: str, toks: list[tuple[str, int, int]], strict_case: bool = True
                 ) -> list[tuple[int, int, str, str]]:
        """Longest dictionary matches: (tok_start, tok_end_exclusive, actor_id, kind)."""
        out = []
        keys = [_en_key(t) for t, _, _ in toks]
        n = len(toks)
        i = 0
        en, pref, mx = self.en, self.en_prefix, self.en_max
        while i < n:
            best = None
            k1 = (keys[i],)
            if k1 in en or k1 in pref:
                for j in range(i + 1, min(n, i + mx) + 1):
                    k = tuple(keys[i:j])
                    hit = en.get(k)
                    if hit is not None and self._case_ok(toks, i, j, hit[2], strict_case):
                        best = (i, j, hit[0], hit[1])
                    if k not in pref:
                        break
            if best:
                out.append(best)
                i = best[1]
            else:
                i += 1
        return out

    @staticmethod
    def _case_ok(toks, i, j, exact, strict_case) -> bool:
        surf = [t for t, _, _ in toks[i:j]]
        if exact is not None:
            return tuple(surf) == exact or (not strict_case and tuple(s.upper() for s in surf) == exact)
        if not strict_case:
            return True
        first = surf[0]
        if not (first[:1].isupper() or first[:1].isdigit()):
            return False
        return all(s[:1].isupper() or s[:1].isdigit() or s.lower() in _LOWER_OK or not s[:1].isalpha()
                   for s in surf)

    def ar_hit(self, key: tuple[str, ...], definite: bool) -> tuple[str, str] | None:
        """The dictionary entry (actor_id, kind) of an article-less key whose first word was written with the
        article (`definite`) or not; an entry only ever written with it needs it."""
        if not definite and key in self.ar_definite:
            return None
        return self.ar.get(key)

    def ar_name(self, key: str, definite: bool) -> str | None:
        """The actor whose Arabic canonical name has this article-less key (words joined by spaces), with the
        same article rule as `ar_hit`."""
        if not definite and key in self._ar_names_definite:
            return None
        return self.ar_names.get(key)

    def ar_profile(self, tok: str) -> tuple:
        """Everything the Arabic passes need to know about one token, computed once per distinct token:
        (is_arabic, norm, inner_key, dictionary candidates [(key, skip, definite)], title key, org head,
        given-name)."""
        p = self._ar_prof.get(tok)
        if p is not None:
            return p
        if arabic.is_arabic_word(tok):
            k = arabic.norm(tok)
            cands = tuple(c for c in arabic.candidates(tok) if (c[0],) in self.ar or (c[0],) in self.ar_prefix)
            first_ok = (tok not in _AR_NOT_NAME_RAW and (k in self.first_ar or k in _AR_PARTICLES)) or (
                k[:1] == "و" and tok[1:] not in _AR_NOT_NAME_RAW and (k[1:] in self.first_ar or k[1:] in _AR_PARTICLES))
            head = _ar_bare(tok)
            p = (True, k, arabic.inner_key(tok), cands, _ar_title_start(tok),
                 head if head in _AR_ORG_HEADS else None, first_ok)
        else:
            cands = ((tok, 0, False),) if tok[:1].isdigit() and ((tok,) in self.ar or (tok,) in self.ar_prefix) else ()
            p = (False, tok, tok, cands, None, None, False)
        if len(self._ar_prof) < 500_000:
            self._ar_prof[tok] = p
        return p

    def match_ar(self, toks: list[tuple[str, int, int]], profs: list[tuple] | None = None
                 ) -> list[tuple[int, int, str, str, int]]:
        """Longest dictionary matches on Arabic tokens: (tok_start, tok_end_excl, actor_id, kind, skip)
        where `skip` is how many leading characters of the first token are clitics, not name. An entry
        only ever written with the article matches only a token that has it (`الكاميرون`, `بالكاميرون`,
        `للكاميرون` are Cameroon; `كاميرون` alone is not)."""
        if profs is None:
            profs = [self.ar_profile(t) for t, _, _ in toks]
        out = []
        n = len(toks)
        ar, pref, mx, defs = self.ar, self.ar_prefix, self.ar_max, self.ar_definite
        i = 0
        while i < n:
            best = None
            for cand, skip, definite in profs[i][3]:
                k = (cand,)
                j = i + 1
                while True:
                    hit = ar.get(k)
                    if hit is not None and (best is None or j > best[1]) and (definite or k not in defs):
                        best = (i, j, hit[0], hit[1], skip)
                    if k not in pref or j >= n or j - i >= mx:
                        break
                    k = (*k, profs[j][2])
                    j += 1
            if best:
                out.append(best)
                i = best[1]
            else:
                i += 1
        return out


def _read_csv(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


@lru_cache(maxsize=1)
def load_lexicon() -> ActorLexicon:
    lex = ActorLexicon(_read_csv(REF_DIR / "actors.csv"), _read_csv(REF_DIR / "actors_aliases.csv"))
    for r in _read_csv(REF_DIR / "actors_first_names.csv"):
        if r["language"] == "ar":
            lex.first_ar.add(arabic.norm(r["name"]))
        else:
            lex.first_en.add(r["name"])
    return lex


# ----------------------------------------------------------------------------------------------------------
# English discovery: titles, appositions, filters

_TITLE_WORDS = {
    "president", "minister", "prime", "king", "queen", "prince", "princess", "emir", "sultan", "sheikh",
    "general", "major", "colonel", "lieutenant", "captain", "admiral", "marshal", "commander", "brigadier",
    "director", "head", "chief", "chairman", "chairwoman", "chair", "secretary", "spokesman", "spokeswoman",
    "spokesperson", "ambassador", "envoy", "delegate", "governor", "mayor", "senator", "representative",
    "deputy", "vice", "leader", "official", "adviser", "advisor", "counsellor", "counselor", "coordinator",
    "founder", "ceo", "executive", "judge", "prosecutor", "attorney", "mr", "mrs", "ms", "dr", "sir", "lord",
    "pope", "ayatollah", "imam", "cardinal", "bishop", "rep", "sen", "gov", "gen", "col", "lt", "sgt",
    "sergeant", "officer", "researcher", "analyst", "professor", "expert", "journalist", "editor", "correspondent",
    "reporter", "economist", "lawyer", "activist", "member", "commissioner", "administrator", "superintendent",
    "inspector", "manager", "candidate", "nominee", "speaker", "treasurer", "chancellor", "consul", "diplomat",
    "analysts", "campaign", "undersecretary", "assistant", "strategist", "pollster", "mp", "lawmaker",
    "congressman", "congresswoman", "justice", "president-elect", "premier", "foreign", "interior", "defense",
    "defence", "finance", "state", "special", "high", "senior", "former", "acting", "general-director",
}
_ROLE_HEAD = re.compile(
    r"^(?:the\s+|a\s+|an\s+|who\s+(?:is|was|has been)\s+(?:the\s+|a\s+|an\s+)?|then[-\s])?"
    r"(?:(?:former|current|acting|deputy|vice|senior|chief|top|new|then|interim|assistant|special|general|"
    r"executive|national|regional|foreign|interior|defen[cs]e|US|U\.S\.|(?-i:[A-Z][\w’'.-]*))\s+)*"
    r"(?:director|head|chief|chairman|chairwoman|chair|secretary|spokes(?:man|woman|person)|ambassador|envoy|"
    r"delegate|governor|mayor|senator|minister|president|leader|official|advis[eo]r|coordinator|founder|ceo|"
    r"judge|prosecutor|attorney|researcher|analyst|professor|expert|journalist|editor|correspondent|reporter|"
    r"economist|lawyer|activist|member|commissioner|administrator|manager|candidate|nominee|speaker|"
    r"chancellor|consul|diplomat|in\s+charge|commander|general|officer|king|prince|emir|sheikh|premier|"
    r"undersecretary|strategist|pollster|lawmaker|congress(?:man|woman)|representative|author|owner|"
    r"president-elect|general\s+director|director\s+general|director-general)\b",
    re.IGNORECASE,
)
_STOP_PERSON = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "leave", "reply", "comment", "comments", "photo", "file", "read", "also", "share", "tweet", "email",
    "print", "advertisement", "related", "video", "watch", "menu", "home", "subscribe", "login", "sign",
    "god", "allah", "islam", "sharia", "quran", "coronavirus", "covid", "twitter", "facebook", "instagram",
    "youtube", "whatsapp", "google", "internet", "web", "page", "select", "media", "id", "archive", "opinion",
    "news", "copyright", "all", "rights", "reserved", "click", "here", "more", "sahel", "sahara", "maghreb",
}
_SPEAKER_VERBS = re.compile(r"^\s*(?:said|says|told|added|stated|noted|explained|claimed|stressed|asked)\b")


_SPEAKER_VERB_BEFORE = re.compile(r"\b(?:said|says|told|added|asked|wrote)\s+$")


def _clean_span(text: str, s: int, e: int) -> tuple[int, int]:
    """Trim leading `the`, trailing possessive and punctuation from an entity span."""
    sub = text[s:e]
    m = re.match(r"(?:the|The|THE)\s+", sub)
    if m:
        s += m.end()
    while e > s and text[e - 1] in " .,;:-–—\"'“”‘’«»()[]":
        e -= 1
    if text[e - 2:e] in ("'s", "’s") and e - 2 > s:
        e -= 2
    while s < e and text[s] in " .,;:-–—\"'“”‘’«»()[]":
        s += 1
    return s, e


_NOT_FIRST_WORD = {"african", "european", "asian", "american", "arab", "western", "eastern", "northern",
                   "southern", "islamic", "muslim", "christian", "jewish", "international", "national", "global",
                   "united", "royal", "new", "old", "great", "holy", "operation", "project", "mount", "lake"}


def _good_person(surface: str) -> bool:
    words = surface.split()
    if not words or len(words) > 6 or len(surface) < 3:
        return False
    if words[0].lower() in _NOT_FIRST_WORD:
        return False
    if re.search(r"\b[A-Z]?[a-z]{3,}[A-Z]", surface):
        return False  # run-together text (`StrategyKhiame`)
    if words[-1].lower() in _NOT_ACTOR_LAST:
        return False
    if any(ch.isdigit() for ch in surface) or "\n" in surface or "@" in surface or "/" in surface:
        return False
    if not all(w[:1].isupper() or w.lower() in _LOWER_OK for w in re.split(r"[\s-]+", surface) if w):
        return False
    if all(w.lower().strip(".,") in _STOP_PERSON for w in words):
        return False
    if words[0].lower() in _STOP_PERSON and len(words) == 1:
        return False
    return not (surface.isupper() and len(words) > 1)


def _good_org(surface: str) -> bool:
    if len(surface) < 2 or len(surface) > 80 or "\n" in surface:
        return False
    words = surface.split()
    if not words or len(words) > 9:
        return False
    if not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return False
    if all(w.lower().strip(".,|:") in _STOP_PERSON for w in words):
        return False
    return not re.fullmatch(r"[\W\d_]+", surface)


_MEDIA_HINT = re.compile(r"\b(?:news|times|post|herald|tribune|journal|gazette|press|tv|television|radio|"
                         r"channel|daily|magazine|agency|online|network|telegraph|guardian|observer)\b", re.I)
_ORG_HINT = re.compile(r"\b(?:News|Times|Post|Herald|Tribune|Journal|Gazette|Press|TV|Radio|Party|Council|"
                       r"Committee|Commission|Ministry|Department|Agency|Bureau|Office|Institute|University|"
                       r"Foundation|Association|Union|Organi[sz]ation|Corporation|Company|Bank|Group|Court|"
                       r"Parliament|Assembly|Senate|Congress|Army|Police|Forces|Front|Movement|Network|"
                       r"Federation|Confederation|League|Alliance|Coalition|Society|Chamber|Board|Authority|"
                       r"Service|Administration|Directorate)\b")
_ORG_LAST = re.compile(r"\b(?:Services|Security|Markets|Bank|Studios?|Capital|Group|Holdings|Motors|Airlines|"
                       r"Airways|Inc|Corp|Ltd|plc|PLC|Partners|Associates|Fund|Trust|Insurance|Energy|"
                       r"Communications|Systems|Technologies|Pharmaceuticals|Exchange|Agency|Council|Party|"
                       r"Ministry|Commission|Institute|University|Foundation)\.?$")
_MEDIA_CUE = re.compile(r"(?:newspaper|daily|channel|television|TV|magazine|website|news\s+agency|agency|"
                        r"outlet|broadcaster)\s*[“\"']?\s*$", re.I)


def _country_of_span(lex: ActorLexicon, text: str, s: int, e: int) -> str | None:
    """The country an (English) role text points to: a country/demonym, or the country of an org in it."""
    toks = en_tokens(text[s:e])
    found = []
    for a, _b, aid, kind in lex.match_en(text[s:e], toks):
        r = lex.rows.get(aid)
        if r and r["country_iso3"]:
            # an organisation's country first (`... at the Algerian Ministry`), then demonyms, then names
            rank = 0 if r["actor_type"] != "COUNTRY" else 1 if kind == "DEMONYM" else 2
            found.append((rank, a, r["country_iso3"]))
    return min(found)[2] if found else None


_CAMEO_ROLE = [
    (re.compile(r"intelligen|spy|espionage|surveillance", re.I), "SPY"),
    (re.compile(r"police|judicial|security|investigat|interior", re.I), "COP"),
    (re.compile(r"army|military|general|colonel|admiral|defen[cs]e|commander|armed forces", re.I), "MIL"),
    (re.compile(r"president|prime minister|minister|king|emir|sultan|ambassador|delegate|government|"
                r"foreign affairs|secretary of state|premier|envoy|consul|diplomat", re.I), "GOV"),
    (re.compile(r"senator|parliament|lawmaker|deputy|congress|MP\b|legislat", re.I), "LEG"),
    (re.compile(r"judge|court|prosecutor", re.I), "JUD"),
    (re.compile(r"party|opposition", re.I), "OPP"),
    (re.compile(r"journalist|editor|newspaper|correspondent|reporter|media", re.I), "MED"),
    (re.compile(r"researcher|professor|analyst|expert|university|academic", re.I), "EDU"),
]


def _org_cameo_of_span(lex: ActorLexicon, text: str, s: int, e: int) -> str | None:
    """CAMEO code of the first dictionary organisation named in a role (`director of the FBI` -> USACOP)."""
    for _a, _b, aid, _kind in lex.match_en(text[s:e], en_tokens(text[s:e])):
        r = lex.rows.get(aid)
        if r and r["actor_type"] in ("ORGANIZATION", "MEDIA") and r["cameo_code"] and len(r["cameo_code"]) > 3:
            return r["cameo_code"]
    return None


def cameo_for_role(iso3: str | None, role: str | None) -> str | None:
    if not iso3:
        return None
    if role:
        for rx, suffix in _CAMEO_ROLE:
            if rx.search(role):
                return iso3 + suffix
    return iso3


def _strip_country_words(lex: ActorLexicon, title: str) -> str:
    """`Algerian Prime Minister` -> `Prime Minister`; `Algeria’s Prime Minister` -> `Prime Minister`."""
    toks = en_tokens(title)
    drop = set()
    for a, b, aid, _kind in lex.match_en(title, toks):
        if lex.rows.get(aid, {}).get("actor_type") == "COUNTRY" and a == 0:
            drop.update(range(a, b))
            if b < len(toks) and toks[b][0] in ("'s", "’s"):
                drop.add(b)
    keep = [t for i, t in enumerate(toks) if i not in drop]
    if not keep:
        return title.strip()
    return title[keep[0][1]:keep[-1][2]].strip()


_LEFT_TITLE = re.compile(
    r"((?:[A-Z][\w’'.-]*|of|the|for|and|to|de|’s|'s)(?:\s+(?:[A-Z][\w’'.-]*|of|the|for|and|to|de|’s|'s))*)\s+$"
)


def _left_title(lex: ActorLexicon, text: str, s: int, lo: int) -> tuple[int, str, int] | None:
    """A capitalised title run right before a name: `Algerian Prime Minister`, `Major General`, `King`,
    `Head of Foreign Intelligence` (after `... Nasser Bourita and`). Returns (title_start, title, run_start)."""
    seg = text[max(lo, s - 160):s]
    cut = max((m.end() for m in re.finditer(r"[.!?;:|\n)(\]\[“”\"«»,–—]\s*", seg)), default=0)
    seg = seg[cut:]
    m = _LEFT_TITLE.search(seg)
    if not m:
        return None
    run = m.group(1)
    run_start = s - len(seg) + m.start(1)
    # leading lowercase words and sentence-initial fillers are not part of the title
    lead = re.match(r"(?:(?:of|the|for|and|to|de|’s|'s|In|On|At|As|And|But|Meanwhile|While|When|After|Before|"
                    r"Then|The|A|An|Earlier|Later|Also|However|Yet|So|Former)\s+)+", run)
    if lead:
        run_start += lead.end()
        run = run[lead.end():]
    words = [w.lower().strip(".") for w in re.findall(r"[\w’'.-]+", run)]
    start = run_start
    # `X and Head of Foreign Intelligence Y`: the title of Y is the last conjunct when it has a title word
    parts = list(re.finditer(r"\s+and\s+", run))
    tail_ok = False
    if parts:
        tail = run[parts[-1].end():]
        tw = [w.lower().strip(".") for w in tail.split()]
        if any(w in _TITLE_WORDS for w in tw) and len(tw) <= 10:
            start = run_start + parts[-1].end()
            tail_ok = True
    if not tail_ok and (not words or not any(w in _TITLE_WORDS for w in words) or len(words) > 14):
        return None
    title = text[start:s].strip()
    if not title:
        return None
    return start, title, run_start


def _right_role(text: str, e: int, hi: int) -> tuple[int, int, str] | None:
    """An apposition after a name: `, director of the Central Office for Judicial Research,`."""
    if text[e:e + 2] not in (", ", ",\u00a0"):
        return None
    rs = e + 2
    seg = text[rs:min(hi, rs + 200)]
    m = _ROLE_HEAD.match(seg)
    if not m:
        return None
    stop = re.search(r",|;|\.(?:\s|$)|\)|\(|\s[–—-]\s|\n|\s+(?:said|says|told|who|which|to\s+(?:Washington|[A-Z]))\b",
                     seg[m.end():])
    end = rs + m.end() + (stop.start() if stop else len(seg) - m.end())
    role = text[rs:end].strip()
    role_s = rs
    lead = re.match(r"(?:the|a|an|who\s+(?:is|was|has been))\s+", role, re.I)
    if lead:
        role_s += lead.end()
        role = role[lead.end():]
    return role_s, end, role


_HOSTED_ROLE = re.compile(r"\b(?:ambassador|envoy|consul|representative|delegate|charg[eé] d.affaires)\s+"
                          r"(?:in|to|at)\b", re.I)
_ITS_ROLE = re.compile(r"\b(?:its|their)\s+((?:former\s+|new\s+|then\s+)?(?:ambassador|envoy|consul|representative|"
                       r"delegate|foreign\s+minister|minister|president|prime\s+minister|spokes(?:man|woman|person)|"
                       r"chief|head|director|leader)\b[^,;:.]*)$", re.I)


def _its_role_comma(text: str, s: int, lo: int) -> tuple[int, int, str, tuple[int, int]] | None:
    """`Algeria recalled its ambassador in Rabat, Abdelhamid Abdaoui,`: the role after `its`, and the span
    before it where the owner (the clause's subject) is named."""
    if text[s - 2:s] != ", ":
        return None
    seg_s = max(lo, s - 200)
    seg = text[seg_s:s - 2]
    cut = max(seg.rfind("."), seg.rfind(";"), seg.rfind("\n"), seg.rfind(","))
    m = _ITS_ROLE.search(seg, cut + 1)
    if not m:
        return None
    return seg_s + m.start(1), seg_s + m.end(1), m.group(1), (seg_s + cut + 1, seg_s + m.start())


def _left_role_comma(text: str, s: int, lo: int) -> tuple[int, int, str] | None:
    """`the head of Morocco’s Central Bureau of Judicial Investigation (BCIJ), Abdelhak Khiame,`."""
    if text[s - 2:s] != ", ":
        return None
    seg_s = max(lo, s - 200)
    seg = text[seg_s:s - 2]
    cut = max(seg.rfind(","), seg.rfind("."), seg.rfind("–"), seg.rfind(";"), seg.rfind("\n"))
    body = seg[cut + 1:]
    off = seg_s + cut + 1 + (len(body) - len(body.lstrip()))
    body = body.strip()
    m = _ROLE_HEAD.match(body)
    if not m or m.start() != 0:
        return None
    lead = re.match(r"(?:the|a|an)\s+", body, re.I)
    if lead:
        off += lead.end()
        body = body[lead.end():]
    return off, off + len(body), body


# ----------------------------------------------------------------------------------------------------------
# Arabic discovery

_AR_TITLES = [arabic.phrase_key(t) for t in (
    "رئيس الوزراء", "رئيس الحكومة", "رئيس الجمهورية", "ولي العهد", "الأمين العام", "وزير الخارجية", "وزير الداخلية",
    "وزير الدفاع", "المتحدث باسم", "الناطق باسم", "المتحدث الرسمي", "الناطق الرسمي", "نائب الرئيس",
    "الرئيس", "رئيس", "وزير", "الوزير", "وزيرة", "السفير", "سفير", "سفيره", "سفيرها", "الملك", "ملك", "الأمير",
    "أمير", "الشيخ", "الجنرال", "اللواء", "العقيد", "الفريق", "العميد", "العاهل", "المشير", "الرائد", "النقيب",
    "المتحدث", "الناطق", "مدير", "المدير", "قائد", "القائد", "زعيم", "الزعيم", "المبعوث", "مبعوث", "الممثل",
    "النائب", "السيناتور", "المستشار", "مستشار", "الدكتور", "السيد", "السيدة", "الكاتب", "الصحفي", "الصحافي",
    "الباحث", "المحلل", "الخبير", "الأستاذ", "البروفيسور", "الإمام", "الداعية", "المرشح", "القاضي", "المحامي",
    "الأمين", "رئيسة", "الرئيسة", "الوزيرة", "النائبة", "المتحدثة", "الناطقة", "الفنان", "الفنانة", "اللاعب",
    "المدرب", "المفتي", "حاكم", "الحاكم", "محافظ", "المحافظ", "والي", "الوالي", "عضو", "العضو", "المنسق",
    "العقيد ركن", "العقيد الركن", "اللواء ركن", "اللواء الركن", "العميد ركن", "العميد الركن", "الفريق ركن",
    "الفريق أول", "المهندس", "الشاعر", "الروائي", "الأديب", "الملا", "الحاج",
)]
_AR_TITLE_SET = {t for t in _AR_TITLES}
_AR_TITLE_FIRST = {t[0] for t in _AR_TITLES}
_AR_TITLE_MAX = max(len(t) for t in _AR_TITLES)

_AR_STOP = {arabic.norm(w) for w in """
في من على إلى الى عن مع أن إن أنه إنه انه كان كانت قد لقد لم لن لا ما ماذا هذا هذه ذلك تلك الذي التي الذين اللذين
هو هي هم هما نحن أنا بعد قبل خلال حول منذ عند عندما حيث بين ضد دون غير كل بعض أي أو أم ثم حتى إذا اذا لكن بل
يوم اليوم أمس غدا الآن حاليا سابقا أيضا فقط جدا قال وقال قالت أكد وأكد أضاف وأضاف أوضح وأشار أشار اعتبر واعتبر
رأى يرى أعلن وأعلن يقول تقول دعا ودعا طالب وطالب فور إثر اثر عقب لدى لدي نحو وفق وفقا بحسب حسب أمام وراء فوق تحت
وهو وهي وذلك لذلك كما مثل عبر ضمن بشأن إزاء تجاه أمس الأول الثاني السابق الأسبق الحالي الجديد الابن الأب نفسه ذاته
عام سنة شهر أسبوع مساء صباح ليلة له لها لهم به بها بهم فيه فيها منه منها عليه عليها إليه إليها عنه عنها معه معها
خلال الماضي المقبل القادم الجاري بأن بأنه لأن وأن وإن فإن وكان وكانت يكون تكون ليس وليس إلا الا سوى رغم
فحسب واحد واحدة المباراة قبيل بعيد الجميع خارج داخل ثلاث ثلاثة أربع أربعة خمس خمسة عدة دول جديدا
أثناء اثناء وسط طيلة طوال كلا كلاهما هناك وبأن
""".split()}
_AR_NAME_START_BAD = ("لل", "بال", "وال", "فال", "كال")
_AR_COMPOUND_FIRST = {arabic.norm(w) for w in ("عبد", "أبو", "ابو", "أبي", "ابي", "بن", "ابن", "ولد", "آل", "أم", "بنت")}

_AR_ORG_HEADS = {arabic.norm(w): t for w, t in {
    "وزارة": "ORGANIZATION", "حزب": "ORGANIZATION", "حركة": "ORGANIZATION", "جبهة": "ORGANIZATION",
    "منظمة": "ORGANIZATION", "جماعة": "ORGANIZATION", "تنظيم": "ARMED_GROUP", "مجلس": "ORGANIZATION",
    "هيئة": "ORGANIZATION", "وكالة": "ORGANIZATION", "شركة": "ORGANIZATION", "بنك": "ORGANIZATION",
    "جامعة": "ORGANIZATION", "اتحاد": "ORGANIZATION", "مؤسسة": "ORGANIZATION", "لجنة": "ORGANIZATION",
    "مديرية": "ORGANIZATION", "المديرية": "ORGANIZATION", "مكتب": "ORGANIZATION", "المكتب": "ORGANIZATION",
    "الاتحاد": "ORGANIZATION", "البنك": "ORGANIZATION", "الحزب": "ORGANIZATION", "جمعية": "ORGANIZATION",
    "صحيفة": "MEDIA", "جريدة": "MEDIA", "قناة": "MEDIA", "مجلة": "MEDIA", "إذاعة": "MEDIA", "موقع": "MEDIA",
    "وكالة أنباء": "MEDIA", "محكمة": "ORGANIZATION", "المحكمة": "ORGANIZATION", "كتائب": "ARMED_GROUP",
    "ميليشيا": "ARMED_GROUP", "مليشيا": "ARMED_GROUP", "تحالف": "ORGANIZATION", "التحالف": "ORGANIZATION",
    "البرلمان": "ORGANIZATION", "برلمان": "ORGANIZATION", "الجيش": "ORGANIZATION", "جيش": "ORGANIZATION",
    "شرطة": "ORGANIZATION", "الشرطة": "ORGANIZATION", "المجلس": "ORGANIZATION", "الهيئة": "ORGANIZATION",
    "المنظمة": "ORGANIZATION", "الحركة": "ORGANIZATION", "الجبهة": "ORGANIZATION", "الوكالة": "ORGANIZATION",
    "معهد": "ORGANIZATION", "المعهد": "ORGANIZATION", "مركز": "ORGANIZATION", "المركز": "ORGANIZATION",
    "بلدية": "ORGANIZATION", "نقابة": "ORGANIZATION", "كتلة": "ORGANIZATION", "الكتلة": "ORGANIZATION",
    "اللجنة": "ORGANIZATION", "دائرة": "ORGANIZATION", "القيادة": "ORGANIZATION", "القوات": "ORGANIZATION",
    "قوات": "ORGANIZATION", "حكومة": "ORGANIZATION", "الحكومة": "ORGANIZATION", "الإدارة": "ORGANIZATION",
    "الجامعة": "ORGANIZATION", "نشرة": "MEDIA", "المجلة": "MEDIA", "الصحيفة": "MEDIA", "الجريدة": "MEDIA",
    "القناة": "MEDIA", "فضائية": "MEDIA", "ائتلاف": "ORGANIZATION", "الائتلاف": "ORGANIZATION",
    "المفوضية": "ORGANIZATION", "مفوضية": "ORGANIZATION", "السلطة": "ORGANIZATION", "سلطة": "ORGANIZATION",
    "الأمانة": "ORGANIZATION", "النيابة": "ORGANIZATION", "نيابة": "ORGANIZATION", "المخابرات": "ORGANIZATION",
    "مخابرات": "ORGANIZATION", "جهاز": "ORGANIZATION", "الاستخبارات": "ORGANIZATION", "مصلحة": "ORGANIZATION",
}.items()}
_AR_MEDIA_HEADS = {arabic.norm(w) for w in ("صحيفة", "جريدة", "قناة", "مجلة", "إذاعة", "موقع", "يومية", "أسبوعية")}
_AR_QUOTES = set("\"«»“”'")


@lru_cache(maxsize=262144)
def _ar_title_start(tok: str) -> str | None:
    """The article-less key of a token that can start a title (`الرئيس`, `لسفيره` -> `رئيس`, `سفيره`)."""
    if not arabic.is_arabic_word(tok):
        return None
    b = _ar_bare(tok)
    key0 = arabic.strip_article(b)
    if key0 in _AR_TITLE_FIRST:
        return key0
    if b in _AR_TITLE_FIRST:
        return b
    return None


@lru_cache(maxsize=262144)
def _ar_bare(tok: str) -> str:
    """Token normalised, with one leading conjunction/preposition removed (for heads and titles)."""
    k = arabic.norm(tok)
    if k.startswith(("لل", "ولل")) and len(k) > 4:
        rest = "ال" + k[k.index("لل") + 2:]
        if arabic.strip_article(rest) in _AR_TITLE_FIRST or rest in _AR_ORG_HEADS:
            return rest
    for p in ("وب", "ول", "و", "ف", "ب", "ل", "ك"):
        if k.startswith(p) and len(k) - len(p) >= 3:
            rest = k[len(p):]
            if rest in _AR_ORG_HEADS or rest in _AR_TITLE_FIRST or arabic.strip_article(rest) in _AR_TITLE_FIRST:
                return rest
    return k


# ----------------------------------------------------------------------------------------------------------
# extraction


class _Acc:
    """Accumulates mentions and actor rows for a batch."""

    def __init__(self, lex: ActorLexicon):
        self.lex = lex
        self.mentions: list[dict] = []
        self.actors: dict[str, dict] = {}

    def actor_row(self, aid: str, **kw) -> dict:
        row = self.actors.get(aid)
        if row is None:
            base = self.lex.rows.get(aid)
            row = dict(base) if base else {"actor_id": aid, "canonical_name": None, "canonical_name_ar": None,
                                           "actor_type": None, "country_iso3": None, "cameo_code": None,
                                           "role": None}
            self.actors[aid] = row
        for k, v in kw.items():
            if v and not row.get(k):
                row[k] = v
        return row


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what `\w` matches


def _phrase_spans(text: str, words: list[str]):
    r"""(start, end) of each occurrence of `words` separated by whitespace, left to right without overlap, not
    glued to a word before (or a `.`) or after: what `(?<![\w.])w1\s+w2...(?!\w)` finds, without compiling
    a pattern per name and article (Python's regex cache of 512 patterns thrashed on the names of a batch)."""
    if not words:
        return
    n, first, pos = len(text), words[0], 0
    while (i := text.find(first, pos)) >= 0:
        j = i + len(first)
        ok = i == 0 or not (_word_char(text[i - 1]) or text[i - 1] == ".")
        for w in words[1:]:
            if not ok:
                break
            k = j
            while k < n and text[k].isspace():
                k += 1
            ok = k > j and text.startswith(w, k)
            j = k + len(w)
        if ok and not (j < n and _word_char(text[j])):
            yield i, j
            pos = j
        else:
            pos = i + 1


def _sentence_index(starts: list[int], pos: int) -> int | None:
    if not starts:
        return None
    i = bisect.bisect_right(starts, pos) - 1
    return max(i, 0)


def _add_mention(acc, doc_mentions, article_id, aid, s, e, text, kind, role, starts):
    doc_mentions.append({
        "mention_id": stable_id("mention", article_id, s, e, aid),
        "article_id": article_id,
        "actor_id": aid,
        "surface_text": text[s:e],
        "char_start": s,
        "char_end": e,
        "sentence_index": _sentence_index(starts, s),
        "mention_kind": kind,
        "role": role,
    })


_NOT_ACTOR_LAST = {"accords", "accord", "agreement", "agreements", "treaty", "exercise", "exercises", "forum",
                   "summit", "conference", "day", "act", "law", "war", "cup", "games", "plan", "strategy",
                   "protocol", "declaration", "process", "prize", "award", "festival", "olympics", "week",
                   "street", "avenue", "square", "airport", "hotel", "bridge", "river", "mountains", "desert",
                   "region", "province", "city", "island", "islands", "coast", "valley", "index", "report",
                   "show", "programme", "program", "podcast", "series", "documentary"}
_PARTY_WORD = re.compile(r"\b(?:Dems?|GOP|Labour|Party)\b")
_WORK_CUE = re.compile(r"\b(?:book|memoir|novel|film|movie|documentary|album|song|programme|program|column|"
                       r"entitled|titled|called)[,:]?\s*[\"“‘']?\s*(?:the\s+|The\s+)?$")
_NOT_GIVEN_ALONE = {"king", "queen", "prince", "president", "general", "sheikh", "mohammed", "muhammad",
                    "mohamed", "abdul", "abdel", "abu", "saint", "lord", "lady", "judge", "will", "mark", "may"}
_EVENT_NEXT = re.compile(r"(?:['’]s)?\s+(?:(?:military|naval|joint|air|annual|multinational|international)\s+)*"
                         r"(?:exercises?|drills?|man(?:oeu|eu)vres?|maneuvers?|war\s+games|games|festival|cup|"
                         r"award|prize|treaty|accords?|agreement|marathon|tournament|championship)\b", re.I)
_WORK_LAST = {"show", "programme", "program", "podcast", "series", "documentary"}
_LOCATIVE_EN = {"in", "at", "from", "to", "into", "near", "outside", "via", "through", "across", "around",
                "inside", "toward", "towards", "within", "of"}
_HEADLINE_FN = {"a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "with", "at", "by", "from", "as",
                "is", "its", "vs", "after", "over", "into", "|", "-", "–", ":"}


def _headline_spans(text: str) -> list[tuple[int, int]]:
    """Lines that look like headlines or page furniture (Title Case, no full stop, or `a | b`): no
    discovery there (the dictionary still matches)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        st, en = pos, pos + len(line)
        pos = en + 1
        words = line.split()
        if not words:
            continue
        # the article's title line (first line, then a blank line) may end with a full stop
        title = st == 0 and text[en:en + 2] == "\n\n"
        if " | " in line or (len(words) <= 20 and (title or not re.search(r"[.!?;:”\"]\s*$", line))):
            content = [w for w in words if w.lower() not in _HEADLINE_FN]
            caps = sum(1 for w in content if w[:1].isupper() or w[:1].isdigit())
            if " | " in line or (content and caps / len(content) >= 0.7 and len(words) >= 2):
                out.append((st, en))
    return out


_BREAK_IN_LINE = re.compile(r"\n(?=\S)")


def _unwrap(text: str) -> str:
    """Hard-wrapped wire text (`President Reagan said the United\nStates would ...`, Reuters): the line
    breaks inside paragraphs become spaces (same length, so offsets do not move) for the analysis, so a name
    broken over two lines is one name and wrapped lines are not taken for headlines. A text is wrapped when
    at least 3 and at least a third of its line breaks follow a line of 45+ characters ending in a word
    or a comma; paragraph breaks (a blank line, or an indented next line) stay."""
    if text.count("\n") < 3:
        return text
    breaks = [m.start() for m in _BREAK_IN_LINE.finditer(text)]
    if len(breaks) < 3:
        return text
    wrapped = 0
    for i in breaks:
        ls = text.rfind("\n", 0, i) + 1
        if i - ls >= 45 and (text[i - 1].isalnum() or text[i - 1] in ",;-"):
            wrapped += 1
    if wrapped < 3 or wrapped * 3 < len(breaks):
        return text
    chars = list(text)
    for i in breaks:
        chars[i] = " "
    return "".join(chars)


def _unwrapped_starts(stored: str, text: str, starts: list[int]) -> list[int]:
    """Sentence starts without those the sentence table put at a wrapped line break (`Ambassador Max\n
    Kampelman`): the model must read the name whole."""
    if text is stored:
        return starts
    return [s for s in starts if not (s > 0 and stored[s - 1] == "\n" and text[s - 1] == " ")]


def _in_spans(spans, s, e) -> bool:
    return any(a <= s and e <= b for a, b in spans)


def _first_name_persons(lex: ActorLexicon, text: str, toks) -> list[tuple[int, int]]:
    """`Nabil Andalusi`, `Emanuela Claudia Del Re`: a known given name followed by capitalised words."""
    out = []
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i][0]
        if t in lex.first_en and i + 1 < n:
            j = i + 1
            while j < n and j - i < 5:
                tj = toks[j][0]
                if toks[j][1] - toks[j - 1][2] > 1 or "\n" in text[toks[j - 1][2]:toks[j][1]]:
                    break
                if (tj[:1].isupper() and tj.isalpha()) or tj.lower() in ("de", "del", "al", "el", "bin", "ben",
                                                                       "van", "von", "da", "le", "la"):
                    j += 1
                    continue
                break
            while j > i + 1 and not toks[j - 1][0][:1].isupper():
                j -= 1
            if j >= i + 2 and _good_person(text[toks[i][1]:toks[j - 1][2]]):
                out.append((toks[i][1], toks[j - 1][2]))
                i = j
                continue
        i += 1
    return out


def _extract_en(acc: _Acc, article_id: str, stored: str, ents: list[tuple[int, int, str]], starts: list[int],
                toks: list[tuple[str, int, int]] | None = None, hits: list[tuple[int, int, str, str]] | None = None):
    """Mentions of one English text. `toks` / `hits`: `en_tokens` and `lex.match_en` of `_unwrap(stored)`, when
    the caller has them already."""
    lex = acc.lex
    text = _unwrap(stored)  # analysis text; mentions' surfaces come from the stored text (same offsets)
    if toks is None:
        toks = en_tokens(text)
    occupied: list[tuple[int, int]] = []
    mentions: list[dict] = []
    heads = _headline_spans(text)
    sent_starts = set(starts) | {0}

    def free(s, e):
        return all(e <= a or s >= b for a, b in occupied)

    def sentence_initial(s):
        if s in sent_starts:
            return True
        before = text[max(0, s - 3):s]
        return bool(re.search(r"(?:^|[.!?\n]\s*[\"“]?)\s*$", before)) or s == 0

    # 1. dictionary matches; people among them go through the person step (titles, roles)
    dict_hits = []
    for a, b, aid, kind in (lex.match_en(text, toks) if hits is None else hits):
        if kind == "METONYM" and a > 0 and toks[a - 1][0].lower() in _LOCATIVE_EN:
            continue  # `arrived in Rabat`: the capital as a place, not its government
        dict_hits.append((toks[a][1], toks[b - 1][2], aid, kind))

    # 2. person and organisation candidates from spaCy, re-checked; names from given names
    persons: dict[tuple[int, int], str | None] = {}  # span -> dictionary actor id (or None)
    orgs: list[tuple[int, int]] = []
    for s0, e0, label in ents:
        s, e = _clean_span(text, s0, e0)
        if e <= s or _in_spans(heads, s, e):
            continue
        surf = text[s:e]
        inside = [h for h in dict_hits if h[0] >= s and h[1] <= e]
        if inside and (inside[0][0], inside[0][1]) == (s, e):
            continue  # exactly a dictionary actor
        m_title = re.match(r"(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord)\.?\s+", surf)
        if label == "ORG" and m_title:  # `Mr Ebbers` tagged ORG: a person after a title
            s += m_title.end()
            surf = text[s:e]
            label = "PERSON"
        if label == "NORP" and surf.isupper() and len(surf) >= 3 and not inside:
            label = "ORG"  # `NYPD` tagged as a nationality: an acronym no dictionary knows as a people
        if label == "PERSON" and ((len(surf.split()) >= 2 and _ORG_LAST.search(surf)) or _PARTY_WORD.search(surf)):
            label = "ORG"  # `Financial Services`, `Credit Bank`, `Lib Dems`: organisation words, not names
        if _WORK_CUE.search(text[max(0, s - 30):s]) or surf.split()[-1].lower() in _WORK_LAST \
                or _EVENT_NEXT.match(text, e):
            continue  # `her 2003 book, Living History`, `The Steve Harvey Morning Show`, `the African Lion
            # military exercises`: the name of a work or an event, not an actor
        if label == "PERSON" or (label in ("ORG", "FAC", "GPE", "NORP") and not inside and _good_person(surf)
                                 and (_right_role(text, e, len(text)) or surf.split()[0] in lex.first_en)):
            if inside and any(lex.rows[h[2]]["actor_type"] != "PERSON" for h in inside):
                first = inside[0]
                # `Moroccan King Mohammed VI` tagged as one PERSON: cut the leading country word
                if first[0] == s and lex.rows[first[2]]["actor_type"] == "COUNTRY":
                    s = first[1]
                    while s < e and text[s] in " ’'s":
                        s += 1
                    surf = text[s:e]
                elif not (label == "PERSON" and surf.split()[0] in lex.first_en and len(surf.split()) >= 2
                          and all(lex.rows[h[2]]["actor_type"] == "COUNTRY" and h[0] > s for h in inside)):
                    continue
                # else `Chuck Jordan`: a given name, then a word that is also a country: the person
            last = surf.split()[-1].lower() if surf.split() else ""
            if _good_person(surf) and last not in _NOT_ACTOR_LAST:
                persons.setdefault((s, e), None)
        elif (label == "ORG" or (label in ("FAC", "GPE", "NORP") and _ORG_HINT.search(surf))) and _good_org(surf):
            words = surf.split()
            if words[-1].lower() in _NOT_ACTOR_LAST:
                continue
            if len(words) == 1 and not re.search(r"[A-Z].*[A-Z]|\d", surf) and sentence_initial(s) \
                    and text.count(surf) < 2:
                continue  # `Unofficial sources said`: a capitalised first word, not an organisation
            orgs.append((s, e))
    for s, e in _first_name_persons(lex, text, toks):
        if not _in_spans(heads, s, e) and not any(h[0] < e and s < h[1] and lex.rows[h[2]]["actor_type"] != "PERSON"
                                                  for h in dict_hits):
            if not any(ps <= s and e <= pe for ps, pe in persons):
                persons = {k: v for k, v in persons.items() if not (s <= k[0] and k[1] <= e)}
                persons[(s, e)] = None

    for s, e, aid, kind in dict_hits:
        covering = [p for p in persons if p[0] <= s and p[1] >= e and (p[1] - p[0]) > (e - s)]
        if covering:
            continue  # a longer name (`Abdelhak Khiame` around `Khiame`) is handled as a person
        if lex.rows[aid]["actor_type"] == "PERSON":
            persons = {k: v for k, v in persons.items() if not (k[0] < e and s < k[1])}
            persons[(s, e)] = aid
            continue
        _add_mention(acc, mentions, article_id, aid, s, e, stored, kind, None, starts)
        occupied.append((s, e))
        acc.actor_row(aid)

    # 3. organisations from spaCy (not already matched); acronyms defined in parentheses
    acronyms: dict[str, str] = {}
    org_seen: dict[str, str] = {}  # organisation names found once: found again where the model missed them
    name_words = {w for ps, pe in persons for w in text[ps:pe].split()[-1:] + text[ps:pe].split()[:1]
                  if (pe - ps) > len(w)}
    for s, e in orgs:
        if any(p[0] < e and s < p[1] for p in persons) or text[s:e] in name_words:
            continue  # `Braks` tagged ORG after `Gerrit Braks` tagged PERSON: the person's surname
        if not free(s, e):
            # `The U.S. Department of Justice`: an organisation name around a country word wins over it
            inner = [m for m in mentions if m["char_start"] < e and s < m["char_end"]]
            if not (_ORG_HINT.search(text[s:e]) and inner and all(
                    s <= m["char_start"] and m["char_end"] <= e and (m["char_start"], m["char_end"]) != (s, e)
                    and lex.rows.get(m["actor_id"], {}).get("actor_type") == "COUNTRY" for m in inner)):
                continue
            mentions[:] = [m for m in mentions if not any(m is x for x in inner)]
            occupied[:] = [o for o in occupied if not (s <= o[0] and o[1] <= e)]
        surf = text[s:e]
        aid = _lookup_whole(lex, surf)
        if aid is None:
            typ = "ORGANIZATION"
            if _MEDIA_HINT.search(surf) or _MEDIA_CUE.search(text[max(0, s - 40):s]):
                typ = "MEDIA"
            key_name = acronyms.get(surf, surf)
            aid = org_actor_id(key_name)
            iso = _country_of_span(lex, text, s, e)
            acc.actor_row(aid, canonical_name=key_name, actor_type=typ, country_iso3=iso,
                          cameo_code=cameo_for_role(iso, surf) if iso else None)
            m = re.match(r"\s*\(([A-Z][A-Z0-9&.-]{1,9})\)", text[e:e + 14])
            if m:
                acronyms[m.group(1)] = key_name
        else:
            acc.actor_row(aid)
        _add_mention(acc, mentions, article_id, aid, s, e, stored, "NAME", None, starts)
        occupied.append((s, e))
        if len(surf.split()) >= 2 or (surf.isupper() and len(surf) >= 2):
            org_seen.setdefault(surf, aid)

    # 4. people: full names first, then single words (surnames, or a name after a title)
    order = sorted(persons.items(), key=lambda p: (-len(text[p[0][0]:p[0][1]].split()), p[0][0]))
    full: list[tuple[str, str]] = []  # (surface, actor_id)
    singles: dict[str, str] = {}  # a one-word name accepted as a person in this article
    for (s, e), dict_aid in order:
        if not free(s, e):
            continue
        surf = text[s:e]
        ntok = len(surf.split())
        aid = dict_aid or lex.person_keys.get(person_key(surf))
        kind = "NAME" if ntok >= 2 else "ALIAS"
        if aid is None and ntok == 1:
            aid = _surname_match(full, surf)
        lo = starts[_sentence_index(starts, s) or 0] if starts else 0
        lt = _left_title(lex, text, s, lo)
        rr = _right_role(text, e, len(text))
        if rr and _SPEAKER_VERBS.match(rr[2]):
            rr = None
        if aid is None and ntok == 1 and not (lt or rr or _SPEAKER_VERBS.match(text[e:e + 12])
                                              or _SPEAKER_VERB_BEFORE.search(text[max(0, s - 12):s])):
            continue  # a lone capitalised word with nothing saying it is a person
        if aid is None:
            aid = person_actor_id(surf)
            acc.actor_row(aid, canonical_name=surf, actor_type="PERSON")
        else:
            acc.actor_row(aid)
        if ntok == 1 and aid not in lex.rows:
            singles.setdefault(surf, aid)  # `President Reagan`: `Reagan` elsewhere in the article is him too
        if ntok >= 2 and (surf, aid) not in full:
            full.append((surf, aid))
            row = acc.actors[aid]
            if row.get("canonical_name") and len(surf) > len(row["canonical_name"]) and aid not in lex.rows:
                row["canonical_name"] = surf
        role, role_span = None, None
        if lt:
            role_span = (lt[0], s)
            role = _strip_country_words(lex, lt[1])
        if rr:
            role, role_span = rr[2], (rr[0], rr[1])
        owner = None
        if not lt and not rr:
            lr = _left_role_comma(text, s, lo)
            if lr:
                role, role_span = lr[2], (lr[0], lr[1])
            else:
                lr = _its_role_comma(text, s, lo)  # `Algeria recalled its ambassador in Rabat, NAME,`
                if lr:
                    role, role_span, owner = lr[2], (lr[0], lr[1]), lr[3]
        if role:
            # `ambassador in Rabat`, `envoy to the UN`: the place after in/to hosts the diplomat; his
            # country is the one before it (`Algerian ambassador`) or the sentence's subject (`its ambassador`)
            host = _HOSTED_ROLE.search(text[role_span[0]:role_span[1]])
            own_end = role_span[0] + host.start() if host else role_span[1]
            iso = _country_of_span(lex, text, owner[0], owner[1]) if owner else None
            iso = iso or _country_of_span(lex, text, role_span[0], own_end)
            if lt and not iso:
                iso = _country_of_span(lex, text, lt[2], s)
            row = acc.actors[aid]
            if aid not in lex.rows:
                row["role"] = role
                if iso and not row.get("country_iso3"):
                    row["country_iso3"] = iso
                org_code = _org_cameo_of_span(lex, text, role_span[0], role_span[1])
                if org_code and (not row.get("country_iso3") or org_code.startswith(row["country_iso3"])):
                    row["cameo_code"] = org_code
                    row["country_iso3"] = row.get("country_iso3") or org_code[:3]
                elif row.get("country_iso3"):
                    row["cameo_code"] = cameo_for_role(row["country_iso3"], role)
            else:
                row["role"] = role
            if lt:  # the country word inside the person's own title is not a separate mention
                mentions[:] = [m for m in mentions if not (m["char_start"] >= lt[0] and m["char_end"] <= s
                                                           and lex.rows.get(m["actor_id"], {}).get("actor_type")
                                                           == "COUNTRY")]
        _add_mention(acc, mentions, article_id, aid, s, e, stored, kind, role, starts)
        occupied.append((s, e))

    # 5. full names again where the model did not read or missed them (a title line, `Hillary Clinton` in a
    # headline), surnames alone anywhere (`Hammouchi held ...` that spaCy calls a place), a given name alone
    # when one person of the article has it (`Hillary was back`), and acronyms defined here
    for fs, faid in [*full, *org_seen.items()]:
        for ms, me in _phrase_spans(text, fs.split()):
            if free(ms, me):
                _add_mention(acc, mentions, article_id, faid, ms, me, stored, "NAME", None, starts)
                occupied.append((ms, me))
    given: dict[str, set[str]] = defaultdict(set)
    for fs, faid in full:
        given[fs.split()[0]].add(faid)
    if full or acronyms or singles:
        for t, s, e in toks:
            if not t[:1].isupper() or not free(s, e):
                continue
            if t in acronyms:
                aid = org_actor_id(acronyms[t])
            elif full and len(t) >= 4 and t.lower() not in _STOP_PERSON:
                aid = _surname_match(full, t, exact_only=True) if full else None
                if aid is None and len(given.get(t, ())) == 1 and t.lower() not in _NOT_GIVEN_ALONE:
                    aid = next(iter(given[t]))
                if aid is None:
                    aid = singles.get(t)
            else:
                aid = None
            if aid:
                _add_mention(acc, mentions, article_id, aid, s, e, stored, "ALIAS", None, starts)
                occupied.append((s, e))
    return mentions


def _lookup_whole(lex: ActorLexicon, surf: str) -> str | None:
    """The dictionary actor whose name is the whole surface (`The Secret Service`), not one inside it
    (`American Federation of Teachers` is not the United States)."""
    toks = en_tokens(surf)
    if toks and toks[0][0].lower() == "the":
        toks = toks[1:]
    while toks and toks[-1][0] in ("'s", "’s", ".", ",", "'", "’"):
        toks = toks[:-1]
    if not toks:
        return None
    hits = lex.match_en(surf, toks, strict_case=False)
    if len(hits) == 1 and hits[0][0] == 0 and hits[0][1] == len(toks):
        return hits[0][2]
    return lex.person_keys.get(person_key(surf)) if len(toks) >= 2 else None


def _surname_match(full: list[tuple[str, str]], surf: str, exact_only: bool = False) -> str | None:
    """The full name in this article whose surname (or other non-first word) this single word is."""
    sk = person_key(surf)
    for fs, faid in full:
        words = fs.split()
        for w in words[1:]:
            if person_key(w) == sk:
                return faid
    if exact_only:
        return None
    for fs, faid in full:
        words = fs.split()
        if any(fuzz.ratio(w.lower(), surf.lower()) >= 85 for w in words[1:]):
            return faid
    return None


_RX_NEWLINE = re.compile(r"\n+")


def _extract_ar(acc: _Acc, article_id: str, text: str, starts: list[int]):
    lex = acc.lex
    toks = arabic.tokenize(text)
    n = len(toks)
    mentions: list[dict] = []
    used = [False] * n

    profs = [lex.ar_profile(t) for t, _, _ in toks]
    tok_starts = [t[1] for t in toks]
    line_first = {bisect.bisect_left(tok_starts, m.start()) for m in _RX_NEWLINE.finditer(text)}  # a name stops there

    # 1. dictionary
    dict_at: dict[int, dict] = {}  # first token index -> its mention
    tok_mention: dict[int, dict] = {}
    for a, b, aid, kind, skip in lex.match_ar(toks, profs):
        s, e = toks[a][1] + skip, toks[b - 1][2]
        if kind == "METONYM" and _ar_locative(toks, a, skip):
            continue  # `في مدينة أبوجا`: the capital as a place, not its government
        for k in range(a, b):
            used[k] = True
        _add_mention(acc, mentions, article_id, aid, s, e, text, kind, None, starts)
        mentions[-1]["_prefix"] = skip
        dict_at[a] = mentions[-1]
        for k in range(a, b):
            tok_mention[k] = mentions[-1]
        acc.actor_row(aid)


    def country_at(i, attribute_only: bool = False) -> str | None:
        """The country a token names; with attribute_only, only a demonym (`الجزائري`) or a bare name,
        not a place after a preposition (`بالجزائر` = in Algeria)."""
        m = tok_mention.get(i)
        if m is None:
            return None
        r = lex.rows.get(m["actor_id"])
        if not r or r["actor_type"] != "COUNTRY":
            return None
        if attribute_only and m["mention_kind"] != "DEMONYM" and m.get("_prefix"):
            return None
        return r["country_iso3"]

    full_names: list[tuple[str, str]] = []

    def emit_person(name_toks: list[int], role: str | None, iso: str | None) -> None:
        a0 = name_toks[0]
        if a0 > 0 and not used[a0 - 1] and profs[a0 - 1][1] in ("ام", "ابو") and profs[a0][1] in lex.first_ar:
            name_toks = [a0 - 1, *name_toks]  # `أم كريم`, `أبو محمود`: the kunya is the name
        forced = None
        nxt = name_toks[-1] + 1
        dm = dict_at.get(nxt)
        if len(name_toks) == 1 and dm is not None and not dm.get("_prefix") \
                and lex.rows.get(dm["actor_id"], {}).get("actor_type") == "PERSON":
            # `الرئيس جمال عبد الناصر`: a given name before a dictionary person's name is part of it
            k2 = nxt
            while k2 + 1 < n and tok_mention.get(k2 + 1) is dm:
                k2 += 1
            name_toks = [*name_toks, *range(nxt, k2 + 1)]
            mentions[:] = [m for m in mentions if m is not dm]
            forced = dm["actor_id"]
        s, e = toks[name_toks[0]][1], toks[name_toks[-1]][2]
        first = arabic.norm(toks[name_toks[0]][0])
        if first.startswith("و") and first[1:] in lex.first_ar:
            s += 1  # `وسليمان أبو العز`: the conjunction is not part of the name
        surf = text[s:e]
        aid = forced or lex.lookup(surf, "ar")
        if aid is None or lex.rows.get(aid, {}).get("actor_type") != "PERSON":
            aid = lex.person_by_skeleton(surf) if len(name_toks) >= 2 else None
        if aid is not None and len(name_toks) >= 2:
            acc.actor_row(aid, canonical_name_ar=surf)  # a dictionary person known by a Latin name only
        if aid is None:
            if len(name_toks) == 1:
                for fs, faid in full_names:
                    if arabic.norm(fs.split()[-1]) == arabic.norm(surf):
                        aid = faid
                        break
            if aid is None:
                aid = person_actor_id(surf)
                acc.actor_row(aid, canonical_name=surf, canonical_name_ar=surf, actor_type="PERSON")
        row = acc.actor_row(aid)
        if iso and not row.get("country_iso3"):
            row["country_iso3"] = iso
        if aid not in lex.rows and role:
            row["role"] = role
            if row.get("country_iso3"):
                row["cameo_code"] = cameo_for_role(row["country_iso3"], _ar_role_en(role))
        if len(name_toks) >= 2:
            full_names.append((surf, aid))
        for q in name_toks:
            used[q] = True
        _add_mention(acc, mentions, article_id, aid, s, e, text, "NAME", role, starts)

    # 2. people after titles (only tokens that can start a title are visited)
    title_at = [i for i, p in enumerate(profs) if p[4] is not None]
    in_title: set[int] = set()
    next_i = 0
    for i in title_at:
        if i < next_i:
            continue
        key0 = profs[i][4]
        # longest title
        tlen = 0
        for L in range(min(_AR_TITLE_MAX, n - i), 0, -1):
            words = [key0] + [profs[i + k][2] for k in range(1, L)]
            if tuple(words) in _AR_TITLE_SET:
                tlen = L
                break
        if not tlen:
            continue
        j = i + tlen
        iso = None
        title_mentions = []
        # complements: article-words (الخارجية, الجزائري, السابق), countries (بالجزائر), `باسم X`
        while j < n and j - i < tlen + 5:
            tj = toks[j][0]
            if not arabic.is_arabic_word(tj):
                break
            dm = dict_at.get(j)
            if dm is not None and lex.rows.get(dm["actor_id"], {}).get("actor_type") == "PERSON":
                break
            if tok_mention.get(j) is not None and country_at(j) is not None:
                iso = iso or country_at(j, attribute_only=True)
                title_mentions.append(tok_mention[j])
                j += 1
                continue
            kj = arabic.norm(tj)
            if kj.startswith("ال") or kj.startswith("بال") or kj.startswith("لل") or kj in ("باسم",):
                if kj in _AR_STOP and kj not in ("السابق", "الأسبق", "الحالي", "الجديد"):
                    break
                j += 1
                continue
            break
        role = _ar_clean_role(text[toks[i][1]:toks[j - 1][2]]) if j > i else None
        dm = dict_at.get(j)
        if dm is not None and lex.rows.get(dm["actor_id"], {}).get("actor_type") == "PERSON":
            dm["role"] = role
            row = acc.actor_row(dm["actor_id"])
            row["role"] = role
            mentions[:] = [m for m in mentions if not any(m is tm for tm in title_mentions)]
            next_i = j + 1
            continue
        in_title.update(range(i, i + tlen))
        if i > 0 and profs[i - 1][1] in _AR_NAMED_AFTER:
            for q in _ar_scan_name(lex, toks, i + tlen, used, "definite", line_first)[:2]:
                used[q] = True  # `مركز الملك فهد`, `جامعة الملك سعود`: a place named after a person
            continue
        # the name
        # `السفير`, `رئيس الوزراء`, and `مدير المكتب المركزي ...` (a title made definite by its complement)
        definite = arabic.norm(toks[i][0]).startswith(("ال", "وال", "لل", "بال")) or tlen > 1 or (
            j > i + tlen and profs[i + tlen][1].startswith("ال"))
        if tlen == 1 and j == i + 1 and key0 in _AR_AMBIGUOUS_TITLE:
            definite = False  # `الفريق` is also "the team": a known given name must follow
        name_toks = _ar_scan_name(lex, toks, j, used, "definite" if definite else "strict", line_first)
        if name_toks:
            mentions[:] = [m for m in mentions if not any(m is tm for tm in title_mentions)]
            emit_person(name_toks, role, iso)
            next_i = name_toks[-1] + 1

    # 2b. people without a title, from a given name (`مذكرات خليل السكاكيني`)
    next_i = 0
    for i in [i for i, p in enumerate(profs) if p[6]]:
        if i < next_i or used[i] or i in in_title or (i > 0 and profs[i - 1][1] in _AR_PLACE_BEFORE):
            continue  # (`والأمين العام` is a title, not the given name Amin; `معبر كرم أبو سالم` a place)
        if i + 1 < n and toks[i + 1][0] == ":" and profs[i][1] in lex.first_ar and (i == 0 or not profs[i - 1][0]):
            emit_person([i], None, None)  # `كريم : ...`: a speaker's given name opening a line of dialogue
            continue
        name_toks = _ar_scan_name(lex, toks, i, used, "bare", line_first)
        if name_toks:
            emit_person(name_toks, None, None)
            next_i = name_toks[-1] + 1

    named = []
    for m in mentions:
        words = m["surface_text"].split()
        if len(words) >= 2 and lex.rows.get(m["actor_id"], {}).get("actor_type") == "PERSON":
            w = arabic.norm(words[-1])
            if w not in lex.first_ar and w not in _AR_STOP and w not in _AR_PARTICLES:
                named.append((m["surface_text"], m["actor_id"]))
    named += full_names
    last = {arabic.norm(fs.split()[-1]): aid for fs, aid in named if len(fs.split()[-1]) >= 3}

    # 2c. a name alone as the subject of a speech verb before its complementiser (`وأضاف لافروف أن`, `وقالت
    # لاغارد إن`): one unknown word, not a common noun, a plural, an adverb or a preposition with a pronoun, nor
    # the surname of a person named in full in the article (3 links that one: `ديفيد كاميرون ... وأضاف كاميرون`)
    for i in [k + 1 for k in range(n - 2) if profs[k][1] in _AR_SPEECH_VERBS]:
        if used[i] or i in in_title or profs[i + 1][1] != "ان" or profs[i][1] in last:
            continue
        tok, key = toks[i][0], profs[i][1]
        if not profs[i][0] or len(key) < 3 or key.startswith(("ال", "لل")) \
                or key in _AR_STOP or key in _AR_PARTICLES or key in _AR_NOT_NAME_FIRST or key in _AR_SPEECH_SUBJECT_NOUNS \
                or key.endswith(_AR_NOT_NAME_ENDINGS) or tok.endswith("ه") \
                or (key[0] == "م" and key.endswith(("ون", "ين", "ا"))) or tok.endswith(("اً", "ًا")):
            continue
        emit_person([i], None, None)

    # 3. surnames of people found above, alone later in the article (`تصريحات بوتفليقة`); also of dictionary
    # people named in full (`ديفيد كاميرون ... وأضاف كاميرون`) when the surname is not a given name or a stop word
    if named:
        for q in range(n):
            if used[q] or not arabic.is_arabic_word(toks[q][0]) or (q > 0 and profs[q - 1][1] in _AR_MONTH_WORD):
                continue  # (`محمد رمضان ... شهر رمضان`: the month, not the surname)
            for cand, skip, _definite in arabic.candidates(toks[q][0]):
                if cand in last:
                    used[q] = True
                    _add_mention(acc, mentions, article_id, last[cand], toks[q][1] + skip, toks[q][2], text,
                                 "ALIAS", None, starts)
                    break

    # 4. organisations and media after heads (`وزارة الخارجية`, `صحيفة "الخبر"`)
    heads_at = [q for q, p in enumerate(profs) if p[5] is not None]
    hq = 0
    while hq < len(heads_at):
        q = heads_at[hq]
        hq += 1
        if used[q]:
            continue
        head = profs[q][5]
        typ = _AR_ORG_HEADS[head]
        k = q + 1
        quoted = False
        if head in _AR_MEDIA_HEADS and k < n and toks[k][0] in _AR_QUOTES:
            # صحيفة "الخبر": the name is the quoted part
            close = k + 1
            while close < n and close - k <= 5 and toks[close][0] not in _AR_QUOTES:
                close += 1
            if close < n and close > k + 1 and toks[close][0] in _AR_QUOTES:
                s, e = toks[k + 1][1], toks[close - 1][2]
                name = text[s:e]
                aid = lex.ar_names.get(" ".join(arabic.phrase_key(name))) or lex.lookup("صحيفة " + name, "ar")
                if aid is None:
                    aid = org_actor_id(name)
                    acc.actor_row(aid, canonical_name=name, canonical_name_ar=name, actor_type="MEDIA")
                iso = country_at(close + 1) if close + 1 < n else None
                row = acc.actor_row(aid)
                if iso and not row.get("country_iso3"):
                    row["country_iso3"] = iso
                for z in range(q, close + 1):
                    used[z] = True
                _add_mention(acc, mentions, article_id, aid, s, e, text, "NAME", None, starts)
                q = close + 1
                quoted = True
        if quoted:
            continue
        demonym_at = []
        while k < n and k - q <= 6:
            tk = toks[k][0]
            if not arabic.is_arabic_word(tk) or k in line_first:
                break
            kk = arabic.norm(tk)
            if kk in _AR_STOP:
                break
            if used[k]:
                # a demonym (`الجيش الأمريكي`) ends the name; a country right after an indefinite head is
                # part of it (`جريدة فلسطين`, `حكومة فلسطين`); other dictionary actors are left alone
                m_ = tok_mention.get(k)
                if m_ is not None and k > q + 1 and arabic.norm(toks[k - 1][0])[:1] == "ل" and m_.get("_prefix") == 0 \
                        and lex.rows.get(m_["actor_id"], {}).get("actor_type") == "COUNTRY":
                    k += 1  # `الجبهة الشعبية لتحرير فلسطين`
                elif m_ is not None and m_["mention_kind"] == "DEMONYM" and k > q + 1:
                    demonym_at.append(k)
                    k += 1
                elif m_ is not None and k == q + 1 and not head.startswith("ال") and m_.get("_prefix") == 0 \
                        and m_["mention_kind"] != "DEMONYM" \
                        and lex.rows.get(m_["actor_id"], {}).get("actor_type") == "COUNTRY" \
                        and m_["char_end"] == toks[k][2]:
                    k += 1
                break
            if k > q + 1 and (profs[k][4] is not None or kk in _AR_HONORIFIC or kk in _AR_GENERIC_ADJ):
                break  # `لجنة ... للسوق الدكتور سعد`, `بلدية المندق المهندس ناصر`: a title starts a person
            if kk.startswith(("ال", "لل", "وال")) or (kk.startswith("ل") and k > q + 1
                                                        and not tk.endswith(("ه", "ها", "هم", "هما"))):
                k += 1  # (`لمنحه`: a verbal noun with a pronoun, a purpose clause, ends the name)
                continue
            if k == q + 1 and not head.startswith("ال") and kk not in _AR_TITLE_FIRST:
                # a construct chain closed by a definite word or a country (`هيئة سوق رأس المال`,
                # `لجنة قرية عصيرة الشمالية`, `إذاعة صوت فلسطين`)
                j = k
                while j < n and j - k < 3 and arabic.is_arabic_word(toks[j][0]) and not used[j]:
                    kj = profs[j][1]
                    if kj in _AR_STOP or kj in _AR_INDEF_ADJ or kj.startswith(("ال", "لل", "بال", "وال", "و")) \
                            or (profs[j][5] is not None and not (j == k and _AR_TAFIL.match(kj))) \
                            or profs[j][4] is not None or (j > k and kj[:1] in ("ب", "ل", "ك", "ف")) or _AR_ADVERBIAL.match(kj) \
                            or kj[:1] == "ي" or (kj[:1] == "ت" and len(kj) <= 5 and not _AR_TAFIL.match(kj)):
                        break  # `جامعة بيرزيت احتفالا بيوم ...`: the chain stops before an adverbial or a preposition
                    j += 1
                if k < j < n and arabic.is_arabic_word(toks[j][0]):
                    kj = profs[j][1]
                    if not used[j] and kj.startswith("ال") and kj not in _AR_STOP and kj not in _AR_GENERIC_ADJ:
                        k = j
                        continue
                    if used[j] and country_at(j, attribute_only=True) and tok_mention[j]["char_end"] == toks[j][2] \
                            and tok_mention[j]["mention_kind"] != "DEMONYM":
                        k = j + 1
                        break
                # one proper name right after an indefinite head (`جامعة بيرزيت`, `موقع فايفر`); not an
                # adjective (`قوات عسكرية`, `حكومة مستقرة`) or a verbal noun with a preposition (`بتقديم`)
                if len(kk) >= 3 and not kk.startswith(("بال", "لل", "و", "ي", "ت")) and not _AR_MASDAR.match(kk) \
                        and not kk.endswith(("ي", "ه", "ات", "نا", "ها", "هم", "كم")) and kk not in _AR_INDEF_ADJ \
                        and not _AR_TAFIL.match(kk):
                    k += 1
                    continue
            break
        while k > q + 2 and profs[k - 1][1][:1] == "ل" and not profs[k - 1][1].startswith("لل") and not used[k - 1]:
            k -= 1  # `بلدية نابلس لمنحه`, `جيش الإنقاذ لتأمين`: a purpose clause, not the name
        if k > q + 1 and profs[q + 1][1] in _AR_BOARD:
            continue  # `مجلس إدارة هيئة ...`: the board of an organisation named next, not an organisation
        if k == q + 2 and arabic.norm(toks[q + 1][0]) in _AR_GENERIC_ADJ:
            k = q + 1  # `القناة الجديدة`: a description, not a name
        if k - q >= 2:
            nk = arabic.norm(toks[q][0])
            s = toks[q][1] + (len(nk) - len(head) if nk != head and nk.endswith(head) else 0)
            e = toks[k - 1][2]
            name = text[s:e]
            key = arabic.phrase_key(name)
            hit = lex.ar_hit(key, arabic.has_article(head))  # `جامعة عربية` (an Arab university) is not the Arab League
            aid = hit[0] if hit else lex.ar_name(" ".join(key), arabic.has_article(head))
            if aid is None:
                aid = org_actor_id(name)
                iso = None
                for z in range(q, k):
                    iso = iso or country_at(z, attribute_only=True)
                cameo = None
                if iso:
                    cameo = cameo_for_role(iso, _ar_role_en(name) or ("media" if typ == "MEDIA" else None))
                acc.actor_row(aid, canonical_name=name, canonical_name_ar=name, actor_type=typ,
                              country_iso3=iso, cameo_code=cameo)
            mentions[:] = [m for m in mentions if not (s <= m["char_start"] and m["char_end"] <= e)]
            for z in range(q, k):
                used[z] = True
            acc.actor_row(aid)
            _add_mention(acc, mentions, article_id, aid, s, e, text, "NAME", None, starts)
            q = k
            continue
        q += 1
    return mentions


_AR_AMBIGUOUS_FIRST = {arabic.norm(w) for w in (
    "أمين", "امين", "نور", "جمال", "سعيد", "كريم", "عادل", "أمل", "هدى", "منى", "صالح", "سالم", "رشيد", "فريد", "منير",
    "عزيز", "حسن", "ناصر", "سامي", "وفاء", "إيمان", "ايمان", "جميلة", "سهام", "فاروق", "زين", "شريف", "نبيل", "كمال",
    "رضا", "فتحي", "مختار", "منصور", "وحيد", "هادي", "الأمين", "العربي", "الطيب", "الحسن", "الهادي", "سلطان", "ملك",
    "أمير", "مالك", "حامد", "صابر", "صادق", "عباس", "خليفة", "بشير", "نصر", "هلال", "رجب", "حميد", "محسن", "تركي",
    "سلمان", "فهد", "فيصل", "طلال", "بندر", "ماجد", "نايف", "سعود", "عمار", "ضياء", "علاء", "فارس", "مراد", "باسم",
)}
# given names that are far more often common words (`أسماء` names, `يزيد` increases, `منى` folded like `مني` from
# me): a name only when the second word is a given name (`يزيد زيد القعود`), a particle, `الدين` or a family-name
# nisba (`أسماء الخولي`). (Not `عمر` age, `حسن` good, `نور` light: `عمر الشريف`, `حسن الرداد`, `نور الشريف` are people as often.)
_AR_WORD_FIRST = {arabic.norm(w) for w in ("أسماء", "اسماء", "يزيد", "منى")}
_AR_DIN = {arabic.norm(w) for w in ("الدين", "الله", "الإسلام", "الاسلام", "الحق", "الرحمن", "الرحيم")}
_AR_DEF_FEM_ADJ = re.compile(r"^ال\w{2,}ية$")  # `الإسلامية`, `الاقتصادية` as written (the normal form would take `الفقيه`)
_AR_MASDAR = re.compile(r"^(?:[بلفكو]|وب|ول)(?:ت\w{3,}|است\w+|م\w{4,})$")  # `بتقديم`, `لاستيراد`, `بمواصلة`
_AR_NOT_NAME_RAW = {"على", "إلى", "الى", "حتى", "لدى", "سوى", "متى", "أولى", "عليه", "عليها"}
_AR_GENERIC_ADJ = {arabic.norm(w) for w in (
    "الجديد", "الجديدة", "الأول", "الأولى", "الثاني", "الثانية", "الثالث", "الثالثة", "الأخير", "الأخيرة", "نفسه",
    "نفسها", "ذاته", "ذاتها", "المذكور", "المذكورة", "التالي", "الحالي", "الحالية", "السابق", "السابقة", "الكبير",
    "الكبيرة", "الصغير", "المحلي", "المحلية", "البرية", "الجوية", "البحرية", "المختص", "المختصة", "المعني",
    "المعنية", "الرسمي", "الرسمية", "المعنيه", "العامة", "العام", "الخاصة", "الخاص", "المشتركة", "الذاتية",
    "الذاتي", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر", "المتزايدة")}
_AR_INDEF_ADJ = {arabic.norm(w) for w in (
    "جديد", "جديدة", "كبير", "كبيرة", "صغير", "صغيرة", "مستقلة", "مستقل", "مستقرة", "عسكرية", "عسكري", "محلية",
    "رسمية", "دولية", "دولي", "عربية", "عربي", "أجنبية", "أجنبي", "خاصة", "خاص", "عامة", "عام", "مشتركة", "أخرى",
    "آخر", "واحد", "واحدة", "أول", "ثاني", "جيدة", "قوية", "ضعيفة", "كاملة", "مؤقتة", "انتقالية", "احتجاز", "يشبه",
    "خارج", "داخل")}
_AR_NOT_NAME_NEXT = {arabic.norm(w) for w in (
    "تم", "كان", "كانت", "قال", "قالت", "أكد", "أكدت", "أعلن", "أعلنت", "أشار", "أضاف", "رئيس", "عضو", "مدير",
    "مختار", "الذي", "التي", "خلال", "مستعارة", "الجوار", "الطبيعي", "اليوم", "أمس", "عام", "سنة", "رقم", "بتاريخ", "شارع", "منطقة", "قرية", "مدينة",
    "مخيم", "وزير", "نائب", "صاحب", "صاحبة", "مع", "عن", "من", "إلى", "على", "في", "أن", "إن",
    "جمهورية", "مملكة", "المملكة", "إمارة", "سلطنة", "دولة", "مزاعم", "اتهامات", "تصريحات",
    # common nouns and particles seen glued to a name (`محمد رمضان مسلسل`, `غاري أولدمان جائزة`, `سارة دندراوي أنها`)
    "مسلسل", "فيلم", "أفلام", "أغنية", "ألبوم", "جائزة", "مهرجان", "صورة", "حلقة", "مطار", "ساحة", "شمال", "جنوب",
    "شرق", "غرب", "حين", "إبان", "أهالي", "ناهز", "ثمن", "أنها", "أنه", "إنها", "إنه", "أنهم", "قيل")}
# words that end a name: adverbs (`رامي صبري مؤخرا`), a preposition with a pronoun (`حسين حماد لقتلها`,
# `مها أحمد ببرنامجها`)
_AR_ADVERBS = {arabic.norm(w) for w in (  # (the normal form drops the tanween: `مؤخراً` is `مؤخرا`)
    "مؤخرا", "حاليا", "أخيرا", "مجددا", "رسميا", "شخصيا", "فعلا", "دائما", "كثيرا", "تماما", "أبدا", "معا", "سويا",
    "فورا", "مبدئيا", "لاحقا", "مسبقا", "قريبا", "علنا", "سرا", "شفهيا", "هاتفيا", "ظهرا", "عصرا", "ليلا", "نهارا",
    "صباحا", "مساء", "يوميا", "سنويا", "تحديدا", "خصوصا", "خاصة", "عموما", "أساسا", "إطلاقا", "بدوره", "بدورها",
    "بنفسه", "بنفسها")}
# common verbs and comparatives that looked like an unknown name after a definite title
_AR_NOT_NAME_FIRST = _AR_ADVERBS | {arabic.norm(w) for w in (
    "أعاد", "أعلن", "أكد", "أضاف", "أشار", "أوضح", "أصدر", "أجرى", "أبدى", "أبلغ", "أنجز", "أومأ", "أراد", "أخذ",
    "أخذت", "أقام", "أطلق", "أرسل", "أدلى", "أثار", "أعرب", "أصبح", "أجاب", "أفاد", "أقر", "أمر", "ألقى", "أعطى",
    "أوصت", "أوصى", "أنها", "أنه", "أننا", "أكثر", "أعلى", "أقرب", "أقصى", "أقل", "أكبر", "أول", "أولى", "أسرة",
    "أسمى", "أولي", "أجرا", "إنها", "إنه")}
_AR_PREP_PRONOUN = re.compile(r"^[بلفك]\w{2,}(?:ها|هم|هما|هن|كم|كما)$")
# `خليل صويلح منتقدا`: an accusative participle after a name (not a name ending in -a: `مانديلا`, `مولينا`);
# `فوزي انتهت`, `ريهام أيمن اختارت`: a feminine verb (not `أوغست`, `ارنست`)
_AR_AFTER_NAME_VERBAL = re.compile(r"^(?:(?:مست|مت|من)\w{3,}ا|(?:ان|اخت|است|اعت|اجت|افت|اقت)\w+ت)$")
# accusative participles, and nouns with a pronoun, seen right after a name
_AR_HAL = {arabic.norm(w) for w in (
    "مؤكدا", "مشيرا", "مضيفا", "موضحا", "معبرا", "محذرا", "محاولا", "مسيئا", "معتذرا", "مقالا", "مرارا", "مؤتمرا",
    "محققا", "معتبرا", "مطالبا", "مشددا", "معربا", "مبينا", "مبديا", "مقترحا", "معلقا", "موجها", "مرحبا", "مشيدا",
    "مرسوما", "مداها", "معاناتها", "قائلا", "قائلة", "قوله", "قولها")}
_AR_TAFIL = re.compile(r"^ت\w\wي\w$")  # `تحكيم`, `تنظيم`, `تطوير`: a verbal noun, not a name
_AR_ADVERBIAL = re.compile(r"^ا[نست]\w{3,}ا$")  # `احتفالا`, `استنكارا`: an accusative verbal noun
_AR_NAMED_AFTER = {arabic.norm(w) for w in (
    "مركز", "حديقة", "جامعة", "مستشفى", "شارع", "مطار", "مدينة", "جسر", "قاعدة", "مسجد", "ملعب", "استاد", "كلية",
    "معهد", "مجمع", "طريق", "جائزة", "مؤسسة", "ميناء", "قصر", "مكتبة", "برنامج", "مشروع", "مدرسة", "كأس", "بوابة",
    "ميدان", "دوار", "حي", "مجمع", "صندوق", "كرسي", "منحة", "مسابقة", "بمركز", "بجامعة", "بمستشفى", "بشارع", "بمطار",
    "بمدينة", "بحديقة", "لمركز", "لجامعة", "ومركز", "وجامعة")}
_AR_HONORIFIC = {arabic.norm(w) for w in ("المهندس", "الشيخ", "الدكتور", "الأستاذ", "السيد", "السيدة", "اللواء",
                                         "العقيد", "الفريق", "العميد", "الحاج", "المستشار", "الأمير")}
_AR_PLACE_BEFORE = _AR_NAMED_AFTER | {arabic.norm(w) for w in (
    "معبر", "كرم", "قرية", "منطقة", "بلدة", "مخيم", "وادي", "جبل", "جزيرة", "حي", "بقرية", "بمنطقة", "ببلدة", "بمخيم",
    "ملكة", "ملكات")}
_AR_AMBIGUOUS_TITLE = {arabic.norm(w) for w in ("فريق", "رائد")}
_AR_COMMON_GIVEN = {arabic.norm(w) for w in (
    "محمد", "أحمد", "محمود", "علي", "حسن", "حسين", "مريم", "إبراهيم", "خالد", "عمر", "يوسف", "مصطفى", "عبدالله",
    "فاطمة", "زين", "سلمان", "سليمان", "عادل", "سعيد", "صالح", "قيام")}
_AR_BOARD = {arabic.norm(w) for w in ("إدارة", "الإدارة", "أمناء", "الأمناء")}
# speech verbs whose subject may be a name alone (2c); with و / ف
_AR_SPEECH_VERBS = {p + arabic.norm(w) for p in ("", "و", "ف") for w in (
    "قال", "قالت", "أضاف", "أضافت", "أكد", "أكدت", "أوضح", "أوضحت", "أشار", "أشارت", "ذكر", "ذكرت", "اعتبر",
    "اعتبرت", "رأى", "رأت", "صرح", "صرحت", "لفت", "لفتت", "شدد", "شددت", "تابع", "تابعت", "أعلن", "أعلنت", "كشف",
    "كشفت", "زعم", "زعمت", "يقول", "تقول", "يرى", "ترى", "أفاد", "أفادت", "يعتقد", "تعتقد")}
# common nouns that speak in that slot (`قال مسؤول إن`, `ذكرت مصادر أن`, `قال شهود إن`); stop words, adverbs
# (`_AR_STOP`, `_AR_NOT_NAME_FIRST`) and words under three letters are refused by their own tests
_AR_SPEECH_SUBJECT_NOUNS = {arabic.norm(w) for w in (
    "مصدر", "مصادر", "مسؤول", "مسؤولان", "بيان", "تقرير", "تقارير", "دراسة", "شهود", "علماء", "خبراء", "خبير",
    "متحدث", "ناطق", "معلومات", "مرة", "صراحة", "حينها", "آنذاك", "جميعه", "ثلثهم", "آخر", "بعضهم", "أحدهم",
    "مواطن", "مواطنون", "سكان", "نشطاء", "معارضون", "ضرورة", "عدد", "وزير", "رئيس", "نائب", "سفير", "مدير", "عضو",
    "قائد", "محلل", "مراقب", "باحث", "مسؤولة", "مصدرا", "تقريرا", "دبلوماسيون", "باحثون", "سياسيون", "آخرون",
    "ناشطون", "لنا", "دوما", "كذلك", "كثيرون", "نقاد", "مثلا", "أعتقد", "أظن", "نعتقد")}
# a feminine plural, a plural of origin (`حجازيين`) and attached pronouns (`فيها`, `أحدنا`); the pronoun `ه` (`معاليه`)
# is tested on the word as written, since the normal form folds `ة` into `ه` and `سلامة` is a name; a participle's
# masculine plural or accusative (`مسؤولون`, `محللين`, `موضحا`; not `كلينتون`, `بوتين`) and tanween (`زيفاً`) are
# tested apart
_AR_NOT_NAME_ENDINGS = ("ات", "ها", "هم", "يين", "يون", "نا")
_AR_MONTH_WORD = {p + arabic.norm(w) for p in ("", "و", "ب", "ل", "وب", "ول") for w in ("شهر",)}
_AR_PARTICLES = {arabic.norm(w) for w in ("أبو", "ابو", "أبي", "بن", "ابن", "بنت", "ولد", "أم", "آل", "عبد")}


def _ar_no_name_word(tok: str, key: str) -> bool:
    """A word (as written, and normalised) that is no part of a name, before or after one: an adverb, a
    preposition with a pronoun, an accusative participle (`قائلا`), a noun with a pronoun (`قوله`), a feminine
    verb (`أصيبت`, not `أوغست`)."""
    return key in _AR_ADVERBS or key in _AR_HAL or _AR_PREP_PRONOUN.match(key) is not None \
        or _AR_AFTER_NAME_VERBAL.match(key) is not None \
        or (tok[:1] == "أ" and len(key) == 5 and key.endswith("ت") and key[1] != "و")


def _ar_after_name(tok: str, key: str) -> bool:
    """A word that ends a name before it: `_ar_no_name_word`, or the feminine of a title (`المديرة`; which may
    open a name: `الفنانة أمينة فاخت`)."""
    return _ar_no_name_word(tok, key) \
        or (key.endswith("ه") and len(key) >= 5 and (key[:-1] in _AR_TITLE_FIRST
                                                     or arabic.strip_article(key[:-1]) in _AR_TITLE_FIRST))


def _ar_scan_name(lex: ActorLexicon, toks, k: int, used, mode: str, line_first: set[int]) -> list[int]:
    """Token indices of a person's name starting at k, or [].

    mode `definite`: after a definite title (`الرئيس`, `السفير المغربي`): an unknown first word is accepted
    unless it looks like a verbal noun with a preposition (`بتقديم`); `strict`: after an indefinite title
    (`رئيس بلدية ...` is a genitive, not a name): the first word must be a known given name; `bare`: no
    title: a known given name followed by a second name word. A name does not go on past a line break (the
    indices of tokens that open a line are `line_first`)."""
    n = len(toks)
    if k >= n or used[k] or not arabic.is_arabic_word(toks[k][0]):
        return []
    if toks[k][0] in _AR_NOT_NAME_RAW or (toks[k][0][:1] == "و" and toks[k][0][1:] in _AR_NOT_NAME_RAW):
        return []  # `على`, `وعلى` (not `علي`)
    k0 = arabic.norm(toks[k][0])
    first_known = k0 in lex.first_ar or k0 in _AR_PARTICLES or (
        k0[:1] == "و" and (k0[1:] in lex.first_ar or k0[1:] in _AR_PARTICLES) and mode == "bare")
    if k0 in _AR_STOP or len(k0) < 2 or k0 in _AR_TITLE_FIRST or k0 in _AR_ORG_HEADS \
            or _ar_bare(toks[k][0]) in _AR_ORG_HEADS:
        return []  # `بجامعة المجمعة`, `غرفة جدة`: an organisation, not a name
    if not first_known:
        if mode != "definite":
            return []
        if k0.startswith(("ال", "لل", "بال", "وال", "فال")) or _AR_MASDAR.match(k0):
            return []
        if k0[:1] in ("ل", "ب", "ك", "ف", "و", "ت", "ي") or k0 in _AR_NOT_NAME_NEXT or toks[k][0].endswith(("اً", "ًا")) \
                or (k0.endswith("ا") and len(k0) >= 5 and k0[:1] == "ا") \
                or k0 in _AR_NOT_NAME_FIRST or _ar_no_name_word(toks[k][0], k0):
            # `الرئيس الفرنسي أعاد إدخال ...`: a verb; `وتابع الوزير قائلا`, `نقلت عن الوزير قوله`: a word that
            # ends a name does not open one
            return []  # `لكرة القدم`, `وطلب`, `تعمل`: a preposition, conjunction or verb, not a name
    out = [k]
    q = k + 1
    while q < n and len(out) < 5:
        tq = toks[q][0]
        if not arabic.is_arabic_word(tq) or used[q] or q in line_first:
            break  # (`ميشال شلهوب` and the next paragraph's `مذكرات` are two lines)
        if tq in _AR_NOT_NAME_RAW:
            break
        kq = arabic.norm(tq)
        if kq[:1] == "و" and (kq[1:] in lex.first_ar or kq[1:] in _AR_PARTICLES):
            break  # `مصطفى فتحي وحازم`: a second person
        prev = arabic.norm(toks[out[-1]][0])
        prev_particle = prev in _AR_PARTICLES or prev.lstrip("و") in _AR_PARTICLES
        if not prev_particle and kq not in lex.first_ar and kq not in _AR_PARTICLES and (
                kq[:1] in ("ي", "ت") or kq.startswith("وال") or (kq[:1] == "و" and kq[1:] in _AR_STOP)
                or tq.endswith(("اً", "ًا")) or kq in _AR_NOT_NAME_NEXT or _ar_after_name(tq, kq)
                or (len(kq) >= 4 and tq.endswith("ه") and kq != "الله")):
            break  # `ياسين والحياة`, `عماد يعطي`, `جاك شيراك تم`, `أبو لبده قائلاً`, `شفيق قوله`: not a name
        if kq in _AR_STOP or len(kq) < 2 or arabic.strip_article(kq) in _AR_TITLE_FIRST or kq in _AR_TITLE_FIRST \
                or kq in _AR_ORG_HEADS or arabic.strip_article(kq) in _AR_ORG_HEADS:
            break
        if kq.startswith(("لل", "بال", "وال", "فال", "كال")):
            break
        if kq.startswith("ال"):
            # `عبد العزيز`, `أبو العز` continue; `خليل السكاكيني` ends with the family name
            out.append(q)
            q += 1
            if prev_particle:
                continue
            break
        if not prev_particle and kq not in lex.first_ar and _AR_MASDAR.match(kq):
            break
        if len(out) >= 3 and not prev_particle and kq not in lex.first_ar:
            break
        out.append(q)
        q += 1
    while out and arabic.norm(toks[out[-1]][0]) in _AR_PARTICLES:
        out.pop()
    if len(out) >= 2 and _AR_DEF_FEM_ADJ.match(toks[out[-1]][0]):
        # `جامعة الإمام محمد بن سعود الإسلامية`, `حدائق الملك عبدالله العالمية`: an institution named after a
        # person; after a title the person is its namesake (`الملك عبدالله`), and `الفنانة ماجدة الصحية` is
        # Magda's health
        if mode == "bare" and k0 not in arabic.curated_given_names("f"):
            return []
        out.pop()  # (`سارة بايلين الشعبوية`: the adjective of a woman's name)
    if not out:
        return []
    if mode == "bare":
        if len(out) < 2:
            return []
        k1 = arabic.norm(toks[out[1]][0])
        second_ok = k1 in lex.first_ar or k1 in _AR_PARTICLES or (k1.startswith("ال") and len(k1) >= 5)
        if (k0 in _AR_WORD_FIRST or k0.lstrip("و") in _AR_WORD_FIRST) and k1 not in lex.first_ar \
                and k1 not in _AR_PARTICLES and k1 not in _AR_DIN and not (k1.endswith("ي") and len(k1) >= 5):
            return []  # `أسماء المرشحين` (the names of), `يزيد الأمر`, `يزيد عددهم` (increases)
        if (k0 in _AR_AMBIGUOUS_FIRST or k0.lstrip("و") in _AR_AMBIGUOUS_FIRST) and not second_ok:
            return []
        if k0 in _AR_PARTICLES and len(out) < 2:
            return []
    elif len(out) == 1 and len(k0) < 4 and not first_known:
        return []
    return out


def _ar_locative(toks, a: int, skip: int) -> bool:
    """A place reading: glued `ب`/`في`-like prefix, or `في`, `مدينة`, `العاصمة` just before."""
    if skip and arabic.norm(toks[a][0])[:1] in ("ب", "ف"):
        return True
    if a > 0:
        prev = arabic.norm(toks[a - 1][0])
        if prev in ("في", "مدينه", "العاصمه", "عاصمه", "بمدينه", "من", "الى", "الي", "نحو", "داخل"):
            return True
    return False


def _ar_clean_role(role: str) -> str:
    """`لسفيره` -> `سفيره`: a preposition glued to the title is not part of the role."""
    role = role.strip()
    k = arabic.norm(role)
    if k.startswith("لل"):
        return "ال" + role[2:]
    for p in ("ول", "وب", "و", "ل", "ب", "ف", "ك"):
        if k.startswith(p) and arabic.strip_article(arabic.norm(role[len(p):].split()[0])) in _AR_TITLE_FIRST:
            return role[len(p):]
    return role


_AR_ROLE_EN = [("جيش", "army"), ("قوات", "armed forces"), ("حكومه", "government"), ("اداره", "government"),
               ("رئاسه", "president"), ("رئيس الوزراء", "prime minister"), ("رئيس الحكومة", "prime minister"), ("وزير", "minister"),
               ("رئيس", "president"), ("ملك", "king"), ("عاهل", "king"), ("سفير", "ambassador"),
               ("امير", "emir"), ("جنرال", "general"), ("لواء", "general"), ("عقيد", "colonel"),
               ("مخابرات", "intelligence"), ("استخبارات", "intelligence"), ("امن", "security"),
               ("شرطه", "police"), ("نائب", "parliament deputy"), ("قاضي", "judge"), ("صحف", "journalist"),
               ("باحث", "researcher"), ("خبير", "expert"), ("محلل", "analyst")]


def _ar_role_en(role: str) -> str:
    r = arabic.norm(role)
    return " ".join(en for ar, en in _AR_ROLE_EN if arabic.norm(ar) in r)


def _extract_serial(docs: list[dict], starts_by_doc: dict[str, list[int]],
                    use_spacy: bool) -> tuple[list[dict], dict[str, dict]]:
    """Mentions and actor rows of one chunk of articles (English first, through the statistical NER in one
    batch, then Arabic)."""
    lex = load_lexicon()
    acc = _Acc(lex)
    en_docs = [d for d in docs if d["body_text"] and (d["language"] or "") != "ar"]
    texts = [_unwrap(d["body_text"]) for d in en_docs]
    en_toks = [en_tokens(t) for t in texts]  # tokens and dictionary matches, shared by both steps
    en_hits = [lex.match_en(t, toks) for t, toks in zip(texts, en_toks, strict=True)]
    if use_spacy:
        from transforms.ner import _ner_spans, _spacy_ents_spans

        spans = [_ner_spans(lex, t, _unwrapped_starts(d["body_text"], t, starts_by_doc.get(d["article_id"], [])),
                            toks=toks, hits=hits)
                 for d, t, toks, hits in zip(en_docs, texts, en_toks, en_hits, strict=True)]
        en_ents = _spacy_ents_spans(spans, texts)
    else:
        en_ents = [[] for _ in en_docs]
    all_mentions: list[dict] = []
    for d, ents, toks, hits in zip(en_docs, en_ents, en_toks, en_hits, strict=True):
        all_mentions += _extract_en(acc, d["article_id"], d["body_text"], ents, starts_by_doc.get(d["article_id"], []),
                                    toks=toks, hits=hits)
    for d in docs:
        if d["body_text"] and d["language"] == "ar":
            all_mentions += _extract_ar(acc, d["article_id"], d["body_text"], starts_by_doc.get(d["article_id"], []))
    for m in all_mentions:
        m.pop("_prefix", None)
    return all_mentions, acc.actors


def _extract_chunk(args):
    docs, starts_by_doc, use_spacy = args
    return _extract_serial(docs, starts_by_doc, use_spacy)


CHUNK_ARTICLES = 256  # articles per unit of actor extraction (serial or in a worker); fixed, see extract_actors
_EN_COST = 5  # a character of English (statistical NER) costs about this many of Arabic (rules only)


def _chunk_cost(chunk: list[dict], use_spacy: bool) -> int:
    return sum(len(d["body_text"] or "") * (1 if d["language"] == "ar" or not use_spacy else _EN_COST)
               for d in chunk)


def _merge_actor_rows(parts: list[dict[str, dict]]) -> dict[str, dict]:
    """Actor rows from chunks processed in order: the first chunk that saw an actor fixes its row, later
    chunks fill what is missing; the role is the latest seen (as in a serial run)."""
    out: dict[str, dict] = {}
    for rows in parts:
        for aid, r in rows.items():
            cur = out.get(aid)
            if cur is None:
                out[aid] = dict(r)
                continue
            for k, v in r.items():
                if v and (not cur.get(k) or k == "role"):
                    cur[k] = v
            if r.get("canonical_name") and cur.get("canonical_name") and r.get("actor_type") == "PERSON" \
                    and len(r["canonical_name"]) > len(cur["canonical_name"]):
                cur["canonical_name"] = r["canonical_name"]
    return out


def _link_scripts(lex: ActorLexicon, mentions: list[dict], actor_rows: dict[str, dict]) -> None:
    """One actor for a person written in both scripts in the batch (`حبوب الشرقاوي` in an Arabic article,
    `Haboub Cherkaoui` in an English one): an Arabic-script person the dictionary does not know takes the id of
    the one Latin-script person of the batch whose name has the same consonant skeleton (names of two words
    or more, skeletons of 5+ consonants, the Arabic long vowels matched, exactly one candidate). Deterministic for a given set of articles and
    independent of their order; an Arabic name with no Latin twin in the batch keeps its own id."""
    latin: dict[str, set[tuple[str, str]]] = defaultdict(set)
    arab = []
    for aid, r in actor_rows.items():
        name = r.get("canonical_name") or ""
        if r.get("actor_type") != "PERSON" or len(name.split()) < 2:
            continue
        if arabic.arabic_share_quick(name):
            if aid not in lex.rows:
                arab.append((aid, name))
        else:
            sk = arabic.latin_skeleton(name)
            if len(sk) >= 5:
                latin[sk].add((aid, name))
    if not latin or not arab:
        return
    remap: dict[str, str] = {}
    for aid, name in arab:
        cands = {a for sk in arabic.arabic_skeletons(name) for a, lat in latin.get(sk, ())
                 if arabic.arabic_name_matches(name, lat)}
        if len(cands) == 1:
            remap[aid] = cands.pop()
    for old, new in remap.items():
        src, dst = actor_rows[old], actor_rows[new]
        dst["canonical_name_ar"] = dst.get("canonical_name_ar") or src.get("canonical_name_ar") or src["canonical_name"]
        for k in ("country_iso3", "cameo_code", "role"):
            if not dst.get(k) and src.get(k):
                dst[k] = src[k]
    for m in mentions:
        new = remap.get(m["actor_id"])
        if new is not None:
            m["actor_id"] = new
            m["mention_id"] = stable_id("mention", m["article_id"], m["char_start"], m["char_end"], new)


def extract_actors(documents: pl.DataFrame, sentences: pl.DataFrame, *, n_process: int = 1,
                   use_spacy: bool = True, min_articles: int = MIN_ARTICLES) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Returns (actor_mentions, actors) conforming to ACTOR_MENTIONS and ACTORS.

    Articles are processed in fixed chunks of CHUNK_ARTICLES (input order) whose actor rows are merged in chunk
    order. `n_process` > 1 sends the chunks of a batch of `min_articles` or more to that many workers of the
    shared pool (`transforms.parallel.get_pool`; both the Arabic rules and English NER); a serial run goes
    through the same chunks, so the results are identical with any number of workers (ids are content-derived)."""
    if documents.is_empty():
        return empty(ACTOR_MENTIONS), empty(ACTORS)
    lex = load_lexicon()
    starts_by_doc: dict[str, list[int]] = {}
    if sentences is not None and not sentences.is_empty():
        for aid, grp in sentences.sort(["article_id", "char_start"]).group_by("article_id", maintain_order=True):
            starts_by_doc[aid[0]] = grp["char_start"].to_list()
    docs = documents.select("article_id", "language", "body_text").to_dicts()
    # Fixed chunks of CHUNK_ARTICLES articles in input order, whatever the number of workers: a serial run goes
    # through the same chunks one after the other, so actor rows (first seen / latest role, merged in chunk
    # order) are the same with 1 or N workers
    chunks = [docs[i:i + CHUNK_ARTICLES] for i in range(0, len(docs), CHUNK_ARTICLES)]
    jobs = [(c, {d["article_id"]: starts_by_doc[d["article_id"]] for d in c if d["article_id"] in starts_by_doc},
             use_spacy) for c in chunks]
    if n_process > 1 and len(docs) >= min_articles:
        from transforms.parallel import get_pool

        # the costliest chunks first (English text costs the statistical model several times what the Arabic
        # rules cost), so no heavy chunk starts last and leaves the other workers idle; results are put back in
        # chunk order, so the merge is the same as a serial run's
        order = sorted(range(len(jobs)), key=lambda i: -_chunk_cost(chunks[i], use_spacy))
        # the shared persistent pool (transforms.parallel): its workers keep the model and the warm Arabic
        # token caches between calls, where a fork pool per call started cold every time
        done = get_pool(n_process).map(_extract_chunk, [jobs[i] for i in order], chunksize=1)
        results = [r for _, r in sorted(zip(order, done, strict=True), key=lambda p: p[0])]
    else:
        results = [_extract_chunk(job) for job in jobs]
    all_mentions = [m for ms, _ in results for m in ms]
    actor_rows = _merge_actor_rows([rows for _, rows in results])
    _link_scripts(lex, all_mentions, actor_rows)
    del lex
    if not all_mentions:
        return empty(ACTOR_MENTIONS), empty(ACTORS)
    mentions = conform(pl.DataFrame(all_mentions, schema_overrides=ACTOR_MENTIONS, infer_schema_length=None), ACTOR_MENTIONS)
    mentions = mentions.unique("mention_id", keep="first", maintain_order=True).sort(["article_id", "char_start"])
    used = set(mentions["actor_id"].to_list())
    for r in actor_rows.values():
        r["actor_type"] = r.get("actor_type") or "OTHER"
    actors = conform(pl.DataFrame([r for a, r in actor_rows.items() if a in used],
                                  schema={k: pl.String for k in ACTORS}), ACTORS).sort("actor_id")
    return mentions, actors
