-- One row per real-world event: the mentions in fct_events that share an event_cluster_id (see
-- transforms/events.py cluster_events for the rule). Representative source, target and code are the most
-- frequent in the cluster (ties: the smallest id / code); the date is the most precise, then earliest one.

with events as (
    select * from {{ ref('fct_events') }}
),

articles as (
    select
        article_id,
        published_date,
        ingested_at
    from {{ ref('dim_articles') }}
),

mentions as (
    select
        events.event_cluster_id,
        events.article_id,
        events.source_actor_id,
        events.target_actor_id,
        events.event_code,
        events.event_root_code,
        events.event_date,
        events.event_date_precision,
        events.modality,
        events.is_negated,
        coalesce(cast(articles.published_date as timestamp), articles.ingested_at) as reported_at,
        case events.event_date_precision
            when 'day' then 0
            when 'month' then 1
            when 'year' then 2
            when 'publication' then 3
            else 4
        end as precision_rank
    from events
    left join articles on events.article_id = articles.article_id
),

source_ranked as (
    select
        event_cluster_id,
        source_actor_id,
        row_number() over (
            partition by event_cluster_id order by count(*) desc, source_actor_id
        ) as rn
    from mentions
    where source_actor_id is not null
    group by event_cluster_id, source_actor_id
),

target_ranked as (
    select
        event_cluster_id,
        target_actor_id,
        row_number() over (
            partition by event_cluster_id order by count(*) desc, target_actor_id
        ) as rn
    from mentions
    where target_actor_id is not null
    group by event_cluster_id, target_actor_id
),

code_ranked as (
    select
        event_cluster_id,
        event_code,
        row_number() over (
            partition by event_cluster_id order by count(*) desc, event_code
        ) as rn
    from mentions
    group by event_cluster_id, event_code
),

date_ranked as (
    select
        event_cluster_id,
        event_date,
        event_date_precision,
        row_number() over (
            partition by event_cluster_id order by precision_rank, event_date nulls last
        ) as rn
    from mentions
),

clusters as (
    select
        event_cluster_id,
        min(event_root_code) as event_root_code,
        count(*) as num_mentions,
        count(distinct article_id) as num_articles,
        min(reported_at) as first_reported_at,
        max(reported_at) as last_reported_at,
        bool_or(is_negated) as is_negated,
        min(modality) as modality
    from mentions
    group by event_cluster_id
),

codebook as (
    select distinct
        event_code,
        event_label,
        quad_class,
        goldstein
    from events
),

final as (
    select
        clusters.event_cluster_id,
        source_ranked.source_actor_id,
        target_ranked.target_actor_id,
        code_ranked.event_code,
        clusters.event_root_code,
        date_ranked.event_date,
        cast(clusters.num_mentions as integer) as num_mentions,
        cast(clusters.num_articles as integer) as num_articles,
        clusters.first_reported_at,
        codebook.event_label,
        codebook.quad_class,
        codebook.goldstein,
        date_ranked.event_date_precision,
        clusters.modality,
        clusters.is_negated,
        clusters.last_reported_at
    from clusters
    left join source_ranked
        on clusters.event_cluster_id = source_ranked.event_cluster_id and source_ranked.rn = 1
    left join target_ranked
        on clusters.event_cluster_id = target_ranked.event_cluster_id and target_ranked.rn = 1
    left join code_ranked
        on clusters.event_cluster_id = code_ranked.event_cluster_id and code_ranked.rn = 1
    left join date_ranked
        on clusters.event_cluster_id = date_ranked.event_cluster_id and date_ranked.rn = 1
    left join codebook
        on code_ranked.event_code = codebook.event_code
)

select * from final
