with source as (
    select * from {{ source('raw', 'actor_mentions') }}
),

final as (
    select
        cast(mention_id as varchar) as mention_id,
        cast(article_id as varchar) as article_id,
        cast(actor_id as varchar) as actor_id,
        cast(surface_text as varchar) as surface_text,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        cast(sentence_index as integer) as sentence_index,
        cast(mention_kind as varchar) as mention_kind,
        cast(role as varchar) as role
    from source
)

select * from final
