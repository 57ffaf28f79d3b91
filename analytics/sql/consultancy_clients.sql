-- Consultancy revenue in EUR, billed days and invoices of member and non-member clients, $start to $end.
with billed as (
    select client_member_id is not null as is_member, days, amount_eur::double as amount_eur
    from revenue_lines($consultancy, $start, $end)
)

select is_member, sum(amount_eur) as revenue_eur, sum(days) as days, count(*) as invoices
from billed
group by is_member
order by is_member desc
