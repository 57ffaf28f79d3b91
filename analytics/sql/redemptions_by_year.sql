-- Shares refunded (redemptions) by calendar year up to $as_of: the amount paid back in EUR and the members refunded.
select
    year(date) as year,
    sum(coalesce(quantity * unit_value_eur, 0))::decimal(38, 2) as amount_eur,
    count(distinct member_id) as members
from read_parquet($shares)
where kind = 'redemption' and date <= $as_of
group by year(date)
order by year
