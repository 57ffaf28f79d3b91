-- Members who joined and who left in each calendar quarter up to $as_of (quarters with none included).
with members as (
    select joined_on, left_on
    from read_parquet($members)
),

events as (
    select date_trunc('quarter', joined_on)::date as quarter, 1 as joined, 0 as left_
    from members
    where joined_on <= $as_of
    union all
    select date_trunc('quarter', left_on)::date as quarter, 0 as joined, 1 as left_
    from members
    where left_on <= $as_of
),

quarters as (
    select unnest(generate_series(min(quarter), date_trunc('quarter', $as_of)::date, interval 3 month))::date
        as quarter
    from events
),

counted as (
    select quarter, sum(joined) as joiners, sum(left_) as leavers
    from events
    group by quarter
)

select q.quarter, coalesce(c.joiners, 0)::bigint as joiners, coalesce(c.leavers, 0)::bigint as leavers
from quarters as q
left join counted as c using (quarter)
order by q.quarter
