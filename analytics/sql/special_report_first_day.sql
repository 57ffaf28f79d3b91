-- The first day the snapshot's cooperative data knows, on or before $as_of: a member joining or a share
-- register entry, whichever comes first; null without any.
with days as (
    select joined_on as day
    from read_parquet($members)
    union all
    select date as day
    from read_parquet($shares)
)

select min(day) as first_day
from days
where day <= $as_of
