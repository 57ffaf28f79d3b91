-- Supported members active on $as_of with no service for $recent_days days or more (never helped: joined that long ago).
with supported as (
    select member_id, company, province, joined_on
    from read_parquet($members)
    where role = 'supported'
      and joined_on <= $as_of
      and (left_on is null or left_on > $as_of)
),

last_help as (
    select member_id, max(date) as last_service
    from read_parquet($services)
    where date <= $as_of
    group by member_id
),

listed as (
    select
        s.member_id,
        s.company,
        s.province,
        s.joined_on,
        l.last_service,
        ($as_of - coalesce(l.last_service, s.joined_on))::integer as days_without_help
    from supported as s
    left join last_help as l using (member_id)
)

select *
from listed
where days_without_help >= $recent_days
order by days_without_help desc, company, member_id
