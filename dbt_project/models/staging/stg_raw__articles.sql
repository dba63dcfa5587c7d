with source as (
    select * from {{ source('raw', 'articles') }}
),

final as (
    select
        cast(article_id as varchar) as article_id,
        cast(source_file as varchar) as source_file,
        cast(content_sha256 as varchar) as content_sha256,
        cast(format as varchar) as file_format,
        cast(encoding as varchar) as file_encoding,
        cast(meta_title as varchar) as meta_title,
        cast(meta_date as varchar) as meta_date,
        cast(meta_url as varchar) as meta_url,
        cast(meta_id as varchar) as meta_id,
        cast(meta_outlet as varchar) as meta_outlet,
        cast(ingested_at as timestamp) as ingested_at
    from source
)

select * from final
