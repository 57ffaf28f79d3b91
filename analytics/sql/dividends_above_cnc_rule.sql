-- Dividends above the CNC's ceiling ($cnc_max_rate of the shares' nominal value): a warning, never an import error.
-- A rate above 1 is an error of its own (the column's maximum), not said twice.
with broken as (
    select file_row_number
    from read_parquet($path, file_row_number = true)
    where rate > $cnc_max_rate and rate <= 1
)

select
    count(*) as broken_rows,
    min(file_row_number) + 1 as first_row,
    list(file_row_number + 1 order by file_row_number)[1:$examples] as example_rows
from broken
