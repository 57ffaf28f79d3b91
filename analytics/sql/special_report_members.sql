-- Members of each role over a financial year: active on the eve of $start, joined and left from $start to
-- $end (both inclusive), active on $end (the is_active rule). A member who joined and left within the
-- year counts in both flows, so at_end = at_start + joiners - leavers.
with members as (
    select role, joined_on, left_on
    from read_parquet($members)
),

counted as (
    select
        role,
        count(*) filter (where is_active(joined_on, left_on, $start - 1)) as at_start,
        count(*) filter (where joined_on between $start and $end) as joiners,
        count(*) filter (where left_on between $start and $end) as leavers,
        count(*) filter (where is_active(joined_on, left_on, $end)) as at_end
    from members
    group by role
)

select role, at_start, joiners, leavers, at_end
from counted
order by role
