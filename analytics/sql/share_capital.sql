-- Share capital in EUR on $as_of: subscriptions and transfers in add, redemptions and transfers out subtract.
with signed_entries as (
    select
        share_sign(kind) * quantity * unit_value_eur as amount_eur
    from read_parquet($shares)
    where date <= $as_of
)

select coalesce(sum(amount_eur), 0)::decimal(38, 2) as share_capital_eur
from signed_entries
