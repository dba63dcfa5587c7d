with statements as (
    select * from {{ ref('stg_raw__statements') }}
),

final as (
    select
        statement_id,
        article_id,
        speaker_actor_id,
        speaker_text,
        speech_verb,
        statement_text,
        is_direct_quote,
        language,
        char_start,
        char_end,
        speech_verb_lemma,
        speaker_char_start,
        speaker_char_end,
        sentence_index,
        cue_type
    from statements
)

select * from final
