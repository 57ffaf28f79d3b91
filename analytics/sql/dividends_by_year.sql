-- Dividends by financial year and share class up to the as-of's year: the rate (a fraction of nominal value), the amount in EUR and when decided and paid.
select
    financial_year,
    share_class,
    rate,
    amount_eur::decimal(38, 2) as amount_eur,
    decided_on,
    paid_on
from read_parquet($dividends)
where financial_year <= year($as_of)
order by financial_year, share_class
