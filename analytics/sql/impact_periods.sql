-- The periods with at least one impact report ending on or before $as_of, oldest first.
select distinct period_end
from read_parquet($impact)
where period_end <= $as_of
order by period_end
