with events as (
    select * from {{ ref('stg_raw__events') }}
),

final as (
    select
        event_id,
        article_id,
        source_actor_id,
        target_actor_id,
        event_code,
        event_root_code,
        event_label,
        quad_class,
        goldstein,
        event_date,
        event_date_precision,
        location_text,
        is_negated,
        evidence_text,
        char_start,
        char_end,
        confidence,
        modality,
        sentence_index,
        event_cluster_id
    from events
)

select * from final
