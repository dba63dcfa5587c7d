{#- Rows whose [char_start, char_end) span is not a valid, non-empty span of the article's body_text. -#}
{% test valid_span(model, column_name, end_column, text_column=none) %}
with spans as (
    select
        f.{{ column_name }} as char_start,
        f.{{ end_column }} as char_end,
        {% if text_column %}f.{{ text_column }}{% else %}null{% endif %} as span_text,
        a.body_text
    from {{ model }} as f
    inner join {{ ref('dim_articles') }} as a on f.article_id = a.article_id
)
select *
from spans
where char_start < 0
   or char_end <= char_start
   or char_end > length(body_text)
   {% if text_column %}or substr(body_text, char_start + 1, char_end - char_start) != span_text{% endif %}
{% endtest %}
