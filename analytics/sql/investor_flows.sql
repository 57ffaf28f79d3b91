-- Each investor's calls and distributions dated on or before $as_of, by commitment, in EUR.
with flows as (
    select commitment_id, date, kind, amount_eur
    from read_parquet($fund_flows)
    where date <= $as_of
)

select commitment_id, date, kind, amount_eur::double as amount_eur
from flows
order by date, commitment_id
