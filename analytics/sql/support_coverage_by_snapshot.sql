-- Active supported members and those helped in the $recent_days days up to each snapshot's as-of, all snapshots at once.
with supported as (
    select as_of::date as as_of, member_id
    from read_parquet($member_files, hive_partitioning = true, union_by_name = true)
    where role = 'supported'
      and is_active(joined_on, left_on, as_of::date)
),

recent as (
    select distinct as_of::date as as_of, member_id
    from read_parquet($service_files, hive_partitioning = true, union_by_name = true)
    where is_recent_help(date, as_of::date, $recent_days)
)

select
    s.as_of,
    count(*) as supported,
    count(r.member_id) as covered
from supported as s
left join recent as r using (as_of, member_id)
group by s.as_of
order by s.as_of
