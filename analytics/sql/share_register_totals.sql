-- Holders, shares and paid-up capital in EUR by share class on $as_of (register entries dated on or before it).
with held as (
    select member_id, share_class, sum(shares) as shares, sum(amount_eur) as paid_up_eur
    from register_entries($shares, $as_of)
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
