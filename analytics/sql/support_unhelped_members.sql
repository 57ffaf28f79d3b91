-- Supported members active on $as_of with no service for $recent_days days or more (never helped: joined that long ago).
with listed as (
    select
        member_id,
        company,
        province,
        joined_on,
        last_service,
        days_without_help(last_service, joined_on, $as_of) as days_without_help
    from supported_help($members, $services, $as_of)
)

select *
from listed
where days_without_help >= $recent_days
order by days_without_help desc, company, member_id
