-- Share capital in EUR on $as_of: subscriptions and transfers in add, redemptions and transfers out subtract.
with signed_entries as (
    select
        case
            when kind in ('subscription', 'transfer_in') then 1
            when kind in ('redemption', 'transfer_out') then -1
            else 0  -- an unknown kind counts for nothing; the Data page's checks report it
        end * quantity * unit_value_eur as amount_eur
    from read_parquet($shares)
    where date <= $as_of
)

select coalesce(sum(amount_eur), 0)::decimal(18, 2) as share_capital_eur
from signed_entries
