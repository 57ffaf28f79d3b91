-- Members who left or gave notice (left_on set) and still hold shares on $as_of: their shares and the paid-up amount owed back in EUR.
with held as (
    select member_id, sum(shares) as shares, sum(amount_eur) as amount_eur
    from register_entries($shares, $as_of)
    group by member_id
),

leavers as (
    select member_id, name, company, left_on
    from read_parquet($members)
    where left_on is not null
)

select
    l.member_id,
    -- a person's name is personal data: only for a viewer whose scope has it
    case when $personal then l.name end as name,
    listed_name(l.company, $named) as company,
    l.left_on,
    -- a double: an impossible quantity (a rule reports it) must not overflow the page
    h.shares::double as shares,
    h.amount_eur::decimal(38, 2) as amount_eur
from leavers as l
inner join held as h using (member_id)
where h.shares > 0
order by l.left_on, l.member_id
