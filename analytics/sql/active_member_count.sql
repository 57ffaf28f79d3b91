-- Number of members of one role active on $as_of (joined on or before, not yet left).
with active as (
    select member_id
    from read_parquet($members)
    where role = $role
      and joined_on <= $as_of
      and (left_on is null or left_on > $as_of)
)

select count(*) as active_members
from active
