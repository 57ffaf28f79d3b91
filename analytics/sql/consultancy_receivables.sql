-- Open receivables (invoiced, not yet paid) with the days since the invoice date at $as_of, oldest first.
with open_invoices as (
    select invoice_id, client_name, client_member_id, theme, date, amount_eur::double as amount_eur
    from read_parquet($consultancy)
    where is_receivable(status)
      and date <= $as_of
)

select
    invoice_id,
    listed_name(client_name, $named) as client_name,
    client_member_id is not null as is_member,
    theme,
    date,
    amount_eur,
    date_diff('day', date, $as_of::date) as days_open
from open_invoices
order by date, invoice_id
