-- Ideas whose stage changed before the idea was created (stage_changed_on before created_on).
with broken as (
    select file_row_number
    from read_parquet($path, file_row_number = true)
    where stage_changed_on < created_on
)

select
    count(*) as broken_rows,
    min(file_row_number) + 1 as first_row,
    list(file_row_number + 1 order by file_row_number)[1:$examples] as example_rows
from broken
