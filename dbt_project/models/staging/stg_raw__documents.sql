with source as (
    select * from {{ source('raw', 'documents') }}
),

final as (
    select
        cast(article_id as varchar) as article_id,
        cast(source_file as varchar) as source_file,
        cast(content_sha256 as varchar) as content_sha256,
        cast(title as varchar) as title,
        cast(outlet as varchar) as outlet,
        cast(author as varchar) as author,
        cast(translator as varchar) as translator,
        cast(dateline as varchar) as dateline,
        cast(published_date as date) as published_date,
        cast(language as varchar) as language,
        cast(body_text as varchar) as body_text,
        cast(word_count as integer) as word_count,
        cast(ingested_at as timestamp) as ingested_at
    from source
)

select * from final
