-- Mentoring hours since $quarter_start given by each supporting member active on $as_of (the $top largest).
with given as (
    select member_id, company, hours, sessions
    from mentoring_given($members, $services, $quarter_start, $as_of)
)

select member_id, company, hours::double as hours, sessions
from given
order by hours desc, company, member_id
limit $top
