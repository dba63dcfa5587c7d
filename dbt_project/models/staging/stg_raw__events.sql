with source as (
    select * from {{ source('raw', 'events') }}
),

final as (
    select
        cast(event_id as varchar) as event_id,
        cast(article_id as varchar) as article_id,
        cast(source_actor_id as varchar) as source_actor_id,
        cast(target_actor_id as varchar) as target_actor_id,
        cast(event_code as varchar) as event_code,
        cast(event_root_code as varchar) as event_root_code,
        cast(event_label as varchar) as event_label,
        cast(quad_class as integer) as quad_class,
        cast(goldstein as double) as goldstein,
        cast(event_date as date) as event_date,
        cast(event_date_precision as varchar) as event_date_precision,
        cast(location_text as varchar) as location_text,
        cast(is_negated as boolean) as is_negated,
        cast(modality as varchar) as modality,
        cast(evidence_text as varchar) as evidence_text,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        cast(sentence_index as integer) as sentence_index,
        cast(confidence as double) as confidence,
        cast(event_cluster_id as varchar) as event_cluster_id
    from source
)

select * from final
