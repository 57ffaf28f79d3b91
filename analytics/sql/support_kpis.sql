-- Support KPIs on $as_of: sessions and hours since $quarter_start, coverage counts, mentor load parts, members without help.
with active as (
    select member_id, role, joined_on
    from read_parquet($members)
    where joined_on <= $as_of
      and (left_on is null or left_on > $as_of)
),

services as (
    select member_id, provider_id, kind, hours, date
    from read_parquet($services)
    where date <= $as_of
),

quarter as (
    select
        count(*) as sessions,
        coalesce(sum(hours), 0)::double as hours
    from services
    where date >= $quarter_start
),

last_help as (
    select member_id, max(date) as last_date
    from services
    group by member_id
),

supported as (
    select a.member_id, a.joined_on, l.last_date
    from active as a
    left join last_help as l using (member_id)
    where a.role = 'supported'
),

mentors as (
    select s.provider_id, sum(s.hours) as hours
    from services as s
    inner join active as a on a.member_id = s.provider_id and a.role = 'supporting'
    where s.kind = 'mentoring'
      and s.date >= $quarter_start
    group by s.provider_id
    having sum(s.hours) > 0
)

select
    q.sessions,
    q.hours,
    (select count(*) from supported) as supported,
    (select count(*) from supported where last_date > $as_of - $recent_days) as covered,
    (
        select count(*) from supported
        where coalesce(last_date, joined_on) <= $as_of - $recent_days
    ) as without_help,
    (select coalesce(sum(hours), 0)::double from mentors) as mentoring_hours,
    (select count(*) from mentors) as mentors
from quarter as q
