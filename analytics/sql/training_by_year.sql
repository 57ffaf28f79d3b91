-- What each closed financial year's approved accounts reserve for members' information and training (EUR), where they give it.
select
    year(period_end) as financial_year,
    period_end,
    training_eur::decimal(38, 2) as training_eur
from read_parquet($accounts)
where kind = 'closed'
    and period_end <= $as_of
    and training_eur is not null
order by period_end
