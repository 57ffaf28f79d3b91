-- Impact stage of each member active on $since ($previous_members) or on $as_of ($members), counted by pair.
with before as (
    select member_id, impact_stage
    from read_parquet($previous_members)
    where is_active(joined_on, left_on, $since)
),

now as (
    select member_id, impact_stage
    from read_parquet($members)
    where is_active(joined_on, left_on, $as_of)
),

pairs as (
    select
        case when before.member_id is null then 'new' else before.impact_stage end as from_stage,
        case when now.member_id is null then 'left' else now.impact_stage end as to_stage
    from before
    full outer join now using (member_id)
)

select from_stage, to_stage, count(*) as members
from pairs
group by from_stage, to_stage
order by from_stage, to_stage
