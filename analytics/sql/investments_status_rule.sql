-- Tickets whose exit fields contradict their status. Active: no exited_on, no proceeds_eur, a
-- fair_value_eur. Exited or written off: exited_on and proceeds_eur set, no fair_value_eur.
with broken as (
    select file_row_number
    from read_parquet($path, file_row_number = true)
    where (status = 'active'
            and (exited_on is not null or proceeds_eur is not null or fair_value_eur is null))
       or (is_exit(status)
            and (exited_on is null or proceeds_eur is null or fair_value_eur is not null))
)

select
    count(*) as broken_rows,
    min(file_row_number) + 1 as first_row,
    list(file_row_number + 1 order by file_row_number)[1:$examples] as example_rows
from broken
