{#- One row per resolved actor that the articles mention or that a statement or event refers to. -#}
with all_actors as (
    -- the actors stage's rows first; then actors only the events stage found (generic agents such as
    -- `Moroccan protesters`) and dictionary actors only statements' speakers resolve to
    select
        *,
        1 as priority
    from {{ ref('stg_raw__actors') }}
    union all
    select
        *,
        2 as priority
    from {{ ref('stg_raw__event_actors') }}
    union all
    select
        *,
        3 as priority
    from {{ ref('stg_raw__statement_actors') }}
),

actors as (
    select * exclude (priority)
    from all_actors
    qualify row_number() over (partition by actor_id order by priority) = 1
),

mentions as (
    select * from {{ ref('stg_raw__actor_mentions') }}
),

documents as (
    select
        article_id,
        published_date
    from {{ ref('stg_raw__documents') }}
),

statements as (
    select speaker_actor_id from {{ ref('stg_raw__statements') }}
),

events as (
    select
        source_actor_id,
        target_actor_id
    from {{ ref('stg_raw__events') }}
),

mention_stats as (
    select
        mentions.actor_id,
        min(documents.published_date) as first_seen_date,
        max(documents.published_date) as last_seen_date,
        count(distinct mentions.article_id) as article_count,
        count(*) as mention_count
    from mentions
    left join documents on mentions.article_id = documents.article_id
    group by mentions.actor_id
),

latest_role as (
    -- the role read next to the most recent mention that has one (ties: article, then position)
    select
        mentions.actor_id,
        mentions.role
    from mentions
    left join documents on mentions.article_id = documents.article_id
    where mentions.role is not null
    qualify row_number() over (
        partition by mentions.actor_id
        order by documents.published_date desc nulls last, mentions.article_id desc, mentions.char_start desc
    ) = 1
),

referenced as (
    select actor_id from mentions
    union
    select speaker_actor_id from statements
    where speaker_actor_id is not null
    union
    select source_actor_id from events
    where source_actor_id is not null
    union
    select target_actor_id from events
    where target_actor_id is not null
),

final as (
    select
        actors.actor_id,
        actors.canonical_name,
        actors.canonical_name_ar,
        actors.actor_type,
        actors.country_iso3,
        actors.cameo_code,
        coalesce(latest_role.role, actors.role) as role,
        mention_stats.first_seen_date,
        mention_stats.last_seen_date,
        cast(coalesce(mention_stats.article_count, 0) as integer) as article_count,
        cast(coalesce(mention_stats.mention_count, 0) as integer) as mention_count
    from actors
    inner join referenced on actors.actor_id = referenced.actor_id
    left join mention_stats on actors.actor_id = mention_stats.actor_id
    left join latest_role on actors.actor_id = latest_role.actor_id
)

select * from final
