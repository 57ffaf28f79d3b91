-- Consultancy headline figures: days and invoices billed YTD, pipeline and receivables (EUR). The
-- YTD revenue and its comparison are analytics.cooperative.consultancy.year_to_date's.
with ytd as (
    select
        coalesce(sum(days), 0) as days,
        count(*) as invoices
    from revenue_lines($consultancy, $ytd_start, $as_of)
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
    y.days as days_ytd,
    y.invoices as invoices_ytd,
    o.pipeline_eur,
    o.pipeline_count,
    o.receivables_eur,
    o.receivables_count
from ytd as y
cross join open_items as o
