-- Fund commitments in EUR signed on or before $as_of: hard (signed) and soft (pledged), kept apart.
with raised as (
    select kind, committed_eur
    from raised_commitments($commitments, $as_of)
)

select
    coalesce(sum(committed_eur) filter (where kind = 'hard'), 0)::decimal(38, 2) as hard_eur,
    coalesce(sum(committed_eur) filter (where kind = 'soft'), 0)::decimal(38, 2) as soft_eur
from raised
