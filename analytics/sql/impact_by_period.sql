-- Impact metrics per period: each member's last report (file order) per metric and period, then summed and averaged.
with reports as (
    select member_id, period_end, metric, value, file_row_number
    from read_parquet($impact, file_row_number = true)
    where period_end <= $as_of
),

latest as (
    select member_id, period_end, metric, arg_max(value, file_row_number) as value
    from reports
    group by member_id, period_end, metric
)

select
    period_end,
    metric,
    count(*) as members,
    sum(value) as total,
    avg(value) as mean
from latest
group by period_end, metric
order by metric, period_end
