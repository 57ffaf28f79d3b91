-- Hard (signed) and soft (pledged) commitments in EUR signed on or before $as_of, by investor type and category.
with live as (
    select investor_type, investor_category, kind, committed_eur
    from raised_commitments($commitments, $as_of)
)

select
    investor_type,
    investor_category,
    coalesce(sum(committed_eur) filter (where kind = 'hard'), 0)::double as hard_eur,
    coalesce(sum(committed_eur) filter (where kind = 'soft'), 0)::double as soft_eur
from live
group by investor_type, investor_category
order by investor_type, investor_category
