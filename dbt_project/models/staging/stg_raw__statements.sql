with source as (
    select * from {{ source('raw', 'statements') }}
),

final as (
    select
        cast(statement_id as varchar) as statement_id,
        cast(article_id as varchar) as article_id,
        cast(speaker_actor_id as varchar) as speaker_actor_id,
        cast(speaker_text as varchar) as speaker_text,
        cast(speaker_char_start as integer) as speaker_char_start,
        cast(speaker_char_end as integer) as speaker_char_end,
        cast(speech_verb as varchar) as speech_verb,
        cast(speech_verb_lemma as varchar) as speech_verb_lemma,
        cast(cue_type as varchar) as cue_type,
        cast(statement_text as varchar) as statement_text,
        cast(is_direct_quote as boolean) as is_direct_quote,
        cast(language as varchar) as language,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        cast(sentence_index as integer) as sentence_index
    from source
)

select * from final
