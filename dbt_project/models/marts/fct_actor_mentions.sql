with mentions as (
    select * from {{ ref('stg_raw__actor_mentions') }}
),

final as (
    select
        mention_id,
        article_id,
        actor_id,
        surface_text,
        char_start,
        char_end,
        sentence_index,
        mention_kind,
        role
    from mentions
)

select * from final
