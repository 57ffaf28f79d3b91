-- Members who joined and who left in each calendar quarter up to $as_of (quarters with none included).
with members as (
    select joined_on, left_on
    from read_parquet($members)
),

events as (
    select quarter_of(joined_on) as quarter, 1 as joined, 0 as left_
    from members
    where joined_on <= $as_of
    union all
    select quarter_of(left_on) as quarter, 0 as joined, 1 as left_
    from members
    where left_on <= $as_of
),

quarters as (
    select quarter
    from quarters_up_to((select min(quarter) from events), $as_of)
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
