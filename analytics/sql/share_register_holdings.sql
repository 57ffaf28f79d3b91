-- Each holder's shares and paid-up capital in EUR by class on $as_of (register entries dated on or before it), with the member's name, company and whether active then.
with held as (
    select
        member_id,
        share_class,
        sum(shares) as shares,
        sum(amount_eur) as paid_up_eur
    from register_entries($shares, $as_of)
    group by member_id, share_class
),

members as (
    select member_id, name, company, joined_on, left_on
    from read_parquet($members)
)

select
    h.member_id,
    -- a person's name is personal data: only for a viewer whose scope has it
    case when $personal then m.name end as name,
    listed_name(m.company, $named) as company,
    -- a holder missing from the members file (a rule reports it) is no active member
    coalesce(is_active(m.joined_on, m.left_on, $as_of), false) as active,
    h.share_class,
    -- a double: an impossible quantity (a rule reports it) must not overflow the page
    h.shares::double as shares,
    h.paid_up_eur::decimal(38, 2) as paid_up_eur
from held as h
left join members as m using (member_id)
order by h.member_id, h.share_class
