-- Cost in EUR of every ticket invested on or before $as_of (active, exited or written off), and their count.
with tickets as (
    select amount_eur
    from read_parquet($investments)
    where invested_on <= $as_of
)

select
    coalesce(sum(amount_eur), 0)::decimal(38, 2) as invested_eur,
    count(*) as tickets
from tickets
