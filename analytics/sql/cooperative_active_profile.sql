-- Members active on $as_of, counted by every descriptive column at once (one row per combination).
with active as (
    select role, is_founder, women_led, province, sector, impact_theme, impact_stage
    from read_parquet($members)
    where is_active(joined_on, left_on, $as_of)
)

select
    role,
    coalesce(is_founder, false) as is_founder,
    coalesce(women_led, false) as women_led,
    province,
    sector,
    impact_theme,
    impact_stage,
    count(*) as members
from active
group by all
order by all  -- a fixed order: the same snapshot always gives the same frame
