"""The four quality suites, as reviewed code: for each suite, the frames it reads and the expectations on them.

A *frame* is one SQL query on the built (not yet published) warehouse. Whatever SQL expresses better than
an expectation (does a span resolve to its text in `body_text`? does a foreign key exist? is the QuadClass
the one of the root code?) is computed in the query as a per-row column, and Great Expectations then
checks that column (`ExpectColumnValuesToBeInSet(value_set=[True])`). Each check has a stable name (it is
the `check_name` in `ops.check_results`) and a severity: `blocking` stops publication, `warning` is recorded.

Every frame whose `table` is set also gets the two row-count checks against the last published warehouse
(see `row_count` in thresholds.json). Nothing here imports Great Expectations; `expectations.runner` turns
a `Check` into the GX expectation of the same class name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from expectations.config import Config

BLOCKING = "blocking"
WARNING = "warning"


@dataclass(frozen=True)
class Check:
    name: str
    severity: str
    expectation: str  # class name in great_expectations.expectations
    kwargs: dict
    description: str
    min_rows: int = 0  # not evaluated on frames with fewer rows (shares of tiny samples mean nothing)


@dataclass(frozen=True)
class Frame:
    name: str
    sql: str
    key: tuple[str, ...]  # columns naming a failing row in the details (ids)
    checks: tuple[Check, ...]
    table: str | None = None  # the mart table whose row count this frame mirrors
    params: dict = field(default_factory=dict)
    unavailable: tuple[tuple[str, str, str], ...] = ()  # (check_name, severity, reason): could not be run


def _true(name, column, description, severity=BLOCKING) -> Check:
    """The SQL-computed boolean `column` is true on every row (nulls = not applicable)."""
    return Check(
        name, severity, "ExpectColumnValuesToBeInSet", {"column": column, "value_set": [True]}, description
    )


def _not_null(name, column, description, severity=BLOCKING) -> Check:
    return Check(name, severity, "ExpectColumnValuesToNotBeNull", {"column": column}, description)


def _unique(name, column, description, severity=BLOCKING) -> Check:
    return Check(name, severity, "ExpectColumnValuesToBeUnique", {"column": column}, description)


def _in_set(name, column, values, description, severity=BLOCKING) -> Check:
    return Check(
        name,
        severity,
        "ExpectColumnValuesToBeInSet",
        {"column": column, "value_set": list(values)},
        description,
    )


def _between(name, column, lo, hi, description, severity=BLOCKING) -> Check:
    return Check(
        name,
        severity,
        "ExpectColumnValuesToBeBetween",
        {"column": column, "min_value": lo, "max_value": hi},
        description,
    )


# Span resolution: the contract's `substr(body_text, char_start + 1, char_end - char_start)` (code points).
def _span_columns(alias: str, text_col: str) -> str:
    return f"""
        a.article_id is not null as article_found,
        coalesce({alias}.char_start >= 0 and {alias}.char_end > {alias}.char_start
                 and {alias}.char_end <= length(a.body_text), false) as span_in_bounds,
        coalesce(substr(a.body_text, {alias}.char_start + 1, {alias}.char_end - {alias}.char_start)
                 = {alias}.{text_col}, false) as span_resolves"""


_SPACE = r"[\s\pZ\x{200B}\x{FEFF}]"  # RE2: ASCII whitespace, Unicode separators (NBSP), zero-width space, BOM


def _solid_chars(expr: str) -> str:
    """SQL: number of non-whitespace characters (0 for null). DuckDB's trim() strips spaces only."""
    return f"coalesce(length(regexp_replace({expr}, '{_SPACE}+', '', 'g')), 0)"


def _strip(expr: str) -> str:
    """SQL: the value without leading/trailing whitespace of any kind (newlines, tabs, NBSP)."""
    return f"regexp_replace({expr}, '^{_SPACE}+|{_SPACE}+$', '', 'g')"


_ARTICLE_BODIES = "(select article_id, any_value(body_text) as body_text from marts.dim_articles group by 1)"


def _span_checks(text_col: str) -> list[Check]:
    return [
        _true("article_exists", "article_found", "article_id is a row of marts.dim_articles"),
        _true("span_in_bounds", "span_in_bounds", "0 <= char_start < char_end <= length(body_text)"),
        _true(
            "span_resolves",
            "span_resolves",
            f"substr(body_text, char_start + 1, char_end - char_start) = {text_col}",
        ),
    ]


def articles(cfg: Config) -> list[Frame]:
    t = cfg.thresholds
    ratio = t["word_count_ratio"]
    sql = f"""
    select
        article_id, source_file, content_sha256, language,
        {_solid_chars("body_text")} as body_chars,
        coalesce(word_count, 0) as word_count,
        case when {_solid_chars("body_text")} > 0
             then word_count / len(string_split_regex({_strip("body_text")}, '\\s+'))::double end as word_count_ratio,
        (title is null or lower({_strip("title")}) <> lower({_strip("body_text")})) as title_differs_from_body,
        md5(coalesce(body_text, '')) as body_md5,
        list_filter($furniture_blocking::varchar[], lambda p: contains(lower(coalesce(body_text, '')), p))[1]
            as furniture_blocking,
        list_filter($furniture_warning::varchar[], lambda p: contains(lower(coalesce(body_text, '')), p))[1]
            as furniture_warning,
        case when published_date is not null
             then published_date between DATE '{t["published_date_min"]}' and current_date + 1 end
            as published_date_plausible
    from marts.dim_articles
    """
    checks = [
        _not_null("article_id_not_null", "article_id", "every article has an id"),
        _unique("article_id_unique", "article_id", "one row per article id"),
        _not_null(
            "content_sha256_not_null", "content_sha256", "every article version has its raw-bytes hash"
        ),
        Check(
            "content_sha256_is_hex64",
            BLOCKING,
            "ExpectColumnValuesToMatchRegex",
            {"column": "content_sha256", "regex": "^[0-9a-f]{64}$"},
            "content_sha256 is 64 lower-case hex digits",
        ),
        _unique("content_sha256_unique", "content_sha256", "one row per article version (raw-bytes hash)"),
        _between("body_not_empty", "body_chars", 1, None, "body_text has at least one non-space character"),
        _not_null(
            "language_not_null",
            "language",
            "every article has a language (null: none could be told, e.g. a body of numbers)",
            WARNING,
        ),
        _in_set("language_is_iso639_1", "language", cfg.iso639_1, "language is an ISO 639-1 code"),
        _in_set(
            "language_supported",
            "language",
            t["languages"]["supported"],
            "language is one the pipeline has rules for",
            WARNING,
        ),
        _between("word_count_positive", "word_count", 1, None, "word_count > 0"),
        _between(
            "word_count_consistent",
            "word_count_ratio",
            ratio["min"],
            ratio["max"],
            "word_count is within a factor of the body's whitespace-token count",
            WARNING,
        ),
        _true(
            "title_differs_from_body", "title_differs_from_body", "the title is not the whole body", WARNING
        ),
        Check(
            "no_furniture_in_body",
            BLOCKING,
            "ExpectColumnValuesToBeNull",
            {"column": "furniture_blocking"},
            "no page-furniture phrase (comment forms, share buttons, footers) left in body_text",
        ),
        Check(
            "no_likely_furniture_in_body",
            WARNING,
            "ExpectColumnValuesToBeNull",
            {"column": "furniture_warning"},
            "no phrase that is usually page furniture (related links, cookie notes) left in body_text",
        ),
        Check(
            "bodies_mostly_distinct",
            WARNING,
            "ExpectColumnProportionOfUniqueValuesToBeBetween",
            {"column": "body_md5", "min_value": t["body_unique_share_min"], "max_value": None},
            "most article versions have distinct cleaned bodies (a cleaner that keeps only shared furniture fails)",
            min_rows=5,
        ),
        _true(
            "published_date_plausible",
            "published_date_plausible",
            f"published_date between {t['published_date_min']} and tomorrow",
            WARNING,
        ),
    ]
    return [
        Frame(
            "dim_articles",
            sql,
            ("article_id", "source_file"),
            tuple(checks),
            table="marts.dim_articles",
            params={
                "furniture_blocking": list(cfg.furniture_blocking),
                "furniture_warning": list(cfg.furniture_warning),
            },
        )
    ]


def actor_mentions(cfg: Config) -> list[Frame]:
    t = cfg.thresholds
    mentions_sql = f"""
    select
        m.mention_id, m.article_id, m.actor_id, m.surface_text,
        coalesce(m.sentence_index, -1) as sentence_index,
        {_span_columns("m", "surface_text")},
        exists (select 1 from marts.dim_actors d where d.actor_id = m.actor_id) as actor_found
    from marts.fct_actor_mentions m
    left join {_ARTICLE_BODIES} a on a.article_id = m.article_id
    """
    mention_checks = [
        _not_null("mention_id_not_null", "mention_id", "every mention has an id"),
        _unique("mention_id_unique", "mention_id", "one row per mention id"),
        *_span_checks("surface_text"),
        _true("actor_exists", "actor_found", "actor_id is a row of marts.dim_actors"),
        Check(
            "surface_text_not_blank",
            BLOCKING,
            "ExpectColumnValuesToNotMatchRegex",
            {"column": "surface_text", "regex": r"^\s*$"},
            "surface_text is not empty or blank",
        ),
        _between("sentence_index_set", "sentence_index", 0, None, "sentence_index is set and >= 0", WARNING),
    ]
    actors_sql = """
    select actor_id, canonical_name, actor_type, country_iso3, cameo_code
    from marts.dim_actors
    """
    actor_checks = [
        _not_null("actor_id_not_null", "actor_id", "every actor has an id"),
        _unique("actor_id_unique", "actor_id", "one row per actor id"),
        _not_null("canonical_name_not_null", "canonical_name", "every actor has a canonical name"),
        _not_null("actor_type_not_null", "actor_type", "every actor has a type"),
        _in_set(
            "actor_type_valid", "actor_type", t["actor_types"], "actor_type is one of the contract's types"
        ),
        _in_set(
            "country_iso3_valid",
            "country_iso3",
            cfg.iso3166_alpha3,
            "country_iso3, when set, is an ISO 3166-1 alpha-3 code",
        ),
        Check(
            "cameo_code_shape",
            WARNING,
            "ExpectColumnValuesToMatchRegex",
            {"column": "cameo_code", "regex": "^[A-Z]{3}(?:[A-Z]{3})*$"},
            "cameo_code, when set, is made of 3-letter CAMEO actor blocks (MARGOV, IGOAFR)",
        ),
    ]
    return [
        Frame(
            "fct_actor_mentions",
            mentions_sql,
            ("mention_id", "article_id"),
            tuple(mention_checks),
            table="marts.fct_actor_mentions",
        ),
        Frame("dim_actors", actors_sql, ("actor_id",), tuple(actor_checks), table="marts.dim_actors"),
    ]


def statements(cfg: Config) -> list[Frame]:
    t = cfg.thresholds
    share = t["speaker_resolved_share"]
    sql = f"""
    select
        s.statement_id, s.article_id, s.statement_text, s.speech_verb, s.is_direct_quote, s.language,
        {_solid_chars("s.statement_text")} as statement_chars,
        {_solid_chars("s.speech_verb")} as speech_verb_chars,
        ({_solid_chars("s.speech_verb")} > 0)::integer as has_speech_verb,
        {_span_columns("s", "statement_text")},
        (s.speaker_actor_id is not null)::integer as has_resolved_speaker,
        case when s.speaker_actor_id is not null
             then exists (select 1 from marts.dim_actors d where d.actor_id = s.speaker_actor_id) end as speaker_found
    from marts.fct_statements s
    left join {_ARTICLE_BODIES} a on a.article_id = s.article_id
    """
    checks = [
        _not_null("statement_id_not_null", "statement_id", "every statement has an id"),
        _unique("statement_id_unique", "statement_id", "one row per statement id"),
        *_span_checks("statement_text"),
        _between(
            "statement_text_not_empty", "statement_chars", 1, None, "statement_text is not empty or blank"
        ),
        _not_null("is_direct_quote_not_null", "is_direct_quote", "every statement is direct or reported"),
        _between(
            "speech_verb_not_empty",
            "speech_verb_chars",
            1,
            None,
            "every statement has its speech cue (a quote continuing an attributed one may have none)",
            WARNING,
        ),
        Check(
            "speech_verb_share_min",
            BLOCKING,
            "ExpectColumnMeanToBeBetween",
            {
                "column": "has_speech_verb",
                "min_value": t["speech_verb_share_min"]["blocking_min"],
                "max_value": None,
            },
            f"at least {t['speech_verb_share_min']['blocking_min']:.0%} of statements have their speech cue",
            min_rows=t["speech_verb_share_min"]["min_rows"],
        ),
        _true("speaker_exists", "speaker_found", "speaker_actor_id, when set, is a row of marts.dim_actors"),
        Check(
            "speaker_resolved_share_min",
            BLOCKING,
            "ExpectColumnMeanToBeBetween",
            {"column": "has_resolved_speaker", "min_value": share["blocking_min"], "max_value": None},
            f"at least {share['blocking_min']:.0%} of statements have a resolved speaker",
            min_rows=share["min_rows"],
        ),
        Check(
            "speaker_resolved_share_target",
            WARNING,
            "ExpectColumnMeanToBeBetween",
            {"column": "has_resolved_speaker", "min_value": share["warning_min"], "max_value": None},
            f"at least {share['warning_min']:.0%} of statements have a resolved speaker",
            min_rows=share["min_rows"],
        ),
        Check(
            "statement_text_unquoted",
            WARNING,
            "ExpectColumnValuesToNotMatchRegex",
            {"column": "statement_text", "regex": '^\\s*["\u201c\u00ab\u201e][\\s\\S]*["\u201d\u00bb]\\s*$'},
            "statement_text comes without its surrounding quote marks (a quoted phrase inside is fine)",
        ),
        _in_set("language_is_iso639_1", "language", cfg.iso639_1, "language, when set, is an ISO 639-1 code"),
    ]
    return [
        Frame(
            "fct_statements",
            sql,
            ("statement_id", "article_id"),
            tuple(checks),
            table="marts.fct_statements",
        )
    ]


def _quad_of_root(cfg: Config) -> str:
    """SQL: the QuadClass of `e.event_root_code` per thresholds.json `quad_class_by_root` (null if unknown)."""
    whens = " ".join(
        f"when e.event_root_code = '{root}' then {quad}"
        for root, quad in sorted(cfg.thresholds["quad_class_by_root"].items())
        if not root.startswith("_")
    )
    return f"case {whens} end"


def events(cfg: Config) -> list[Frame]:
    t = cfg.thresholds
    cb = cfg.codebook
    unavailable = ()
    if cb is not None:
        path = str(cb.path).replace("'", "''")
        codebook_cte = f"""
        codebook as (
            select trim("{cb.code_column}") as event_code,
                   any_value(try_cast("{cb.goldstein_column}" as double)) as goldstein
            from read_csv('{path}', all_varchar = true, header = true)
            group by 1
        )"""
        codebook_cols = f"""
        c.event_code is not null as code_in_codebook,
        case when c.event_code is not null
             then coalesce(abs(e.goldstein - c.goldstein) <= {t["goldstein_tolerance"]}, false) end
            as goldstein_matches_codebook"""
        codebook_join = "left join codebook c on c.event_code = e.event_code"
    else:
        codebook_cte = "codebook as (select null::varchar as event_code where false)"
        codebook_cols = "null::boolean as code_in_codebook, null::boolean as goldstein_matches_codebook"
        codebook_join = ""
        reason = "CAMEO codebook data/reference/cameo_codebook.csv is absent: not checked"
        unavailable = (
            ("event_code_in_codebook", WARNING, reason),
            ("goldstein_matches_codebook", WARNING, reason),
        )
    sql = f"""
    with {codebook_cte}
    select
        e.event_id, e.article_id, e.source_actor_id, e.target_actor_id, e.event_code, e.event_root_code, e.quad_class, e.goldstein, e.confidence,
        e.event_date_precision, e.modality, e.event_label,
        e.is_negated::integer as is_negated,
        (e.source_actor_id is not null)::integer as has_source_actor,
        {_span_columns("e", "evidence_text")},
        coalesce(starts_with(e.event_code, e.event_root_code), false) as code_starts_with_root,
        coalesce(e.quad_class = {_quad_of_root(cfg)}, false) as quad_class_matches_root,
        case when e.source_actor_id is not null
             then exists (select 1 from marts.dim_actors d where d.actor_id = e.source_actor_id) end as source_found,
        case when e.target_actor_id is not null
             then exists (select 1 from marts.dim_actors d where d.actor_id = e.target_actor_id) end as target_found,
        {codebook_cols}
    from marts.fct_events e
    left join {_ARTICLE_BODIES} a on a.article_id = e.article_id
    {codebook_join}
    """
    roots = [f"{i:02d}" for i in range(1, 21)]
    checks = [
        _not_null("event_id_not_null", "event_id", "every event has an id"),
        _unique("event_id_unique", "event_id", "one row per event id"),
        *_span_checks("evidence_text"),
        _not_null("event_root_code_not_null", "event_root_code", "every event has a CAMEO root code"),
        _in_set("event_root_code_valid", "event_root_code", roots, "event_root_code is '01'..'20'"),
        Check(
            "event_code_shape",
            BLOCKING,
            "ExpectColumnValuesToMatchRegex",
            {"column": "event_code", "regex": "^[0-9]{2,4}$"},
            "event_code is a 2-4 digit CAMEO code string",
        ),
        _true(
            "event_code_starts_with_root", "code_starts_with_root", "event_code begins with event_root_code"
        ),
        _true(
            "quad_class_matches_root",
            "quad_class_matches_root",
            "quad_class is the root's QuadClass (thresholds.json quad_class_by_root, as the CAMEO codebook)",
        ),
        _not_null("goldstein_not_null", "goldstein", "every event has a Goldstein value"),
        _between("goldstein_in_range", "goldstein", -10, 10, "goldstein in [-10, 10]"),
        _true("event_code_in_codebook", "code_in_codebook", "event_code is a code of the CAMEO codebook"),
        _true(
            "goldstein_matches_codebook",
            "goldstein_matches_codebook",
            "goldstein equals the codebook's value for event_code",
        ),
        _not_null("confidence_not_null", "confidence", "every event has a confidence"),
        _between("confidence_in_range", "confidence", 0, 1, "confidence in [0, 1]"),
        _in_set(
            "event_date_precision_valid",
            "event_date_precision",
            t["event_date_precisions"],
            "event_date_precision, when set, is day|month|year|publication",
        ),
        _in_set(
            "modality_valid", "modality", t["modalities"], "modality, when set, is a known value", WARNING
        ),
        _not_null(
            "source_actor_id_not_null",
            "source_actor_id",
            "every event has a source actor (the contract makes it non-nullable; extraction drops events "
            "whose source it cannot resolve)",
        ),
        Check(
            "source_actor_share_min",
            BLOCKING,
            "ExpectColumnMeanToBeBetween",
            {
                "column": "has_source_actor",
                "min_value": t["source_actor_share_min"]["blocking_min"],
                "max_value": None,
            },
            f"at least {t['source_actor_share_min']['blocking_min']:.0%} of events have a source actor",
            min_rows=t["source_actor_share_min"]["min_rows"],
        ),
        _true(
            "source_actor_exists", "source_found", "source_actor_id, when set, is a row of marts.dim_actors"
        ),
        _true(
            "target_actor_exists", "target_found", "target_actor_id, when set, is a row of marts.dim_actors"
        ),
        _not_null("is_negated_not_null", "is_negated", "every event says whether it is negated"),
        Check(
            "negated_share_plausible",
            WARNING,
            "ExpectColumnMeanToBeBetween",
            {"column": "is_negated", "min_value": None, "max_value": t["negated_share_max"]},
            f"at most {t['negated_share_max']:.0%} of events are negated (a negation detector firing everywhere)",
            min_rows=t["negated_share_min_rows"],
        ),
        _not_null("event_label_not_null", "event_label", "every event has its CAMEO label", WARNING),
    ]
    if cb is None:
        checks = [c for c in checks if c.name not in {u[0] for u in unavailable}]
    return [
        Frame(
            "fct_events",
            sql,
            ("event_id", "article_id"),
            tuple(checks),
            table="marts.fct_events",
            unavailable=unavailable,
        )
    ]


BUILDERS = {
    "articles": articles,
    "actor_mentions": actor_mentions,
    "statements": statements,
    "events": events,
}
