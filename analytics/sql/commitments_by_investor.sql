-- Hard (signed) and soft (pledged) commitments in EUR signed on or before $as_of, by investor type and category.
with live as (
    select investor_type, investor_category, status, committed_eur
    from read_parquet($commitments)
    where signed_on <= $as_of and status in ('signed', 'pledged')
)

select
    investor_type,
    investor_category,
    coalesce(sum(committed_eur) filter (where status = 'signed'), 0)::double as hard_eur,
    coalesce(sum(committed_eur) filter (where status = 'pledged'), 0)::double as soft_eur
from live
group by investor_type, investor_category
order by investor_type, investor_category
