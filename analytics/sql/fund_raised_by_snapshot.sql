-- Hard and soft commitments in EUR as known at each snapshot, reading every snapshot's file at once.
with commitments as (
    select as_of::date as as_of, commitment_kind(status) as kind, committed_eur
    from read_parquet($commitment_files, hive_partitioning = true, union_by_name = true)
)

select
    as_of,
    coalesce(sum(committed_eur) filter (where kind = 'hard'), 0)::double as hard_eur,
    coalesce(sum(committed_eur) filter (where kind = 'soft'), 0)::double as soft_eur
from commitments
group by as_of
order by as_of
