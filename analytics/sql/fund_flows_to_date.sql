-- Investors' cash flows (calls and distributions) dated on or before $as_of, in EUR.
with flows as (
    select date, kind, amount_eur
    from read_parquet($fund_flows)
    where date <= $as_of
)

select date, kind, amount_eur::double as amount_eur
from flows
order by date
