-- The fund's own costs (management fees, expenses) paid on or before $as_of, in EUR.
with costs as (
    select date, kind, amount_eur
    from read_parquet($fund_costs)
    where date <= $as_of
)

select date, kind, amount_eur::double as amount_eur
from costs
order by date
