-- Fund commitments in EUR signed on or before $as_of: hard (signed) and soft (pledged), kept apart.
with dated as (
    select status, committed_eur
    from read_parquet($commitments)
    where signed_on <= $as_of
)

select
    coalesce(sum(committed_eur) filter (where status = 'signed'), 0)::decimal(18, 2) as hard_eur,
    coalesce(sum(committed_eur) filter (where status = 'pledged'), 0)::decimal(18, 2) as soft_eur
from dated
