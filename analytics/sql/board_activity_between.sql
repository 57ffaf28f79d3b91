-- Free services and consultancy dated after $since up to $as_of: sessions, hours, invoiced and quoted EUR.
with services as (
    select sessions, hours
    from service_totals($services, $since::date + 1, $as_of)
),

invoiced as (
    select coalesce(sum(amount_eur), 0)::double as invoiced_eur, count(*) as invoices
    from revenue_lines($consultancy, $since::date + 1, $as_of)
),

quoted as (
    select coalesce(sum(amount_eur), 0)::double as quoted_eur
    from read_parquet($consultancy)
    where is_pipeline(status)
      and date > $since and date <= $as_of
)

select s.sessions, s.hours, i.invoiced_eur, q.quoted_eur, i.invoices
from services as s
cross join invoiced as i
cross join quoted as q
