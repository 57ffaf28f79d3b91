-- Members active on each snapshot's own as-of date, by role, reading every snapshot's members file at once.
with members as (
    select as_of::date as as_of, role, joined_on, left_on
    from read_parquet($member_files, hive_partitioning = true, union_by_name = true)
),

active as (
    select as_of, role
    from members
    where is_active(joined_on, left_on, as_of)
)

select as_of, role, count(*) as members
from active
group by as_of, role
order by as_of, role
