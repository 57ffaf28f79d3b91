-- Consultancy headline figures in EUR and days: revenue YTD and same period last year, pipeline, receivables.
with invoices as (
    select date, status, days, amount_eur::double as amount_eur
    from read_parquet($consultancy)
    where date <= $as_of
)

select
    coalesce(sum(amount_eur) filter (
        where status in ('invoiced', 'paid') and date between $ytd_start and $as_of
    ), 0) as revenue_ytd_eur,
    coalesce(sum(days) filter (
        where status in ('invoiced', 'paid') and date between $ytd_start and $as_of
    ), 0) as days_ytd,
    count(*) filter (
        where status in ('invoiced', 'paid') and date between $ytd_start and $as_of
    ) as invoices_ytd,
    coalesce(sum(amount_eur) filter (
        where status in ('invoiced', 'paid') and date between $last_start and $last_end
    ), 0) as revenue_last_year_eur,
    coalesce(sum(amount_eur) filter (where status = 'quoted'), 0) as pipeline_eur,
    count(*) filter (where status = 'quoted') as pipeline_count,
    coalesce(sum(amount_eur) filter (where status = 'invoiced'), 0) as receivables_eur,
    count(*) filter (where status = 'invoiced') as receivables_count
from invoices
