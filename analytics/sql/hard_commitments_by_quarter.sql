-- Hard commitments in EUR signed in each calendar quarter up to $as_of (quarters with none included).
with signed as (
    select date_trunc('quarter', signed_on)::date as quarter, committed_eur
    from read_parquet($commitments)
    where status = 'signed' and signed_on <= $as_of
),

quarters as (
    select unnest(generate_series(
        (select min(quarter) from signed), date_trunc('quarter', $as_of::date)::date, interval 3 month
    ))::date as quarter
)

select q.quarter, coalesce(sum(s.committed_eur), 0)::double as hard_eur
from quarters as q
left join signed as s using (quarter)
group by q.quarter
order by q.quarter
