-- The members active on $year_ago (the cohort) and how many of them are still active on $as_of.
with cohort as (
    select joined_on, left_on
    from read_parquet($members)
    where is_active(joined_on, left_on, $year_ago)
)

select
    count(*) as cohort,
    count(*) filter (where is_active(joined_on, left_on, $as_of)) as retained
from cohort
