-- Holders, shares and paid-up capital in EUR by share class on $as_of (register entries dated on or before it).
with entries as (
    select
        member_id,
        share_class,
        -- a missing quantity or value counts for nothing, as in the share capital's sum (a rule reports it)
        coalesce(share_sign(kind) * quantity, 0) as shares,
        coalesce(share_sign(kind) * quantity * unit_value_eur, 0) as amount_eur
    from read_parquet($shares)
    where date <= $as_of
),

held as (
    select member_id, share_class, sum(shares) as shares, sum(amount_eur) as paid_up_eur
    from entries
    group by member_id, share_class
)

select
    share_class,
    count(*) filter (where shares > 0) as holders,
    sum(shares)::double as shares,  -- an impossible quantity must not overflow the page
    sum(paid_up_eur)::decimal(38, 2) as paid_up_eur
from held
group by share_class
order by share_class
