with source as (
    select * from {{ source('raw', 'rejected_files') }}
),

final as (
    select
        cast(source_file as varchar) as source_file,
        cast(content_sha256 as varchar) as content_sha256,
        cast(reason as varchar) as reason,
        cast(rejected_at as timestamp) as rejected_at
    from source
)

select * from final
