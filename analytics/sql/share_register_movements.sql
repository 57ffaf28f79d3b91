-- Every register entry dated on or before $as_of, signed, with the holder's shares of its class after it, by member number then date.
with entries as (
    select
        member_id,
        date,
        entry_id,
        kind,
        share_class,
        quantity,
        unit_value_eur,
        -- a missing quantity or value counts for nothing, as in the share capital's sum (a rule reports it)
        coalesce(share_sign(kind) * quantity, 0) as shares,
        coalesce(share_sign(kind) * quantity * unit_value_eur, 0) as amount_eur
    from read_parquet($shares)
    where date <= $as_of
)

select
    member_id,
    date,
    entry_id,
    kind,
    share_class,
    quantity,
    unit_value_eur,
    shares,
    amount_eur::decimal(38, 2) as amount_eur,
    sum(shares) over (
        partition by member_id, share_class order by date, entry_id rows between unbounded preceding and current row
    )::double as shares_after
from entries
order by member_id, date, entry_id
