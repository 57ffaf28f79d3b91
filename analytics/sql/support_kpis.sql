-- Support KPIs on $as_of: sessions and hours since $quarter_start, coverage counts, mentor load parts, members without help.
with quarter as (
    select sessions, hours
    from service_totals($services, $quarter_start, $as_of)
),

supported as (
    select joined_on, last_service
    from supported_help($members, $services, $as_of)
),

mentors as (
    select hours
    from mentoring_given($members, $services, $quarter_start, $as_of)
)

select
    q.sessions,
    q.hours,
    (select count(*) from supported) as supported,
    (select count(*) from supported where is_recent_help(last_service, $as_of, $recent_days)) as covered,
    (
        select count(*) from supported
        where days_without_help(last_service, joined_on, $as_of) >= $recent_days
    ) as without_help,
    (select coalesce(sum(hours), 0)::double from mentors) as mentoring_hours,
    (select count(*) from mentors) as mentors
from quarter as q
