-- Free-service hours from $start to $end inclusive: received by supported members, and given by supporting members.
with services as (
    select member_id, provider_id, hours
    from read_parquet($services)
    where date between $start and $end
),

roles as (
    select member_id, role
    from read_parquet($members)
)

select
    coalesce(sum(s.hours) filter (where helped.role = 'supported'), 0)::double as received_by_supported,
    coalesce(sum(s.hours) filter (where provider.role = 'supporting'), 0)::double as given_by_supporting
from services as s
left join roles as helped on helped.member_id = s.member_id
left join roles as provider on provider.member_id = s.provider_id
