-- Share capital in EUR by share class at the end of each quarter (entries dated <= its end, and <= $as_of).
with entries as (
    select
        quarter_of(date) as quarter,
        share_class,
        share_sign(kind) * quantity * unit_value_eur as amount_eur
    from read_parquet($shares)
    where date <= $as_of
),

quarters as (
    select quarter
    from quarters_up_to((select min(quarter) from entries), $as_of)
),

classes as (
    select distinct share_class
    from entries
),

moves as (
    select quarter, share_class, sum(amount_eur) as amount_eur
    from entries
    group by quarter, share_class
)

select
    q.quarter,
    least((q.quarter + interval 3 month - interval 1 day)::date, $as_of::date) as quarter_end,
    c.share_class,
    sum(coalesce(m.amount_eur, 0)) over (
        partition by c.share_class order by q.quarter rows between unbounded preceding and current row
    )::double as capital_eur
from quarters as q
cross join classes as c
left join moves as m on m.quarter = q.quarter and m.share_class = c.share_class
order by q.quarter, c.share_class
