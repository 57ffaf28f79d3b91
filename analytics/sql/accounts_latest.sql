-- The cooperative's latest accounts on or before the as-of: the figures the double test before a distribution reads (EUR).
with known as (
    select
        period_end,
        kind,
        net_assets_eur::decimal(38, 2) as net_assets_eur,
        unavailable_reserves_eur::decimal(38, 2) as unavailable_reserves_eur,
        cash_eur::decimal(38, 2) as cash_eur,
        inflows_12m_eur::decimal(38, 2) as inflows_12m_eur,
        outflows_12m_eur::decimal(38, 2) as outflows_12m_eur
    from read_parquet($accounts)
    where period_end <= $as_of
)

select *
from known
order by period_end desc
limit 1
