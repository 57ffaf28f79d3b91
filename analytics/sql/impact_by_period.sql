-- Impact metrics per period: each member's last report (file order) per metric and period, then summed and averaged.
with latest as (
    select member_id, period_end, metric, value
    from latest_reports($impact, $as_of)
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
