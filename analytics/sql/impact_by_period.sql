-- Impact metrics of one period ($period): each member's last report (file order) per metric, then summed and averaged.
with latest as (
    select member_id, metric, value
    from period_reports($impact, $period, $period)
)

select
    $period::date as period_end,
    metric,
    count(*) as members,
    sum(value) as total,
    avg(value) as mean
from latest
group by metric
order by metric
