-- Every register entry dated on or before $as_of, signed, with the holder's shares of its class after it, by member number then date.
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
from register_entries($shares, $as_of)
order by member_id, date, entry_id
