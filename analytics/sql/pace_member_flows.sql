-- Joiners and leavers by calendar quarter and role, from $start to $end inclusive (quarters and roles with none absent).
with events as (
    select quarter_of(joined_on) as quarter, role, 1 as joined, 0 as left_
    from read_parquet($members)
    where joined_on between $start and $end
    union all
    select quarter_of(left_on) as quarter, role, 0 as joined, 1 as left_
    from read_parquet($members)
    where left_on between $start and $end
)

select quarter, role, sum(joined)::bigint as joiners, sum(left_)::bigint as leavers
from events
group by quarter, role
order by quarter, role
