-- Consultancy revenue in EUR, billed days and invoices by calendar month and theme, $start to $end inclusive.
with billed as (
    select month_of(date) as month, theme, days, amount_eur::double as amount_eur
    from revenue_lines($consultancy, $start, $end)
)

select month, theme, sum(amount_eur) as revenue_eur, sum(days) as days, count(*) as invoices
from billed
group by month, theme
order by month, theme
