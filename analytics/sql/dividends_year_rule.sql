-- Dividends of a financial year that has not begun on the snapshot's as-of date.
with broken as (
    select file_row_number
    from read_parquet($path, file_row_number = true)
    where financial_year > year($as_of)
)

select
    count(*) as broken_rows,
    min(file_row_number) + 1 as first_row,
    list(file_row_number + 1 order by file_row_number)[1:$examples] as example_rows
from broken
