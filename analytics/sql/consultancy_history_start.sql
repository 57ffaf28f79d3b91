-- The date of the snapshot's first invoice (any status), null without any: how far back its consultancy history reaches.
select min(date) as first_date
from read_parquet($consultancy)
