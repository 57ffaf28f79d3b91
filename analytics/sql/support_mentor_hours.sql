-- Mentoring hours since $quarter_start given by each supporting member active on $as_of (the $top largest).
with mentors as (
    select member_id, company
    from read_parquet($members)
    where role = 'supporting'
      and joined_on <= $as_of
      and (left_on is null or left_on > $as_of)
),

given as (
    select provider_id as member_id, sum(hours) as hours, count(*) as sessions
    from read_parquet($services)
    where kind = 'mentoring'
      and provider_id is not null
      and date between $quarter_start and $as_of
    group by provider_id
    having sum(hours) > 0
)

select g.member_id, m.company, g.hours::double as hours, g.sessions
from given as g
inner join mentors as m using (member_id)
order by g.hours desc, m.company, g.member_id
limit $top
