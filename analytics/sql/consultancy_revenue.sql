-- Consultancy revenue in EUR (invoices invoiced or paid) dated from $start to $end, both inclusive.
with billed as (
    select amount_eur
    from revenue_lines($consultancy, $start, $end)
)

select coalesce(sum(amount_eur), 0)::decimal(38, 2) as revenue_eur
from billed
