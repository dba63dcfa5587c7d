-- Country dyad by month: "Algeria-Morocco relations by month" is one query.
-- Counts real-world events (clusters of fct_event_clusters), not reports: a cluster counts once however
-- many articles repeat it. Only events that happened (asserted, not negated), with a source and a target
-- whose actors have a country, dated to a day or month or by the publication date; year-only dates are
-- left out (they cannot be placed in a month). Goldstein is summed over those events.

with clusters as (
    select * from {{ ref('fct_event_clusters') }}
),

actors as (
    select
        actor_id,
        country_iso3
    from {{ ref('dim_actors') }}
),

happened as (
    select
        clusters.event_cluster_id,
        sources.country_iso3 as source_country_iso3,
        targets.country_iso3 as target_country_iso3,
        cast(date_trunc('month', clusters.event_date) as date) as month,
        clusters.quad_class,
        clusters.goldstein,
        clusters.num_mentions,
        clusters.num_articles
    from clusters
    inner join actors as sources on clusters.source_actor_id = sources.actor_id
    inner join actors as targets on clusters.target_actor_id = targets.actor_id
    where
        clusters.modality = 'asserted'
        and not clusters.is_negated
        and clusters.event_date is not null
        and clusters.event_date_precision in ('day', 'month', 'publication')
        and sources.country_iso3 is not null
        and targets.country_iso3 is not null
),

final as (
    select
        source_country_iso3 || '-' || target_country_iso3 || '-' || strftime(month, '%Y-%m') as dyad_month_id,
        source_country_iso3,
        target_country_iso3,
        month,
        cast(count(*) as integer) as event_count,
        cast(sum(num_mentions) as integer) as mention_count,
        sum(goldstein) as goldstein_sum,
        avg(goldstein) as goldstein_mean,
        cast(count(*) filter (where quad_class = 1) as integer) as verbal_cooperation_count,
        cast(count(*) filter (where quad_class = 2) as integer) as material_cooperation_count,
        cast(count(*) filter (where quad_class = 3) as integer) as verbal_conflict_count,
        cast(count(*) filter (where quad_class = 4) as integer) as material_conflict_count
    from happened
    group by source_country_iso3, target_country_iso3, month
)

select * from final
