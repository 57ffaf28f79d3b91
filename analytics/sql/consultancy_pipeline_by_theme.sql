-- Consultancy pipeline by theme: quoted amount in EUR and number of quotes dated on or before $as_of.
with quoted as (
    select theme, amount_eur::double as amount_eur
    from read_parquet($consultancy)
    where is_pipeline(status)
      and date <= $as_of
)

select theme, sum(amount_eur) as amount_eur, count(*) as quotes
from quoted
group by theme
order by amount_eur desc, theme
