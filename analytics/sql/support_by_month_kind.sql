-- Free-service sessions and hours per month and kind, from $start to $as_of inclusive.
with period_services as (
    select month_of(date) as month, kind, hours
    from read_parquet($services)
    where date between $start and $as_of
)

select
    month,
    kind,
    count(*) as sessions,
    coalesce(sum(hours), 0)::double as hours
from period_services
group by month, kind
order by month, kind
