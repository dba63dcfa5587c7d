with documents as (
    select * from {{ ref('stg_raw__documents') }}
),

articles as (
    select * from {{ ref('stg_raw__articles') }}
),

final as (
    select
        documents.article_id,
        documents.source_file,
        documents.content_sha256,
        documents.title,
        coalesce(documents.outlet, articles.meta_outlet) as outlet,
        documents.author,
        documents.published_date,
        documents.language,
        documents.body_text,
        documents.word_count,
        coalesce(documents.ingested_at, articles.ingested_at) as ingested_at,
        documents.translator,
        documents.dateline,
        articles.file_format,
        articles.meta_url as url
    from documents
    left join articles on documents.article_id = articles.article_id
)

select * from final
