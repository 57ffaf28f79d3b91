-- Hard commitments in EUR signed in each calendar quarter up to $as_of (quarters with none included).
with hard as (
    select quarter_of(signed_on) as quarter, committed_eur
    from raised_commitments($commitments, $as_of)
    where kind = 'hard'
),

quarters as (
    select quarter
    from quarters_up_to((select min(quarter) from hard), $as_of::date)
)

select q.quarter, coalesce(sum(h.committed_eur), 0)::double as hard_eur
from quarters as q
left join hard as h using (quarter)
group by q.quarter
order by q.quarter
