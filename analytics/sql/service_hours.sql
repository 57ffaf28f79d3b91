-- Free-service hours and sessions given from $start to $end, both inclusive.
with period_services as (
    select hours
    from read_parquet($services)
    where date between $start and $end
)

select
    coalesce(sum(hours), 0)::double as hours,
    count(*) as sessions
from period_services
