-- Impact rows given more than once for one member, period and metric: every row of such a group.
with reports as (
    select
        file_row_number,
        count(*) over (partition by member_id, period_end, metric) as copies
    from read_parquet($path, file_row_number = true)
),

broken as (
    select file_row_number
    from reports
    where copies > 1
)

select
    count(*) as broken_rows,
    min(file_row_number) + 1 as first_row,
    list(file_row_number + 1 order by file_row_number)[1:$examples] as example_rows
from broken
