-- Consultancy headline figures in EUR and days: revenue YTD and same period last year, pipeline, receivables.
with ytd as (
    select
        coalesce(sum(amount_eur::double), 0) as revenue_eur,
        coalesce(sum(days), 0) as days,
        count(*) as invoices
    from revenue_lines($consultancy, $ytd_start, $as_of)
),

last_year as (
    select coalesce(sum(amount_eur::double), 0) as revenue_eur
    from revenue_lines($consultancy, $last_start, least($last_end, $as_of))
),

open_items as (
    select
        coalesce(sum(amount_eur::double) filter (where is_pipeline(status)), 0) as pipeline_eur,
        count(*) filter (where is_pipeline(status)) as pipeline_count,
        coalesce(sum(amount_eur::double) filter (where is_receivable(status)), 0) as receivables_eur,
        count(*) filter (where is_receivable(status)) as receivables_count
    from read_parquet($consultancy)
    where date <= $as_of
)

select
    y.revenue_eur as revenue_ytd_eur,
    y.days as days_ytd,
    y.invoices as invoices_ytd,
    l.revenue_eur as revenue_last_year_eur,
    o.pipeline_eur,
    o.pipeline_count,
    o.receivables_eur,
    o.receivables_count
from ytd as y
cross join last_year as l
cross join open_items as o
