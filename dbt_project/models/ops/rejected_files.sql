with rejected as (
    select * from {{ ref('stg_raw__rejected_files') }}
),

final as (
    select
        source_file,
        content_sha256,
        reason,
        rejected_at
    from rejected
)

select * from final
