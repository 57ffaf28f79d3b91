-- Cash the fund received from each ticket before its end (interest, dividends, repayments), dated on or before $as_of, in EUR.
with receipts as (
    select investment_id, date, kind, amount_eur
    from read_parquet($ticket_flows)
    where date <= $as_of
)

select investment_id, date, kind, amount_eur::double as amount_eur
from receipts
order by date, investment_id
