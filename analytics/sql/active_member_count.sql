-- Number of members of one role active on $as_of (joined on or before, not yet left).
with active as (
    select member_id
    from read_parquet($members)
    where role = $role
      and is_active(joined_on, left_on, $as_of)
)

select count(*) as active_members
from active
