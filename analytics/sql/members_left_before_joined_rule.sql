-- Members who left before they joined (left_on before joined_on): never active on any day.
with broken as (
    select file_row_number
    from read_parquet($path, file_row_number = true)
    where left_on < joined_on
)

select
    count(*) as broken_rows,
    min(file_row_number) + 1 as first_row,
    list(file_row_number + 1 order by file_row_number)[1:$examples] as example_rows
from broken
