-- Free services and consultancy dated after $since up to $as_of: sessions, hours, invoiced and quoted EUR.
with services as (
    select count(*) as sessions, coalesce(sum(hours), 0)::double as hours
    from read_parquet($services)
    where date > $since and date <= $as_of
),

consultancy as (
    select
        coalesce(sum(amount_eur) filter (where status in ('invoiced', 'paid')), 0)::double as invoiced_eur,
        coalesce(sum(amount_eur) filter (where status = 'quoted'), 0)::double as quoted_eur,
        count(*) filter (where status in ('invoiced', 'paid')) as invoices
    from read_parquet($consultancy)
    where date > $since and date <= $as_of
)

select s.sessions, s.hours, c.invoiced_eur, c.quoted_eur, c.invoices
from services as s
cross join consultancy as c
