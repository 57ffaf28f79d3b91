-- Tickets whose member was not an active member on invested_on (the cooperators-only rule).
with tickets as (
    select file_row_number, member_id, invested_on
    from read_parquet($path, file_row_number = true)
),

members as (
    select member_id, joined_on, left_on
    from read_parquet($members)
),

broken as (
    select t.file_row_number
    from tickets as t
    where not exists (
        select 1
        from members as m
        where m.member_id = t.member_id
          and is_cooperator(m.joined_on, m.left_on, t.invested_on)
    )
)

select
    count(*) as broken_rows,
    min(file_row_number) + 1 as first_row,
    list(file_row_number + 1 order by file_row_number)[1:$examples] as example_rows
from broken
