-- The members active on $year_ago (the cohort) and how many of them are still active on $as_of.
with cohort as (
    select left_on
    from read_parquet($members)
    where joined_on <= $year_ago
      and (left_on is null or left_on > $year_ago)
)

select
    count(*) as cohort,
    count(*) filter (where left_on is null or left_on > $as_of) as retained
from cohort
