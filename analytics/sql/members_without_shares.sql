-- Current members (no left_on) with no line at all in the share register: every member buys shares.
with members as (
    select file_row_number, member_id
    from read_parquet($path, file_row_number = true)
    where left_on is null
),

holders as (
    select distinct member_id
    from read_parquet($shares)
),

broken as (
    select m.file_row_number
    from members as m
    where not exists (select 1 from holders as h where h.member_id = m.member_id)
)

select
    count(*) as broken_rows,
    min(file_row_number) + 1 as first_row,
    list(file_row_number + 1 order by file_row_number)[1:$examples] as example_rows
from broken
