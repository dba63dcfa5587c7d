{#- The staging of a raw table of actor rows (raw.actors, raw.event_actors, raw.statement_actors share the
    ACTORS contract of transforms/schemas.py). -#}
{% macro stg_actor_rows(table) %}
with source as (
    select * from {{ source('raw', table) }}
),

final as (
    select
        cast(actor_id as varchar) as actor_id,
        cast(canonical_name as varchar) as canonical_name,
        cast(canonical_name_ar as varchar) as canonical_name_ar,
        cast(actor_type as varchar) as actor_type,
        cast(country_iso3 as varchar) as country_iso3,
        cast(cameo_code as varchar) as cameo_code,
        cast(role as varchar) as role
    from source
)

select * from final
{% endmacro %}
